// Parses Markdown once with remark-parse (plus front matter). Two things remark does not know
// are handled here, without changing any offset: containers CommonMark lacks (pandoc fenced
// divs, MyST directives, MkDocs admonitions) are found line by line and their fences masked
// before parsing (recognise/containers.ts), so their bodies parse as Markdown and a closing fence
// never becomes part of a list item; and a BOM is parsed past, with every offset still counted in
// the original text.
//
// remark-gfm is deliberately not used: the only GFM construct outlines need is the task-list
// checkbox, which the outline builder reads from the item text, and GFM's extensions cost about
// 12% more parse time on a 6,000-objective outline (measured; see BENCHMARKS.md).
import type { Root, RootContent } from 'mdast';
import { EditMap } from 'micromark-util-edit-map';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import { maskDenseInline } from './limits.js';
import { maskContainers, type Div } from './recognise/containers.js';

export type { Div };

export interface Parsed {
  root: Root;
  /** Offset of the parsed text in the original (the number of leading U+FEFF skipped). */
  base: number;
  /** The parsed text: the original without BOM, fence lines of divs replaced. */
  source: string;
  divs: Div[];
  /** The parse in pieces that start at top-level headings, kept for the next edit. */
  chunks: Chunk[];
}

/** A piece of the document from one top-level ATX heading to the next, parsed on its own.
 * Such a heading closes every open block, so the piece parses the same alone as in the
 * whole document (checked after each edit, see `reparse`). */
interface Chunk {
  /** Start offset in `source`. */
  start: number;
  end: number;
  /** Root-level nodes, positions absolute in `source`. */
  nodes: RootContent[];
}

// Front matter is read only where it is closed. remark-frontmatter tries an opening `---` as
// front matter to the end of the text, and while it tries, micromark opens no list or block
// quote (the attempt is "concrete", like a code fence); when no closing `---` comes, the lines
// are read again as flow content, but the containers are already lost: "---\n# A\n- b" parsed
// whole gave a paragraph "- b" where CommonMark (and a parse in sections) has a list. So a text
// whose front matter is never closed is parsed without the extension, which is CommonMark's
// reading (a thematic break, then the rest) in every path.
const plainProcessor = unified().use(remarkParse);
const frontMatterProcessor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);

// micromark applies its edits to the event list with `EditMap.consume`, which copies the whole
// list each time; the document tokenizer does so whenever a list or block quote ends and on
// lazy lines, so parse time grew with the square of the number of lists (8,000 short lists,
// 72 KB: 100 s). The edits it makes there are near the end of the list, so applying them in
// place, last first, gives the same events in time proportional to what follows each edit
// (same mdast on every fixture and example, and on generated outlines in
// test/unit/properties.test.ts).
const consumeInPlace = function (this: EditMap, events: unknown[]): void {
  const self = this as unknown as {
    map: [number, number, unknown[]][];
    index: Map<number, unknown>;
  };
  if (self.map.length === 0) return;
  self.map.sort((a, b) => a[0] - b[0]);
  for (let i = self.map.length - 1; i >= 0; i--) {
    const [at, remove, add] = self.map[i]!;
    const start = Math.min(at, events.length);
    if (add.length < 10_000) events.splice(start, remove, ...add);
    else {
      // Not all at once: a spread of that many arguments could overflow the stack.
      events.splice(start, remove);
      for (let k = 0; k < add.length; k += 10_000)
        events.splice(start + k, 0, ...add.slice(k, k + 10_000));
    }
  }
  self.map.length = 0;
  self.index.clear();
};
/** The library's own `consume`, kept for the equivalence test. */
export const originalConsume = EditMap.prototype.consume;
EditMap.prototype.consume = consumeInPlace as typeof EditMap.prototype.consume;
/** For tests: parse with micromark's own `consume` (true) or the in-place one (false). */
export function useOriginalConsume(original: boolean): void {
  EditMap.prototype.consume = original
    ? originalConsume
    : (consumeInPlace as typeof EditMap.prototype.consume);
}

/** Link reference definitions are document-wide; with one, only a whole parse is exact. */
const DEFINITION = /^ {0,3}\[[^\]\n]+\]:/m;

/**
 * Parses a document. Given the previous parse of the same document, only the top-level
 * sections that an edit touched are parsed again, which keeps edit-to-diagnostics time small
 * on long outlines; the result is the same as a whole parse.
 */
