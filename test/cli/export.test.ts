// `bloomline export`: each format checked column by column against its own documentation, by a
// reader written here from that documentation (not the writer's code), with a round trip:
// - canvas: canvas-lms doc/api/outcomes_csv.md and lib/outcomes/csv_importer.rb + import.rb
//   (required headers title, vendor_guid, object_type, parent_guids; no unknown headers;
//   vendor_guid without whitespace and unique; object_type group|outcome; parents are earlier
//   group rows; a group has one parent and no calculation fields; workflow_state active|deleted)
// - moodle: admin/tool/lpimportcsv framework_importer.php (14 columns read by position, headers
//   from lang/en/tool_lpimportcsv.php; one row with "Is framework"; the tree built from "Parent
//   ID number", where a row whose parent is missing would be dropped; ID numbers and short
//   names at most 100 characters; the scale configuration JSON)
// - case: the CASE 1.1 package schema in test/support (required fields, UUIDs, association
//   types), every isChildOf pointing at an item or the document, identifiers recomputed.
// And: a duplicate ID is said on stderr and exported unique; exports of the corpora are
// byte-identical twice.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { uuidV5 } from '../../server/src/export/index.js';
import { assertOneErrorLine, project, ROOT, run } from './helpers.js';

const COURSE = `# Remote Work Security

## Module 1: Connecting

By the end of this module, participants will be able to:

- **LO1:** Use the VPN client to reach the CRM in under 5 minutes, without assistance.
- **LO2:** Understand how to configure the VPN client.
- Explain why a "split tunnel", as configured, leaks traffic, within 3 sentences.

### Success measures

- **KPI1:** VPN tickets fall from 120 to 40 a month within 90 days (LO1, LO2).

## Module 2: Phishing

### Week 1

You will be able to:

- **LO3:** Classify 20 sample emails as phishing or legitimate with at least 90% accuracy.
`;

const LESSON = `# Shell lesson

## Learning objectives

- **LO1:** Write a loop that renames every file in a folder without errors.
`;

/** RFC 4180, written from the RFC: quoted fields, doubled quotes, CRLF or LF records. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      // The record ends at the \n.
    } else if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  assert.equal(quoted, false, 'no unterminated quote');
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function objectivesOf(dir: string, args: string[]): { id: string; text: string }[] {
  const r = run(['outline', '--format', 'json', ...args], dir);
  assert.equal(r.status, 0, r.stderr);
  return (JSON.parse(r.stdout) as { objectives: { id: string; text: string }[] }[]).flatMap(
    (e) => e.objectives,
  );
}

function exportOf(dir: string, format: string, args: string[] = []): string {
  const r = run(['export', '--format', format, ...args], dir, { SOURCE_DATE_EPOCH: '1767225600' });
  assert.equal(r.status, 0, `${format}: ${r.stderr}`);
  return r.stdout;
}

// --- Canvas -------------------------------------------------------------------------------

const CANVAS_REQUIRED = ['title', 'vendor_guid', 'object_type', 'parent_guids'];
const CANVAS_OPTIONAL = [
  'canvas_id',
  'description',
  'display_name',
  'calculation_method',
  'calculation_int',
  'workflow_state',
  'mastery_points',
];

interface CanvasRow {
  vendor_guid: string;
  object_type: string;
  title: string;
  description: string;
  display_name: string;
  calculation_method: string;
  calculation_int: string;
  workflow_state: string;
  parent_guids: string;
}

/** Canvas's importer rules, as csv_importer.rb and import.rb apply them. */
function readCanvas(text: string): CanvasRow[] {
  assert.ok(!text.startsWith('\uFEFF'), 'no BOM: Canvas would read it into the first header');
  const [header, ...rows] = parseCsv(text);
  const end = header!.indexOf('ratings');
  const headers = end < 0 ? header! : header!.slice(0, end);
  for (const r of CANVAS_REQUIRED) assert.ok(headers.includes(r), `required header ${r}`);
  for (const h of headers)
    assert.ok([...CANVAS_REQUIRED, ...CANVAS_OPTIONAL].includes(h), `unknown header "${h}"`);
  const guids = new Map<string, string>();
  const out: CanvasRow[] = [];
  for (const cells of rows) {
    assert.equal(cells.length, header!.length, `every row has ${header!.length} fields`);
    const row = Object.fromEntries(headers.map((h, i) => [h, cells[i]!])) as unknown as CanvasRow;
    assert.ok(row.vendor_guid && row.title, 'vendor_guid and title are required');
    assert.doesNotMatch(row.vendor_guid, /\s/, 'vendor_guid has no spaces');
    assert.doesNotMatch(row.vendor_guid, /canvas_outcome(_group)?:\d/, 'not a Canvas internal id');
    assert.ok(row.vendor_guid.length <= 255);
    assert.ok(!guids.has(row.vendor_guid), `unique vendor_guid ${row.vendor_guid}`);
    assert.ok(['', 'active', 'deleted'].includes(row.workflow_state));
    assert.ok(['group', 'outcome'].includes(row.object_type), row.object_type);
    assert.ok(row.title.length <= 255, 'LearningOutcome titles are at most 255 characters');
    const parents = row.parent_guids.trim() ? row.parent_guids.trim().split(/\s+/) : [];
    for (const p of parents) assert.equal(guids.get(p), 'group', `parent ${p} is an earlier group`);
    if (row.object_type === 'group') {
      assert.ok(parents.length <= 1, 'a group has at most one parent');
      assert.equal(row.calculation_method, '');
      assert.equal(row.calculation_int, '');
    } else {
      assert.ok(
        ['', 'decaying_average', 'n_mastery', 'highest', 'latest'].includes(row.calculation_method),
      );
    }
    guids.set(row.vendor_guid, row.object_type);
    out.push(row);
  }
  return out;
}

