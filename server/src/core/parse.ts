// Parses Markdown with remark-parse (plus front matter), in pieces, with the tree of one whole
// parse as the result. Two things remark does not know are handled here, without changing any
// offset: containers CommonMark lacks (pandoc fenced divs, MyST directives, MkDocs admonitions)
// are found line by line and their fences masked before parsing (recognise/containers.ts), so
// their bodies parse as Markdown and a closing fence never becomes part of a list item; and a BOM
// is parsed past, with every offset still counted in the original text.
//
// Pieces. micromark keeps every event of what it parses until the end, 100 to 400 bytes of memory
// per byte of Markdown (a 19 MB list of objectives took 4.4 GB and died), and some of its work
// grows faster than the text. So the text is parsed in pieces of about PIECE_LENGTH characters,
// cut only where a piece parses alone exactly as it does in the whole text:
// - where a top-level block starts at the start of a line ("root" cut): everything before it is
//   closed, and CommonMark reads the lines after it as at the start of a document;
// - where a new item of a top-level list starts at the start of a line ("item" cut): the piece
//   after it starts with a list, which is joined to the list the piece before ends with (the
//   list's looseness is that of either part: it is decided where items meet, and each part
//   holds the meeting before its first item).
// A cut is checked by parsing the piece with the line after the cut and looking at its last
// node; nothing is assumed from the text. Two things reach across pieces: front matter (never
// cut, and only read where closed, see below) and link reference definitions, which are
// document-wide; the identifiers of all of them are handed to the parse of every piece
// (`seedDefinitions`). A block that cannot be cut and is longer than MAX_BLOCK_LENGTH
// (limits.ts) is declined rather than parsed in one go, and so is a text with more elements
// than maxNodes (limits.ts) allows for its length: the parse stops there (NotAnalysed).
//
// After an edit, only the pieces it touched are parsed again, up to the first old cut that still
// holds after it; the result is the same as a fresh parse (test/unit/chunks.test.ts and the
// properties in test/support/properties.ts check both against one whole parse).
//
// remark-gfm is deliberately not used: the only GFM construct outlines need is the task-list
// checkbox, which the outline builder reads from the item text, and GFM's extensions cost about
// 12% more parse time on a 6,000-objective outline (measured; see BENCHMARKS.md).
import type { List, Root, RootContent } from 'mdast';
import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import {
  CHARS_PER_NODE,
  MAX_BLOCK_LENGTH,
  MAX_NODES_BASE,
  maskDenseInline,
  maskUnclosedHtml,
  maxNodes,
  NotAnalysed,
} from './limits.js';
import { applyEditMapPatch } from './micromark-patch.js';
import { mayHoldContainers, maskContainers, type Div } from './recognise/containers.js';

export type { Div };

export interface Parsed {
  root: Root;
  /** Offset of the parsed text in the original (the number of leading U+FEFF skipped). */
  base: number;
  /** The parsed text: the original without BOM, fence lines of divs replaced. */
  source: string;
  divs: Div[];
  /** The parse in pieces, kept for the next edit. */
  chunks: Chunk[];
  /** Identifiers (as micromark normalises them) of every link reference definition. */
  definitions: string[];
  /** Characters of fenced code read without the parser (`skipFences`). */
  skipped: number;
  /** Nothing of the text was masked, and it holds no container (mayHoldContainers): `source` is
   * the text as it was (less its BOM), and an edit of it can be compared with `source` and have
   * the whole-text scans read only what it changed (textChange). */
  plain: boolean;
}

/**
 * Where a text differs from the one a parse was made of: the code units they share at the start
 * and at the end (not overlapping), counted after the leading U+FEFF (as `source` is). Known
 * only after a `plain` parse with as many leading U+FEFF: the scans of that text then held of
 * its `source`, and each is done again only where the text changed.
 */
export interface TextChange {
  prefix: number;
  suffix: number;
}

export function textChange(previous: Parsed, text: string): TextChange | null {
  if (!previous.plain) return null;
  let base = 0;
  while (text.charCodeAt(base) === 0xfeff) base++;
  if (base !== previous.base) return null;
  const old = previous.source;
  const length = text.length - base;
  const max = Math.min(old.length, length);
  const prefix = sharedAtStart(old, 0, text, base, max);
  const suffix = sharedAtEnd(old, text, max - prefix);
  return { prefix, suffix };
}

/** Code units compared a block at a time (`===` of two slices, compared natively) before one at
 * a time: a code unit at a time, the common prefix and suffix of a long outline's text with
 * the last one cost an edit about 2 ms (1.6% of its work), a block at a time about 0.15 ms. */
const SHARED_BLOCK = 2048;

/** How many code units `a` from `aFrom` and `b` from `bFrom` share, at most `max`. */
export function sharedAtStart(
  a: string,
  aFrom: number,
  b: string,
  bFrom: number,
  max: number,
): number {
  let n = 0;
  while (
    n + SHARED_BLOCK <= max &&
    a.slice(aFrom + n, aFrom + n + SHARED_BLOCK) === b.slice(bFrom + n, bFrom + n + SHARED_BLOCK)
  )
    n += SHARED_BLOCK;
  while (n < max && a.charCodeAt(aFrom + n) === b.charCodeAt(bFrom + n)) n++;
  return n;
}

