// The walk resumed at a checkpoint (recognise/resume.ts): where it resumes and where it must
// not, each resumed build compared with a fresh build of the same text. The random edits of
// section-structure.test.ts test resumed walks at large; these pin down the cases.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Workspace } from '../../server/src/core/index.js';
import { resumeStats } from '../../server/src/core/recognise/resume.js';

const FILE = 'course.md';

/** A course of `modules` modules, each with a lead-in, objectives, a lesson and outcomes. */
function course(modules: number, eol = '\n'): string {
  const out = ['# Data protection', '', 'A course for new staff.', ''];
  for (let m = 1; m <= modules; m++) {
    out.push(`## Module ${m}: Records`, '', 'By the end of this module, you will be able to:', '');
    for (let k = 1; k <= 5; k++)
      out.push(`- ${k === 1 ? `**LO${m}.${k}:** ` : ''}Explain rule ${m}.${k} within 10 minutes.`);
    out.push('', `### Lesson ${m}`, '', '#### Learning objectives', '');
    out.push(`1. Describe case ${m} to a colleague`, `2. Compare case ${m} with the policy`, '');
    out.push(
      '### Outcomes',
      '',
      `- Breaches about module ${m} fall from 12 to 3 within a year (LO${m}.1).`,
      '',
    );
  }
  return out.join(eol);
}

function fresh(text: string) {
  const ws = new Workspace();
  ws.update(FILE, text);
  return { outline: ws.get(FILE)!, findings: ws.lint(FILE) };
}

/** Edits `text` by `edit` in a workspace that has built and linted it; returns whether the build
 * resumed, how many items it took as they were, and checks it against a fresh build. */
function edited(ws: Workspace, text: string, where: string) {
  const before = { ...resumeStats };
  ws.update(FILE, text);
  const findings = ws.lint(FILE);
  const expected = fresh(text);
  assert.deepEqual(ws.get(FILE), expected.outline, `outline differs ${where}`);
  assert.deepEqual(findings, expected.findings, `findings differ ${where}`);
  return {
    resumed: resumeStats.resumed - before.resumed,
    items: resumeStats.items - before.items,
    all: items(ws),
  };
}

const items = (ws: Workspace) => {
  const o = ws.get(FILE)!;
  return o.objectives.length + o.outcomes.length + o.assessments.length;
};

function opened(text: string): Workspace {
  const ws = new Workspace(undefined, { reuseFindings: true });
  ws.update(FILE, text);
  ws.lint(FILE);
  return ws;
}

for (const eol of ['\n', '\r\n']) {
  const name = eol === '\n' ? 'LF' : 'CRLF';
  test(`an edit in the last module resumes after the modules before it (${name})`, () => {
    const text = course(40, eol);
    const ws = opened(text);
    const next = text.replace('Explain rule 40.3 within', 'Explain rule 40.3 later than');
    const r = edited(ws, next, 'in the last module');
    assert.equal(r.resumed, 1);
    // (The parse reads the 4 KB piece the edit is in again, its nodes new: the walk resumes at
    // the last checkpoint before that piece.)
    assert.ok(r.items >= 0.75 * r.all, `items taken: ${r.items} of ${r.all}`);
    // And back: resumed again at the same checkpoint, from the resumed build's own record.
    const back = edited(ws, text, 'undone');
    assert.equal(back.resumed, 1);
    assert.equal(back.items, r.items);
  });
}

test('an edit before the first module, or of the title, does not resume', () => {
  const text = course(20);
  const ws = opened(text);
  let r = edited(ws, text.replace('A course for new', 'A course for all new'), 'in the opening');
  assert.equal(r.resumed, 0);
  r = edited(ws, text.replace('# Data protection', '# Data protection basics'), 'of the title');
  assert.equal(r.resumed, 0);
});

test('an edit just after a module heading resumes at the heading before it', () => {
  const text = course(20);
  const ws = opened(text);
  const r = edited(
    ws,
    text.replace('## Module 12: Records\n\nBy the end', '## Module 12: Records\n\nSo, by the end'),
    'after a heading',
  );
  assert.equal(r.resumed, 1);
  // Module 12's heading is a checkpoint, but the paragraph after it changed: the walk resumes
  // at a checkpoint before it (at the start of the parse's piece the edit is in, at the latest).
  assert.ok(r.items > 0 && r.items <= 11 * 8, `items taken: ${r.items}`);
});

test('an edit that changes what the whole document decides does not resume', () => {
  const text = course(20);
  const ws = opened(text);
  // A second H1: the first is no longer the course's title.
  let r = edited(ws, `${text}\n\n# Appendix\n`, 'with a second H1');
  assert.equal(r.resumed, 0);
  // A div anywhere: the walk reads every div up front.
  r = edited(ws, `${text}\n\n::: note\nKeep it short.\n:::\n`, 'with a div');
  assert.equal(r.resumed, 0);
  r = edited(ws, `${text}\n\nSome more words.\n`, 'without the div');
  assert.equal(r.resumed, 0, 'the last build had a div: nothing noted to resume at');
  r = edited(ws, `${text}\n\nSome more words, again.\n`, 'after a build without a div');
  assert.equal(r.resumed, 1);
});

