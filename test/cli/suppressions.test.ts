// Bulk suppressions, as ESLint has them (eslint.org/docs/latest/use/suppressions): record
// (`--suppress-all`, `--suppress-rule`), report only new findings, prune
// (`--prune-suppressions`), the file's shape (counts per file and rule, paths relative to the
// project root with "/"), and a corrupt file (exit 2, never overwritten). Each through the real
// command in a temporary project.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { assertOneErrorLine, checkJson, project, ruleIds, run } from './helpers.js';

/** Two lessons, each with findings of several rules. */
// Workplace lessons (the heading says so) without outcomes: each gets one missing-outcome.
const LESSON_A = [
  '# Lesson A',
  '',
  '## Performance objectives',
  '',
  '- Understand how to configure the VPN client.',
  '- Know the difference between IPsec and TLS.',
  '- Configure the firewall within 10 minutes.',
  '',
].join('\n');
const LESSON_B = [
  '# Lesson B',
  '',
  '## Performance objectives',
  '',
  '- Be familiar with shell loops.',
  '',
].join('\n');

const FILE = 'bloomline-suppressions.json';

function readJson(dir: string, name = FILE): Record<string, Record<string, { count: number }>> {
  return JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as Record<
    string,
    Record<string, { count: number }>
  >;
}

function counts(dir: string): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const [file, rules] of Object.entries(readJson(dir))) {
    out[file] = Object.fromEntries(Object.entries(rules).map(([r, v]) => [r, v.count]));
  }
  return out;
}

test('--suppress-all records counts per file and rule, paths relative with "/", and later runs are clean', (t) => {
  const dir = project(t, { 'lessons/a.md': LESSON_A, 'lessons/deep/b.md': LESSON_B });
  const before = checkJson([], dir);
  const found = before.files.flatMap((f) => f.messages.map((m) => `${f.filePath}|${m.ruleId}`));
  assert.ok(found.length >= 5, found.join('\n'));

  const record = run(['check', '--suppress-all'], dir);
  assert.equal(record.status, 0, record.stderr);
  assert.match(record.stdout, new RegExp(`${found.length} findings suppressed by ${FILE}`));
  const written = counts(dir);
  // ESLint's shape: { path: { rule: { count } } }, keys sorted, "/" separators.
  assert.deepEqual(Object.keys(written), ['lessons/a.md', 'lessons/deep/b.md']);
  const expected: Record<string, Record<string, number>> = {};
  for (const key of found) {
    const [file, rule] = key.split('|') as [string, string];
    const posix = file.split(path.sep).join('/');
    expected[posix] ??= {};
    expected[posix][rule] = (expected[posix][rule] ?? 0) + 1;
  }
  assert.deepEqual(written, expected);
  for (const rules of Object.values(readJson(dir)))
    assert.deepEqual(Object.keys(rules), Object.keys(rules).sort());
  const text = fs.readFileSync(path.join(dir, FILE), 'utf8');
  assert.ok(text.endsWith('}\n') && text.includes('\n  "lessons/a.md": {\n'), text);

  const after = checkJson([], dir);
  assert.equal(after.status, 0, after.stderr);
  assert.deepEqual(
    after.files.flatMap((f) => f.messages),
    [],
  );
  // Recording again changes nothing: the same bytes.
  run(['check', '--suppress-all'], dir);
  assert.equal(fs.readFileSync(path.join(dir, FILE), 'utf8'), text);
});

test('a suppressed finding whose line moves stays suppressed', (t) => {
  const dir = project(t, { 'a.md': LESSON_A });
  assert.equal(run(['check', '--suppress-all'], dir).status, 0);
  const moved = LESSON_A.replace('# Lesson A\n', '# Lesson A\n\nSome new prose.\n\nMore prose.\n');
  fs.writeFileSync(path.join(dir, 'a.md'), moved);
  const r = checkJson([], dir);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(ruleIds(r.files[0]), []);
});

