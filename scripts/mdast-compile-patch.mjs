// A build-time patch of mdast-util-from-markdown (lib/index.js), applied by esbuild to the
// bundles that parse Markdown (scripts/build.mjs). Two changes, each the same trees for less work:
//
// 1. `compile` called each token's handler with a new object, `{...context, sliceSerialize}`, for
//    every event of the parse: on the Carpentries catalogue that loop was 10% of `check`'s CPU
//    samples, and the objects add to the garbage collector's work (BENCHMARKS.md, "Parsing less
//    of a catalogue"). The patch sets `sliceSerialize` on the one context object instead and
//    calls the handlers with it. That is the same for every handler of the package and of
//    mdast-util-frontmatter: none keeps `this` or sets a property on it (they write through
//    `this.stack`, `this.tokenStack` and `this.data`, objects the spread shared anyway).
// 2. `fromMarkdown` set the parser up again on every call: micromark's `parse` combined the
//    syntax extensions with the default constructs (`combineExtensions`, a copy of every
//    construct table) and the tree builder made its handler table (about a hundred closures) and
//    merged the extensions' handlers into it. Bloomline parses a lesson in segments (a call per
//    segment between code blocks), so that set-up was about 5% of `check`'s CPU on the catalogue
//    (BENCHMARKS.md, "One parser set-up"). The patch makes both once per set of extensions (the
//    same extension objects, in the same order) and keeps them; what a parse changes is made
//    new for every call: micromark's `parser.defined` (the definitions seen) and `parser.lazy`
//    (lazy lines), and the tree builder's `data` (what its handlers note between events). Those
//    are the only fields of either that a parse writes; the construct tables and the handler
//    table are only read. A call made while another parse with the same set-up is running (an
//    extension's handler parsing again) gets a set-up of its own, as before.
//
// test/unit/mdast-compile-patch.test.ts compares the patched parser's trees with the package's
// own on every Markdown file of the corpus and on random texts parsed one after another (a
// definition, a lazy line or a front matter left over from one parse would change the next),
// and fails if an upgrade of the package changes the code the patch replaces: the build then
// fails too, rather than ship an unpatched or wrongly patched parser.
import { readFile } from 'node:fs/promises';
import { MICROMARK_PATCHES } from './micromark-build-patch.mjs';

/** The loop as mdast-util-from-markdown 2.1.0 writes it. */
const ORIGINAL = `    while (++index < events.length) {
      const handler = config[events[index][0]];
      if (events[index][0] === 'enter' && config.beforeEnter.length > 0) {
        callListeners(config.beforeEnter, {
          ...context,
          sliceSerialize: events[index][2].sliceSerialize
        }, events[index][1]);
      }
      if (own.call(handler, events[index][1].type)) {
        // Note: spread first, V8 has optimizations for object shape cloning.
        handler[events[index][1].type].call({
          ...context,
          sliceSerialize: events[index][2].sliceSerialize
        }, events[index][1]);
      }
      if (events[index][0] === 'exit' && config.afterExit.length > 0) {
        callListeners(config.afterExit, {
          ...context,
          sliceSerialize: events[index][2].sliceSerialize
        }, events[index][1]);
      }
    }`;

const PATCHED = `    while (++index < events.length) {
      const handler = config[events[index][0]];
      // Bloomline (scripts/mdast-compile-patch.mjs): one context, not a copy per event.
      context.sliceSerialize = events[index][2].sliceSerialize;
      if (events[index][0] === 'enter' && config.beforeEnter.length > 0) {
        callListeners(config.beforeEnter, context, events[index][1]);
      }
      if (own.call(handler, events[index][1].type)) {
        handler[events[index][1].type].call(context, events[index][1]);
      }
      if (events[index][0] === 'exit' && config.afterExit.length > 0) {
        callListeners(config.afterExit, context, events[index][1]);
      }
    }`;

