// `bloomline check`: exit statuses, the JSON shape and its UTF-16 columns, the stylish layout,
// --max-warnings and --quiet, and one-line errors for bad usage.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import {
  assertOneErrorLine,
  BIN,
  checkJson,
  NOTEBOOK,
  project,
  ruleIds,
  run,
  VAGUE,
  type JsonFile,
} from './helpers.js';

const ESC = '\u001b';

test('warnings alone exit 0; the JSON lists each finding with 1-based positions and fixes', (t) => {
  const dir = project(t, { 'course.md': `# VPN access\n\n${VAGUE}` });
  const r = checkJson([], dir);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stderr, '');
  assert.equal(r.files.length, 1);
  const [file] = r.files;
  assert.equal(file!.filePath, 'course.md');
  const ids = ruleIds(file);
  for (const id of ['vague-verb', 'missing-outcome', 'missing-criterion'])
    assert.ok(ids.includes(id), `${id} in ${ids}`);
  const vague = file!.messages.find((m) => m.ruleId === 'vague-verb')!;
  assert.deepEqual(Object.keys(vague).sort(), [
    'column',
    'endColumn',
    'endLine',
    'fixes',
    'line',
    'message',
    'ruleId',
    'severity',
  ]);
  assert.equal(vague.severity, 'warning');
  assert.equal(vague.line, 5);
  assert.equal(vague.column, 3, '"- " comes before the objective');
  assert.equal(typeof vague.message, 'string');
  const preferred = vague.fixes.filter((f) => f.isPreferred);
  assert.equal(preferred.length, 1);
  assert.equal(typeof preferred[0]!.title, 'string');
  for (const edit of preferred[0]!.edits) {
    assert.deepEqual(Object.keys(edit).sort(), [
      'column',
      'endColumn',
      'endLine',
      'line',
      'newText',
    ]);
    assert.equal(edit.line, 5);
  }
});

test('columns count UTF-16 code units: an emoji before the finding counts as two', (t) => {
  const line = '- 🔐 Understand how to configure the VPN client';
  const dir = project(t, { 'course.md': `# VPN access\n\n## Learning objectives\n\n${line}\n` });
  const r = checkJson(['course.md'], dir);
  const vague = r.files[0]?.messages.find((m) => m.ruleId === 'vague-verb');
  assert.ok(vague, `vague-verb reported: ${r.stdout}`);
  assert.equal(vague.line, 5);
  assert.equal(vague.column, line.indexOf('Understand') + 1);
  assert.equal(vague.column, 6, '"- " (2) + "🔐" (2 UTF-16 units) + " " (1), then 1-based');
  assert.equal(vague.endLine, 5);
  assert.match(line.slice(vague.column - 1, vague.endColumn - 1), /^Understand/);
});

test('files that are not outlines get no findings: stylish prints nothing, json lists them', (t) => {
  const dir = project(t, {
    'README.md': '# Project\n\nNotes about the course, no objectives here.\n',
    'notes/ideas.markdown': '- Understand how to configure the VPN client\n',
  });
  const stylish = run(['check'], dir);
  assert.equal(stylish.status, 0, stylish.stderr);
  assert.equal(stylish.stdout, '');
  // A run that found no outline in the folder says so, rather than pass as if it checked one.
  assert.match(stylish.stderr, /^bloomline: 2 files checked; none holds learning objectives/);
  // Every file checked has its entry, as ESLint's json does: an empty list says "checked,
  // nothing found", where a missing entry could mean "never looked at".
  const json = checkJson([], dir);
  assert.deepEqual(json.files, [
    { filePath: 'README.md', messages: [] },
    { filePath: path.join('notes', 'ideas.markdown'), messages: [] },
  ]);
});

test('a sound outline passes with nothing printed', (t) => {
  const dir = project(t, {
    'course.md': [
      '# VPN access',
      '',
      '## Learning objectives',
      '',
      '- Configure the VPN client on a company laptop within 10 minutes without assistance',
      '',
      '## Outcomes',
      '',
      '- Reduce VPN support tickets from 40 to 10 per month within two quarters',
      '',
    ].join('\n'),
  });
  const r = run(['check'], dir);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, '', 'no findings on a sound outline');
});

