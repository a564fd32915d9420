// Item IDs (OUTLINE-CONVENTIONS.md section 6, recognise/ids.ts): the language of each context
// that recognises one, accepted and rejected, side by side. They share their pieces and differ
// only where the context means it: a table's ID cell and an ID before a list item's text take an
// item's ID ("LO1a", "LO.1", "LO_1"); a reference in prose takes a narrower one ("LO1a" but not
// "LO.1"), since "(p.12)" is a page; readId (an ID at an item's start) takes any marked token,
// and an unmarked one only when it looks like a code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Workspace, resolveConfig } from '../../server/src/core/index.js';
import {
  canonicalId,
  ID_CELL,
  idLetters,
  LEADING_ID,
  objectiveByCode,
  REFERENCE_ID,
} from '../../server/src/core/recognise/ids.js';
import { findReferences } from '../../server/src/core/recognise/references.js';

function languageOf(accepts: (text: string) => boolean, yes: string[], no: string[]) {
  for (const t of yes) assert.ok(accepts(t), `accepts ${JSON.stringify(t)}`);
  for (const t of no) assert.ok(!accepts(t), `rejects ${JSON.stringify(t)}`);
}

test("a table's ID cell: an item's ID, with a separator, a letter after it or a space", () => {
  languageOf(
    (t) => ID_CELL.test(t),
    ['LO1', 'CLO2.1', 'LO-1', 'LO_1', 'LO.1', 'LO1a', 'P1', 'ELO 1.1', 'Objective 2', 'outcome 3'],
    ['1', '1.2', 'LO', 'LO 1a b', 'ISO 9001', 'Week 3', 'LO1A', 'LO1ab', 'LO1-2', 'A1B2', ''],
  );
});

test("an ID before a list item's text: the same ID, bracketed or with a colon, then text", () => {
  const strip = (t: string) => t.replace(LEADING_ID, '');
  languageOf(
    (t) => LEADING_ID.test(t),
    ['LO1 Explain', '[CLO2] Explain', 'ELO 1.1: Explain', 'LO1a: Explain', 'K3 is', 'LO.1 Name'],
    ['LO1', 'LO1 ', 'Explain LO1', '1. Explain', 'Week 3 is', 'ISO 9001 is', 'LO1A Explain'],
  );
  assert.equal(strip('[CLO2]: Explain how a bond is priced'), 'Explain how a bond is priced');
  assert.equal(strip('ELO 1.1 Explain'), 'Explain');
});

test('a reference in prose: no "." or "_" after the letters', () => {
  const whole = new RegExp(`^${REFERENCE_ID}$`);
  languageOf(
    (t) => whole.test(t),
    ['LO1', 'CLO-2', 'LO1.2', 'K3', 'LO1a'],
    ['LO.1', 'LO_1', 'LO1ab', 'p.12', 'Fig.3', '1', 'LO 1'],
  );
  // Meant: in running text "(p.12)" and "(Fig.3)" are a page and a figure, not objectives; an
  // ID cell's "LO.1" is an ID because its column says so.
  const refs = (text: string) =>
    findReferences(
      text,
      Array.from({ length: text.length + 1 }, (_, i) => i),
      null,
    ).map((r) => r.id);
  assert.deepEqual(refs('Read the proof (p.12) and the chart (Fig.3).'), []);
  assert.deepEqual(refs('Price a bond (supports LO1, CLO-2 and ELO 1.1).'), [
    'LO1',
    'CLO-2',
    'ELO1.1',
  ]);
  assert.deepEqual(refs('Price a bond (LO1-3).'), ['LO1', 'LO2', 'LO3']);
});

test('canonicalId and idLetters', () => {
  assert.equal(canonicalId('ELO 1.1'), 'ELO1.1');
  assert.equal(canonicalId('LO1'), 'LO1');
  assert.equal(idLetters('LO1.2'), 'lo');
  assert.equal(idLetters('CLO-2'), 'clo');
});

function idsOf(markdown: string): (string | null)[] {
  const config = resolveConfig({}).config;
  const ws = new Workspace(config);
  ws.update('course.md', markdown, config);
  return ws.get('course.md')!.objectives.map((o) => (o.explicitId ? o.id : null));
}

