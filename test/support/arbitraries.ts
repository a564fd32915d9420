// fast-check arbitraries for course-outline-like Markdown: what course authors write (headings
// that name objectives and outcomes, lead-ins, lists of objectives with Bloom verbs, criteria,
// IDs and references, outcomes with targets and timeframes, front matter, fenced divs) mixed
// with what editors and file systems add (CRLF and CR, a BOM, tabs, emoji, lone surrogates,
// control characters, text decoded from invalid UTF-8) and the constructs that make a parser
// work hard (unclosed code fences and comments, HTML blocks, tables, deep-ish nesting).
// Used by test/unit/properties.test.ts and scripts/fuzz.mjs.
import fc from 'fast-check';

const pick = <T>(...values: T[]) => fc.constantFrom(...values);

// ---------------------------------------------------------------------------------------------
// Words

export const EMOJI = ['🎯', '✅', '📚', '🚀', '💡', '👩🏽‍💻', '🇬🇧', '𝐀', '⚠️', '→'];

const OBJECTIVE_NAMES = [
  'Learning objectives',
  'Objectives',
  'Learning goals',
  'Goals',
  'Aims',
  'Course objectives',
  'What you will learn',
  'Lesson Objectives',
  'LEARNING OBJECTIVES:',
];
const OUTCOME_NAMES = [
  'Outcomes',
  'Learning outcomes',
  'Performance objectives',
  'Results',
  'Success measures',
  'Success metrics',
  'KPIs',
  'Impact',
  'Business outcomes',
  'How we will measure success',
];
const OTHER_NAMES = [
  'Module 1: Getting started',
  'Lesson 2.3 — Branching with Git',
  'Week 4',
  'Introduction',
  'Assessment',
  'Prerequisites',
  'Schedule',
  'Notes',
  'Day 1 (morning)',
  'Résumé & naïve café',
  'Non-goals',
  'Students will know...',
  'Students will be able to...',
  'Terminal objective',
];

const LEAD_INS = [
  'By the end of this module, participants will be able to:',
  'By the end of this lesson, you will be able to:',
  'Students should be able to:',
  'You will learn to:',
  'After this lesson you can:',
  'Learners will:',
  'After this lesson, you will understand:',
  'you will understand:',
  'Participants will be familiar with:',
  'Success will be measured by:',
  'We will know it worked when:',
  'In this lesson we will cover:',
  'Trainees need to know how to:',
  'Objectives:',
  'Outcomes:',
  'SWBAT:',
  'Students will understand that...',
];

