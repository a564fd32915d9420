// "Measured by:" under an objective (leadins.ts, measuredByKind): what follows the label decides
// what the line is. A test of learning named anywhere makes an assessment, whatever metric word
// comes first; a count of repetitions ("three times") is a degree, not a metric; a change with
// its timeframe stays an outcome wherever a test stands in it; a line that names neither is a
// note (no item).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintText } from './fixture-helpers.js';

function kindOf(line: string): string {
  const text = [
    '# Warehouse induction',
    '',
    '## Objectives',
    '',
    '- Lock out a conveyor before clearing a jam',
    `  - Measured by: ${line}`,
    '',
  ].join('\n');
  const o = lintText(text, 'plan.md').ws.get('plan.md')!;
  const kinds = [
    ...o.outcomes.map(() => 'outcome'),
    ...o.assessments.map(() => 'assessment'),
    ...o.objectives.slice(1).map(() => 'objective'),
  ];
  return kinds.join(' ') || 'note';
}

const CASES: [string, string][] = [
  // A task named early (as before).
  ['a ten-question quiz on the most common ticket types', 'assessment'],
  ['an observed escalation drill, checked against the runbook checklist', 'assessment'],
  // A task named further in, after a metric word.
  ['scores on the end-of-induction quiz', 'assessment'],
  ['pass rate in the final exam', 'assessment'],
  ['results of the knowledge check at the end of the module', 'assessment'],
  ['average score across all module quizzes', 'assessment'],
  // The learner showing the skill, and a count of repetitions.
  ['demonstrating the lockout procedure three times without prompting', 'assessment'],
  ['performing the lift correctly twice under observation', 'assessment'],
  // Metrics stay outcomes.
  ['20% fewer support tickets within 3 months', 'outcome'],
  ['ticket reopen rate below 5% by Q3', 'outcome'],
  ['response times to reported hazards fall from 48 to 24 hours by Q3 2027', 'outcome'],
  ['average handle time under 6 minutes by Q2', 'outcome'],
  ['failed checks in the monthly forklift test fall from 12% to 4% by Q4 2027', 'outcome'],
  ['share of projects delivered on time rises from 70% to 90% by Q4 2027', 'outcome'],
  // A later project or observation is as likely the job's: not a test of learning.
  ['percentage of projects delivered on time', 'outcome'],
  // Neither.
  ["the team lead's weekly review", 'note'],
  ['the supervisor signing off three times', 'note'],
];

for (const [line, kind] of CASES)
  test(`Measured by: ${line} -> ${kind}`, () => {
    assert.equal(kindOf(line), kind);
  });
