// What the request handlers may ask of the server: an up-to-date analysis of a document, the
// linked outlines, positions, and the findings last published. Handlers only read.
import type {
  Diagnostic,
  Location,
  TextEdit as LspTextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver';
import {
  itemsOf as coreItemsOf,
  itemsOfKind,
  type Finding,
  type Item as CoreItem,
  type Lexicon,
  type LineIndex,
  type Outline,
  type Reference,
  type Span,
  type TextEdit,
  type Workspace,
} from '../core/index.js';
import type { Lines } from './convert.js';

/** A document a request names, as the handlers see it: the workspace key of what it is part
 * of, its lines (a notebook cell's own, over the notebook's joined text), and whether a span
 * starts in it (always, but for a notebook cell: in that cell). */
export interface DocumentView {
  key: string;
  lines: Lines;
  contains(span: Span): boolean;
  /** False for a notebook cell: the document is part of what `key` analyses. */
  whole: boolean;
}

export interface ServerContext {
  readonly ws: Workspace;
  /** Brings a document's analysis up to date (runs a pending one now) and returns its
   * workspace key, or null when Bloomline does not analyse that document. */
  fresh(uri: string): string | null;
  /** `fresh`, with the document's lines (a notebook cell's own); null when not analysed. */
  view(uri: string): DocumentView | null;
  /** One line of a document as the editor has it now (without its line break), or null. */
  lineText(uri: string, line: number): string | null;
  /** The linked outline of an indexed file. */
  outline(key: string): Outline | undefined;
  /** Line index of the text the file's outline was built from (cached per text). */
  lines(key: string): LineIndex;
  uriOf(key: string): string;
  /** Where a span is shown: the file's URI and range, or the notebook cell it stands in. */
  location(key: string, span: Span): Location;
  /** Edits of a file's analysed text as edits per document (a notebook's cells), or null when
   * the editor cannot make them (an edit spanning two cells, a notebook not open). */
  edit(key: string, edits: readonly TextEdit[]): Record<string, LspTextEdit[]> | null;
  /** Edits per document as the client's workspace edit: each with the version of the document
   * they were made for when the client can check it (`documentChanges`), else plain `changes`. */
  workspaceEdit(changes: Record<string, LspTextEdit[]>): WorkspaceEdit;
  /** The findings of an open document, as last published (empty for any other). */
  findings(uri: string): Finding[];
  diagnostic(key: string, finding: Finding): Diagnostic;
  /** The lexicon of a file's configuration (its extra verbs and vague phrases included). */
  lexicon(key: string): Lexicon;
  /** Every indexed file. */
  keys(): string[];
}

export type Item = CoreItem;

/** Objectives, outcomes and assessments. */
export function itemsOf(outline: Outline): Item[] {
  return coreItemsOf(outline);
}

/** Is the offset inside the span or at its edges (a cursor just after a word is on it)? */
export function within(span: Span, offset: number): boolean {
  return span.start <= offset && offset <= span.end;
}

export interface ItemRef {
  key: string;
  item: Item;
}

/** An ID under the cursor: an item's own explicit ID, or a reference to one. */
export interface IdHit {
  span: Span;
  /** As written. */
  id: string;
  /** The item it is written in. */
  item: Item;
  ref: Reference | null;
  /** The item the ID names (null: a reference to no known item). */
  target: ItemRef | null;
}

export function itemAt(outline: Outline, offset: number): Item | null {
  let best: Item | null = null;
  for (const item of itemsOf(outline)) {
    if (!within(item.span, offset)) continue;
    if (!best || item.span.end - item.span.start < best.span.end - best.span.start) best = item;
  }
  return best;
}

export function idAt(ctx: ServerContext, key: string, offset: number): IdHit | null {
  const outline = ctx.outline(key);
  if (!outline) return null;
  const hit = (item: Item, ref: Reference): IdHit => {
    const t = ref.target;
    const other = t ? ctx.outline(t.filePath) : undefined;
    const targetItem = t && other ? itemsByKind(other, t.kind)[t.index] : undefined;
    return {
      span: ref.span,
      id: ref.id,
      item,
      ref,
      target: t && targetItem ? { key: t.filePath, item: targetItem } : null,
    };
  };
  for (const item of itemsOf(outline)) {
    if (!within(item.span, offset)) continue;
    if (item.idSpan && within(item.idSpan, offset))
      return { span: item.idSpan, id: item.id, item, ref: null, target: { key, item } };
    for (const ref of item.references) if (within(ref.span, offset)) return hit(item, ref);
  }
  // A reference outside its item's own text: the "CLOs" column of an assessment table row, whose
  // item is the row's first cell. References, not items, are what the cursor is on here.
  for (const item of itemsOf(outline))
    for (const ref of item.references) if (within(ref.span, offset)) return hit(item, ref);
  return null;
}

export function itemsByKind(outline: Outline, kind: Item['kind']): Item[] {
  return itemsOfKind(outline, kind);
}

/** Every reference in the workspace that resolves to this item. */
export function referencesTo(
  ctx: ServerContext,
  target: ItemRef,
): { key: string; item: Item; ref: Reference }[] {
  const out: { key: string; item: Item; ref: Reference }[] = [];
  const id = target.item.id.toLowerCase();
  for (const key of ctx.keys()) {
    const outline = ctx.outline(key);
    if (!outline) continue;
    for (const item of itemsOf(outline)) {
      for (const ref of item.references) {
        const t = ref.target;
        // An objective named by its number is not named by its ID: a rename leaves it.
        if (
          t &&
          ref.ordinal === undefined &&
          !ref.inRange &&
          t.filePath === target.key &&
          t.kind === target.item.kind &&
          t.index === target.item.index &&
          t.id.toLowerCase() === id
        )
          out.push({ key, item, ref });
      }
    }
  }
  return out;
}

/** The span that names an item: its explicit ID, else its text. */
export function nameSpan(item: Item): Span {
  return item.idSpan ?? item.textSpan;
}

/** An item's text cut to a length for one-line labels. */
export function shortText(text: string, max = 60): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
