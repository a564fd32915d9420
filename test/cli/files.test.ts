// Which files `check` looks at: folders walked for Markdown, .gitignore honoured (root and
// nested), node_modules and .git skipped, globs, explicit files always checked, the config's
// `files` and `ignores`, and a sorted, deterministic order.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { checkJson, NOTEBOOK, project, VAGUE } from './helpers.js';

function paths(files: { filePath: string }[]): string[] {
  return files.map((f) => f.filePath);
}

test('folders are walked for .md and .markdown, in sorted order, skipping node_modules and .git', (t) => {
  const dir = project(t, {
    'b.md': VAGUE,
    'a.markdown': VAGUE,
    'lessons/z.md': VAGUE,
    'lessons/notes.txt': VAGUE,
    'node_modules/pkg/course.md': VAGUE,
    '.git/course.md': VAGUE,
    'lessons/node_modules/x.md': VAGUE,
  });
  const r = checkJson([], dir);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(paths(r.files), ['a.markdown', 'b.md', 'lessons/z.md']);
  assert.deepEqual(paths(checkJson(['.'], dir).files), ['a.markdown', 'b.md', 'lessons/z.md']);
  assert.deepEqual(paths(checkJson(['./lessons'], dir).files), ['lessons/z.md']);
});

test('.gitignore files are honoured, root and nested, with negations', (t) => {
  const dir = project(t, {
    '.gitignore': 'drafts/\n*.tmp.md\n',
    'course.md': VAGUE,
    'drafts/week1.md': VAGUE,
    'old.tmp.md': VAGUE,
    'lessons/.gitignore': 'private.md\n!keep.tmp.md\n',
    'lessons/private.md': VAGUE,
    'lessons/keep.tmp.md': VAGUE,
    'lessons/public.md': VAGUE,
  });
  const r = checkJson([], dir);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(paths(r.files), ['course.md', 'lessons/keep.tmp.md', 'lessons/public.md']);
  // From a subfolder, the .gitignore files above it still count.
  const sub = checkJson(['.'], path.join(dir, 'lessons'));
  assert.deepEqual(paths(sub.files), ['keep.tmp.md', 'public.md']);
});

test('a file named explicitly is always checked, even when ignored or not Markdown', (t) => {
  const dir = project(t, {
    '.gitignore': 'drafts/\n',
    '.bloomline.json': JSON.stringify({ ignores: ['outline.txt'] }),
    'drafts/week1.md': VAGUE,
    'outline.txt': VAGUE,
  });
  assert.deepEqual(paths(checkJson([], dir).files), []);
  const r = checkJson(['drafts/week1.md', 'outline.txt'], dir);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(paths(r.files), ['drafts/week1.md', 'outline.txt']);
});

test('globs select files below their folder; the same file is listed once', (t) => {
  const dir = project(t, {
    '.gitignore': 'lessons/draft-*.md\n',
    'lessons/one.md': VAGUE,
    'lessons/deep/two.md': VAGUE,
    'lessons/draft-three.md': VAGUE,
    'lessons/outline.txt': VAGUE,
    'other/four.md': VAGUE,
  });
  assert.deepEqual(paths(checkJson(['lessons/**/*.md'], dir).files), [
    'lessons/deep/two.md',
    'lessons/one.md',
  ]);
  assert.deepEqual(paths(checkJson(['lessons/*.md'], dir).files), ['lessons/one.md']);
  assert.deepEqual(paths(checkJson(['lessons/*.txt'], dir).files), ['lessons/outline.txt']);
  assert.deepEqual(paths(checkJson(['**/{one,four}.md'], dir).files), [
    'lessons/one.md',
    'other/four.md',
  ]);
  assert.deepEqual(paths(checkJson(['lessons/one.md', 'lessons/*.md', 'lessons'], dir).files), [
    'lessons/deep/two.md',
    'lessons/one.md',
  ]);
});

test('the config narrows the set: `files` keeps, `ignores` removes', (t) => {
  const dir = project(t, {
    '.bloomline.json': JSON.stringify({ files: ['lessons/**/*.md'], ignores: ['lessons/archive'] }),
    'README.md': VAGUE,
    'lessons/one.md': VAGUE,
    'lessons/archive/old.md': VAGUE,
  });
  const r = checkJson([], dir);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(paths(r.files), ['lessons/one.md']);
});

