// `bloomline check --fix`: preferred fixes written atomically, line endings and BOM kept byte
// for byte, nothing rewritten on a second run, and files that must not be written left alone.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { assertOneErrorLine, BIN, checkJson, project, ruleIds, run, VAGUE } from './helpers.js';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const CRLF_LINES = [
  '# VPN access',
  '',
  'Some notes, kept as they are.  ',
  '',
  '## Learning objectives',
  '',
  '- Understand how to configure the VPN client',
  '',
];

test('--fix rewrites the vague objective and keeps the BOM and CRLF byte for byte', (t) => {
  const before = Buffer.concat([BOM, Buffer.from(CRLF_LINES.join('\r\n'))]);
  // Only vague-verb is on, so the expected file is exact.
  const dir = project(t, {
    '.bloomline.json': JSON.stringify({
      rules: { 'missing-outcome': 'off', 'missing-criterion': 'off' },
    }),
    'course.md': before,
  });
  const r = run(['check', '--fix'], dir);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stderr, '');
  const expected = Buffer.concat([
    BOM,
    Buffer.from(CRLF_LINES.join('\r\n').replace('Understand how to configure', 'Configure')),
  ]);
  assert.deepEqual(fs.readFileSync(path.join(dir, 'course.md')), expected);
  assert.doesNotMatch(r.stdout, /vague-verb/, 'nothing is left to report');
});

test('--fix with the defaults: the fix is applied, the rest reported, a second run changes nothing', (t) => {
  const before = Buffer.concat([BOM, Buffer.from(CRLF_LINES.join('\r\n'))]);
  const dir = project(t, { 'course.md': before });
  const file = path.join(dir, 'course.md');
  const first = checkJson(['--fix'], dir);
  assert.equal(first.status, 0, first.stderr);
  const after = fs.readFileSync(file);
  assert.deepEqual(after.subarray(0, 3), BOM, 'the BOM is kept');
  const text = after.subarray(3).toString('utf8');
  assert.match(text, /^- Configure the VPN client/m);
  assert.doesNotMatch(text, /Understand how to/);
  assert.doesNotMatch(text, /(^|[^\r])\n/, 'every line still ends in CRLF');
  assert.ok(
    text.startsWith('# VPN access\r\n\r\nSome notes, kept as they are.  \r\n'),
    'the rest is untouched',
  );
  assert.ok(!ruleIds(first.files[0]).includes('vague-verb'), 'what was fixed is not reported');
  assert.ok(ruleIds(first.files[0]).includes('missing-criterion'), 'what is left is reported');

  const inode = fs.statSync(file).ino;
  const second = checkJson(['--fix'], dir);
  assert.equal(second.status, 0, second.stderr);
  assert.deepEqual(fs.readFileSync(file), after, 'a second --fix changes nothing');
  assert.equal(fs.statSync(file).ino, inode, 'an unchanged file is not rewritten');
  assert.deepEqual(second.files, first.files);
});

test('--fix leaves no temporary files behind and keeps the file mode', (t) => {
  const dir = project(t, { 'course.md': VAGUE });
  const file = path.join(dir, 'course.md');
  fs.chmodSync(file, 0o640);
  assert.equal(run(['check', '--fix'], dir).status, 0);
  assert.deepEqual(fs.readdirSync(dir), ['course.md']);
  assert.equal(fs.statSync(file).mode & 0o777, 0o640);
  assert.match(fs.readFileSync(file, 'utf8'), /^- Configure the VPN client$/m);
});

test('a file that is not valid UTF-8 is checked but never fixed', (t) => {
  const bytes = Buffer.concat([
    Buffer.from(`${VAGUE}\nA stray byte: `),
    Buffer.from([0xff]),
    Buffer.from('\n'),
  ]);
  const dir = project(t, { 'course.md': bytes });
  const r = checkJson(['--fix'], dir);
  assert.deepEqual(fs.readFileSync(path.join(dir, 'course.md')), bytes);
  assert.ok(ruleIds(r.files[0]).includes('vague-verb'));
  assert.match(r.stderr, /course\.md: .*UTF-8/);
  assert.match(r.stderr, /not fixed/);
  assert.doesNotMatch(r.stderr, /^\s+at /m);
});