/** How many code units `a` and `b` share at their ends, at most `max`. */
export function sharedAtEnd(a: string, b: string, max: number): number {
  const al = a.length;
  const bl = b.length;
  let n = 0;
  while (
    n + SHARED_BLOCK <= max &&
    a.slice(al - n - SHARED_BLOCK, al - n) === b.slice(bl - n - SHARED_BLOCK, bl - n)
  )
    n += SHARED_BLOCK;
  while (n < max && a.charCodeAt(al - 1 - n) === b.charCodeAt(bl - 1 - n)) n++;
  return n;
}

/** A piece of the text, parsed on its own. */
interface Chunk {
  /** Start offset in `source`: a line start (or 0). */
  start: number;
  /** The next chunk's start, or the end of the text. */
  end: number;
  /** Root-level nodes, positions absolute in `source`. */
  nodes: RootContent[];
  /** The chunk starts with a new item of the list the previous chunk ends with ("item" cut):
   * its first node is that list's continuation. */
  joins: boolean;
  /** Identifiers of the definitions in this chunk. */
  definitions: string[];
  /** Nodes in this chunk (all levels). */
  count: number;
  /** The bases its nodes' positions are counted from (Place): moved, they move the chunk. No
   * other chunk's node counts from one of them. */
  bases: Base[];
}

/** Pieces are about this long: a cut is looked for from here on. */
const PIECE_LENGTH = 4 * 1024;

export interface ParseOptions {
  /** One parse of the whole text, no pieces (tests compare the pieces with it). */
  whole?: boolean;
  /** With `whole`: the text is parsed once and never edited (the CLI), and fenced code blocks at
   * the top level are read without the parser (see parseSkippingFences); the tree is the same. */
  skipFences?: boolean;
  /** Piece length (tests make it tiny, so that cuts are tried everywhere). */
  pieceLength?: number;
  /** textChange(previous, text), when the caller has found it (else found here). */
  change?: TextChange | null;
}

// ---------------------------------------------------------------------------------------------
// Processors

// Front matter is read only where it is closed. remark-frontmatter tries an opening `---` as
// front matter to the end of the text, and while it tries, micromark opens no list or block
// quote (the attempt is "concrete", like a code fence); when no closing `---` comes, the lines
// are read again as flow content, but the containers are already lost: "---\n# A\n- b" parsed
// whole gave a paragraph "- b" where CommonMark (and a parse in sections) has a list. So a text
// whose front matter is never closed is parsed without the extension, which is CommonMark's
// reading (a thematic break, then the rest) in every path.
//
// Definitions from other pieces: micromark looks a reference's label up in `parser.defined`,
// which its definition construct fills while a parse runs. A construct tried at the start of
// the first line of flow content (before any definition or reference is read: both are read
// after the blocks) puts the identifiers of the whole text there, as a set: micromark's own list
// is searched from the start for every label.
let seeds: ReadonlySet<string> | null = null;

interface MicromarkContext {
  parser: { defined: unknown };
}

const seedConstruct = {
  tokenize(this: MicromarkContext, _effects: unknown, _ok: unknown, nok: unknown) {
    const parser = this.parser;
    if (seeds && !(parser.defined instanceof DefinedSet)) parser.defined = new DefinedSet(seeds);
    return nok;
  },
};

/** What micromark uses of `parser.defined`: push and includes. */
class DefinedSet {
  private readonly own = new Set<string>();
  constructor(private readonly seeded: ReadonlySet<string>) {}
  push(id: string): number {
    this.own.add(id);
    return this.own.size;
  }
  includes(id: string): boolean {
    return this.seeded.has(id) || this.own.has(id);
  }
}

function seedDefinitions(this: Processor): void {
  const data = this.data() as { micromarkExtensions?: unknown[] };
  (data.micromarkExtensions ??= []).push({ flowInitial: { null: seedConstruct } });
}

declare module 'mdast' {
  /** TOML front matter, between "+++" lines (remark-frontmatter's `toml`). */
  interface Toml extends Literal {
    type: 'toml';
  }
  interface FrontmatterContentMap {
    toml: Toml;
  }
  interface RootContentMap {
    toml: Toml;
  }
}

/** YAML between "---" lines, and TOML between "+++" lines (Hugo's own front matter, which its
 * Academic / Wowchemy course themes write on every page). */
const FRONT_MATTER: ('yaml' | 'toml')[] = ['yaml', 'toml'];

const processors = {
  plain: unified().use(remarkParse),
  frontMatter: unified().use(remarkParse).use(remarkFrontmatter, FRONT_MATTER),
  plainSeeded: unified().use(remarkParse).use(seedDefinitions),
  frontMatterSeeded: unified()
    .use(remarkParse)
    .use(remarkFrontmatter, FRONT_MATTER)
    .use(seedDefinitions),
};

// micromark's `EditMap.consume` copies the whole event list each time a list ends (quadratic in
// the number of lists): parseMarkdown applies the in-place one of micromark-patch.ts first.
export { useOriginalConsume } from './micromark-patch.js';