test('canvas: outcomes CSV with the documented columns, a group per course and section, stable guids', (t) => {
  const dir = project(t, { 'course.md': COURSE, 'lessons/shell.md': LESSON });
  const text = exportOf(dir, 'canvas');
  assert.ok(text.endsWith('\r\n'));
  const rows = readCanvas(text);
  assert.deepEqual(parseCsv(text)[0], [
    'vendor_guid',
    'object_type',
    'title',
    'description',
    'display_name',
    'calculation_method',
    'calculation_int',
    'workflow_state',
    'parent_guids',
  ]);
  const groups = rows.filter((r) => r.object_type === 'group');
  assert.deepEqual(
    groups.map((g) => g.title),
    [
      'Remote Work Security',
      'Module 1: Connecting',
      'Module 2: Phishing',
      'Week 1',
      'Shell lesson',
    ],
  );
  assert.equal(groups[0]!.parent_guids, '', 'the course group is at the root');
  const outcomes = rows.filter((r) => r.object_type === 'outcome');
  const objectives = objectivesOf(dir, ['course.md', 'lessons/shell.md']);
  assert.deepEqual(
    outcomes.map((o) => o.title),
    objectives.map((o) => o.text),
    'one outcome row per objective, in order',
  );
  const lo1 = outcomes.find(
    (o) => o.display_name === 'LO1' && o.vendor_guid.includes('course.md'),
  )!;
  assert.equal(lo1.vendor_guid, 'bloomline:course.md:LO1');
  assert.equal(lo1.parent_guids, 'bloomline:course.md:section:Module-1-Connecting');
  assert.match(
    lo1.description,
    /Bloom&#39;s|Bloom's revised taxonomy: apply \(verb &quot;use&quot;\)/,
  );
  assert.match(lo1.description, /Criterion: in under 5 minutes/);
  assert.match(lo1.description, /Measured by KPI1: VPN tickets fall from 120 to 40/);
  const lo3 = outcomes.find((o) => o.display_name === 'LO3')!;
  assert.equal(lo3.parent_guids, 'bloomline:course.md:section:Module-2-Phishing/Week-1');
  const generated = outcomes.find((o) => o.title.startsWith('Explain why'))!;
  assert.equal(generated.display_name, '', 'no friendly name for a generated ID');
  assert.equal(
    outcomes.find((o) => o.vendor_guid.startsWith('bloomline:lessons/shell.md'))?.vendor_guid,
    'bloomline:lessons/shell.md:LO1',
    'the same ID in another file is another guid',
  );
  // The same outline exports the same bytes; an objective added above keeps the others' guids.
  assert.equal(exportOf(dir, 'canvas'), text);
  fs.writeFileSync(
    path.join(dir, 'course.md'),
    COURSE.replace('- **LO1:**', '- **LO0:** List the three VPN servers from memory.\n- **LO1:**'),
  );
  const again = readCanvas(exportOf(dir, 'canvas')).map((r) => r.vendor_guid);
  for (const r of rows) assert.ok(again.includes(r.vendor_guid), `${r.vendor_guid} kept`);
});

// --- Moodle -------------------------------------------------------------------------------