test('an error exits 1; --quiet reports errors only', (t) => {
  const dir = project(t, {
    '.bloomline.json': JSON.stringify({ rules: { 'vague-verb': 'error' } }),
    'course.md': VAGUE,
  });
  const r = checkJson([], dir);
  assert.equal(r.status, 1);
  assert.equal(r.files[0]!.messages.find((m) => m.ruleId === 'vague-verb')?.severity, 'error');
  const quiet = checkJson(['--quiet'], dir);
  assert.equal(quiet.status, 1);
  assert.deepEqual(ruleIds(quiet.files[0]), ['vague-verb']);
});

test('--quiet leaves warnings out of the output and out of --max-warnings', (t) => {
  const dir = project(t, { 'course.md': VAGUE });
  const r = run(['check', '--quiet', '--max-warnings', '0'], dir);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, '');
});

test('--max-warnings: exit 1 only when warnings exceed it', (t) => {
  const dir = project(t, { 'course.md': VAGUE });
  const all = checkJson([], dir);
  const warnings = all.files[0]!.messages.filter((m) => m.severity === 'warning').length;
  assert.ok(warnings >= 3);
  assert.equal(run(['check', '--max-warnings', String(warnings)], dir).status, 0);
  assert.equal(run(['check', `--max-warnings=${warnings}`], dir).status, 0);
  const over = run(['check', '--max-warnings', String(warnings - 1)], dir);
  assert.equal(over.status, 1);
  assert.match(over.stdout, /too many warnings \(maximum: \d+\)/);
  assert.equal(checkJson(['--max-warnings', '0'], dir).status, 1);
});

test('--max-warnings -1 is no limit, as in ESLint (its default); other negatives are refused', (t) => {
  const dir = project(t, { 'course.md': VAGUE });
  for (const args of [['--max-warnings', '-1'], ['--max-warnings=-1']]) {
    const r = run(['check', ...args], dir);
    assert.equal(r.status, 0, r.stderr);
    assert.doesNotMatch(r.stdout, /too many warnings/);
  }
  // The last one given applies, as with every option: -1 lifts a limit set before it.
  assert.equal(run(['check', '--max-warnings', '0', '--max-warnings', '-1'], dir).status, 0);
  const json = checkJson(['--max-warnings', '-1'], dir);
  assert.equal(json.status, 0, json.stderr);
  assert.equal(json.stderr, '');
  const bad = run(['check', '--max-warnings', '-2'], dir);
  assert.equal(bad.status, 2);
  assert.match(
    bad.stderr,
    /--max-warnings" needs a whole number of 0 or more, or -1 for no limit, not "-2"/,
  );
});

test('stylish: a header per file, line:col severity message rule, the source line and a caret', (t) => {
  const dir = project(t, { 'docs/course.md': `# VPN access\n\n${VAGUE}` });
  const r = run(['check'], dir);
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout.split('\n');
  assert.ok(lines.includes('docs/course.md'), r.stdout);
  const row = lines.findIndex((l) => /^ {2}5:3 +warning {2}.+ {2}vague-verb$/.test(l));
  assert.ok(row >= 0, r.stdout);
  const source = lines[row + 1]!;
  const caret = lines[row + 2]!;
  assert.match(source, /\| - Understand how to configure the VPN client$/);
  assert.equal(
    caret.indexOf('^'),
    source.indexOf('Understand'),
    'the caret stands under the range',
  );
  assert.match(r.stdout, /✖ \d+ problems \(0 errors, \d+ warnings, \d+ infos\)/);
  assert.ok(!r.stdout.includes(ESC), 'no colours when stdout is not a terminal');
});

test('stylish colours: FORCE_COLOR turns them on, --no-color off', (t) => {
  const dir = project(t, { 'course.md': VAGUE });
  assert.ok(run(['check'], dir, { FORCE_COLOR: '1' }).stdout.includes(`${ESC}[33m`));
  assert.ok(!run(['check', '--no-color'], dir, { FORCE_COLOR: '1' }).stdout.includes(ESC));
});

test('--color and --no-color: the last one given wins, as in ESLint and other tools', (t) => {
  const dir = project(t, { 'course.md': VAGUE });
  const colored = (...flags: string[]) => run(['check', ...flags], dir).stdout.includes(ESC);
  assert.equal(colored('--no-color', '--color'), true);
  assert.equal(colored('--color', '--no-color'), false);
  assert.equal(colored('--color', '--no-color', '--color'), true);
  assert.equal(colored('--color'), true);
  assert.equal(colored('--no-color'), false);
});

