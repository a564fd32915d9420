// Items and findings are made by literals that name every field (recognise/items.ts finishItem,
// rules/rule.ts findingWith, workspace.ts moved), not by spreading another object: V8 then keeps
// every field in the object itself, where a spread left most of an item's fields, and three of a
// finding's, in a separate property array (one more object to reach on each read, and an edit of
// a long outline reads ~9,000 items and ~10,000 findings several times). The guard here is that
// nothing was lost or reordered in the rewrite: every item of every fixture has the fields a
// spread gave it, in the same order; a finding has what the spread gave it; and the findings
// after edits still equal a fresh lint's (the incremental and outline-reuse tests check more).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Workspace, type Finding, type Item } from '../../server/src/core/index.js';
import { findingOf, kept, type Reported } from '../../server/src/core/rules/rule.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const FIXTURES = `${root}test/fixtures/rules/`;

/** The fields a spread of the builder's item (addItem's base, then the kind's own) gave, in
 * order; the readers add some later to a few items (after these). */
const BASE = [
  'kind',
  'index',
  'id',
  'explicitId',
  'idSpan',
  'text',
  'span',
  'textSpan',
  'section',
  'block',
  'source',
  'label',
  'references',
  'parent',
  'plain',
  'offsets',
  'insertion',
];
const OWN: Record<Item['kind'], string[]> = {
  objective: ['analysis', 'outcomes', 'assessments'],
  outcome: ['analysis', 'objectives'],
  assessment: ['analysis', 'objectives'],
};
const LATER = new Set(['abcd', 'degreeByCriteria', 'rowObjectives']);

test('every item of the fixtures has the fields a spread gave it, in the same order', () => {
  const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.md'));
  assert.ok(files.length > 50);
  let items = 0;
  for (const file of files) {
    const ws = new Workspace(undefined, { reuseFindings: true });
    ws.update(file, readFileSync(FIXTURES + file, 'utf8'));
    ws.lint(file);
    const outline = ws.get(file)!;
    for (const item of [...outline.objectives, ...outline.outcomes, ...outline.assessments]) {
      const keys = Object.keys(item);
      const expected = [...BASE, ...OWN[item.kind]];
      assert.deepEqual(keys.slice(0, expected.length), expected, `${file}: ${item.id}`);
      for (const k of keys.slice(expected.length))
        assert.ok(LATER.has(k), `${file}: ${item.id} has ${k}`);
      for (const k of expected)
        assert.notEqual((item as unknown as Record<string, unknown>)[k], undefined, `${k} lost`);
      items++;
    }
  }
  assert.ok(items > 500, `${items} items`);
});

test('a finding holds what was reported, as the spread made it', () => {
  const span = { start: 3, end: 9 };
  const fix = { title: 'Fix', isPreferred: false, edits: [{ span, newText: 'x' }] };
  const related = [{ message: 'there', filePath: 'b.md', span }];
  const variants: Reported[] = [
    { ruleId: 'no-verb', message: 'm', span },
    { ruleId: 'no-verb', message: 'm', span, item: { kind: 'objective', id: 'LO1' } },
    { message: 'm', span, ruleId: 'duplicate-id', related, fixes: [fix] },
    { ruleId: 'x', span, message: 'n', fixes: [fix], item: { kind: 'outcome', id: 'O1' } },
    { ruleId: 'x', span, message: 'n', related },
  ];
  for (const reported of variants) {
    for (const severity of ['error', 'warning', 'hint'] as const) {
      const made = findingOf(reported, severity);
      assert.deepEqual(made, { fixes: [], related: [], ...reported, severity });
      // The same order of fields whatever the rule wrote: one shape with an item, one without.
      assert.deepEqual(
        Object.keys(made),
        ['ruleId', 'severity', 'message', 'span', 'fixes', 'related', 'item'].slice(
          0,
          reported.item ? 7 : 6,
        ),
      );
    }
    const held = kept({ ...reported });
    assert.equal(findingOf(held, 'warning'), findingOf(held, 'warning'));
  }
});

test('findings after edits that move items equal a fresh lint, fields and order', () => {
  const text = readFileSync(`${root}examples/course-outline.md`, 'utf8').repeat(3);
  const ws = new Workspace(undefined, { reuseFindings: true });
  ws.update('a.md', text);
  ws.lint('a.md');
  let current = text;
  for (const [at, insert] of [
    [0, 'Intro line.\n\n'],
    [40, 'x'],
    [current.length >> 1, '\n\nMore text.\n'],
  ] as const) {
    current = current.slice(0, at) + insert + current.slice(at);
    ws.update('a.md', current);
    const reused = ws.lint('a.md');
    const fresh = new Workspace(undefined, { reuseFindings: true });
    fresh.update('a.md', current);
    const expected = fresh.lint('a.md');
    assert.deepEqual(reused, expected);
    const keysOf = (fs: Finding[]) => fs.map((f) => Object.keys(f).join());
    assert.deepEqual(keysOf(reused), keysOf(expected));
  }
});