// ---------------------------------------------------------------------------------------------
// Parsing

/** What one parse of a text needs to know. */
interface Context {
  source: string;
  /** Offset in the original text of `source` (a BOM skipped). */
  base: number;
  /** Where `source` differs from the previous parse's, when both are plain (textChange). */
  change: TextChange | null;
  /** End of the closing fence of the front matter, or -1 when there is none (or it is never
   * closed). No cut comes before it. */
  frontMatterEnd: number;
  /** Identifiers of definitions made elsewhere in the text, or null. */
  seeds: ReadonlySet<string> | null;
  pieceLength: number;
  /** Nodes in the pieces so far, and the most allowed (limits.ts). */
  nodes: number;
  maxNodes: number;
  /** Characters of fenced code read without the parser. */
  skipped: number;
}

/**
 * Parses a document. Given the previous parse of the same document, only the pieces that an edit
 * touched are parsed again, which keeps edit-to-diagnostics time small on long outlines; the
 * result is the same as a whole parse. Throws NotAnalysed for a text with a block that cannot be
 * cut and is longer than MAX_BLOCK_LENGTH, or with more nodes than maxNodes allows.
 */
export function parseMarkdown(text: string, previous?: Parsed, options: ParseOptions = {}): Parsed {
  applyEditMapPatch();
  // micromark skips a BOM at the start of what it parses without counting it; so a second
  // U+FEFF after the BOM would be skipped too and put every offset one off (found by the spans
  // property test). All of them are parsed past.
  let base = 0;
  while (text.charCodeAt(base) === 0xfeff) base++;
  const raw = base ? text.slice(base) : text;
  // The scans of the whole text, done only where it changed after a plain parse of it.
  const change =
    options.change !== undefined
      ? options.change
      : previous && !options.whole
        ? textChange(previous, text)
        : null;
  const changed = change ? { from: change.prefix, to: raw.length - change.suffix } : null;
  const holds = changed ? mayHoldContainers(raw, changed.from, changed.to) : mayHoldContainers(raw);
  const masked = holds ? maskContainers(raw) : { source: raw, divs: [] };
  const divs = masked.divs;
  const html = maskUnclosedHtml(masked.source);
  const source =
    changed && html === raw
      ? maskDenseInline(html, changed.from, changed.to)
      : maskDenseInline(html);
  const plain = !holds && source === raw;
  const ctx: Context = {
    source,
    base,
    change: plain ? change : null,
    frontMatterEnd: frontMatterEnd(source),
    seeds: null,
    pieceLength: Math.max(1, options.pieceLength ?? PIECE_LENGTH),
    nodes: 0,
    maxNodes: maxNodes(text.length),
    skipped: 0,
  };
  let chunks: Chunk[];
  if (options.whole) {
    const nodes = options.skipFences ? parseSkippingFences(ctx) : parseNodes(ctx, 0, source.length);
    chunks = [chunk(0, source.length, nodes, false)];
  } else {
    const reuse =
      previous !== undefined &&
      previous.base === base &&
      frontMatterEnd(previous.source) === ctx.frontMatterEnd;
    if (reuse && previous.definitions.length) ctx.seeds = new Set(previous.definitions);
    chunks = reuse ? reparse(ctx, previous) : cutFrom(ctx, 0, false, null).chunks;
    // Definitions are document-wide: when they are not those the pieces were parsed with, every
    // piece that may hold a reference (a "]") is parsed again with them.
    const definitions = unionOf(chunks);
    const used = ctx.seeds ? [...ctx.seeds].sort() : [];
    if (definitions.join('\n') !== used.join('\n')) {
      ctx.seeds = definitions.length ? new Set(definitions) : null;
      const again = withBrackets(source, chunks).map((has, i) =>
        has ? parseChunkAgain(ctx, chunks[i]!, chunks[i + 1]) : chunks[i]!,
      );
      if (again.every((c) => c !== null)) chunks = again as Chunk[];
      else {
        ctx.nodes = 0;
        chunks = cutFrom(ctx, 0, false, null).chunks;
      }
    }
  }
  const root: Root = {
    type: 'root',
    children: assemble(chunks),
    position: {
      start: { line: 1, column: 1, offset: 0 },
      end: { line: 1, column: 1, offset: source.length },
    },
  };
  return {
    root,
    base,
    source,
    divs,
    chunks,
    definitions: unionOf(chunks),
    skipped: ctx.skipped,
    plain,
  };
}

/**
 * Where the front matter ends (its closing `---` line, as remark-frontmatter reads it), or -1
 * when there is none. An edit that adds, removes or moves front matter changes how the lines
 * in it parse ("# comment" is a heading outside it), across the pieces it spans, so such an
 * edit is not re-parsed piece by piece (found by the incremental property test: deleting
 * two characters before "---" turned a heading into a YAML comment).
 */
