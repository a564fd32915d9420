// Fix scenarios: for every fixture, apply every preferred fix (what `bloomline check --fix`
// does) and check that the result is stable, still an outline with the same items, and changed
// only where fixes were made. Then the headline rewrites, exactly.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  LineIndex,
  Workspace,
  buildOutline,
  compatiblePreferredFixes,
  fixFile,
  applyEdits,
  type TextEdit,
} from '../../server/src/core/index.js';
import { configOf, fixtureFiles } from './fixture-helpers.js';

function fixText(
  text: string,
  filePath = 'outline.md',
  config = configOf(text),
): { text: string; applied: number; ws: Workspace } {
  const ws = new Workspace(config);
  ws.update(filePath, text, config);
  const r = fixFile(ws, filePath);
  return { ...r, ws };
}

/** The edits each pass of fixFile applies, replayed. */
function passes(text: string, filePath: string): { before: string; edits: TextEdit[] }[] {
  const config = configOf(text);
  const ws = new Workspace(config);
  ws.update(filePath, text, config);
  const out: { before: string; edits: TextEdit[] }[] = [];
  let cur = text;
  for (let i = 0; i < 10; i++) {
    const edits = compatiblePreferredFixes(ws.lint(filePath)).flat();
    if (!edits.length) break;
    out.push({ before: cur, edits });
    cur = applyEdits(cur, edits);
    ws.update(filePath, cur, config);
  }
  return out;
}

const newlines = (s: string) => (s.match(/\r\n|\r|\n/g) ?? []).length;

describe('fixing every fixture', () => {
  for (const file of fixtureFiles()) {
    const name = path.basename(file);
    test(name, () => {
      const original = fs.readFileSync(file, 'utf8');
      const config = configOf(original);
      const { text: fixed, ws } = fixText(original, file, config);

      // No finding with a preferred fix is left.
      const left = ws.lint(file).filter((f) => f.fixes.some((x) => x.isPreferred));
      assert.deepEqual(
        left.map((f) => `${f.ruleId}: ${f.message}`),
        [],
        `${name}: preferred fixes left after --fix`,
      );

      // Fixing again changes nothing.
      const again = fixText(fixed, file, config);
      assert.equal(again.text, fixed, `${name}: second fix pass changed the text`);
      assert.equal(again.applied, 0);

      // Still parses, with the same items.
      const before = buildOutline(original, file, config);
      const after = buildOutline(fixed, file, config);
      assert.equal(after.objectives.length, before.objectives.length, `${name}: objectives`);
      assert.equal(after.outcomes.length, before.outcomes.length, `${name}: outcomes`);

      // Text outside the edited places is unchanged.
      const ps = passes(original, file);
      let delta = 0;
      const touched = new Set<number>();
      let linesStable = true;
      for (const p of ps) {
        const idx = new LineIndex(p.before);
        for (const e of p.edits) {
          const removed = newlines(p.before.slice(e.span.start, e.span.end));
          const added = newlines(e.newText);
          delta += added - removed;
          if (added || removed) linesStable = false;
          for (let l = idx.position(e.span.start).line; l <= idx.position(e.span.end).line; l++)
            touched.add(l);
        }
      }
      const a = original.split(/\r\n|\r|\n/);
      const b = fixed.split(/\r\n|\r|\n/);
      assert.equal(
        b.length - a.length,
        delta,
        `${name}: line count changes only by the lines fixes insert`,
      );
      if (linesStable) {
        for (let l = 0; l < a.length; l++)
          if (!touched.has(l))
            assert.equal(b[l], a[l], `${name}:${l + 1} changed but no fix touched it`);
      }
    });
  }
});