const MOODLE_HEADERS = [
  'Parent ID number',
  'ID number',
  'Short name',
  'Description',
  'Description format',
  'Scale values',
  'Scale configuration',
  'Rule type (optional)',
  'Rule outcome (optional)',
  'Rule config (optional)',
  'Cross-referenced competency ID numbers',
  'Exported ID (optional)',
  'Is framework',
  'Taxonomy',
];
const TAXONOMY_TERMS = [
  'behaviour',
  'competency',
  'concept',
  'domain',
  'indicator',
  'level',
  'outcome',
  'practice',
  'proficiency',
  'skill',
  'value',
];

interface Competency {
  parent: string;
  idnumber: string;
  shortname: string;
  description: string;
  children: Competency[];
}

/** framework_importer.php's reading: columns by position, the framework row, the tree. */
function readMoodle(text: string): { framework: string[]; tree: Competency[]; all: Competency[] } {
  const [header, ...rows] = parseCsv(text);
  assert.deepEqual(header, MOODLE_HEADERS);
  let framework: string[] | null = null;
  const flat = new Map<string, Competency>();
  for (const cells of rows) {
    assert.equal(cells.length, 14);
    if (cells[12]) {
      assert.equal(framework, null, 'one framework row');
      framework = cells;
      continue;
    }
    const c: Competency = {
      parent: cells[0]!,
      idnumber: cells[1]!,
      shortname: cells[2]!,
      description: cells[3]!,
      children: [],
    };
    assert.ok(c.idnumber.length > 0 && c.idnumber.length <= 100, `ID number ${c.idnumber}`);
    assert.ok(c.shortname.length > 0 && c.shortname.length <= 100, 'short name within 100');
    assert.doesNotMatch(c.idnumber, /^[\d.eE+-]*$/, 'never numeric (PHP compares loosely)');
    assert.doesNotMatch(c.idnumber, /,/, 'no comma (cross-reference lists split on it)');
    assert.ok(!flat.has(c.idnumber.toLowerCase()), `unique ${c.idnumber}`);
    assert.equal(cells[4], '1', 'HTML description');
    flat.set(c.idnumber.toLowerCase(), c);
  }
  assert.ok(framework, 'a framework row');
  assert.ok(framework[1]!.length <= 100 && framework[2]!.length <= 100);
  assert.ok(framework[5]!.split(',').length >= 2, 'scale values');
  const config = JSON.parse(framework[6]!) as Record<string, unknown>[];
  assert.ok('scaleid' in config[0]!);
  assert.ok(
    config.slice(1).some((c) => c.proficient === 1),
    'a proficient scale item',
  );
  assert.ok(
    config.slice(1).some((c) => c.scaledefault === 1),
    'a default scale item',
  );
  for (const term of framework[13]!.split(',')) assert.ok(TAXONOMY_TERMS.includes(term), term);
  // add_children(): each competency under the row whose ID number equals its parent's.
  const tree: Competency[] = [];
  for (const c of flat.values()) {
    if (c.parent === '') tree.push(c);
    else {
      const parent = [...flat.values()].find((p) => p.idnumber === c.parent);
      assert.ok(parent, `parent "${c.parent}" of "${c.idnumber}" exists (else it is dropped)`);
      parent.children.push(c);
    }
  }
  return { framework, tree, all: [...flat.values()] };
}

test('moodle: the 14 columns of tool_lpimportcsv, one framework row, every parent ID number present', (t) => {
  const dir = project(t, { 'course.md': COURSE });
  const text = exportOf(dir, 'moodle');
  const { framework, tree, all } = readMoodle(text);
  assert.equal(framework[2], 'Remote Work Security', 'one course is the framework');
  assert.equal(framework[1], 'bloomline-course');
  assert.deepEqual(
    tree.map((c) => c.shortname),
    ['Module 1: Connecting', 'Module 2: Phishing'],
  );
  const week = tree[1]!.children[0]!;
  assert.equal(week.shortname, 'Week 1');
  assert.equal(week.children[0]!.idnumber, 'course.LO3');
  const objectives = objectivesOf(dir, ['course.md']);
  const leaves = all.filter((c) => !c.children.length);
  assert.deepEqual(
    leaves.map((c) => c.description.match(/^<p>(.*?)<\/p>/)![1]),
    objectives.map((o) =>
      o.text
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;'),
    ),
  );
  assert.deepEqual(framework[13]!.split(','), ['domain', 'competency', 'outcome']);
  assert.equal(exportOf(dir, 'moodle'), text);

  // Several courses: one framework, each course a top-level competency.
  fs.writeFileSync(path.join(dir, 'shell.md'), LESSON);
  const two = readMoodle(exportOf(dir, 'moodle'));
  assert.deepEqual(
    two.tree.map((c) => c.shortname),
    ['Remote Work Security', 'Shell lesson'],
  );
  assert.equal(two.framework[2], path.basename(dir));
});

