// Markdown cells joined into one Markdown text, so the outline builder reads a notebook as it
// reads any Markdown: a heading in one cell and its list in the next belong together. Cells are
// kept apart by a blank line, and a construct a cell leaves open (a code fence, an HTML comment,
// a fenced div) is closed between the cells, as Jupyter renders each cell on its own: one
// cell's unclosed fence never swallows the next cell.
//
// Every cell starts on a line of its own and keeps its columns, so a position in a cell and a
// position in the joined text differ by a number of lines only (`CellRange.line`).
import { LineIndex } from '../text.js';

export interface CellRange {
  /** Offset of the cell's first character in the joined text. */
  start: number;
  /** Offset just past its last character (the separator follows). */
  end: number;
  /** The joined text's line on which the cell starts (0-based). */
  line: number;
}

export interface JoinedCells {
  text: string;
  cells: CellRange[];
}

export function joinCells(sources: readonly string[]): JoinedCells {
  let text = '';
  const starts: number[] = [];
  sources.forEach((source, i) => {
    if (i > 0) text += separatorAfter(sources[i - 1]!);
    starts.push(text.length);
    text += source;
  });
  const lines = new LineIndex(text);
  const cells = starts.map((start, i) => ({
    start,
    end: start + sources[i]!.length,
    line: lines.position(start).line,
  }));
  return { text, cells };
}

/** The text between a cell and the next: a blank line, and a closing line for each construct
 * the cell leaves open (then a blank line again), so the next cell starts a block of its own. */
export function separatorAfter(source: string): string {
  let separator = '\n\n';
  for (const closer of openConstructs(source)) separator += `${closer}\n\n`;
  return separator;
}

const FENCE = /^( {0,3})(`{3,}|~{3,})(.*)$/;
const COMMENT_OPEN = /^ {0,3}<!--/;
const RAW_OPEN = /^ {0,3}<(script|pre|style|textarea)(?=[\s>]|$)/i;
const DIV_OPEN = /^( {0,3})(:{3,})[ \t]*\S/;
const DIV_CLOSE = /^( {0,3})(:{3,})[ \t]*$/;
const LIST_ITEM = /^( {0,3})([-+*]|\d{1,9}[.)])( +|\t|$)/;

/**
 * The closing lines a cell needs at its end: for a code fence still open, a fence of the same
 * kind; for an HTML comment or raw block (`<script>`, `<pre>` ...) still open, its end; for
 * each fenced div (`:::`) still open, a closing `:::`. A cautious line scan: only constructs
 * that start outside list items and block quotes are closed (those close with their container
 * anyway), so a closer is never added where nothing was open.
 */
export function openConstructs(source: string): string[] {
  let fence: { char: string; length: number } | null = null;
  let raw: string | null = null;
  const divs: string[] = [];
  /** Content indentation of the list item lines belong to, or -1 outside lists. */
  let listIndent = -1;
  let blankBefore = false;
  for (const line of source.split(/\r\n|\r|\n/)) {
    if (fence) {
      const m = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
      if (m && m[1]![0] === fence.char && m[1]!.length >= fence.length) fence = null;
      continue;
    }
    if (raw) {
      if (line.toLowerCase().includes(raw)) raw = null;
      continue;
    }
    const blank = /^[ \t]*$/.test(line);
    if (blank) {
      blankBefore = true;
      continue;
    }
    const indent = /^[ \t]*/.exec(line)![0].replace(/\t/g, '    ').length;
    const item = LIST_ITEM.exec(line);
    if (item) {
      listIndent = item[1]!.length + item[2]!.length + Math.max(1, Math.min(item[3]!.length, 4));
      blankBefore = false;
      continue;
    }
    if (listIndent >= 0) {
      // Indented to the item's content: inside it. Unindented after a blank line: the list
      // has ended. Unindented right after a line: a lazy continuation, still inside.
      if (indent >= listIndent || !blankBefore) {
        blankBefore = false;
        continue;
      }
      listIndent = -1;
    }
    blankBefore = false;
    if (line.trimStart().startsWith('>')) continue;
    const f = FENCE.exec(line);
    if (f && !(f[2]![0] === '`' && f[3]!.includes('`'))) {
      fence = { char: f[2]![0]!, length: f[2]!.length };
      continue;
    }
    if (COMMENT_OPEN.test(line)) {
      if (!line.slice(line.indexOf('<!--') + 4).includes('-->')) raw = '-->';
      continue;
    }
    const r = RAW_OPEN.exec(line);
    if (r) {
      const end = `</${r[1]!.toLowerCase()}>`;
      if (!line.toLowerCase().includes(end)) raw = end;
      continue;
    }
    const close = DIV_CLOSE.exec(line);
    if (close) {
      divs.pop();
      continue;
    }
    const open = DIV_OPEN.exec(line);
    if (open) divs.push(open[2]!);
  }
  const closers: string[] = [];
  if (fence) closers.push(fence.char.repeat(fence.length));
  if (raw) closers.push(raw);
  for (let i = divs.length - 1; i >= 0; i--) closers.push(divs[i]!);
  return closers;
}
