// The suppressions file's reading and writing, and the counting rules (core/suppressions.ts):
// what ESLint's eslint-suppressions.json holds, kept byte-stable, with hostile keys harmless.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  applySuppressions,
  formatSuppressions,
  parseSuppressions,
  pruneSuppressions,
  recordSuppressions,
} from '../../server/src/core/index.js';

const f = (ruleId: string) => ({ ruleId });

test('parse refuses every shape but { file: { rule: { count: N } } }, with a reason', () => {
  for (const bad of [
    '',
    'null',
    '[]',
    '"a"',
    '{"a.md": []}',
    '{"a.md": {"vague-verb": 3}}',
    '{"a.md": {"vague-verb": {"count": 1.5}}}',
    '{"a.md": {"vague-verb": {"count": "2"}}}',
    '{"a.md": {"vague-verb": {}}}',
    '{"": {"vague-verb": {"count": 1}}}',
  ]) {
    const r = parseSuppressions(bad);
    assert.equal(r.ok, false, bad);
    if (!r.ok) assert.ok(r.reason.length > 10, bad);
  }
});

test('parse then format is stable: sorted keys, zero counts dropped, a BOM and __proto__ harmless', () => {
  const r = parseSuppressions(
    '\uFEFF{"z.md":{"b":{"count":1},"a":{"count":2}},"__proto__":{"x":{"count":1}},"e.md":{"a":{"count":0}}}',
  );
  assert.ok(r.ok);
  if (!r.ok) return;
  assert.deepEqual([...r.suppressions.keys()], ['z.md', '__proto__']);
  const text = formatSuppressions(r.suppressions);
  assert.equal(
    text,
    '{\n  "__proto__": {\n    "x": {\n      "count": 1\n    }\n  },\n  "z.md": {\n    "a": {\n      "count": 2\n    },\n    "b": {\n      "count": 1\n    }\n  }\n}\n',
  );
  assert.equal(({} as Record<string, unknown>).x, undefined, 'no prototype was touched');
  const again = parseSuppressions(text);
  assert.ok(again.ok && formatSuppressions(again.suppressions) === text);
});

test('apply: within the count hidden, over it all shown, under it reported as unused', () => {
  const entry = new Map([
    ['vague-verb', 2],
    ['no-verb', 1],
    ['missing-criterion', 3],
  ]);
  const findings = [
    f('vague-verb'),
    f('vague-verb'),
    f('no-verb'),
    f('no-verb'),
    f('missing-criterion'),
  ];
  const r = applySuppressions(findings, entry);
  assert.deepEqual(
    r.kept.map((x) => x.ruleId),
    ['no-verb', 'no-verb'],
  );
  assert.equal(r.suppressed.length, 3);
  assert.deepEqual(r.exceeded, [{ ruleId: 'no-verb', allowed: 1, found: 2 }]);
  assert.deepEqual(r.unused, [{ ruleId: 'missing-criterion', allowed: 3, found: 1 }]);
  assert.deepEqual(applySuppressions(findings, undefined).kept, findings);
});

test('record and prune touch only the files checked', () => {
  const prev = new Map([
    [
      'a.md',
      new Map([
        ['vague-verb', 5],
        ['no-verb', 1],
      ]),
    ],
    ['other.md', new Map([['no-verb', 2]])],
  ]);
  const results = [{ file: 'a.md', findings: [f('vague-verb'), f('missing-criterion')] }];
  assert.deepEqual(
    formatSuppressions(recordSuppressions(prev, results)),
    formatSuppressions(
      new Map([
        [
          'a.md',
          new Map([
            ['vague-verb', 1],
            ['missing-criterion', 1],
          ]),
        ],
        ['other.md', new Map([['no-verb', 2]])],
      ]),
    ),
  );
  const onlyRule = recordSuppressions(prev, results, ['no-verb']);
  assert.deepEqual([...onlyRule.get('a.md')!], [['vague-verb', 5]], 'no-verb no longer fires');
  const pruned = pruneSuppressions(prev, results, (file) => file !== 'other.md');
  assert.deepEqual([...pruned.keys()], ['a.md']);
  assert.deepEqual([...pruned.get('a.md')!], [['vague-verb', 1]]);
  assert.equal(prev.get('a.md')!.get('vague-verb'), 5, 'the input is not changed');
});
