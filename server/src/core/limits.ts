// Limits that keep analysis fast and safe on any text. remark's parser (micromark) is fast on
// ordinary Markdown, but a few shapes make it slow far beyond their size (measured; see
// RELIABILITY.md): lists or block quotes nested hundreds deep (one line of 1,600 "- " takes
// seconds, 5,000 takes minutes, 20,000 "> " overflow the stack), and paragraphs with thousands
// of emphasis or link delimiters (matching them is quadratic or worse: 6 KB of "*a " ...
// "b* " takes half a second, 40 KB a minute).
//
// So: a text over MAX_OUTLINE_BYTES, or with lists or block quotes nested deeper than
// MAX_NESTING_DEPTH, is declined: its outline has a note saying why and no items. A paragraph
// with more than MAX_INLINE_DELIMITERS delimiters is parsed with them masked (parse.ts), which
// loses only its emphasis and links. No outline comes near these limits.
import type { Span } from './model.js';

/** Texts larger than this (UTF-8 bytes) are not analysed. The CLI skips such files too. */
export const MAX_OUTLINE_BYTES = 20 * 1024 * 1024;
/** Lists and block quotes nested deeper than this are not analysed. */
export const MAX_NESTING_DEPTH = 64;
/** A paragraph with more `*`, `_`, `[` and `]` than this is parsed without inline markup. */
export const MAX_INLINE_DELIMITERS = 500;
// Memory. The parse tree and the model cost about 150 bytes per Markdown element (a heading, a
// paragraph, a run of text) and a few KB per objective or outcome with its findings, and V8 holds
// two to three times what is live. Course outlines have an element per 20 to 100 characters and a
// few thousand items; a file far denser than that, or with far more items, is declined, so that
// peak memory stays under the bound in RELIABILITY.md ("Memory") for any file that is analysed.

/** A file with more objectives and outcomes than this is not analysed (no course has that
 * many). */
export const MAX_ITEMS = 20_000;
/** Markdown elements (mdast nodes) a file may have: this many, */
export const MAX_NODES_BASE = 150_000;
/** plus one per this many characters. */
export const CHARS_PER_NODE = 20;

/** The most Markdown elements a text of this length is parsed into. */
export function maxNodes(length: number): number {
  return MAX_NODES_BASE + Math.floor(length / CHARS_PER_NODE);
}

/** Why a text cannot be analysed, found while it is parsed or read: thrown, and turned into a
 * declined outline (outline.ts). */
export class NotAnalysed extends Error {
  constructor(
    /** "Not analysed: ..." */
    message: string,
    /** Where the reason is (offset in the text). */
    readonly offset = 0,
    /** The parse of the text when there was one, kept for the next edit. */
    public parsed: unknown = null,
  ) {
    super(message);
  }
}

/** The text is parsed in pieces (parse.ts); a block that no cut can split (a code block, a
 * paragraph, a block quote, one list item with all it holds) longer than this, in UTF-16
 * units, is not analysed: parsed in one go, it alone could take a few hundred MB. */
export const MAX_BLOCK_LENGTH = 256 * 1024;

/** UTF-8 length of a string, counting lone surrogates as the 3 bytes of U+FFFD. */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Why a text is not analysed, or null when it is analysed. `deep`: deepPrefixes of the text,
 * when the caller knows it (found on the lines an edit touched: see deepPrefixes). */
export function declineReason(
  text: string,
  deep?: boolean,
): { message: string; span: Span } | null {
  if (
    text.length > MAX_OUTLINE_BYTES ||
    (text.length * 3 > MAX_OUTLINE_BYTES && utf8Length(text) > MAX_OUTLINE_BYTES)
  ) {
    return {
      message: `Not analysed: the text is larger than ${MAX_OUTLINE_BYTES / 1024 / 1024} MB.`,
      span: { start: 0, end: 0 },
    };
  }
  // Nesting needs characters: no line's prefix of container markers is long enough to reach
  // the limit (the usual case), so the lines need not be scanned (an edit of a long outline
  // checks the whole text again).
  if (!(deep ?? deepPrefixes(text))) return null;
  let tooDeep = null as Span | null;
  forEachLine(text, (line) => {
    if (line.depth > MAX_NESTING_DEPTH) {
      tooDeep = { start: line.start, end: line.end };
      return false;
    }
    return true;
  });
  if (tooDeep) {
    return {
      message: `Not analysed: lists or block quotes are nested more than ${MAX_NESTING_DEPTH} levels deep.`,
      span: tooDeep,
    };
  }
  return null;
}