test('bad usage exits 2 with one line on stderr and no stack trace', (t) => {
  const dir = project(t, { 'course.md': VAGUE });
  const cases: [string[], RegExp][] = [
    [['check', '--bogus'], /unknown option "--bogus"/],
    [
      ['check', '--format', 'xml'],
      /unknown format "xml" \(supported: stylish, json, sarif, github, gitlab, unix\)/,
    ],
    [['check', '--format'], /--format.*value/],
    [['check', '--max-warnings', 'many'], /--max-warnings/],
    [['check', '--max-warnings', '-3'], /--max-warnings/],
    [['check', '--max-warnings', '1.5'], /--max-warnings/],
    [['frobnicate'], /unknown command "frobnicate"/],
    [[], /no command/],
    [['outline'], /no file/],
    [['outline', 'course.md', '--format', 'stylish'], /json, tree/],
    [['check', 'missing.md'], /missing\.md: no such file or directory/],
    [['check', 'nothing/**/*.md'], /no files match/],
    [['check', '--config', 'nope.json'], /nope\.json/],
    // A typo names what was probably meant.
    [
      ['check', '--max-warning', '0'],
      /unknown option "--max-warning" .*\(did you mean "--max-warnings"\?\)/,
    ],
    [['check', '--fromat=json'], /unknown option "--fromat" .*\(did you mean "--format"\?\)/],
    [['chek'], /unknown command "chek" \(did you mean "check"\?\)/],
    [['check', '--stdin-file', 'x'], /did you mean "--stdin-filename"/],
  ];
  for (const [args, pattern] of cases) {
    const r = run(args, dir);
    assert.equal(r.status, 2, `bloomline ${args.join(' ')}: ${r.stderr}`);
    assertOneErrorLine(r.stderr, pattern);
  }
});

test('a missing path among good ones: the rest is still checked, then exit 2', (t) => {
  const dir = project(t, { 'course.md': VAGUE });
  const r = checkJson(['course.md', 'gone.md'], dir);
  assert.equal(r.status, 2);
  assertOneErrorLine(r.stderr, /gone\.md/);
  assert.ok(ruleIds(r.files[0]).includes('vague-verb'));
});

test('a file larger than 20 MB is skipped with one line, then exit 2', (t) => {
  const dir = project(t, {
    'course.md': VAGUE,
    'huge.md': Buffer.alloc(20 * 1024 * 1024 + 1, 0x61),
  });
  const r = checkJson([], dir);
  assert.equal(r.status, 2);
  assertOneErrorLine(r.stderr, /^bloomline: huge\.md: skipped, larger than 20 MB$/);
  assert.deepEqual(
    r.files.map((f) => f.filePath),
    ['course.md'],
  );
});

test("ESLint's short options: -f FORMAT and -c FILE, as --format and --config", (t) => {
  const dir = project(t, {
    'course.md': VAGUE,
    'conf/strict.json': JSON.stringify({ rules: { 'vague-verb': 'error' } }),
  });
  const long = run(['check', '--format', 'json', '--config', 'conf/strict.json'], dir);
  const short = run(['check', '-f', 'json', '-c', 'conf/strict.json'], dir);
  assert.equal(short.status, 1, short.stderr);
  assert.equal(short.stdout, long.stdout);
  assert.equal(run(['check', '-f=json'], dir).stdout, run(['check', '--format=json'], dir).stdout);
  for (const command of [['report'], ['export'], ['outline', 'course.md']]) {
    const r = run([...command, '-f', 'json', '-c', 'conf/strict.json'], dir);
    if (command[0] === 'export') assert.match(r.stderr, /unknown format "json"/);
    else assert.equal(r.status, 0, `${command[0]}: ${r.stderr}`);
  }
  const help = run(['check', '--help'], dir).stdout;
  assert.match(help, /-f, --format FORMAT/);
  assert.match(help, /-c, --config FILE/);
});