function frontMatterEnd(source: string): number {
  const open = /^(---|\+\+\+)[ \t]*(?=\r\n|\r|\n)/.exec(source);
  if (!open) return -1;
  const fence = open[1] === '---' ? '---' : '\\+\\+\\+';
  const close = new RegExp(`(?:\\r\\n|\\r|\\n)${fence}[ \\t]*(?=\\r\\n|\\r|\\n|$)`, 'g');
  close.lastIndex = open[0].length;
  const m = close.exec(source);
  return m ? m.index + m[0].length : -1;
}

/** Parses source[start, end) on its own; positions absolute in `source`. */
function parseNodes(ctx: Context, start: number, end: number): RootContent[] {
  const { source } = ctx;
  const frontMatter = start === 0 && ctx.frontMatterEnd >= 0;
  const processor = ctx.seeds
    ? frontMatter
      ? processors.frontMatterSeeded
      : processors.plainSeeded
    : frontMatter
      ? processors.frontMatter
      : processors.plain;
  seeds = ctx.seeds;
  let root: Root;
  try {
    root = processor.parse(
      start === 0 && end === source.length ? source : source.slice(start, end),
    );
  } finally {
    seeds = null;
  }
  // One base for every node of this parse (a piece's nodes come from one parse, or from several
  // of its parts: chunk() notes each base its nodes hold).
  const base: Base = { d: start };
  for (const n of root.children) compact(n, base);
  return root.children;
}

type Positioned = {
  position?: { start: { offset?: number }; end: { offset?: number } };
  children?: unknown[];
};

/**
 * Where a piece's positions are counted from: a node's offset is its Place's own plus its base's
 * `d`. The nodes of one parse of a piece share one base, so moving a piece after an edit (every
 * piece after it, on a long outline most of the tree) is one write per piece, not one per node.
 */
interface Base {
  d: number;
}

/**
 * A node's position, kept small: two offsets in one object, counted from its piece's base.
 * mdast's is three objects with line and column (relative to the piece here, and used by
 * nothing), and the parse of a long list is mostly positions. Reads like mdast's
 * (`position.start.offset`, absolute) and serialises as its absolute offsets.
 */
class Place {
  constructor(
    public s: number,
    public e: number,
    public b: Base,
  ) {}
  /** Line and column are not kept (readers use offsets): these are placeholders. */
  get start(): { line: number; column: number; offset: number } {
    return { line: 1, column: 1, offset: this.s + this.b.d };
  }
  get end(): { line: number; column: number; offset: number } {
    return { line: 1, column: 1, offset: this.e + this.b.d };
  }
  toJSON(): { start: { offset: number }; end: { offset: number } } {
    return { start: { offset: this.s + this.b.d }, end: { offset: this.e + this.b.d } };
  }
}

const placeOf = (n: { position?: unknown }) => n.position as Place;

/** The start and end offsets of a node's position, read from a Place's fields: its `start` and
 * `end` getters make a new object on every read, and the readers ask for the span of every
 * node they look at (recognise/context.ts, off). Any other position is read as mdast's. */
export function positionStart(p: { start: { offset?: number } } | undefined): number {
  return p instanceof Place ? p.s + p.b.d : (p?.start.offset ?? 0);
}
export function positionEnd(p: { end: { offset?: number } } | undefined): number {
  return p instanceof Place ? p.e + p.b.d : (p?.end.offset ?? 0);
}

/** Moves a piece's nodes by `delta` offsets: each of their bases once. */
function shift(bases: readonly Base[], delta: number): void {
  for (const b of bases) b.d += delta;
}

/** Makes a freshly parsed node small, its positions counted from `base`: positions become
 * Places, and child lists lose the spare room they grew while the parser pushed to them. */
function compact(node: Positioned, base: Base): void {
  const stack: Positioned[] = [node];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.position) {
      (n as { position: unknown }).position = new Place(
        n.position.start.offset ?? 0,
        n.position.end.offset ?? 0,
        base,
      );
    }
    if (n.children) {
      n.children = n.children.slice();
      for (const c of n.children) stack.push(c as Positioned);
    }
  }
}

const startOf = (n: { position?: unknown }) => placeOf(n).s + placeOf(n).b.d;
const endOf = (n: { position?: unknown }) => placeOf(n).e + placeOf(n).b.d;

/** A line start (not the middle of a CRLF) whose first character is not white space, nor a
 * U+FEFF (micromark skips one at the start of what it parses, so a piece starting with it would
 * parse differently; found by the pieces property). */
function isCutPoint(source: string, at: number): boolean {
  if (at <= 0 || at >= source.length) return false;
  const prev = source.charCodeAt(at - 1);
  const c = source.charCodeAt(at);
  if (prev !== 10 && prev !== 13) return false;
  if (prev === 13 && c === 10) return false;
  return c !== 32 && c !== 9 && c !== 10 && c !== 13 && c !== 0xfeff;
}

/** The first cut point at or after `from`, or -1. */
function nextCutPoint(source: string, from: number): number {
  let i = Math.max(from, 1);
  const n = source.length;
  while (i < n) {
    if (isCutPoint(source, i)) return i;
    while (i < n && source.charCodeAt(i) !== 10 && source.charCodeAt(i) !== 13) i++;
    if (i >= n) return -1;
    i += source.charCodeAt(i) === 13 && source.charCodeAt(i + 1) === 10 ? 2 : 1;
  }
  return -1;
}