describe('headline rewrites', () => {
  const objectives = (items: string) => `## Objectives\n\n${items}`;
  const cases: [string, string, string][] = [
    [
      'understand how to',
      objectives('- Understand how to configure the VPN client\n'),
      objectives('- Configure the VPN client\n'),
    ],
    [
      'understand X',
      objectives('- Understand the benefits of X.\n'),
      objectives('- Explain the benefits of X.\n'),
    ],
    [
      'know X',
      objectives('- Know the password policy\n'),
      objectives('- Identify the password policy\n'),
    ],
    [
      'lead-in carrying the verb',
      'After this lesson, you will understand:\n\n- the benefits of version control\n',
      'After this lesson, you will be able to:\n\n- Explain the benefits of version control\n',
    ],
    [
      'lead-in whose subject is the lesson, not the learner',
      '# Git\n\nThis lesson will cover:\n\n- the benefits of version control\n- how to write a commit message\n',
      '# Git\n\nAfter this lesson, you will be able to:\n\n- Describe the benefits of version control\n- Write a commit message\n',
    ],
    [
      'lead-in over topics named by common nouns',
      '# Git\n\nThis lesson will cover:\n\n- Introduction to version control\n',
      '# Git\n\nAfter this lesson, you will be able to:\n\n- Describe introduction to version control\n',
    ],
    [
      'duplicate ID renumbered to the next free one',
      objectives(
        '- **LO1:** Explain X within 5 minutes.\n- **LO1:** Explain Y within 5 minutes.\n',
      ),
      objectives(
        '- **LO1:** Explain X within 5 minutes.\n- **LO2:** Explain Y within 5 minutes.\n',
      ),
    ],
    [
      'duplicate ID skips IDs in use',
      objectives(
        '- **LO1:** Explain X within 5 minutes.\n- **LO1:** Explain Y within 5 minutes.\n- **LO2:** List Z within 5 minutes.\n',
      ),
      objectives(
        '- **LO1:** Explain X within 5 minutes.\n- **LO3:** Explain Y within 5 minutes.\n- **LO2:** List Z within 5 minutes.\n',
      ),
    ],
    [
      'mid-sentence verb stays lowercase',
      objectives('- Learners will understand how to configure the VPN client\n'),
      objectives('- Learners will configure the VPN client\n'),
    ],
    [
      'tab-indented nested list',
      objectives('- Know the password policy\n\t- Know the leave policy\n'),
      objectives('- Identify the password policy\n\t- Identify the leave policy\n'),
    ],
    [
      'tab after the marker',
      objectives('-\tKnow the password policy\n'),
      objectives('-\tIdentify the password policy\n'),
    ],
  ];
  for (const [name, input, expected] of cases) {
    test(name, () => assert.equal(fixText(input).text, expected));
  }

  test('CRLF line breaks are preserved', () => {
    const input = objectives(
      '- Understand how to configure the VPN client\n- Know the password policy\n',
    ).replace(/\n/g, '\r\n');
    const out = fixText(input).text;
    assert.equal(
      out,
      objectives('- Configure the VPN client\n- Identify the password policy\n').replace(
        /\n/g,
        '\r\n',
      ),
    );
  });

  test('CRLF preserved when a lead-in is rewritten', () => {
    const input =
      'After this lesson, you will understand:\r\n\r\n- the benefits of version control\r\n- why commits should be small\r\n';
    assert.equal(
      fixText(input).text,
      'After this lesson, you will be able to:\r\n\r\n- Explain the benefits of version control\r\n- Explain why commits should be small\r\n',
    );
  });

  test('BOM is preserved', () => {
    const input = '\uFEFF' + objectives('- Understand how to configure the VPN client\n');
    assert.equal(fixText(input).text, '\uFEFF' + objectives('- Configure the VPN client\n'));
  });

  test('BOM and CRLF together', () => {
    const input = '\uFEFF' + objectives('- Know the password policy\n').replace(/\n/g, '\r\n');
    assert.equal(
      fixText(input).text,
      '\uFEFF' + objectives('- Identify the password policy\n').replace(/\n/g, '\r\n'),
    );
  });

  test('an emoji before the verb keeps columns right', () => {
    const input = objectives('- 🎯 Know the password policy\n');
    const ws = new Workspace();
    ws.update('e.md', input);
    const f = ws.lint('e.md').find((x) => x.ruleId === 'vague-verb')!;
    assert.ok(f, 'vague-verb reported');
    const pos = new LineIndex(input).position(f.span.start);
    // "- " (2) + the emoji (2 UTF-16 units) + " " (1): the verb starts at column 5.
    assert.deepEqual(pos, { line: 2, character: 5 });
    assert.equal(input.slice(f.span.start, f.span.end), 'Know');
    assert.equal(fixText(input).text.split('\n')[2]!.startsWith('- 🎯 '), true);
  });

  test('an emoji before the verb: the rewritten verb is capitalised', () => {
    assert.equal(
      fixText(objectives('- 🎯 Understand how to configure the VPN client\n')).text,
      objectives('- 🎯 Configure the VPN client\n'),
    );
    assert.equal(
      fixText(objectives('- 🎯 Know the password policy\n')).text,
      objectives('- 🎯 Identify the password policy\n'),
    );
  });

  test('an astral character earlier on the line: the edit lands on the verb', () => {
    const input = objectives('- 🔐🔑 Know the password policy\n');
    const out = fixText(input).text;
    assert.match(out.split('\n')[2]!, /^- 🔐🔑 identify the password policy$/i);
  });
});

test('a lead-in over "how to" items offers one rewrite, which keeps each item\'s own verb', () => {
  const text =
    '# Git\n\nThis lesson will cover:\n\n- how to write a commit message\n- how to undo a commit\n';
  const ws = new Workspace();
  ws.update('outline.md', text);
  const lead = ws.lint('outline.md').filter((f) => f.ruleId === 'vague-verb');
  assert.equal(lead.length, 1);
  assert.deepEqual(
    lead[0]!.fixes.map((f) => f.title),
    ['Rewrite the lead-in as "be able to" and start each objective with its own verb'],
  );
  assert.equal(
    applyEdits(text, lead[0]!.fixes[0]!.edits),
    '# Git\n\nAfter this lesson, you will be able to:\n\n- Write a commit message\n- Undo a commit\n',
  );
});
