// What one build of a document read from its paragraphs, kept for the next build of the same
// document after an edit (the language server rebuilds the outline after every edit). The walk
// (walk.ts) goes over the tree from a checkpoint before the edit (resume.ts: what comes before
// it is taken as the last build made it), so everything that crosses sections after it is
// decided afresh: sections, namings, lead-ins, blocks, generated IDs, a list's kind. What is
// reused is the reading of a list item whose paragraph the edit left alone: its plain text, ID,
// label, references and the language analysis of its text, which depend on nothing but that
// text, the words of the configuration (the lexicon), and what the walk hands the reader (the
// block's kind rule and a lead-in's verb), all compared before the reading is reused.
//
// A paragraph is the same when it is the same parse node (parse.ts re-parses only the pieces an
// edit touched; the nodes of the others are kept, moved to where they now stand) and the text
// from the start of its first line to its end is still the same (its length and two hashes):
// the reader looks at that much of the text (the list marker before the paragraph, for where a
// nested item would go). A reused item is moved to where its paragraph now stands and takes
// its place in the new outline (index, block, section, generated ID, parent); its links are made
// again by the workspace. test/unit/outline-reuse.test.ts checks, after random edits, that the
// outline and findings equal those of a fresh build.
import type { Paragraph } from 'mdast';
import type { Lexicon } from '../language/lexicon.js';
import type { ItemBase, Span } from '../model.js';
import type { KindRule } from './items.js';

/** What was read from one paragraph (kept from build to build while its text stays). */
export interface ParagraphMemo {
  /** The text from the start of the paragraph's first line to its end: length and hashes. */
  length: number;
  h1: number;
  h2: number;
  /** The part of it before the paragraph (a list marker, indentation, quote marks): length
   * and hash. */
  pre: number;
  ph: number;
  /** The build (Reads.build) that last found this memo good. */
  seen: number;
  /** The item read from it as a list item, with what the walk handed the reader, and the build
   * that last used it (an item belongs to one outline at a time). */
  item?: {
    made: ItemBase;
    rule: KindRule;
    leadVerb: string | null;
    by: Reads;
    /** Where the spans of its analysis are (spanSlots), found at its first move. */
    slots?: SpanSlots;
    /** An objective's hasOwnVerb (language/other-language.ts), found at its first placing: fixed
     * with its analysis, and known here without reaching the analysis on every build. */
    ownVerb?: boolean;
    /** The counter key and count its generated ID was last placed with (placeItem). */
    genKey?: string;
    genCount?: number;
  };
  /** Whether its text reads as a statement about something (readers/lists.ts); null when it
   * has no text. */
  statement?: boolean | null;
}

/**
 * One build's paragraph memos, and the last build's to reuse. The builds of a document share one
 * map of memos by paragraph node, each memo stamped with the build that last found it good
 * (`seen`, a build's number): a memo stamped by this build is this build's, one stamped by the
 * last build is the last build's (checked before it is reused, as a memo of the last build's map
 * was), any other is as good as none. (A map made afresh per build cost a long outline's edit a
 * look-up in the last map, an insertion in the new one and the new map's growth, for each of its
 * ~7,000 paragraphs.) Paragraphs no build reaches any more are let go when they have come to
 * outnumber the ones this build found (`done`).
 */
export class Reads {
  /** The memos by paragraph node (this build's: those with `seen` equal to `build`). */
  readonly next: Map<Paragraph, ParagraphMemo>;
  /** This build's number: the last build's plus one. */
  readonly build: number;
  /** Items reused in this build (tests read it). */
  reused = 0;
  /** Paragraphs this build found a memo for. */
  private found = 0;
  /** This build's memos, in the order the walk first asked for them (a resumed walk takes the
   * last build's up to its checkpoint: resume.ts). */
  readonly order: ParagraphMemo[] = [];

  constructor(
    readonly lex: Lexicon,
    /** The last build of the document, with the same lexicon (null: none). Its memos are taken
     * over: it must not be built with again. */
    last: Reads | null,
    /** The text of a paragraph node the last build read is the same now: this parse and the
     * last were both of texts with nothing masked (parse.ts `plain`), so a node the parse hands
     * on, from a piece the edit did not touch, stands over the same characters. */
    private readonly nodesKeepText = false,
  ) {
    this.next = last ? last.next : new Map();
    this.build = last ? last.build + 1 : 1;
  }

