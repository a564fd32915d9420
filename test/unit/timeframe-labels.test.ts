// When a measure is taken, said outside its own words: a window in parentheses after the
// metric's name ("User adoption (30 days)", language/outcome.ts), and a label paragraph over a
// table of measures ("**Measurement:** Business metrics (6-12 months post-launch)",
// recognise/timing.ts), which dates the rows of the tables after it in its section.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readOutcome } from '../../server/src/core/language/outcome.js';
import { lintText } from './fixture-helpers.js';

const WINDOWS: [string, string | null][] = [
  ['User adoption (30 days) to >90%', '(30 days)'],
  ['Reopened tickets (90-day) to <5%', '(90-day)'],
  ['Repeat calls (3mo) below 8%', '(3mo)'],
  ['Churn (6-12 months post-launch) to 4%', '12 months post'],
  // A measure of time gives its value in parentheses, not a window.
  ['Time to resolve (2 days) to 80%', null],
  ['Average handling time (5 minutes)', null],
  ['Onboarding duration (10 days)', null],
  // Other parentheses are no window.
  ['Customer satisfaction (CSAT) to 4.5', null],
  ['Repeat calls (3 per agent) below 8%', null],
];

for (const [text, want] of WINDOWS)
  test(`window: ${text} -> ${want}`, () => {
    assert.equal(readOutcome(text).timeframe?.text ?? null, want);
  });

test('a timeframe of its own wins over the window', () => {
  assert.equal(
    readOutcome('User adoption (30 days) above 90% by Q3 2027').timeframe?.text,
    'by Q3',
  );
});

function timeframes(label: string): (string | null)[] {
  const text = [
    '# CRM training plan',
    '',
    '## Objectives',
    '',
    'By the end of training, users will be able to:',
    '- Log every call in the CRM within one hour',
    '',
    '## Evaluation plan',
    '',
    label,
    '',
    '| Metric | Baseline | Target |',
    '|---|---|---|',
    '| Sales productivity | 100% | 120% |',
    '',
    '### Another level',
    '',
    '| Metric | Baseline | Target |',
    '|---|---|---|',
    '| Forecast accuracy | 60% | 85% |',
    '',
  ].join('\n');
  const o = lintText(text, 'plan.md').ws.get('plan.md')!;
  return o.outcomes.map((x) => x.analysis.timeframe?.text ?? null);
}

test('"**Measurement:** ... (6-12 months post-launch)" dates the table after it, in its section', () => {
  assert.deepEqual(timeframes('**Measurement:** Business metrics (6-12 months post-launch)'), [
    '6-12 months post-launch',
    null,
  ]);
});

test('"Measurement period: 30, 60 and 90 days post-training" dates it', () => {
  assert.deepEqual(timeframes('Measurement period: 30, 60 and 90 days post-training'), [
    '30, 60 and 90 days post-training',
    null,
  ]);
});

test('a label with no timeframe dates nothing', () => {
  assert.deepEqual(timeframes('**Measurement:** System usage analytics and observation'), [
    null,
    null,
  ]);
});

test('a label over a measure of its own is no timing label', () => {
  const got = timeframes('**Measurement:** Open tickets fall from 40 to 10 within 90 days');
  assert.equal(got[got.length - 2], null);
  assert.equal(got[got.length - 1], null);
});

test('windows and timing labels are read in linear time', () => {
  for (const filler of [' '.repeat(50_000), '(1'.repeat(20_000), '1, '.repeat(20_000)]) {
    const t0 = performance.now();
    readOutcome(`User adoption (${filler} days) to 90%`);
    readOutcome(`Churn (30${filler}-`);
    timeframes(`**Measurement:** ${filler} 6-12 months post-launch`);
    assert.ok(performance.now() - t0 < 2000, filler.slice(0, 6));
  }
});