/**
 * Whether some line may be nested more than MAX_NESTING_DEPTH deep: its run of the characters a
 * line's container prefix is made of (spaces, tabs, ">", list markers and ordinal digits, "." and
 * ")") from its start is longer than MAX_NESTING_DEPTH / 2. scanLine reads a line's depth from at
 * most that prefix, each character giving at most 2 (a tab, 4 columns of indentation, is 2
 * levels; a quote or a marker 1, and the space after a marker is indentation), so a text with no
 * such line has no line deeper than the limit. Counting more than the prefix (digits with no
 * "." after them, the lines of fenced code) only sends a text to the full scan.
 *
 * With `from` and `to`: the text is an edit of one for which this was false, the same but for
 * text[from, to) (its common prefix and suffix with the last text: textChange in parse.ts).
 * Only the lines that range touches are read: the others are the last text's lines, as they
 * were (a line after the range starts after a line break in the unchanged suffix), and an edit
 * of a long outline does not read the whole text again for this.
 */
export function deepPrefixes(text: string, from = 0, to = text.length): boolean {
  const most = MAX_NESTING_DEPTH / 2;
  let run = 0;
  let inPrefix = true;
  for (let i = lineStartAt(text, from); i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      // Past the edit: the rest is the last text's, which had no such line.
      if (i >= to) return false;
      run = 0;
      inPrefix = true;
    } else if (inPrefix) {
      if (
        c === SPACE ||
        c === TAB ||
        c === GT ||
        c === DASH ||
        c === STAR ||
        c === PLUS ||
        c === 46 ||
        c === 41 ||
        (c >= 48 && c <= 57)
      ) {
        if (++run > most) return true;
      } else inPrefix = false;
    }
  }
  return false;
}

/** A line as the block structure sees it, from a quick scan of its container markers. */
export interface LineInfo {
  start: number;
  /** End of the line's text, before its line break. */
  end: number;
  /** Where the content starts, after block quote and list markers and indentation. */
  content: number;
  blank: boolean;
  /** Inside a fenced code block (the fence lines included). */
  code: boolean;
  /** A thematic break ("***", "- - -", "___"). */
  rule: boolean;
  /** An ATX heading. */
  heading: boolean;
  /** Estimated nesting: block quote markers, list markers, and list indentation / 2. */
  depth: number;
  /** The innermost list marker when it is followed by content. */
  marker: { kind: number; one: boolean; col: number; contentCol: number } | null;
}

const SPACE = 32;
const TAB = 9;
const GT = 62;
const STAR = 42;
const DASH = 45;
const PLUS = 43;
const UNDERSCORE = 95;
const HASH = 35;
const BACKTICK = 96;
const TILDE = 126;

function isLineEnd(c: number): boolean {
  return c === 10 || c === 13 || Number.isNaN(c);
}

/**
 * Calls `visit` for each line (LF, CRLF or CR), with what a linear scan can tell of its block
 * structure; stops when `visit` returns false. Fenced code is followed (fences at any
 * indentation or quote depth), HTML blocks are not.
 */
export function forEachLine(text: string, visit: (line: LineInfo) => boolean): void {
  let fence: { char: number; length: number } | null = null;
  let pos = 0;
  const n = text.length;
  while (pos <= n) {
    let end = pos;
    while (end < n) {
      const c = text.charCodeAt(end);
      if (c === 10 || c === 13) break;
      end++;
    }
    const info = scanLine(text, pos, end);
    // Fences: the content starts with ``` or ~~~ (after the container markers).
    const c0 = text.charCodeAt(info.content);
    let run = 0;
    if (c0 === BACKTICK || c0 === TILDE) {
      while (info.content + run < end && text.charCodeAt(info.content + run) === c0) run++;
    }
    if (fence) {
      info.code = true;
      info.depth = 0;
      info.marker = null;
      // A closing fence: only its character, at least as many, then spaces.
      const k = fenceStart(text, pos, end);
      if (k >= 0 && text.charCodeAt(k) === fence.char) {
        let r = 0;
        while (k + r < end && text.charCodeAt(k + r) === fence.char) r++;
        let rest = k + r;
        while (rest < end && (text.charCodeAt(rest) === SPACE || text.charCodeAt(rest) === TAB))
          rest++;
        if (r >= fence.length && rest === end) fence = null;
      }
    } else if (run >= 3) {
      fence = { char: c0, length: run };
      info.code = true;
    }
    if (!visit(info)) return;
    if (end >= n) return;
    pos = end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
  }
}

