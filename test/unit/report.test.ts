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

const SYLLABUS = `# Research Methods

## Intended learning outcomes

- **ILO1:** Formulate a testable hypothesis from a research question.
- **ILO2:** Design a field study that tests a hypothesis.
- **ILO3:** Define the parts of a research design.

## Assignments

1. Formulate three hypotheses for a question of your choice (ILO1).
2. What is a dependent variable? (ILO2, ILO3)
3. Weekly reading log (20%)
`;

test('the report shows the kind, the objective x assessment matrix and its coverage', () => {
  const ws = new Workspace();
  ws.update('syllabus.md', SYLLABUS);
  const report = buildReport(ws.outlines(), undefined, (o) => ws.kindOf(o.filePath));
  const course = report.courses[0]!;
  assert.equal(course.kind.value, 'academic');
  assert.match(course.kind.reason, /intended learning outcomes/);
  assert.deepEqual(
    course.assessmentMatrix.map((c) => `${c.objective}->${c.assessment}`),
    [
      'ILO1->assignments#assessment-1',
      'ILO2->assignments#assessment-2',
      'ILO3->assignments#assessment-2',
    ],
  );
  assert.deepEqual(
    course.assessments.map((a) => [a.level, a.weight, a.objectives.length]),
    [
      ['create', null, 1],
      ['remember', null, 2],
      [null, '20%', 0],
    ],
  );
  assert.deepEqual(
    course.objectives.map((o) => [o.id, o.level, o.assessedAt]),
    [
      ['ILO1', 'create', 'create'],
      ['ILO2', 'create', 'remember'],
      ['ILO3', 'remember', 'remember'],
    ],
  );
  const c = course.coverage;
  assert.deepEqual(
    [
      c.assessments,
      c.objectivesWithAssessment,
      c.objectivesAssessedAtLevel,
      c.assessmentsCheckingNothing,
    ],
    [3, 3, 2, 1],
  );
});

test('the writers show assessments where a course has them, and outcome figures only where expected', async () => {
  const { formatReportMarkdown, formatReportHtml, formatReportCsv } =
    await import('../../server/src/report/index.js');
  const ws = new Workspace();
  ws.update('syllabus.md', SYLLABUS);
  const report = buildReport(ws.outlines(), undefined, (o) => ws.kindOf(o.filePath));
  const md = formatReportMarkdown(report);
  assert.match(md, /Kind: academic, read from the outline: /);
  assert.match(md, /\| Objectives with an assessment \| 3 \| 3 objectives \| 100% \| ✔ \|/);
  assert.match(
    md,
    /\| Objectives assessed at their level \| 2 \| 3 objectives with a level \| 67% \| ⚠ \|/,
  );
  assert.match(md, /### Objectives and assessments/);
  assert.match(
    md,
    /\| ILO2 Design a field study that tests a hypothesis\. \*\*⚠ assessed below its level\*\* \| create \|/,
  );
  assert.doesNotMatch(md, /Objectives with an outcome|### Alignment matrix/, 'no outcome expected');
  const html = formatReportHtml(report);
  assert.match(html, /<h3>Objectives and assessments<\/h3>/);
  assert.match(html, /<span class="level">remember<\/span>/);
  assert.match(html, /ILO2 is checked by assignments#assessment-2 \(explicit link\)/);
  assert.doesNotMatch(html, /<h3>Outcomes<\/h3>/);
  const csv = formatReportCsv(report).split('\r\n');
  assert.ok(
    csv.some((l) =>
      /,ILO2,.*,assignments#assessment-2,"What is a dependent variable\? \(ILO2, ILO3\)",remember,explicit$/.test(
        l,
      ),
    ),
    csv.join('\n'),
  );
  assert.ok(csv.some((l) => /,assignments#assessment-3,Weekly reading log \(20%\),,none$/.test(l)));
});
