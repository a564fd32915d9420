// Findings reused between edits (Workspace option reuseFindings) where an item's reading depends
// on text outside the item: a session plan's stated length dates its "Success indicators"
// (rules/missing-timeframe.ts), and a label paragraph's timeframe dates the table of measures
// under it (recognise/timing.ts). An edit of that other text must give the findings a fresh
// lint gives, though the items themselves are unchanged.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Workspace } from '../../server/src/core/index.js';
import { repoRoot } from './fixture-helpers.js';

const FILE = 'plan.md';

function fresh(text: string) {
  const ws = new Workspace();
  ws.update(FILE, text);
  return ws.lint(FILE);
}

/** Lints `before` with reuse, then `after` in the same workspace; compares with a fresh lint. */
function afterEdit(before: string, after: string) {
  const ws = new Workspace(undefined, { reuseFindings: true });
  ws.update(FILE, before);
  ws.lint(FILE);
  ws.update(FILE, after);
  const found = ws.lint(FILE);
  assert.deepEqual(found, fresh(after));
  return found.filter((f) => f.ruleId === 'missing-timeframe').length;
}

const SESSION = [
  '# Passing under pressure: session plan',
  '',
  '**Duration**: 75 minutes',
  '',
  '## Session overview',
  '',
  '### Primary objectives',
  '',
  '1. Complete a chest pass to a moving teammate',
  '2. Choose the open teammate after a ball fake',
  '',
  '### Success indicators',
  '',
  '- Turnovers in the 3-on-2 drill fall from 5 to 2',
  '- Completed passes rise from 6 to 9 of 10',
  '',
].join('\n');

test("a session plan's length typed or deleted dates its success indicators, or not", () => {
  const without = SESSION.replace('**Duration**: 75 minutes', 'A plan.');
  assert.equal(afterEdit(SESSION, without), 2);
  assert.equal(afterEdit(without, SESSION), 0);
});

const LABELLED = [
  '# Launch training',
  '',
  '## Objectives',
  '',
  '- Configure the VPN client within 5 minutes',
  '',
  '## Success metrics',
  '',
  '**Measurement:** Business metrics (6-12 months post-launch)',
  '',
  '| Metric | Target |',
  '| --- | --- |',
  '| Tickets about the VPN | fall from 40 to 10 |',
  '| Calls to the help desk | fall from 30 to 5 |',
  '',
].join('\n');

test("a label paragraph's timeframe typed or deleted dates the table under it, or not", () => {
  const without = LABELLED.replace(' (6-12 months post-launch)', '');
  assert.equal(afterEdit(LABELLED, without), 2);
  assert.equal(afterEdit(without, LABELLED), 0);
});

/** Lines of prose: not a list item, table row, heading, comment or fence (the items' own lines
 * are edited by the random edits of incremental.test.ts; these are the text around them). */
const PROSE_LINE = /^\s*(?:[-*+]\s|\d+[.)]\s|\||#|<!--|```)/;

test('deleting a line of prose around the items, and typing it back, gives the findings of a fresh lint', () => {
  // Each rule fixture: its first twelve lines of prose, each deleted and then restored, in a
  // workspace that reuses findings. A reading that depends on such a line (a session's length, a
  // label's timeframe) and is missing from the reuse's signature makes findings differ.
  const dir = path.join(repoRoot, 'test/fixtures/rules');
  const differ: string[] = [];
  let edits = 0;
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.md'))) {
    const text = readFileSync(path.join(dir, name), 'utf8');
    const lines = text.split('\n');
    const prose = lines
      .map((_, i) => i)
      .filter((i) => lines[i]!.trim() && !PROSE_LINE.test(lines[i]!))
      .slice(0, 12);
    for (const i of prose) {
      const without = lines.filter((_, k) => k !== i).join('\n');
      for (const [before, after] of [
        [text, without],
        [without, text],
      ] as const) {
        const ws = new Workspace(undefined, { reuseFindings: true });
        ws.update(name, before);
        ws.lint(name);
        ws.update(name, after);
        const found = ws.lint(name);
        const expected = new Workspace();
        expected.update(name, after);
        edits++;
        try {
          assert.deepEqual(found, expected.lint(name));
        } catch {
          differ.push(`${name}:${i + 1} ${after === text ? 'restored' : 'deleted'}`);
        }
      }
    }
  }
  assert.ok(edits > 1000, `only ${edits} edits`);
  assert.deepEqual(differ, []);
});
