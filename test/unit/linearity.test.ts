// Analysis time grows linearly with the text.
//
// Pathological inputs: each pattern (long runs of spaces, brackets, references, letters, emphasis
// delimiters, and the shapes that made our own regexes backtrack) is put in every place the
// analysis reads text (objective, outcome, assessment and its task, heading, lead-in, label,
// reference, front matter, div fence, comment, table cell). This catches catastrophic
// backtracking in the regexes of server/src/core (language/*.ts, recognise/*.ts, parse.ts,
// rules/*.ts).
//
// Structure: many headings (a section's end was once found by searching all headings: quadratic,
// 80,000 headings took 19 s), nested sections, objectives, and references between items.
//
// Timing on a shared, loaded machine: the sizes are 8 times apart, so linear time grows 8 times
// and quadratic 64 times; the limit is 20 (16 for structures). Each size is timed in CPU time
// (not wall time), the least of a few runs, and a case over the limit is measured again, up to
// three times, before it fails: a busy neighbour or a GC pause slows one measurement, a quadratic
// algorithm every one. (With sizes 4 times apart, "unclosed
// directives" once went from 13 ms to 107 ms, taken for noise under load; 8 times apart it went
// from 10 ms to 780 ms: micromark looked for the end of every unclosed inline "<!--" to the end
// of its paragraph, see maskUnclosedHtml in limits.ts.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Workspace } from '../../server/src/core/index.js';
import { parseMarkdown } from '../../server/src/core/parse.js';

/** Linear time grows FACTOR times between the sizes; quadratic FACTOR². */
const FACTOR = 8;
const LIMIT = 20;
/** For structures, which grow with less fixed work around them: 16 (measured: 7 for linear
 * headings, 25 when quadratic, with 80,000 headings). */
const STRUCTURE_LIMIT = 16;
/** The smaller size's time counts as at least this many ms. */
const MIN_MS = 5;
/** Below this many ms at the larger size, the ratio is noise (quadratic is far slower). */
const NOISE_MS = 30;

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
  'leader dots': (n) => `Introduction ${'.'.repeat(n)} 3`,
  'chapter numbers and dashes': (n) => `Chapter ${'1.1-'.repeat(n / 4)} of x`,
  'footnote markers after words': (n) => `*${'texts* '.repeat(n / 7)}`,
  'leader commas and spaces': (n) => `and ${', '.repeat(n / 2)}x`,
  'unclosed directives': (n) => '<!-- bloomline-disable '.repeat(n / 23),
  'unclosed <?': (n) => '<? x '.repeat(n / 5),
  'unclosed <!X': (n) => '<!X x '.repeat(n / 6),
  'unclosed <![CDATA[': (n) => '<![CDATA[ x '.repeat(n / 12),
  'double backticks': (n) => '``a '.repeat(n / 4),
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
  // An unclosed TOML table header of spaces (cubic in a pattern once: never finished at 100k).
  '[ spaces a spaces': (n) => `[${' '.repeat(n / 2)}a${' '.repeat(n / 2)}`,
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