test('--fix refuses a symlink to a file outside the folder being checked', (t) => {
  const dir = project(t, { 'outside/course.md': VAGUE, 'lessons/own.md': VAGUE });
  const link = path.join(dir, 'lessons', 'linked.md');
  try {
    fs.symlinkSync(path.join(dir, 'outside', 'course.md'), link);
  } catch {
    t.skip('symbolic links are not available here');
    return;
  }
  const r = run(['check', '--fix', 'lessons'], dir);
  assert.equal(r.status, 2);
  assertOneErrorLine(r.stderr, /linked\.md: not fixed.*symbolic link.*outside/);
  assert.equal(
    fs.readFileSync(path.join(dir, 'outside', 'course.md'), 'utf8'),
    VAGUE,
    'the target is untouched',
  );
  assert.ok(fs.lstatSync(link).isSymbolicLink(), 'the link is still a link');
  assert.match(
    fs.readFileSync(path.join(dir, 'lessons', 'own.md'), 'utf8'),
    /- Configure the VPN client/,
  );
});

test('--fix through a symlink inside the folder replaces the target and keeps the link', (t) => {
  const dir = project(t, { 'lessons/real.md': VAGUE });
  const link = path.join(dir, 'lessons', 'alias.md');
  try {
    fs.symlinkSync('real.md', link);
  } catch {
    t.skip('symbolic links are not available here');
    return;
  }
  const r = run(['check', '--fix', 'lessons/alias.md'], dir);
  assert.equal(r.status, 0, r.stderr);
  assert.ok(fs.lstatSync(link).isSymbolicLink());
  assert.match(
    fs.readFileSync(path.join(dir, 'lessons', 'real.md'), 'utf8'),
    /- Configure the VPN client/,
  );
});

test('--fix-dry-run reports what --fix would leave and writes nothing; json has the output', (t) => {
  const before = Buffer.concat([BOM, Buffer.from(CRLF_LINES.join('\r\n'))]);
  const dir = project(t, {
    '.bloomline.json': JSON.stringify({
      rules: { 'missing-outcome': 'off', 'missing-criterion': 'off' },
    }),
    'course.md': before,
  });
  const r = run(['check', '--fix-dry-run'], dir);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(fs.readFileSync(path.join(dir, 'course.md')), before, 'nothing written');
  assert.doesNotMatch(r.stdout, /vague-verb/, 'what --fix would leave: nothing');
  assert.match(r.stdout, /✔ 1 fix would be applied \(--fix-dry-run: nothing written\)/);
  // ESLint's "output": the fixed text, only where a fix changed it (BOM and CRLF kept).
  const json = run(['check', '--fix-dry-run', '--format', 'json'], dir);
  const [entry] = JSON.parse(json.stdout) as { output?: string; messages: unknown[] }[];
  assert.equal(
    entry!.output,
    '\ufeff' + CRLF_LINES.join('\r\n').replace('Understand how to configure', 'Configure'),
  );
  assert.deepEqual(entry!.messages, []);
  const plain = JSON.parse(run(['check', '--format', 'json'], dir).stdout) as object[];
  assert.ok(!('output' in plain[0]!), 'no output without --fix-dry-run');
  // From standard input too (an editor's fixer), and never with --fix.
  const piped = spawnSync(
    process.execPath,
    [BIN, 'check', '--stdin', '--stdin-filename', 'course.md', '--fix-dry-run', '--format', 'json'],
    { cwd: dir, input: before, encoding: 'utf8' },
  );
  assert.equal(piped.status, 0, piped.stderr);
  assert.equal((JSON.parse(piped.stdout) as { output: string }[])[0]!.output, entry!.output);
  const both = run(['check', '--fix', '--fix-dry-run'], dir);
  assert.equal(both.status, 2);
  assertOneErrorLine(both.stderr, /--fix and --fix-dry-run cannot be used together/);
  assert.deepEqual(fs.readFileSync(path.join(dir, 'course.md')), before);
});