test("an ID at an item's start (readId): any marked token, an unmarked one only as a code", () => {
  const list = (items: string[]) =>
    idsOf(['# Course', '', '## Learning objectives', '', ...items.map((i) => `- ${i}`)].join('\n'));
  const cases: [string, string | null][] = [
    ['**LO1** Explain how a bond is priced.', 'LO1'],
    ['**LO1.2:** Explain how a bond is priced.', 'LO1.2'],
    ['`LO1` Explain how a bond is priced.', 'LO1'],
    ['[LO1] Explain how a bond is priced.', 'LO1'],
    ['LO1: Explain how a bond is priced.', 'LO1'],
    ['**ELO 1.1:** Explain how a bond is priced.', 'ELO1.1'],
    // Marked: wider than an ID cell's language.
    ['**K1a** Explain how a bond is priced.', 'K1a'],
    ['**LO1.a** Explain how a bond is priced.', 'LO1.a'],
    // Unmarked: separated, coded or bare.
    ['LO1 – Explain how a bond is priced.', 'LO1'],
    ['LO1 Explain how a bond is priced.', 'LO1'],
    ['CLO2 Describe the yield curve.', 'CLO2'],
    ['P1 Describe the yield curve.', 'P1'],
    ['Q1 Deliver a priced bond portfolio.', null],
    ['FY2027 Reduce the cost of a bond trade.', null],
  ];
  for (const [item, id] of cases) assert.deepEqual(list([item]), [id], item);
});

test('a cell of references names an ID with a letter after its number, as the ID cell does', () => {
  // Before: "LO1b" in an assessment table's cell was read as "LO1" (an unknown reference, "did
  // you mean LO1a or LO1b?") though the ID column beside it takes "LO1b" as an ID.
  const text = [
    '# Course',
    '',
    '## Learning objectives',
    '',
    '| ID | Learning objective |',
    '| --- | --- |',
    '| LO1a | Explain how a bond is priced within 2% of its market price. |',
    '| LO1b | Calculate the yield of a bond without error. |',
    '',
    '## Assessment',
    '',
    '| Assessment | Learning outcomes |',
    '| --- | --- |',
    '| Quiz | LO1b |',
    '| Essay | LO1a, LO1b |',
  ].join('\n');
  const config = resolveConfig({}).config;
  const ws = new Workspace(config);
  ws.update('course.md', text, config);
  const outline = ws.get('course.md')!;
  assert.deepEqual(
    outline.assessments.map((a) => a.references.map((r) => r.id)),
    [['LO1b'], ['LO1a', 'LO1b']],
  );
  assert.deepEqual(
    outline.objectives.map((o) => o.assessments.map((l) => l.id)),
    [['assessment#assessment-2'], ['assessment#assessment-1', 'assessment#assessment-2']],
  );
  assert.deepEqual(
    ws.lint('course.md').filter((f) => f.ruleId === 'unknown-reference'),
    [],
  );
});

const obj = (id: string, explicitId = true) => ({ id, explicitId });
const GENERATED = [
  obj('s#objective-1', false),
  obj('s#objective-2', false),
  obj('s#objective-3', false),
];

test('objectiveByCode: an ID that is the code, separators and case aside (a matrix header)', () => {
  const los = [obj('CLO1'), obj('CLO-2'), obj('clo_3'), obj('LO1.2')];
  assert.equal(objectiveByCode(los, 'CLO1'), los[0]);
  assert.equal(objectiveByCode(los, 'CLO 2'), los[1]);
  assert.equal(objectiveByCode(los, 'CLO3'), los[2]);
  assert.equal(objectiveByCode(los, 'LO 1.2'), los[3]);
  // Some have IDs: a code of other letters, or of a number none has, names none.
  assert.equal(objectiveByCode(los, 'LO1'), undefined);
  assert.equal(objectiveByCode(los, 'CLO4'), undefined);
  assert.equal(objectiveByCode(los, 'LO12'), undefined);
});

test('objectiveByCode: a number alone names the one ID ending in it (a cell "3")', () => {
  const los = [obj('CLO1'), obj('CLO2'), obj('CLO03'), obj('LO1.2')];
  assert.equal(objectiveByCode(los, '1'), los[0]);
  assert.equal(objectiveByCode(los, '3'), los[2]);
  assert.equal(objectiveByCode(los, '1.2'), los[3]);
  // "2" ends CLO2 and LO1.2: ambiguous, none (and not the second in order, since IDs exist).
  assert.equal(objectiveByCode(los, '2'), undefined);
  assert.equal(objectiveByCode(los, '5'), undefined);
});

