// missing-outcome's finding on an objective an edit moved (rules/missing-outcome.ts) is made from
// the last one (its fix's text kept) when the objective moved by one distance with the same
// indentation, ID and line break, and written afresh otherwise. Checked on random edits of an
// outline of objectives with no outcome (nested ones at several indentations, LF and CRLF): each
// edit inserts or removes text before some objectives, or changes an objective's indentation,
// its ID, a blank line, or (once) the first line's break, which a fix writes; after each, the workspace that reuses
// findings must give the findings (their JSON: spans, fixes' edits and texts) of a fresh one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Workspace } from '../../server/src/core/index.js';
import { mulberry32 } from '../support/random.js';

function outline(eol: string): string {
  const out: string[] = ['# Course', ''];
  for (let m = 1; m <= 40; m++) {
    out.push(`## Module ${m}`, '', 'Participants will be able to:', '');
    for (let k = 1; k <= 6; k++) {
      out.push(`- Configure the tunnel ${m}.${k} {#obj-${m}-${k}}`);
      // One objective measured (so the file has outcomes): the others get the finding.
      if (m === 1 && k === 1) out.push('  - Outcome: error rate from 9% to 2% within 3 weeks');
      if (k % 3 === 0) out.push(`  - Describe the handshake of step ${k}`);
      if (k === 5) out.push(`    1. Explain the step ${k}`);
    }
    out.push('');
  }
  return out.join(eol);
}

const INSERTS = [
  'x',
  ' ',
  '  ',
  '\n',
  '\n\n',
  'Later',
  '{#new-id}',
  '\r\n',
  '- Measure the rate\n',
];

function findings(ws: Workspace, file: string): string {
  return JSON.stringify(ws.lint(file).filter((f) => f.ruleId === 'missing-outcome'));
}

for (const seed of [11, 12, 13]) {
  test(`missing-outcome's moved findings equal a fresh lint's (seed ${seed})`, () => {
    const rnd = mulberry32(seed);
    for (const eol of ['\n', '\r\n']) {
      let text = outline(eol);
      const ws = new Workspace(undefined, { reuseFindings: true });
      const file = '/t/outline.md';
      ws.update(file, text);
      ws.lint(file);
      for (let k = 0; k < 30; k++) {
        const at = Math.floor(rnd() * text.length);
        const cut = rnd() < 0.6 ? 0 : Math.floor(rnd() * 4);
        const insert = INSERTS[Math.floor(rnd() * INSERTS.length)]!;
        text = text.slice(0, at) + insert + text.slice(Math.min(text.length, at + cut));
        // Once, the first line's break changed (the file's line break, which a fix writes).
        if (k === 10) text = text.replace(/\r?\n/, (b) => (b === '\n' ? '\r\n' : '\n'));
        ws.update(file, text);
        const fresh = new Workspace(undefined, { reuseFindings: true });
        fresh.update(file, text);
        assert.equal(
          findings(ws, file),
          findings(fresh, file),
          `seed ${seed}, edit ${k} (${JSON.stringify(eol)}): ${JSON.stringify(insert)} at ${at}, ${cut} cut`,
        );
      }
    }
  });
}
