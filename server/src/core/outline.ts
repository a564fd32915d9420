// Builds the outline model from Markdown: sections from headings, blocks of objectives and
// outcomes from headings, lead-ins, front matter, fenced divs and labels, and for every item
// its ID, label, references and the language reading of its text. Links between items are
// made later (links.ts), because references can point into other files.
import type { List, ListItem, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { parseDocument, isSeq, isScalar, isMap } from 'yaml';
import type { Config } from './config.js';
import { lexiconFor, type Lexicon } from './language/lexicon.js';
import { readObjective, type ObjectiveReading, type PlainSpan } from './language/objective.js';
import { readOutcome } from './language/outcome.js';
import {
  blockKindOfDiv,
  blockKindOfName,
  isLearningOutcomesName,
  readLabel,
  readLeadIn,
  type LeadInReading,
} from './language/vocabulary.js';
import type {
  Block,
  BlockSource,
  DisableDirective,
  ItemBase,
  ItemKind,
  LeadIn,
  Located,
  Objective,
  Outcome,
  Outline,
  Reference,
  Section,
  Span,
  TextEdit,
} from './model.js';
import { declineReason } from './limits.js';
import { parseMarkdown, type Parsed } from './parse.js';
import { LineIndex } from './text.js';

interface PlainText {
  text: string;
  /** Source offset of each UTF-16 unit of `text`, plus one past the end. */
  offsets: number[];
}

interface Builder {
  text: string;
  parsed: Parsed;
  lex: Lexicon;
  outline: Outline;
  sectionCounters: Map<string, number>;
  codeSpans: Span[];
  listBlocks: WeakMap<List, Block>;
}

export function buildOutline(
  text: string,
  filePath: string,
  config?: Pick<Config, 'vaguePhrases' | 'verbs'>,
): Outline {
  return analyseText(text, filePath, config).outline;
}

/**
 * Builds the outline, reusing the unchanged sections of a previous parse of the same file.
 * A text the core declines (too large, nested too deep: limits.ts) gives an outline with a
 * note and no items, and no parse to reuse.
 */
export function analyseText(
  text: string,
  filePath: string,
  config?: Pick<Config, 'vaguePhrases' | 'verbs'>,
  previous?: Parsed | null,
): { outline: Outline; parsed: Parsed | null } {
  const reason = declineReason(text);
  if (reason) return { outline: declined(text, filePath, reason), parsed: null };
  try {
    return build(text, filePath, config, previous ?? undefined);
  } catch (err) {
    // The last line of defence: nesting the scan in limits.ts did not foresee.
    if (err instanceof RangeError && /call stack/i.test(err.message)) {
      const message = 'Not analysed: the text is nested too deeply.';
      return {
        outline: declined(text, filePath, { message, span: { start: 0, end: 0 } }),
        parsed: null,
      };
    }
    throw err;
  }
}

function declined(text: string, filePath: string, reason: Outline['notes'][number]): Outline {
  return {
    filePath,
    text,
    title: null,
    sections: [rootSection(text)],
    blocks: [],
    objectives: [],
    outcomes: [],
    directives: [],
    notes: [reason],
    declined: reason.message,
  };
}

/** Section 0, the course: the whole text, before the title and headings are known. */
function rootSection(text: string): Section {
  return {
    index: 0,
    title: '',
    depth: 0,
    path: [],
    parent: null,
    heading: null,
    span: { start: 0, end: text.length },
    children: [],
  };
}

function build(
  text: string,
  filePath: string,
  config: Pick<Config, 'vaguePhrases' | 'verbs'> | undefined,
  previous: Parsed | undefined,
): { outline: Outline; parsed: Parsed } {
  const lex = lexiconFor(config?.vaguePhrases ?? [], config?.verbs ?? {});
  const parsed = parseMarkdown(text, previous);
  const outline: Outline = {
    filePath,
    text,
    title: null,
    sections: [],
    blocks: [],
    objectives: [],
    outcomes: [],
    directives: [],
    notes: [],
  };
  const b: Builder = {
    text,
    parsed,
    lex,
    outline,
    sectionCounters: new Map(),
    codeSpans: [],
    listBlocks: new WeakMap(),
  };
  const root = parsed.root;
  const h1s = root.children.filter((n) => n.type === 'heading' && n.depth === 1).length;
  outline.sections.push(rootSection(text));
  const frontMatter = root.children[0]?.type === 'yaml' ? root.children[0] : null;
  if (frontMatter) readFrontMatter(b, frontMatter);
  walkRoot(b, root, h1s === 1);
  const course = outline.sections[0]!;
  course.title = outline.title ?? '';
  course.path = outline.title ? [outline.title] : [];
  for (const s of outline.sections.slice(1))
    s.path = [...outline.sections[s.parent!]!.path, s.title];
  readDirectives(b);
  return { outline, parsed };
}

function off(
  b: Builder,
  node: { position?: { start: { offset?: number }; end: { offset?: number } } },
): Span {
  return {
    start: (node.position?.start.offset ?? 0) + b.parsed.base,
    end: (node.position?.end.offset ?? 0) + b.parsed.base,
  };
}

// ---------------------------------------------------------------------------------------------
// Sections and the top-level walk

interface Context {
  section: number;
  /** Kind named by the current heading ("## Learning objectives"), until the next heading. */
  naming: { kind: ItemKind; learningOutcomes: boolean } | null;
}

function walkRoot(b: Builder, root: Root, singleH1: boolean): void {
  const { outline } = b;
  // Stack of open headings: depth and the section that content under them belongs to.
  const stack: { depth: number; section: number }[] = [{ depth: 0, section: 0 }];
  const ctx: Context = { section: 0, naming: null };
  const headings: { start: number; depth: number }[] = [];
  const children = root.children;
  for (let i = 0; i < children.length; i++) {
    const node = children[i]!;
    if (node.type === 'heading') {
      const title = plainOf(b, node.children).text.trim();
      const span = off(b, node);
      headings.push({ start: span.start, depth: node.depth });
      while (stack.length > 1 && stack[stack.length - 1]!.depth >= node.depth) stack.pop();
      const parent = stack[stack.length - 1]!.section;
      const kind = blockKindOfName(title);
      if (kind) {
        // A heading that only names the block: its items belong to the parent section.
        stack.push({ depth: node.depth, section: parent });
        ctx.section = parent;
        ctx.naming = { kind, learningOutcomes: isLearningOutcomesName(title) };
        continue;
      }
      ctx.naming = null;
      if (node.depth === 1 && singleH1 && outline.sections[0]!.heading === null) {
        const course = outline.sections[0]!;
        course.heading = span;
        course.depth = 1;
        if (!outline.title) outline.title = title;
        stack.push({ depth: 1, section: 0 });
        ctx.section = 0;
        continue;
      }
      const index = outline.sections.length;
      outline.sections.push({
        index,
        title,
        depth: node.depth,
        path: [],
        parent,
        heading: span,
        span: { start: span.start, end: b.text.length },
        children: [],
      });
      outline.sections[parent]!.children.push(index);
      stack.push({ depth: node.depth, section: index });
      ctx.section = index;
      continue;
    }
    walkBlockNode(b, node, children, i, ctx);
  }
  // A section runs to the next heading of the same or a higher level.
  for (const s of outline.sections) {
    if (!s.heading || s.index === 0) continue;
    const next = headings.find((h) => h.start > s.heading!.start && h.depth <= s.depth);
    s.span.end = next ? next.start : b.text.length;
  }
}

function walkBlockNode(
  b: Builder,
  node: RootContent,
  siblings: RootContent[],
  i: number,
  ctx: Context,
): void {
  switch (node.type) {
    case 'list':
      readList(b, node, siblings, i, ctx);
      break;
    case 'blockquote': {
      const inner: Context = { section: ctx.section, naming: ctx.naming };
      for (let i = 0; i < node.children.length; i++) {
        const child = node.children[i]!;
        if (child.type === 'heading') {
          const kind = blockKindOfName(plainOf(b, child.children).text);
          inner.naming = kind
            ? { kind, learningOutcomes: isLearningOutcomesName(plainOf(b, child.children).text) }
            : null;
          continue;
        }
        walkBlockNode(b, child, node.children, i, inner);
      }
      break;
    }
    case 'code':
      b.codeSpans.push(off(b, node));
      break;
    default:
      break;
  }
}

// ---------------------------------------------------------------------------------------------
// Blocks

/** The innermost enclosing div that names objectives or outcomes, and whether any other
 * named div (a challenge, a callout) sits closer. */
function divKindAt(b: Builder, offset: number): { kind: ItemKind | null; inOtherDiv: boolean } {
  let best: { kind: ItemKind; depth: number } | null = null;
  let other = -1;
  for (const d of b.parsed.divs) {
    if (d.start + b.parsed.base > offset) break;
    if (offset >= d.end + b.parsed.base) continue;
    const kind = blockKindOfDiv(d.name);
    if (kind) {
      if (!best || d.depth > best.depth) best = { kind, depth: d.depth };
    } else if (d.name) other = Math.max(other, d.depth);
  }
  return { kind: best?.kind ?? null, inOtherDiv: other > (best?.depth ?? -1) };
}

function readList(
  b: Builder,
  list: List,
  siblings: RootContent[],
  index: number,
  ctx: Context,
): void {
  const start = off(b, list).start;
  // A list split by an HTML comment (a disable comment between items) continues its block.
  let k = index - 1;
  while (
    k >= 0 &&
    siblings[k]!.type === 'html' &&
    /^<!--/.test((siblings[k] as { value: string }).value)
  )
    k--;
  const before = siblings[k];
  if (k < index - 1 && before?.type === 'list') {
    const continued = b.listBlocks.get(before);
    if (continued) {
      b.listBlocks.set(list, continued);
      const leadVerb = continued.leadIn?.verb?.lemma ?? null;
      for (const item of list.children)
        readItem(b, item, continued, continued.kind, null, leadVerb);
      return;
    }
  }
  const previous = siblings[index - 1];
  const div = divKindAt(b, start);
  let leadIn: LeadIn | null = null;
  let leadReading: LeadInReading | null = null;
  let labelKind: ItemKind | null = null;
  if (previous?.type === 'paragraph' && isAdjacent(b, previous, list)) {
    const plain = plainOf(b, previous.children);
    leadReading = readLeadIn(plain.text, b.lex);
    if (leadReading) {
      const verb = leadReading.verb;
      leadIn = {
        text: plain.text.trim(),
        span: off(b, previous),
        verb: verb
          ? {
              lemma: verb.lemma,
              span: { start: plain.offsets[verb.start]!, end: plain.offsets[verb.end]! },
              toAbleTo: exactEdit(b.text, plain, verb.replaceStart, verb.end, verb.replacement),
            }
          : null,
      };
    } else if (plain.text.length <= 80) {
      labelKind = blockKindOfName(plain.text);
    }
  }
  let kind: ItemKind | null = null;
  let source: BlockSource = 'heading';
  if (div.kind) {
    kind = div.kind;
    source = 'div';
  } else if (leadReading) {
    kind = leadReading.kind;
    source = 'lead-in';
  } else if (labelKind) {
    kind = labelKind;
    source = 'label';
  } else if (ctx.naming && !div.inOtherDiv) {
    kind = ctx.naming.kind;
    source = 'heading';
    if (
      kind === 'outcome' &&
      ctx.naming.learningOutcomes &&
      list.children.length > 0 &&
      list.children.every((item) => saysAbleTo(b, item))
    ) {
      kind = 'objective';
    }
  }
  if (!kind) {
    findLabelledItems(b, list, ctx.section, null);
    return;
  }
  const block = newBlock(b, kind, source, ctx.section, off(b, list), leadIn);
  b.listBlocks.set(list, block);
  const leadVerb = leadIn?.verb?.lemma ?? null;
  for (const item of list.children) readItem(b, item, block, kind, null, leadVerb);
}

/** An edit replacing plain[start, end) when the source there is exactly that text. */
export function exactEdit(
  text: string,
  plain: { text: string; offsets: number[] },
  start: number,
  end: number,
  newText: string,
): TextEdit | null {
  if (start < 0 || end > plain.text.length || start > end) return null;
  const s = start < plain.text.length ? plain.offsets[start]! : plain.offsets[plain.text.length]!;
  const e = end > start ? plain.offsets[end - 1]! + 1 : s;
  if (text.slice(s, e) !== plain.text.slice(start, end)) return null;
  return { span: { start: s, end: e }, newText };
}

function saysAbleTo(b: Builder, item: ListItem): boolean {
  const first = item.children[0];
  return (
    first?.type === 'paragraph' &&
    /\b(?:be|are|is)\s+able\s+to\b|^\s*able\s+to\b/i.test(plainOf(b, first.children).text)
  );
}

/** True when nothing but whitespace separates two sibling nodes (no blank line needed). */
function isAdjacent(b: Builder, a: RootContent, c: RootContent): boolean {
  const between = b.text.slice(off(b, a).end, off(b, c).start);
  return /^\s*$/.test(between) && (between.match(/\n/g)?.length ?? 0) <= 2;
}

function newBlock(
  b: Builder,
  kind: ItemKind,
  source: BlockSource,
  section: number,
  span: Span,
  leadIn: LeadIn | null,
): Block {
  const block: Block = {
    index: b.outline.blocks.length,
    kind,
    source,
    section,
    items: [],
    leadIn,
    span,
  };
  b.outline.blocks.push(block);
  return block;
}

/** Outside any block: items that carry a label ("Objective: ...", "KPI: ..."), at any depth. */
function findLabelledItems(
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

// ---------------------------------------------------------------------------------------------
// Items

// No leading `\s*`: the spaces before it are skipped by hand (readItem), since a regex that
// starts with `\s*` backtracks quadratically on long runs of spaces.
const TRAILING_ID = /\{#([\p{L}\p{N}][\p{L}\p{N}._:-]*)\}\s*$/u;

/** Skips a checkbox and outline numbering ("1.2", "a)") at the start of an item. */
function skipPrefix(plain: string): number {
  const m =
    /^\s*(?:\[[ xX]\]\s+)?(?:(?:\d+(?:\.\d+)*|[a-z]|[ivx]+)[.)]\s+|\(\s*(?:\d+|[a-z]|[ivx]+)\s*\)\s+|\d+(?:\.\d+)+\s+)?/.exec(
      plain,
    );
  return m ? m[0].length : 0;
}

/** An explicit ID at `from`: `**LO1**`, `**LO1.2:**`, `` `LO1` ``, `[LO1]`, `LO1:`. */
function readId(
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

function readItem(
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

// ---------------------------------------------------------------------------------------------
// References: "(LO1, LO2)", "[LO1]", "supports LO1", "measures: LO1", "-> LO1", and bare tokens.

const REF_ID = String.raw`[A-Za-z]{1,12}-?\d+(?:\.\d+)*`;
const LIST = String.raw`${REF_ID}(?:\s*(?:,|;|&|\/|\band\b|\bor\b)\s*${REF_ID})*`;
// `\s*(?::\s*)?` and `(?:\s*:\s+|\s+)` rather than `\s*:?\s*` and `\s*:?\s+`: two
// quantifiers over the same spaces backtrack quadratically (cubically here) on long runs.
const PAREN_REFS = new RegExp(
  String.raw`[(\[]\s*(?:(?:see|supports?|measures?|for|maps?\s+to|aligns?\s+(?:with|to)|re|ref|cf\.?)\s*(?::\s*)?)?(${LIST})\s*[)\]]`,
  'gi',
);
const KEYWORD_REFS = new RegExp(
  String.raw`(?:\b(?:supports?|supporting|measures?|measuring|measured\s+by|maps?\s+to|mapped\s+to|mapping\s+to|aligns?\s+(?:with|to)|aligned\s+(?:with|to)|addresses|evidences?|assesses|linked\s+to|links\s+to|relates\s+to|related\s+to|objectives?|outcomes?|los?)(?:\s*:\s+|\s+)|(?:->|→|=>|⇒)\s*)(${LIST})`,
  'gi',
);
const BARE = new RegExp(String.raw`\b${REF_ID}\b`, 'g');
const TIME_TOKEN = /^(?:q[1-4]|h[12]|fy-?\d{2,4}|t[1-3]|s[12])$/i;

function findReferences(body: string, offsets: number[], ownId: string | null): Reference[] {
  if (!/\d/.test(body)) return [];
  const refs: Reference[] = [];
  const seen = new Set<number>();
  const own = ownId?.toLowerCase();
  const add = (id: string, at: number, form: Reference['form']) => {
    if (seen.has(at) || TIME_TOKEN.test(id) || id.toLowerCase() === own) return;
    seen.add(at);
    refs.push({
      id,
      span: { start: offsets[at]!, end: offsets[at + id.length]! },
      syntactic: form !== 'bare',
      form,
    });
  };
  for (const re of [PAREN_REFS, KEYWORD_REFS]) {
    re.lastIndex = 0;
    for (let m = re.exec(body); m; m = re.exec(body)) {
      const listStart = m.index + m[0].lastIndexOf(m[1]!);
      // "(supports LO1)" is as clear as "supports LO1"; a bare "(LO1)" is weaker evidence.
      const keyword =
        re === KEYWORD_REFS ||
        (/^[([]\s*[A-Za-z]+\.?(?:\s*:\s+|\s+)/.test(m[0].slice(0, listStart - m.index + 1)) &&
          listStart - m.index > 1);
      const idRe = new RegExp(REF_ID, 'g');
      for (let t = idRe.exec(m[1]!); t; t = idRe.exec(m[1]!))
        add(t[0], listStart + t.index, keyword ? 'keyword' : 'parenthesised');
    }
  }
  BARE.lastIndex = 0;
  for (let m = BARE.exec(body); m; m = BARE.exec(body)) add(m[0], m.index, 'bare');
  refs.sort((a, c) => a.span.start - c.span.start);
  return refs;
}

// ---------------------------------------------------------------------------------------------
// Front matter: `title:`, `objectives:` and `outcomes:` lists (Carpentries' older format).

function readFrontMatter(b: Builder, node: RootContent): void {
  if (node.type !== 'yaml') return;
  const span = off(b, node);
  // The YAML starts after the opening fence's line break, which may be CR, LF or CRLF (looking
  // for "\n" only put every item of a CR file's front matter at the wrong offsets, past the end
  // of the text for the last one; found by the spans property test).
  let firstBreak = span.start;
  while (firstBreak < span.end && b.text[firstBreak] !== '\n' && b.text[firstBreak] !== '\r')
    firstBreak++;
  const contentStart =
    firstBreak >= span.end
      ? span.end
      : firstBreak + (b.text[firstBreak] === '\r' && b.text[firstBreak + 1] === '\n' ? 2 : 1);
  let doc;
  try {
    // The YAML parser does not take a lone CR for a line break; LF in its place keeps offsets.
    doc = parseDocument(node.value.replace(/\r(?!\n)/g, '\n'), {
      prettyErrors: false,
      uniqueKeys: false,
    });
  } catch {
    b.outline.notes.push({ message: 'The front matter could not be read as YAML.', span });
    return;
  }
  if (doc.errors.length) {
    b.outline.notes.push({
      message: `The front matter is not valid YAML: ${doc.errors[0]!.message.split('\n')[0]}`,
      span,
    });
  }
  const contents = doc.contents;
  if (!isMap(contents)) return;
  for (const pair of contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value).toLowerCase() : '';
    if (key === 'title' && isScalar(pair.value) && typeof pair.value.value === 'string') {
      b.outline.title = pair.value.value.trim();
    }
    const kind: ItemKind | null =
      key === 'objectives' ? 'objective' : key === 'outcomes' ? 'outcome' : null;
    if (!kind) continue;
    if (!isSeq(pair.value)) {
      b.outline.notes.push({
        message: `Front matter "${key}" should be a list of sentences; it was ignored.`,
        span,
      });
      continue;
    }
    const seq = pair.value;
    const block = newBlock(b, kind, 'front-matter', 0, span, null);
    for (const entry of seq.items) {
      if (!isScalar(entry) || typeof entry.value !== 'string' || !entry.range) continue;
      const value = entry.value;
      const [s, e] = entry.range;
      const raw = node.value.slice(s, e);
      // Offsets are exact only where the source is the value itself (plain or simply quoted).
      let inner = -1;
      if (raw === value) inner = s;
      else if ((raw === `"${value}"` || raw === `'${value}'`) && !value.includes('\n'))
        inner = s + 1;
      const srcStart = contentStart + (inner >= 0 ? inner : s);
      const offsets = new Array<number>(value.length + 1);
      for (let k = 0; k <= value.length; k++)
        offsets[k] = inner >= 0 ? srcStart + k : k === value.length ? contentStart + e : srcStart;
      const plain: PlainText = { text: value, offsets };
      addPlainItem(
        b,
        plain,
        block,
        kind,
        { start: contentStart + s, end: contentStart + e },
        inner >= 0,
      );
    }
  }
}

function addPlainItem(
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

// ---------------------------------------------------------------------------------------------
// Plain text of inline Markdown, with source offsets

function plainOf(b: Builder, nodes: PhrasingContent[]): PlainText {
  const out: PlainText = { text: '', offsets: [] };
  let end = 0;
  // Depth first, in document order, with a stack rather than recursion: emphasis can nest
  // thousands deep ("***...a***..."), deeper than the call stack.
  const stack: PhrasingContent[] = [...nodes].reverse();
  while (stack.length) {
    const n = stack.pop()!;
    const span = off(b, n);
    end = Math.max(end, span.end);
    switch (n.type) {
      case 'text':
      case 'inlineCode':
        align(b.text, n.value, span, out);
        break;
      case 'break':
        out.text += ' ';
        out.offsets.push(span.start);
        break;
      case 'html':
      case 'image':
      case 'imageReference':
      case 'footnoteReference':
        break;
      default:
        if ('children' in n) {
          const children = n.children as PhrasingContent[];
          for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
        }
    }
  }
  out.offsets.push(
    out.offsets.length ? Math.max(end, out.offsets[out.offsets.length - 1]! + 1) : end,
  );
  // The end sentinel is one past the last character that came from the source.
  if (out.text.length) out.offsets[out.text.length] = out.offsets[out.text.length - 1]! + 1;
  return out;
}

/** Maps each character of a node's value to its offset in the source, skipping escapes,
 * entity tails, continuation indentation and CR of CRLF. A character reference ("&#65;",
 * "&eacute;") stands for the character it decodes to, and NUL for the U+FFFD the parser reads
 * it as: without these the search ran on to a later copy of the character, and every offset
 * after it was wrong (found by the fixFile property test: a NUL before "measures: O2" made
 * unknown-reference's fix write into "{#lo1}"). */
function align(src: string, value: string, span: Span, out: PlainText): void {
  let si = span.start;
  // A character the source does not have at all is searched for to the end of the span; after
  // too many such searches, positions are looked up in an index of the span instead, so that a
  // long line of them stays linear.
  let budget = 4 * (span.end - span.start) + 256;
  let index: Map<number, number[]> | null = null;
  for (let vi = 0; vi < value.length; vi++) {
    const c = value.charCodeAt(vi);
    let j = span.end;
    let skip = 1;
    if (index) {
      const at = index.get(c);
      const k = at ? firstAtLeast(at, si) : -1;
      if (k >= 0) j = k;
    } else {
      j = si;
      while (j < span.end) {
        const d = src.charCodeAt(j);
        if (d === c || (d === 0 && c === 0xfffd)) break;
        if (d === 38 /* & */) {
          CHAR_REF.lastIndex = j;
          const ref = CHAR_REF.exec(src);
          if (ref && j + ref[0].length <= span.end) {
            skip = ref[0].length;
            break;
          }
        }
        j++;
      }
      budget -= j - si;
      if (budget < 0) index = indexSpan(src, span);
    }
    if (j < span.end) {
      out.offsets.push(j);
      // Both halves of an astral character from one reference ("&#x1F600;") stand there.
      if (skip > 1 && c >= 0xd800 && c <= 0xdbff && vi + 1 < value.length) {
        out.offsets.push(j);
        vi++;
      }
      si = j + skip;
    } else out.offsets.push(Math.min(si, span.end));
  }
  // Appended once, not a character at a time (a 2 MB line made that the slowest part).
  out.text += value.replace(/[\r\n]/g, ' ');
}

/** A character reference at lastIndex: decimal, hexadecimal or named. */
const CHAR_REF = /&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/y;

function indexSpan(src: string, span: Span): Map<number, number[]> {
  const index = new Map<number, number[]>();
  for (let i = span.start; i < span.end; i++) {
    const c = src.charCodeAt(i);
    const list = index.get(c);
    if (list) list.push(i);
    else index.set(c, [i]);
  }
  return index;
}

/** The first value >= min in a sorted list, or -1. */
function firstAtLeast(list: number[], min: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < min) lo = mid + 1;
    else hi = mid;
  }
  return lo < list.length ? list[lo]! : -1;
}

// ---------------------------------------------------------------------------------------------
// Disable comments: <!-- bloomline-disable-next-line RULE --> and friends.

// The comment's end is found with indexOf: `([^]*?)-->` scans to the end of the text from every
// unclosed "<!-- bloomline-" (quadratic).
const DIRECTIVE =
  /<!--\s*bloomline-(disable-next-line|disable-line|disable-file|disable|enable)\b/g;

function readDirectives(b: Builder): void {
  const text = b.text;
  if (!text.includes('bloomline-')) return;
  DIRECTIVE.lastIndex = 0;
  const lines = new LineIndex(text);
  for (let m = DIRECTIVE.exec(text); m; m = DIRECTIVE.exec(text)) {
    const at = m.index;
    const close = text.indexOf('-->', at + m[0].length);
    if (close < 0) break;
    DIRECTIVE.lastIndex = close + 3;
    if (b.codeSpans.some((s) => at >= s.start && at < s.end)) continue;
    const line = lines.position(at).line;
    b.outline.directives.push({
      kind: m[1] as DisableDirective['kind'],
      rules: text
        .slice(at + m[0].length, close)
        .split(/[\s,]+/)
        .map((r) => r.trim())
        .filter(Boolean),
      line,
    });
  }
}
