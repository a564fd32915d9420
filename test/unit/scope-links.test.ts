// Section scope's links (workspace.ts, linkScope): an outcome or assessment block with no
// explicit link measures or checks every objective of its scope, made a block at a time with
// the link objects shared along a row of pairs. These pin what the pair-at-a-time linking gave:
// a pair already linked before the scope (by a tag) is not linked again, each link names its
// own item, and the order is items in order, each with the objectives in order.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Workspace, resolveConfig } from '../../server/src/core/index.js';
import type { Outline } from '../../server/src/core/index.js';

function linked(files: Record<string, string>): Map<string, Outline> {
  const config = resolveConfig({}).config;
  const ws = new Workspace(config);
  for (const [name, text] of Object.entries(files)) ws.update(name, text, config);
  for (const name of Object.keys(files)) ws.lint(name);
  return new Map(Object.keys(files).map((name) => [name, ws.get(name)!]));
}

const links = (list: { id: string; via: string; implied: boolean; filePath?: string }[]) =>
  list.map(
    (l) => `${l.id} ${l.via}${l.implied ? '' : ' explicit'}${l.filePath ? ` ${l.filePath}` : ''}`,
  );

const MODULE = [
  '# Module 4',
  '',
  '## Learning objectives',
  '',
  '1. Explain the six lawful bases of GDPR, naming each without error (K3).',
  '2. Convert a CSV export into the reporting format without losing rows (S5).',
  '3. Import data from two source systems without losing a record (S2, B2).',
  '',
  '### Outcomes',
  '',
  '- Reduce data protection complaints from 12 to 2 per quarter by the end of Q3 (K3)',
  '- Cut reporting errors from 30 to 5 per month by the end of Q2 (S5)',
  '- Reduce lost migration records to zero by the end of Q4',
  '',
].join('\n');

test('an outcome linked by a tag is not linked again by section scope', () => {
  const outline = linked({ 'module.md': MODULE }).get('module.md')!;
  assert.deepEqual(
    outline.objectives.map((o) => links(o.outcomes)),
    [
      ['course#outcome-1 tag', 'course#outcome-2 scope', 'course#outcome-3 scope'],
      ['course#outcome-2 tag', 'course#outcome-1 scope', 'course#outcome-3 scope'],
      ['course#outcome-1 scope', 'course#outcome-2 scope', 'course#outcome-3 scope'],
    ],
  );
  assert.deepEqual(
    outline.outcomes.map((o) => links(o.objectives)),
    [
      ['course#objective-1 tag', 'course#objective-2 scope', 'course#objective-3 scope'],
      ['course#objective-2 tag', 'course#objective-1 scope', 'course#objective-3 scope'],
      ['course#objective-1 scope', 'course#objective-2 scope', 'course#objective-3 scope'],
    ],
  );
});

const COURSE = [
  '# Data protection course',
  '',
  '## Module 1: Lawful bases',
  '',
  'By the end of this module, participants will be able to:',
  '',
  '- Explain the six lawful bases of GDPR, naming each without error',
  '- Choose the lawful basis for a processing activity from a case study',
  '',
  '### Outcomes',
  '',
  '- Reduce data protection complaints from 12 to 2 per quarter by the end of Q3',
  '',
  '## Module 2: Subject access',
  '',
  'By the end of this module, participants will be able to:',
  '',
  '- Answer a subject access request within the statutory month',
  '- Redact third-party data from a disclosure without error',
  '- Write a refusal letter that cites the exemption it relies on',
  '',
  '### Outcomes',
  '',
  '- Cut late subject access responses from 8 to 0 per quarter by the end of Q4',
  '- Halve redaction complaints by the end of Q2',
  '',
  '## Assessment',
  '',
  '- Written exam on the lawful bases and subject access',
  '- Practical redaction exercise marked against the rubric',
  '',
].join('\n');