/** After spaces, tabs and ">" at the start of a line: where a closing fence would start. */
function fenceStart(text: string, start: number, end: number): number {
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c !== SPACE && c !== TAB && c !== GT) break;
    i++;
  }
  return i < end ? i : -1;
}

function scanLine(text: string, start: number, end: number): LineInfo {
  const info: LineInfo = {
    start,
    end,
    content: start,
    blank: true,
    code: false,
    rule: false,
    heading: false,
    depth: 0,
    marker: null,
  };
  let i = start;
  let col = 0;
  let quotes = 0;
  let lists = 0;
  let indent = 0;
  let spaces = 0;
  let marker: LineInfo['marker'] = null;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === SPACE) {
      col++;
      spaces++;
      i++;
    } else if (c === TAB) {
      const w = 4 - (col % 4);
      col += w;
      spaces += w;
      i++;
    } else if (c === GT) {
      quotes++;
      col++;
      i++;
    } else if (
      (c === DASH || c === STAR || c === PLUS) &&
      isBreak(text.charCodeAt(i + 1), i + 1, end)
    ) {
      if (lists === 0) indent = spaces;
      lists++;
      marker = { kind: c, one: false, col, contentCol: col + 2 };
      col++;
      i++;
    } else if (c >= 48 && c <= 57) {
      let j = i;
      while (j < end && j - i < 9 && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
      const d = text.charCodeAt(j);
      if ((d === 46 || d === 41) && isBreak(text.charCodeAt(j + 1), j + 1, end)) {
        if (lists === 0) indent = spaces;
        lists++;
        const one = j - i === 1 && text.charCodeAt(i) === 49;
        marker = { kind: d, one, col, contentCol: col + (j - i) + 2 };
        col += j + 1 - i;
        i = j + 1;
      } else break;
    } else break;
  }
  info.content = i;
  info.blank = i >= end;
  if (!info.blank) {
    const c = text.charCodeAt(i);
    if (c === HASH) {
      let h = 0;
      while (i + h < end && text.charCodeAt(i + h) === HASH) h++;
      info.heading = h <= 6 && isBreak(text.charCodeAt(i + h), i + h, end);
    }
  }
  info.rule = isThematicBreak(text, start, end);
  if (info.rule) {
    lists = 0;
    marker = null;
  }
  info.depth = quotes + lists + (lists ? Math.floor(indent / 2) : 0);
  info.marker = marker && !info.blank ? marker : null;
  return info;
}

function isBreak(c: number, at: number, end: number): boolean {
  return at >= end || c === SPACE || c === TAB || isLineEnd(c);
}

/** "***", "- - -", "___" (after quote markers and up to three spaces). */
function isThematicBreak(text: string, start: number, end: number): boolean {
  let i = start;
  while (i < end && (text.charCodeAt(i) === GT || text.charCodeAt(i) === SPACE)) i++;
  const ch = text.charCodeAt(i);
  if (ch !== STAR && ch !== DASH && ch !== UNDERSCORE) return false;
  let count = 0;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === ch) count++;
    else if (c !== SPACE && c !== TAB) return false;
  }
  return count >= 3;
}

/**
 * Masks emphasis and link delimiters (`*`, `_`, `[`, `]`) in paragraphs that have more than
 * MAX_INLINE_DELIMITERS of them, one for one with U+2063 (invisible separator), so that every
 * offset stays where it was. Lines inside fenced code, thematic breaks and container markers
 * are left alone, so the block structure does not change.
 */
export function maskDenseInline(text: string, from = 0, to = text.length): string {
  // Cheap exit: few delimiters in the whole text.
  let total = 0;
  for (let i = 0; i < text.length && total <= MAX_INLINE_DELIMITERS; i++) {
    if (isDelimiter(text.charCodeAt(i))) total++;
  }
  if (total <= MAX_INLINE_DELIMITERS) return text;
  return denseStretch(text, from, to) ? maskDenseParagraphs(text) : text;
}

