// Jupyter notebooks (nbformat 4): only Markdown cells are read, code and raw cells never. The
// Markdown cells are joined into one Markdown text (cells.ts) that the outline builder reads as
// any Markdown, and every offset of that text maps back to its cell and to the file as stored:
// `source` is a list of JSON strings (one per line, escaped) or one string, and each character
// of the joined text knows which characters of those string literals wrote it. Fixes are
// written back into the same literals, re-escaped; everything else in the file stays as it was.
// No file access here: the caller reads the file and passes its text.
import type { Span, TextEdit } from '../model.js';
import { LineIndex } from '../text.js';
import { joinCells, type CellRange } from './cells.js';
import {
  escapeJsonContent,
  forEachStringUnit,
  JsonError,
  member,
  parseJson,
  type JsonNode,
  type JsonString,
} from './json.js';
import type { SourceView } from './view.js';

/** A problem reading a notebook, at an offset of the stored text. */
export interface NotebookProblem {
  message: string;
  offset: number;
}

export interface NotebookCell {
  /** Index among all the notebook's cells (code cells included), 0-based. */
  index: number;
  /** The cell's source as Jupyter joins it. */
  source: string;
  /** Where the source lies in the joined text. */
  range: CellRange;
}

export type NotebookReading =
  | {
      ok: true;
      /** The Markdown cells joined: the text to analyse. */
      text: string;
      cells: NotebookCell[];
      /** Cells in the file, of every kind. */
      cellCount: number;
      view: NotebookView;
      /** Cells that could not be read (and were left out), as notes. */
      notes: NotebookProblem[];
    }
  | { ok: false; problem: NotebookProblem };

/** Is this file name a notebook's? */
export function isNotebookName(name: string): boolean {
  return /\.ipynb$/i.test(name);
}

export function readNotebook(stored: string): NotebookReading {
  let root: JsonNode;
  try {
    root = parseJson(stored);
  } catch (err) {
    if (!(err instanceof JsonError)) throw err;
    return fail(`Not read: the notebook is not valid JSON (${err.message}).`, err.offset);
  }
  if (root.type !== 'object')
    return fail('Not read: a notebook is a JSON object with a "cells" list.', root.start);
  const cells = member(root, 'cells');
  if (cells === undefined) {
    const worksheets = member(root, 'worksheets');
    if (worksheets)
      return fail(
        'Not read: this is an nbformat 3 notebook (cells inside "worksheets"); Bloomline reads nbformat 4. Open and save it in Jupyter, or run `jupyter nbconvert --to notebook --inplace` on it, to upgrade it.',
        worksheets.start,
      );
    return fail('Not read: the notebook has no "cells" list.', root.start);
  }
  if (cells.type !== 'array')
    return fail('Not read: the notebook\'s "cells" is not a list.', cells.start);

  const notes: NotebookProblem[] = [];
  // `at`: where text goes when the cell has no string to write into (just inside an empty
  // list), or -1 when there is no place at all (no "source").
  const read: { index: number; literals: JsonString[]; at: number }[] = [];
  cells.items.forEach((cell, index) => {
    const n = index + 1;
    if (cell.type !== 'object') {
      notes.push({
        message: `Cell ${n} is not a JSON object; it was not read.`,
        offset: cell.start,
      });
      return;
    }
    const type = member(cell, 'cell_type');
    if (type?.type !== 'string' || type.value !== 'markdown') return;
    const source = member(cell, 'source');
    if (source === undefined) {
      notes.push({
        message: `Markdown cell ${n} has no "source"; it was read as empty.`,
        offset: cell.start,
      });
      read.push({ index, literals: [], at: -1 });
    } else if (source.type === 'string') {
      read.push({ index, literals: [source], at: source.start + 1 });
    } else if (source.type === 'array' && source.items.every((s) => s.type === 'string')) {
      read.push({ index, literals: source.items as JsonString[], at: source.start + 1 });
    } else {
      notes.push({
        message: `Markdown cell ${n} has a "source" that is neither a string nor a list of strings; it was not read.`,
        offset: source.start,
      });
    }
  });

  const sources = read.map((c) => c.literals.map((l) => l.value).join(''));
  const joined = joinCells(sources);
  const length = joined.text.length;
  // Per offset of the joined text: where its character starts in the stored text, and where
  // it ends. Separators between cells point at the end of the cell before them.
  const starts = new Int32Array(length + 1);
  const ends = new Int32Array(length + 1);
  const writable: ('string' | 'list' | 'none')[] = [];
  let previousEnd = 0;
  read.forEach((cell, c) => {
    const range = joined.cells[c]!;
    for (let o = previousEnd; o < range.start; o++) {
      starts[o] = ends[o] = starts[previousEnd]!;
    }
    let o = range.start;
    for (const literal of cell.literals) {
      forEachStringUnit(stored, literal, (_i, start, end) => {
        starts[o] = start;
        ends[o] = end;
        o++;
      });
    }
    // The cell's end: just before the closing quote of its last string (where text is added).
    const last = cell.literals[cell.literals.length - 1];
    starts[o] = ends[o] = last ? last.end - 1 : Math.max(cell.at, 0);
    previousEnd = o;
    writable.push(last ? 'string' : cell.at >= 0 ? 'list' : 'none');
  });
  for (let o = previousEnd + 1; o <= length; o++) starts[o] = ends[o] = starts[previousEnd]!;

  const view = new NotebookView(
    stored,
    joined.text,
    joined.cells,
    read.map((c) => c.index),
    writable,
    starts,
    ends,
  );
  return {
    ok: true,
    text: joined.text,
    cells: read.map((c, i) => ({ index: c.index, source: sources[i]!, range: joined.cells[i]! })),
    cellCount: cells.items.length,
    view,
    notes,
  };
}