test('later runs report only rules with findings beyond their counts, and say why', (t) => {
  const dir = project(t, { 'a.md': LESSON_A, 'b.md': LESSON_B });
  assert.equal(run(['check', '--suppress-all'], dir).status, 0);
  // One more vague objective in a.md: vague-verb now has one finding more than recorded.
  fs.writeFileSync(
    path.join(dir, 'a.md'),
    LESSON_A + '- Appreciate the value of strong passwords within a week.\n',
  );
  const r = checkJson(['--max-warnings', '0'], dir);
  assert.equal(r.status, 1, 'the new warning fails --max-warnings 0');
  const a = r.files.find((f) => f.filePath === 'a.md');
  const ids = ruleIds(a);
  // The new objective adds a vague-verb finding; it has a criterion, so missing-criterion stays
  // within its count, and the course's one missing-outcome is the one recorded: both stay
  // hidden. As ESLint does, every finding of a rule over its count is shown, the new one among
  // them.
  assert.deepEqual([...new Set(ids)].sort(), ['vague-verb']);
  assert.equal(ids.filter((id) => id === 'vague-verb').length, 3);
  assert.ok(a!.messages.some((m) => m.line === 8 && m.ruleId === 'vague-verb'));
  assert.deepEqual(ruleIds(r.files.find((f) => f.filePath === 'b.md')), []);
  assert.match(r.stderr, /a\.md: 3 vague-verb findings, 2 suppressed: all 3 are reported/);
  assert.doesNotMatch(r.stderr, /missing-outcome|missing-criterion/);
});

test('--suppress-rule records only the rules named (repeatable); others are still reported', (t) => {
  const dir = project(t, { 'a.md': LESSON_A });
  const r = run(
    ['check', '--suppress-rule', 'vague-verb', '--suppress-rule=missing-criterion'],
    dir,
  );
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(Object.keys(counts(dir)['a.md']!).sort(), ['missing-criterion', 'vague-verb']);
  const after = checkJson([], dir);
  const ids = ruleIds(after.files[0]);
  assert.ok(!ids.includes('vague-verb') && !ids.includes('missing-criterion'), ids.join());
  assert.ok(ids.includes('missing-outcome') || ids.length > 0, 'the other rules still report');
});

test('fixed findings leave counts to prune: exit 2 until --prune-suppressions lowers them', (t) => {
  const dir = project(t, { 'a.md': LESSON_A, 'gone.md': LESSON_B });
  assert.equal(run(['check', '--suppress-all'], dir).status, 0);
  const before = counts(dir);
  assert.equal(before['a.md']!['vague-verb'], 2);
  // One vague objective is rewritten; gone.md is deleted.
  fs.writeFileSync(
    path.join(dir, 'a.md'),
    LESSON_A.replace('Know the difference', 'Explain the difference'),
  );
  fs.rmSync(path.join(dir, 'gone.md'));

  const stale = run(['check'], dir);
  assert.equal(stale.status, 2, stale.stdout + stale.stderr);
  assertOneErrorLine(
    stale.stderr,
    /bloomline-suppressions\.json: a suppression is no longer needed \(a\.md vague-verb 1\); run "bloomline check --prune-suppressions"/,
  );
  const passing = run(['check', '--pass-on-unpruned-suppressions'], dir);
  assert.equal(passing.status, 0, passing.stderr);
  assert.match(passing.stderr, /no longer needed/);

  const prune = run(['check', '--prune-suppressions'], dir);
  assert.equal(prune.status, 0, prune.stderr);
  const after = counts(dir);
  assert.equal(after['a.md']!['vague-verb'], 1, 'lowered to what still occurs');
  assert.equal(after['gone.md'], undefined, 'a file that no longer exists is dropped');
  const others = (c: Record<string, number>) =>
    Object.entries(c).filter(([rule]) => rule !== 'vague-verb');
  assert.deepEqual(others(after['a.md']!), others(before['a.md']!), 'the other counts are kept');
  assert.equal(run(['check'], dir).status, 0);
});