test('a course-level assessment block checks every objective once, in order, each link its own item', () => {
  const outline = linked({ 'course.md': COURSE }).get('course.md')!;
  const objectiveIds = outline.objectives.map((o) => o.id);
  const assessmentIds = outline.assessments.map((a) => a.id);
  const outcomeIds = outline.outcomes.map((o) => o.id);
  assert.equal(objectiveIds.length, 5);
  assert.equal(assessmentIds.length, 2);
  assert.equal(outcomeIds.length, 3);
  for (const o of outline.objectives)
    assert.deepEqual(
      links(o.assessments),
      assessmentIds.map((id) => `${id} scope`),
    );
  for (const a of outline.assessments)
    assert.deepEqual(
      links(a.objectives),
      objectiveIds.map((id) => `${id} scope`),
    );
  // Each module's outcomes measure that module's objectives (a block at a time).
  assert.deepEqual(
    outline.objectives.map((o) => links(o.outcomes)),
    [
      [`${outcomeIds[0]} scope`],
      [`${outcomeIds[0]} scope`],
      [`${outcomeIds[1]} scope`, `${outcomeIds[2]} scope`],
      [`${outcomeIds[1]} scope`, `${outcomeIds[2]} scope`],
      [`${outcomeIds[1]} scope`, `${outcomeIds[2]} scope`],
    ],
  );
  assert.deepEqual(
    outline.outcomes.map((o) => links(o.objectives)),
    [objectiveIds.slice(0, 2), objectiveIds.slice(2), objectiveIds.slice(2)].map((ids) =>
      ids.map((id) => `${id} scope`),
    ),
  );
});

/** Each edit in turn (the text before it must be there), kept findings reused: the outline after
 * each is the one a fresh build of the same text makes. */
function editsReadFresh(start: string, edits: [string, string][]): void {
  const config = resolveConfig({}).config;
  const ws = new Workspace(config, { reuseFindings: true });
  const fresh = (text: string) => {
    const w = new Workspace(config);
    w.update('course.md', text, config);
    w.lint('course.md');
    return JSON.stringify(w.get('course.md'));
  };
  let text = start;
  ws.update('course.md', text, config);
  ws.lint('course.md');
  for (const [from, to] of edits) {
    assert.ok(text.includes(from), from);
    text = text.replace(from, to);
    ws.update('course.md', text, config);
    ws.lint('course.md');
    assert.equal(JSON.stringify(ws.get('course.md')), fresh(text), `after ${from} -> ${to}`);
  }
}

test('scope links stay right after edits that move, rename and add items', () => {
  const edits: [string, string][] = [
    ['naming each without error', 'naming each'],
    ['- Practical redaction', '- Oral exam on refusals\n- Practical redaction'],
    ['## Module 2: Subject access', '## Module 2: Subject access (K3)'],
    ['- Halve redaction complaints by the end of Q2\n', ''],
    ['## Assessment', '### Assessment'],
  ];
  editsReadFresh(COURSE, edits);
});

test('objectives checked by tagged assessments get every outcome of the scope block', () => {
  // Objectives 1 and 3 are paired (with the assessments) before the outcomes' scope is linked,
  // and have no outcome link yet; objective 2 already has one, by a tag.
  const text = [
    ...MODULE.split('\n').slice(0, 10),
    '- Reduce data protection complaints from 12 to 2 per quarter by the end of Q3',
    '- Cut reporting errors from 30 to 5 per month by the end of Q2 (S5)',
    '',
    '## Assessment',
    '',
    '- Portfolio evidence: a data migration log, mapped to S2 and K3.',
    '- Professional discussion with the assessor covering K3 and B2.',
    '',
  ].join('\n');
  const outline = linked({ 'module.md': text }).get('module.md')!;
  assert.deepEqual(
    outline.objectives.map((o) => links(o.outcomes)),
    [
      ['course#outcome-1 scope', 'course#outcome-2 scope'],
      ['course#outcome-2 tag', 'course#outcome-1 scope'],
      ['course#outcome-1 scope', 'course#outcome-2 scope'],
    ],
  );
  assert.deepEqual(
    outline.objectives.map((o) => links(o.assessments)),
    [
      ['assessment#assessment-1 tag', 'assessment#assessment-2 tag'],
      [],
      ['assessment#assessment-1 tag', 'assessment#assessment-2 tag'],
    ],
  );
  assert.deepEqual(
    outline.outcomes.map((o) => links(o.objectives)),
    [
      ['course#objective-1 scope', 'course#objective-2 scope', 'course#objective-3 scope'],
      ['course#objective-2 tag', 'course#objective-1 scope', 'course#objective-3 scope'],
    ],
  );
  assert.deepEqual(
    outline.assessments.map((a) => links(a.objectives)),
    [
      ['course#objective-1 tag', 'course#objective-3 tag'],
      ['course#objective-1 tag', 'course#objective-3 tag'],
    ],
  );
});

