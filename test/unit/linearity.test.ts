// Pathological inputs stay linear: each pattern (long runs of spaces, brackets, references,
// letters, emphasis delimiters, and the shapes that made our own regexes backtrack) is put in
// every place the analysis reads text (objective, outcome, assessment and its task, heading,
// lead-in, label, reference, front matter, div fence, comment, table cell), at 10k and 40k characters in all; analysis time may grow
// at most 8 times (linear would be 4, quadratic 16). This catches catastrophic backtracking in
// the regexes of server/src/core (language/*.ts, outline.ts, parse.ts, rules/*.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Workspace } from '../../server/src/core/index.js';

const PATTERNS: Record<string, (n: number) => string> = {
  spaces: (n) => `a${' '.repeat(n)}x`,
  tabs: (n) => `a${'\t'.repeat(n)}x`,
  'many [': (n) => '['.repeat(n),
  'many (LO1, ': (n) => '(LO1, '.repeat(n / 6),
  'LO1, LO1 without a bracket': (n) => `(${'LO1, '.repeat(n / 5)}`,
  'a without spaces': (n) => 'a'.repeat(n),
  'run of *': (n) => '*'.repeat(n),
  'run of _': (n) => '_'.repeat(n),
  '*a*a*a': (n) => '*a'.repeat(n / 2),
  'nested emphasis': (n) => `${'*a '.repeat(n / 6)}${'b* '.repeat(n / 6)}`,
  '[a][a]': (n) => '[a]'.repeat(n / 3),
  'keyword then spaces': (n) => `supports${' '.repeat(n)}x`,
  '(see then spaces': (n) => `(see${' '.repeat(n)}x)`,
  'colons inside': (n) => `a${':'.repeat(n)}b`,
  'digits in parentheses': (n) => `(${'1'.repeat(n)}`,
  'long digits then a letter': (n) => `LO${'1'.repeat(n)}x`,
  'from 1 then a long word': (n) => `from 1 ${'a'.repeat(n)}`,
  'unclosed directives': (n) => '<!-- bloomline-disable '.repeat(n / 23),
  'unclosed placeholders': (n) => '[todo '.repeat(n / 6),
  '{# then spaces': (n) => `{#${' '.repeat(n)}x`,
  'and explain the': (n) => 'and explain the '.repeat(n / 16),
  'spaces and commas': (n) => `and${' '.repeat(n)}.x`,
  entities: (n) => '&#65;'.repeat(n / 5),
  'underscore words': (n) => 'a_b '.repeat(n / 4),
  'which which': (n) => 'which is better '.repeat(n / 16),
  'why then fails': (n) => `why ${'does it '.repeat(n / 8)}`,
  'punctuation then spaces': (n) => `a.${' '.repeat(n)}B?`,
  'dots and question marks': (n) => '. ?'.repeat(n / 3),
  'percent signs': (n) => '1%'.repeat(n / 2),
};

/** The pattern (n characters in all) in every place the analysis reads text. */
function document(pattern: (n: number) => string, n: number): string {
  const p = pattern(Math.floor(n / 10));
  const yaml = p.replace(/["\\\r\n]/g, ' ');
  return [
    '---',
    'objectives:',
    `  - "Explain ${yaml}"`,
    '---',
    `# ${p}`,
    '',
    '## Objectives',
    '',
    `- Understand ${p} within 5 minutes`,
    `- **LO1:** Explain ${p}`,
    `- Objective: ${p} {#lo2}`,
    '',
    `Participants ${p} will be able to:`,
    '',
    `- Identify and ${p} then ${p}`,
    '',
    '## Outcomes',
    '',
    `- Outcome: ${p} by Q2`,
    `- Tickets fall ${p} (LO1)`,
    '',
    `## ${p}`,
    '',
    `<!-- bloomline-disable ${p} -->`,
    '',
    `::: ${p}`,
    '- x',
    ':::',
    '',
    // Assessments: a heading and its task, a list of them, a challenge, a label, a table.
    `### Exercise 1: ${p}`,
    '',
    // One pattern per paragraph, as everywhere above: micromark's inline HTML reading is
    // quadratic within one paragraph of unclosed "<!--" (not Bloomline's to fix here).
    `Using ${p}, write a loop.`,
    '',
    `What is ${p}?`,
    '',
    `Why ${p}?`,
    '',
    '## Exercises',
    '',
    `- Which ${p} is better, and why?`,
    `- ${p} 30%`,
    '',
    '::: challenge',
    '',
    `## ${p}`,
    '',
    `How would you ${p}?`,
    '',
    ':::',
    '',
    `**Quiz:** ${p}?`,
    '',
    '| Learning objective | Assessment |',
    '| --- | --- |',
    `| Explain loops | ${p.replace(/[|\r\n]/g, ' ')} |`,
    '',
  ].join('\n');
}

/** The least CPU time of three analyses: a GC pause or a busy neighbour (npm test runs test
 * files side by side) adds to one run, not to all three. */
function cpuMs(text: string): number {
  let best = Infinity;
  for (let run = 0; run < 3; run++) {
    const before = process.cpuUsage();
    const ws = new Workspace();
    ws.update('linear.md', text);
    ws.lint('linear.md');
    ws.outlineJson('linear.md');
    const used = process.cpuUsage(before);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

test('analysis time grows linearly on pathological text (40k/10k < 8)', () => {
  cpuMs(document(PATTERNS.spaces!, 10_000)); // warm up
  const slow: string[] = [];
  for (const [name, pattern] of Object.entries(PATTERNS)) {
    const small = cpuMs(document(pattern, 10_000));
    const large = cpuMs(document(pattern, 40_000));
    // Below 30 ms the ratio is noise; quadratic backtracking takes far longer than that at 40k.
    if (large > 30 && large / Math.max(small, 1) >= 8)
      slow.push(`${name}: ${small.toFixed(0)} ms -> ${large.toFixed(0)} ms`);
  }
  assert.deepEqual(slow, [], 'superlinear analysis time');
});
