// Items: one objective or outcome read from a list item or a string, with its ID, label,
// references and the language reading of its text. Every reader hands its items here, so an
// item reads the same whatever syntax it came from.
import type { List, ListItem, Paragraph } from 'mdast';
import { readObjective, type ObjectiveReading, type PlainSpan } from '../language/objective.js';
import { readOutcome } from '../language/outcome.js';
import { blockKindOfName, readLabel } from '../language/vocabulary.js';
import type {
  Block,
  ItemBase,
  ItemKind,
  Located,
  Objective,
  Outcome,
  Section,
  Span,
} from '../model.js';
import { newBlock, off, type Builder } from './context.js';
import { plainOf, type PlainText } from './plain.js';
import { findReferences } from './references.js';

/** Outside any block: items that carry a label ("Objective: ...", "KPI: ..."), at any depth. */
export function findLabelledItems(
  b: Builder,
  list: List,
  section: number,
  parent: { kind: ItemKind; index: number } | null,
): void {
  for (const item of list.children) {
    const first = item.children[0];
    let made: ItemBase | null = null;
    if (first?.type === 'paragraph') {
      const plain = plainOf(b, first.children);
      const start = skipPrefix(plain.text);
      const label = readLabel(plain.text, start);
      if (label) {
        const block = newBlock(
          b,
          label.kind,
          parent ? 'nested' : 'label',
          section,
          off(b, item),
          null,
        );
        made = readItem(b, item, block, label.kind, parent, null);
      }
    }
    if (!made) {
      for (const child of item.children)
        if (child.type === 'list') findLabelledItems(b, child, section, parent);
    }
  }
}

// No leading `\s*`: the spaces before it are skipped by hand (readItem), since a regex that
// starts with `\s*` backtracks quadratically on long runs of spaces.
const TRAILING_ID = /\{#([\p{L}\p{N}][\p{L}\p{N}._:-]*)\}\s*$/u;

/** Skips a checkbox and outline numbering ("1.2", "a)") at the start of an item. */
export function skipPrefix(plain: string): number {
  const m =
    /^\s*(?:\[[ xX]\]\s+)?(?:(?:\d+(?:\.\d+)*|[a-z]|[ivx]+)[.)]\s+|\(\s*(?:\d+|[a-z]|[ivx]+)\s*\)\s+|\d+(?:\.\d+)+\s+)?/.exec(
      plain,
    );
  return m ? m[0].length : 0;
}

/** An explicit ID at `from`: `**LO1**`, `**LO1.2:**`, `` `LO1` ``, `[LO1]`, `LO1:`. */
export function readId(
  b: Builder,
  plain: PlainText,
  from: number,
): { id: string; start: number; end: number } | null {
  const rest = plain.text.slice(from);
  const m = /^(\[)?([A-Za-z][A-Za-z0-9]*(?:[._-][A-Za-z0-9]+)*)(\])?(:)?(?=\s|$|:)/.exec(rest);
  if (!m) return null;
  const token = m[2]!;
  if (!/\d/.test(token) || !/[A-Za-z]/.test(token)) return null;
  const bracketed = !!m[1] && !!m[3];
  if (!!m[1] !== !!m[3]) return null;
  const srcStart = plain.offsets[from]!;
  const before = b.text[srcStart - 1];
  const wrapped = bracketed || before === '*' || before === '_' || before === '`';
  const colon = !!m[4] || /^\s*:/.test(rest.slice(m[0].length));
  if (!wrapped && !colon) return null;
  let end = from + m[0].length;
  const tail = /^\s*[:.–—-]?\s*/.exec(plain.text.slice(end));
  if (tail) end += tail[0].length;
  const idStart = from + (m[1] ? 1 : 0);
  return { id: token, start: idStart, end };
}

