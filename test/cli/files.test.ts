// Which files `check` looks at: folders walked for Markdown, .gitignore honoured (root and
// nested), node_modules and .git skipped, globs, explicit files always checked, the config's
// `files` and `ignores`, and a sorted, deterministic order.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { spawnSync } from 'node:child_process';
import { assertOneErrorLine, BIN, checkJson, NOTEBOOK, project, run, VAGUE } from './helpers.js';

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

test('a "\\" in a glob escapes the next character (a file named with * or [), and Windows-style folder separators still work', (t) => {
  const dir = project(t, {
    '.bloomline.json': JSON.stringify({
      // A file whose name holds glob characters, escaped as ESLint and .gitignore escape them.
      ignores: ['week\\[1\\].md', 'draft\\*.md', 'notes/\\{old\\}.md', 'courses\\archive\\**'],
    }),
    'week[1].md': VAGUE,
    'week1.md': VAGUE,
    'draft*.md': VAGUE,
    'draft2.md': VAGUE,
    'notes/{old}.md': VAGUE,
    'notes/new.md': VAGUE,
    'courses/archive/old.md': VAGUE,
    'courses/now.md': VAGUE,
  });
  const r = checkJson([], dir);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(paths(r.files), ['courses/now.md', 'draft2.md', 'notes/new.md', 'week1.md']);
  // The same escapes in a pattern on the command line (with no ignores).
  fs.rmSync(path.join(dir, '.bloomline.json'));
  assert.deepEqual(paths(checkJson(['week\\[1\\].md'], dir).files), ['week[1].md']);
  assert.deepEqual(paths(checkJson(['draft\\*.md'], dir).files), ['draft*.md']);
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

test('a folder with no outline file to check is an error that says why, not a silent pass', (t) => {
  const dir = project(t, {
    'empty/notes.txt': 'Nothing to see.\n',
    'lessons/a.md': VAGUE,
    'lessons/b.md': VAGUE,
    '.gitignore': 'lessons/b.md\n',
    '.bloomline.json': JSON.stringify({ ignores: ['lessons/a.md'] }),
  });
  for (const args of [['empty'], [], ['lessons'], ['--format', 'json', 'empty']]) {
    const r = run(['check', ...args], dir);
    assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
    const folder = args.find((a) => !a.startsWith('-') && a !== 'json') ?? '.';
    assertOneErrorLine(
      r.stderr,
      new RegExp(
        `^bloomline: ${folder}: no outline files to check \\(\\*\\.md, .*\\.ipynb, or what "files" in \\.bloomline\\.json selects\\)`,
      ),
    );
    if (args.includes('json')) assert.equal(r.stdout, '[]\n');
  }
  // Where .gitignore or `ignores` left files out, the message says so.
  assert.match(
    run(['check', 'lessons'], dir).stderr,
    /2 outline files left out by \.gitignore, "files" or "ignores"/,
  );
  // One empty folder among others: said, and the others are checked.
  const mixed = checkJson(['empty', 'lessons/a.md'], dir);
  assert.equal(mixed.status, 2);
  assert.deepEqual(paths(mixed.files), ['lessons/a.md']);
});

test('files that hold no objective or outcome: the run passes and says nothing was found', (t) => {
  const dir = project(t, { 'README.md': '# Notes\n\nPlain text.\n', 'b/c.md': 'More.\n' });
  const r = run(['check'], dir);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, '');
  assert.equal(
    r.stderr,
    'bloomline: 2 files checked; none holds learning objectives or outcomes that Bloomline recognises (see docs/outline-format.md)\n',
  );
  // Once one file holds an outline, nothing is said of the others.
  fs.writeFileSync(path.join(dir, 'course.md'), VAGUE);
  assert.equal(run(['check'], dir).stderr, '');
});

test('a folder that cannot be read is an error, not skipped in silence', (t) => {
  const dir = project(t, { 'a.md': VAGUE, 'locked/b.md': VAGUE });
  fs.chmodSync(dir, 0o755);
  fs.chmodSync(path.join(dir, 'locked'), 0o000);
  // As root every folder can be read: run the command as "nobody" then.
  const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
  const r = spawnSync(process.execPath, [BIN, 'check', '--format', 'json'], {
    cwd: dir,
    encoding: 'utf8',
    ...asUser,
  });
  fs.chmodSync(path.join(dir, 'locked'), 0o755); // so that the folder can be removed
  assert.equal(r.status, 2, r.stderr);
  assert.equal(r.stderr, 'bloomline: locked: cannot be searched: permission denied\n');
  assert.deepEqual(
    (JSON.parse(r.stdout) as { filePath: string }[]).map((f) => f.filePath),
    ['a.md'],
  );
});

test('a broken symbolic link is said: named, an error (exit 2); found in a walk, a note', (t) => {
  const dir = project(t, { 'course/lesson.md': VAGUE, 'course/notes.txt': 'x' });
  try {
    fs.symlinkSync('moved-away.md', path.join(dir, 'course', 'dangling.md'));
    fs.symlinkSync('loop.md', path.join(dir, 'course', 'loop.md'));
    // Not an outline file's name: a walk does not look at it, so says nothing of it.
    fs.symlinkSync('gone.png', path.join(dir, 'course', 'figure.png'));
  } catch {
    t.skip('symbolic links are not available here');
    return;
  }
  // Found in a walk: checked as before, each broken link said on stderr; the exit status is
  // the findings' (ESLint and markdownlint-cli2 pass over such a file in silence).
  const walked = checkJson(['course'], dir);
  assert.equal(walked.status, 0, walked.stderr);
  assert.deepEqual(paths(walked.files), ['course/lesson.md']);
  assert.deepEqual(walked.stderr.split('\n').filter(Boolean), [
    `bloomline: ${path.join('course', 'dangling.md')}: skipped: a broken symbolic link (to "moved-away.md", which does not exist)`,
    `bloomline: ${path.join('course', 'loop.md')}: skipped: a broken symbolic link (a loop: too many levels of symbolic links)`,
  ]);
  // Named: an error that says what it is, as for a file that does not exist (exit 2).
  const named = run(['check', 'course/dangling.md', 'course/lesson.md'], dir);
  assert.equal(named.status, 2);
  assertOneErrorLine(
    named.stderr,
    /^bloomline: course\/dangling\.md: a broken symbolic link \(to "moved-away\.md", which does not exist\)$/,
  );
  const loop = run(['check', 'course/loop.md'], dir);
  assert.equal(loop.status, 2);
  assertOneErrorLine(
    loop.stderr,
    /^bloomline: course\/loop\.md: a broken symbolic link \(a loop: too many levels of symbolic links\)$/,
  );
  // Left out by .gitignore: nothing said, as of any file it leaves out.
  fs.writeFileSync(path.join(dir, 'course', '.gitignore'), 'dangling.md\nloop.md\n');
  const ignored = checkJson(['course'], dir);
  assert.equal(ignored.status, 0, ignored.stderr);
  assert.equal(ignored.stderr, '');
});

test('--force-exclude: files named on the command line (a pre-commit hook\'s) and --stdin-filename follow "files" and "ignores"', (t) => {
  const dir = project(t, {
    '.bloomline.json': JSON.stringify({ ignores: ['drafts/**', 'notes.md'] }),
    'week1.md': VAGUE,
    'drafts/week2.md': VAGUE,
    'notes.md': VAGUE,
  });
  // Without it, a named file is always checked (as documented).
  assert.deepEqual(paths(checkJson(['week1.md', 'drafts/week2.md'], dir).files), [
    'drafts/week2.md',
    'week1.md',
  ]);
  const r = checkJson(['--force-exclude', 'week1.md', 'drafts/week2.md', 'notes.md'], dir);
  assert.equal(r.status, 0);
  assert.deepEqual(paths(r.files), ['week1.md']);
  assert.equal(
    r.stderr,
    'bloomline: drafts/week2.md: not checked: "ignores" in .bloomline.json leaves it out (--force-exclude)\n' +
      'bloomline: notes.md: not checked: "ignores" in .bloomline.json leaves it out (--force-exclude)\n',
  );
  // Every file staged is a draft: nothing to check is no error.
  const none = run(['check', '--force-exclude', 'drafts/week2.md'], dir);
  assert.equal(none.status, 0, none.stderr);
  assert.equal(none.stdout, '');
  // An editor's linter on an unsaved buffer of an ignored file: what the language server shows.
  const stdin = spawnSync(
    process.execPath,
    [
      BIN,
      'check',
      '--stdin',
      '--stdin-filename',
      'drafts/week3.md',
      '--force-exclude',
      '--format',
      'json',
    ],
    { cwd: dir, input: VAGUE, encoding: 'utf8' },
  );
  assert.equal(stdin.status, 0, stdin.stderr);
  assert.equal(stdin.stdout, '[]\n');
  // A "files" that does not select a named file leaves it out too.
  fs.writeFileSync(
    path.join(dir, '.bloomline.json'),
    JSON.stringify({ files: ['courses/**/*.md'] }),
  );
  const narrowed = run(['check', '--force-exclude', 'week1.md'], dir);
  assert.equal(narrowed.status, 0);
  assert.match(
    narrowed.stderr,
    /week1\.md: not checked: "files" in \.bloomline\.json does not select it/,
  );
});