/** Lines of `weeks` subsections of "## Learning objectives", each a list of two objectives. */
function weeks(count: number): string[] {
  const out: string[] = [];
  for (let w = 1; w <= count; w++)
    out.push(`### Week ${w}`, '', `- Explain topic ${w}.1`, `- Configure tool ${w}.2`, '');
  return out;
}

test('a resume where the plan of a heading before the checkpoint changed does not resume', () => {
  // "## Learning objectives" over subsections that hold nothing but lists: its naming reaches
  // their lists. A paragraph typed in the last week ends that for every week before it too.
  const lines = ['# Course', '', 'Some words.', '', '## Learning objectives', '', ...weeks(300)];
  const text = lines.join('\n');
  const ws = opened(text);
  assert.ok(ws.get(FILE)!.objectives.length >= 600, 'the weeks are objectives');
  // An objective reworded in the last week: the plan is the same, the walk resumes.
  const reworded = edited(
    ws,
    text.replace('Explain topic 300.1', 'Describe topic 300.1'),
    'reworded',
  );
  assert.equal(reworded.resumed, 1);
  const at = lines.indexOf('### Week 300');
  const next = [...lines.slice(0, at + 2), 'A paragraph of prose.', '', ...lines.slice(at + 2)];
  const r = edited(ws, next.join('\n'), 'with a paragraph in the last week');
  assert.equal(r.resumed, 0);
  assert.equal(ws.get(FILE)!.objectives.length, 0, 'the weeks are no longer objectives');
  // Back: the weeks are objectives again, from the first.
  const back = edited(ws, text, 'without the paragraph');
  assert.equal(back.resumed, 0);
});

test('a question asked before the checkpoint with another answer now does not resume', () => {
  // "In this course, you will learn ..." in the course's opening is an objective unless the
  // rest of the course names objectives of its own: a label that names them, typed at the end,
  // changes that.
  const modules: string[] = [];
  for (let m = 1; m <= 300; m++)
    modules.push(`## Module ${m}`, '', `Read chapter ${m} and take notes on it.`, '');
  const opening = 'In this course, you will learn how to write a data protection notice.';
  const text = ['# Course', '', opening, '', ...modules].join('\n');
  const ws = opened(text);
  assert.equal(ws.get(FILE)!.objectives.length, 1, 'the opening sentence is an objective');
  const asked = resumeStats.asked;
  const named = `${text}\n**Learning objectives**\n\n- Explain the notice within a week.\n`;
  const r = edited(ws, named, 'with objectives named at the end');
  assert.ok(resumeStats.asked > asked, 'the question was asked again');
  assert.equal(r.resumed, 0);
  assert.equal(ws.get(FILE)!.objectives.length, 1, 'the labelled list is the objective');
  // Another edit at the end: the answer is the same, the walk resumes.
  const more = edited(ws, `${named}- Describe the notice.\n`, 'with one more objective');
  assert.equal(more.resumed, 1);
});

test('a file named for objectives: a naming heading typed late does not resume', () => {
  // learning-objectives.md: its lists are objectives unless a heading says where they are.
  const modules: string[] = [];
  for (let m = 1; m <= 400; m++) modules.push(`## Part ${m}`, '', `- Explain part ${m}.`, '');
  const text = ['# Course', '', ...modules].join('\n');
  const ws = new Workspace(undefined, { reuseFindings: true });
  const file = 'learning-objectives.md';
  ws.update(file, text);
  ws.lint(file);
  // An edit at the end: the walk resumes.
  let before = resumeStats.resumed;
  ws.update(file, text.replace('Explain part 400.', 'Explain part 400 again.'));
  assert.equal(resumeStats.resumed, before + 1);
  before = resumeStats.resumed;
  const named = `${text}\n## Objectives\n\n- Describe the course.\n`;
  ws.update(file, named);
  const fresh = new Workspace();
  fresh.update(file, named);
  assert.deepEqual(ws.get(file), fresh.get(file));
  assert.deepEqual(ws.lint(file), fresh.lint(file));
  assert.equal(resumeStats.resumed, before);
});

test('objectives stated as headings of their own keep their count across a resume', () => {
  // "## Module Learning Objectives" > "### Reshape tables ..." (walk.ts, headingObjective): the
  // count of objectives read from headings lives on the naming, which a checkpoint copies. Kept
  // beside the naming, a resumed walk lost it and read no heading after the checkpoint as an
  // objective (found when the two changes met).
  const out = ['# Tidy data', '', 'Notes for the module.', '', '## Module Learning Objectives', ''];
  for (let k = 1; k <= 8; k++) {
    out.push(`### Reshape table ${k} between wide and long formats`, '');
    out.push(`> Learners reshape table ${k}.`, '', '- Bloom: apply', '');
    for (let j = 0; j < 12; j++)
      out.push(`Some prose about step ${k}.${j}, long enough to fill the parse's pieces.`, '');
  }
  const text = out.join('\n');
  const ws = opened(text);
  assert.equal(ws.get(FILE)!.objectives.length, 8);
  const next = text.replace('step 7.11, long', 'step 7.11, quite long');
  const r = edited(ws, next, 'in the seventh objective heading');
  assert.equal(r.resumed, 1);
  assert.equal(r.all, 8);
});