test('a symlinked folder pointing out of the checked folder is not followed', (t) => {
  const dir = project(t, { 'course/lesson.md': VAGUE, 'elsewhere/secret.md': VAGUE });
  try {
    fs.symlinkSync(path.join(dir, 'elsewhere'), path.join(dir, 'course', 'linked'), 'dir');
    fs.symlinkSync(path.join(dir, 'course'), path.join(dir, 'course', 'loop'), 'dir');
  } catch {
    t.skip('symbolic links are not available here');
    return;
  }
  const r = checkJson(['course'], dir);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(paths(r.files), ['course/lesson.md']);
});

test('folder walks read Quarto, R Markdown and notebooks, in any case, skipping .ipynb_checkpoints', (t) => {
  const dir = project(t, {
    'a.md': VAGUE,
    'b.qmd': VAGUE,
    'c.Rmd': VAGUE,
    'd.rmd': VAGUE,
    'e.RMD': VAGUE,
    'f.ipynb': NOTEBOOK,
    'g.markdown': VAGUE,
    'h.txt': VAGUE,
    'i.R': VAGUE,
    'j.mdx': VAGUE,
    '.ipynb_checkpoints/f-checkpoint.ipynb': NOTEBOOK,
    'lessons/.ipynb_checkpoints/x-checkpoint.ipynb': NOTEBOOK,
  });
  const r = checkJson([], dir);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(paths(r.files), [
    'a.md',
    'b.qmd',
    'c.Rmd',
    'd.rmd',
    'e.RMD',
    'f.ipynb',
    'g.markdown',
  ]);
  // Each one read: the vague objective found in all of them, the notebook's included.
  for (const f of r.files)
    assert.ok(
      f.messages.some((m) => m.ruleId === 'vague-verb'),
      f.filePath,
    );
  // A glob without an extension takes the same kinds of file.
  assert.deepEqual(paths(checkJson(['*'], dir).files), paths(r.files));
});

test('.gitignore is honoured for every kind of file', (t) => {
  const dir = project(t, {
    '.gitignore': '*.ipynb\n_site/\n!keep.ipynb\n',
    'lesson.ipynb': NOTEBOOK,
    'keep.ipynb': NOTEBOOK,
    '_site/lesson.qmd': VAGUE,
    'lesson.qmd': VAGUE,
  });
  assert.deepEqual(paths(checkJson([], dir).files), ['keep.ipynb', 'lesson.qmd']);
});

test('`files` widens the set (a .txt, a .Rmd) and narrows it (no notebooks)', (t) => {
  const widen = project(t, {
    '.bloomline.json': JSON.stringify({ files: ['**/*.md', '**/*.txt', '**/*.Rmd'] }),
    'a.md': VAGUE,
    'notes/b.txt': VAGUE,
    'c.Rmd': VAGUE,
    'd.qmd': VAGUE,
    'e.ipynb': NOTEBOOK,
  });
  const wide = checkJson([], widen);
  assert.equal(wide.status, 0, wide.stderr);
  assert.deepEqual(paths(wide.files), ['a.md', 'c.Rmd', 'notes/b.txt']);
  assert.ok(wide.files.every((f) => f.messages.some((m) => m.ruleId === 'vague-verb')));
  // The same from a glob argument without an extension, and from a subfolder named.
  assert.deepEqual(paths(checkJson(['notes/**'], widen).files), ['notes/b.txt']);
  assert.deepEqual(paths(checkJson(['notes'], widen).files), ['notes/b.txt']);

  const narrow = project(t, {
    '.bloomline.json': JSON.stringify({ files: ['**/*.{md,qmd}'], ignores: ['drafts'] }),
    'a.md': VAGUE,
    'b.qmd': VAGUE,
    'c.ipynb': NOTEBOOK,
    'd.Rmd': VAGUE,
    'drafts/e.qmd': VAGUE,
  });
  assert.deepEqual(paths(checkJson([], narrow).files), ['a.md', 'b.qmd']);
  // A file named explicitly is still checked.
  assert.deepEqual(paths(checkJson(['c.ipynb'], narrow).files), ['c.ipynb']);
});
