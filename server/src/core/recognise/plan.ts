// Which naming headings reach the lists of their subsections (OUTLINE-CONVENTIONS.md section
// 3.2), planned in one pass over the top-level nodes before the walk: "## Learning objectives"
// whose subsections ("### Week 1") hold nothing but lists, or a document titled "# Lecture
// Learning Objectives".
import type { Paragraph, RootContent } from 'mdast';
import { off, type Builder } from './context.js';
import { blockName, normaliseName, type BlockName } from './names.js';
import { leadInOf } from './scope.js';
import { plainTextOf } from './plain.js';
import { endBefore } from '../text.js';
import { memo } from '../memo.js';
export interface HeadingPlan {
  /** Child indices of naming headings whose naming reaches their subsections' lists. */
  deep: Set<number>;
  anyNamingHeading: boolean;
  /** Child indices of the headings of a standard's knowledge, skills and behaviours
   * ("## Knowledge" over "- K1: ...", "- K2: ..."), with the name they give: read as the
   * outline's objectives where nothing else names any (ksbName). */
  standard: Map<number, BlockName>;
  /** The name a heading gives, in this outline (headingName). */
  name(text: string): BlockName | null;
  /** Whether the subsections after child `i` (up to the end of the section at `depth`) hold
   * nothing but lists, and there is at least one. */
  listsOnlyAfter(i: number, depth: number): boolean;
}

export function planHeadings(b: Builder, children: RootContent[], singleH1: boolean): HeadingPlan {
  const headings: {
    index: number;
    depth: number;
    listsOnly: boolean;
    ownList: boolean;
    name: BlockName | null;
    /** The items of its own first list, normalised: a summary of its subsections or not. */
    summary?: Set<string>;
    text: string;
  }[] = [];
  let current: (typeof headings)[number] | null = null;
  let anyNamingHeading = false;
  const endPoint = (b.endPoints ?? endPointsIn(b.text)) > 0;
  const nameOf = (text: string) => headingName(text, endPoint);
  for (let i = 0; i < children.length; i++) {
    const n = children[i]!;
    if (n.type === 'heading') {
      const text = plainTextOf(b, n.children);
      const name = nameOf(text);
      // A subsection of exercises is not a subsection of objectives.
      const listsOnly = name?.kind !== 'assessment';
      current = { index: i, depth: n.depth, listsOnly, ownList: false, name, text };
      headings.push(current);
      continue;
    }
    if (!current) continue;
    if (n.type === 'list' && !current.ownList && current.name && current.name.kind !== 'assessment')
      current.summary = itemTexts(b, n);
    if (n.type === 'list' || (n.type === 'paragraph' && /\|/.test(plainTextOf(b, n.children))))
      current.ownList ||= n.type === 'list' || isTableParagraph(b, n as Paragraph);
    if (!listsOnlyNode(b, n)) current.listsOnly = false;
  }
  // Bad[k]: how many of the first k headings are not lists-only; ranges answer in O(1).
  const bad = [0];
  for (const h of headings) bad.push(bad[bad.length - 1]! + (h.listsOnly ? 0 : 1));
  // End of each heading's section: the next heading of the same or a higher level.
  const end = new Array<number>(headings.length).fill(headings.length);
  const open: number[] = [];
  for (let k = 0; k < headings.length; k++) {
    while (open.length && headings[open[open.length - 1]!]!.depth >= headings[k]!.depth)
      end[open.pop()!] = k;
    open.push(k);
  }
  const deep = new Set<number>();
  const h1s = headings.filter((h) => h.depth === 1).length;
  for (let k = 0; k < headings.length; k++) {
    const h = headings[k]!;
    if (!h.name || h.name.kind === 'assessment') continue;
    anyNamingHeading = true;
    const subs = end[k]! - (k + 1);
    if (subs <= 0) continue;
    const allListsOnly = bad[end[k]!]! - bad[k + 1]! === 0;
    if (h.ownList) {
      // Its own list is a summary of its subsections, each of which holds a list ("## Skills
      // measured", "- Describe cloud concepts (25-30%)", then "### Describe cloud concepts
      // (25-30%)" and its list): the naming reaches them.
      if (allListsOnly && h.summary && summarises(h.summary, headings, k + 1, end[k]!))
        deep.add(h.index);
      continue;
    }
    const isTitle = h.depth === 1 && (singleH1 || h1s === 1) && k === 0;
    if (isTitle || allListsOnly) deep.add(h.index);
  }
  return {
    deep,
    anyNamingHeading,
    standard: standardHeadings(b, children, headings),
    name: nameOf,
    listsOnlyAfter(i: number, depth: number): boolean {
      // The first heading after child i, then every heading up to the section's end.
      let k = 0;
      while (k < headings.length && headings[k]!.index <= i) k++;
      if (k >= headings.length || headings[k]!.depth <= depth) return false;
      let e = k;
      while (e < headings.length && headings[e]!.depth > depth) e++;
      return bad[e]! - bad[k]! === 0;
    },
  };
}