test("another file's links added after the scope go on one objective's or one item's list only", () => {
  const a = [
    '# Data protection course',
    '',
    '## Module 1: Lawful bases',
    '',
    'By the end of this module, participants will be able to:',
    '',
    '- LO1: Explain the six lawful bases of GDPR, naming each without error',
    '- LO2: Choose the lawful basis for a processing activity from a case study',
    '',
    '### Outcomes',
    '',
    '- OC1: Reduce data protection complaints from 12 to 2 per quarter by the end of Q3',
    '- OC2: Halve the lawful-basis queries to the DPO by the end of Q2',
    '',
    '## Assessment',
    '',
    '- AS1: Written exam on the lawful bases',
    '- AS2: Practical exercise marked against the rubric',
    '',
  ].join('\n');
  const b = [
    '# Refresher',
    '',
    '## Objectives',
    '',
    'By the end of this refresher, participants will be able to:',
    '',
    '- LO9: Explain a lawful basis to a colleague without notes (checked by AS1)',
    '',
    '## Outcomes',
    '',
    '- OC9: Cut repeat GDPR incidents from 6 to 1 per year by the end of Q4 (measures LO1)',
    '',
    '## Assessment',
    '',
    '- AS9: Short quiz on explaining a lawful basis (checks LO1)',
    '',
  ].join('\n');
  // a.md is linked first (its scope's lists made), then b.md's references add to two of them.
  const outline = linked({ 'a.md': a, 'b.md': b }).get('a.md')!;
  assert.deepEqual(
    outline.objectives.map((o) => links(o.outcomes)),
    [
      ['OC1 scope', 'OC2 scope', 'OC9 reference explicit b.md'],
      ['OC1 scope', 'OC2 scope'],
    ],
  );
  assert.deepEqual(
    outline.objectives.map((o) => links(o.assessments)),
    [
      ['AS1 scope', 'AS2 scope', 'AS9 reference explicit b.md'],
      ['AS1 scope', 'AS2 scope'],
    ],
  );
  assert.deepEqual(
    outline.assessments.map((x) => links(x.objectives)),
    [
      ['LO1 scope', 'LO2 scope', 'LO9 reference explicit b.md'],
      ['LO1 scope', 'LO2 scope'],
    ],
  );
});

test('an assessment block linked by scope alone makes the file assessed (unassessed-objective runs)', () => {
  const text = [
    '# Data protection course',
    '',
    '## Module 1: Lawful bases',
    '',
    'By the end of this module, participants will be able to:',
    '',
    '- Explain the six lawful bases of GDPR, naming each without error',
    '- Choose the lawful basis for a processing activity from a case study',
    '',
    '## Module 2: Subject access',
    '',
    'By the end of this module, participants will be able to:',
    '',
    '- Answer a subject access request within the statutory month',
    '',
    '### Assessment',
    '',
    '- Practical exercise: answer a mock request, marked against the rubric',
    '',
  ].join('\n');
  const config = resolveConfig({}).config;
  const ws = new Workspace(config);
  ws.update('a.md', text, config);
  const found = ws
    .lint('a.md')
    .filter((f) => f.ruleId === 'unassessed-objective')
    .map((f) => text.slice(f.span.start, f.span.end));
  assert.deepEqual(found, [
    'Explain the six lawful bases of GDPR, naming each without error',
    'Choose the lawful basis for a processing activity from a case study',
  ]);
});

/** A course whose objectives are checked by assessment blocks of the course (each its own
 * section, checking every objective) and one of a module (checking its own), in that order:
 * course, module 2, course, course. */
