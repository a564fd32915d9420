// Configuration: the .bloomline.json files up the tree, merged, --config for every file, JSON only,
// and an invalid file reported one line per problem (its line, column and JSON path), the bad
// settings falling back to their defaults and the good ones applied, then exit 2.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { CASCADE_TREE } from '../support/cascade.js';
import { assertOneErrorLine, checkJson, project, ruleIds, run, VAGUE } from './helpers.js';

test('the nearest .bloomline.json wins, over the files above it', (t) => {
  const dir = project(t, {
    '.bloomline.json': JSON.stringify({ rules: { 'missing-criterion': 'off' } }),
    'course.md': VAGUE,
    'lessons/.bloomline.json': JSON.stringify({ rules: { 'vague-verb': 'off' } }),
    'lessons/deep/one.md': VAGUE,
  });
  const r = checkJson([], dir);
  assert.equal(r.status, 0, r.stderr);
  const [course, lesson] = r.files;
  assert.equal(course!.filePath, 'course.md');
  assert.ok(ruleIds(course).includes('vague-verb'));
  assert.ok(!ruleIds(course).includes('missing-criterion'));
  assert.equal(lesson!.filePath, path.join('lessons', 'deep', 'one.md'));
  assert.ok(!ruleIds(lesson).includes('vague-verb'), 'the nearer file wins');
  assert.ok(!ruleIds(lesson).includes('missing-criterion'), "the root's settings still apply");
});

// Nested files cascade, as ESLint's .eslintrc files did: each setting from the nearest file that
// gives it, rules rule by rule, word lists and ignores added up, until a file with "root": true.
test('nested .bloomline.json files add to the ones above them, up to one that says "root": true', (t) => {
  const dir = project(t, CASCADE_TREE);
  const r = checkJson([], dir);
  assert.equal(r.status, 1, r.stderr);
  assert.equal(r.stderr, '');
  const byPath = new Map(r.files.map((f) => [f.filePath.split(path.sep).join('/'), f]));
  // Both files' ignores apply, each relative to its own folder; root: true takes none from above.
  assert.deepEqual([...byPath.keys()].sort(), [
    'courses/a/week1.md',
    'courses/b/drafts/next.md',
    'courses/b/week1.md',
  ]);
  const a = byPath.get('courses/a/week1.md')!.messages;
  const vague = a.filter((m) => m.ruleId === 'vague-verb');
  // Both vague phrase lists: "Understand", "Grok" (the root's) and "Get the hang of" (its own).
  assert.deepEqual(
    vague.map((m) => [m.line, m.severity]),
    [
      [3, 'error'],
      [4, 'error'],
      [5, 'error'],
    ],
  );
  // The root's rules over the nearest preset (carpentries: missing-outcome off) ...
  assert.ok(!a.some((m) => m.ruleId === 'missing-criterion'), "the root's rule still applies");
  // ... and the nearest kind given (the root's workplace, not carpentries' workshop).
  assert.ok(!a.some((m) => m.ruleId === 'missing-outcome'), 'carpentries turns it off');
  // root: true: the old behaviour, this file alone.
  const b = byPath.get('courses/b/week1.md')!.messages;
  assert.ok(!b.some((m) => m.ruleId === 'vague-verb'));
  assert.ok(
    b.some((m) => m.ruleId === 'missing-criterion'),
    'nothing from the root',
  );
  assert.equal(b.find((m) => m.ruleId === 'missing-criterion')?.severity, 'warning');
  // Checking from inside a course folder reads the same files above it.
  const inside = checkJson(['week1.md'], path.join(dir, 'courses', 'a'));
  assert.deepEqual(inside.files[0]!.messages, a);
  // --print-config says which files the settings come from, nearest first.
  const printed = run(['check', '--print-config', 'courses/a/week1.md'], dir);
  assert.equal(printed.status, 0, printed.stderr);
  assert.equal(
    printed.stderr,
    `bloomline: courses/a/week1.md: settings from ${path.join('courses', 'a', '.bloomline.json')}, then .bloomline.json\n`,
  );
  const settings = JSON.parse(printed.stdout) as Record<string, unknown>;
  assert.equal(settings.preset, 'carpentries');
  assert.equal(settings.kind, 'workplace');
  assert.deepEqual(settings.vaguePhrases, ['grok', 'get the hang of']);
  assert.equal((settings.rules as Record<string, string>)['missing-criterion'], 'off');
  assert.equal((settings.rules as Record<string, string>)['compound-objective'], 'error');
  assert.equal('root' in settings, false);
});