/** Offset of the end of the line that starts at or after `at` (past its line break). */
function lineEndAt(text: string, at: number): number {
  let i = at;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  if (text[i] === '\r' && text[i + 1] === '\n') i++;
  return Math.min(text.length, i + 1);
}

/** A list without its last item (a new node; the parsed one is left alone). */
function withoutLastItem(list: List): List {
  const children = list.children.slice(0, -1);
  const last = children[children.length - 1]!;
  const place = placeOf(list);
  return { ...list, children, position: new Place(place.s, endOf(last) - place.b.d, place.b) };
}

interface Attempt {
  /** Where the piece ends: `c` when the cut holds there, an earlier cut point where a block
   * starts that runs past `c`, or `start` when no cut was found. */
  cut: number;
  /** The nodes of [start, cut). */
  nodes: RootContent[];
  /** The cut is an "item" cut. */
  joins: boolean;
}

/**
 * Parses [start, end of the line at c) and reads where the piece can end (see the top). A cut
 * holds at c only if the line at c also reads the same parsed alone: micromark reads a line that
 * follows an open construct as an "interruption" (after indented code or a link definition,
 * "3. x" is a paragraph, not a list), which a piece starting there would not (found by the pieces
 * property).
 */
function attempt(ctx: Context, start: number, c: number): Attempt {
  const { source } = ctx;
  const none: Attempt = { cut: start, nodes: [], joins: false };
  if (c <= start || !isCutPoint(source, c)) return none;
  const nodes = parseNodes(ctx, start, lineEndAt(source, c));
  const last = nodes[nodes.length - 1];
  if (!last) return none;
  const lastStart = startOf(last);
  if (lastStart === c) {
    return sameAlone(ctx, c, last) ? { cut: c, nodes: nodes.slice(0, -1), joins: false } : none;
  }
  if (last.type === 'list' && last.children.length > 1) {
    const item = last.children[last.children.length - 1]!;
    const itemStart = startOf(item);
    if (itemStart === c) {
      const alone = parseNodes(ctx, c, lineEndAt(source, c))[0];
      return alone?.type === 'list' && same(alone.children[0], item)
        ? { cut: c, nodes: [...nodes.slice(0, -1), withoutLastItem(last)], joins: true }
        : none;
    }
    // The item that runs past c: the piece may end where it starts.
    if (itemStart > start && isCutPoint(source, itemStart)) return attempt(ctx, start, itemStart);
  }
  // The block that runs past c: the piece may end where it starts.
  if (lastStart > start && isCutPoint(source, lastStart)) return attempt(ctx, start, lastStart);
  return none;
}

/** Does the line at c, parsed alone, give exactly `node`? */
function sameAlone(ctx: Context, c: number, node: RootContent): boolean {
  const alone = parseNodes(ctx, c, lineEndAt(ctx.source, c));
  return alone.length === 1 && same(alone[0], node);
}

function same(a: unknown, b: unknown): boolean {
  return a !== undefined && JSON.stringify(a) === JSON.stringify(b);
}

function definitionsIn(nodes: RootContent[]): string[] {
  const out: string[] = [];
  const stack: RootContent[] = [...nodes];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'definition') out.push(micromarkIdentifier(n.identifier));
    else if (n.type === 'list' || n.type === 'listItem' || n.type === 'blockquote')
      for (const c of n.children) stack.push(c as RootContent);
  }
  return out;
}

/** The identifier micromark keeps for a label (mdast's is lowercased). */
function micromarkIdentifier(id: string): string {
  return id
    .replace(/[\t\n\r ]+/g, ' ')
    .replace(/^ | $/g, '')
    .toLowerCase()
    .toUpperCase();
}

function unionOf(chunks: readonly Chunk[]): string[] {
  const all = new Set<string>();
  for (const c of chunks) for (const d of c.definitions) all.add(d);
  return [...all].sort();
}

function chunk(start: number, end: number, nodes: RootContent[], joins: boolean): Chunk {
  let count = 0;
  const bases: Base[] = [];
  let last: Base | null = null;
  const stack: Positioned[] = [...nodes];
  while (stack.length) {
    const n = stack.pop()!;
    count++;
    const p = n.position;
    if (p instanceof Place && p.b !== last) {
      last = p.b;
      if (!bases.includes(last)) bases.push(last);
    }
    if (n.children) for (const c of n.children) stack.push(c as Positioned);
  }
  return { start, end, nodes, joins, definitions: definitionsIn(nodes), count, bases };
}

/** Adds a piece to the count of nodes; past the most allowed, the text is declined. */
function counted(ctx: Context, c: Chunk): Chunk {
  ctx.nodes += c.count;
  // Also what is parsed so far against its own length: a text that is far too dense is declined
  // after a few MB, not after it has all been parsed (the memory the limit is there to save).
  if (ctx.nodes > ctx.maxNodes || ctx.nodes > maxNodes(c.end)) {
    throw new NotAnalysed(
      `Not analysed: the file has more Markdown elements (headings, paragraphs, list items, runs of text) than Bloomline reads for its length: over ${MAX_NODES_BASE.toLocaleString('en')}, and one per ${CHARS_PER_NODE} characters beyond them.`,
      ctx.base + c.start,
    );
  }
  return c;
}

