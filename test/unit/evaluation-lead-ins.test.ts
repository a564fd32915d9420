// Evaluation lead-ins (leadins.ts, lead-ins.json "evaluation"): "Your performance will be
// evaluated on:", "You will be graded on:" say how a person is evaluated. The list after one
// holds the review's criteria or the graded work: assessments, whatever heading stands above
// it ("### Success metrics" in an onboarding guide), except an item that reads as a metric,
// which stays an outcome. The programme's own success ("Success will be assessed by:") keeps
// its outcome lead-in.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintText } from './fixture-helpers.js';

function kinds(leadIn: string, items: string[], heading = '### Success metrics'): string[] {
  const text = [
    '# Support desk induction',
    '',
    '## First month goals',
    '',
    'By the end of your first month, you should:',
    '- Resolve tier-1 tickets with the knowledge base',
    '',
    heading,
    '',
    leadIn,
    ...items.map((i) => `- ${i}`),
    '',
  ].join('\n');
  const o = lintText(text, 'plan.md').ws.get('plan.md')!;
  return [
    ...o.outcomes.map((x) => `outcome: ${x.text}`),
    ...o.assessments.map((x) => `assessment: ${x.text}`),
  ].sort();
}

const REVIEW = ['Quality of work delivered', 'Collaboration and teamwork'];

for (const leadIn of [
  'Your performance will be evaluated on:',
  'Your work will be assessed against the following criteria:',
  'You will be graded on:',
  'Employees are rated on:',
  "Each intern's performance is reviewed against:",
  'Students will be assessed on the following:',
])
  test(`"${leadIn}" makes a review's criteria assessments`, () => {
    assert.deepEqual(kinds(leadIn, REVIEW), [
      'assessment: Collaboration and teamwork',
      'assessment: Quality of work delivered',
    ]);
  });

test('a metric among the criteria stays an outcome', () => {
  assert.deepEqual(
    kinds('Your performance will be evaluated on:', [
      'Quality of work delivered',
      'First-contact resolution rises from 60% to 75% within 90 days',
    ]),
    [
      'assessment: Quality of work delivered',
      'outcome: First-contact resolution rises from 60% to 75% within 90 days',
    ],
  );
});

// Controls: what was read before stays so.
test('the programme\'s success "will be assessed by:" keeps its outcomes', () => {
  assert.deepEqual(
    kinds('Success will be assessed by:', ['Ticket backlog', 'Customer complaints']),
    ['outcome: Customer complaints', 'outcome: Ticket backlog'],
  );
});

test('without the lead-in, the items under "Success metrics" are outcomes', () => {
  assert.deepEqual(kinds('We track:', REVIEW), [
    'outcome: Collaboration and teamwork',
    'outcome: Quality of work delivered',
  ]);
});

test('"You will be graded on:" under "## Grading" is the graded work', () => {
  assert.deepEqual(
    kinds(
      'You will be graded on:',
      ['Weekly problem sets (30%)', 'Final exam (70%)'],
      '## Grading',
    ),
    ['assessment: Final exam (70%)', 'assessment: Weekly problem sets (30%)'],
  );
});

test('"You will be graded on:" under a heading that names nothing is read', () => {
  assert.deepEqual(
    kinds(
      'You will be graded on:',
      ['Weekly problem sets (30%)', 'Final exam (70%)'],
      '## Course requirements',
    ),
    ['assessment: Final exam (70%)', 'assessment: Weekly problem sets (30%)'],
  );
});

test('an evaluation lead-in is read in linear time', () => {
  for (const filler of [
    ' '.repeat(50_000),
    'your '.repeat(20_000),
    "each intern's ".repeat(5_000),
  ]) {
    const t0 = performance.now();
    kinds(`You${filler}will be evaluated on:`, REVIEW);
    kinds(`${filler}performance will be graded on:`, REVIEW);
    assert.ok(performance.now() - t0 < 2000, `${filler.slice(0, 12)}...`);
  }
});
