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

function tree(text: string, whole: boolean, pieceLength?: number): string {
  const parsed = parseMarkdown(text, undefined, { whole, pieceLength });
  return JSON.stringify(parsed.root.children, (key, value) =>
    key === 'line' || key === 'column' ? undefined : value,
  );
}

/** In pieces of the usual length, and cut wherever a cut holds (pieces of 1 and 64). */
function same(text: string, label: string): void {
  const whole = tree(text, true);
  for (const pieceLength of [undefined, 1, 64])
    assert.equal(
      tree(text, false, pieceLength),
      whole,
      `${label}: the parse in pieces (${pieceLength ?? 'usual'}) differs`,
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
  'one list cut between its items, loose and tight': '- a\n- b\n\n- c\n- d\n* e\n1. f\n2. g\n',
  'an ordered list after indented code (micromark: a paragraph)': '\tcode\n\n3. x\n   y\n',
  'a definition then "3."': '[a]: /b\n3. x\n[a]\n',
  'a reference before its definition, pieces apart':
    '[Foo Bar] and [x][foo  bar]\n\n# H\n\n- [foo bar]: /u\n',
  'a BOM-like character at a line start': 'a\n\ufeff- b\n',
  'lazy lines and block quotes': '> a\nb\n- c\nd\n\n> e\n> - f\ng\n',
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

test('an edit parses again only what it touched, and gives what a fresh parse gives', () => {
  const text = readFileSync(path.join(root, 'examples/course-outline.md'), 'utf8');
  const edits: [number, number, string][] = [
    [0, 0, '---\n'],
    [0, 4, ''],
    [200, 200, '```\n'],
    [200, 204, ''],
    [500, 520, '\n\n[ref]: /url\n\n'],
    [text.length, text.length, '\nSee [ref].\n'],
    [300, 300, '<!-- '],
  ];
  for (const pieceLength of [1, 64, undefined]) {
    let current = text;
    let previous = parseMarkdown(current, undefined, { pieceLength });
    for (const [start, end, insert] of edits) {
      const s = Math.min(start, current.length);
      current = current.slice(0, s) + insert + current.slice(Math.min(end, current.length));
      const next = parseMarkdown(current, previous, { pieceLength });
      assert.equal(
        JSON.stringify(next.root.children),
        tree(current, true),
        `after inserting ${JSON.stringify(insert)} at ${s} (pieces of ${pieceLength ?? 'usual'})`,
      );
      previous = next;
    }
  }
});

test('a reference resolves to a definition in another piece', () => {
  const text = `See [the guide].\n\n${'- Explain X within 5 minutes.\n'.repeat(2000)}\n[the guide]: /g\n`;
  const parsed = parseMarkdown(text, undefined, {});
  assert.ok(parsed.chunks.length > 3, 'several pieces');
  const first = parsed.root.children[0] as { children: { type: string }[] };
  assert.equal(first.children[1]!.type, 'linkReference');
});