function tooLarge(ctx: Context, start: number): NotAnalysed {
  return new NotAnalysed(
    `Not analysed: a block from here (a code block, paragraph, block quote or list item) is longer than ${MAX_BLOCK_LENGTH / 1024} KB, which Bloomline cannot read in parts.`,
    ctx.base + start,
  );
}

/**
 * Parses the text from `from` (a cut point, or 0) in pieces. `targets`: offsets where an old
 * piece starts whose text is unchanged, in order: they are tried as cuts first, and cutting stops
 * at the first that holds (`resume` is its index, `resumeJoins` the kind of cut).
 */
function cutFrom(
  ctx: Context,
  from: number,
  joins: boolean,
  targets: readonly number[] | null,
): { chunks: Chunk[]; resume: number; resumeJoins: boolean } {
  const { source } = ctx;
  const chunks: Chunk[] = [];
  let start = from;
  let startJoins = joins;
  /** The last cut tried that did not hold for `start` (-1: none). */
  let failed = -1;
  let t = 0;
  for (;;) {
    // Where to try: an old piece's start, else a cut point a piece length on; after a failure,
    // twice as far from `start` as the failed one (so the parses cost twice the piece at most).
    const min = Math.max(
      failed < 0 ? start + 1 : start + 2 * (failed - start),
      ctx.frontMatterEnd + 1,
    );
    let c = -1;
    let isTarget = false;
    if (targets) {
      while (t < targets.length && targets[t]! < min) t++;
      if (t < targets.length) {
        c = targets[t]!;
        isTarget = true;
      }
    }
    if (!isTarget) {
      c = nextCutPoint(source, Math.max(min, start + ctx.pieceLength));
      // Near the end: a nearer cut point, so that the last piece is not parsed in one go.
      if (c < 0 && source.length - start > ctx.pieceLength)
        c = nextCutPoint(source, Math.max(min, ctx.frontMatterEnd + 1));
    }
    if (c < 0) {
      if (source.length - start > MAX_BLOCK_LENGTH) throw tooLarge(ctx, start);
      chunks.push(
        counted(
          ctx,
          chunk(start, source.length, parseNodes(ctx, start, source.length), startJoins),
        ),
      );
      return { chunks, resume: -1, resumeJoins: false };
    }
    const a = attempt(ctx, start, c);
    if (a.cut > start) {
      chunks.push(counted(ctx, chunk(start, a.cut, a.nodes, startJoins)));
      start = a.cut;
      startJoins = a.joins;
      failed = a.cut === c ? -1 : c;
      if (a.cut === c && isTarget) return { chunks, resume: t, resumeJoins: a.joins };
      continue;
    }
    // The block at `start` runs past c.
    if (c - start > MAX_BLOCK_LENGTH) throw tooLarge(ctx, start);
    failed = c;
  }
}

/** After an edit: the pieces it touched are parsed again, up to an old cut that still holds. */
function reparse(ctx: Context, previous: Parsed): Chunk[] {
  const { source } = ctx;
  const old = previous.source;
  const chunks = previous.chunks;
  // The changed range, from the common prefix and suffix of the old and new text.
  // (Found once by textChange when both texts are plain: the same strings compared.)
  const prefix = ctx.change ? ctx.change.prefix : commonPrefix(old, source);
  const suffix = ctx.change ? ctx.change.suffix : commonSuffix(old, source, prefix);
  if (prefix === old.length && prefix === source.length) return chunks;
  const delta = source.length - old.length;
  const changeEnd = old.length - suffix;
  // The first piece the change touches; a change on a piece's first line touches the piece
  // before too (the line may stop starting a block and join the one before).
  let a = 0;
  while (a + 1 < chunks.length && chunks[a + 1]!.start <= prefix) a++;
  if (a > 0 && prefix <= lineEndAt(old, chunks[a]!.start)) a--;
  // Old pieces after the change, with their starts in the new text.
  let b = a + 1;
  while (b < chunks.length && chunks[b]!.start <= changeEnd) b++;
  const targets: number[] = [];
  for (let i = b; i < chunks.length; i++) targets.push(chunks[i]!.start + delta);
  // (A target that is no longer a cut point, its line break gone, never holds: see attempt.)
  for (let i = 0; i < a; i++) ctx.nodes += chunks[i]!.count;
  const cut = cutFrom(ctx, chunks[a]!.start, chunks[a]!.joins, targets);
  if (cut.resume < 0) return [...chunks.slice(0, a), ...cut.chunks];
  const after = chunks.slice(b + cut.resume).map((c, i) => {
    if (delta) shift(c.bases, delta);
    return {
      start: c.start + delta,
      end: c.end + delta,
      nodes: c.nodes,
      joins: i === 0 ? cut.resumeJoins : c.joins,
      definitions: c.definitions,
      count: c.count,
      bases: c.bases,
    };
  });
  for (const c of after) counted(ctx, c);
  return [...chunks.slice(0, a), ...cut.chunks, ...after];
}