/** maskDenseInline's scan of the lines (exported for the test that checks its cheap exits). */
export function maskDenseParagraphs(text: string): string {
  const ranges: [number, number][] = [];
  let region: { lines: LineInfo[]; count: number; marker: LineInfo['marker'] } | null = null;
  const close = () => {
    if (region && region.count > MAX_INLINE_DELIMITERS)
      for (const l of region.lines) ranges.push([l.content, l.end]);
    region = null;
  };
  forEachLine(text, (line) => {
    if (line.blank || line.code || line.rule) {
      close();
      return true;
    }
    // A new paragraph starts at a heading and at a list item that can interrupt one: a bullet,
    // "1.", or a sibling of the item the paragraph is in. Otherwise the line may continue the
    // paragraph (lazily), so it is counted with it: counting too much only masks more.
    const m = line.marker;
    const starts =
      line.heading ||
      (m !== null &&
        (m.kind === DASH ||
          m.kind === STAR ||
          m.kind === PLUS ||
          m.one ||
          (region?.marker?.kind === m.kind && m.col < region.marker.contentCol)));
    if (starts || !region) {
      close();
      region = { lines: [], count: 0, marker: m };
    }
    const r = region as { lines: LineInfo[]; count: number };
    r.lines.push(line);
    for (let i = line.content; i < line.end; i++) if (isDelimiter(text.charCodeAt(i))) r.count++;
    return true;
  });
  close();
  if (!ranges.length) return text;
  let out = '';
  let last = 0;
  for (const [s, e] of ranges) {
    out += text.slice(last, s);
    let seg = '';
    let from = s;
    for (let i = s; i < e; i++) {
      if (isDelimiter(text.charCodeAt(i))) {
        seg += text.slice(from, i) + '\u2063';
        from = i + 1;
      }
    }
    out += seg + text.slice(from, e);
    last = e;
  }
  return out + text.slice(last);
}

/**
 * Whether some stretch of lines between whitespace-only lines holds more than
 * MAX_INLINE_DELIMITERS delimiters. With `from` and `to` (as deepPrefixes takes them: the text
 * is an edit of one for which this was false, the same but for text[from, to)), counting starts
 * after the last whitespace-only line before the edit and stops at the first after it. A paragraph maskDenseInline counts stands within one such
 * stretch (a whitespace-only line is blank to it and ends the paragraph) and counts only some of
 * its characters, so a text with no such stretch has nothing to mask and need not be scanned line
 * by line (an edit of a long outline with many bold IDs checked the whole text again).
 */
export function denseStretch(text: string, from = 0, to = text.length): boolean {
  let count = 0;
  let blank = true;
  for (let i = stretchStartBefore(text, from); i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 && i > 0 && text.charCodeAt(i - 1) === 13) continue;
    if (c === 10 || c === 13) {
      if (blank) {
        count = 0;
        // Past the edit, after a whitespace-only line: the rest is the last text's, counted
        // from here with at most what that text counted, and it had no such stretch.
        if (i >= to) return false;
      }
      blank = true;
    } else if (c !== SPACE && c !== TAB) {
      blank = false;
      if (isDelimiter(c) && ++count > MAX_INLINE_DELIMITERS) return true;
    }
  }
  return false;
}

/** The start of the line `at` is on. */
function lineStartAt(text: string, at: number): number {
  let i = at;
  while (i > 0) {
    const c = text.charCodeAt(i - 1);
    if (c === 10 || c === 13) break;
    i--;
  }
  return i;
}

/**
 * Where denseStretch may start counting at 0 and find what it finds from the text's start, for
 * the lines from the one `at` is on: the start of the line after the last whitespace-only line
 * before it (its line break resets the count), or 0.
 */
function stretchStartBefore(text: string, at: number): number {
  let start = lineStartAt(text, at);
  while (start > 0) {
    // The line before: its line break (CRLF is one) and where it starts.
    let end = start - 1;
    if (text.charCodeAt(end) === 10 && end > 0 && text.charCodeAt(end - 1) === 13) end--;
    const before = lineStartAt(text, end);
    let blank = true;
    for (let i = before; i < end && blank; i++) {
      const c = text.charCodeAt(i);
      blank = c === SPACE || c === TAB;
    }
    if (blank) return start;
    start = before;
  }
  return 0;
}

function isDelimiter(c: number): boolean {
  return c === STAR || c === UNDERSCORE || c === 91 || c === 93;
}

/** A paragraph with more unclosed `<!--`, `<?` and `<!X` than this has them masked. */
export const MAX_UNCLOSED_HTML = 20;

