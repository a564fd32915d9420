// Notebooks open in the editor (LSP 3.17 notebook document sync): the client sends a
// notebook's Markdown cells as text documents of their own (`vscode-notebook-cell:` URIs). The
// server joins them into one Markdown text (core/formats/cells.ts), the same text the CLI reads
// from the file, and analyses it under the notebook's key; `CellLayout` maps offsets of that
// text to each cell's own lines, where the editor shows diagnostics, hovers and edits.
import {
  NotebookCellKind,
  NotebookDocuments,
  type Connection,
  type Range,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  joinCells,
  LineIndex,
  type ObjectiveJson,
  type OutcomeJson,
  type Outline,
  type OutlineJson,
  type SectionJson,
  type Span,
} from '../core/index.js';
import type { Lines } from './convert.js';

export type { Lines } from './convert.js';

/** The notebooks the server asks the client to synchronise: Jupyter notebooks' Markdown cells. */
export const NOTEBOOK_SELECTOR = [
  { notebook: 'jupyter-notebook', cells: [{ language: 'markdown' }] },
];

interface LaidOutCell {
  uri: string;
  start: number;
  end: number;
  /** The joined text's line on which the cell starts. */
  line: number;
  /** Lines in the cell. */
  lineCount: number;
}

/** Where each Markdown cell of an open notebook lies in the joined text. */
export class CellLayout {
  readonly text: string;
  readonly lines: LineIndex;
  readonly cells: readonly LaidOutCell[];

  constructor(cells: readonly { uri: string; text: string }[]) {
    const joined = joinCells(cells.map((c) => c.text));
    this.text = joined.text;
    this.lines = new LineIndex(joined.text);
    this.cells = joined.cells.map((r, i) => ({
      uri: cells[i]!.uri,
      start: r.start,
      end: r.end,
      line: r.line,
      lineCount: this.lines.position(r.end).line - r.line + 1,
    }));
  }

  /** The cell an offset is in (a separator belongs to the cell before it). */
  cellAt(offset: number): LaidOutCell | undefined {
    let found: LaidOutCell | undefined;
    for (const cell of this.cells) {
      if (cell.start > offset) break;
      found = cell;
    }
    return found;
  }

  cell(uri: string): LaidOutCell | undefined {
    return this.cells.find((c) => c.uri === uri);
  }

  /** The cell a span starts in and the span's range in the cell's own lines (clamped to it). */
  locate(span: Span): { uri: string; range: Range } | null {
    const cell = this.cellAt(span.start);
    if (!cell) return null;
    const lines = this.linesOf(cell);
    return {
      uri: cell.uri,
      range: { start: lines.position(span.start), end: lines.position(span.end) },
    };
  }

  /** Like `locate`, for a span that must lie within one cell (an edit); null otherwise. */
  locateWithin(span: Span): { uri: string; range: Range } | null {
    const cell = this.cellAt(span.start);
    if (!cell || span.start < cell.start || span.end > cell.end) return null;
    return this.locate(span);
  }

  /** One cell's lines over the joined text: the cell's line 0 is its first line. */
  linesOf(cell: LaidOutCell): Lines & { contains(span: Span): boolean } {
    const all = this.lines;
    const clamp = (o: number) => Math.max(cell.start, Math.min(o, cell.end));
    return {
      position: (offset) => {
        const p = all.position(clamp(offset));
        return { line: p.line - cell.line, character: p.character };
      },
      offsetAt: (line, character) => {
        if (line < 0) return cell.start;
        if (line >= cell.lineCount) return cell.end;
        return clamp(all.offsetAt(line + cell.line, character));
      },
      lineText: (line) =>
        line < 0 || line >= cell.lineCount ? '' : all.lineText(line + cell.line),
      lineStart: (line) => clamp(all.lineStart(Math.max(0, line) + cell.line)),
      contains: (span) => span.start >= cell.start && span.start <= cell.end,
    };
  }
}

/** The open notebooks, as the client synchronises them. */
export class NotebookSync {
  readonly documents = new NotebookDocuments(TextDocument);
  private readonly open = new Set<string>();

  constructor() {
    this.documents.onDidOpen((nb) => this.open.add(nb.uri));
    this.documents.onDidClose((nb) => this.open.delete(nb.uri));
  }

  listen(connection: Connection): void {
    this.documents.listen(connection);
  }

  /** The notebook (URI) a cell belongs to, if it is a synchronised cell. */
  notebookOf(cellUri: string): string | undefined {
    return this.documents.findNotebookDocumentForCell(cellUri)?.uri;
  }

  isOpen(notebookUri: string): boolean {
    return this.open.has(notebookUri);
  }

  /** URIs of the open notebooks. */
  all(): string[] {
    return [...this.open];
  }

  version(notebookUri: string): number | undefined {
    return this.documents.getNotebookDocument(notebookUri)?.version;
  }

  /** A synchronised cell's text document. */
  cellDocument(cellUri: string): TextDocument | undefined {
    return this.documents.cellTextDocuments.get(cellUri);
  }

  /** A notebook's Markdown cells in order, with their text and version. */
  markdownCells(notebookUri: string): { uri: string; text: string; version: number }[] {
    const notebook = this.documents.getNotebookDocument(notebookUri);
    if (!notebook) return [];
    const out: { uri: string; text: string; version: number }[] = [];
    for (const cell of notebook.cells) {
      if (cell.kind !== NotebookCellKind.Markup) continue;
      const doc = this.documents.getCellTextDocument(cell);
      if (!doc || doc.languageId !== 'markdown') continue;
      out.push({ uri: doc.uri, text: doc.getText(), version: doc.version });
    }
    return out;
  }
}

/**
 * An open notebook's outline entry in the editor's terms: each item's and heading's line and
 * column are those of the cell it stands in, and `cell.uri` names that cell (the tree reveals
 * and matches diagnostics there). `json` and `outline` are the same file's, items in order.
 */
export function inCells(json: OutlineJson, outline: Outline, layout: CellLayout): OutlineJson {
  const place = <T extends ObjectiveJson | OutcomeJson>(item: T, span: Span): T => {
    const at = layout.locate(span);
    if (!at) return item;
    const { start, end } = at.range;
    return {
      ...item,
      line: start.line + 1,
      column: start.character + 1,
      endLine: end.line + 1,
      endColumn: end.character + 1,
      cell: { uri: at.uri, line: start.line + 1, column: start.character + 1 },
    };
  };
  const sections = (list: SectionJson[], indices: number[]): SectionJson[] =>
    list.map((section, i) => {
      const s = outline.sections[indices[i]!];
      const at = s?.heading ? layout.locate(s.heading) : null;
      return {
        ...section,
        line: at ? at.range.start.line + 1 : section.line,
        sections: sections(section.sections, s?.children ?? []),
      };
    });
  return {
    ...json,
    sections: sections(json.sections, [0]),
    objectives: json.objectives.map((o, i) => place(o, outline.objectives[i]!.textSpan)),
    outcomes: json.outcomes.map((o, i) => place(o, outline.outcomes[i]!.textSpan)),
  };
}