/** `fromMarkdown` as mdast-util-from-markdown 2.1.0 writes it. */
const ORIGINAL_FROM_MARKDOWN = `export function fromMarkdown(value, encoding, options) {
  if (encoding && typeof encoding === 'object') {
    options = encoding;
    encoding = undefined;
  }
  return compiler(options)(postprocess(parse(options).document().write(preprocess()(value, encoding, true))));
}`;

const PATCHED_FROM_MARKDOWN = `export function fromMarkdown(value, encoding, options) {
  if (encoding && typeof encoding === 'object') {
    options = encoding;
    encoding = undefined;
  }
  // Bloomline (scripts/mdast-compile-patch.mjs): the parser and the compiler set up once per set
  // of extensions; what a parse writes (parser.defined, parser.lazy, the compiler's data) is new.
  const setup = bloomlineSetup(options);
  if (setup.busy) {
    return compiler(options)(postprocess(parse(options).document().write(preprocess()(value, encoding, true))));
  }
  setup.busy = true;
  try {
    const parser = setup.parser;
    parser.defined = [];
    parser.lazy = {};
    return setup.compile(postprocess(parser.document().write(preprocess()(value, encoding, true))));
  } finally {
    setup.busy = false;
  }
}

/** Set-ups made so far, the newest last (a few: one per set of extensions used). */
const bloomlineSetups = [];

function bloomlineSetup(options) {
  const extensions = (options && options.extensions) || [];
  const mdastExtensions = (options && options.mdastExtensions) || [];
  for (const setup of bloomlineSetups) {
    if (bloomlineSame(setup.extensions, extensions) && bloomlineSame(setup.mdastExtensions, mdastExtensions)) {
      return setup;
    }
  }
  const setup = {
    extensions: [...extensions],
    mdastExtensions: [...mdastExtensions],
    parser: parse(options),
    compile: compiler(options),
    busy: false
  };
  if (bloomlineSetups.length >= 16) bloomlineSetups.shift();
  bloomlineSetups.push(setup);
  return setup;
}

function bloomlineSame(a, b) {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}`;

/** The compile context's `data` as the package writes it: made once per compiler. */
const ORIGINAL_DATA = `      buffer,
      resume,
      data
    };`;

const PATCHED_DATA = `      buffer,
      resume,
      // Bloomline (scripts/mdast-compile-patch.mjs): the compiler is kept, its data is not.
      data: {}
    };`;

const REPLACEMENTS = [
  ['the compile loop', ORIGINAL, PATCHED],
  ['fromMarkdown', ORIGINAL_FROM_MARKDOWN, PATCHED_FROM_MARKDOWN],
  ["the compile context's data", ORIGINAL_DATA, PATCHED_DATA],
];

/** The patched source of mdast-util-from-markdown/lib/index.js; throws if any code it replaces
 * is not there exactly once. */
export function patchCompile(source) {
  let out = source;
  for (const [what, original, patched] of REPLACEMENTS) {
    const at = out.indexOf(original);
    if (at < 0 || out.indexOf(original, at + 1) >= 0) {
      throw new Error(
        `mdast-compile-patch: ${what} of mdast-util-from-markdown/lib/index.js is not the code the patch replaces (was the package upgraded?): review scripts/mdast-compile-patch.mjs`,
      );
    }
    out = out.slice(0, at) + patched + out.slice(at + original.length);
  }
  return out;
}

/** The esbuild plugin (with micromark's patches, scripts/micromark-build-patch.mjs). */
export const mdastCompilePatch = {
  name: 'mdast-compile-patch',
  setup(build) {
    build.onLoad(
      { filter: /[\\/]mdast-util-from-markdown[\\/]lib[\\/]index\.js$/ },
      async (args) => ({
        contents: patchCompile(await readFile(args.path, 'utf8')),
        loader: 'js',
      }),
    );
    // micromark's tokenizer and subtokenize, fewer shapes and look-ups for V8
    // (scripts/micromark-build-patch.mjs).
    for (const { filter, patch } of MICROMARK_PATCHES) {
      build.onLoad({ filter }, async (args) => ({
        contents: patch(await readFile(args.path, 'utf8')),
        loader: 'js',
      }));
    }
  },
};