/**
 * micromark looks for the end of an inline HTML comment (`-->`), processing instruction (`?>`)
 * or declaration (`>`) from every `<!--`, `<?` and `<!X` to the end of the paragraph: a paragraph
 * of 80,000 characters of "<!-- x " took 22 s (found by the linearity test). Such an opener
 * that is not closed in its paragraph is literal text, so in a stretch of lines between blank
 * lines with more than MAX_UNCLOSED_HTML of them, their "<" is masked one for one with U+2063,
 * and the parse only loses the "<". A stretch that may be (or follow) an HTML block, where they
 * are raw HTML, or fenced code, is left alone.
 */
export function maskUnclosedHtml(text: string): string {
  if (text.indexOf('<!') < 0 && text.indexOf('<?') < 0) return text;
  const masks: number[] = [];
  let stretch: LineInfo[] = [];
  let safe = true;
  /** Inside an HTML block started by an opener: the closer that ends it. */
  let blockCloser: string | null = null;
  /** The block's content column when it is in a list item or block quote (else 0): a line
   * less indented, or a new item, ends the container and with it the block. */
  let blockIndent = 0;
  const close = () => {
    if (safe && stretch.length) maskStretch(text, stretch, masks);
    stretch = [];
    safe = true;
  };
  forEachLine(text, (line) => {
    if (blockCloser !== null) {
      const leftContainer =
        blockIndent > 0 && !line.blank && (line.content - line.start < blockIndent || line.marker);
      if (!leftContainer) {
        if (text.slice(line.start, line.end).includes(blockCloser)) blockCloser = null;
        return true;
      }
      blockCloser = null;
    }
    if (line.blank || line.code) {
      // A fence-like line may be a paragraph's lazy line (indented 4): the paragraph before it
      // may go on, so its openers are left alone.
      if (line.code) safe = false;
      close();
      return true;
    }
    if (text.charCodeAt(line.content) === 60 /* < */) {
      // Perhaps an HTML block: nothing in this stretch is masked; an opener block runs on to
      // its closer, across blank lines.
      safe = false;
      const kind = opener(text, line.content);
      if (kind && !text.slice(line.content + kind.length, line.end).includes(kind.closer)) {
        blockCloser = kind.closer;
        blockIndent = line.content - line.start;
        // The block's lines, this one included, are raw HTML: never masked.
        close();
        return true;
      }
    }
    stretch.push(line);
    return true;
  });
  close();
  if (!masks.length) return text;
  let out = '';
  let last = 0;
  for (const at of masks) {
    out += text.slice(last, at) + '\u2063';
    last = at + 1;
  }
  return out + text.slice(last);
}

interface Opener {
  /** Characters of the opener ("<!--" is 4). */
  length: number;
  closer: string;
}

function opener(text: string, at: number): Opener | null {
  if (text.charCodeAt(at) !== 60) return null;
  const c1 = text.charCodeAt(at + 1);
  if (c1 === 63 /* ? */) return { length: 2, closer: '?>' };
  if (c1 !== 33 /* ! */) return null;
  if (text.startsWith('--', at + 2)) return { length: 2, closer: '-->' };
  const c2 = text.charCodeAt(at + 2);
  if ((c2 >= 65 && c2 <= 90) || (c2 >= 97 && c2 <= 122)) return { length: 2, closer: '>' };
  return null;
}

/** Masks the unclosed openers of one stretch of lines when there are too many. */
function maskStretch(text: string, lines: LineInfo[], masks: number[]): void {
  const start = lines[0]!.content;
  const end = lines[lines.length - 1]!.end;
  const found: { at: number; closer: string }[] = [];
  for (let i = text.indexOf('<', start); i >= 0 && i < end; i = text.indexOf('<', i + 1)) {
    const kind = opener(text, i);
    if (kind) found.push({ at: i, closer: kind.closer });
  }
  if (found.length <= MAX_UNCLOSED_HTML) return;
  // Unclosed: no closer of its kind after it in the stretch (a paragraph ends at a blank line).
  const lastCloser = new Map<string, number>();
  for (const closer of ['-->', '?>', '>'])
    lastCloser.set(closer, text.slice(start, end).lastIndexOf(closer) + start);
  const unclosed = found.filter((o) => o.at + 2 > lastCloser.get(o.closer)!);
  if (unclosed.length <= MAX_UNCLOSED_HTML) return;
  for (const o of unclosed) masks.push(o.at);
}
