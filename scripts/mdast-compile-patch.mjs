// A build-time patch of mdast-util-from-markdown's `compile` (lib/index.js), applied by esbuild
// to the bundles that parse Markdown (scripts/build.mjs). `compile` calls each token's handler
// with a new object, `{...context, sliceSerialize}`, for every event of the parse: on the
// Carpentries catalogue that loop was 10% of `check`'s CPU samples, and the objects add to the
// garbage collector's work (BENCHMARKS.md, "Parsing less of a catalogue"). The patch sets
// `sliceSerialize` on the one context object instead and calls the handlers with it. That is
// the same for every handler of the package and of mdast-util-frontmatter: none keeps `this`
// or sets a property on it (they write through `this.stack`, `this.tokenStack` and `this.data`,
// objects the spread shared anyway). test/unit/mdast-compile-patch.test.ts compares the patched
// parser's trees with the package's own on every Markdown file of the corpus and on random
// lines, and fails if an upgrade of the package changes the code the patch replaces: the build
// then fails too, rather than ship an unpatched or wrongly patched parser.
import { readFile } from 'node:fs/promises';

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

/** The patched source of mdast-util-from-markdown/lib/index.js; throws if the loop it replaces
 * is not there exactly once. */
export function patchCompile(source) {
  const at = source.indexOf(ORIGINAL);
  if (at < 0 || source.indexOf(ORIGINAL, at + 1) >= 0) {
    throw new Error(
      'mdast-compile-patch: the compile loop of mdast-util-from-markdown/lib/index.js is not the one the patch replaces (was the package upgraded?): review scripts/mdast-compile-patch.mjs',
    );
  }
  return source.slice(0, at) + PATCHED + source.slice(at + ORIGINAL.length);
}

/** The esbuild plugin. */
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
  },
};
