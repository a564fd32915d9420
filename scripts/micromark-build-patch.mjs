// Build-time patches of micromark's tokenizer machinery, applied by the esbuild plugin of
// scripts/mdast-compile-patch.mjs to the bundles that parse Markdown. Each gives the same events
// (so the same trees) for less work; found by profiling `check` of the Carpentries catalogue
// (BENCHMARKS.md, "Fewer shapes for V8 in micromark's tokenizers"):
//
// 1. micromark/lib/create-tokenizer.js: an `interrupt` attempt (content.js asks whether a flow
//    construct interrupts a paragraph, on every continuation line) ran its construct with
//    `Object.assign(Object.create(context), {interrupt: true})`, a live view of the tokenizer's
//    context. An object used as a prototype gets a map (V8's hidden class) of its own, so every
//    flow tokenizer that ever tried an interrupt had a context of a shape of its own, and the
//    property accesses shared by all tokenizers (`context.previous = code` in `consume`,
//    `context.events` in `enter` and `exit`, and every construct's `self.events`, `self.parser`
//    ...) met thousands of shapes: megamorphic, each a hash look-up. The view is now an object
//    of one class whose getters read the context (live, as the prototype did), with
//    `interrupt: true` of its own; a write to it makes a property of its own, as a write to an
//    object with a prototype does.
// 2. The same file: the context's fields that constructs add later (`interrupt`,
//    `currentConstruct`, `_labelStarts`, `_contentTypeTextTrailing`,
//    `_gfmTasklistFirstContentOfListItem`) are declared, undefined, when it is made, so the
//    contexts of all tokenizers keep one shape instead of one per order of additions. Reading
//    an undeclared field and a declared undefined one give the same value; nothing here
//    enumerates a context or tests a field with `in`.
// 3. micromark-util-subtokenize/index.js: where to jump over expanded content was kept in an
//    object with numeric keys, merged with `Object.assign` for every content chunk and looked
//    up with `in` for every event of every pass: a Map now, filled in place.
// 4. micromark-util-character/index.js: `unicodePunctuation` tested every character, ASCII too,
//    with `/\p{P}|\p{S}/u`, whose two Unicode properties cost ICU look-ups when the pattern is
//    made and compiled, at every start (about 9 M instructions, 1.5% of a cold check of the
//    example; BENCHMARKS.md, "Cold start, sixth round"). An ASCII code is answered by
//    `asciiPunctuation`, the same 32 characters (P and S in ASCII are exactly `[!-/:-@[-`{-~]`;
//    test/unit/micromark-build-patch.test.ts compares the two on every code point), and the
//    pattern is made on the first other code.
//
// test/unit/mdast-compile-patch.test.ts bundles the parser with these patches and compares its
// trees with the packages' own on every Markdown file here and on random texts, and checks that
// every context the parser makes has no field the view cannot read. Like the other patch, each
// replacement must find the code it replaces exactly once, or the build fails (an upgraded
// package is reviewed, not patched blindly).

/** Fields of a tokenizer's context, as micromark 4.0 makes them or constructs add them. The
 * interrupt view reads each of these from the context. */
export const CONTEXT_FIELDS = [
  'code',
  'containerState',
  'currentConstruct',
  'defineSkip',
  'events',
  'interrupt',
  'now',
  'parser',
  'previous',
  'sliceSerialize',
  'sliceStream',
  'write',
  '_contentTypeTextTrailing',
  '_gfmTasklistFirstContentOfListItem',
  '_labelStarts',
];

const viewClass = () => {
  const own = CONTEXT_FIELDS.filter((f) => f !== 'interrupt');
  const accessors = own.map(
    (f) =>
      `  get ${f}() { return this.context.${f}; }\n` +
      `  set ${f}(value) { bloomlineOwn(this, '${f}', value); }\n`,
  );
  return `
// Bloomline (scripts/micromark-build-patch.mjs): the view an interrupt attempt runs its
// construct with: the context's fields read live, \`interrupt\` true, one shape for all.
class BloomlineInterruptView {
  constructor(context) {
    this.context = context;
    this.interrupt = true;
  }
${accessors.join('')}}

/** A write to the view shadows the context's field, as a write to an object with the context as
 * its prototype did. */
function bloomlineOwn(view, field, value) {
  Object.defineProperty(view, field, { value, writable: true, enumerable: true, configurable: true });
}

export function createTokenizer(parser, initialize, from) {`;
};