function fail(message: string, offset: number): NotebookReading {
  return { ok: false, problem: { message, offset } };
}

export class NotebookView implements SourceView {
  private lines: LineIndex | null = null;

  get parts(): readonly Span[] {
    return this.cells;
  }

  constructor(
    readonly stored: string,
    /** The joined Markdown. */
    readonly text: string,
    private readonly cells: readonly CellRange[],
    /** Per read cell, its index among all the notebook's cells. */
    private readonly cellIndex: readonly number[],
    /** Per read cell: a string literal to write into, an empty list, or no place at all. */
    private readonly writable: readonly ('string' | 'list' | 'none')[],
    private readonly starts: Int32Array,
    private readonly ends: Int32Array,
  ) {}

  /** The read cell an offset belongs to (a separator belongs to the cell before it). */
  private cellAt(offset: number): number {
    let lo = 0;
    let hi = this.cells.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.cells[mid]!.start <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  private clamp(offset: number): number {
    return Math.max(0, Math.min(offset, this.text.length));
  }

  storedStart(offset: number): number {
    return this.starts[this.clamp(offset)] ?? 0;
  }

  storedEnd(offset: number): number {
    const o = this.clamp(offset);
    if (o === 0 || !this.cells.length) return this.starts[o] ?? 0;
    const cell = this.cells[this.cellAt(o)]!;
    // At a cell's start nothing of it lies before; inside, just past the previous character.
    return o <= cell.start ? this.starts[o]! : this.ends[o - 1]!;
  }

  toStored(span: Span): Span {
    const start = this.storedStart(span.start);
    if (span.end <= span.start) return { start, end: start };
    return { start, end: Math.max(start, this.storedEnd(span.end)) };
  }

  storedEdit(edit: TextEdit): TextEdit | null {
    const { start, end } = edit.span;
    if (!this.cells.length || start < 0 || end > this.text.length || start > end) return null;
    const c = this.cellAt(start);
    const cell = this.cells[c]!;
    if (start < cell.start || end > cell.end) return null;
    const escaped = escapeJsonContent(edit.newText);
    const writable = this.writable[c];
    if (writable === 'string') return { span: this.toStored(edit.span), newText: escaped };
    // An empty `source: []`: the text becomes its one string.
    if (writable === 'list') return { span: this.toStored(edit.span), newText: `"${escaped}"` };
    return null;
  }

  cellPosition(offset: number): { cell: number; line: number; character: number } | null {
    if (!this.cells.length) return null;
    const o = this.clamp(offset);
    const c = this.cellAt(o);
    const cell = this.cells[c]!;
    const inCell = Math.min(Math.max(o, cell.start), cell.end);
    this.lines ??= new LineIndex(this.text);
    const p = this.lines.position(inCell);
    return { cell: this.cellIndex[c]!, line: p.line - cell.line, character: p.character };
  }
}