test('objectiveByCode: where none has an ID, the one of that number in order', () => {
  assert.equal(objectiveByCode(GENERATED, '2'), GENERATED[1]);
  assert.equal(objectiveByCode(GENERATED, 'CLO 2'), GENERATED[1]);
  assert.equal(objectiveByCode(GENERATED, 'Objective3'), GENERATED[2]);
  assert.equal(objectiveByCode(GENERATED, '4'), undefined);
  assert.equal(objectiveByCode(GENERATED, 'CLO 2a'), undefined);
  assert.equal(objectiveByCode(GENERATED, '1.2'), undefined);
  // In the course's list (a module descriptor's first block), not the file's whole order.
  assert.equal(objectiveByCode(GENERATED, 'LO1', GENERATED.slice(1)), GENERATED[1]);
  // An ID anywhere turns counting off (workspace.ts: "no objective of the file has an ID").
  const mixed = [...GENERATED, obj('K1')];
  assert.equal(objectiveByCode(mixed, 'LO1', GENERATED), undefined);
});

function checks(markdown: string): string[][] {
  const config = resolveConfig({}).config;
  const ws = new Workspace(config);
  ws.update('course.md', markdown, config);
  return ws.get('course.md')!.assessments.map((a) => a.objectives.map((l) => l.id));
}

const ASSESSED = (objectives: string[], cells: string[]) =>
  [
    '# Course',
    '',
    '## Learning objectives',
    '',
    ...objectives,
    '',
    '## Assessment',
    '',
    '| Assessment | Learning outcomes |',
    '| --- | --- |',
    ...cells.map((c, i) => `| Task ${i + 1} | ${c} |`),
  ].join('\n');

test('a range of codes in a cell checks the objectives between its ends, as a range of numbers does', () => {
  // Before: "ELO 1 – ELO 3" checked ELO1 and ELO3, not ELO2 (a spaced code never matched an ID);
  // "LO1–LO3" over objectives without IDs checked the first and the third (the ends resolve by
  // number in workspace.ts) but not the second, where "1-3" checked all three.
  const spaced = ASSESSED(
    [
      '| ID | Learning objective |',
      '| --- | --- |',
      '| ELO 1 | Explain how a bond is priced within 2% of its market price. |',
      '| ELO 2 | Calculate the yield of a bond without error. |',
      '| ELO 3 | Compare two bonds by their duration without error. |',
    ],
    ['ELO 1 – ELO 3'],
  );
  assert.deepEqual(checks(spaced), [['ELO1', 'ELO2', 'ELO3']]);
  const numbered = ASSESSED(
    [
      '1. Explain how a bond is priced within 2% of its market price.',
      '2. Calculate the yield of a bond without error.',
      '3. Compare two bonds by their duration without error.',
    ],
    ['LO1–LO3', '1-3', 'LO1-3'],
  );
  const all = ['course#objective-1', 'course#objective-2', 'course#objective-3'];
  assert.deepEqual(
    checks(numbered).map((ids) => [...ids].sort()),
    [all, all, all],
  );
});

test("a range of a framework's codes names no objective by its number", () => {
  // "K1–K3" are knowledge codes of an apprenticeship standard, not objectives 1 to 3.
  const numbered = ASSESSED(
    [
      '1. Explain how a bond is priced within 2% of its market price.',
      '2. Calculate the yield of a bond without error.',
      '3. Compare two bonds by their duration without error.',
    ],
    ['K1–K3'],
  );
  assert.deepEqual(checks(numbered), [[]]);
});

test('a reference in prose names an ID with a letter after its number ("(LO1a)")', () => {
  // Before: "(LO1a)" and "supports LO1b" named nothing (a reference took no letter after the
  // number), so each outcome measured both objectives by section scope.
  const config = resolveConfig({}).config;
  const ws = new Workspace(config);
  ws.update(
    'course.md',
    [
      '# Course',
      '',
      '## Learning objectives',
      '',
      '- **LO1a** Explain how a bond is priced within 2% of its market price.',
      '- **LO1b** Calculate the yield of a bond without error.',
      '',
      '## Outcomes',
      '',
      '- Analysts price bonds within 2% of market value by June 2027 (LO1a).',
      '- Analysts compute yields without error by June 2027 (supports LO1b).',
    ].join('\n'),
    config,
  );
  const outline = ws.get('course.md')!;
  assert.deepEqual(
    outline.outcomes.map((o) => o.objectives.map((l) => `${l.id} ${l.via}`)),
    [['LO1a reference'], ['LO1b reference']],
  );
});