/** Texts whose structure grows (n headings, sections, items, links), and the smaller n. */
const STRUCTURES: Record<string, [(n: number) => string, number]> = {
  // Empty headings: the least parsing per heading, so that the walk's share shows.
  'top-level headings': [(n) => '#\n'.repeat(n), 10_000],
  'nested sections': [
    (n) => Array.from({ length: n }, (_, i) => `${'#'.repeat(1 + (i % 6))} s${i}\n`).join(''),
    10_000,
  ],
  'objectives in one list': [
    (n) =>
      `## Objectives\n\n${Array.from({ length: n }, (_, i) => `- **LO${i}:** Explain topic ${i} within 5 minutes.\n`).join('')}`,
    1_500,
  ],
  'objectives in sections with outcomes': [
    (n) =>
      Array.from(
        { length: n / 2 },
        (_, i) =>
          `## M${i}\n\n### Objectives\n\n- Explain topic ${i} within 5 minutes.\n\n### Outcomes\n\n- Tickets fall from 9 to 3 by Q2.\n`,
      ).join('\n'),
    1_500,
  ],
  'references between items': [
    (n) =>
      `## Objectives\n\n${Array.from({ length: n / 2 }, (_, i) => `- Explain ${i} within 5 minutes {#lo${i}}\n`).join('')}\n## Outcomes\n\n${Array.from({ length: n / 2 }, (_, i) => `- Tickets fall from 9 to 3 by Q2 (LO${i}, LO${(i * 7) % (n / 2)}, LO${n + i})\n`).join('')}`,
    1_500,
  ],
};

/** The least CPU time of `runs` analyses (update, lint, outline JSON). */
function cpuMs(text: string, runs: number): number {
  let best = Infinity;
  for (let run = 0; run < runs; run++) {
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

/** The least CPU time of `runs` Markdown parses alone (micromark and mdast, as patched). */
function parseMs(text: string, runs: number): number {
  let best = Infinity;
  for (let run = 0; run < runs; run++) {
    const before = process.cpuUsage();
    parseMarkdown(text);
    const used = process.cpuUsage(before);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

/** Null when time grows less than `limit` times from `small` to `large`, else what was
 * measured. A case over the limit is measured again, up to three times, and fails only if it is
 * over every time: a busy neighbour or a GC pause slows one measurement, a quadratic algorithm
 * all of them. The smaller time counts as at least 5 ms, so that a few ms of noise on a fast case
 * does not make a ratio.
 *
 * Bloomline's own work is what is judged: over the limit, the Markdown parse's own time on the
 * same texts is taken off. micromark itself grows faster than linearly on a paragraph of
 * thousands of character references ("&#65;" repeated: its splice and exit, 17-30x from 10k to
 * 80k characters on this machine; BENCHMARKS.md, "Known limits"), which is upstream's, not a
 * regex of ours; a quadratic of ours on top of it still fails (a mutant adding n²/50 steps to the
 * analysis did). */
function superlinear(small: string, large: string, limit = LIMIT): string | null {
  const seen: string[] = [];
  for (let attempt = 0; attempt < 3; attempt++) {
    const a = cpuMs(small, attempt === 0 ? 2 : 4);
    const b = cpuMs(large, attempt === 0 ? 1 : 3);
    if (b < NOISE_MS || b / Math.max(a, MIN_MS) < limit) return null;
    const ownA = a - parseMs(small, attempt === 0 ? 2 : 4);
    const ownB = b - parseMs(large, attempt === 0 ? 1 : 3);
    if (ownB < NOISE_MS || ownB / Math.max(ownA, MIN_MS) < limit) return null;
    seen.push(
      `${a.toFixed(0)} ms -> ${b.toFixed(0)} ms (without the parse ${ownA.toFixed(0)} ms -> ${ownB.toFixed(0)} ms)`,
    );
  }
  return seen.join(', ');
}

test(`analysis time grows linearly on pathological text (10k -> 80k characters: < ${LIMIT}x)`, () => {
  cpuMs(document(PATTERNS.spaces!, 5_000), 1); // warm up
  const slow: string[] = [];
  for (const [name, pattern] of Object.entries(PATTERNS)) {
    const found = superlinear(document(pattern, 10_000), document(pattern, 10_000 * FACTOR));
    if (found) slow.push(`${name}: ${found}`);
  }
  assert.deepEqual(slow, [], 'superlinear analysis time');
});

/** The pattern (n characters in all) in the places of Hugo's TOML front matter that are read:
 * a table header, a table's string, an array's strings on one line and over several. */
function tomlDocument(pattern: (n: number) => string, n: number): string {
  const p = pattern(Math.floor(n / 5));
  const s = p.replace(/["\\\r\n]/g, ' ');
  return [
    '+++',
    `title = "${s}"`,
    `[${p.replace(/[\r\n]/g, ' ')}]`,
    '[objectives]',
    `1 = "Explain ${s}"`,
    `objectives = ["Explain ${s}", [${p.replace(/[\r\n]/g, ' ')}`,
    `"Describe ${s}"]]`,
    '+++',
    '',
    '## Objectives',
    '',
    '- Explain loops within 5 minutes',
    '',
  ].join('\n');
}

test(
  `analysis time grows linearly on pathological text in TOML front matter (10k -> 80k characters: < ${LIMIT}x)`,
  // A cubic pattern never ends at these sizes: the timeout makes it a failure.
  { timeout: 180_000 },
  () => {
    const slow: string[] = [];
    for (const [name, pattern] of Object.entries(PATTERNS)) {
      const found = superlinear(
        tomlDocument(pattern, 10_000),
        tomlDocument(pattern, 10_000 * FACTOR),
      );
      if (found) slow.push(`${name}: ${found}`);
    }
    assert.deepEqual(slow, [], 'superlinear analysis time');
  },
);

/** The pattern (n characters) in the places most text is read, alone: an objective and an
 * outcome. In the whole document above a quadratic of one place is a small share of 30 places'
 * linear work; here it is most of the work (a regex over an item's trailing run of dots, "Explain
 * Introduction ........ 3", grew 9x in the document and 30x here). */
function items(pattern: (n: number) => string, n: number): string {
  const p = pattern(n);
  return `## Objectives\n\n- Understand ${p} within 5 minutes\n- Explain ${p}\n\n## Outcomes\n\n- Tickets ${p} fall from 9 to 3 by Q2 (LO1)\n`;
}

test(`analysis time grows linearly on pathological text in an objective and an outcome (4k -> 32k characters: < ${LIMIT}x)`, () => {
  const slow: string[] = [];
  for (const [name, pattern] of Object.entries(PATTERNS)) {
    const found = superlinear(items(pattern, 4_000), items(pattern, 4_000 * FACTOR));
    if (found) slow.push(`${name}: ${found}`);
  }
  assert.deepEqual(slow, [], 'superlinear analysis time');
});

test(`analysis time grows linearly with headings, sections, items and links (n -> 8n: < ${STRUCTURE_LIMIT}x)`, () => {
  const slow: string[] = [];
  for (const [name, [make, n]] of Object.entries(STRUCTURES)) {
    const found = superlinear(make(n), make(n * FACTOR), STRUCTURE_LIMIT);
    if (found) slow.push(`${name}: ${found}`);
  }
  assert.deepEqual(slow, [], 'superlinear analysis time');
});