// --- CASE ---------------------------------------------------------------------------------

type AjvClass = typeof Ajv.default;
const AjvCtor = ((Ajv as unknown as { default?: AjvClass }).default ?? Ajv) as AjvClass;
const withFormats = ((addFormats as unknown as { default?: typeof addFormats.default }).default ??
  addFormats) as typeof addFormats.default;

interface CasePackage {
  CFDocument: { identifier: string; title: string; lastChangeDateTime: string };
  CFItems: {
    identifier: string;
    fullStatement: string;
    CFItemType: string;
    humanCodingScheme?: string;
    conceptKeywords?: string[];
    notes?: string;
  }[];
  CFAssociations: {
    associationType: string;
    originNodeURI: { identifier: string };
    destinationNodeURI: { identifier: string };
  }[];
}

function readCase(text: string): CasePackage {
  const schema = JSON.parse(
    fs.readFileSync(path.join(ROOT, 'test', 'support', 'case-v1p1-package.schema.json'), 'utf8'),
  ) as object;
  const ajv = new AjvCtor({ allErrors: true, strict: false });
  withFormats(ajv);
  const validate = ajv.compile(schema);
  const pkg = JSON.parse(text) as CasePackage;
  assert.ok(validate(pkg), JSON.stringify(validate.errors, null, 2));
  const ids = new Set(pkg.CFItems.map((i) => i.identifier));
  assert.equal(ids.size, pkg.CFItems.length, 'unique item identifiers');
  const parents = new Map<string, number>();
  for (const a of pkg.CFAssociations) {
    assert.ok(ids.has(a.originNodeURI.identifier), 'the origin is an item');
    if (a.associationType === 'isChildOf') {
      const d = a.destinationNodeURI.identifier;
      assert.ok(ids.has(d) || d === pkg.CFDocument.identifier, 'the parent exists');
      parents.set(a.originNodeURI.identifier, (parents.get(a.originNodeURI.identifier) ?? 0) + 1);
    }
  }
  for (const id of ids) assert.equal(parents.get(id), 1, 'every item has one parent');
  return pkg;
}

test('case: a CASE 1.1 package that validates, UUIDs from file and ID, isChildOf and isRelatedTo', (t) => {
  const dir = project(t, { 'course.md': COURSE });
  const text = exportOf(dir, 'case');
  const pkg = readCase(text);
  assert.equal(pkg.CFDocument.title, 'Remote Work Security');
  assert.equal(pkg.CFDocument.lastChangeDateTime, '2026-01-01T00:00:00Z', 'SOURCE_DATE_EPOCH');
  const objectives = pkg.CFItems.filter((i) => i.CFItemType === 'Learning Objective');
  assert.deepEqual(
    objectives.map((o) => o.fullStatement),
    objectivesOf(dir, ['course.md']).map((o) => o.text),
  );
  const lo1 = objectives.find((o) => o.humanCodingScheme === 'LO1')!;
  assert.equal(lo1.identifier, uuidV5('course.md\u0000objective\u0000LO1'));
  assert.deepEqual(lo1.conceptKeywords, ['Bloom: apply']);
  const kpi = pkg.CFItems.find((i) => i.humanCodingScheme === 'KPI1')!;
  assert.equal(kpi.CFItemType, 'Outcome');
  const related = pkg.CFAssociations.filter((a) => a.associationType === 'isRelatedTo');
  assert.deepEqual(
    related.map((a) => [a.originNodeURI.identifier, a.destinationNodeURI.identifier]),
    ['LO1', 'LO2'].map((id) => [
      kpi.identifier,
      objectives.find((o) => o.humanCodingScheme === id)!.identifier,
    ]),
    'the outcome is related to the objectives it measures',
  );
  const week = pkg.CFItems.find((i) => i.fullStatement === 'Week 1')!;
  const lo3 = objectives.find((o) => o.humanCodingScheme === 'LO3')!;
  assert.ok(
    pkg.CFAssociations.some(
      (a) =>
        a.associationType === 'isChildOf' &&
        a.originNodeURI.identifier === lo3.identifier &&
        a.destinationNodeURI.identifier === week.identifier,
    ),
  );
  assert.equal(exportOf(dir, 'case'), text);
  const custom = JSON.parse(
    exportOf(dir, 'case', ['--base-uri', 'https://case.example.edu/uri/', '--creator', 'Team']),
  ) as { CFDocument: { uri: string; creator: string; identifier: string } };
  assert.equal(
    custom.CFDocument.uri,
    `https://case.example.edu/uri/${custom.CFDocument.identifier}`,
  );
  assert.equal(custom.CFDocument.creator, 'Team');
});

