// What every reader shares while one outline is built: the text, its parse, the lexicon, the
// outline being filled in, and the small helpers that turn parse positions into spans and open
// new blocks.
import type { List } from 'mdast';
import type { Lexicon } from '../language/lexicon.js';
import type { Block, BlockSource, ItemKind, LeadIn, Outline, Span } from '../model.js';
import { positionEnd, positionStart, type Parsed } from '../parse.js';
import type { PlainCache } from './plain.js';
import type { Reads } from './reuse.js';
import type { ListSink } from './readers/lists.js';
import type { OutlineNotes } from './noted.js';
import type { LastBuild, WalkRecord } from './resume.js';

export interface Builder {
  text: string;
  filePath: string;
  parsed: Parsed;
  lex: Lexicon;
  outline: Outline;
  sectionCounters: Map<string, number>;
  /** The key of generated IDs' counters ("slug#kind") by section and kind (section * 3 + 0, 1
   * or 2 for objectives, outcomes and assessments), made once (items.ts). */
  sectionSlugs: Map<number, string>;
  codeSpans: Span[];
  /** Where the objectives and outcomes read so far start, in the order they were read: noted as
   * each is pushed, while it is at hand, for the tasks of assessments (assessments.ts,
   * itemStarts), which read them again from the items only when asked (a long outline's edit
   * reached every item and its span for the few assessments with a task). */
  itemStarts: number[];
  /** How many times the text says "end-point assessment" (plan.ts), when counted before the
   * walk (from the last build's count after an edit); counted by the plan otherwise. */
  endPoints?: number;
  /** Where each list's items went, so that a list continued after a comment joins them. */
  listSinks: WeakMap<List, ListSink>;
  /** Plain text of inline nodes made lately, by their children array (plain.ts). */
  plainCache: PlainCache;
  /** What this build reads from paragraphs, and what the last build of the document read
   * (reuse.ts); null for a text analysed once. */
  reads: Reads | null;
  /** What is noted of each item for the passes after the build (noted.ts); undefined for a
   * text analysed once. */
  notes?: OutlineNotes;
  /** What the walk notes for the next build's resume (resume.ts); undefined for a text analysed
   * once. */
  record?: WalkRecord;
  /** The last build of the document, and where the text changed from it (the length of the
   * unchanged start, in the parse's source): the walk may resume at one of its checkpoints. */
  resume?: { last: LastBuild; prefix: number };
}

/** A parse node's span in the analysed text (the parse skips a BOM; spans count it). */
export function off(
  b: Builder,
  node: { position?: { start: { offset?: number }; end: { offset?: number } } },
): Span {
  const base = b.parsed.base;
  return { start: positionStart(node.position) + base, end: positionEnd(node.position) + base };
}

export function newBlock(
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
