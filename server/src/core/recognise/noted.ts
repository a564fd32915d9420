// What the builder notes of each item as it places it in the outline, for the passes after the
// build (linking, section scope), so that they need not visit every item of a long outline
// again. After an edit the builder touches every item anyway (it moves and places the reused
// ones); each later pass over all of them cost an edit of a 6,000-objective outline a few
// milliseconds, mostly in reaching the items scattered over the heap, not in work
// (BENCHMARKS.md, "Seventh step").
//
// Only the builder writes a note, at the two places an item enters the outline (placeItem and
// finishItem, items.ts), after everything a note records of the item is final: its kind, index,
// explicit ID, references, parent and section are not changed after that (the workspace sets
// only its links and its references' targets). An outline made otherwise (a closed file's
// summary, a declined text) has no notes, and the passes visit its items as before.
import type { Item, ItemBase, Link, Objective, Outline } from '../model.js';

export interface OutlineNotes {
  /** Items with an explicit ID, by kind (objectives, outcomes, assessments), in index order. */
  explicit: [Item[], Item[], Item[]];
  /** Items with a reference or a parent, by kind, in index order: the only ones whose links
   * linking makes from the items themselves (nesting, references, rows). */
  linking: [Item[], Item[], Item[]];
  /** Each objective's section, by the objective's index. */
  sections: number[];
  /** The objectives without a verb of their own (hasOwnVerb false: only they may be written in
   * another language), in index order. */
  withoutOwnVerb: Objective[];
  /** Some objective placed again came with its degree stated by success criteria (the walk
   * then sets that mark afresh on every objective). */
  criteria: boolean;
  /** Some objective of this outline is checked by an assessment (of this file or another):
   * set by the workspace as it links (the outline's objectives need not be looked at to know). */
  assessed: boolean;
  /** No link has been made yet on this outline: every item's link lists are empty (an item
   * placed again had its links dropped, a new one has none). */
  unlinked: boolean;
}

const NOTES = new WeakMap<Outline, OutlineNotes>();

/** The notes of an outline the builder made (undefined for any other). */
export function notesOf(outline: Outline | undefined): OutlineNotes | undefined {
  return outline && NOTES.get(outline);
}

/** Starts the notes of an outline being built. */
export function startNotes(outline: Outline): OutlineNotes {
  const notes: OutlineNotes = {
    explicit: [[], [], []],
    linking: [[], [], []],
    sections: [],
    withoutOwnVerb: [],
    criteria: false,
    assessed: false,
    unlinked: true,
  };
  NOTES.set(outline, notes);
  return notes;
}

/** Items of every kind, in the outline's order of kinds (objectives, outcomes, assessments):
 * what `itemsOf` would give of them. */
export function flat(lists: readonly [Item[], Item[], Item[]]): Item[] {
  return lists[1].length || lists[2].length ? [...lists[0], ...lists[1], ...lists[2]] : lists[0];
}

/** Notes an item as it enters the outline (its fields final); `ownVerb`: an objective's
 * hasOwnVerb (the caller knows it without reaching the analysis of a reused item). */
export function noteItem(notes: OutlineNotes | undefined, item: ItemBase, ownVerb = true): void {
  if (!notes) return;
  const k = item.kind === 'objective' ? 0 : item.kind === 'outcome' ? 1 : 2;
  if (item.explicitId) notes.explicit[k].push(item as Item);
  if (item.references.length || item.parent) notes.linking[k].push(item as Item);
  if (k === 0) {
    notes.sections.push(item.section);
    if (!ownVerb) notes.withoutOwnVerb.push(item as Objective);
    if ((item as Item & { degreeByCriteria?: boolean }).degreeByCriteria) notes.criteria = true;
  }
}

/** The empty list of links an item has before linking, shared (frozen: linking replaces it by a
 * list of its own before it adds a link). Writing it in place of an item's old list touches no
 * list: a long outline's edit placed every reused item and cleared its links. */
export const NO_LINKS: Link[] = Object.freeze([]) as unknown as Link[];
