// Completion: Bloom verbs where an objective's behaviour goes (at the start of an objective
// list item, after its ID or label, and after "able to " anywhere), grouped by level from
// remember to create; objective, outcome and assessment IDs where a reference is being typed
// (in an assessment, the objectives it could check come first).
import {
  CompletionItemKind,
  MarkupKind,
  type CompletionItem,
  type CompletionList,
  type CompletionParams,
  type Range,
} from 'vscode-languageserver';
import { baseName } from './files.js';
import { BLOOM_LEVELS, type Outline } from '../core/index.js';
import type { Lines } from './convert.js';
import { itemAt, itemsOf, within, type Item, type ServerContext } from './context.js';

export const TRIGGER_CHARACTERS = [' ', '(', '[', ',', '>', ':'];

/** "... will be able to " and the start of the verb being typed. */
const ABLE_TO = /\bable\s+to\s+([A-Za-z]*)$/i;
/** A list item's start, then an optional checkbox and an ID or label, then the word typed. */
const ITEM_START =
  /^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?(?:\*\*[A-Za-z][\w.-]*:?\*\*:?\s+|`[A-Za-z][\w.-]*`:?\s+|\[[A-Za-z][\w.-]*\]:?\s+|[A-Za-z]+-?\d[\w.]*:\s+)?([A-Za-z]*)$/;
/** An item labelled as an objective, anywhere. */
const LABELLED =
  /^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?(?:\*\*)?(?:learning\s+objective|objective|lo):(?:\*\*)?\s+([A-Za-z]*)$/i;
