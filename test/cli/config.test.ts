// Configuration: the nearest .bloomline.json up the tree, --config for every file, JSON only,
// and an invalid file reported one line per problem (its line, column and JSON path), the bad
// settings falling back to their defaults and the good ones applied, then exit 2.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { assertOneErrorLine, checkJson, project, ruleIds, run, VAGUE } from './helpers.js';

test('the nearest .bloomline.json applies to each file', (t) => {
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
  assert.ok(ruleIds(lesson).includes('missing-criterion'), 'files are not merged');
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
    'bloomline: .bloomline.json:13:3: colour: unknown setting "colour" (known: preset, rules, kind, linking, files, ignores, vaguePhrases, verbs); ignored',
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