const BLOOM = [
  'Explain',
  'Describe',
  'Identify',
  'List',
  'Configure',
  'Apply',
  'Analyze',
  'Analyse',
  'Compare and contrast',
  'Evaluate',
  'Design',
  'Create',
  'Write',
  'Identify and explain',
  'Create a repository and push it to',
  'Summarize',
  'Classify',
  'Demonstrate',
  'Calculate',
  'Recall',
  'explaining',
  'Debugs',
];
const VAGUE = [
  'Understand',
  'Understand how to configure',
  'Know',
  'Know how to use',
  'Be familiar with',
  'Learn about',
  'Appreciate',
  'Gain an understanding of',
  'Demonstrate an understanding of',
  'Be aware of',
  'Learn to apply',
  'Really understand',
  'Understand how to',
  'Know how to',
];
const NO_VERB = ['Git worktrees instead of branches.', 'The password policy', 'Pivot tables?', ''];
const OBJECTS = [
  'the VPN client',
  'pivot tables in a spreadsheet',
  'the password policy',
  'Git branches',
  '`git rebase -i`',
  '[the style guide](https://example.org/guide)',
  '*merge conflicts*',
  '**SQL joins**',
  'the benefits of unit tests',
  'how to escalate an incident',
  'HTTP status codes (2xx, 4xx)',
  'a <abbr>CLI</abbr> tool',
  'the 3 types of triage',
  'naïve café résumés',
  '😀configure the client',
  '𝐀lgebra basics',
  'how to 🚀 deploy',
  'how to 𝐛uild a form',
];
const CRITERIA = [
  'within 10 minutes',
  'without assistance',
  'with fewer than 5% errors',
  'for at least three cases',
  'meeting all items of the checklist',
  'in under 2 minutes',
  'from memory',
  'with no more than 2 errors',
  'according to the style guide',
  '[TODO criterion, e.g. within 10 minutes]',
  'in the week',
];
const OUTCOMES = [
  'Tickets fall from 25 to 15 per week',
  'Reduce onboarding errors by 20%',
  'Course completion rate of 90%',
  'Deliver three workshops',
  'Learner satisfaction score above 4.5',
  'Phishing click rate below 5%',
  'Staff use the new checklist on the job',
  'Customer satisfaction (CSAT) rises to 85%',
  'Average handling time drops',
  '100 employees enrolled',
  'Publish a manual',
  'Fewer incidents',
  'Outcome: [TODO metric] from [TODO baseline] to [TODO target] within [TODO timeframe]',
];
const TIMEFRAMES = [
  'within two quarters',
  'by Q2',
  'in the first 90 days',
  'by the end of term',
  'by 2027-06-30',
  'this year',
  'over the next 12 months',
];
const REFERENCES = [
  ' (LO1)',
  ' (LO1, LO2)',
  ' supports LO3',
  ' -> LO1',
  ' measures: O2',
  ' (see LO9)',
  ' [LO2]',
  ' (LO1.2)',
  ' (ISO9001)',
  ' aligned with LO4 and LO5',
  ' (O1)',
];
const ID_PREFIXES = [
  '**LO1:** ',
  '**LO2**: ',
  '**LO1.2:** ',
  '`LO3` ',
  '[LO4] ',
  'LO5: ',
  'O1: ',
  'O2: ',
  'KPI1: ',
  '**LO1:** ',
  '_LO6_: ',
];
const LABELS = [
  'Objective: ',
  'Outcome: ',
  'LO: ',
  'KPI: ',
  'Result: ',
  'Performance objective: ',
  'Learning objective: ',
  'Outcome O3: ',
  'Condition: ',
  'Degree: ',
  'Project: ',
  'Lab: ',
];

// ---------------------------------------------------------------------------------------------
// Noise: what files contain besides Markdown

/** Text from random bytes decoded as UTF-8: U+FFFD for the invalid sequences. */
export const decodedBytes = fc
  .uint8Array({ maxLength: 24 })
  .map((bytes) => new TextDecoder().decode(bytes));

export const noise: fc.Arbitrary<string> = fc.oneof(
  pick(
    '\u0000',
    '\t',
    '\r',
    '\u000b',
    '\u001b[31m',
    '\u00a0',
    '\u200b',
    '\u2028',
    '\ufeff',
    '\ufffd',
    '\ud800',
    '\udc00',
    '\udbff\udfff',
    '😀',
    '👩🏽‍💻',
    '𝐀',
    'e\u0301',
    '\\',
    '&amp;',
    '&#x1F600;',
    '<',
    '`',
    '***',
    '_',
    '[',
    ']',
    '(',
    ':::',
    '---',
    '#',
    '> ',
    '- ',
    '1. ',
    '    ',
  ),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  decodedBytes,
);

// ---------------------------------------------------------------------------------------------
// Blocks

const sentenceEnd = pick('', '', '.', ';', '!', ' ', '  ');

const objectiveText: fc.Arbitrary<string> = fc
  .tuple(
    fc.oneof(
      { weight: 5, arbitrary: pick(...BLOOM) },
      { weight: 3, arbitrary: pick(...VAGUE) },
      { weight: 1, arbitrary: pick(...NO_VERB) },
    ),
    pick(...OBJECTS),
    fc.option(pick(...CRITERIA), { nil: '' }),
    fc.option(pick(...REFERENCES), { freq: 3, nil: '' }),
    sentenceEnd,
    fc.option(pick(' {#lo1}', ' {#lo-intro}'), { freq: 8, nil: '' }),
  )
  .map(
    ([verb, object, criterion, ref, end, trailing]) =>
      [verb, object, criterion].filter(Boolean).join(' ') + ref + end + trailing,
  );

const outcomeText: fc.Arbitrary<string> = fc
  .tuple(
    pick(...OUTCOMES),
    fc.option(pick(...TIMEFRAMES), { nil: '' }),
    fc.option(pick(...REFERENCES), { freq: 2, nil: '' }),
    sentenceEnd,
  )
  .map(([o, t, r, e]) => [o, t].filter(Boolean).join(' ') + r + e);