test('--help and --version print to stdout and exit 0', (t) => {
  const dir = project(t, {});
  const help = run(['--help'], dir);
  assert.equal(help.status, 0);
  assert.match(help.stdout, /check \[PATH\|GLOB/);
  const checkHelp = run(['check', '--help'], dir);
  assert.equal(checkHelp.status, 0);
  assert.match(checkHelp.stdout, /--max-warnings/);
  const version = run(['--version'], dir);
  assert.equal(version.status, 0);
  assert.match(version.stdout, /^\d+\.\d+\.\d+\S*\n$/);
});

test('a div that never closes and front matter that is not YAML: a note each on stderr with its line, the rest still checked', (t) => {
  const dir = project(t, {
    'course.md':
      '---\ntitle: [unclosed\n---\n\n## A\n\n::: {.callout-tip}\n## Learning objectives\n\n- Understand loops.\n',
  });
  const r = checkJson([], dir);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /course\.md:7:1: .*never closed/);
  assert.match(r.stderr, /course\.md:1:1: .*front matter is not valid YAML/i);
  const ids = ruleIds(r.files[0]);
  assert.ok(ids.includes('vague-verb'), `the objective in the open callout is read: ${ids}`);
});

/** Runs `bloomline ARGS` in `cwd` with `input` on standard input. */
function runWithInput(args: readonly string[], cwd: string, input: string | Buffer) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, input, encoding: 'utf8' });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

test('--stdin checks standard input, as an editor or a pipeline gives it', (t) => {
  const dir = project(t, {
    'lessons/.bloomline.json': JSON.stringify({ rules: { 'vague-verb': 'error' } }),
  });
  // No name: "<stdin>", the settings of the current folder.
  const plain = runWithInput(['check', '--stdin', '--format', 'json'], dir, VAGUE);
  assert.equal(plain.status, 0, plain.stderr);
  const [entry] = JSON.parse(plain.stdout) as JsonFile[];
  assert.equal(entry!.filePath, '<stdin>');
  assert.deepEqual(ruleIds(entry).sort(), ['missing-criterion', 'missing-outcome', 'vague-verb']);
  assert.equal(entry!.messages.find((m) => m.ruleId === 'vague-verb')!.severity, 'warning');
  // --stdin-filename: shown as given, configured as a file there would be (it need not exist).
  const named = runWithInput(
    ['check', '--stdin', '--stdin-filename', 'lessons/week1.md'],
    dir,
    VAGUE.replace(/\n/g, '\r\n'),
  );
  assert.equal(named.status, 1, named.stderr);
  assert.match(named.stdout, /^lessons\/week1\.md$/m);
  assert.match(named.stdout, /3:3 +error +"Understand how to" is not observable/);
  // --fix cannot write standard input: the summary names what can show the fixes.
  assert.match(named.stdout, /fixable with `bloomline check --stdin --fix-dry-run`/);
  // The same findings as the file on disk.
  fs.writeFileSync(path.join(dir, 'lessons', 'week1.md'), VAGUE);
  const fromDisk = checkJson(['lessons/week1.md'], dir).files;
  const fromStdin = runWithInput(
    ['check', '--stdin', '--stdin-filename', 'lessons/week1.md', '--format', 'json'],
    dir,
    VAGUE,
  );
  assert.equal(fromStdin.stdout, JSON.stringify(fromDisk) + '\n');
  // Empty input is a file with nothing in it; a notebook is read by its name.
  assert.equal(runWithInput(['check', '--stdin'], dir, '').status, 0);
  const nb = runWithInput(
    ['check', '--stdin', '--stdin-filename', 'a.ipynb', '--format', 'json'],
    dir,
    NOTEBOOK,
  );
  assert.ok(ruleIds((JSON.parse(nb.stdout) as JsonFile[])[0]).includes('vague-verb'), nb.stderr);
});

test('--stdin refuses what it cannot do, with one line that says why', (t) => {
  const dir = project(t, { 'a.md': VAGUE });
  for (const [args, pattern] of [
    [['--stdin', 'a.md'], /--stdin checks standard input only: give no PATH or GLOB with it/],
    [['--stdin', '--fix'], /--fix cannot write to standard input/],
    [['--stdin', '--suppress-all'], /--stdin cannot be combined with --suppress-all/],
    [['--stdin-filename', 'a.md'], /--stdin-filename needs --stdin/],
  ] as const) {
    const r = runWithInput(['check', ...args], dir, VAGUE);
    assert.equal(r.status, 2, `${args.join(' ')}: ${r.stdout}`);
    assertOneErrorLine(r.stderr, pattern);
  }
});
