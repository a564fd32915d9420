// Parsing section by section must give exactly the tree of one whole parse (offsets and node
// types and values; line/column are not used by Bloomline and are relative to each piece).
// Checked on every corpus lesson, the example, and documents made awkward on purpose: code
// fences and HTML blocks full of "#" lines, front matter with YAML comments, unclosed fences.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseMarkdown } from '../../server/src/core/parse.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));

function tree(text: string, whole: boolean): string {
  const parsed = parseMarkdown(text, undefined, { whole });
  return JSON.stringify(parsed.root.children, (key, value) =>
    key === 'line' || key === 'column' ? undefined : value,
  );
}

function same(text: string, label: string): void {
  assert.equal(
    tree(text, false),
    tree(text, true),
    `${label}: the section-by-section parse differs`,
  );
}

const AWKWARD: Record<string, string> = {
  'code fence full of # lines':
    '# Course\n\n```sh\n# comment\n# another\n\n## not a heading\n```\n\n## Module 1\n\n- Explain X\n',
  'unclosed code fence': '# A\n\n```\n# inside\n## inside too\n',
  'tilde fence inside a list item': '# A\n\n- item\n  ~~~\n# heading ends the item\n  ~~~\n## B\n',
  'HTML block': '# A\n\n<div>\n# not a heading inside the HTML block\n</div>\n\n## B\n',
  'HTML comment across headings': '# A\n\n<!--\n# hidden\n## hidden\n-->\n\n## B\n- x\n',
  'front matter with YAML comments':
    '---\ntitle: T\n# a YAML comment\nobjectives:\n  - Explain X\n---\n\n# Course\n\n## M\n',
  'unclosed front matter': '---\ntitle: T\n# comment\n\n# Course\n',
  'unclosed front matter before a list': '---\n## Objectives\n\n- Understand loops.\n- Know it.\n',
  'unclosed front matter, link definition': '---\n## O\n\n- Understand loops.\n\n[ref]: http://x\n',
  'front matter closed by "..." only': '---\ntitle: T\n...\n# comment\n- a\n',
  'setext and ATX mixed': 'Course\n======\n\n# One\npara\n## Two\n\nModule\n------\n# Three',
  'heading without text and CRLF': '#\r\n\r\n- a\r\n#\r\n## x\r\n',
  'block quote then heading': '> quote\n> # heading in quote\n# top\n> lazy\n',
  'empty text': '',
  'only a heading': '# Just a title',
};

for (const [label, text] of Object.entries(AWKWARD)) {
  test(`section-by-section parse equals a whole parse: ${label}`, () => same(text, label));
}

test('section-by-section parse equals a whole parse on the corpus and the example', () => {
  const corpus = path.resolve(root, 'test/corpus/carpentries');
  const files = [path.join(root, 'examples/course-outline.md')];
  for (const dir of readdirSync(corpus)) {
    for (const f of readdirSync(path.join(corpus, dir)))
      if (f.endsWith('.md')) files.push(path.join(corpus, dir, f));
  }
  assert.ok(files.length > 20, `corpus not found at ${corpus}`);
  for (const f of files) same(readFileSync(f, 'utf8'), path.basename(f));
});

test('an unclosed "---" at the top is a thematic break and the list after it a list (CommonMark)', () => {
  for (const text of [
    '---\n## O\n\n- Understand loops.\n',
    '---\n# outcome\n- e',
    '---\noutcome\n- e',
  ]) {
    for (const whole of [true, false]) {
      const types = parseMarkdown(text, undefined, { whole }).root.children.map((n) => n.type);
      assert.equal(types[0], 'thematicBreak', text);
      assert.equal(types[types.length - 1], 'list', `${JSON.stringify(text)}: ${types}`);
    }
  }
  const closed = parseMarkdown('---\ntitle: T\n---\n- a\n').root.children.map((n) => n.type);
  assert.deepEqual(closed, ['yaml', 'list'], 'closed front matter is still front matter');
});
