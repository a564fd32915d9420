// A text parsed once (the CLI) has its fenced code blocks at the top level read without the
// parser (parse.ts, parseSkippingFences). The tree must be exactly that of one whole parse, and
// so must the outline and the findings: checked on every Markdown file of the repository's
// corpus, examples, fixtures and docs, on fences made awkward on purpose, and on generated
// outlines. A check that the fast path is taken at all keeps the comparison from passing on a
// path that never skips anything.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseMarkdown } from '../../server/src/core/parse.js';
import { Workspace } from '../../server/src/core/index.js';
import { markdownFilesUnder } from '../support/markdown-files.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));

function tree(text: string, skipFences: boolean): string {
  return JSON.stringify(parseMarkdown(text, undefined, { whole: true, skipFences }).root);
}

function skipped(text: string): number {
  return parseMarkdown(text, undefined, { whole: true, skipFences: true }).skipped;
}

function markdownFiles(): string[] {
  return markdownFilesUnder(
    ...['test/corpus', 'test/fixtures', 'examples', 'docs'].map((d) => path.join(root, d)),
  );
}

/** The shared corpus beside the repository (read-only), where this machine has it. */
const SHARED = '/work/shared/corpus';

/** Outline and findings of a file checked as the CLI does (once) and as the editor does. */
function analysed(text: string, once: boolean): string {
  const ws = new Workspace(undefined, { once });
  ws.update('lesson.md', text);
  return JSON.stringify({ outline: ws.outlineJson('lesson.md'), findings: ws.lint('lesson.md') });
}

test('skipping fenced code gives the tree of a whole parse on every Markdown file here', () => {
  const files = markdownFiles();
  assert.ok(files.length > 100, `only ${files.length} files found under ${root}`);
  let bytes = 0;
  let carpentries = 0;
  let carpentriesSkipped = 0;
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    assert.equal(tree(text, true), tree(text, false), path.relative(root, f));
    bytes += skipped(text);
    if (f.includes(`${path.sep}carpentries${path.sep}`)) {
      carpentries += text.length;
      carpentriesSkipped += skipped(text);
    }
  }
  // The fast path is taken: about a sixth of the lessons is code at the top level.
  assert.ok(bytes > 0, 'no code was skipped anywhere');
  assert.ok(
    carpentriesSkipped > carpentries / 10,
    `only ${carpentriesSkipped} of ${carpentries} characters of the lessons skipped`,
  );
});

test('the CLI path (once) gives the outline and findings of the editor path on the corpus', () => {
  let n = 0;
  for (const f of markdownFiles()) {
    if (!/corpus|examples/.test(path.relative(root, f))) continue;
    const text = readFileSync(f, 'utf8');
    assert.equal(analysed(text, true), analysed(text, false), path.relative(root, f));
    n++;
  }
  assert.ok(n > 90, `only ${n} corpus files compared`);
});

test(
  'the shared corpus: the tree of a whole parse, and the outline and findings of the editor path',
  { skip: !existsSync(SHARED) && `no ${SHARED} on this machine` },
  () => {
    const files = markdownFilesUnder(SHARED);
    assert.ok(files.length > 50, `only ${files.length} files in ${SHARED}`);
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      const label = path.relative(SHARED, f);
      assert.equal(tree(text, true), tree(text, false), label);
      assert.equal(analysed(text, true), analysed(text, false), label);
    }
  },
);