const itemText: fc.Arbitrary<string> = fc
  .tuple(
    fc.option(pick(...ID_PREFIXES), { freq: 3, nil: '' }),
    fc.option(pick(...LABELS), { freq: 4, nil: '' }),
    fc.oneof(objectiveText, outcomeText),
    fc.option(noise, { freq: 8, nil: '' }),
  )
  .map(([id, label, text, n]) => id + label + text + n);

type Marker = '-' | '*' | '+' | '1.' | '1)' | '- [ ]' | '- [x]' | '3.';
const marker = pick<Marker>('-', '-', '*', '+', '1.', '1)', '- [ ]', '- [x]', '3.');

interface ListShape {
  marker: Marker;
  indent: string;
  items: { text: string; continuation: string | null; children: ListShape | null }[];
}

/** Lists nest at most three deep (deeper nesting is for test/unit/hostile.test.ts). */
function listAt(depth: number): fc.Arbitrary<ListShape> {
  return fc.record({
    marker,
    indent: pick('', '', ' ', '\t'),
    items: fc.array(
      fc.record({
        text: itemText,
        continuation: fc.option(objectiveText, { freq: 6, nil: null }),
        children:
          depth >= 2
            ? fc.constant(null)
            : fc.option(listAt(depth + 1), { freq: depth === 0 ? 4 : 8, nil: null }),
      }),
      { minLength: 1, maxLength: depth === 0 ? 4 : 2 },
    ),
  });
}
const listShape = listAt(0);

function renderList(list: ListShape, prefix = ''): string {
  const lines: string[] = [];
  list.items.forEach((item, i) => {
    const m = list.marker.startsWith('1') ? list.marker.replace('1', String(i + 1)) : list.marker;
    const head = `${prefix}${list.indent}${m} `;
    lines.push(head + item.text);
    const inner = prefix + (list.indent === '\t' ? '\t' : ' '.repeat(head.length - prefix.length));
    if (item.continuation) lines.push(inner + item.continuation);
    if (item.children) {
      if (item.text.length % 3 === 0) lines.push(inner + 'Measured by:');
      lines.push(renderList(item.children, inner));
    }
  });
  return lines.join('\n');
}

export const list: fc.Arbitrary<string> = listShape.map((l) => renderList(l));

const headingTitle = fc
  .tuple(
    fc.option(pick(...EMOJI), { freq: 4, nil: '' }),
    fc.option(pick('1. ', '2.3 ', 'Part II: ', 'A) '), { freq: 4, nil: '' }),
    fc.oneof(pick(...OBJECTIVE_NAMES), pick(...OUTCOME_NAMES), pick(...OTHER_NAMES)),
  )
  .map(([e, n, t]) => (e ? `${e} ` : '') + n + t);

export const heading: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(fc.integer({ min: 1, max: 6 }), headingTitle, pick('', '', ' ##', ' #'))
    .map(([d, t, close]) => `${'#'.repeat(d)} ${t}${close}`),
  fc
    .tuple(headingTitle, pick('=', '-'), fc.integer({ min: 1, max: 12 }))
    .map(([t, c, n]) => `${t}\n${c.repeat(n)}`),
);

export const leadInList: fc.Arbitrary<string> = fc
  .tuple(pick(...LEAD_INS), pick('\n', '\n\n'), list)
  .map(([lead, sep, l]) => lead + sep + l);

const yamlString = fc.oneof(
  objectiveText.map((t) => JSON.stringify(t)),
  objectiveText.map((t) => `'${t.replace(/'/g, "''")}'`),
  pick('Explain X within 5 minutes', 'Understand Y', '"LO1: Configure Z"', '>-\n    folded text'),
);

