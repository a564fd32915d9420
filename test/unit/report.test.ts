// The report data: matrix cells for each link (implied ones marked), the Bloom distribution per
// section and for the course, and coverage figures, on a small outline whose numbers are known.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildReport, Workspace } from '../../server/src/core/index.js';

const OUTLINE = `# Onboarding

## Module 1

By the end of this module, participants will be able to:

- **LO1:** Configure the VPN client within 10 minutes.
- **LO2:** Understand the password policy.
- **LO3:** Design a phishing drill for their team that meets the security checklist.

### Success measures

- VPN tickets fall from 120 to 40 a month within 90 days (LO1).
- 95% of staff complete the course.

## Module 2

### Learning objectives

- Identify three signs of a phishing email.

### Outcomes

- Reported phishing emails rise by 50% by Q3.
`;

test('the report counts links, levels and coverage of a known outline', () => {
  const ws = new Workspace();
  ws.update('course.md', OUTLINE);
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
