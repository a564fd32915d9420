// HTML pages pasted or exported into Markdown (an LMS page: Canvas, Moodle, Blackboard) write
// their headings and paragraphs as tags: "<h2>Learning Objectives</h2><p>By the end of this
// week, you will be able to:</p><ul><li>...</li></ul>". CommonMark keeps such a run of lines as
// one HTML block. A block that holds a heading tag is read as the page it is: each top-level
// `<h1>`-`<h6>` becomes a heading, each top-level `<p>` a paragraph (text outside tags, each
// character at its source offset), and what lies between them (lists, tables) stays HTML for
// the readers of HTML (readers/html-lists.ts). Tags inside a list, a table or a quote are left
// to it. Without a heading tag, a block is left as it is: an HTML paragraph or list inside a
// Markdown document is already read where it stands.
import type { Heading, Html, Paragraph, PhrasingContent, RootContent } from 'mdast';

const HEADING_TAG = /<h[1-6]\b/i;
/** Tags whose content is read by a reader of its own (or not at all). */
const NESTING = new Set(['ul', 'ol', 'table', 'blockquote', 'details', 'pre', 'script', 'style']);
// `[^<>]*`, not `[^>]*`: a run of "<a" with no ">" after it would be scanned to its end from
// each "<" (quadratic).
const TAG = /<(\/?)([A-Za-z][A-Za-z0-9]*)\b[^<>]*>/g;

interface Piece {
  kind: 'heading' | 'paragraph';
  depth: number;
  /** Offsets in the block's value: the whole element, and its content. */
  start: number;
  end: number;
  innerStart: number;
  innerEnd: number;
}

/**
 * The root's children with each HTML block that holds a heading tag read as headings,
 * paragraphs and the HTML between them; the same array when there is none.
 * `source(start, end)` gives the parsed text between two node offsets.
 */
export function expandHtmlBlocks(
  children: RootContent[],
  source: (start: number, end: number) => string,
): RootContent[] {
  let out: RootContent[] | null = null;
  for (let i = 0; i < children.length; i++) {
    const node = children[i]!;
    const pieces = node.type === 'html' && HEADING_TAG.test(node.value) ? piecesOf(node) : null;
    const expanded = pieces && pieces.length ? expand(node as Html, pieces, source) : null;
    if (expanded && !out) out = children.slice(0, i);
    if (out) out.push(...(expanded ?? [node]));
  }
  return out ?? children;
}

function piecesOf(node: Html): Piece[] | null {
  const value = node.value;
  const pieces: Piece[] = [];
  let nesting = 0;
  let open: {
    kind: Piece['kind'];
    depth: number;
    tag: string;
    start: number;
    inner: number;
  } | null = null;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(value); m; m = TAG.exec(value)) {
    const closing = m[1] === '/';
    const tag = m[2]!.toLowerCase();
    if (open) {
      if (closing && tag === open.tag) {
        pieces.push({
          kind: open.kind,
          depth: open.depth,
          start: open.start,
          end: m.index + m[0].length,
          innerStart: open.inner,
          innerEnd: m.index,
        });
        open = null;
      }
      continue;
    }
    if (NESTING.has(tag)) {
      nesting = Math.max(0, nesting + (closing ? -1 : 1));
      continue;
    }
    if (closing || nesting > 0) continue;
    const h = /^h([1-6])$/.exec(tag);
    if (h || tag === 'p')
      open = {
        kind: h ? 'heading' : 'paragraph',
        depth: h ? Number(h[1]) : 0,
        tag,
        start: m.index,
        inner: m.index + m[0].length,
      };
  }
  // A heading tag never closed, or one inside a list only: the block is not a page.
  return pieces.some((p) => p.kind === 'heading') ? pieces : null;
}

function expand(
  node: Html,
  pieces: Piece[],
  source: (start: number, end: number) => string,
): RootContent[] | null {
  const base = node.position?.start.offset;
  if (base === undefined || node.position?.end.offset === undefined) return null;
  // Offsets are exact only where the value is the source itself.
  if (source(base, node.position.end.offset) !== node.value) return null;
  const value = node.value;
  const out: RootContent[] = [];
  let last = 0;
  const html = (from: number, to: number) => {
    const v = value.slice(from, to);
    const lead = v.length - v.trimStart().length;
    const trimmed = v.trim();
    // Nothing but white space and comments (a comment on a heading's line is part of it).
    if (!trimmed || !trimmed.replace(/<!--[\s\S]*?-->/g, '').trim()) return;
    out.push({
      type: 'html',
      value: trimmed,
      position: place(base + from + lead, base + from + lead + trimmed.length),
    } satisfies Html);
  };
  for (const p of pieces) {
    html(last, p.start);
    const children = inline(value, p.innerStart, p.innerEnd, base);
    const position = place(base + p.start, base + p.end);
    if (p.kind === 'heading')
      out.push({
        type: 'heading',
        depth: p.depth as Heading['depth'],
        children,
        position,
      } satisfies Heading);
    else if (children.length)
      out.push({ type: 'paragraph', children, position } satisfies Paragraph);
    last = p.end;
  }
  html(last, value.length);
  return out;
}

/** The text runs of value[from, to) outside tags, as text nodes at their offsets; a `<br>` is
 * a line break. Character references are decoded; the readers map them back to the source. */
function inline(value: string, from: number, to: number, base: number): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  let at = from;
  const text = (a: number, b: number) => {
    if (b <= a) return;
    out.push({
      type: 'text',
      value: decodeReferences(value.slice(a, b)),
      position: place(base + a, base + b),
    });
  };
  TAG.lastIndex = from;
  for (let m = TAG.exec(value); m && m.index < to; m = TAG.exec(value)) {
    text(at, m.index);
    if (m[2]!.toLowerCase() === 'br')
      out.push({ type: 'break', position: place(base + m.index, base + m.index + m[0].length) });
    at = m.index + m[0].length;
  }
  text(at, to);
  // Only white space: nothing to read.
  return out.some((n) => n.type === 'text' && n.value.trim()) ? out : [];
}

function place(start: number, end: number) {
  return { start: { line: 1, column: 1, offset: start }, end: { line: 1, column: 1, offset: end } };
}

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  ndash: '\u2013',
  mdash: '\u2014',
  rsquo: '\u2019',
  lsquo: '\u2018',
  rdquo: '\u201d',
  ldquo: '\u201c',
  hellip: '\u2026',
};

/** Decodes the character references authors' HTML holds (named ones of the list above, and
 * numeric ones); any other is left as written. */
export function decodeReferences(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(
    /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));/g,
    (m, d, x, n) => {
      if (n) return NAMED[n] ?? m;
      const code = d ? Number(d) : parseInt(x, 16);
      return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff)
        ? String.fromCodePoint(code)
        : m;
    },
  );
}