export function readItem(
  b: Builder,
  item: ListItem,
  block: Block,
  blockKind: ItemKind,
  parent: { kind: ItemKind; index: number } | null,
  leadVerb: string | null,
): ItemBase | null {
  const first = item.children[0];
  if (!first || first.type !== 'paragraph') return null;
  const plain = plainOf(b, first.children);
  let pos = skipPrefix(plain.text);
  let idInfo = readId(b, plain, pos);
  if (idInfo) pos = idInfo.end;
  let kind = blockKind;
  let labelText: string | null = null;
  const label = readLabel(plain.text, pos);
  if (label) {
    kind = label.kind;
    labelText = label.label;
    if (!idInfo && label.id) idInfo = { id: label.id.text, start: label.id.start, end: label.end };
    pos = label.end;
    if (!idInfo) {
      const after = readId(b, plain, pos);
      if (after) {
        idInfo = after;
        pos = after.end;
      }
    }
  }
  let end = plain.text.length;
  const trailing = TRAILING_ID.exec(plain.text);
  let trailingStart = trailing?.index ?? -1;
  while (trailingStart > 0 && /\s/.test(plain.text[trailingStart - 1]!)) trailingStart--;
  let idSpan: Span | null = null;
  let id: string | null = null;
  if (trailing && trailingStart >= pos) {
    end = trailingStart;
    if (!idInfo) {
      const tokStart = trailing.index + 2;
      id = trailing[1]!;
      idSpan = { start: plain.offsets[tokStart]!, end: plain.offsets[tokStart + id.length]! };
    }
  }
  if (idInfo) {
    id = idInfo.id;
    idSpan = {
      start: plain.offsets[idInfo.start]!,
      end: plain.offsets[idInfo.start + idInfo.id.length]!,
    };
  }
  while (end > pos && /\s/.test(plain.text[end - 1]!)) end--;
  const body = plain.text.slice(pos, end);
  const bodyOffsets = plain.offsets.slice(pos, end + 1);
  const span = off(b, first);
  const section = block.section;
  const base: ItemBase = {
    kind,
    index: kind === 'objective' ? b.outline.objectives.length : b.outline.outcomes.length,
    id: id ?? generatedId(b, section, kind),
    explicitId: id !== null,
    idSpan,
    text: body.replace(/\s+/g, ' ').trim(),
    span,
    textSpan: { start: bodyOffsets[0]!, end: bodyOffsets[bodyOffsets.length - 1]! },
    section,
    block: block.index,
    source: block.source,
    label: labelText,
    references: findReferences(body, bodyOffsets, id),
    parent,
    plain: body,
    offsets: bodyOffsets,
    insertion: insertionAfter(b, span),
  };
  const made = finishItem(b, base, block, leadVerb);
  // Nested lists: outcomes nested under an objective measure it; unlabelled sub-items of an
  // objective are sub-objectives, unless the objective ends with ":" (they complete it).
  const self = { kind, index: made.index };
  for (let c = 1; c < item.children.length; c++) {
    const child = item.children[c]!;
    if (child.type !== 'list') continue;
    const prev = item.children[c - 1];
    const namedKind =
      prev?.type === 'paragraph' && c > 1
        ? (blockKindOfName(plainOf(b, prev.children).text) ?? nestedLeadKind(b, prev))
        : null;
    if (kind === 'objective' && namedKind === 'outcome') {
      const nested = newBlock(b, 'outcome', 'nested', section, off(b, child), null);
      for (const sub of child.children) readItem(b, sub, nested, 'outcome', self, null);
    } else if (kind === 'objective' && !body.trimEnd().endsWith(':')) {
      const nested = newBlock(b, 'objective', 'nested', section, off(b, child), null);
      for (const sub of child.children) readItem(b, sub, nested, 'objective', self, leadVerb);
    } else {
      findLabelledItems(b, child, section, self);
    }
  }
  return made;
}

function nestedLeadKind(b: Builder, p: Paragraph): ItemKind | null {
  const t = plainOf(b, p.children).text.trim();
  return /^(?:measured\s+by|evidence|success\s+measures?|kpis?|outcomes?)\s*:?$/i.test(t)
    ? 'outcome'
    : null;
}

function generatedId(b: Builder, section: number, kind: ItemKind): string {
  const s = b.outline.sections[section]!;
  const slug = section === 0 ? 'course' : sectionSlug(b, s);
  const key = `${slug}#${kind}`;
  const n = (b.sectionCounters.get(key) ?? 0) + 1;
  b.sectionCounters.set(key, n);
  return `${slug}#${kind}-${n}`;
}

function sectionSlug(b: Builder, s: Section): string {
  const parts: string[] = [];
  for (
    let cur: Section | undefined = s;
    cur && cur.index !== 0;
    cur = cur.parent === null ? undefined : b.outline.sections[cur.parent]
  ) {
    parts.unshift(
      cur.title
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 40) || `section-${cur.index}`,
    );
  }
  return parts.join('/');
}