// The two scans over the whole text have functions of their own: inside reparse (called once
// per edit, so run from its loop's on-stack compilation) the second loop was reached with no
// type feedback and deoptimised reparse on every edit.

/** How many code units two texts share at their start. */
function commonPrefix(a: string, b: string): number {
  return sharedAtStart(a, 0, b, 0, Math.min(a.length, b.length));
}

/** How many code units two texts share at their end, not counting into their first `prefix`. */
function commonSuffix(a: string, b: string, prefix: number): number {
  return sharedAtEnd(a, b, Math.min(a.length, b.length) - prefix);
}

/** One piece parsed again (with other definitions), ending as its cut says; null if the cut
 * does not hold (it always should: definitions change no block). */
function parseChunkAgain(ctx: Context, c: Chunk, next: Chunk | undefined): Chunk | null {
  if (!next) return chunk(c.start, c.end, parseNodes(ctx, c.start, c.end), c.joins);
  const nodes = parseNodes(ctx, c.start, lineEndAt(ctx.source, next.start));
  const last = nodes.pop();
  if (!last) return null;
  if (next.joins) {
    const item = last.type === 'list' ? last.children[last.children.length - 1] : undefined;
    if (last.type !== 'list' || last.children.length < 2 || startOf(item!) !== next.start)
      return null;
    nodes.push(withoutLastItem(last));
  } else if (startOf(last) !== next.start) return null;
  return chunk(c.start, c.end, nodes, c.joins);
}

/** For each piece: does it hold a "]" (so may hold a reference)? One pass over the text. */
function withBrackets(source: string, chunks: readonly Chunk[]): boolean[] {
  const out: boolean[] = [];
  let next = source.indexOf(']');
  for (const c of chunks) {
    while (next >= 0 && next < c.start) next = source.indexOf(']', next + 1);
    out.push(next >= 0 && next < c.end);
  }
  return out;
}

/** The root's children: the pieces' nodes, a list continued in the next piece joined into one. */
function assemble(chunks: readonly Chunk[]): RootContent[] {
  const out: RootContent[] = [];
  let run: List[] = [];
  const flush = () => {
    if (run.length > 1) {
      const first = run[0]!;
      const last = run[run.length - 1]!;
      out[out.length - 1] = {
        ...first,
        spread: run.some((l) => l.spread),
        children: run.flatMap((l) => l.children),
        // (Its own base: the list is made again by every parse, never moved.)
        position: new Place(startOf(first), endOf(last), { d: 0 }),
      };
    }
    run = [];
  };
  for (const c of chunks) {
    let i = 0;
    if (c.joins && run.length && c.nodes[0]?.type === 'list') {
      run.push(c.nodes[0]);
      i = 1;
      if (c.nodes.length > 1) flush();
    }
    for (; i < c.nodes.length; i++) {
      flush();
      const n = c.nodes[i]!;
      out.push(n);
      if (n.type === 'list' && i === c.nodes.length - 1) run = [n];
    }
  }
  flush();
  return out;
}

// ---------------------------------------------------------------------------------------------
// Fenced code at the top level, read without the parser

/**
 * The tree of one whole parse, with the lines of fenced code blocks at the top level never
 * handed to micromark. A lesson is often a sixth code by its bytes, and micromark tokenises code
 * a character at a time like everything else (its events then built into the tree): on the
 * Carpentries lessons leaving the code out took a quarter of the parse time (BENCHMARKS.md).
 *
 * The text is parsed in segments that end at a fence line; a segment starts where the parser is
 * as at the start of a document: at 0, or after the closing line of a code block at the top
 * level (nothing is open there: no container, paragraph or definition). A fence line is a cut
 * only where the parse of its segment, up to and with that line, ends with a code node starting
 * at it: the parser decides, nothing is assumed from the text. Only the block's end and value
 * are then read from the text, for a fence at column 0 (its lines are its value as they are) that
 * a closing fence line closes (a line of at least as many of the same character, indented by at
 * most three spaces, with only spaces or tabs after them); type, lang, meta and start are those of
 * the node the parser made of the opening line. Link reference definitions reach across segments:
 * the identifiers guessed from the lines are handed to every segment (`seedDefinitions`), and if
 * the definitions parsed are not exactly those, every segment is parsed again with them.
 * test/unit/skip-fences.test.ts compares this with one whole parse.
 */
function parseSkippingFences(ctx: Context): RootContent[] {
  const guess = guessDefinitions(ctx.source);
  ctx.seeds = guess.length ? new Set(guess) : null;
  ctx.skipped = 0;
  let nodes = segments(ctx);
  const found = [...new Set(definitionsIn(nodes))].sort();
  if (found.join('\n') !== guess.join('\n')) {
    // The definitions found do not depend on the seeds (they are blocks; seeds only resolve
    // references): a second pass with them is exact.
    ctx.seeds = found.length ? new Set(found) : null;
    ctx.skipped = 0;
    nodes = segments(ctx);
  }
  return nodes;
}