test('"root" must be true or false; a nested file that cannot be read ends the chain there', (t) => {
  const dir = project(t, {
    '.bloomline.json': JSON.stringify({ rules: { 'missing-criterion': 'off' } }),
    'a/.bloomline.json': '{ "root": "yes" }',
    'a/one.md': VAGUE,
    'b/.bloomline.json': '{ "rules": { ',
    'b/one.md': VAGUE,
  });
  const r = checkJson([], dir);
  assert.equal(r.status, 2);
  const lines = r.stderr.split('\n').filter((l) => l);
  assert.deepEqual(lines, [
    `bloomline: ${path.join('a', '.bloomline.json')}:1:11: root: must be true or false, not "yes"; using false: the files above apply too`,
    `bloomline: ${path.join('b', '.bloomline.json')}:1:14: not valid JSON: expected a property name in double quotes, found the end of the file; using the defaults`,
  ]);
  const [a, b] = r.files;
  assert.ok(!ruleIds(a).includes('missing-criterion'), 'a bad root is false');
  assert.ok(ruleIds(b).includes('missing-criterion'), 'the defaults, not the root file');
});

test('--config applies one file to everything, instead of the nearest', (t) => {
  const dir = project(t, {
    'shared/strict.json': JSON.stringify({ rules: { 'vague-verb': 'error' } }),
    'lessons/.bloomline.json': JSON.stringify({ rules: { 'vague-verb': 'off' } }),
    'lessons/one.md': VAGUE,
  });
  const r = checkJson(['--config', 'shared/strict.json'], dir);
  assert.equal(r.status, 1);
  assert.equal(r.files[0]!.messages.find((m) => m.ruleId === 'vague-verb')?.severity, 'error');
});

test('invalid JSON: one line on stderr at its line and column, the defaults are used, exit 2', (t) => {
  const dir = project(t, {
    '.bloomline.json': '{\n  "rules": {\n    "vague-verb": "off",\n  }\n}\n',
    'course.md': VAGUE,
  });
  const r = checkJson([], dir);
  assert.equal(r.status, 2);
  assertOneErrorLine(
    r.stderr,
    /^bloomline: \.bloomline\.json:3:24: not valid JSON: trailing comma before '\}'; using the defaults$/,
  );
  assert.ok(ruleIds(r.files[0]).includes('vague-verb'), 'checked with the defaults');
});

test('invalid settings: one line per problem, with its place, path and a suggestion; the good settings apply; exit 2', (t) => {
  const dir = project(t, {
    '.bloomline.json': [
      '{',
      '  "rule": { "missing-criterion": "off" },',
      '  "rules": {',
      '    "vage-verb": "off",',
      '    "missing-outcome": "loud",',
      '    "compound-objective": "warn",',
      '    "missing-criterion": "off"',
      '  },',
      '  "linking": "explicitly"',
      '}',
    ].join('\n'),
    'course.md': VAGUE,
  });
  const r = checkJson([], dir);
  assert.equal(r.status, 2);
  const lines = r.stderr.split('\n').filter((l) => l);
  assert.deepEqual(lines, [
    'bloomline: .bloomline.json:2:3: rule: unknown setting "rule" (did you mean "rules"?); ignored',
    'bloomline: .bloomline.json:4:5: rules.vage-verb: unknown rule "vage-verb" (did you mean "vague-verb"?); ignored',
    'bloomline: .bloomline.json:5:24: rules.missing-outcome: "loud" is not a severity: use "off", "hint", "information", "warning" or "error"; "missing-outcome" stays "warning"',
    'bloomline: .bloomline.json:6:27: rules.compound-objective: "warn" is not a severity: use "off", "hint", "information", "warning" or "error" (did you mean "warning"?); "compound-objective" stays "information"',
    'bloomline: .bloomline.json:9:14: linking: must be "sections" or "explicit", not "explicitly" (did you mean "explicit"?); using "sections"',
  ]);
  const ids = ruleIds(r.files[0]);
  assert.ok(ids.includes('vague-verb'));
  assert.ok(!ids.includes('missing-criterion'), 'the good setting applies');
});

