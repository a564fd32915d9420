// Which files are course outlines, and how each kind is read into the Markdown the outline
// builder analyses: Markdown (`.md`, `.markdown`), Quarto (`.qmd`) and R Markdown (`.Rmd`) are
// Markdown as they stand; a Jupyter notebook (`.ipynb`) gives its Markdown cells
// (notebook.ts). Pure: callers read the files and pass the text.
import { applyEdits, compatiblePreferredFixes } from '../fix.js';
import type { Span, TextEdit } from '../model.js';
import type { Workspace } from '../workspace.js';
import { isNotebookName, readNotebook } from './notebook.js';
import { IdentityView, type SourceView } from './view.js';

export {
  joinCells,
  openConstructs,
  separatorAfter,
  type CellRange,
  type JoinedCells,
} from './cells.js';
export {
  isNotebookName,
  readNotebook,
  NotebookView,
  type NotebookCell,
  type NotebookProblem,
  type NotebookReading,
} from './notebook.js';
export { IdentityView, type SourceView } from './view.js';
export { parseJson, JsonError, type JsonNode } from './json.js';

/** The file name extensions read by default (any case), for folder walks and the editor. */
export const OUTLINE_EXTENSIONS = ['.md', '.markdown', '.qmd', '.rmd', '.ipynb'] as const;

const OUTLINE_NAME = /\.(?:md|markdown|qmd|rmd|ipynb)$/i;

/** Is this a file Bloomline reads by default (Markdown, Quarto, R Markdown, a notebook)? */
export function isOutlineName(name: string): boolean {
  return OUTLINE_NAME.test(name);
}

/** How the text of a file is read: a notebook's Markdown cells, or the text itself. */
export type SourceFormat = 'markdown' | 'notebook';

export function formatOf(filePath: string): SourceFormat {
  return isNotebookName(filePath) ? 'notebook' : 'markdown';
}

/** A file read for analysis. */
export interface OutlineSource {
  /** The Markdown to analyse. */
  text: string;
  view: SourceView;
  /** Set when the file could not be read at all (a notebook that is not JSON...): why, and
   * where in the stored text. `text` is then empty. */
  problem: { message: string; span: Span } | null;
  /** Parts that could not be read and were left out (a notebook cell without a source...). */
  notes: { message: string; span: Span }[];
  /** For a notebook: how many cells it has, and how many of them were read as Markdown. */
  cells?: { total: number; markdown: number };
}

/** Reads a file's stored text (BOM removed) as the Markdown to analyse. */
export function readOutlineSource(filePath: string, stored: string): OutlineSource {
  if (formatOf(filePath) === 'markdown')
    return { text: stored, view: new IdentityView(stored), problem: null, notes: [] };
  const reading = readNotebook(stored);
  if (!reading.ok) {
    const at = reading.problem.offset;
    return {
      text: '',
      view: new IdentityView(''),
      problem: { message: reading.problem.message, span: { start: at, end: at } },
      notes: [],
    };
  }
  return {
    text: reading.text,
    view: reading.view,
    problem: null,
    notes: reading.notes.map((n) => ({
      message: n.message,
      span: { start: n.offset, end: n.offset },
    })),
    cells: { total: reading.cellCount, markdown: reading.cells.length },
  };
}

/** The text of each part after the edits (each edit lies within one part). */
export function editParts(
  text: string,
  parts: readonly Span[],
  edits: readonly TextEdit[],
): string[] {
  return parts.map((part) => {
    const inside = edits
      .filter((e) => e.span.start >= part.start && e.span.end <= part.end)
      .map((e) => ({
        span: { start: e.span.start - part.start, end: e.span.end - part.start },
        newText: e.newText,
      }));
    return applyEdits(text.slice(part.start, part.end), inside);
  });
}

/**
 * Applies preferred fixes to a file through its stored form, until nothing fixable is left (at
 * most `maxPasses` passes), keeping the workspace up to date. Each pass maps the fixes to the
 * stored text (a fix the file cannot take, such as one spanning two notebook cells, waits),
 * writes them, reads the result again and checks that it reads as the fixed Markdown: a fix
 * never corrupts the file. Returns the new stored text and how many fixes were applied.
 */
export function fixStored(
  ws: Workspace,
  filePath: string,
  source: OutlineSource,
  maxPasses = 10,
): { stored: string; applied: number } {
  let current = source;
  let applied = 0;
  for (let pass = 0; pass < maxPasses; pass++) {
    const fixes = compatiblePreferredFixes(ws.lint(filePath));
    const edits: TextEdit[] = [];
    const storedEdits: TextEdit[] = [];
    let taken = 0;
    for (const fix of fixes) {
      const mapped = fix.map((e) => current.view.storedEdit(e));
      if (mapped.some((e) => e === null)) continue;
      edits.push(...fix);
      storedEdits.push(...(mapped as TextEdit[]));
      taken++;
    }
    if (!taken) break;
    const stored = applyEdits(current.view.stored, storedEdits);
    const next = readOutlineSource(filePath, stored);
    // Each part (a notebook cell) must read back as that part with its edits; what keeps the
    // parts apart may change with them (a cell that now leaves a fence open).
    const expected = editParts(current.text, current.view.parts, edits);
    const got = next.view.parts.map((p) => next.text.slice(p.start, p.end));
    if (next.problem || JSON.stringify(got) !== JSON.stringify(expected))
      throw new Error('the fixed file would not read back as the fixed text; nothing was written');
    current = next;
    applied += taken;
    ws.update(filePath, next.text, ws.configOf(filePath), next.view);
  }
  return { stored: current.view.stored, applied };
}
