// A session plan's stated length (rules/missing-timeframe.ts sessionLength): found before the
// plan's first item, in the ways plans write it; a programme's length in weeks is none.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sessionLength } from '../../server/src/core/rules/missing-timeframe.js';
import { lintText } from './fixture-helpers.js';

function lengthOf(line: string): string | null {
  const text = [
    '# Session plan',
    '',
    line,
    '',
    '## Objectives',
    '',
    '- Complete a chest pass to a moving teammate',
    '',
  ].join('\n');
  return sessionLength(lintText(text, 'plan.md').ws.get('plan.md')!);
}

const CASES: [string, string | null][] = [
  ['**Duration**: 60-90 minutes', '60-90 minutes'],
  ['Lesson length: 50 min', '50 min'],
  ['- **Time:** about 1.5 hours', 'about 1.5 hours'],
  ['Session duration: 45 mins', '45 mins'],
  ['**Duration**: 6 weeks', null],
  ['Duration: self-paced', null],
  ['We spent 20 minutes on this last time.', null],
];

for (const [line, want] of CASES)
  test(`${line} -> ${want}`, () => {
    assert.equal(lengthOf(line), want);
  });

test("a length stated after the first item is not the plan's", () => {
  const text = '# Plan\n\n## Objectives\n\n- Complete a chest pass\n\nDuration: 45 minutes\n';
  assert.equal(sessionLength(lintText(text, 'plan.md').ws.get('plan.md')!), null);
});

test('long lines and runs of spaces are read in linear time', () => {
  const t0 = performance.now();
  lengthOf(`Duration:${' '.repeat(100_000)}x`);
  lengthOf(`**${'*'.repeat(150)}Duration${' '.repeat(40)}`);
  assert.ok(performance.now() - t0 < 2000);
});
