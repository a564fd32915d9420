// Plain text of inline Markdown with the source offset of every character: what readers
// analyse, and how a span in that text finds its way back to the exact source for findings and
// fixes.
import type { PhrasingContent } from 'mdast';
import type { Span, TextEdit } from '../model.js';
import { off, type Builder } from './context.js';

export interface PlainText {
  text: string;
  /** Source offset of each UTF-16 unit of `text`, plus one past the end. */
  offsets: number[];
}

/** An edit replacing plain[start, end) when the source there is exactly that text. */
export function exactEdit(
  text: string,
  plain: { text: string; offsets: number[] },
  start: number,
  end: number,
  newText: string,
): TextEdit | null {
  if (start < 0 || end > plain.text.length || start > end) return null;
  const s = start < plain.text.length ? plain.offsets[start]! : plain.offsets[plain.text.length]!;
  const e = end > start ? plain.offsets[end - 1]! + 1 : s;
  if (text.slice(s, e) !== plain.text.slice(start, end)) return null;
  return { span: { start: s, end: e }, newText };
}

/**
 * The plain texts made most recently, by children array. Readers ask for the same paragraph
 * several times close together (as a lead-in, a label, a table, prose); a bounded number is kept,
 * so that a long list does not hold every item's text and offsets until the build ends (a 4 MB
 * list took 42 MB more at the peak).
 */
export class PlainCache {
  private readonly recent = new Map<object, PlainText>();
  get(nodes: object): PlainText | undefined {
    return this.recent.get(nodes);
  }
  set(nodes: object, plain: PlainText): void {
    if (this.recent.size >= 512) this.recent.delete(this.recent.keys().next().value!);
    this.recent.set(nodes, plain);
  }
}

/**
 * The plain text of inline nodes (a paragraph's or heading's children). Readers ask for the same
 * paragraph several times (as a lead-in, a label, a table, prose), so the result is kept (for a
 * while, see PlainCache); callers must not change it.
 */
export function plainOf(b: Builder, nodes: PhrasingContent[]): PlainText {
  const hit = b.plainCache.get(nodes);
  if (hit) return hit;
  const made = computePlain(b, nodes);
  b.plainCache.set(nodes, made);
  return made;
}

/**
 * The plain texts of inline nodes, by their children array, kept while the nodes live: across
 * builds, not only within one. The text (not its offsets) is made from the nodes' values and
 * kinds alone, and the parse hands on the nodes of the pieces an edit left alone as the same
 * objects (moved, never changed: parse.ts), so it stays right wherever they move. Headings and
 * paragraphs are asked for their text several times per build (the heading plan, the walk, the
 * course kind's signs, lead-ins), each of a long outline's on every edit: 5.7% of an edit's
 * time in the core when made again.
 */
const TEXTS = new WeakMap<object, string>();

/** The plain text of inline nodes, without its offsets (see TEXTS): `plainOf(b, nodes).text`. */
export function plainTextOf(b: Builder, nodes: PhrasingContent[]): string {
  const known = TEXTS.get(nodes);
  if (known !== undefined) return known;
  const text = plainOf(b, nodes).text;
  TEXTS.set(nodes, text);
  return text;
}

function computePlain(b: Builder, nodes: PhrasingContent[]): PlainText {
  const out: PlainText = { text: '', offsets: [] };
  let end = 0;
  // Depth first, in document order, with a stack rather than recursion: emphasis can nest
  // thousands deep ("***...a***..."), deeper than the call stack.
  const stack: PhrasingContent[] = [...nodes].reverse();
  while (stack.length) {
    const n = stack.pop()!;
    const span = off(b, n);
    end = Math.max(end, span.end);
    switch (n.type) {
      case 'text':
      case 'inlineCode':
        align(b.text, n.value, span, out);
        break;
      case 'break':
        out.text += ' ';
        out.offsets.push(span.start);
        break;
      case 'html':
      case 'image':
      case 'imageReference':
      case 'footnoteReference':
        break;
      default:
        if ('children' in n) {
          const children = n.children as PhrasingContent[];
          for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
        }
    }
  }
  out.offsets.push(
    out.offsets.length ? Math.max(end, out.offsets[out.offsets.length - 1]! + 1) : end,
  );
  // The end sentinel is one past the last character that came from the source.
  if (out.text.length) out.offsets[out.text.length] = out.offsets[out.text.length - 1]! + 1;
  return out;
}

/** Maps each character of a node's value to its offset in the source, skipping escapes,
 * entity tails, continuation indentation and CR of CRLF. A character reference ("&#65;",
 * "&eacute;") stands for the character it decodes to, and NUL for the U+FFFD the parser reads
 * it as: without these the search ran on to a later copy of the character, and every offset
 * after it was wrong (found by the fixFile property test: a NUL before "measures: O2" made
 * unknown-reference's fix write into "{#lo1}"). */
function align(src: string, value: string, span: Span, out: PlainText): void {
  let si = span.start;
  // A character the source does not have at all is searched for to the end of the span; after
  // too many such searches, positions are looked up in an index of the span instead, so that a
  // long line of them stays linear.
  let budget = 4 * (span.end - span.start) + 256;
  let index: Map<number, number[]> | null = null;
  for (let vi = 0; vi < value.length; vi++) {
    const c = value.charCodeAt(vi);
    let j = span.end;
    let skip = 1;
    if (index) {
      const at = index.get(c);
      const k = at ? firstAtLeast(at, si) : -1;
      if (k >= 0) j = k;
    } else {
      j = si;
      while (j < span.end) {
        const d = src.charCodeAt(j);
        if (d === c || (d === 0 && c === 0xfffd)) break;
        if (d === 38 /* & */) {
          CHAR_REF.lastIndex = j;
          const ref = CHAR_REF.exec(src);
          if (ref && j + ref[0].length <= span.end) {
            skip = ref[0].length;
            break;
          }
        }
        j++;
      }
      budget -= j - si;
      if (budget < 0) index = indexSpan(src, span);
    }
    if (j < span.end) {
      out.offsets.push(j);
      // Both halves of an astral character from one reference ("&#x1F600;") stand there.
      if (skip > 1 && c >= 0xd800 && c <= 0xdbff && vi + 1 < value.length) {
        out.offsets.push(j);
        vi++;
      }
      si = j + skip;
    } else out.offsets.push(Math.min(si, span.end));
  }
  // Appended once, not a character at a time (a 2 MB line made that the slowest part).
  out.text += value.replace(/[\r\n]/g, ' ');
}

/** A character reference at lastIndex: decimal, hexadecimal or named. */
/** A character reference ("&amp;", "&#x1F600;"), matched where lastIndex stands. */
export const CHAR_REF = /&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/y;

function indexSpan(src: string, span: Span): Map<number, number[]> {
  const index = new Map<number, number[]>();
  for (let i = span.start; i < span.end; i++) {
    const c = src.charCodeAt(i);
    const list = index.get(c);
    if (list) list.push(i);
    else index.set(c, [i]);
  }
  return index;
}

/** The first value >= min in a sorted list, or -1. */
function firstAtLeast(list: number[], min: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < min) lo = mid + 1;
    else hi = mid;
  }
  return lo < list.length ? list[lo]! : -1;
}
