// After an edit, the outline builder reuses the items of list items whose paragraphs the edit
// left alone (recognise/reuse.ts), as the language server does on every edit. The oracle: after
// any sequence of edits, the outline model (every item, section, block, link), its JSON and the
// findings equal those of a fresh build of the same text. The documents are long enough to be
// parsed in several pieces (only then are paragraphs left alone by a re-parse), and the edits
// are what authors do: lines inserted and deleted above items (positions move), headings
// renamed or moved a level (sections, generated IDs and section scope change), objectives
// reworded, given or stripped of an ID, blocks changed from objectives to outcomes or
// assessments, lead-ins added and removed, list markers and indentation changed, fences and
// divs opened, keystrokes anywhere.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Workspace, type Item, type Outline } from '../../server/src/core/index.js';
import type { Paragraph } from 'mdast';
import { lexiconFor } from '../../server/src/core/language/lexicon.js';
import { analyseText } from '../../server/src/core/outline.js';
import { Reads } from '../../server/src/core/recognise/reuse.js';
import { mulberry32 } from '../support/random.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const example = readFileSync(`${root}examples/course-outline.md`, 'utf8');
const FILE = 'doc.md';

async function generated(objectives: number): Promise<string> {
  const m = (await import(pathToFileURL(`${root}scripts/bench/generate.mjs`).href)) as {
    generateOutline(o: { objectives: number }): { text: string };
  };
  return m.generateOutline({ objectives }).text;
}