function normalised(text: string): string {
  const spaced = text.replace(/\s+/g, ' ');
  const end = endBefore(spaced, (c) => /[\s.:;]/.test(c));
  return spaced.slice(0, end).trim().toLowerCase();
}

/**
 * The normalised texts of a list's items, by its children array, kept across builds as the
 * plain texts they are made from are (plain.ts: made from the nodes' values and kinds alone, and
 * a node the parse hands on is never changed). The first list under every naming heading is
 * asked for them on every build: on a long outline, thousands of items normalised again per edit.
 */
const ITEM_TEXTS = new WeakMap<object, Set<string>>();

/** The normalised text of each item of a list (its first paragraph). Read, never changed. */
function itemTexts(b: Builder, list: RootContent): Set<string> {
  if (list.type !== 'list') return new Set();
  const known = ITEM_TEXTS.get(list.children);
  if (known) return known;
  const out = new Set<string>();
  for (const item of list.children) {
    const p = item.children[0];
    if (p?.type === 'paragraph') out.add(normalised(plainTextOf(b, p.children)));
  }
  ITEM_TEXTS.set(list.children, out);
  return out;
}

/** Whether the headings from..to-1 of the next level down are two or more, each an item of the
 * summary list. */
function summarises(
  summary: Set<string>,
  headings: { depth: number; text: string }[],
  from: number,
  to: number,
): boolean {
  let depth = Infinity;
  for (let k = from; k < to; k++) depth = Math.min(depth, headings[k]!.depth);
  let n = 0;
  for (let k = from; k < to; k++) {
    const h = headings[k]!;
    if (h.depth !== depth) continue;
    if (!summary.has(normalised(h.text))) return false;
    n++;
  }
  return n >= 2;
}

/** Content a subsection of lists may hold: lists, tables, label paragraphs, comments, breaks. */
function listsOnlyNode(b: Builder, n: RootContent): boolean {
  switch (n.type) {
    case 'list':
    case 'thematicBreak':
    case 'definition':
      return true;
    case 'html':
      return /^\s*<!--/.test(n.value);
    case 'paragraph': {
      if (isTableParagraph(b, n)) return true;
      const text = plainTextOf(b, n.children).trim();
      if (text.length <= 100 && /:$/.test(text)) return true;
      // A label or a one-line description in italics ("*Retrieving and recalling knowledge.*").
      return (
        text.length <= 300 &&
        n.children.length === 1 &&
        (n.children[0]!.type === 'strong' || n.children[0]!.type === 'emphasis')
      );
    }
    default:
      return false;
  }
}

function isTableParagraph(b: Builder, p: Paragraph): boolean {
  const { start, end } = off(b, p);
  // A delimiter row has a "|": without one the paragraph is no table, and its source is not
  // copied to be matched (every top-level paragraph is asked, on every build).
  let bar = start;
  while (bar < end && b.text.charCodeAt(bar) !== 124) bar++;
  if (bar === end) return false;
  const src = b.text.slice(start, end);
  return /(?:^|\n)[ \t]*\|?[ \t]*:?-{2,}:?[ \t]*(?:\|[ \t]*:?-{2,}:?[ \t]*)+\|?[ \t]*(?:\r?\n|$)/.test(
    src,
  );
}