/** A fence sequence and the rest of its line (at column 0 where the character before it is a
 * line break: checked apart, which lets the search skip to a "`" or "~" quickly). */
const FENCE_LINE = /(`{3,}|~{3,})([^\r\n]*)/g;

/** Fence lines whose verification failed before the rest is parsed in one go (each failure
 * parses its segment so far again). */
const MAX_FENCE_FAILURES = 4;

function segments(ctx: Context): RootContent[] {
  const { source } = ctx;
  const out: RootContent[] = [];
  let start = 0;
  let failures = 0;
  FENCE_LINE.lastIndex = ctx.frontMatterEnd >= 0 ? ctx.frontMatterEnd : 0;
  for (let m = FENCE_LINE.exec(source); m; m = FENCE_LINE.exec(source)) {
    const at = m.index;
    const before = at > 0 ? source.charCodeAt(at - 1) : 10;
    if (before !== 10 && before !== 13) continue;
    const sequence = m[1]!;
    const lineEnd = at + m[0].length;
    // A backtick fence with a backtick in its info string is no fence (CommonMark).
    if (sequence[0] === '`' && m[2]!.includes('`')) continue;
    if (at < start) continue;
    const close = closingFence(source, lineEnd, sequence);
    // An unclosed fence runs to the end: nothing after it is cut.
    if (!close) break;
    const value =
      close.lineStart > close.contentStart
        ? source.slice(close.contentStart, close.lineStart).replace(/(?:\r\n|\r|\n)$/, '')
        : '';
    // The parser reads NUL as U+FFFD, and skips a U+FEFF at the start of what it parses: such
    // a block is left to the parser, and its lines are not tried as fences (at worst a cut is
    // missed). Each segment costs a parse of about a hundred characters, but skipping even the
    // shortest blocks was the fastest on the Carpentries lessons (26% less parse time, against
    // 18% when blocks under 256 characters were left to the parser).
    if (value.includes('\0') || source.charCodeAt(close.next) === 0xfeff) {
      FENCE_LINE.lastIndex = close.next;
      continue;
    }
    const parsed = parseNodes(ctx, start, lineEnd);
    const last = parsed[parsed.length - 1];
    if (last?.type !== 'code' || startOf(last) !== at) {
      if (++failures >= MAX_FENCE_FAILURES) break;
      continue;
    }
    parsed.pop();
    for (const n of parsed) out.push(n);
    last.value = value;
    placeOf(last).e = close.end - placeOf(last).b.d;
    out.push(last);
    ctx.skipped += close.next - lineEnd;
    start = close.next;
    FENCE_LINE.lastIndex = start;
  }
  if (start < source.length) for (const n of parseNodes(ctx, start, source.length)) out.push(n);
  return out;
}

/** The line that closes a fence opened with `sequence`, from the line after `openEnd` (the end
 * of the opening line, before its line break): where the block's value starts, where the closing
 * line starts and its fence ends (trailing spaces included), and the start of the line after it
 * (or the end of the text). Null when no line closes it. */
function closingFence(
  source: string,
  openEnd: number,
  sequence: string,
): { contentStart: number; lineStart: number; end: number; next: number } | null {
  if (openEnd >= source.length) return null;
  const contentStart =
    openEnd + (source.charCodeAt(openEnd) === 13 && source.charCodeAt(openEnd + 1) === 10 ? 2 : 1);
  const re = sequence[0] === '`' ? CLOSE_BACKTICKS : CLOSE_TILDES;
  re.lastIndex = contentStart;
  for (let m = re.exec(source); m; m = re.exec(source)) {
    const before = source.charCodeAt(m.index - 1);
    if ((before !== 10 && before !== 13) || m[1]!.length < sequence.length) continue;
    const end = m.index + m[0].length;
    const next =
      end >= source.length
        ? end
        : end + (source.charCodeAt(end) === 13 && source.charCodeAt(end + 1) === 10 ? 2 : 1);
    return { contentStart, lineStart: m.index, end, next };
  }
  return null;
}

/** A closing fence line's text (at a line start: checked apart, as for FENCE_LINE). */
const CLOSE_BACKTICKS = / {0,3}(`{3,})[ \t]*(?![^\r\n])/g;
const CLOSE_TILDES = / {0,3}(~{3,})[ \t]*(?![^\r\n])/g;

/**
 * Identifiers (as micromark normalises them) of the link reference definitions the lines seem to
 * hold: a line starting (after at most three spaces) with "[label]:". A guess, checked against
 * what the parse finds (a definition in a list, a label over two lines, a line in code).
 */
function guessDefinitions(source: string): string[] {
  if (!source.includes(']:')) return [];
  const out = new Set<string>();
  for (const m of source.matchAll(DEFINITION_LINE)) {
    const id = m[1]!
      .replace(/[\t\n\r ]+/g, ' ')
      .replace(/^ | $/g, '')
      .toLowerCase()
      .toUpperCase();
    if (id) out.add(id);
  }
  return [...out].sort();
}

const DEFINITION_LINE = /(?<![^\r\n]) {0,3}\[((?:[^\\[\]\r\n]|\\[^\r\n]){1,999})\]:/g;
