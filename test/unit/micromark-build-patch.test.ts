// micromark as the bundles have it (scripts/micromark-build-patch.mjs, applied by the esbuild
// plugin of scripts/mdast-compile-patch.mjs): an interrupt attempt runs with a view object
// instead of Object.create(context), the fields constructs add to a tokenizer's context are
// declared up front, and subtokenize keeps its jumps in a Map. The tests bundle micromark with
// the plugin and compare its events (every token's type and place, in order) with the package's
// own on every Markdown file here and on random texts made of lines that interrupt paragraphs;
// check that every context the parser makes has the declared fields only, in one order (one
// shape for V8, the point of the patch, and no field the view cannot read); that a construct run
// in an interrupt sees the context live and writes to a view of its own, as with the prototype;
// and that the patch refuses code it does not know.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import fc from 'fast-check';
import { parse, postprocess, preprocess } from 'micromark';
import { frontmatter } from 'micromark-extension-frontmatter';
import { markdownFilesUnder } from '../support/markdown-files.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const BUNDLE = path.join(root, 'dist', 'bloomline.cjs');

interface Micromark {
  parse: typeof parse;
  postprocess: typeof postprocess;
  preprocess: typeof preprocess;
}

interface PatchModule {
  CONTEXT_FIELDS: string[];
  patchTokenizer(source: string): string;
  patchSubtokenize(source: string): string;
  patchCharacter(source: string): string;
}

interface PluginModule {
  mdastCompilePatch: { name: string; setup(build: unknown): void };
}

const scriptUrl = (name: string) => pathToFileURL(path.join(root, 'scripts', name)).href;

