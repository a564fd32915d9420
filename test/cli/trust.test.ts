// Configuration and trust: a bad setting in .bloomline.json is one clear line and its default
// (exit 2),
// word lists are words and never patterns, --fix writes only the files it linted, atomically
// (a new file renamed over the old), never through a symlink out of the folder it was given,
// and a file the core declines is reported on one line while the others are checked.
// (config.test.ts and fix.test.ts cover invalid JSON, unknown rules, temporary files and a
// symlinked file inside a checked folder; this file adds to them.)
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { assertOneErrorLine, checkJson, project, ruleIds, run, VAGUE } from './helpers.js';

test('wrong types in .bloomline.json: one line naming the setting, its default, exit 2', (t) => {
  const cases: [unknown, RegExp][] = [
    [{ rules: 'all' }, /: rules: must be an object/],
    [{ rules: { 'vague-verb': 3 } }, /: rules\.vague-verb: 3 is not a severity/],
    [{ preset: 3 }, /: preset: must be/],
    [{ linking: true }, /: linking: must be/],
    [{ files: 'lessons/*.md' }, /: files: must be a list of glob patterns \(strings\)/],
    [{ ignores: [1] }, /: ignores\[0\]: must be a string/],
    [{ vaguePhrases: 'understand' }, /: vaguePhrases: must be a list of phrases/],
    [{ verbs: ['explain'] }, /: verbs: must be an object/],
    [{ verbs: { apply: 'grok' } }, /: verbs\.apply: must be a list of words/],
    [{ verbs: { doing: ['grok'] } }, /unknown Bloom level "doing"/],
    [{ rules: { 'vage-verb': 'off' } }, /unknown rule "vage-verb" \(did you mean "vague-verb"\?\)/],
    [[], /must be a JSON object/],
    ['"a string"', /must be a JSON object/],
  ];
  for (const [config, pattern] of cases) {
    const dir = project(t, {
      '.bloomline.json': typeof config === 'string' ? config : JSON.stringify(config),
      'course.md': VAGUE,
    });
    const r = checkJson([], dir);
    assert.equal(r.status, 2, `${JSON.stringify(config)}: ${r.stderr}`);
    assertOneErrorLine(r.stderr, pattern);
    assert.match(r.stderr, /; (ignored.*|using .*|"vague-verb" stays "warning")$/m);
    // The defaults: vague-verb on as a warning, missing-outcome on.
    const ids = ruleIds(r.files[0]);
    assert.ok(ids.includes('vague-verb') && ids.includes('missing-outcome'), ids.join());
  }
});

test('word lists are plain words: a pattern like "(a+)+$" is rejected, never compiled', (t) => {
  for (const config of [
    { vaguePhrases: ['(a+)+$'] },
    { vaguePhrases: ['know|grasp'] },
    { vaguePhrases: ['.*'] },
    { verbs: { apply: ['(a+)+$'] } },
    { verbs: { apply: ['grok it'] } },
  ]) {
    const dir = project(t, { '.bloomline.json': JSON.stringify(config), 'course.md': VAGUE });
    const r = checkJson([], dir);
    assert.equal(r.status, 2, JSON.stringify(config));
    assertOneErrorLine(r.stderr, /must be (plain words|one word).*; ignored$/);
  }
});

test('a configured phrase matches whole words only, whatever characters it has', (t) => {
  const dir = project(t, {
    '.bloomline.json': JSON.stringify({
      vaguePhrases: ['get the hang of', 'be up-to-speed with'],
      rules: { 'missing-outcome': 'off', 'missing-criterion': 'off' },
    }),
    'course.md': [
      '## Objectives',
      '',
      '- Get the hang of pivot tables',
      '- Be up-to-speed with the release process',
      '- Target the hangar offsets for the drone',
      '- Be upXtoXspeed with nothing',
      '',
    ].join('\n'),
  });
  const r = checkJson([], dir);
  assert.equal(r.status, 0, r.stderr);
  const vague = r.files[0]!.messages.filter((m) => m.ruleId === 'vague-verb').map((m) => m.line);
  assert.deepEqual(vague, [3, 4]);
});

