// Symbols: per document, sections (only those holding items) > objectives, outcomes and
// assessments > the outcomes and assessments nested under an objective; across the workspace,
// every explicit ID.
import { baseName } from './files.js';
import {
  SymbolKind,
  type DocumentSymbol,
  type DocumentSymbolParams,
  type SymbolInformation,
  type WorkspaceSymbolParams,
} from 'vscode-languageserver';
import { isOutline, type Outline, type Span } from '../core/index.js';
import { spanToRange, type Lines } from './convert.js';
import { itemsOf, nameSpan, shortText, type Item, type ServerContext } from './context.js';

const KIND: Record<Item['kind'], SymbolKind> = {
  objective: SymbolKind.Key,
  outcome: SymbolKind.Event,
  assessment: SymbolKind.Function,
};

export function documentSymbols(
  ctx: ServerContext,
  params: DocumentSymbolParams,
): DocumentSymbol[] {
  const view = ctx.view(params.textDocument.uri);
  if (view === null) return [];
  const outline = ctx.outline(view.key);
  if (!outline || !isOutline(outline)) return [];
  if (view.whole) return sectionSymbols(outline, view.lines, 0);
  // A notebook cell: its own items, without the sections of the whole notebook.
  return itemsOf(outline)
    .filter((item) => view.contains(item.span))
    .sort((a, b) => a.span.start - b.span.start)
    .map((item) => itemSymbol(view.lines, item, [], item.span));
}

function itemName(item: Item): string {
  return item.explicitId ? `${item.id} ${shortText(item.text)}` : shortText(item.text);
}

function itemDetail(item: Item): string {
  if (item.kind === 'outcome') return 'outcome';
  if (item.kind === 'assessment') return `assessment · ${item.analysis.level ?? 'level not read'}`;
  const a = item.analysis;
  return `objective · ${a.vague ? 'vague' : (a.level ?? 'no verb')}`;
}

function itemSymbol(
  lines: Lines,
  item: Item,
  children: DocumentSymbol[],
  extent: Span,
): DocumentSymbol {
  const symbol: DocumentSymbol = {
    name: itemName(item) || item.id,
    detail: itemDetail(item),
    kind: KIND[item.kind],
    range: spanToRange(lines, extent),
    selectionRange: spanToRange(lines, nameSpan(item)),
  };
  if (children.length) symbol.children = children;
  return symbol;
}

/** Items by section, and outcomes nested under each objective (built once per request). */
interface Index {
  bySection: Map<number, Item[]>;
  nested: Map<number, Item[]>;
}

function indexOf(outline: Outline): Index {
  const bySection = new Map<number, Item[]>();
  const nested = new Map<number, Item[]>();
  const push = (m: Map<number, Item[]>, k: number, item: Item) => {
    const list = m.get(k);
    if (list) list.push(item);
    else m.set(k, [item]);
  };
  for (const item of itemsOf(outline)) {
    if (item.kind !== 'objective' && item.parent?.kind === 'objective')
      push(nested, item.parent.index, item);
    else push(bySection, item.section, item);
  }
  for (const list of bySection.values()) list.sort((a, b) => a.span.start - b.span.start);
  return { bySection, nested };
}

/** The symbols of a section: its own items, then its subsections that hold any. The course
 * root without a heading contributes its children directly. */
function sectionSymbols(
  outline: Outline,
  lines: Lines,
  index: number,
  idx: Index = indexOf(outline),
): DocumentSymbol[] {
  const section = outline.sections[index]!;
  const children: DocumentSymbol[] = [];
  for (const item of idx.bySection.get(index) ?? []) {
    const kids = item.kind === 'objective' ? (idx.nested.get(item.index) ?? []) : [];
    let end = item.span.end;
    for (const k of kids) end = Math.max(end, k.span.end);
    children.push(
      itemSymbol(
        lines,
        item,
        kids.map((k) => itemSymbol(lines, k, [], k.span)),
        { start: item.span.start, end },
      ),
    );
  }
  for (const child of section.children)
    children.push(...sectionSymbols(outline, lines, child, idx));
  if (!children.length) return [];
  if (!section.heading) return children;
  const symbol: DocumentSymbol = {
    name: section.title || '(untitled section)',
    kind: index === 0 ? SymbolKind.Package : SymbolKind.Module,
    range: spanToRange(lines, section.span),
    selectionRange: spanToRange(lines, section.heading),
    children,
  };
  if (index === 0) symbol.detail = 'course';
  return [symbol];
}

export function workspaceSymbols(
  ctx: ServerContext,
  params: WorkspaceSymbolParams,
): SymbolInformation[] {
  const query = params.query.toLowerCase();
  const out: SymbolInformation[] = [];
  for (const key of ctx.keys()) {
    const outline = ctx.outline(key);
    if (!outline) continue;
    for (const item of itemsOf(outline)) {
      if (!item.explicitId || !matches(query, item.id.toLowerCase())) continue;
      out.push({
        name: item.id,
        kind: KIND[item.kind],
        location: ctx.location(key, nameSpan(item)),
        containerName: `${shortText(item.text, 40)} · ${baseName(key)}`,
      });
    }
  }
  return out;
}

/** The query's characters in order (editors filter further themselves). */
function matches(query: string, name: string): boolean {
  let i = 0;
  for (const c of name) if (c === query[i]) i++;
  return i >= query.length;
}