/** micromark bundled with the bundles' plugin. */
async function patchedMicromark(): Promise<Micromark> {
  const { mdastCompilePatch } = (await import(
    scriptUrl('mdast-compile-patch.mjs')
  )) as PluginModule;
  const out = await build({
    stdin: {
      contents: "export { parse, postprocess, preprocess } from 'micromark';",
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
  assert.match(text, /new BloomlineInterruptView\(context\)/, 'the tokenizer is not patched');
  assert.match(text, /jumps\.has\(index\)/, 'subtokenize is not patched');
  assert.doesNotMatch(text, /Object\.create\(context\)/);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bloomline-micromark-patch-'));
  try {
    const file = path.join(dir, 'micromark.mjs');
    writeFileSync(file, text);
    return (await import(pathToFileURL(file).href)) as Micromark;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const unpatched: Micromark = { parse, postprocess, preprocess };

type Options = Parameters<typeof parse>[0];
const WITH_FRONT_MATTER: Options = { extensions: [frontmatter(['yaml'])] };

function eventsOf(m: Micromark, text: string, options?: Options) {
  return m.postprocess(
    m
      .parse(options)
      .document()
      .write(m.preprocess()(text, undefined, true)),
  );
}

/** Every event as its kind, token type and place: what the tree builder reads of it. */
function serialise(m: Micromark, text: string, options?: Options): string {
  return eventsOf(m, text, options)
    .map(
      ([kind, token]) =>
        `${kind} ${token.type} ${token.start.offset}:${token.start.line}:${token.start.column}` +
        `-${token.end.offset}:${token.end.line}:${token.end.column}`,
    )
    .join('\n');
}

function markdownFiles(): string[] {
  const dirs = ['test/corpus', 'test/fixtures', 'examples', 'docs'].map((d) => path.join(root, d));
  if (existsSync('/work/shared/corpus')) dirs.push('/work/shared/corpus');
  return markdownFilesUnder(...dirs);
}

test('patched micromark gives the events of the package on every Markdown file here', async () => {
  const patched = await patchedMicromark();
  const files = markdownFiles();
  assert.ok(files.length > 100, `only ${files.length} files found`);
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    for (const options of [undefined, WITH_FRONT_MATTER]) {
      assert.equal(
        serialise(patched, text, options),
        serialise(unpatched, text, options),
        path.relative(root, f),
      );
    }
  }
});

// Paragraph lines and everything that may interrupt one (or only seem to), in lists and quotes,
// lazy or not: content.js's interrupt check runs on every continuation line.
const LINE = fc.constantFrom(
  'text',
  'more text *a* [b]',
  '# heading',
  '#not a heading',
  '***',
  '- - -',
  '===',
  '---',
  '```',
  '~~~ js',
  '    indented',
  '<div>',
  '<!-- c',
  '-->',
  '<span>x</span>',
  '- item',
  '  continued',
  '1. first',
  '2) second',
  '> quote',
  '> # quoted heading',
  '>     quoted code',
  '[a]: /u',
  '',
  '\t- tab',
);

test('patched micromark gives the events of the package on random texts of interrupting lines', async () => {
  const patched = await patchedMicromark();
  const seed = Number(process.env.BLOOMLINE_PROPERTY_SEED ?? 20261202);
  fc.assert(
    fc.property(
      fc.tuple(fc.array(LINE, { maxLength: 30 }), fc.constantFrom('\n', '\r\n')),
      ([lines, eol]) => {
        const text = lines.join(eol);
        for (const options of [undefined, WITH_FRONT_MATTER])
          assert.equal(serialise(patched, text, options), serialise(unpatched, text, options));
      },
    ),
    { numRuns: 1000, seed },
  );
});

test('every tokenizer context has the declared fields, in one order, and no other (one shape, and nothing the interrupt view misses)', async () => {
  const { CONTEXT_FIELDS } = (await import(scriptUrl('micromark-build-patch.mjs'))) as PatchModule;
  const patched = await patchedMicromark();
  const shapes = new Set<string>();
  let contexts = 0;
  const texts = markdownFiles().map((f) => readFileSync(f, 'utf8'));
  texts.push('- a\n  b\n> c\nd\n# e\n***\n[x]: /u\n![i][x] *f* `g`');
  for (const text of texts) {
    const seen = new Set<object>();
    for (const [, , context] of eventsOf(patched, text, WITH_FRONT_MATTER)) {
      if (seen.has(context)) continue;
      seen.add(context);
      contexts++;
      const keys = Object.keys(context);
      for (const k of keys) assert.ok(CONTEXT_FIELDS.includes(k), `a context has field ${k}`);
      shapes.add(keys.join(','));
    }
  }
  assert.ok(contexts > 1000, `only ${contexts} contexts`);
  assert.deepEqual([...shapes], [shapes.values().next().value], 'contexts of several shapes');
  // The package's own contexts differ in shape (fields added as constructs run): the check above
  // can fail.
  const own = new Set<string>();
  for (const [, , context] of eventsOf(unpatched, texts[texts.length - 1]!))
    own.add(Object.keys(context).join(','));
  assert.ok(own.size > 1, 'the package made contexts of one shape: is it still unpatched?');
});

test('a construct run in an interrupt reads the context live and writes to its own view, as with a prototype', async () => {
  const patched = await patchedMicromark();
  /** A flow construct on "!" that notes what it sees, in an interrupt or not, then fails. */
  const observe = (log: unknown[]): Options => ({
    extensions: [
      {
        flow: {
          33: {
            tokenize(this: Record<string, unknown>, _effects: unknown, _ok: unknown, nok: unknown) {
              const events = this.events as unknown[];
              log.push([
                this.interrupt === true,
                this.previous,
                events.length,
                typeof this.now,
                this.parser === undefined,
                // Written in an earlier interrupt: seen here only if the write reached the context.
                this._labelStarts,
              ]);
              if (this.interrupt) {
                // Writes shadow the context's fields: the context itself keeps its own.
                this.previous = 'written';
                this._labelStarts = 'written';
                this.extra = 1;
                log.push([this.previous, this._labelStarts, this.extra]);
              }
              return nok;
            },
          },
        },
      } as never,
    ],
  });
  const text = 'para\n! line\n!\n\n! alone\n- item\n  ! in item\n> q\n> ! in quote\n';
  const a: unknown[] = [];
  const b: unknown[] = [];
  const ea = serialise(patched, text, observe(a));
  const eb = serialise(unpatched, text, observe(b));
  assert.equal(ea, eb);
  assert.deepEqual(a, b);
  assert.ok(
    a.some((e) => Array.isArray(e) && e[0] === true),
    'no interrupt was tried',
  );
});

test('patched unicodePunctuation answers as the package does for every code point', async () => {
  const { patchCharacter } = (await import(scriptUrl('micromark-build-patch.mjs'))) as PatchModule;
  const file = path.join(root, 'node_modules', 'micromark-util-character', 'index.js');
  const source = readFileSync(file, 'utf8');
  const patched = patchCharacter(source);
  assert.notEqual(patched, source);
  assert.throws(
    () => patchCharacter(source.replace('\\p{S}/u', '\\p{S}/v')),
    /was the package upgraded/,
  );
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bloomline-character-patch-'));
  try {
    const copy = path.join(dir, 'character.mjs');
    writeFileSync(copy, patched);
    const mine = (await import(
      pathToFileURL(copy).href
    )) as typeof import('micromark-util-character');
    const theirs = (await import(
      pathToFileURL(file).href
    )) as typeof import('micromark-util-character');
    assert.notEqual(mine.unicodePunctuation, theirs.unicodePunctuation);
    for (const code of [null, -5, -4, -3, -2, -1])
      assert.equal(mine.unicodePunctuation(code), theirs.unicodePunctuation(code), String(code));
    for (let code = 0; code <= 0x10ffff; code++)
      if (mine.unicodePunctuation(code) !== theirs.unicodePunctuation(code))
        assert.fail(`unicodePunctuation(${code}) differs`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the patch refuses micromark code it does not know (an upgraded package)', async () => {
  const { patchTokenizer, patchSubtokenize } = (await import(
    scriptUrl('micromark-build-patch.mjs')
  )) as PatchModule;
  const tokenizer = readFileSync(
    path.join(root, 'node_modules', 'micromark', 'lib', 'create-tokenizer.js'),
    'utf8',
  );
  const subtokenize = readFileSync(
    path.join(root, 'node_modules', 'micromark-util-subtokenize', 'index.js'),
    'utf8',
  );
  assert.notEqual(patchTokenizer(tokenizer), tokenizer);
  assert.notEqual(patchSubtokenize(subtokenize), subtokenize);
  assert.throws(
    () => patchTokenizer(tokenizer.replace('Object.create(context)', 'Object.create(ctx)')),
    /was the package upgraded/,
  );
  assert.throws(
    () => patchSubtokenize(subtokenize.replace('const gaps = {}', 'const gaps = new Map()')),
    /was the package upgraded/,
  );
  assert.throws(() => patchTokenizer(''), /was the package upgraded/);
});

test(
  'the command bundle is built with the micromark patches',
  { skip: !existsSync(BUNDLE) && 'not built' },
  () => {
    const bundle = readFileSync(BUNDLE, 'utf8');
    assert.match(bundle, /new BloomlineInterruptView\(context\)/);
    assert.doesNotMatch(bundle, /Object\.assign\(Object\.create\(context\), fields\)/);
    assert.match(bundle, /jumps\.has\(index\d*\)/);
    assert.match(bundle, /unicodePunctuationPattern \?\?=/);
  },
);