test('every problem of a config file at once, as a compiler lists them: each kind, a key given twice, each at its place', (t) => {
  const dir = project(t, {
    '.bloomline.json': [
      '{',
      '  "preset": "strictest",',
      '  "rules": {',
      '    "vague-verb": "off",',
      '    "no-verb": 3,',
      '    "vague-verb": "error",',
      '    "missing-criteria": "off"',
      '  },',
      '  "kind": "college",',
      '  "files": "**/*.md",',
      '  "vaguePhrases": ["grasp", 7],',
      '  "verbs": { "apply": ["triage"], "use": ["scaffold"] },',
      '  "colour": "blue"',
      '}',
    ].join('\n'),
    'course.md': VAGUE,
  });
  const r = checkJson([], dir);
  assert.equal(r.status, 2);
  const lines = r.stderr.split('\n').filter((l) => l);
  assert.deepEqual(lines, [
    'bloomline: .bloomline.json:2:13: preset: must be "recommended", "strict" or "carpentries", not "strictest" (did you mean "strict"?); using "recommended"',
    'bloomline: .bloomline.json:4:5: rules.vague-verb: given again on line 6, which is the one used; ignored',
    'bloomline: .bloomline.json:5:16: rules.no-verb: 3 is not a severity: use "off", "hint", "information", "warning" or "error"; "no-verb" stays "warning"',
    'bloomline: .bloomline.json:7:5: rules.missing-criteria: unknown rule "missing-criteria" (did you mean "missing-criterion"?); ignored',
    'bloomline: .bloomline.json:9:11: kind: must be "auto", "workplace", "academic" or "workshop", not "college"; using "auto"',
    'bloomline: .bloomline.json:10:12: files: must be a list of glob patterns (strings), not a string (write ["**/*.md"]); ignored',
    'bloomline: .bloomline.json:11:29: vaguePhrases[1]: must be a string, not a number; ignored',
    'bloomline: .bloomline.json:12:35: verbs.use: unknown Bloom level "use" (remember, understand, apply, analyze, evaluate, create); ignored',
    'bloomline: .bloomline.json:13:3: colour: unknown setting "colour" (known: preset, rules, kind, linking, files, ignores, vaguePhrases, verbs, root); ignored',
  ]);
  const vague = r.files[0]!.messages.find((m) => m.ruleId === 'vague-verb');
  assert.equal(vague?.severity, 'error', 'the last of a key given twice applies, as in JSON.parse');
});

test('an invalid config is reported once, however many files use it', (t) => {
  const dir = project(t, {
    '.bloomline.json': '[1, 2',
    'a.md': VAGUE,
    'b.md': VAGUE,
    'c/d.md': VAGUE,
  });
  const r = run(['check'], dir);
  assert.equal(r.status, 2);
  assertOneErrorLine(r.stderr);
});

test('a .bloomline.js file is never loaded', (t) => {
  const dir = project(t, {
    '.bloomline.js': 'export default { rules: { "vague-verb": "off" } }; process.exit(7);\n',
    'course.md': VAGUE,
  });
  const r = checkJson([], dir);
  assert.equal(r.status, 0, r.stderr);
  assert.ok(ruleIds(r.files[0]).includes('vague-verb'));
});

test('the carpentries preset turns missing-outcome off', (t) => {
  const dir = project(t, { '.bloomline.json': '{ "preset": "carpentries" }', 'course.md': VAGUE });
  const r = checkJson([], dir);
  assert.equal(r.status, 0, r.stderr);
  assert.ok(!ruleIds(r.files[0]).includes('missing-outcome'));
  assert.ok(ruleIds(r.files[0]).includes('vague-verb'));
});

test('a folder named .bloomline.json is an error that says so; its files get the defaults, exit 2', (t) => {
  const dir = project(t, {
    '.bloomline.json': JSON.stringify({ rules: { 'vague-verb': 'off' } }),
    'course.md': VAGUE,
    'lessons/.bloomline.json/readme.txt': 'not a configuration file',
    'lessons/one.md': VAGUE,
  });
  const r = checkJson([], dir);
  assert.equal(r.status, 2);
  assertOneErrorLine(
    r.stderr,
    new RegExp(
      `^bloomline: ${path.join('lessons', '.bloomline.json').replace(/[.\\]/g, '\\$&')}: is a folder, not a configuration file; using the defaults$`,
    ),
  );
  const [course, lesson] = r.files;
  assert.ok(!ruleIds(course).includes('vague-verb'), 'the root file applies where it is nearest');
  // The defaults, as for a file that cannot be read: not the root file's settings.
  assert.ok(ruleIds(lesson).includes('vague-verb'), 'the defaults apply under the folder');
  // --config naming a folder stops the run, as it did.
  const c = run(['check', '--config', 'lessons/.bloomline.json'], dir);
  assert.equal(c.status, 2);
  assertOneErrorLine(c.stderr, /cannot read the configuration file: is a directory$/);
});

