// The walk over the document: sections from headings, and for each list the block it belongs
// to (named by a heading, a lead-in, a div or a label).
import type { List, ListItem, Root, RootContent } from 'mdast';
import {
  blockKindOfDiv,
  blockKindOfName,
  isLearningOutcomesName,
  readLeadIn,
  type LeadInReading,
} from '../language/vocabulary.js';
import type { BlockSource, ItemKind, LeadIn } from '../model.js';
import { newBlock, off, type Builder } from './context.js';
import { findLabelledItems, readItem } from './items.js';
import { exactEdit, plainOf } from './plain.js';

interface Context {
  section: number;
  /** Kind named by the current heading ("## Learning objectives"), until the next heading. */
  naming: { kind: ItemKind; learningOutcomes: boolean } | null;
}

export function walkRoot(b: Builder, root: Root, singleH1: boolean): void {
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