/** Fences made awkward, and how many characters the fast path should skip in each. */
const AWKWARD: [string, string, 'some' | 'none'][] = [
  ['empty block', '```\n```', 'some'],
  ['one empty line', '```\n\n```\n', 'some'],
  ['info, meta and trailing spaces', '```js  x  y  \na\r\nb\n```  \nafter', 'some'],
  ['tildes and CRLF', '~~~\r\na\r\n~~~\r\n', 'some'],
  ['CR only', '```\ra\r```\rb', 'some'],
  ['a longer fence holds a shorter one', '````\n```\n````\n', 'some'],
  ['indented opening fence', '   ```\na\n```\n', 'none'],
  ['closing fence indented three spaces', '```\na\n   ```\n', 'some'],
  ['four spaces do not close', '```\na\n    ```\nb\n```\n', 'some'],
  ['a tab does not close', '```\na\n\t```\n```', 'some'],
  ['closing fence with text after it does not close', '```\na\n```   x\n```\n', 'some'],
  ['fence after a list item', '- a\n```\nx\n```\n- b', 'some'],
  ['fence after a block quote', '> q\n```\nx\n```', 'some'],
  ['fence inside an HTML comment', '<!--\n```\nx\n```\n-->\n```\ny\n```\n', 'some'],
  ['fence inside indented code', '    ```\n    a\n```\nb\n```', 'some'],
  ['fence inside front matter', '---\n```\n---\n```\nx\n```\n', 'some'],
  ['U+FEFF after the block', '```\na\n```\n\ufeffb', 'none'],
  ['NUL in the block', '```\na\u0000\n```\nc', 'none'],
  ['unclosed fence', '```\nunclosed\n', 'none'],
  ['backtick in a backtick info string', '```x`y\n```\n', 'none'],
  ['backtick in a tilde info string', '~~~x`y\n~~~\n', 'some'],
  ['three fences', '```\n```\n```\n', 'some'],
  ['entity and escape in the info string', '```&amp; \\x\n```', 'some'],
  ['setext underline after a block', 'a\n```\n```\n===', 'some'],
  ['reference before the block, definition after', 'p [a]\n```\n[a]\n```\n[a]\n\n[a]: /u', 'some'],
  ['definition inside the block is none', '```\n[a]: /x\n```\n[a]', 'some'],
  ['definition in a list (not guessed from the lines)', '- [a]: /x\n\n```\nq\n```\n[a]', 'some'],
  ['definition label over two lines', '[a\nb]: /x\n```\n```\n[a b]', 'some'],
  ['BOM and a fence', '\ufeff```\nx\n```\n[y]\n', 'some'],
];

for (const [label, text, expected] of AWKWARD) {
  test(`skipping fenced code gives the tree of a whole parse: ${label}`, () => {
    assert.equal(tree(text, true), tree(text, false));
    const n = skipped(text);
    if (expected === 'none') assert.equal(n, 0, 'nothing should be skipped');
    else assert.ok(n > 0, 'the block should be skipped');
  });
}

// On generated outlines: the property skipped-fences-equal-whole (test/support/properties.ts),
// run by properties.test.ts and `npm run fuzz`.

/** Lines that open, continue or close blocks, mixed at random: fences (real and not), headings,
 * HTML blocks and comments, lists, quotes, definitions, lazy lines, U+FEFF, NUL, with LF, CRLF
 * or CR. Where a fence is not what it looks like, the fast path must see it. */
const LINE = fc.constantFrom(
  '# A',
  '## B ##',
  '#',
  '#x',
  '  # C',
  '```',
  '~~~',
  '````py',
  'code',
  '<!--',
  '-->',
  '<div>',
  '</div>',
  '<script>',
  '</script>',
  '- item',
  '1. step',
  '  continued',
  '    indented',
  '> quote',
  'text [a] and *em*',
  '[a]: /u',
  '[a]:',
  '===',
  '---',
  '',
  '\ufeff# D',
  '```x`',
  '   ```',
  '\t```',
  'a\u0000b',
);
const soup = fc
  .tuple(fc.array(LINE, { maxLength: 30 }), fc.constantFrom('\n', '\r\n', '\r'))
  .map(([lines, eol]) => lines.join(eol));

test('fenced code read without the parser: the tree of a whole parse on random lines', () => {
  const seed = Number(process.env.BLOOMLINE_PROPERTY_SEED ?? 20261202);
  fc.assert(
    fc.property(soup, (text) => {
      assert.equal(tree(text, true), tree(text, false));
    }),
    { numRuns: 3000, seed },
  );
});