export function parseMarkdown(
  text: string,
  previous?: Parsed,
  options: { whole?: boolean } = {},
): Parsed {
  // micromark skips a BOM at the start of what it parses without counting it; so a second
  // U+FEFF after the BOM would be skipped too and put every offset one off (found by the spans
  // property test). All of them are parsed past.
  let base = 0;
  while (text.charCodeAt(base) === 0xfeff) base++;
  const raw = base ? text.slice(base) : text;
  const masked = maskContainers(raw);
  const divs = masked.divs;
  const source = maskDenseInline(masked.source);
  const fm = frontMatterEnd(source);
  const chunks =
    previous &&
    previous.base === base &&
    !DEFINITION.test(source) &&
    frontMatterEnd(previous.source) === fm
      ? reparse(previous, source, fm >= 0)
      : DEFINITION.test(source) || options.whole
        ? splitChunks(parseNodes(source, 0, source.length, fm >= 0), 0, source.length, source)
        : parseInChunks(source, fm);
  const root: Root = {
    type: 'root',
    children: chunks.flatMap((c) => c.nodes),
    position: {
      start: { line: 1, column: 1, offset: 0 },
      end: { line: 1, column: 1, offset: source.length },
    },
  };
  return { root, base, source, divs, chunks };
}

/**
 * Where the front matter ends (its closing `---` line, as remark-frontmatter reads it), or -1
 * when there is none. An edit that adds, removes or moves front matter changes how the lines
 * in it parse ("# comment" is a heading outside it), across the sections it spans, so such an
 * edit is not re-parsed section by section (found by the incremental property test: deleting
 * two characters before "---" turned a heading into a YAML comment).
 */
function frontMatterEnd(source: string): number {
  const open = /^---[ \t]*(?=\r\n|\r|\n)/.exec(source);
  if (!open) return -1;
  const close = /(?:\r\n|\r|\n)---[ \t]*(?=\r\n|\r|\n|$)/g;
  close.lastIndex = open[0].length;
  const m = close.exec(source);
  return m ? m.index + m[0].length : -1;
}

/** Parses source[start, end); `frontMatter`: the text has closed front matter (only a piece
 * that starts the text can start with it). */
function parseNodes(
  source: string,
  start: number,
  end: number,
  frontMatter: boolean,
): RootContent[] {
  const processor = start === 0 && frontMatter ? frontMatterProcessor : plainProcessor;
  const root = processor.parse(
    start === 0 && end === source.length ? source : source.slice(start, end),
  ) as Root;
  if (start !== 0) for (const n of root.children) shift(n, start);
  return root.children;
}

type Positioned = {
  position?: { start: { offset?: number }; end: { offset?: number } };
  children?: unknown[];
};

/** Moves a node and its descendants by `delta` offsets. */
function shift(node: Positioned, delta: number): void {
  const stack: Positioned[] = [node];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.position) {
      if (n.position.start.offset !== undefined) n.position.start.offset += delta;
      if (n.position.end.offset !== undefined) n.position.end.offset += delta;
    }
    if (n.children) for (const c of n.children) stack.push(c as Positioned);
  }
}

/** A top-level ATX heading written at the start of its line. */
function isSplit(node: RootContent, source: string): boolean {
  const at = node.position?.start.offset ?? -1;
  return (
    node.type === 'heading' &&
    at >= 0 &&
    source.charCodeAt(at) === 35 /* # */ &&
    (at === 0 || source[at - 1] === '\n' || source[at - 1] === '\r')
  );
}

function splitChunks(nodes: RootContent[], start: number, end: number, source: string): Chunk[] {
  const chunks: Chunk[] = [];
  let current: Chunk = { start, end, nodes: [] };
  for (const n of nodes) {
    if (isSplit(n, source) && current.nodes.length > 0) {
      const at = n.position!.start.offset!;
      current.end = at;
      chunks.push(current);
      current = { start: at, end, nodes: [] };
    }
    current.nodes.push(n);
  }
  chunks.push(current);
  return chunks;
}