export const frontMatter: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(
      fc.option(pick('title: "Intro to Git"', 'title: Course 🎯', 'title: [broken'), { nil: '' }),
      fc.array(yamlString, { maxLength: 4 }),
      fc.array(
        outcomeText.map((t) => JSON.stringify(t)),
        { maxLength: 3 },
      ),
      pick('---', '---', '...', ''),
    )
    .map(([title, objectives, outcomes, close]) => {
      const lines = ['---'];
      if (title) lines.push(title);
      if (objectives.length) lines.push('objectives:', ...objectives.map((o) => `  - ${o}`));
      if (outcomes.length) lines.push('outcomes:', ...outcomes.map((o) => `  - ${o}`));
      if (close) lines.push(close);
      return lines.join('\n');
    }),
  pick(
    '---\nobjectives:\n  first: Explain X\n  second: Know Y\n---',
    '---\nobjectives: Explain X\n---',
    '---\nobjectives: [unclosed\n---',
    '---\n\tobjectives:\n- : :\n---',
    '---\ntitle: x\nobjectives:\n  - Explain X\n  -\n  - 42\n  - [a, b]\n---',
    '---\n# a YAML comment\ntitle: T\n---',
    '---\nkey: &a [*a]\n---',
    '---',
  ),
);

export const div: fc.Arbitrary<string> = fc
  .tuple(
    pick(
      '::: objectives',
      ':::::: {.objectives}',
      '::: outcomes',
      '::: challenge',
      ':::: {.callout .objectives}',
      '::: keypoints',
    ),
    list,
    pick(':::', '::::::', '', ':::\n:::'),
  )
  .map(([open, l, close]) => `${open}\n${l}\n${close}`);

export const codeFence: fc.Arbitrary<string> = fc
  .tuple(
    pick('```', '~~~', '````', '```md', '    '),
    fc.oneof(list, heading, leadInList),
    pick(true, true, false),
  )
  .map(([fence, body, closed]) =>
    fence === '    '
      ? body
          .split('\n')
          .map((l) => fence + l)
          .join('\n')
      : `${fence}\n${body}${closed ? `\n${fence.replace(/md$/, '')}` : ''}`,
  );

export const table: fc.Arbitrary<string> = fc
  .array(fc.tuple(pick('LO1', 'O2', '**LO3**', ''), itemText), { minLength: 1, maxLength: 3 })
  .map((rows) =>
    [
      '| ID | Objective |',
      '| --- | --- |',
      ...rows.map(([a, b]) => `| ${a} | ${b.replace(/\|/g, '\\|')} |`),
    ].join('\n'),
  );

export const html: fc.Arbitrary<string> = fc.oneof(
  pick(
    '<!-- bloomline-disable-next-line vague-verb -->',
    '<!-- bloomline-disable missing-outcome -->',
    '<!-- bloomline-enable -->',
    '<!-- bloomline-disable-file -->',
    '<!-- bloomline-disable-line missing-criterion, no-verb -->',
    '<!-- a comment -->',
    '<!-- unclosed comment',
    '<div class="objectives">',
    '</div>',
    '<details><summary>Objectives</summary>',
    '</details>',
    '<br/>',
    '<?php echo 1; ?>',
    '<![CDATA[ x ]]>',
  ),
  list.map((l) => `<div>\n${l}\n</div>`),
);

export const paragraph: fc.Arbitrary<string> = fc
  .array(fc.oneof(pick(...OBJECTS), pick(...OUTCOMES), noise, pick('Some notes.', 'See [LO1].')), {
    minLength: 1,
    maxLength: 4,
  })
  .map((parts) => parts.join(' '));

export const blockQuote: fc.Arbitrary<string> = fc
  .tuple(pick('> ', '>', '> > '), fc.oneof(list, leadInList, heading, paragraph))
  .map(([q, body]) =>
    body
      .split('\n')
      .map((l) => q + l)
      .join('\n'),
  );

