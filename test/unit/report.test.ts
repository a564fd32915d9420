// The report data: matrix cells for each link (implied ones marked), the Bloom distribution per
// section and for the course, and coverage figures, on a small outline whose numbers are known.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildReport, Workspace } from '../../server/src/core/index.js';
import { SAMPLE_OUTLINE } from '../support/sample-outline.js';

test('the report counts links, levels and coverage of a known outline', () => {
  const ws = new Workspace();
  ws.update('course.md', SAMPLE_OUTLINE);
  ws.update('notes.md', '# Notes\n\nNothing to see.\n');
  const report = buildReport(ws.outlines());
  assert.equal(report.courses.length, 1, 'a file without objectives is not a course');
  const course = report.courses[0]!;
  assert.equal(course.title, 'Onboarding');
  assert.deepEqual(
    course.matrix.map((c) => `${c.objective}->${c.outcome}${c.implied ? ' (implied)' : ''}`),
    ['LO1->module-1#outcome-1', 'module-2#objective-1->module-2#outcome-1 (implied)'],
  );
  assert.deepEqual(course.levels, {
    remember: 1,
    understand: 0,
    apply: 1,
    analyze: 0,
    evaluate: 0,
    create: 1,
    vague: 1,
    none: 0,
  });
  assert.deepEqual(
    course.distribution.map((d) => [d.section.at(-1), d.line, d.levels.vague]),
    [
      ['Module 1', 3, 1],
      ['Module 2', 16, 0],
    ],
  );
  const c = course.coverage;
  assert.equal(c.objectives, 4);
  assert.equal(c.objectivesWithOutcome, 2);
  assert.equal(c.objectivesWithCriterion, 3);
  assert.equal(c.objectivesWithObservableVerb, 3);
  assert.equal(c.outcomes, 3);
  assert.equal(c.outcomesWithTarget, 3);
  assert.equal(c.outcomesWithTimeframe, 2);
  assert.equal(c.vanityMetrics, 1);
  assert.equal(c.outcomesMeasuringNothing, 1);
  assert.equal(c.higherOrderShare, 2 / 3);
  assert.deepEqual(report.coverage, c, 'one course: the totals are its figures');
  const vanity = course.outcomes.find((o) => o.vanity)!;
  assert.equal(vanity.kirkpatrick, null);
  assert.equal(course.outcomes[0]!.kirkpatrick, 4);
});