/** The example outline several times over, its modules renumbered: ~16 KB, several pieces. */
function examples(copies: number): string {
  const parts: string[] = [];
  for (let k = 0; k < copies; k++)
    parts.push(
      (k ? example.replace(/^# .*\n/, '') : example)
        .replace(/Module (\d)/g, (_, n: string) => `Module ${k * 3 + Number(n)}`)
        .replace(/LO(\d)\./g, (_, n: string) => `LO${k * 3 + Number(n)}.`),
    );
  return parts.join('\n');
}

const LINES = [
  '',
  '- Explain the incident process to a new colleague within 10 minutes',
  '- Understand the VPN client',
  '- **LO42:** Configure a firewall rule without assistance',
  '- Outcome: tickets fall from 40 to 10 within 90 days (LO1.1)',
  '  - Outcome: tickets fall from 10 to 5 by Q2',
  '  - Describe the checklist',
  '1. Compare two backup tools',
  '* Learn how to write a runbook',
  '## Learning objectives',
  '### Learning objectives',
  '## Success measures',
  '### Outcomes',
  '## Assessments',
  '### Exercises',
  '## Module 99: Extra',
  '#### Notes',
  'By the end of this lesson, participants will be able to:',
  'Participants will:',
  'Objective: Know the rules',
  '**Learning objectives:**',
  '```',
  '::: objectives',
  ':::',
  '<!-- bloomline-disable vague-verb -->',
  '<!-- bloomline-enable -->',
  '| Objective | Outcome |',
  '> - Explain the policy in a quote',
  '---',
  'A paragraph of prose about the lesson.',
];

const HEADINGS = [
  'Learning objectives',
  'Objectives',
  'Outcomes',
  'Success measures',
  'Assessments',
  'Exercises',
  'Module 7: Renamed',
  'Lesson 2.2: Renamed',
  'Grading',
  'Job skills',
];

const SWAPS: [RegExp, string][] = [
  [/\bExplain\b/, 'Know'],
  [/\bUnderstand\b/, 'Configure'],
  [/\bDescribe\b/, 'Be familiar with'],
  [/\bCompare\b/, 'Compare and contrast'],
  [/\bwithin\b/, 'before'],
  [/\bminutes\b/, 'attempts'],
  [/ (\(LO\d+\.?\d*\))/, ''],
  [/\*\*LO(\d+)(\.\d+)?:\*\* /, ''],
  [/^(\s*[-*] |\s*\d+\. )(?!\*\*)/, '$1**LO77:** '],
  [/$/, ' (LO1.1)'],
  [/$/, ' with at least 90% accuracy'],
];

type Lines = string[];

/** One random edit of the kinds an author makes, on the text's lines. */
function editLines(lines: Lines, next: () => number): void {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const where = (test: (l: string) => boolean): number => {
    const at = lines.flatMap((l, i) => (test(l) ? [i] : []));
    return at.length ? pick(at) : Math.floor(next() * lines.length);
  };
  const r = next();
  if (r < 0.15) {
    // A line inserted: everything after it moves.
    lines.splice(Math.floor(next() * (lines.length + 1)), 0, pick(LINES));
  } else if (r < 0.27) {
    // One to three lines deleted, often a heading or a lead-in.
    const at =
      next() < 0.5 ? where((l) => /^#|able to:$/.test(l)) : Math.floor(next() * lines.length);
    lines.splice(at, 1 + Math.floor(next() * 3));
  } else if (r < 0.4) {
    // A heading renamed, or moved a level up or down.
    const at = where((l) => /^#{1,6} /.test(l));
    const m = /^(#{1,6}) (.*)$/.exec(lines[at] ?? '');
    if (!m) return;
    const depth = Math.max(
      1,
      Math.min(6, m[1]!.length + (next() < 0.5 ? 0 : next() < 0.5 ? -1 : 1)),
    );
    lines[at] = `${'#'.repeat(depth)} ${next() < 0.6 ? pick(HEADINGS) : m[2]}`;
  } else if (r < 0.65) {
    // An objective or outcome reworded, given or stripped of an ID or a reference.
    const at = where((l) => /^\s*(?:[-*]|\d+\.) /.test(l));
    const [re, to] = pick(SWAPS);
    lines[at] = (lines[at] ?? '').replace(re, to);
  } else if (r < 0.72) {
    // A list item's marker or indentation changed.
    const at = where((l) => /^\s*(?:[-*]|\d+\.) /.test(l));
    const l = lines[at] ?? '';
    lines[at] = pick([
      (s: string) => s.replace(/^(\s*)- /, '$1* '),
      (s: string) => s.replace(/^(\s*)[-*] /, '$11. '),
      (s: string) => `  ${s}`,
      (s: string) => s.replace(/^ {2}/, ''),
      (s: string) => `> ${s}`,
    ])(l);
  } else if (r < 0.8) {
    // A lead-in added before a list, or the kind a block's name gives changed.
    const at = where((l) => /^\s*[-*] /.test(l));
    if (next() < 0.5) lines.splice(at, 0, pick(LINES.slice(17, 21)), '');
    else {
      const h = where((l) => /^#{1,6} .*(?:objectives|outcomes|measures|assessments)/i.test(l));
      const m = /^(#{1,6}) /.exec(lines[h] ?? '');
      if (m) lines[h] = `${m[1]} ${pick(HEADINGS.slice(0, 6))}`;
    }
  } else {
    // Keystrokes: a few characters typed or deleted anywhere in a line.
    const at = Math.floor(next() * lines.length);
    const l = lines[at] ?? '';
    const c = Math.floor(next() * (l.length + 1));
    lines[at] =
      next() < 0.5
        ? l.slice(0, c) +
          pick(['e', ' ', 'x', '#', '-', '*', '`', '😀', '\t', ':', '(LO1.2)']) +
          l.slice(c)
        : l.slice(0, c) + l.slice(c + 1 + Math.floor(next() * 4));
  }
}

function fresh(text: string) {
  const ws = new Workspace();
  ws.update(FILE, text);
  return { outline: ws.get(FILE)!, json: ws.outlineJson(FILE), findings: ws.lint(FILE) };
}

const items = (o: Outline): Item[] => [...o.objectives, ...o.outcomes, ...o.assessments];

/**
 * Edits a document `steps` times; after each, the language server's way (the workspace with
 * the last build's parse and items, findings reused) must give what a fresh build gives.
 * Returns how many items were reused, of how many.
 */
function differential(text: string, seed: number, steps: number, eol = '\n') {
  const next = mulberry32(seed);
  const ws = new Workspace(undefined, { reuseFindings: true });
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const lines = (bom ? text.slice(1) : text).split(eol);
  ws.update(FILE, text);
  ws.lint(FILE);
  let reused = 0;
  let total = 0;
  for (let i = 0; i < steps; i++) {
    const before = new Set(items(ws.get(FILE)!));
    editLines(lines, next);
    const current = bom + lines.join(eol);
    ws.update(FILE, current);
    const expected = fresh(current);
    const outline = ws.get(FILE)!;
    const where = `after edit ${i} (seed ${seed})`;
    assert.deepEqual(outline, expected.outline, `outline model differs ${where}`);
    assert.deepEqual(ws.outlineJson(FILE), expected.json, `outline JSON differs ${where}`);
    assert.deepEqual(ws.lint(FILE), expected.findings, `findings differ ${where}`);
    for (const item of items(outline)) if (before.has(item)) reused++;
    total += items(outline).length;
  }
  return { reused, total };
}

test('reused items equal a fresh build after 40 random edits of a 300-objective outline', async () => {
  const text = await generated(300);
  assert.ok(text.length > 30_000, 'long enough to be parsed in several pieces');
  const { reused, total } = differential(text, 20261201, 40);
  // Most items are reused: the test checks the reuse, not a rebuild that never happens.
  assert.ok(reused > 0.7 * total, `reused ${reused} of ${total}`);
});

for (const seed of [1, 2, 3]) {
  test(`reused items equal a fresh build after 40 random edits of a long example (seed ${seed})`, () => {
    let text = examples(6);
    // A BOM and CRLF line breaks in one of them: offsets count both.
    if (seed === 2) text = `\uFEFF${text.replace(/\n/g, '\r\n')}`;
    const { reused, total } = differential(text, seed, 40, seed === 2 ? '\r\n' : '\n');
    assert.ok(reused > 0.4 * total, `reused ${reused} of ${total}`);
  });
}

test('an edit of one objective reads that objective again and reuses the others, moved', async () => {
  const text = await generated(300);
  const first = analyseText(text, FILE);
  const o1 = first.outline;
  assert.equal(first.reused, 0);
  // A line inserted near the top: every item below moves by its length.
  const lines = text.split('\n');
  const at = lines.findIndex((l, i) => i > 20 && /^- /.test(l));
  const edited = lines[at]!;
  lines[at] = `${edited} within 5 minutes`;
  lines.splice(5, 0, 'A line of prose added near the top.');
  const changed = lines.join('\n');
  const before = new Map(items(o1).map((item) => [item, item.span.start]));
  const second = analyseText(changed, FILE, undefined, first.parsed);
  const o2 = second.outline;
  const all = items(o2);
  const kept = all.filter((item) => before.has(item));
  // Only the items in the pieces the edits re-parsed are read again (a piece is ~4 KB).
  assert.ok(kept.length > all.length - 80, `${kept.length} of ${all.length} reused`);
  assert.equal(second.reused, kept.length);
  const moved = kept.filter((item) => item.span.start !== before.get(item));
  assert.ok(moved.length > all.length / 2, 'the reused items below the new line moved');
  for (const item of moved)
    assert.equal(
      changed.slice(item.span.start, item.span.end),
      text.slice(before.get(item)!, before.get(item)! + item.span.end - item.span.start),
      `item ${item.id} moved to where its text now stands`,
    );
  const reworded = o2.objectives.find((o) => o.text.endsWith('within 5 minutes'))!;
  assert.ok(reworded && !before.has(reworded), 'the edited objective is read again');
  assert.ok(reworded.analysis.criterion, 'and its new criterion is read');
  assert.deepEqual(o2, analyseText(changed, FILE).outline);
});

test('a changed lexicon reads every item again', () => {
  const text = examples(6);
  const first = analyseText(text, FILE);
  const second = analyseText(text, FILE, { vaguePhrases: ['configure'], verbs: {} }, first.parsed);
  assert.equal(second.reused, 0);
  const vague = second.outline.objectives.filter((o) => o.analysis.vague);
  assert.ok(vague.some((o) => /^Configure/.test(o.text)));
  assert.deepEqual(
    second.outline,
    analyseText(text, FILE, { vaguePhrases: ['configure'], verbs: {} }).outline,
  );
});

test('what a heading or lead-in above a long list says reaches the items reused below it', () => {
  // A list longer than a piece: its later items are in pieces an edit of the heading or the
  // lead-in does not re-parse, so they are reused, and must be read with the new rule and verb.
  const items = Array.from({ length: 300 }, (_, i) =>
    i % 3 === 0
      ? `- the topic ${i} of the course`
      : i % 3 === 1
        ? `- Explain rule ${i} to a colleague`
        : `- Tickets about rule ${i} fall from 40 to 10 within 90 days`,
  );
  const texts = [
    ['## Learning objectives', 'Participants will understand:'],
    ['## Learning objectives', 'Participants will be able to:'],
    ['## Learning objectives', 'Participants will explain:'],
    ['## Learning outcomes', 'Participants will explain:'],
    ['## Outcomes', 'Participants will explain:'],
    ['## Success measures', ''],
    ['## Assessments', ''],
    ['## Exercises', 'Participants will understand:'],
    ['## Notes', 'Participants will understand:'],
    ['## Learning objectives', 'Participants will understand:'],
  ].map(([heading, lead]) =>
    ['# Course', '', heading, '', ...(lead ? [lead, ''] : []), ...items, ''].join('\n'),
  );
  const ws = new Workspace(undefined, { reuseFindings: true });
  ws.update(FILE, texts[0]!);
  ws.lint(FILE);
  let reused = 0;
  for (const [i, text] of texts.entries()) {
    const before = new Set(ws.get(FILE)!.objectives);
    ws.update(FILE, text);
    const expected = fresh(text);
    assert.deepEqual(ws.get(FILE), expected.outline, `outline model differs at text ${i}`);
    assert.deepEqual(ws.lint(FILE), expected.findings, `findings differ at text ${i}`);
    reused += ws.get(FILE)!.objectives.filter((o) => before.has(o)).length;
  }
  assert.ok(reused > 500, `items were reused (${reused})`);
});

test('an objective kept from the last build takes its ABCD parts afresh from the list under it', () => {
  // The objective's paragraph is unchanged in every text; only its sub-items change: a degree,
  // one that states no criterion, none, sub-objectives. (Today the list they change is parsed
  // again, and its objective read again; the items after it are reused. Whatever reuse does,
  // the parts must be the list's of the text.)
  const objective = (parts: string[]) =>
    [
      '# Course',
      '',
      '## Performance objectives',
      '',
      '1. Configure the VPN client on a company laptop.',
      ...parts.map((p) => `   - ${p}`),
      '2. Explain the split-tunnel policy to a user.',
      '',
      // Long enough that the builder reuses what an edit left (a short file is read whole).
      ...Array.from({ length: 300 }, (_, i) => `- Explain rule ${i} to a colleague`),
      '',
    ].join('\n');
  const texts = [
    objective(['Condition: given a new laptop', 'Degree: within 10 minutes, with no errors']),
    objective(['Condition: given a new laptop', "Degree: to the supervisor's satisfaction"]),
    objective([]),
    objective(['Degree: within 5 minutes']),
    objective(['Open the client.', 'Enter the server address.']),
    objective(['Condition: given a new laptop', 'Degree: within 10 minutes, with no errors']),
  ];
  const ws = new Workspace(undefined, { reuseFindings: true });
  let reused = 0;
  for (const [i, text] of texts.entries()) {
    const before = new Set(ws.get(FILE)?.objectives ?? []);
    ws.update(FILE, text);
    const expected = fresh(text);
    assert.deepEqual(ws.get(FILE), expected.outline, `outline model differs at text ${i}`);
    assert.deepEqual(ws.outlineJson(FILE), expected.json, `outline JSON differs at text ${i}`);
    assert.deepEqual(ws.lint(FILE), expected.findings, `findings differ at text ${i}`);
    reused += ws.get(FILE)!.objectives.filter((o) => before.has(o)).length;
  }
  assert.ok(reused > 500, `items were reused (${reused})`);
});

test('a paragraph whose line changed before it is not reused, though its parse node is', () => {
  // The parse guarantees that a kept node's text is unchanged; the memo checks it again.
  const para = { type: 'paragraph', children: [] } as unknown as Paragraph;
  const span = { start: 2, end: 11 };
  const first = () => {
    const reads = new Reads(lexiconFor(), null);
    const memo = reads.memo('- Explain X\n', para, span);
    memo.statement = false;
    return { reads, memo };
  };
  let { reads, memo } = first();
  assert.equal(new Reads(reads.lex, reads).memo('- Explain X\n', para, span), memo);
  ({ reads, memo } = first());
  const other = new Reads(reads.lex, reads);
  assert.notEqual(other.memo('* Explain X\n', para, span), memo);
  assert.equal(other.memo('* Explain X\n', para, span).statement, undefined);
  // Where the parse and the last were of unmasked texts (nodesKeepText), the node's own text is
  // not hashed again, but what stands before it on its line still is.
  ({ reads, memo } = first());
  assert.equal(new Reads(reads.lex, reads, true).memo('- Explain X\n', para, span), memo);
  ({ reads, memo } = first());
  assert.notEqual(new Reads(reads.lex, reads, true).memo('* Explain X\n', para, span), memo);
  ({ reads, memo } = first());
  const indented = new Reads(reads.lex, reads, true);
  assert.notEqual(indented.memo('x\n - Explain X\n', para, { start: 5, end: 14 }), memo);
});

test('the builds of a document share one map of memos, and a memo the last build did not find good is none', () => {
  // Reads keep their memos in one map across builds, stamped with the build that last found
  // each good: only the last build's are taken (unhashed, with nodesKeepText), and those no build
  // reaches are let go.
  const para = { type: 'paragraph', children: [] } as unknown as Paragraph;
  const span = { start: 2, end: 11 };
  const one = new Reads(lexiconFor(), null);
  const memo = one.memo('- Explain X\n', para, span);
  // A build that does not reach the paragraph, then one whose parse hands the node on over other
  // characters of the same length: the memo of two builds ago must be checked, and is not good.
  const two = new Reads(one.lex, one, true);
  const three = new Reads(one.lex, two, true);
  assert.notEqual(three.memo('- Explain Y\n', para, span), memo);
  // Within one build, the memo made first is the one found again.
  const made = three.memo('- Explain Y\n', para, span);
  assert.equal(three.memo('- Explain Y\n', para, span), made);
  // Many paragraphs, then a build that reaches one: the others are let go after it.
  const many = new Reads(one.lex, null);
  const paras = Array.from(
    { length: 200 },
    () => ({ type: 'paragraph', children: [] }) as unknown as Paragraph,
  );
  for (const p of paras) many.memo('- Explain X\n', p, span);
  many.done();
  assert.equal(many.next.size, 200);
  const after = new Reads(one.lex, many, true);
  const kept = after.memo('- Explain X\n', paras[7]!, span);
  after.done();
  assert.equal(after.next.size, 1);
  assert.equal(after.next.get(paras[7]!), kept);
});

test('an item moved by edit after edit keeps every span of its analysis where a fresh build puts it', async () => {
  // The spans of a reused item's analysis are found once (reuse.ts, spanSlots) and moved at each
  // later move: a span missed, or moved twice (an object the analysis shares), fails here.
  const text = await generated(300);
  let previous = analyseText(text, FILE);
  const lines = text.split('\n');
  const first = previous.outline.objectives[previous.outline.objectives.length - 1]!;
  for (let k = 0; k < 4; k++) {
    lines.splice(3 + k, 0, `A line of prose added above, ${'x'.repeat(k * 7 + 1)}.`);
    const changed = lines.join('\n');
    const next = analyseText(changed, FILE, undefined, previous.parsed);
    const again = analyseText(changed, FILE).outline;
    const last = next.outline.objectives[next.outline.objectives.length - 1]!;
    assert.equal(last, first, `the last objective is reused after edit ${k}`);
    assert.deepEqual(last.analysis, again.objectives[again.objectives.length - 1]!.analysis);
    assert.deepEqual(next.outline, again, `outline after edit ${k}`);
    previous = next;
  }
});

test('lead-ins and headings kept from the last build read as a fresh build where edits move them', () => {
  // A lead-in's reading and a heading's or paragraph's text are kept by parse node across
  // builds (scope.ts, leadInOf; plain.ts, plainTextOf), moved with the node: a span left
  // where it was, a heading's reading given to a paragraph, or a text kept for a node whose
  // words changed, fails here.
  const lessons = Array.from({ length: 40 }, (_, k) =>
    [
      `## Lesson ${k}`,
      '',
      k % 2 ? 'Participants will understand:' : 'Participants will be able to:',
      '',
      ...Array.from({ length: 12 }, (_, i) => `- the topic ${k}.${i} within 10 minutes`),
      '',
      `### Students will understand`,
      '',
      `- the rule ${k} and its limits`,
      '',
    ].join('\n'),
  );
  const lines = ['# Course', '', 'Intro.', '', ...lessons.join('\n').split('\n')];
  const ws = new Workspace(undefined, { reuseFindings: true });
  ws.update(FILE, lines.join('\n'));
  ws.lint(FILE);
  const steps: ((l: string[]) => void)[] = [
    (l) => l.splice(2, 0, 'A line of prose added above.', ''),
    (l) => (l[2] = 'A longer line of prose added above, and then some more.'),
    (l) => l.splice(2, 2),
    (l) => (l[l.indexOf('Participants will understand:')] = 'Participants will know:'),
    (l) => (l[l.indexOf('### Students will understand')] = '### Students will understand:'),
    (l) => (l[l.indexOf('## Lesson 3')] = '## Lesson three'),
    (l) => l.splice(3, 0, '😀 and more', ''),
  ];
  for (const [i, step] of steps.entries()) {
    step(lines);
    const text = lines.join('\n');
    ws.update(FILE, text);
    const expected = fresh(text);
    assert.deepEqual(ws.get(FILE), expected.outline, `outline model differs after step ${i}`);
    assert.deepEqual(ws.outlineJson(FILE), expected.json, `outline JSON differs after step ${i}`);
    assert.deepEqual(ws.lint(FILE), expected.findings, `findings differ after step ${i}`);
    // The fresh build shares the kept texts (by node, so it never meets one): the headings' and
    // the lead-ins' words are checked against the source too.
    const outline = ws.get(FILE)!;
    assert.deepEqual(
      outline.sections.filter((s) => s.heading && s.depth <= 2).map((s) => s.title),
      lines.filter((l) => /^##? /.test(l)).map((l) => l.replace(/^#+\s*/, '')),
      `section titles after step ${i}`,
    );
    const leadIns = outline.blocks.flatMap((b) => (b.leadIn ? [b.leadIn] : []));
    for (const lead of leadIns)
      assert.ok(text.slice(lead.span.start, lead.span.end).endsWith(lead.text), `lead-in ${i}`);
    assert.ok(leadIns.length >= 40, `lead-ins read (${leadIns.length})`);
  }
});

test('edits that bring in or take out what the whole-text scans look for read as a fresh build', async () => {
  // After an edit of a text with nothing masked, no container and no deep nesting, the scans
  // for those (limits.ts, containers.ts) read only the lines the edit changed (textChange in
  // parse.ts). Each edit below brings one in or takes it out, in the middle of a long outline,
  // with LF and with CRLF and a BOM; after each, the workspace must read as a fresh build.
  const base = await generated(300);
  const dense = `- ${'**a** '.repeat(130)}within 10 minutes`;
  const deep = `${'>'.repeat(70)} - Explain the process`;
  for (const [bom, eol] of [
    ['', '\n'],
    ['\uFEFF', '\r\n'],
  ] as const) {
    const lines = base.split('\n');
    const at = Math.floor(lines.length / 2);
    const steps: ((l: string[]) => void)[] = [
      (l) => l.splice(at, 0, '::: {.objectives}', '- Describe the 😀 checklist', ':::'),
      (l) => l.splice(at, 3),
      (l) => l.splice(at, 0, '!!! note "Objectives"', '    - Compare two backup tools'),
      (l) => l.splice(at, 2),
      (l) => l.splice(at, 0, dense),
      (l) => (l[at] = l[at]!.replace('within', 'later')),
      (l) => l.splice(at, 1),
      (l) => l.splice(at, 0, '', deep, ''),
      (l) => l.splice(at, 3),
      (l) => (l[at + 1] = `${l[at + 1]!} {: .x}`),
      (l) => (l[at + 1] = l[at + 1]!.replace(' {: .x}', '')),
      (l) => l.splice(at, 0, '- Explain <!-- one', '  ' + '<!-- x '.repeat(30)),
      (l) => l.splice(at, 2),
    ];
    const ws = new Workspace(undefined, { reuseFindings: true });
    ws.update(FILE, bom + lines.join(eol));
    ws.lint(FILE);
    steps.forEach((step, i) => {
      step(lines);
      const current = bom + lines.join(eol);
      ws.update(FILE, current);
      const expected = fresh(current);
      const where = `after step ${i} (${JSON.stringify(eol)})`;
      assert.deepEqual(ws.get(FILE), expected.outline, `outline model differs ${where}`);
      assert.deepEqual(ws.outlineJson(FILE), expected.json, `outline JSON differs ${where}`);
      assert.deepEqual(ws.lint(FILE), expected.findings, `findings differ ${where}`);
    });
  }
});

test('an exercise chunk after objectives reused from the last build does not take them for its task', async () => {
  // A learnr exercise chunk right after a list of objectives: the list is no task of it
  // (assessments.ts, itemStarts), so the chunk is titled by its name. After an edit above,
  // the objectives are reused (placed, not read again) and must still be left out of the task,
  // as a fresh build leaves them out.
  const lessons = Array.from({ length: 12 }, (_, k) =>
    [
      `## Lesson ${k + 1}: Filtering ${k + 1}`,
      '',
      'Learners work through the exercises at their own pace.',
      '',
      '### Learning objectives',
      '',
      `- Filter the rows of data frame ${k + 1} with two or more conditions.`,
      `- Justify the choice of a join type for tables ${k + 1} and ${k + 2}.`,
      '',
      `\`\`\`{r filter-${k + 1}, exercise=TRUE}`,
      'flights',
      '```',
      '',
    ].join('\n'),
  ).join('\n');
  let text = (await generated(300)) + '\n' + lessons;
  const ws = new Workspace(undefined, { reuseFindings: true });
  ws.update(FILE, text);
  ws.lint(FILE);
  const chunks = (o: Outline) => o.assessments.filter((a) => a.text.startsWith('filter-'));
  assert.equal(chunks(ws.get(FILE)!).length, 12, 'each chunk titled by its name');
  for (const [from, to] of [
    ['will be able to', 'can'],
    ['can', 'will be able to'],
  ] as const) {
    text = text.replace(from, to);
    const before = new Set(items(ws.get(FILE)!));
    ws.update(FILE, text);
    const outline = ws.get(FILE)!;
    const filters = outline.objectives.filter((o) => o.text.startsWith('Filter the rows'));
    assert.equal(filters.length, 12);
    assert.ok(
      filters.every((o) => before.has(o)),
      'the objectives are reused',
    );
    assert.equal(chunks(outline).length, 12, 'each chunk titled by its name');
    const expected = fresh(text);
    assert.deepEqual(outline, expected.outline);
    assert.deepEqual(ws.lint(FILE), expected.findings);
  }
});
