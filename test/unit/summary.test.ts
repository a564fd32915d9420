// Closed files (core/summary.ts, Workspace.addClosed): a file kept as the summary of its IDs and
// references links with the others exactly as its whole outline does, so `check` on a folder
// (cli/check.ts) can let every model go and still report what linking all files gives.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  buildOutline,
  linksAcrossFiles,
  summariseOutline,
  Workspace,
  type Finding,
} from '../../server/src/core/index.js';

const OBJECTIVES =
  '## Performance objectives\n\n' +
  '- **LO1:** Configure the VPN client on a company laptop within 5 minutes\n' +
  '- **LO2:** Reset a user password in the admin console within 2 minutes\n';
const OUTCOMES =
  '## Outcomes\n\n' +
  '- Reduce VPN support tickets from 40 to 10 a month within 3 months (LO1)\n' +
  '- Cut password reset calls from 30 to 5 a week within 2 months (LO9)\n';
const PLAIN = '# Lesson\n\n## Objectives\n\n- Explain how a loop repeats commands\n';

const brief = (findings: Finding[]) =>
  findings.map((f) => `${f.span.start} ${f.ruleId} ${f.message}`);

function whole(files: Record<string, string>): Workspace {
  const ws = new Workspace();
  for (const [name, text] of Object.entries(files)) ws.update(name, text);
  return ws;
}

test('a file among closed ones has the findings it has among whole outlines', () => {
  const files = { 'a.md': OBJECTIVES, 'b.md': OUTCOMES, 'c.md': PLAIN };
  const all = whole(files);
  for (const open of Object.keys(files)) {
    const ws = new Workspace();
    for (const [name, text] of Object.entries(files)) {
      if (name === open) ws.update(name, text);
      else ws.addClosed(name, buildOutline(text, name), all.configOf(name));
    }
    assert.deepEqual(brief(ws.lint(open)), brief(all.lint(open)), open);
  }
  // Not vacuous: alone, a.md and b.md read differently.
  assert.notDeepEqual(brief(whole({ 'a.md': OBJECTIVES }).lint('a.md')), brief(all.lint('a.md')));
  assert.notDeepEqual(brief(whole({ 'b.md': OUTCOMES }).lint('b.md')), brief(all.lint('b.md')));
});

test('dependentFiles: the files linked across files, and one naming an ID that is nowhere', () => {
  const ws = new Workspace();
  const add = (name: string, text: string) =>
    ws.addClosed(name, buildOutline(text, name), ws.configOf(name));
  add('a.md', OBJECTIVES);
  add('b.md', OUTCOMES);
  add('c.md', PLAIN);
  add('d.md', '## Objectives\n\n- **X1:** Explain how a loop repeats commands (X1)\n');
  assert.deepEqual([...ws.dependentFiles()].sort(), ['a.md', 'b.md']);
  const lone = new Workspace();
  lone.addClosed('e.md', buildOutline(OUTCOMES, 'e.md'), lone.configOf('e.md'));
  assert.deepEqual([...lone.dependentFiles()], ['e.md'], '(LO9) and (LO1) name nothing here');
});

test('a summary keeps IDs, references, levels and the sections tree, no text; a closed file is not linted', () => {
  const outline = buildOutline(OBJECTIVES, 'a.md');
  const summary = summariseOutline(outline);
  assert.deepEqual(
    summary.objectives.map((o) => [o.id, o.explicitId, o.index, o.section, o.analysis.level]),
    outline.objectives.map((o) => [o.id, o.explicitId, o.index, o.section, o.analysis.level]),
  );
  assert.equal(summary.text, '');
  assert.deepEqual(
    summary.sections.map((s) => [s.index, s.parent, s.children, s.title]),
    outline.sections.map((s) => [s.index, s.parent, s.children, '']),
  );
  assert.equal(summary.objectives[0]!.plain, '');
  assert.equal(summary.objectives[0]!.analysis.verb, null);
  assert.equal(linksAcrossFiles(outline), true);
  assert.equal(linksAcrossFiles(buildOutline(PLAIN, 'c.md')), false);
  const ws = new Workspace();
  ws.addClosed('a.md', outline, ws.configOf('a.md'));
  assert.throws(() => ws.lint('a.md'), /closed/);
  ws.update('a.md', OBJECTIVES);
  assert.ok(ws.lint('a.md').length > 0, 'analysed again, it is linted');
});

test('closed files link as their whole outlines do, section scope within a file included', () => {
  const files = {
    'a.md': OBJECTIVES,
    'b.md': OUTCOMES,
    'm.md':
      '# Module\r\n\r\n## Objectives\r\n\r\n- **LO5:** Write a loop that prints each file name 🔁.\r\n\r\n' +
      '### Exercises\r\n\r\n1. Write a loop over the files of a folder.\r\n',
  };
  const all = whole(files);
  const links = (ws: Workspace, name: string) => {
    const o = ws.get(name)!;
    return [
      ...o.objectives.map((x) => [x.id, x.outcomes, x.assessments]),
      ...o.outcomes.map((x) => [x.id, x.objectives]),
      ...o.assessments.map((x) => [x.id, x.objectives]),
    ];
  };
  // Not vacuous: m.md's exercise checks LO5 by section scope, b.md's outcome measures a.md's LO1.
  assert.equal(all.get('m.md')!.objectives[0]!.assessments[0]?.via, 'scope');
  assert.equal(all.get('a.md')!.objectives[0]!.outcomes[0]?.filePath, 'b.md');
  const closed = new Workspace();
  for (const [name, text] of Object.entries(files)) closed.updateClosed(name, text);
  const demoted = whole(files);
  for (const name of Object.keys(files)) demoted.close(name);
  for (const name of Object.keys(files)) {
    assert.ok(closed.isClosed(name) && demoted.isClosed(name));
    assert.deepEqual(links(closed, name), links(all, name), name);
    assert.deepEqual(links(demoted, name), links(all, name), name);
    // Positions (lines of CRLF text, astral characters) are those of the text.
    for (const item of closed.get(name)!.objectives.concat())
      assert.deepEqual(
        closed.positions(name).range(item.textSpan),
        all.positions(name).range(item.textSpan),
      );
  }
  assert.equal(closed.get('m.md')!.text, '', 'no text kept');
});