  /** This build's memo of a paragraph: the last build's when its text is unchanged. */
  memo(text: string, para: Paragraph, span: Span): ParagraphMemo {
    const known = this.next.get(para);
    if (known?.seen === this.build) return known;
    const old = known?.seen === this.build - 1 ? known : undefined;
    let from = span.start;
    while (from > 0 && text.charCodeAt(from - 1) !== 10 && text.charCodeAt(from - 1) !== 13) from--;
    const pre = span.start - from;
    let ph = 0x811c9dc5;
    for (let i = from; i < span.start; i++) ph = Math.imul(ph ^ text.charCodeAt(i), 16777619);
    const length = span.end - from;
    this.found++;
    // The same node over the same characters: only what stands before it on its first line
    // (not the node's: a piece may start at a list item's marker, after its indentation) is
    // compared, not the paragraph hashed again (every paragraph of a long outline, per edit).
    if (old && this.nodesKeepText && old.length === length && old.pre === pre && old.ph === ph) {
      old.seen = this.build;
      this.order.push(old);
      return old;
    }
    let h1 = 0x811c9dc5;
    let h2 = 0x41c6ce57;
    for (let i = from; i < span.end; i++) {
      const c = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 16777619);
      h2 = Math.imul(h2 ^ c, 2654435761);
    }
    if (old && old.length === length && old.h1 === h1 && old.h2 === h2) {
      old.seen = this.build;
      this.order.push(old);
      return old;
    }
    const m: ParagraphMemo = {
      length,
      h1,
      h2,
      pre,
      ph,
      seen: this.build,
      item: undefined,
      statement: undefined,
    };
    this.next.set(para, m);
    this.order.push(m);
    return m;
  }

  /** The last build's first `count` memos taken as this build's, as the walk would have found
   * them (a walk resumed after their paragraphs: resume.ts); their items are this build's. */
  adopt(memos: readonly ParagraphMemo[], count: number, last: Reads | null): void {
    for (let k = 0; k < count; k++) {
      const m = memos[k]!;
      m.seen = this.build;
      if (m.item && m.item.by === last) m.item.by = this;
      this.order.push(m);
    }
    this.found += count;
  }

  /** After the build: the memos of paragraphs it did not reach are let go once they are as many
   * as the ones it did (and more than a few). */
  done(): void {
    if (this.next.size <= 2 * this.found + 64) return;
    for (const [para, m] of this.next) if (m.seen !== this.build) this.next.delete(para);
  }
}

/**
 * Where the spans of an item's analysis are: each span's container (an object or an array) and
 * its key there, in pairs. An analysis is made once, when its item is read, and never changed
 * after, but for its spans, which moving replaces in place: the containers and keys found once
 * hold for every later move of the same item. (Found by walking the analysis on every move, the
 * walk cost a long outline's edit about 4%: every object of every item after the edit, each
 * key of each.)
 */
export type SpanSlots = readonly (object | string | number)[];

/** The spans of an analysis, found by shape ({ start, end } and nothing else), so a span a
 * reader adds to an analysis is found too. */
export function spanSlots(analysis: object | undefined): SpanSlots {
  if (!analysis) return NO_SLOTS;
  const slots: (object | string | number)[] = [];
  slotsIn(analysis as Record<string, unknown>, slots, SEEN);
  SEEN.clear();
  return slots.length ? slots : NO_SLOTS;
}

const NO_SLOTS: SpanSlots = Object.freeze([]);

/**
 * Moves an item read at another place by `delta`: every span in it and its analysis is
 * replaced by a moved copy (a span object may be shared with a finding made from the item,
 * which must not move with it), and its offsets are moved in place (they are its own). The
 * analysis's spans are those `slots` lists (spanSlots of the same item's analysis).
 */
export function moveItem(item: ItemBase, delta: number, slots: SpanSlots): void {
  item.span = moved(item.span, delta);
  item.textSpan = moved(item.textSpan, delta);
  if (item.idSpan) item.idSpan = moved(item.idSpan, delta);
  if (item.insertion)
    item.insertion = { at: item.insertion.at + delta, indent: item.insertion.indent };
  const offsets = item.offsets;
  for (let i = 0; i < offsets.length; i++) offsets[i] = offsets[i]! + delta;
  for (let i = 0; i < slots.length; i += 2) {
    const where = slots[i] as Record<string | number, Span>;
    const key = slots[i + 1] as string | number;
    where[key] = moved(where[key]!, delta);
  }
}

/** The objects slotsIn met in one item's analysis (one set for every item). */
const SEEN = new Set<object>();

/** The item's references as read (no resolved target), moved by `delta`. */
export function freshReferences(item: ItemBase, delta: number): ItemBase['references'] {
  return item.references.map((r) => ({
    id: r.id,
    span: delta ? moved(r.span, delta) : r.span,
    syntactic: r.syntactic,
    form: r.form,
    ...(r.ordinal === undefined ? {} : { ordinal: r.ordinal }),
    ...(r.inRange ? { inRange: true as const } : {}),
  }));
}

function moved(s: Span, delta: number): Span {
  return { start: s.start + delta, end: s.end + delta };
}

function isSpan(v: object): v is Span {
  const o = v as { start?: unknown; end?: unknown };
  if (typeof o.start !== 'number' || typeof o.end !== 'number') return false;
  for (const key in v) if (key !== 'start' && key !== 'end') return false;
  return true;
}

/** Notes every span found under `obj` (objects and arrays) as a container and a key. Objects
 * met twice (an analysis shares its first behaviour's verb) are walked once, so that a span is
 * noted, and moved, once. */
function slotsIn(
  obj: Record<string, unknown>,
  slots: (object | string | number)[],
  seen: Set<object>,
): void {
  if (seen.has(obj)) return;
  seen.add(obj);
  if (Array.isArray(obj)) {
    for (let i = 0; i < obj.length; i++) {
      const v: unknown = obj[i];
      if (v === null || typeof v !== 'object') continue;
      if (isSpan(v)) slots.push(obj, i);
      else slotsIn(v as Record<string, unknown>, slots, seen);
    }
    return;
  }
  for (const key in obj) {
    const v = obj[key];
    if (v === null || typeof v !== 'object') continue;
    if (isSpan(v)) slots.push(obj, key);
    else slotsIn(v as Record<string, unknown>, slots, seen);
  }
}