// The containers and forms of recognise/ (issue 10): MyST directives with colon and backtick
// fences and option lines, Quarto callouts titled by attribute or heading, MkDocs admonitions,
// GitHub alerts, objective and measure tables (ragged rows too), HTML lists, prose, chunk alt
// text; each sometimes left unclosed or broken.
export const directive: fc.Arbitrary<string> = fc
  .tuple(
    pick(
      ':::{objectives}',
      '::::{learning-objectives}',
      ':::{admonition} Learning objectives',
      '```{objectives}',
      '````{admonition} What you will learn',
      '```{exercise}',
      '```{note}',
      '```{r}',
      '~~~{objectives}',
      '::: {.callout-tip title="Learning objectives"}',
      '::: {.callout-note}\n## Learning objectives',
      '::: {.callout-note collapse="true"}\n### Outcomes',
      ':::{.lo .content-hidden}',
    ),
    pick('', ':class: dropdown\n', '---\nclass: tip\n---\n', ':open:\n'),
    fc.oneof(list, leadInList, paragraph),
    pick(true, true, false),
  )
  .map(([open, options, body, closed]) => {
    const fence = /^[`~]+/.exec(open)?.[0] ?? ':::';
    return `${open}\n${options}${body}${closed ? `\n${fence}` : ''}`;
  });

export const admonition: fc.Arbitrary<string> = fc
  .tuple(
    pick(
      '!!! abstract "Learning objectives"',
      '??? note "Outcomes"',
      '!!! info',
      '???+ tip "Goals"',
    ),
    pick('', '\n'),
    list,
  )
  .map(([open, gap, l]) =>
    [open + gap, ...l.split('\n').map((line) => (line ? `    ${line}` : line))].join('\n'),
  );

export const alert: fc.Arbitrary<string> = fc
  .tuple(
    pick('[!NOTE]', '[!TIP]', '[!IMPORTANT]', ''),
    pick('**Learning objectives**', 'Objectives:', ''),
    list,
  )
  .map(([marker, title, l]) =>
    [marker, title, '', ...l.split('\n')]
      .filter((x, i) => i > 1 || x !== '')
      .map((x) => `> ${x}`)
      .join('\n'),
  );

export const richTable: fc.Arbitrary<string> = fc
  .tuple(
    pick(
      '| # | Module | Learning objective | Outcome |',
      '| LO | Learning Outcome |',
      '| KPI | Baseline | Target | Deadline |',
      '| Outcome | Probability |',
      '|Objective|',
      'Week | Objectives',
    ),
    pick('| --- | --- | --- | --- |', '|---|---|', '| :--- | ---: |', '---|---', '|-|'),
    fc.array(
      fc.array(
        fc.oneof(itemText, pick('LO1', '**2.1**', '', '`a|b`', 'x \\| y', '45 min', 'Q3 2027')),
        {
          minLength: 0,
          maxLength: 5,
        },
      ),
      { minLength: 0, maxLength: 4 },
    ),
  )
  .map(([header, delimiter, rows]) =>
    [header, delimiter, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n'),
  );

export const htmlList: fc.Arbitrary<string> = fc
  .tuple(
    pick('**What you will learn**\n\n', 'Objectives:\n', ''),
    fc.array(itemText, { maxLength: 3 }),
    pick(true, false),
  )
  .map(
    ([label, items, closed]) =>
      `${label}<ul>\n${items.map((t) => `<li>${t}${closed ? '</li>' : ''}`).join('\n')}\n${closed ? '</ul>' : ''}`,
  );

export const prose: fc.Arbitrary<string> = fc
  .tuple(
    pick(
      'In this lab, you learn ',
      'By the end of this course, you (1) will ',
      'After this chapter you should be able to ',
      'You also learn about ',
      '(a) ',
      ': In situation X, you will be able to ',
    ),
    objectiveText,
    pick('', ', (2) will compare the two. (3)', '. You also learn how to ', ' and (ii) '),
    objectiveText,
  )
  .map(([a, b, c, d]) => `${a}${b}${c}${d}`);

export const chunkAlt: fc.Arbitrary<string> = fc
  .tuple(
    pick('```{r, fig.alt = "', "```{r fig.alt='", '```{python, fig.alt="'),
    pick('This chapter will demonstrate how to: ', 'A slide: ', ''),
    objectiveText,
    pick('"}', "'}", ''),
  )
  .map(
    ([open, lead, body, close]) =>
      `${open}${lead}${body.replace(/["']/g, '')}${close}\nplot(x)\n\`\`\``,
  );

/** Link reference definitions (document-wide: a reference anywhere resolves to one) and
 * references to them, also inside lists and quotes and across lines. */
export const definition: fc.Arbitrary<string> = pick(
  '[LO1]: #lo1',
  '[the style guide]: https://example.org/guide "Guide"',
  '> [ref]: /url',
  '- [Ref]: <https://example.org>\n- See [ref] and [the\nstyle guide].',
  "[foo bar]:\n  /url\n  'title'",
  'Read [LO1], [ref][], [text][the style guide] and [FOO  BAR].',
  '[unclosed]: ',
);

export const block: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: heading },
  { weight: 5, arbitrary: leadInList },
  { weight: 4, arbitrary: list },
  { weight: 2, arbitrary: paragraph },
  { weight: 1, arbitrary: div },
  { weight: 1, arbitrary: codeFence },
  { weight: 1, arbitrary: table },
  { weight: 1, arbitrary: html },
  { weight: 1, arbitrary: blockQuote },
  { weight: 1, arbitrary: directive },
  { weight: 1, arbitrary: admonition },
  { weight: 1, arbitrary: alert },
  { weight: 1, arbitrary: richTable },
  { weight: 1, arbitrary: htmlList },
  { weight: 1, arbitrary: prose },
  { weight: 1, arbitrary: chunkAlt },
  { weight: 1, arbitrary: pick('---', '***', '* * *', '') },
  { weight: 1, arbitrary: noise },
  { weight: 1, arbitrary: definition },
);

// ---------------------------------------------------------------------------------------------
// Whole documents

export type LineEnding = 'lf' | 'crlf' | 'cr' | 'mixed';

export function withLineEndings(text: string, mode: LineEnding, choices: number[]): string {
  if (mode === 'lf') return text;
  if (mode === 'crlf') return text.replace(/\n/g, '\r\n');
  if (mode === 'cr') return text.replace(/\n/g, '\r');
  let k = 0;
  return text.replace(/\n/g, () => ['\n', '\r\n', '\r'][choices[k++ % choices.length]! % 3]!);
}

export function insertAt(text: string, fractions: number[], pieces: string[]): string {
  let out = text;
  pieces.forEach((p, i) => {
    const at = Math.floor((fractions[i] ?? 0) * (out.length + 1));
    out = out.slice(0, at) + p + out.slice(at);
  });
  return out;
}

/** At most this many blocks per outline (BLOOMLINE_FUZZ_BLOCKS; `npm run fuzz -- --max-blocks`
 * sets it: smaller outlines, more of them, in a campaign). */
export const MAX_BLOCKS = Number(process.env.BLOOMLINE_FUZZ_BLOCKS ?? 6);

/** An outline: front matter, blocks, line endings, a BOM, and noise at random places. */
export const outline: fc.Arbitrary<string> = fc
  .record({
    front: fc.option(frontMatter, { freq: 4, nil: '' }),
    blocks: fc.array(block, { minLength: 1, maxLength: MAX_BLOCKS }),
    separators: fc.array(pick('\n\n', '\n', '\n\n\n', '\n \n'), { minLength: 1, maxLength: 4 }),
    endings: pick<LineEnding>('lf', 'lf', 'crlf', 'cr', 'mixed'),
    choices: fc.array(fc.nat(2), { minLength: 1, maxLength: 5 }),
    bom: fc.boolean(),
    noise: fc.array(noise, { maxLength: 3 }),
    fractions: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 3 }),
    trailing: pick('\n', '', '\n\n'),
  })
  .map((d) => {
    let text = d.front ? `${d.front}\n` : '';
    d.blocks.forEach((b, i) => {
      text += b + (i < d.blocks.length - 1 ? d.separators[i % d.separators.length] : '');
    });
    text += d.trailing;
    text = insertAt(text, d.fractions, d.noise);
    text = withLineEndings(text, d.endings, d.choices);
    return (d.bom ? '\ufeff' : '') + text;
  });

