// Configuration: the nearest .bloomline.json up the tree, --config for every file, JSON only,
// and an invalid file reported on one line, checked with the defaults, then exit 2.
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

test('invalid JSON: one line on stderr, the defaults are used, exit 2', (t) => {
  const dir = project(t, {
    '.bloomline.json': '{ "rules": { "vague-verb": "off" ',
    'course.md': VAGUE,
  });
  const r = checkJson([], dir);
  assert.equal(r.status, 2);
  assertOneErrorLine(r.stderr, /^bloomline: \.bloomline\.json: .*; using defaults$/);
  assert.ok(ruleIds(r.files[0]).includes('vague-verb'), 'checked with the defaults');
});

test('invalid settings: one line naming the problem, the defaults are used, exit 2', (t) => {
  const dir = project(t, {
    '.bloomline.json': JSON.stringify({ rules: { 'vage-verb': 'off', 'missing-outcome': 'loud' } }),
    'course.md': VAGUE,
  });
  const r = checkJson([], dir);
  assert.equal(r.status, 2);
  assertOneErrorLine(r.stderr, /^bloomline: \.bloomline\.json: .*vage-verb.*; using defaults$/);
  assert.ok(ruleIds(r.files[0]).includes('missing-outcome'));
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
