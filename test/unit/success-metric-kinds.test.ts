// Leftovers of the field trials among a workplace plan's success metrics: a test's pass mark is
// an assessment, not an outcome owed a timeframe; a timeframe counted from the training ("30
// days post-training", "within 60 days of completion") is one, and its "completion" no
// completion metric; a verb before a comparison sign ("Achieve >4.0/5.0") is a verb.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintText } from './fixture-helpers.js';
import { readOutcome } from '../../server/src/core/language/outcome.js';
import { readObjectiveForRecognition } from '../../server/src/core/language/objective.js';
import { lexiconFor } from '../../server/src/core/language/lexicon.js';

function kindUnderSuccessMetrics(item: string): string {
  const text = [
    '# Contact centre training',
    '',
    '## Objectives',
    '',
    'Agents will be able to:',
    '',
    '- Resolve a billing query on the first call in under 8 minutes.',
    '',
    '## Success metrics',
    '',
    `- ${item}`,
    '',
  ].join('\n');
  const o = lintText(text, 'plan.md').ws.get('plan.md')!;
  if (o.outcomes.length) return 'outcome';
  if (o.assessments.length) return 'assessment';
  return o.objectives.length > 1 ? 'objective' : 'none';
}

const KINDS: [string, string][] = [
  ['Pass the certification exam with 80% or higher', 'assessment'],
  ['Certification exam: minimum 80%', 'assessment'],
  ['Final quiz: at least 8/10 to pass', 'assessment'],
  ['95% of agents pass the product knowledge test', 'assessment'],
  // A change in a pass rate, a mark with its date, and a score of work on the job: measures.
  ['Pass rate on the certification exam rises from 70% to 90%', 'outcome'],
  ['95% of agents pass the product knowledge test within 30 days of hire', 'outcome'],
  ['QA scores: 85% pass', 'outcome'],
  ['First-call resolution rises from 61% to 75% within two quarters', 'outcome'],
];

for (const [item, kind] of KINDS)
  test(`under "Success metrics": ${item} -> ${kind}`, () => {
    assert.equal(kindUnderSuccessMetrics(item), kind);
  });

test('a timeframe counted from the training is one, and its "completion" no vanity metric', () => {
  for (const [text, timeframe] of [
    ['Competency above 80% at 30 days post-training', '30 days post'],
    ['Order keying errors fall from 8% to 2% 90 days after training', '90 days after'],
    [
      'Average call length falls from 9 to 7 minutes within 60 days of completion',
      'within 60 days of completion',
    ],
  ] as const) {
    const r = readOutcome(text);
    assert.equal(r.timeframe?.text, timeframe, text);
    assert.equal(r.vanity, null, text);
  }
  // Completion as the metric, outside the timeframe, is still one.
  assert.equal(
    readOutcome('Course completion reaches 95% within 30 days of launch').vanity?.text,
    'Course completion',
  );
});

test('a verb before a comparison sign and a number is the behaviour', () => {
  const lex = lexiconFor();
  for (const [text, verb] of [
    ['Achieve >4.0/5.0 user satisfaction with training', 'achieve'],
    ['Score ≥80% on the ticket-triage simulation', 'score'],
    ['Achieve 4.0/5.0 user satisfaction', 'achieve'],
  ] as const)
    assert.equal(readObjectiveForRecognition(text, lex).verb?.lemma, verb, text);
  // A sign with no number after it is no object: "Passwords > a crash course" stays a topic.
  assert.equal(readObjectiveForRecognition('Passwords > a crash course', lex).verb, null);
});
