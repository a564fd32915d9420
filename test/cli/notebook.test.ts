// Notebooks on the command line: positions are lines and columns of the .ipynb as stored (the
// JSON), in every format, so GitHub annotations and SARIF results land on the line of the file
// a reviewer sees; --fix writes valid JSON; a malformed notebook gives one clear line with
// where, exit 2, and the other files are still checked.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { assertOneErrorLine, checkJson, project, run, VAGUE } from './helpers.js';

/** As Jupyter writes it: indent 1, one string per line, a code cell first. */
const LESSON = `{
 "cells": [
  {
   "cell_type": "code",
   "execution_count": 1,
   "metadata": {},
   "outputs": [],
   "source": [
    "# Objectives\\n",
    "print(\\"- Understand code cells\\")"
   ]
  },
  {
   "cell_type": "markdown",
   "metadata": {},
   "source": [
    "## Learning objectives\\n",
    "\\n",
    "- \\ud83c\\udfaf Understand how to configure the VPN client (\\"VPN\\")\\n",
    "- Configure the VPN client within 10 minutes"
   ]
  }
 ],
 "metadata": {},
 "nbformat": 4,
 "nbformat_minor": 5
}
`;

/** Line (1-based) and column (1-based, UTF-16) of a piece of the stored file. */
function where(text: string, piece: string): { line: number; column: number } {
  const at = text.indexOf(piece);
  assert.ok(at >= 0, piece);
  const before = text.slice(0, at).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

const UNDERSTAND = where(LESSON, 'Understand how to configure');

test('json: the line and column of the .ipynb as stored; fixes as JSON edits', (t) => {
  const dir = project(t, { 'lesson.ipynb': LESSON });
  const r = checkJson([], dir);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.files.length, 1);
  const vague = r.files[0]!.messages.find((m) => m.ruleId === 'vague-verb');
  assert.ok(vague, JSON.stringify(r.files));
  assert.deepEqual({ line: vague.line, column: vague.column }, UNDERSTAND);
  assert.equal(vague.line, 19);
  // No finding comes from the code cell.
  assert.ok(
    r.files[0]!.messages.every((m) => m.line >= 14),
    'a finding in the code cell',
  );
  // The preferred fix's edits, applied to the stored file, leave a valid notebook.
  const fix = vague.fixes.find((f) => f.isPreferred)!;
  let text = LESSON;
  const lines = text.split('\n');
  for (const e of [...fix.edits].reverse()) {
    assert.equal(e.line, e.endLine);
    const line = lines[e.line - 1]!;
    lines[e.line - 1] = line.slice(0, e.column - 1) + e.newText + line.slice(e.endColumn - 1);
  }
  text = lines.join('\n');
  const nb = JSON.parse(text) as { cells: { source: string[] }[] };
  assert.match(nb.cells[1]!.source.join(''), /- 🎯 Configure the VPN client \("VPN"\)\n/);
});