test('--fix writes only the files it linted', (t) => {
  const dir = project(t, {
    '.gitignore': 'drafts/\n',
    '.bloomline.json': JSON.stringify({ ignores: ['archive/**'] }),
    'a.md': VAGUE,
    'b.md': VAGUE,
    'drafts/c.md': VAGUE,
    'archive/d.md': VAGUE,
    'notes.txt': VAGUE,
  });
  const stat = (f: string) => {
    const s = fs.statSync(path.join(dir, f));
    return { ino: s.ino, mtimeMs: s.mtimeMs, text: fs.readFileSync(path.join(dir, f), 'utf8') };
  };
  const before = Object.fromEntries(
    ['b.md', 'drafts/c.md', 'archive/d.md', 'notes.txt'].map((f) => [f, stat(f)]),
  );
  const one = run(['check', '--fix', 'a.md'], dir);
  assert.equal(one.status, 0, one.stderr);
  assert.match(fs.readFileSync(path.join(dir, 'a.md'), 'utf8'), /- Configure the VPN client/);
  for (const [f, s] of Object.entries(before)) assert.deepEqual(stat(f), s, `${f} untouched`);
  // A whole folder: ignored files (.gitignore, config ignores) and non-Markdown stay as they were.
  const all = run(['check', '--fix'], dir);
  assert.equal(all.status, 0, all.stderr);
  assert.match(fs.readFileSync(path.join(dir, 'b.md'), 'utf8'), /- Configure the VPN client/);
  for (const f of ['drafts/c.md', 'archive/d.md', 'notes.txt'])
    assert.deepEqual(stat(f), before[f]);
});

test('--fix replaces the file by renaming a new one over it (atomic), leaving no temp files', (t) => {
  const dir = project(t, { 'lessons/course.md': VAGUE, 'lessons/clean.md': '# Notes\n' });
  const file = path.join(dir, 'lessons', 'course.md');
  const inode = fs.statSync(file).ino;
  const r = run(['check', '--fix', 'lessons'], dir);
  assert.equal(r.status, 0, r.stderr);
  assert.notEqual(fs.statSync(file).ino, inode, 'a new file took its place');
  assert.match(fs.readFileSync(file, 'utf8'), /- Configure the VPN client/);
  assert.deepEqual(fs.readdirSync(path.join(dir, 'lessons')).sort(), ['clean.md', 'course.md']);
  assert.deepEqual(fs.readdirSync(dir), ['lessons']);
});

test('--fix never writes through a symlink out of the folder it was given', (t) => {
  const dir = project(t, {
    'outside/target.md': VAGUE,
    'outside/sub/deep.md': VAGUE,
    'course/own.md': VAGUE,
  });
  try {
    fs.symlinkSync(
      path.join(dir, 'outside', 'target.md'),
      path.join(dir, 'course', 'file-link.md'),
    );
    fs.symlinkSync(path.join(dir, 'outside', 'sub'), path.join(dir, 'course', 'dir-link'), 'dir');
    fs.symlinkSync('../outside/target.md', path.join(dir, 'course', 'relative-link.md'));
  } catch {
    t.skip('symbolic links are not available here');
    return;
  }
  for (const args of [['course'], ['course/file-link.md'], ['course/relative-link.md']]) {
    const r = run(['check', '--fix', ...args], dir);
    assert.notEqual(r.status, 0, args.join(' '));
    assert.match(r.stderr, /not fixed.*symbolic link.*outside/);
    assert.doesNotMatch(r.stderr, /^\s+at /m);
  }
  assert.equal(fs.readFileSync(path.join(dir, 'outside', 'target.md'), 'utf8'), VAGUE);
  assert.equal(fs.readFileSync(path.join(dir, 'outside', 'sub', 'deep.md'), 'utf8'), VAGUE);
  assert.ok(fs.lstatSync(path.join(dir, 'course', 'file-link.md')).isSymbolicLink());
  assert.match(fs.readFileSync(path.join(dir, 'course', 'own.md'), 'utf8'), /- Configure/);
  assert.deepEqual(fs.readdirSync(path.join(dir, 'outside')).sort(), ['sub', 'target.md']);
});

test('a file nested too deeply is reported on one line; the other files are checked, exit 2', (t) => {
  const dir = project(t, {
    'course.md': VAGUE,
    'deep.md': `## Objectives\n\n${'- '.repeat(5000)}Explain X\n`,
  });
  const r = checkJson([], dir);
  assert.equal(r.status, 2);
  assertOneErrorLine(
    r.stderr,
    /^bloomline: deep\.md:3:1: not analysed: lists or block quotes are nested more than 64 levels deep\.$/,
  );
  // Where it stands, as the editor's diagnostic does: "a block from here" needs a here.
  const long = project(t, {
    'long.md': `## Objectives\n\nText.\n\n- Explain ${'ab '.repeat(100_000)}\n`,
  });
  const l = run(['check', 'long.md'], long);
  assert.equal(l.status, 2);
  assertOneErrorLine(
    l.stderr,
    /^bloomline: long\.md:5:1: not analysed: a block from here .* is longer than 256 KB/,
  );
  // Both files are listed (json lists every file checked); the deep one without findings, as
  // the line on stderr says why.
  assert.deepEqual(
    r.files.map((f) => f.filePath),
    ['course.md', 'deep.md'],
  );
  assert.ok(ruleIds(r.files[0]).includes('vague-verb'));
  assert.deepEqual(r.files[1]!.messages, []);
});