test('a corrupt suppressions file is a one-line error (exit 2) and is never overwritten', (t) => {
  for (const corrupt of [
    '{ "a.md": { "vague-verb": { "count": 2 } ',
    '["a.md"]',
    '{ "a.md": { "vague-verb": 2 } }',
    '{ "a.md": { "vague-verb": { "count": -1 } } }',
  ]) {
    const dir = project(t, { 'a.md': LESSON_A, [FILE]: corrupt });
    for (const args of [[], ['--suppress-all'], ['--prune-suppressions'], ['--fix']]) {
      const r = run(['check', ...args], dir);
      assert.equal(r.status, 2, `${corrupt} ${args.join(' ')}: ${r.stdout}`);
      assertOneErrorLine(r.stderr, /bloomline-suppressions\.json: not a valid suppressions file/);
      assert.equal(r.stdout, '');
      assert.equal(fs.readFileSync(path.join(dir, FILE), 'utf8'), corrupt, 'left unchanged');
      assert.equal(
        fs.readFileSync(path.join(dir, 'a.md'), 'utf8'),
        LESSON_A,
        '--fix wrote nothing',
      );
    }
  }
});

test('--suppressions-location: a named file must exist unless the run records it', (t) => {
  const dir = project(t, { 'a.md': LESSON_A });
  const missing = run(['check', '--suppressions-location', '.ci/suppressions.json'], dir);
  assert.equal(missing.status, 2);
  assertOneErrorLine(
    missing.stderr,
    /\.ci\/suppressions\.json: the suppressions file does not exist/,
  );
  fs.mkdirSync(path.join(dir, '.ci'));
  const record = run(
    ['check', '--suppress-all', '--suppressions-location', '.ci/suppressions.json'],
    dir,
  );
  assert.equal(record.status, 0, record.stderr);
  assert.ok(!fs.existsSync(path.join(dir, FILE)), 'the default file is not written');
  // Paths stay relative to the project root (the current folder), not to the file's folder.
  assert.deepEqual(Object.keys(readJson(dir, '.ci/suppressions.json')), ['a.md']);
  const r = checkJson(['--suppressions-location', '.ci/suppressions.json'], dir);
  assert.deepEqual(ruleIds(r.files[0]), []);
  // Without the option the default (absent) file applies: everything is reported again.
  assert.ok(ruleIds(checkJson([], dir).files[0]).length > 0);
});

test('suppression flags that contradict each other, or an unknown rule, are usage errors', (t) => {
  const dir = project(t, { 'a.md': LESSON_A });
  for (const args of [
    ['--suppress-all', '--prune-suppressions'],
    ['--suppress-all', '--suppress-rule', 'vague-verb'],
    ['--suppress-rule', 'vague-verb', '--prune-suppressions'],
    ['--suppress-rule', 'vague-verbs'],
    ['--suppress-rule'],
  ]) {
    const r = run(['check', ...args], dir);
    assert.equal(r.status, 2, args.join(' '));
    assertOneErrorLine(r.stderr);
    assert.ok(!fs.existsSync(path.join(dir, FILE)), `${args.join(' ')} wrote no file`);
  }
});

test('--quiet and --format json see the same suppressions; the count covers every severity', (t) => {
  const dir = project(t, { 'a.md': LESSON_A });
  assert.equal(run(['check', '--suppress-all'], dir).status, 0);
  const total = Object.values(counts(dir)['a.md']!).reduce((a, b) => a + b, 0);
  const all = checkJson([], project(t, { 'a.md': LESSON_A })).files[0]!.messages.length;
  assert.equal(total, all, 'information findings are recorded too');
  assert.equal(run(['check', '--quiet'], dir).stdout, '');
});