/** An edit to a text: where (as a fraction of its length), how much to delete, what to insert. */
export interface Edit {
  at: number;
  remove: number;
  insert: string;
}

export const edit: fc.Arbitrary<Edit> = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.oneof(fc.constant(0), fc.nat(3), fc.nat(40)),
  insert: fc.oneof(
    fc.constant(''),
    noise,
    block,
    pick(
      '\n',
      '\r\n',
      '# ',
      '## New\n',
      '```\n',
      '<!-- ',
      ' -->',
      '::: objectives\n',
      ':::\n',
      '- ',
      '  ',
      '\t',
      '> ',
    ),
  ),
});

export function applyEdit(text: string, e: Edit): string {
  const at = Math.floor(e.at * (text.length + 1));
  return text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.remove));
}

/** A project configuration (valid): presets, severities, linking, word lists. */
export const configData: fc.Arbitrary<Record<string, unknown>> = pick<Record<string, unknown>>(
  {},
  {},
  { preset: 'strict' },
  { preset: 'carpentries' },
  { linking: 'explicit' },
  { vaguePhrases: ['get the hang of', "wrap one's head around"], verbs: { apply: ['grok'] } },
  { rules: { 'vague-verb': 'error', 'missing-outcome': 'off', 'duplicate-id': 'hint' } },
  { verbs: { remember: ['understand'] } },
);