// --- Bad input, determinism ---------------------------------------------------------------

test('a file with duplicate IDs: said on stderr, and every format still writes unique ids', (t) => {
  const dup = `# Course\n\n## Objectives\n\n- **LO1:** List three ports without notes.\n- **LO1:** Explain a port in two sentences.\n- **lo1:** Name a protocol from memory.\n`;
  const dir = project(t, { 'dup.md': dup });
  for (const format of ['canvas', 'moodle', 'case']) {
    const r = run(['export', '--format', format, '--output', `out.${format}`], dir);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, '');
    assertOneErrorLine(
      r.stderr,
      /dup\.md: the ID "LO1" is used 3 times; exported as "LO1", "LO1-2", "lo1-3"/,
    );
    const text = fs.readFileSync(path.join(dir, `out.${format}`), 'utf8');
    if (format === 'canvas') {
      const rows = readCanvas(text).filter((x) => x.object_type === 'outcome');
      assert.equal(rows.length, 3);
    } else if (format === 'moodle') {
      assert.equal(readMoodle(text).all.length, 3);
    } else {
      const items = readCase(text).CFItems.filter((i) => i.CFItemType === 'Learning Objective');
      assert.deepEqual(
        items.map((i) => i.humanCodingScheme),
        ['LO1', 'LO1-2', 'lo1-3'],
      );
    }
  }
});

test('usage: a format is required, an unknown one or nothing to export is exit 2', (t) => {
  const dir = project(t, { 'notes.md': '# Notes\n\nNothing here.\n', 'course.md': LESSON });
  for (const [args, pattern] of [
    [['export'], /name a format/],
    [['export', '--format', 'blackboard'], /unknown format "blackboard"/],
    [['export', '--format', 'canvas', 'notes.md'], /no objectives or outcomes found/],
    [['export', '--format', 'canvas', 'missing.md'], /missing\.md: no such file/],
  ] as const) {
    const r = run([...args], dir);
    assert.equal(r.status, 2, args.join(' '));
    assertOneErrorLine(r.stderr, pattern);
  }
});

test('exports of the corpora validate and are byte-identical twice', (t) => {
  const corpus = path.join(ROOT, 'test', 'corpus');
  if (!fs.existsSync(corpus)) return t.skip('no corpus');
  for (const format of ['canvas', 'moodle', 'case']) {
    const first = exportOf(corpus, format);
    const second = exportOf(corpus, format);
    assert.equal(second, first, `${format} is deterministic`);
    if (format === 'canvas')
      assert.ok(readCanvas(first).filter((r) => r.object_type === 'outcome').length > 100);
    else if (format === 'moodle') assert.ok(readMoodle(first).all.length > 100);
    else assert.ok(readCase(first).CFItems.length > 100);
  }
});

test('assessments: named in the Moodle and CASE descriptions of the objectives they check, not in Canvas', (t) => {
  const syllabus = [
    '# Research Methods',
    '',
    '## Intended learning outcomes',
    '',
    '- **ILO1:** Formulate a testable hypothesis.',
    '- **ILO2:** Design a field study.',
    '',
    '## Assignments',
    '',
    '1. Formulate three hypotheses for a question of your choice (ILO1).',
    '',
  ].join('\n');
  const dir = project(t, { 'syllabus.md': syllabus });
  const { all } = readMoodle(exportOf(dir, 'moodle'));
  const ilo1 = all.find((c) => /ILO1/.test(c.idnumber))!;
  assert.match(
    ilo1.description,
    /<p>Assessed by \(create\): Formulate three hypotheses for a question of your choice \(ILO1\)\.<\/p>/,
  );
  const ilo2 = all.find((c) => /ILO2/.test(c.idnumber))!;
  assert.doesNotMatch(ilo2.description, /Assessed by/);
  const pkg = readCase(exportOf(dir, 'case'));
  const item = pkg.CFItems.find((i) => i.fullStatement === 'Formulate a testable hypothesis.')!;
  assert.match(item.notes!, /^Assessed by \(create\): Formulate three hypotheses/m);
  assert.equal(
    pkg.CFItems.filter((i) => /hypotheses for a question/.test(i.fullStatement)).length,
    0,
  );
  assert.doesNotMatch(exportOf(dir, 'canvas'), /Assessed by|three hypotheses/);
});