const BLOCKS = [
  '# Data protection course',
  '',
  '## Assessment',
  '',
  '- Written exam on the lawful bases and subject access',
  '',
  '## Module 1: Lawful bases',
  '',
  'By the end of this module, participants will be able to:',
  '',
  '- Explain the six lawful bases of GDPR, naming each without error',
  '- Choose the lawful basis for a processing activity from a case study',
  '',
  '## Module 2: Subject access',
  '',
  'By the end of this module, participants will be able to:',
  '',
  '- Answer a subject access request within the statutory month',
  '- Redact third-party data from a disclosure without error',
  '',
  '### Quiz',
  '',
  '- Quiz on the exemptions to a subject access request',
  '',
  '## Final project',
  '',
  '- Project: a data protection audit of one team, marked against the rubric',
  '',
  '## Assignments',
  '',
  '- Portfolio of three redacted disclosures',
  '',
].join('\n');

test('assessment blocks of one scope, one after another, link as the blocks would one by one', () => {
  const outline = linked({ 'course.md': BLOCKS }).get('course.md')!;
  const [exam, quiz, project, portfolio] = outline.assessments.map((a) => a.id);
  assert.equal(outline.assessments.length, 4);
  const o = outline.objectives.map((x) => x.id);
  assert.equal(o.length, 4);
  // Module 2's objectives get the module's quiz between the course's blocks, in block order.
  assert.deepEqual(
    outline.objectives.map((x) => links(x.assessments)),
    [
      [exam, project, portfolio],
      [exam, project, portfolio],
      [exam, quiz, project, portfolio],
      [exam, quiz, project, portfolio],
    ].map((ids) => ids.map((id) => `${id!} scope`)),
  );
  assert.deepEqual(
    outline.assessments.map((x) => links(x.objectives)),
    [o, o.slice(2), o, o].map((ids) => ids.map((id) => `${id} scope`)),
  );
});

test("an objective's scope link is one object on every item that checks or measures it", () => {
  const config = resolveConfig({}).config;
  const ws = new Workspace(config, { reuseFindings: true });
  ws.update('course.md', BLOCKS, config);
  ws.lint('course.md');
  const outline = ws.get('course.md')!;
  const [exam, quiz, project, portfolio] = outline.assessments;
  // The course's three blocks share the back link of each objective (four objectives, not
  // twelve link objects), and the module's quiz the same ones.
  for (let j = 0; j < 4; j++) {
    assert.equal(exam!.objectives[j], project!.objectives[j]);
    assert.equal(exam!.objectives[j], portfolio!.objectives[j]);
  }
  assert.equal(quiz!.objectives[0], exam!.objectives[2]);
  // An objective's lists: the course's blocks' links, one object per assessment.
  const [, , third, fourth] = outline.objectives;
  for (let i = 0; i < 4; i++) assert.equal(third!.assessments[i], fourth!.assessments[i]);
  // Kept across an edit for the items it left as they were (the same objects, their IDs the
  // same): an outline long enough to be parsed in pieces, edited at its end.
  const modules = Array.from({ length: 60 }, (_, k) =>
    [
      `## Module ${k + 3}: Topic ${k + 3}`,
      '',
      'By the end of this module, participants will be able to:',
      '',
      `- Explain the rule of topic ${k + 3} to a colleague without notes`,
      `- Apply the rule of topic ${k + 3} to a case study within ten minutes`,
      '',
    ].join('\n'),
  ).join('\n');
  const long = BLOCKS + '\n' + modules;
  ws.update('course.md', long, config);
  ws.lint('course.md');
  const first = ws.get('course.md')!.assessments[0]!;
  const before = first.objectives.slice();
  assert.equal(before.length, 124);
  ws.update(
    'course.md',
    long.replace('topic 62 to a case study', 'topic 62 to two case studies'),
    config,
  );
  ws.lint('course.md');
  const after = ws.get('course.md')!.assessments[0]!.objectives;
  assert.equal(after.length, 124);
  for (let j = 0; j < 100; j++) assert.equal(after[j], before[j], `objective ${j}`);
});