/** Where a reference is being typed (INTERFACES.md reference forms). */
const REFERENCE =
  /(?:\(|\[|,\s*|supports\s+|measures:?\s+|assesses:?\s+|checks:?\s+|assessed\s+by:?\s+|->\s*|→\s*)([A-Za-z]*[\d.]*)$/;
/** "- [" at an item's start is a checkbox or the item's own ID, not a reference. */
const ITEM_BRACKET = /^\s*(?:[-*+]|\d+[.)])\s+\[[A-Za-z]*[\d.]*$/;
/** A comma only continues a list of IDs ("(LO1, "), not a sentence. */
const COMMA_AFTER_ID = /[A-Za-z]+-?\d[\d.]*\s*,\s*[A-Za-z]*[\d.]*$/;

export function completion(ctx: ServerContext, params: CompletionParams): CompletionList {
  const empty: CompletionList = { isIncomplete: false, items: [] };
  const uri = params.textDocument.uri;
  const { line } = params.position;
  if (!Number.isInteger(line) || line < 0) return empty;
  // Decide from the line as the editor has it first: most keystrokes need no analysis at all.
  const current = ctx.lineText(uri, line);
  if (current === null) return empty;
  // A character past the end of the line is its end (LSP), so the range stays inside the line.
  const asked = params.position.character;
  const character = Number.isFinite(asked)
    ? Math.max(0, Math.min(Math.trunc(asked), current.length))
    : current.length;
  const wanted = current.slice(0, character);
  if (!ABLE_TO.test(wanted) && !ITEM_START.test(wanted) && !LABELLED.test(wanted)) {
    if (referenceContext(wanted) === null) return empty;
  }
  const view = ctx.view(uri);
  if (view === null) return empty;
  const { key, lines } = view;
  const outline = ctx.outline(key);
  if (!outline) return empty;
  const offset = lines.offsetAt(line, character);
  const before = lines.lineText(line).slice(0, character);
  const range = (typed: string): Range => ({
    start: { line, character: character - typed.length },
    end: { line, character },
  });

  const able = ABLE_TO.exec(before);
  if (able) return verbItems(ctx, key, range(able[1]!), false);
  const labelled = LABELLED.exec(before);
  const start = labelled ?? ITEM_START.exec(before);
  if (start && (labelled || inObjectivesBlock(outline, offset, lines, line))) {
    const typed = start[1]!;
    const upper = typed === '' || /^[A-Z]/.test(typed);
    return verbItems(ctx, key, range(typed), upper);
  }
  const ref = referenceContext(before);
  if (ref !== null) return idItems(ctx, key, outline, offset, range(ref));
  return empty;
}

function referenceContext(before: string): string | null {
  const m = REFERENCE.exec(before);
  if (!m) return null;
  if (ITEM_BRACKET.test(before)) return null;
  if (/,\s*[A-Za-z]*[\d.]*$/.test(m[0]) && !COMMA_AFTER_ID.test(before)) return null;
  return m[1]!;
}

function inObjectivesBlock(outline: Outline, offset: number, lines: Lines, line: number): boolean {
  const lineStart = lines.lineStart(line);
  return outline.blocks.some(
    (b) => b.kind === 'objective' && (within(b.span, offset) || within(b.span, lineStart)),
  );
}

function verbItems(ctx: ServerContext, key: string, range: Range, upper: boolean): CompletionList {
  const lex = ctx.lexicon(key);
  const items: CompletionItem[] = [];
  for (const level of BLOOM_LEVELS) {
    const info = lex.levels[level];
    for (const verb of lex.verbsAt(level)) {
      const text = upper ? verb[0]!.toUpperCase() + verb.slice(1) : verb;
      items.push({
        label: text,
        kind: CompletionItemKind.Keyword,
        labelDetails: { description: level },
        detail: info.meaning,
        documentation: {
          kind: MarkupKind.Markdown,
          value: `**${level}** (Bloom level ${info.order} of 6): ${info.asks}`,
        },
        sortText: `${info.order}-${verb}`,
        filterText: text,
        textEdit: { range, newText: text },
      });
    }
  }
  return { isIncomplete: false, items };
}

function idItems(
  ctx: ServerContext,
  key: string,
  outline: Outline,
  offset: number,
  range: Range,
): CompletionList {
  const here = itemAt(outline, offset);
  // An outcome names the objectives it measures, an assessment those it checks; an objective,
  // its outcomes and assessments.
  const wanted = (kind: Item['kind']): boolean =>
    here?.kind === 'objective' ? kind !== 'objective' : kind === 'objective';
  const seen = new Set<string>();
  const items: CompletionItem[] = [];
  for (const fileKey of [key, ...ctx.keys().filter((k) => k !== key)]) {
    const other = ctx.outline(fileKey);
    if (!other) continue;
    for (const item of itemsOf(other)) {
      if (!item.explicitId || item === here) continue;
      const id = item.id;
      const dedupe = `${fileKey}\0${id.toLowerCase()}`;
      if (seen.has(dedupe)) continue;
      seen.add(dedupe);
      const sameFile = fileKey === key;
      const level =
        item.kind === 'objective'
          ? (item.analysis.level ?? (item.analysis.vague ? 'vague' : null))
          : item.kind === 'assessment'
            ? item.analysis.level
            : null;
      const where = sameFile ? '' : ` · ${baseName(fileKey)}`;
      items.push({
        label: id,
        kind: CompletionItemKind.Reference,
        labelDetails: { description: `${item.kind}${level ? ` · ${level}` : ''}${where}` },
        detail: `${KIND_NAMES[item.kind]} ${id}${where}`,
        documentation: { kind: MarkupKind.Markdown, value: item.text },
        sortText: `${wanted(item.kind) ? 0 : 1}${sameFile ? 0 : 1}-${naturalKey(id)}`,
        filterText: id,
        textEdit: { range, newText: id },
      });
    }
  }
  return { isIncomplete: false, items };
}

const KIND_NAMES: Record<Item['kind'], string> = {
  objective: 'Objective',
  outcome: 'Outcome',
  assessment: 'Assessment',
};

/** "LO2" before "LO10": numbers padded for sorting. */
function naturalKey(id: string): string {
  return id.toLowerCase().replace(/\d+/g, (n) => n.padStart(6, '0'));
}