test('stylish shows the stored line; github and sarif point at it too', (t) => {
  const dir = project(t, { 'lesson.ipynb': LESSON });
  const stylish = run(['check', '--no-color'], dir);
  assert.match(
    stylish.stdout,
    new RegExp(`^  ${UNDERSTAND.line}:${UNDERSTAND.column} +warning .*vague-verb$`, 'm'),
  );
  assert.match(stylish.stdout, /^ {4}19 \| {5}"- \\ud83c\\udfaf Understand how to configure/m);

  const github = run(['check', '--format', 'github'], dir);
  assert.match(
    github.stdout,
    new RegExp(
      `^::warning file=lesson.ipynb,line=${UNDERSTAND.line},col=${UNDERSTAND.column},.*title=vague-verb::`,
      'm',
    ),
  );

  const sarif = JSON.parse(run(['check', '--format', 'sarif'], dir).stdout) as {
    runs: {
      results: {
        ruleId: string;
        locations: {
          physicalLocation: {
            artifactLocation: { uri: string };
            region: { startLine: number; startColumn: number };
          };
        }[];
        fixes?: {
          artifactChanges: {
            replacements: {
              deletedRegion: { startLine: number };
              insertedContent: { text: string };
            }[];
          }[];
        }[];
      }[];
    }[];
  };
  const result = sarif.runs[0]!.results.find((x) => x.ruleId === 'vague-verb')!;
  const loc = result.locations[0]!.physicalLocation;
  assert.equal(loc.artifactLocation.uri, 'lesson.ipynb');
  assert.deepEqual(
    [loc.region.startLine, loc.region.startColumn],
    [UNDERSTAND.line, UNDERSTAND.column],
  );
  const replacement = result.fixes![0]!.artifactChanges[0]!.replacements[0]!;
  assert.equal(replacement.deletedRegion.startLine, UNDERSTAND.line);
});

test('--fix writes the notebook as valid JSON, changing only the fixed line', (t) => {
  const dir = project(t, { 'lesson.ipynb': LESSON, 'course.qmd': VAGUE });
  const r = run(['check', '--fix', '--format', 'json'], dir);
  assert.equal(r.status, 0, r.stderr);
  const after = fs.readFileSync(path.join(dir, 'lesson.ipynb'), 'utf8');
  const nb = JSON.parse(after) as { cells: { source: string[] }[] };
  assert.deepEqual(nb.cells[0]!.source, ['# Objectives\n', 'print("- Understand code cells")']);
  assert.equal(nb.cells[1]!.source[2], '- 🎯 Configure the VPN client ("VPN")\n');
  const changed = LESSON.split('\n').filter((line, i) => line !== after.split('\n')[i]);
  assert.equal(changed.length, 1);
  // And the Quarto file beside it was fixed as Markdown.
  assert.match(
    fs.readFileSync(path.join(dir, 'course.qmd'), 'utf8'),
    /^- Configure the VPN client$/m,
  );
  // What is left is reported at the stored lines of the fixed file.
  const files = JSON.parse(r.stdout) as { filePath: string; messages: { ruleId: string }[] }[];
  assert.ok(
    files
      .find((f) => f.filePath === 'lesson.ipynb')!
      .messages.every((m) => m.ruleId !== 'vague-verb'),
  );
});

test('a malformed notebook: one line with where and why, exit 2; the other files are checked', (t) => {
  const dir = project(t, {
    'broken.ipynb': '{\n "cells": [\n  {"cell_type": "markdown" "source": []}\n ]\n}\n',
    'old.ipynb': JSON.stringify({ nbformat: 3, worksheets: [{ cells: [] }] }),
    'course.md': VAGUE,
  });
  const r = checkJson([], dir);
  assert.equal(r.status, 2);
  const lines = r.stderr.trimEnd().split('\n');
  assert.equal(lines.length, 2, r.stderr);
  assert.match(
    lines[0]!,
    /^bloomline: broken\.ipynb:3:28: not read: the notebook is not valid JSON \(expected ',' or '}' after a property value, found '"'\)$/,
  );
  assert.match(
    lines[1]!,
    /^bloomline: old\.ipynb:1:28: not read: this is an nbformat 3 notebook .*upgrade it$/,
  );
  assert.ok(r.files.find((f) => f.filePath === 'course.md')!.messages.length > 0);
  // Nothing written by --fix to a file that could not be read.
  const fixed = run(['check', '--fix'], dir);
  assert.equal(fixed.status, 2);
  assert.match(fs.readFileSync(path.join(dir, 'broken.ipynb'), 'utf8'), /"markdown" "source"/);
});

test('a Markdown cell without source is a note; a notebook named with no Markdown cells says so', (t) => {
  const dir = project(t, {
    'partial.ipynb': JSON.stringify({
      cells: [
        { cell_type: 'markdown', metadata: {} },
        { cell_type: 'markdown', metadata: {}, source: VAGUE },
      ],
      nbformat: 4,
      nbformat_minor: 5,
    }),
    'code.ipynb': JSON.stringify({
      cells: [{ cell_type: 'code', metadata: {}, outputs: [], source: '- Understand it' }],
      nbformat: 4,
      nbformat_minor: 5,
    }),
  });
  const r = checkJson(['partial.ipynb', 'code.ipynb'], dir);
  assert.equal(r.status, 0, r.stderr);
  assert.match(
    r.stderr,
    /^bloomline: partial\.ipynb:1:11: Markdown cell 1 has no "source"; it was read as empty$/m,
  );
  assert.match(
    r.stderr,
    /^bloomline: code\.ipynb: the notebook has no Markdown cells; there is nothing to read$/m,
  );
  assert.deepEqual(
    r.files.map((f) => [f.filePath, f.messages.some((m) => m.ruleId === 'vague-verb')]),
    [
      ['code.ipynb', false],
      ['partial.ipynb', true],
    ],
  );
  // In a folder walk, a notebook of code says nothing (most notebooks are not outlines).
  const walk = run(['check'], dir);
  assert.doesNotMatch(walk.stderr, /code\.ipynb/);
});

test('outline --format json: a notebook entry with stored lines and cells; an empty file listed', (t) => {
  const dir = project(t, { 'lesson.ipynb': LESSON, 'notes.qmd': '# Notes\n\nNothing here.\n' });
  const r = run(['outline', 'lesson.ipynb', 'notes.qmd', '--format', 'json'], dir);
  assert.equal(r.status, 0, r.stderr);
  const [lesson, notes] = JSON.parse(r.stdout) as {
    filePath: string;
    title: string | null;
    sections: unknown[];
    objectives: {
      text: string;
      line: number;
      column: number;
      cell?: { index: number; line: number; column: number };
    }[];
    outcomes: unknown[];
    assessments: unknown[];
    kind: { value: string; reason: string; auto: boolean };
  }[];
  assert.equal(lesson!.filePath, 'lesson.ipynb');
  const first = lesson!.objectives[0]!;
  assert.equal(first.text, '🎯 Understand how to configure the VPN client ("VPN")');
  assert.deepEqual({ line: first.line, column: first.column }, where(LESSON, '\\ud83c'));
  assert.deepEqual(first.cell, { index: 1, line: 3, column: 3 });
  assert.deepEqual(notes, {
    filePath: 'notes.qmd',
    title: 'Notes',
    kind: notes!.kind,
    sections: notes!.sections,
    objectives: [],
    outcomes: [],
    assessments: [],
  } as typeof notes);
  const tree = run(['outline', 'notes.qmd'], dir);
  assert.match(tree.stdout, /^notes\.qmd\n {3}\(no objectives or outcomes recognised\)\n$/);
});

test('a notebook that is not JSON, named to outline: one line, exit 2', (t) => {
  const dir = project(t, { 'x.ipynb': 'not json' });
  const r = run(['outline', 'x.ipynb', '--format', 'json'], dir);
  assert.equal(r.status, 2);
  assertOneErrorLine(
    r.stderr,
    /^bloomline: x\.ipynb:1:1: not read: the notebook is not valid JSON \(expected a value, found "not"\)$/,
  );
});

test('export names the line of the .ipynb as stored, as check does', (t) => {
  const dir = project(t, { 'lesson.ipynb': LESSON });
  const r = run(['export', 'lesson.ipynb', '--format', 'canvas'], dir);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, new RegExp(`Source: lesson\\.ipynb, line ${UNDERSTAND.line}\\b`));
});