/** Lines that may start a top-level ATX heading: where a chunk may end. */
const CANDIDATE = /(?:^|\r\n|\r|\n)(?=#{1,6}(?:[ \t]|\r|\n|$))/g;

/**
 * The first parse, section by section: the text is cut where a line starts with "#", each piece
 * is parsed on its own, and a cut is kept only where the next piece's first line still parses as
 * a top-level heading after the piece (otherwise the piece takes in the next one). Parsing
 * pieces gives the same tree as one whole parse, needs far less memory at once, and avoids
 * micromark's cost that grows faster than the length of the text.
 */
function parseInChunks(source: string, frontMatterEnds: number): Chunk[] {
  const cuts: number[] = [];
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(source); m; m = CANDIDATE.exec(source)) {
    const at = m.index + m[0].length;
    if (at > 0) cuts.push(at);
    if (m[0].length === 0) CANDIDATE.lastIndex++;
  }
  // Never cut inside front matter (a YAML comment line starts with "#" too).
  const firstCut = Math.max(0, frontMatterEnds);
  const frontMatter = frontMatterEnds >= 0;
  const chunks: Chunk[] = [];
  let start = 0;
  let k = 0;
  // After a failed cut, the next try skips more candidates each time (1, 2, 4 ...), so a long
  // code block full of "# comment" lines costs a few parses, not one per line.
  let step = 1;
  while (start < source.length || chunks.length === 0) {
    while (k < cuts.length && (cuts[k]! <= start || cuts[k]! < firstCut)) k++;
    while (k < cuts.length && cuts[k]! <= start) k++;
    if (k >= cuts.length) {
      chunks.push(
        ...splitChunks(
          parseNodes(source, start, source.length, frontMatter),
          start,
          source.length,
          source,
        ),
      );
      break;
    }
    const end = cuts[k]!;
    const nodes = parseNodes(source, start, lineEndAt(source, end), frontMatter);
    const last = nodes[nodes.length - 1];
    if (last && last.position!.start.offset === end && isSplit(last, source)) {
      nodes.pop();
      chunks.push(...splitChunks(nodes, start, end, source));
      start = end;
      step = 1;
      k++;
    } else {
      // The candidate line was not a heading here (inside a code fence, an HTML block...):
      // parse again up to a later candidate.
      k += step;
      step *= 2;
    }
    if (start >= source.length) break;
  }
  return chunks;
}

function reparse(previous: Parsed, source: string, frontMatter: boolean): Chunk[] {
  const old = previous.source;
  const chunks = previous.chunks;
  // The changed range, from the common prefix and suffix of the old and new text.
  const max = Math.min(old.length, source.length);
  let prefix = 0;
  while (prefix < max && old.charCodeAt(prefix) === source.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (
    suffix < max - prefix &&
    old.charCodeAt(old.length - 1 - suffix) === source.charCodeAt(source.length - 1 - suffix)
  )
    suffix++;
  if (prefix === old.length && prefix === source.length) return chunks;
  const delta = source.length - old.length;
  const changeEnd = old.length - suffix;
  // Chunks the change touches; a change on a chunk's heading line also touches the chunk
  // before (the heading may stop being one and its lines join the previous section).
  let a = chunks.findIndex((c) => c.end > prefix || c.end === old.length);
  let b = chunks.findIndex((c) => c.end >= changeEnd);
  if (a < 0) a = chunks.length - 1;
  if (b < 0) b = chunks.length - 1;
  const headingLineEnd = lineEndAt(old, chunks[a]!.start);
  if (a > 0 && prefix <= headingLineEnd) a--;
  for (;;) {
    const start = chunks[a]!.start;
    const endOld = chunks[b]!.end;
    const end = endOld + delta;
    const nextHeadingEnd = b + 1 < chunks.length ? lineEndAt(source, end) : end;
    const nodes = parseNodes(source, start, nextHeadingEnd, frontMatter);
    // The next section's heading must still parse as a top-level heading; if the edit opened
    // a code fence or an HTML block that swallows it, take in the next section too.
    if (b + 1 < chunks.length) {
      const last = nodes[nodes.length - 1];
      if (!last || last.position!.start.offset !== end || !isSplit(last, source)) {
        b++;
        continue;
      }
      nodes.pop();
    }
    const fresh = splitChunks(nodes, start, end, source);
    const after = chunks.slice(b + 1).map((c) => {
      if (delta) for (const n of c.nodes) shift(n, delta);
      return { start: c.start + delta, end: c.end + delta, nodes: c.nodes };
    });
    return [...chunks.slice(0, a), ...fresh, ...after];
  }
}

/** Offset of the end of the line that starts at or after `at` (past its line break). */
function lineEndAt(text: string, at: number): number {
  let i = at;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  if (text[i] === '\r' && text[i + 1] === '\n') i++;
  return Math.min(text.length, i + 1);
}