function finishItem(b: Builder, base: ItemBase, block: Block, leadVerb: string | null): ItemBase {
  const { outline } = b;
  const blockItems = block.items;
  if (base.kind === 'objective') {
    const r = readObjective(base.plain, b.lex, block.kind === 'objective' ? leadVerb : null);
    const o: Objective = {
      ...base,
      kind: 'objective',
      analysis: objectiveAnalysis(base, r),
      outcomes: [],
    };
    outline.objectives.push(o);
    if (block.kind === 'objective') blockItems.push(o.index);
    return o;
  }
  const r = readOutcome(base.plain);
  const o: Outcome = {
    ...base,
    kind: 'outcome',
    analysis: {
      target: loc(base, r.target),
      timeframe: loc(base, r.timeframe),
      vanity: loc(base, r.vanity),
      output: loc(base, r.output),
      kirkpatrick: r.kirkpatrick,
      placeholder: loc(base, r.placeholder),
    },
    objectives: [],
  };
  outline.outcomes.push(o);
  if (block.kind === 'outcome') blockItems.push(o.index);
  return o;
}

function loc(item: ItemBase, s: PlainSpan | null): Located | null {
  if (!s) return null;
  return { text: s.text, span: { start: item.offsets[s.start]!, end: item.offsets[s.end]! } };
}

function objectiveAnalysis(item: ItemBase, r: ObjectiveReading): Objective['analysis'] {
  return {
    verb: r.verb
      ? {
          text: r.verb.lemma,
          span: { start: item.offsets[r.verb.start]!, end: item.offsets[r.verb.end]! },
        }
      : null,
    level: r.level,
    alternatives: r.alternatives,
    vague: r.vague,
    vaguePhrase: r.vaguePhrase
      ? {
          ...loc(item, r.vaguePhrase)!,
          key: r.vaguePhrase.key,
          meant: r.vaguePhrase.meant,
          how: r.realVerb !== null,
        }
      : null,
    verbFromLeadIn: r.verbFromLeadIn,
    criterion: loc(item, r.criterion),
    placeholderCriterion: loc(item, r.placeholder),
    extraVerbs: r.extraVerbs.map((v) => loc(item, v)!),
  };
}

/** Where a nested list item can be inserted after an item's first paragraph. */
function insertionAfter(b: Builder, para: Span): { at: number; indent: string } | null {
  const text = b.text;
  let lineStart = para.start;
  while (lineStart > 0 && text[lineStart - 1] !== '\n' && text[lineStart - 1] !== '\r') lineStart--;
  const prefix = text.slice(lineStart, para.start);
  if (!/^[\s>*+\-\d.)[\]xX]*$/.test(prefix)) return null;
  // The content column of the item: markers become spaces, block quote markers and tabs stay.
  // A ">" written without a space after it ("\n>- item") gets one: a quote marker takes one
  // optional space, so without it the new line's item would start a column short and be a
  // sibling, not nested (found by the fix property test: the outcome skeleton did not nest).
  let indent = prefix
    .replace(/\[[ xX]\]\s*$/, '')
    .replace(/>(?![ \t])/g, '>\u0000')
    .replace(/[^>\t]/g, ' ');
  if (!/\S|\t/.test(indent) && indent.length === 0) indent = '  ';
  return { at: para.end, indent };
}

export function addPlainItem(
  b: Builder,
  plain: PlainText,
  block: Block,
  kind: ItemKind,
  span: Span,
  exact: boolean,
): void {
  let pos = skipPrefix(plain.text);
  const idInfo = readId(b, plain, pos);
  if (idInfo) pos = idInfo.end;
  const end = plain.text.trimEnd().length;
  const body = plain.text.slice(pos, Math.max(pos, end));
  const offsets = exact
    ? plain.offsets.slice(pos, Math.max(pos, end) + 1)
    : new Array<number>(body.length + 1).fill(span.start);
  if (!exact) offsets[offsets.length - 1] = span.end;
  const id = idInfo?.id ?? null;
  const base: ItemBase = {
    kind,
    index: kind === 'objective' ? b.outline.objectives.length : b.outline.outcomes.length,
    id: id ?? generatedId(b, 0, kind),
    explicitId: id !== null,
    idSpan:
      id && exact
        ? { start: plain.offsets[idInfo!.start]!, end: plain.offsets[idInfo!.start + id.length]! }
        : null,
    text: body.replace(/\s+/g, ' ').trim(),
    span,
    textSpan: { start: offsets[0]!, end: offsets[offsets.length - 1]! },
    section: 0,
    block: block.index,
    source: 'front-matter',
    label: null,
    references: findReferences(body, offsets, id),
    parent: null,
    plain: body,
    offsets,
    insertion: null,
  };
  finishItem(b, base, block, null);
}