// ---------------------------------------------------------------------------------------------
// Notebooks (.ipynb): Markdown cells from the blocks above, code and raw cells between them,
// written as Jupyter and other tools write the JSON (indented or not, `source` as a list of
// lines or one string, non-ASCII escaped or not, "/" escaped or not, CRLF line breaks).

export interface NotebookCase {
  /** The file as stored. */
  json: string;
  /** Every cell as written: its type and its source joined. */
  cells: { type: 'markdown' | 'code' | 'raw'; source: string }[];
}

const cellSource = fc
  .array(block, { minLength: 0, maxLength: 3 })
  .chain((blocks) =>
    fc.record({
      text: fc.constant(blocks.join('\n\n')),
      trailing: pick('', '\n'),
      quotes: fc.option(pick('"quoted" \\ back\\slash', 'tab\there', '\u2028sep', '</script>'), {
        nil: '',
      }),
    }),
  )
  .map((s) => s.quotes + s.text + s.trailing);

/** Jupyter's "source" list: the lines, each keeping its line break. */
export function sourceLines(source: string): string[] {
  return source.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

export const notebook: fc.Arbitrary<NotebookCase> = fc
  .record({
    cells: fc.array(
      fc.record({
        type: fc.constantFrom<'markdown' | 'code' | 'raw'>('markdown', 'markdown', 'code', 'raw'),
        source: cellSource,
        asString: fc.boolean(),
      }),
      { minLength: 0, maxLength: 5 },
    ),
    indent: pick(0, 1, 2),
    asciiOnly: fc.boolean(),
    escapeSlash: fc.boolean(),
    crlf: fc.boolean(),
    extra: fc.boolean(),
  })
  .map((d) => {
    const cells = d.cells.map((c) => ({
      cell_type: c.type,
      metadata: d.extra ? { tags: ['a/b'] } : {},
      ...(c.type === 'code' ? { execution_count: null, outputs: [] } : {}),
      source: c.asString ? c.source : sourceLines(c.source),
    }));
    const nb = {
      cells,
      metadata: { kernelspec: { name: 'python3' } },
      nbformat: 4,
      nbformat_minor: 5,
    };
    let json = JSON.stringify(nb, null, d.indent || undefined);
    if (d.asciiOnly)
      json = json.replace(
        /[^\u0020-\u007e\n]/g,
        (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
      );
    if (d.escapeSlash) json = json.replace(/\//g, '\\/');
    if (d.crlf) json = json.replace(/\n/g, '\r\n');
    return {
      json: json + (d.indent ? '\n' : ''),
      cells: d.cells.map((c) => ({ type: c.type, source: c.source })),
    };
  });

/** Astral characters (emoji, mathematical letters, a flag, a ZWJ sequence) put at the start of
 * words, where fixes cut and capitalise. */
export const ASTRAL = ['😀', '𝐀', '𝐛', '🇬🇧', '👩🏽‍💻', '🚀'];

/** An outline with astral characters at the start of some of its words. */
export const astralOutline: fc.Arbitrary<string> = fc
  .tuple(
    outline,
    fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(...ASTRAL)), {
      minLength: 1,
      maxLength: 12,
    }),
  )
  .map(([text, inserts]) => {
    let out = text;
    for (const [at, ch] of inserts) {
      // After the nearest space at or after the chosen place.
      const from = Math.floor(at * out.length);
      const space = out.indexOf(' ', from);
      const i = space < 0 ? out.length : space + 1;
      out = out.slice(0, i) + ch + out.slice(i);
    }
    return out;
  });