const TOKENIZER = [
  [
    'the start of createTokenizer',
    'export function createTokenizer(parser, initialize, from) {',
    viewClass(),
  ],
  [
    "the tokenizer's context",
    `  const context = {
    code: null,
    containerState: {},
    defineSkip,`,
    `  const context = {
    code: null,
    containerState: {},
    // Bloomline (scripts/micromark-build-patch.mjs): fields constructs add, declared up front.
    currentConstruct: undefined,
    interrupt: undefined,
    _contentTypeTextTrailing: undefined,
    _gfmTasklistFirstContentOfListItem: undefined,
    _labelStarts: undefined,
    defineSkip,`,
  ],
  [
    'the interrupt view',
    'fields ? Object.assign(Object.create(context), fields) : context, effects, ok, nok)(code);',
    'fields ? new BloomlineInterruptView(context) : context, effects, ok, nok)(code);',
  ],
  // The view is only ever asked for with `{interrupt: true}`.
  [
    'the interrupt hook',
    `    interrupt: constructFactory(onsuccessfulcheck, {
      interrupt: true
    })`,
    `    interrupt: constructFactory(onsuccessfulcheck, {
      interrupt: true
    })`,
  ],
];

const SUBTOKENIZE = [
  [
    'the jumps of subtokenize',
    '  const jumps = {};\n  let index = -1;',
    '  const jumps = new Map();\n  let index = -1;',
  ],
  [
    'the jump look-up',
    `    while (index in jumps) {
      index = jumps[index];
    }`,
    `    while (jumps.has(index)) {
      index = jumps.get(index);
    }`,
  ],
  [
    'the jump merge',
    `        Object.assign(jumps, subcontent(events, index));
        index = jumps[index];`,
    `        subcontent(events, index, jumps);
        index = jumps.get(index);`,
  ],
  [
    'the signature of subcontent',
    'function subcontent(events, eventIndex) {',
    'function subcontent(events, eventIndex, gaps) {',
  ],
  ['the gaps of subcontent', '  const gaps = {};\n', ''],
  [
    'the gaps set',
    '    gaps[adjust + jumps[index][0]] = adjust + jumps[index][1];',
    '    gaps.set(adjust + jumps[index][0], adjust + jumps[index][1]);',
  ],
];

const CHARACTER = [
  [
    'unicodePunctuation',
    'export const unicodePunctuation = regexCheck(/\\p{P}|\\p{S}/u);',
    `/** @type {RegExp | undefined} */
let unicodePunctuationPattern;
/**
 * @param {Code} code
 * @returns {boolean}
 */
export function unicodePunctuation(code) {
  if (code === null || code < 0) return false;
  if (code < 128) return asciiPunctuation(code);
  unicodePunctuationPattern ??= new RegExp('\\\\p{P}|\\\\p{S}', 'u');
  return unicodePunctuationPattern.test(String.fromCharCode(code));
}`,
  ],
];

function apply(file, replacements, source) {
  let out = source;
  for (const [what, original, patched] of replacements) {
    const at = out.indexOf(original);
    if (at < 0 || out.indexOf(original, at + 1) >= 0) {
      throw new Error(
        `micromark-build-patch: ${what} in ${file} is not the code the patch replaces (was the package upgraded?): review scripts/micromark-build-patch.mjs`,
      );
    }
    out = out.slice(0, at) + patched + out.slice(at + original.length);
  }
  return out;
}

/** The patched source of micromark/lib/create-tokenizer.js; throws if any code it replaces is
 * not there exactly once. */
export function patchTokenizer(source) {
  return apply('micromark/lib/create-tokenizer.js', TOKENIZER, source);
}

/** The patched source of micromark-util-subtokenize/index.js; throws likewise. */
export function patchSubtokenize(source) {
  return apply('micromark-util-subtokenize/index.js', SUBTOKENIZE, source);
}

/** The patched source of micromark-util-character/index.js; throws likewise. */
export function patchCharacter(source) {
  return apply('micromark-util-character/index.js', CHARACTER, source);
}

/** The files patched, by path, with their patch (for the esbuild plugin). */
export const MICROMARK_PATCHES = [
  { filter: /[\\/]micromark[\\/]lib[\\/]create-tokenizer\.js$/, patch: patchTokenizer },
  { filter: /[\\/]micromark-util-subtokenize[\\/]index\.js$/, patch: patchSubtokenize },
  { filter: /[\\/]micromark-util-character[\\/]index\.js$/, patch: patchCharacter },
];