/** The headings of a standard's parts: "Knowledge", "Skills", "Behaviours" (or "Behaviors"),
 * the three together, or "KSBs", with a word of scope before them ("Core knowledge"). */
const KSB_HEADING =
  /^(?:(?:core|technical|required|underpinning|occupational|the)\s+)?(?:knowledge|skills|behaviou?rs|ksbs?|knowledge,?\s+skills,?\s+(?:and|&)\s+behaviou?rs(?:\s+\(?ksbs?\)?)?)$/;
/** Whether a heading's text, normalised, is a standard's part (KSB_HEADING). Asked of every
 * heading that names nothing, on every build of an outline where no heading names objectives:
 * the answers for short texts are kept, as blockName's are (normalising every heading of a long
 * outline again cost an edit about 2% of its work and its largest share of string garbage). */
export function isKsbHeading(text: string): boolean {
  if (text.length > 200) return KSB_HEADING.test(normaliseName(text));
  const known = ksbHeadings.get(text);
  return known === undefined ? ksbHeadings.set(text, KSB_HEADING.test(normaliseName(text))) : known;
}
const ksbHeadings = memo<string, boolean>(20_000);

/** An item coded as a standard's statement: "K1: ...", "**S12** ...", "B3 - ...". */
const KSB_CODE = /^\s*[*_`[]{0,3}([KSB])\d{1,2}[a-z]?[*_`\]]{0,3}\s*[:.)\u2013\u2014-]?\s+\S/;
/** A table row whose first cell is such a code ("| K1 | Approaches to ... |"). */
const KSB_ROW = /^\s*\|?\s*[*_`]{0,2}([KSB])\d{1,2}[a-z]?[*_`]{0,2}\s*\|/;

/**
 * An apprenticeship standard's knowledge, skills and behaviours (OUTLINE-CONVENTIONS.md 3): the
 * headings "Knowledge", "Skills", "Behaviours" (or one heading for the three) over lists or
 * tables whose items are coded K1..Kn, S1..Sn, B1..Bn. They are the outline's objectives only
 * where no heading and no lead-in names any: a module that states its own learning outcomes
 * and tags them "(K3, S2)" keeps its KSBs as tags (ksb-tags.md).
 */
function standardHeadings(
  b: Builder,
  children: RootContent[],
  headings: {
    index: number;
    depth: number;
    name: BlockName | null;
    text: string;
    ownList: boolean;
  }[],
): Map<number, BlockName> {
  const out = new Map<number, BlockName>();
  if (headings.some((h, k) => h.name?.kind === 'objective' && !namesStandardOnly(headings, k)))
    return out;
  for (let k = 0; k < headings.length; k++) {
    const h = headings[k]!;
    if (h.name || !isKsbHeading(h.text)) continue;
    const end = k + 1 < headings.length ? headings[k + 1]!.index : children.length;
    let coded = 0;
    let items = 0;
    for (let i = h.index + 1; i < end; i++) {
      const n = children[i]!;
      if (n.type === 'list') {
        for (const item of n.children) {
          const p = item.children[0];
          if (p?.type !== 'paragraph') continue;
          items++;
          if (KSB_CODE.test(plainTextOf(b, p.children))) coded++;
        }
      } else if (n.type === 'paragraph' && isTableParagraph(b, n)) {
        const { start, end: stop } = off(b, n);
        const rows = b.text.slice(start, stop).split(/\r?\n/).slice(2);
        items += rows.length;
        for (const r of rows) if (KSB_ROW.test(r)) coded++;
      }
    }
    if (items >= 2 && coded * 5 >= items * 4) out.set(h.index, KSB_NAME);
  }
  if (!out.size) return out;
  // A lead-in that names learning ("Apprentices will be able to:") makes its list the
  // objectives: the KSBs stay tags.
  for (const n of children)
    if (n.type === 'paragraph' && leadInOf(b, n)?.reading.class === 'learning') return new Map();
  return out;
}

