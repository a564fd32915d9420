// The glob matcher of `files`, `ignores` and command-line patterns: "\" escapes a glob
// character (a file named with "*" or "["), as in ESLint, .gitignore and fast-glob; before
// anything else it is a folder separator, so Windows-style patterns keep working. "\*" and
// "\?" are read both ways (Windows writes "drafts\*.md"), the same on every system.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { globToRegExp, matchGlob, splitGlob, toPosix } from '../../server/src/cli/glob.js';

const matches = (pattern: string, rel: string): boolean => globToRegExp(pattern).test(rel);

test('a backslash before a glob character escapes it', () => {
  assert.ok(matches('week\\[1\\].md', 'week[1].md'));
  assert.ok(!matches('week\\[1\\].md', 'week1.md'));
  assert.ok(matches('draft\\*.md', 'draft*.md'));
  assert.ok(!matches('draft\\*.md', 'draft2.md'));
  assert.ok(matches('why\\?.md', 'why?.md'));
  assert.ok(!matches('why\\?.md', 'whyX.md'));
  assert.ok(matches('notes/\\{old,new\\}.md', 'notes/{old,new}.md'));
  assert.ok(!matches('notes/\\{old,new\\}.md', 'notes/old.md'));
  assert.ok(matches('a\\\\b.md', 'a\\b.md'), 'an escaped backslash is a backslash of the name');
  // Unescaped, the same characters are glob syntax.
  assert.ok(matches('week[1].md', 'week1.md'));
  assert.ok(matches('draft*.md', 'draft2.md'));
});

test('a backslash before anything else separates folders, as on Windows', () => {
  assert.ok(matches('courses\\archive\\**', 'courses/archive/old.md'));
  assert.ok(matches('courses\\week1.md', 'courses/week1.md'));
  assert.ok(matches('courses\\**\\*.md', 'courses/a/b/week1.md'));
  assert.ok(matches('.\\courses\\*.md', 'courses/week1.md'));
  assert.ok(matchGlob('courses\\archive', 'courses/archive'));
  assert.deepEqual(splitGlob('courses\\2024\\week1.md'), {
    base: 'courses/2024',
    rest: 'week1.md',
  });
  // Read both ways below the folder the readings share.
  assert.deepEqual(splitGlob('courses\\2024\\*.md'), { base: 'courses', rest: '2024\\*.md' });
  assert.deepEqual(splitGlob('week\\[1\\].md'), { base: '.', rest: 'week\\[1\\].md' });
});

test('"\\*" and "\\?": the character itself, or a folder then the wildcard (Windows\'s drafts\\*.md)', () => {
  assert.ok(matches('drafts\\*.md', 'drafts/week1.md'));
  assert.ok(matches('drafts\\*.md', 'drafts*.md'));
  assert.ok(!matches('drafts\\*.md', 'drafts1.md'));
  assert.ok(matches('drafts\\?.md', 'drafts/a.md'));
  assert.ok(matches('drafts\\?.md', 'drafts?.md'));
  assert.ok(matches('courses\\archive\\**', 'courses/archive/old.md'));
  assert.ok(matches('courses\\**\\*.md', 'courses/a/b/week1.md'));
  assert.ok(!matches('courses\\**\\*.md', 'other/week1.md'));
  // Brackets and braces can be in a Windows name: escaped there too.
  assert.ok(matches('week\\[1\\].md', 'week[1].md'));
  assert.ok(!matches('week\\[1\\].md', 'week/1.md'));
});

test('paths: backslashes are separators on Windows only; elsewhere they belong to the name', () => {
  assert.equal(toPosix('courses\\week1.md', true), 'courses/week1.md');
  assert.equal(toPosix('a\\b.md', false), 'a\\b.md');
  assert.equal(toPosix('courses/week1.md', false), 'courses/week1.md');
});
