// The answers about a heading's text that every build asks of every heading (whether it is a
// standard's knowledge, skills or behaviours heading; whether it names a lab's report) are kept
// by text across builds. Each answer must be the text's own: texts asked in either order, again
// and again, texts of the same length that differ, and texts too long to be kept.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isKsbHeading } from '../../server/src/core/recognise/plan.js';
import { labReportName } from '../../server/src/core/recognise/names.js';
import { BoundedMemo, memo } from '../../server/src/core/memo.js';
import { clearCaches } from '../../server/src/core/caches.js';

const KSB: [string, boolean][] = [
  ['Knowledge', true],
  ['Knowledgx', false],
  ['**Skills**', true],
  ['Skillz', false],
  ['Core knowledge {#k}', true],
  ['Core knowledgx {#k}', false],
  ['Behaviours', true],
  ['Behavioral', false],
  ['Knowledge, skills and behaviours (KSBs)', true],
  [`Knowledge ${'x'.repeat(200)}`, false],
  [`Knowledge${' '.repeat(200)}`, true],
];

const REPORTS: [string, boolean][] = [
  ['Report', true],
  ['Resort', false],
  ['Your report:', true],
  ['Your resort:', false],
  ['**Final report**', true],
  ['**Final resort**', false],
  [`Report${' '.repeat(30)}`, false],
];

for (const order of ['forward', 'backward'] as const) {
  test(`heading answers kept by text are each text's own (${order})`, () => {
    const ksb = order === 'forward' ? KSB : [...KSB].reverse();
    const reports = order === 'forward' ? REPORTS : [...REPORTS].reverse();
    for (let round = 0; round < 3; round++) {
      for (const [text, expected] of ksb) assert.equal(isKsbHeading(text), expected, text);
      for (const [text, expected] of reports) {
        assert.equal(labReportName(text, () => ['Lab 3: Titration']) !== null, expected, text);
        // Outside a lab, "Report" names nothing, whatever was kept of its text.
        assert.equal(
          labReportName(text, () => ['Newsroom']),
          null,
          text,
        );
      }
    }
  });
}

test('a bounded memo keeps null and false answers, forgets all at its bound, and clearCaches empties it', () => {
  const m = new BoundedMemo<string, boolean | null>(3);
  m.set('a', false);
  m.set('b', null);
  assert.equal(m.get('a'), false);
  assert.equal(m.get('b'), null);
  assert.equal(m.get('c'), undefined);
  m.set('c', true);
  assert.equal(m.size, 3);
  // Full: the next answer starts it again.
  assert.equal(m.set('d', true), true);
  assert.equal(m.size, 1);
  assert.equal(m.get('a'), undefined);

  // The core's own memos are emptied by clearCaches (a leak test measures what is left).
  const kept = memo<string, number>(10);
  kept.set('x', 1);
  isKsbHeading('Knowledge and skills for this test');
  clearCaches();
  assert.equal(kept.size, 0);
  assert.equal(isKsbHeading('Knowledge'), true, 'answers are made again after clearing');
});
