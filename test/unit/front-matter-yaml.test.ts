// Front matter of the simplest shapes is read line by line, not by the `yaml` package
// (recognise/readers/front-matter-yaml.ts). Where the simple reader answers, its answer must be
// the package's: checked on every front matter of the corpora, examples, fixtures and docs, on
// awkward lines written for it, and on generated front matter. A check that the simple reader
// answers at all (on the Carpentries lessons) keeps the comparison from passing on a path that is
// never taken.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  readFrontMatterYaml,
  readSimple,
  readWithPackage,
} from '../../server/src/core/recognise/readers/front-matter-yaml.js';
import { markdownFilesUnder } from '../support/markdown-files.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const SHARED = '/work/shared/corpus';

/** The YAML between the fences, as the front matter node holds it (LF line breaks). */
function frontMatterOf(text: string): string | null {
  const m = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  return m ? m[1]!.replace(/\r(?!\n)/g, '\n') : null;
}

function same(yaml: string): boolean {
  const simple = readSimple(yaml);
  if (simple === null) return false;
  assert.deepEqual(simple, readWithPackage(yaml), JSON.stringify(yaml));
  return true;
}

test('the simple reader reads every front matter here as the yaml package does, and is taken', () => {
  const dirs = ['test/corpus', 'test/fixtures', 'examples', 'docs'].map((d) => path.join(root, d));
  if (existsSync(SHARED)) dirs.push(SHARED);
  let found = 0;
  let simple = 0;
  let carpentries = 0;
  let carpentriesSimple = 0;
  for (const f of markdownFilesUnder(...dirs)) {
    const yaml = frontMatterOf(readFileSync(f, 'utf8'));
    if (yaml === null) continue;
    found++;
    const taken = same(yaml);
    if (taken) simple++;
    if (f.includes(`${path.sep}carpentries${path.sep}`)) {
      carpentries++;
      if (taken) carpentriesSimple++;
    }
  }
  assert.ok(found > 50, `only ${found} front matters found`);
  // The Carpentries lessons' front matter ("title:", "teaching:", "exercises:") is all simple.
  assert.ok(carpentries >= 50, `only ${carpentries} Carpentries front matters`);
  assert.equal(carpentriesSimple, carpentries);
  assert.ok(simple < found, 'some front matter here should need the package');
});

test('the simple reader reads lists of objectives, numbers and empty keys as the package does', () => {
  const taken = [
    'title: Hosting\nteaching: 10\nexercises: 0',
    'title: "Quoted: with a colon"\nobjectives:\n- Explain one thing.\n- "Quoted one"\n- \'Single\'',
    'objectives:\n  - Explain X\n  - Describe Y, a list\n\nkeypoints:\n  - Use z',
    'learning_objectives:\n- 42\n- Write a loop {x} [y] (z) & *w* !v C# http://a.b/c',
    'title:\nobjectives:\ngoals:\n  - Plot data',
    'title: It\'s "quoted" inside',
    'title:   Spaced   inside',
    'title: x\ntitle: y',
    'k-e_y1: v',
    'title: a\r\nobjectives:\r\n  - "b"\r\n  - c\r\n',
    'title: "emoji \u{1F600} and \u00e9"',
    '',
    '\n\n',
  ];
  for (const yaml of taken) assert.ok(same(yaml), `not taken: ${JSON.stringify(yaml)}`);
  // Left to the package: what this reader cannot be sure of.
  const left = [
    'title: Foo # comment',
    'title: Foo: bar',
    'title: Foo:',
    'title: Foo ',
    'title: true',
    'True: x',
    'title: .5',
    'title: 0x1F',
    'title: -1',
    'title: "esc \\" aped"',
    "title: 'it''s'",
    'title: "a" b',
    'title: Foo\n  continued',
    'title: \u00c9t\u00e9',
    'title:\tx',
    'title: a\rb: c',
    'objectives:\n  - a\n    - b',
    'objectives:\n  - a\n - b',
    'objectives:\n  - key: value',
    'objectives:\n  - - nested',
    'objectives:\n  - a\n  b',
    '- a\n- b',
    'title: a\n- b',
    '# comment\ntitle: a',
    '---\ntitle: a',
    'title: [a, b]',
    'title: {a: b}',
    'title: &anchor x',
    'title: !tag x',
    'title: |\n  block',
    'title: >\n  folded',
    ' title: indented',
    'title: a\u0085b',
    'title: a\ufeffb',
    'title: a\u00a0',
  ];
  for (const yaml of left) {
    assert.equal(readSimple(yaml), null, `taken: ${JSON.stringify(yaml)}`);
    // And readFrontMatterYaml still reads it (through the package) as the package does.
    assert.deepEqual(readFrontMatterYaml(yaml), readWithPackage(yaml));
  }
});

test('generated front matter: the simple reader answers as the yaml package does', () => {
  const key = fc.constantFrom(
    'title',
    'objectives',
    'outcomes',
    'keypoints',
    'goals',
    'x-y_1',
    'true',
    'Null',
    'a',
  );
  const value = fc.oneof(
    fc.constantFrom(
      '',
      ' ',
      'Foo',
      'Foo bar',
      '10',
      '007',
      '1.5',
      'null',
      'NULL',
      'yes',
      'no',
      'on',
      '"q"',
      '"q\\n"',
      "'s'",
      "'it''s'",
      '"a"b',
      'a: b',
      'a:',
      'a #c',
      'a#c',
      'http://x',
      '- a',
      '[a]',
      '{a}',
      '&a',
      '*a',
      '!t',
      '|',
      '>',
      '%x',
      '@x',
      '`x`',
      ',x',
      '?x',
      'x ',
      '\u00e9',
      'a\u00a0b',
      'x\ty',
      '~',
      '.inf',
      '-.inf',
      '+1',
      '0o17',
      '0x1f',
      '1e3',
      'Foo "bar"',
      "Foo 'bar'",
    ),
    fc.string({ maxLength: 12 }),
  );
  const line = fc.oneof(
    fc.tuple(key, value).map(([k, v]) => `${k}:${v === '' ? '' : ` ${v}`}`),
    fc.tuple(fc.constantFrom('', ' ', '  ', '   ', '    '), value).map(([i, v]) => `${i}- ${v}`),
    fc.constantFrom('', '  continued', '# c', '---', '...', 'key: [1, 2]', ' x: y'),
  );
  let taken = 0;
  fc.assert(
    fc.property(fc.array(line, { maxLength: 10 }), fc.constantFrom('\n', '\r\n'), (lines, eol) => {
      const yaml = lines.join(eol);
      if (same(yaml)) taken++;
    }),
    { numRuns: 3000, seed: 20261202 },
  );
  assert.ok(taken > 300, `the simple reader answered only ${taken} times`);
});