test('a .bloomline.json that is a broken symbolic link is said, as a folder of that name is: its files get the defaults, exit 2', (t) => {
  const dir = project(t, {
    '.bloomline.json': JSON.stringify({ rules: { 'vague-verb': 'off' } }),
    'lessons/one.md': VAGUE,
  });
  try {
    // A shared configuration linked into a course, then moved.
    fs.symlinkSync('../common/bloomline.json', path.join(dir, 'lessons', '.bloomline.json'));
  } catch {
    t.skip('symbolic links are not available here');
    return;
  }
  const r = checkJson([], dir);
  assert.equal(r.status, 2);
  assertOneErrorLine(
    r.stderr,
    new RegExp(
      `^bloomline: ${path.join('lessons', '.bloomline.json').replace(/[.\\]/g, '\\$&')}: a broken symbolic link \\(to "\\.\\./common/bloomline\\.json", which does not exist\\); using the defaults$`,
    ),
  );
  assert.ok(ruleIds(r.files[0]).includes('vague-verb'), 'the defaults, not the root file');
});

test('--print-config FILE prints the settings that apply to a file, as a .bloomline.json, and says where they come from', (t) => {
  const dir = project(t, {
    '.bloomline.json': JSON.stringify({ preset: 'carpentries' }),
    'courses/b/.bloomline.json': JSON.stringify({
      rules: { 'vague-verb': 'error' },
      ignores: ['drafts/**'],
    }),
    'courses/b/week1.md': VAGUE,
    'shared/strict.json': JSON.stringify({ preset: 'strict' }),
  });
  const r = run(['check', '--print-config', 'courses/b/week1.md'], dir);
  assert.equal(r.status, 0, r.stderr);
  const printed = JSON.parse(r.stdout) as Record<string, unknown>;
  // The root's carpentries preset with the nearer file's rule, every rule listed.
  assert.equal(printed.preset, 'carpentries');
  const rules = printed.rules as Record<string, string>;
  assert.equal(rules['vague-verb'], 'error');
  assert.equal(rules['missing-outcome'], 'off');
  assert.equal(Object.keys(rules).length, 16);
  assert.deepEqual(printed.ignores, ['drafts/**']);
  assert.equal(printed.kind, 'workshop');
  assert.equal(
    r.stderr,
    `bloomline: courses/b/week1.md: settings from ${path.join('courses', 'b', '.bloomline.json')}, then .bloomline.json\n`,
  );
  // What it prints is a valid .bloomline.json: checking with it gives the same findings.
  const saved = path.join(dir, 'printed.json');
  writeFileSync(saved, r.stdout);
  assert.deepEqual(
    checkJson(['--config', 'printed.json', 'courses/b/week1.md'], dir).files,
    checkJson(['courses/b/week1.md'], dir).files,
  );
  // The file need not exist (a file about to be written); --config wins; no file: the defaults.
  const planned = run(['check', '--print-config', 'courses/new.md'], dir);
  assert.equal(JSON.parse(planned.stdout).preset, 'carpentries');
  const forced = run(['check', '--config', 'shared/strict.json', '--print-config', 'x.md'], dir);
  assert.equal(JSON.parse(forced.stdout).preset, 'strict');
  assert.match(forced.stderr, /x\.md: settings from shared\/strict\.json\n$/);
  const none = project(t, { 'a.md': VAGUE });
  const defaults = run(['check', '--print-config', 'a.md'], none);
  assert.equal(JSON.parse(defaults.stdout).preset, 'recommended');
  assert.equal(defaults.stderr, 'bloomline: a.md: no .bloomline.json applies; the defaults\n');
  // A bad file: its problems as a check says them, exit 2, and the settings it falls back to.
  write(dir, 'courses/b/.bloomline.json', '{ "rules": { "vague-verb": "warn" } }');
  const bad = run(['check', '--print-config', 'courses/b/week1.md'], dir);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /"warn" is not a severity/);
  assert.equal(JSON.parse(bad.stdout).rules['vague-verb'], 'warning');
  // With files to check, it is a usage error.
  const both = run(['check', '--print-config', 'a.md', 'courses'], dir);
  assert.equal(both.status, 2);
  assertOneErrorLine(both.stderr, /--print-config takes one file and checks nothing/);
});

function write(dir: string, name: string, text: string): void {
  writeFileSync(path.join(dir, ...name.split('/')), text);
}
