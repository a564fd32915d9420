// The bundles parse with mdast-util-from-markdown's `compile` patched at build time
// (scripts/mdast-compile-patch.mjs: one context object, not a copy per parser event; the parser
// and compiler set up once per set of extensions, what a parse writes made new). The tests
// here bundle the package with the same esbuild plugin and compare its trees, positions
// included, with the package's own on every Markdown file of the corpus, examples, fixtures and
// docs (and the shared corpus where this machine has it), with and without front matter, and on
// random lines; and check that the patch refuses a loop it does not know.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import fc from 'fast-check';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatter } from 'micromark-extension-frontmatter';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { markdownFilesUnder } from '../support/markdown-files.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const BUNDLE = path.join(root, 'dist', 'bloomline.cjs');

type FromMarkdown = typeof fromMarkdown;

interface PatchModule {
  patchCompile(source: string): string;
  mdastCompilePatch: { name: string; setup(build: unknown): void };
}

async function patchModule(): Promise<PatchModule> {
  const url = pathToFileURL(path.join(root, 'scripts', 'mdast-compile-patch.mjs')).href;
  return (await import(url)) as PatchModule;
}

/** fromMarkdown as the bundles have it: the package bundled with the patch. */
async function patchedFromMarkdown(): Promise<FromMarkdown> {
  const { mdastCompilePatch } = await patchModule();
  const out = await build({
    stdin: {
      contents: "export { fromMarkdown } from 'mdast-util-from-markdown';",
      resolveDir: root,
      loader: 'js',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    write: false,
    logLevel: 'silent',
    plugins: [mdastCompilePatch as never],
  });
  const text = out.outputFiles[0]!.text;
  assert.match(text, /context\.sliceSerialize = /, 'the bundle is not patched');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bloomline-mdast-patch-'));
  try {
    const file = path.join(dir, 'from-markdown.mjs');
    writeFileSync(file, text);
    return ((await import(pathToFileURL(file).href)) as { fromMarkdown: FromMarkdown })
      .fromMarkdown;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function markdownFiles(): string[] {
  const dirs = ['test/corpus', 'test/fixtures', 'examples', 'docs'].map((d) => path.join(root, d));
  if (existsSync('/work/shared/corpus')) dirs.push('/work/shared/corpus');
  return markdownFilesUnder(...dirs);
}

const withFrontMatter = {
  extensions: [frontmatter(['yaml'])],
  mdastExtensions: [frontmatterFromMarkdown(['yaml'])],
};

function trees(parse: FromMarkdown, text: string): string {
  return JSON.stringify([parse(text), parse(text, withFrontMatter)]);
}

test('the patched compile gives the trees of mdast-util-from-markdown on every Markdown file here', async () => {
  const patched = await patchedFromMarkdown();
  const files = markdownFiles();
  assert.ok(files.length > 100, `only ${files.length} files found`);
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    assert.equal(trees(patched, text), trees(fromMarkdown, text), path.relative(root, f));
  }
});

const LINE = fc.constantFrom(
  '# A',
  'Setext',
  '===',
  '---',
  '```js x',
  '~~~',
  'code',
  '    indented',
  '<!-- c -->',
  '<div>',
  '- item [a] *em* **strong** `code`',
  '1. step <https://x.y> ![i](u "t")',
  '  continued\\',
  '> quote  ',
  '[a]: /u "title"',
  'text &amp; &#35; \\* [l](/u) [a][] [a]',
  'a_b_ *a **b** c* <span>x</span>',
  '',
  '\t- tab',
);

test('the patched compile gives the trees of mdast-util-from-markdown on random lines', async () => {
  const patched = await patchedFromMarkdown();
  const seed = Number(process.env.BLOOMLINE_PROPERTY_SEED ?? 20261202);
  fc.assert(
    fc.property(
      fc.tuple(fc.array(LINE, { maxLength: 25 }), fc.constantFrom('\n', '\r\n')),
      ([lines, eol]) => {
        const text = lines.join(eol);
        assert.equal(trees(patched, text), trees(fromMarkdown, text));
      },
    ),
    { numRuns: 500, seed },
  );
});

test('parses one after another are each the parse of their text alone: nothing of a parse is kept', async () => {
  // The patched fromMarkdown keeps the parser and the compiler of a set of extensions; what a
  // parse writes is made new for each. Each pair: a text that leaves something behind, then a
  // text whose tree that would change.
  const patched = await patchedFromMarkdown();
  const pairs: [string, string][] = [
    // The definitions seen (micromark's parser.defined): [a] would be a link reference.
    ['[a]: /u\n', 'x [a] [a][] ![a]\n'],
    ['---\ntitle: t\n---\n[a]: /u\n', '[a]\n\n---\nb: 1\n---\n'],
    // The lazy lines (parser.lazy): line 2 was lazy, and the fence would end there.
    ['- x\nlazy', '```\n> a'],
    ['> a\nb\n> c\nd', '~~~\n> x\n> y\n'],
  ];
  for (const [before, text] of pairs) {
    trees(patched, before);
    assert.equal(trees(patched, text), trees(fromMarkdown, text), JSON.stringify([before, text]));
  }
});

test('a parse started while another runs with the same extensions gets a parser of its own', async () => {
  // A syntax extension whose construct parses another text while the outer text is being
  // tokenized (before the outer definition is read): with the kept parser, the inner parse
  // would reset and fill the outer parse's definitions, and "[b]" would resolve outside.
  const patched = await patchedFromMarkdown();
  const reentrant = (parse: FromMarkdown) => {
    let depth = 0;
    const extension = {
      flowInitial: {
        null: {
          tokenize(_effects: unknown, _ok: unknown, nok: unknown) {
            if (depth === 0) {
              depth++;
              parse('[b]: /v\n', options);
              depth--;
            }
            return nok;
          },
        },
      },
    };
    const options = { extensions: [extension as never] };
    return options;
  };
  const text = '[a]: /u\n\n[a] [b]\n';
  assert.equal(
    JSON.stringify(patched(text, reentrant(patched))),
    JSON.stringify(fromMarkdown(text, reentrant(fromMarkdown))),
  );
  assert.equal(JSON.stringify(patched(text)), JSON.stringify(fromMarkdown(text)));
});

test('the patch refuses a compile loop it does not know (an upgraded package)', async () => {
  const { patchCompile } = await patchModule();
  const source = readFileSync(
    path.join(root, 'node_modules', 'mdast-util-from-markdown', 'lib', 'index.js'),
    'utf8',
  );
  assert.notEqual(patchCompile(source), source);
  assert.throws(
    () => patchCompile(source.replace('sliceSerialize: events[index][2]', 'sliceSerialize: e')),
    /was the package upgraded/,
  );
  assert.throws(() => patchCompile(''), /was the package upgraded/);
});

test(
  'the command bundle is built with the patch',
  { skip: !existsSync(BUNDLE) && 'not built' },
  () => {
    const bundle = readFileSync(BUNDLE, 'utf8');
    assert.match(bundle, /context\.sliceSerialize = events\[index\d*\]\[2\]\.sliceSerialize;/);
    assert.doesNotMatch(bundle, /\.\.\.context,\s*sliceSerialize/);
    assert.match(bundle, /const setup = bloomlineSetup\(options\);/);
  },
);