/** Whether the heading at `k`, which names objectives, names a standard's statements and
 * nothing else: no list of its own, and every subsection a standard's part ("## What you will
 * learn" over "### Knowledge", "### Skills", "### Behaviours", a provider's page quoting the
 * standard). Its objectives are those statements, not an author's own. */
function namesStandardOnly(
  headings: { depth: number; name: BlockName | null; text: string; ownList: boolean }[],
  k: number,
): boolean {
  const h = headings[k]!;
  if (h.ownList) return false;
  let subs = 0;
  for (let j = k + 1; j < headings.length && headings[j]!.depth > h.depth; j++) {
    const sub = headings[j]!;
    if (sub.depth !== h.depth + 1) continue;
    if (sub.name || !isKsbHeading(sub.text)) return false;
    subs++;
  }
  return subs >= 2;
}

/** The name a standard's knowledge, skills or behaviours heading gives its items. */
const KSB_NAME: BlockName = {
  kind: 'objective',
  family: 'standard',
  strength: 'strong',
  name: 'knowledge, skills and behaviours',
};

/** An apprenticeship's end-point assessment, named in the outline. Its matches never overlap
 * (none holds "end" after its start) and are at most END_POINT_LENGTH code units long (ASCII). */
const END_POINT = /\bend[- ]?point[- ]assessments?\b/gi;
const END_POINT_LENGTH = 'end-point-assessments'.length;
/** Texts longer than this are not read for it (a catalogue's text read once is not this long). */
export const END_POINT_TEXT = 2_000_000;

/** How many times "end-point assessment" stands in `text` (0 in a text over END_POINT_TEXT). */
export function endPointsIn(text: string): number {
  return text.length <= END_POINT_TEXT ? endPointsBetween(text, 0, 0, text.length) : 0;
}

/**
 * The same count for a text edited from one whose count was `before` (and not over
 * END_POINT_TEXT), reading only around the change: `old` is the text before without its
 * leading U+FEFF, `text` the text now with `base` of them (a BOM is no word character and in no
 * match), the two sharing `prefix` code units at the start and `suffix` at the end after those.
 * A match depends on the code units it covers and one either side (its `\b`s): one that starts
 * more than END_POINT_LENGTH before the change (its `\b` after it then reads the code unit before
 * the change at the latest), or after the code unit that follows the change, reads only what
 * both texts share, and is in both or neither. So the count changes only by the
 * matches that start between those two points, counted in each text.
 */
export function endPointsAfterEdit(
  before: number,
  old: string,
  text: string,
  base: number,
  prefix: number,
  suffix: number,
): number {
  if (text.length > END_POINT_TEXT) return 0;
  const from = Math.max(0, prefix - END_POINT_LENGTH);
  return (
    before -
    endPointsBetween(old, 0, from, old.length - suffix + 1) +
    endPointsBetween(text, base, from, text.length - base - suffix + 1)
  );
}

/** Matches of END_POINT in `text` starting at `base + from` up to (not at) `base + to`. */
function endPointsBetween(text: string, base: number, from: number, to: number): number {
  let count = 0;
  END_POINT.lastIndex = base + from;
  for (let m = END_POINT.exec(text); m && m.index < base + to; m = END_POINT.exec(text)) count++;
  END_POINT.lastIndex = 0;
  return count;
}

/**
 * The name a heading gives. "EPA" names two things: a medical curriculum's entrustable
 * professional activities (objectives: "## EPAs for this clerkship"), and in an apprenticeship,
 * whose outline speaks of its end-point assessment, that assessment ("## EPA 1: Observation with
 * questions" is one of its methods, "## EPA methods" a block of them).
 */
function headingName(text: string, endPoint: boolean): BlockName | null {
  const name = blockName(text);
  if (!endPoint || name?.name !== 'epas') return name;
  return name.numbered ? EPA_METHOD : EPA_METHODS;
}

const EPA_METHOD: BlockName = {
  kind: 'assessment',
  family: null,
  strength: 'strong',
  name: 'epa',
  numbered: true,
  one: true,
};
const EPA_METHODS: BlockName = {
  kind: 'assessment',
  family: null,
  strength: 'strong',
  name: 'epa',
};
