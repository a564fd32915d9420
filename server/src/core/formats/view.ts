// How the analysed Markdown stands in the file as stored. For a Markdown, Quarto or R Markdown
// file the two are the same text; for a notebook the analysed text is its Markdown cells joined
// (cells.ts) and the stored file is JSON. The outline model keeps offsets into the analysed
// text; whoever shows positions or writes fixes (the CLI's formatters, --fix) goes through a
// SourceView to reach the file.
import type { Span, TextEdit } from '../model.js';

export interface SourceView {
  /** The text of the file as stored (BOM removed), which stored offsets index. */
  readonly stored: string;
  /** The spans of the analysed text that are written in the file, in order (a notebook's
   * Markdown cells); what lies between them (the lines that keep cells apart) is not. */
  readonly parts: readonly Span[];
  /** The stored span of an analysed span: its start is where the first character of the
   * span is written, its end is just past the last (an escape counts whole). */
  toStored(span: Span): Span;
  /** An edit of the analysed text as an edit of the stored text (its new text encoded as the
   * file needs), or null when the file cannot take it there (it spans two cells...). */
  storedEdit(edit: TextEdit): TextEdit | null;
  /** For a notebook: the cell an offset is in (its index among all the notebook's cells) and
   * the 0-based line and UTF-16 column within the cell's source; null elsewhere. */
  cellPosition(offset: number): { cell: number; line: number; character: number } | null;
}

/** The view of a file that is its own analysed text. */
export class IdentityView implements SourceView {
  readonly parts: readonly Span[];

  constructor(readonly stored: string) {
    this.parts = [{ start: 0, end: stored.length }];
  }

  toStored(span: Span): Span {
    return span;
  }

  storedEdit(edit: TextEdit): TextEdit {
    return edit;
  }

  cellPosition(): null {
    return null;
  }
}