test('scope links of blocks of one scope stay right after edits (against a fresh build)', () => {
  const edits: [string, string][] = [
    ['naming each without error', 'naming each'],
    ['## Final project', '### Final project'],
    ['- Quiz on the exemptions', '- LO7: Quiz on the exemptions'],
    [
      '## Assignments',
      '## Module 3: Records\n\n- Keep a record of processing up to date\n\n## Assignments',
    ],
    ['- Redact third-party', '- R1: Redact third-party'],
    ['- Project: a data protection audit', '- Project (checks R1): a data protection audit'],
    ['## Assessment\n\n', ''],
  ];
  editsReadFresh(BLOCKS, edits);
});

test('a reused objective whose generated ID changes gets a scope link with its new ID', () => {
  // One long module (parsed in several pieces): an objective added at its top renumbers the
  // generated IDs of those after it, which are reused from the last build (the same objects).
  const many = Array.from(
    { length: 300 },
    (_, k) => `- Explain rule ${k + 1} of the data protection policy to a colleague without notes`,
  );
  const text = [
    '# Course',
    '',
    '## Assessment',
    '',
    '- Written exam on the policy',
    '',
    '## Module 1: Policy',
    '',
    'Participants will be able to:',
    '',
    ...many,
    '',
  ].join('\n');
  const config = resolveConfig({}).config;
  const ws = new Workspace(config, { reuseFindings: true });
  ws.update('course.md', text, config);
  ws.lint('course.md');
  const before = new Set(ws.get('course.md')!.objectives);
  const edited = text.replace(
    '- Explain rule 1 of',
    '- Apply rule 0 without error\n- Explain rule 1 of',
  );
  ws.update('course.md', edited, config);
  ws.lint('course.md');
  const outline = ws.get('course.md')!;
  assert.ok(outline.objectives.filter((o) => before.has(o)).length > 200, 'objectives reused');
  assert.deepEqual(
    outline.assessments[0]!.objectives.map((l) => l.id),
    outline.objectives.map((o) => o.id),
  );
  const fresh = new Workspace(config);
  fresh.update('course.md', edited, config);
  fresh.lint('course.md');
  assert.equal(JSON.stringify(outline), JSON.stringify(fresh.get('course.md')));
});

// A course-level section that names the course's measurement, holding outcomes and no
// objectives, measures every objective of the course (docs/outline-format.md, "Section scope");
// a section that names one part of the course, or names no measurement, keeps the old scope
// (a module without objectives measures nothing).
function planWith(heading: string): string {
  return [
    '# Field Service App: Training Plan',
    '',
    '## Training overview',
    '',
    '### Technicians',
    '',
    'By the end of training, technicians will be able to:',
    '',
    '1. Open a work order on the tablet in under 3 minutes.',
    '',
    '### Dispatchers',
    '',
    'By the end of training, dispatchers will be able to:',
    '',
    '1. Assign a job to the nearest technician within 5 minutes of the call.',
    '',
    `## ${heading}`,
    '',
    '### Success metrics',
    '',
    '- Repeat call-outs fall from 12% to 8% of jobs by Q3 2027.',
    '',
  ].join('\n');
}

test('a course-level metrics section measures every objective of the course', () => {
  for (const heading of [
    '📊 Training Metrics & Evaluation',
    'Evaluation',
    'Measurement',
    'Measurement & evaluation',
    'Evaluation and certification',
    "How we'll measure success",
  ]) {
    const outline = linked({ 'plan.md': planWith(heading) }).get('plan.md')!;
    assert.deepEqual(
      outline.outcomes.map((o) => links(o.objectives)),
      [
        [
          'training-overview/technicians#objective-1 scope',
          'training-overview/dispatchers#objective-1 scope',
        ],
      ],
      heading,
    );
  }
});

test('a section that names one part, or no measurement, keeps a module-level scope', () => {
  for (const heading of ['Module 2 evaluation', 'Week 3 evaluation', 'Rollout', 'Post-launch']) {
    const outline = linked({ 'plan.md': planWith(heading) }).get('plan.md')!;
    assert.deepEqual(
      outline.outcomes.map((o) => links(o.objectives)),
      [[]],
      heading,
    );
  }
});
