// The one change Bloomline makes to micromark (under remark-parse): `EditMap.consume`, which
// applies a batch of edits to micromark's list of events, applied in place.
//
// Why. micromark's document tokenizer (micromark/lib/initialize/document.js) makes an EditMap
// and consumes it whenever a list or block quote ends, and on lazy lines; the library's
// `consume` copies the whole event list each time (`events.slice()` of everything, then every
// event pushed back), so parse time grew with the square of the number of lists: 8,000 short
// lists, 72 KB, took 100 s, and most of a parse of the 6,000-objective benchmark outline went
// there (BENCHMARKS.md). The edits the document tokenizer makes are near the end of the list, so
// applying them in place, last first, gives the same events in time proportional to what follows
// each edit. The result is the same mdast (test/unit/micromark-patch.test.ts compares both
// consumes on random edit maps, and test/support/properties.ts parses generated outlines with
// both).
//
// What it relies on, checked by test/unit/micromark-patch.test.ts (which fails, saying what
// changed, after a micromark upgrade that breaks any of it): micromark-util-edit-map exports
// `EditMap` with `consume(events)` on its prototype; an EditMap holds its changes in `map`, an
// array of `[at, remove, add]`, and an index of them by position in `index`, a Map, both emptied
// by `consume`; and micromark's document tokenizer uses that same module's EditMap (one copy of
// micromark-util-edit-map in the tree).
//
// Applied explicitly: the parser calls `applyEditMapPatch()` before it parses (parse.ts). It is
// not applied by importing the core, and stays applied for the process once applied (it changes
// no result, only the time taken). Upstream status: BENCHMARKS.md, "The micromark patch".
import { EditMap } from 'micromark-util-edit-map';

/** What the patch reads of an EditMap. */
interface EditMapInternals {
  map: [number, number, unknown[]][];
  index: Map<number, unknown>;
}

/** The library's own `consume`, kept for the tests that compare both. */
export const originalConsume = EditMap.prototype.consume;

/** Applies the batched edits to `events` in place, last first. */
export const consumeInPlace = function (this: EditMap, events: unknown[]): void {
  const self = this as unknown as EditMapInternals;
  if (self.map.length === 0) return;
  self.map.sort((a, b) => a[0] - b[0]);
  for (let i = self.map.length - 1; i >= 0; i--) {
    const [at, remove, add] = self.map[i]!;
    const start = Math.min(at, events.length);
    if (add.length < 10_000) events.splice(start, remove, ...add);
    else {
      // Not all at once: a spread of that many arguments could overflow the stack.
      events.splice(start, remove);
      for (let k = 0; k < add.length; k += 10_000)
        events.splice(start + k, 0, ...add.slice(k, k + 10_000));
    }
  }
  self.map.length = 0;
  self.index.clear();
} as typeof EditMap.prototype.consume;

/** Whether parses use the in-place consume (tests turn it off to compare). */
let wanted = true;

/** Puts the in-place consume on micromark's EditMap, unless a test asked for the original.
 * Cheap after the first call: the parser calls it before every parse. */
export function applyEditMapPatch(): void {
  if (wanted && EditMap.prototype.consume !== consumeInPlace)
    EditMap.prototype.consume = consumeInPlace;
}

/** Is the in-place consume in use? */
export function editMapPatched(): boolean {
  return EditMap.prototype.consume === consumeInPlace;
}

/** For tests: parse with micromark's own `consume` (true) or the in-place one (false). */
export function useOriginalConsume(original: boolean): void {
  wanted = !original;
  EditMap.prototype.consume = original ? originalConsume : consumeInPlace;
}

/**
 * What the patch relies on that this micromark-util-edit-map does not do, in words (empty when
 * all holds): an EditMap keeps its changes as `[at, remove, add]` in `map` and by position in
 * `index`, and `consume` (its own) empties both.
 */
export function editMapInternalsProblems(): string[] {
  const problems: string[] = [];
  if (typeof originalConsume !== 'function') return ['EditMap.prototype.consume is not a function'];
  const m = new EditMap() as unknown as EditMapInternals & EditMap;
  if (!Array.isArray(m.map)) problems.push('an EditMap has no `map` array');
  if (!(m.index instanceof Map)) problems.push('an EditMap has no `index` Map');
  if (problems.length) return problems;
  const add = ['x'];
  m.add(2, 1, add as never);
  const change = m.map[0] as [number, number, unknown[]] | undefined;
  if (
    m.map.length !== 1 ||
    !Array.isArray(change) ||
    change[0] !== 2 ||
    change[1] !== 1 ||
    !Array.isArray(change[2]) ||
    change[2][0] !== 'x'
  )
    problems.push('EditMap#add no longer records a change as [at, remove, add] in `map`');
  if (m.index.get(2) !== change)
    problems.push('EditMap#add no longer indexes a change by its position in `index`');
  const events = ['a', 'b', 'c', 'd'];
  originalConsume.call(m, events as never);
  if (events.join('') !== 'abxd')
    problems.push(`EditMap#consume made ${JSON.stringify(events)} of a,b,c,d (expected a,b,x,d)`);
  if (m.map.length !== 0 || m.index.size !== 0)
    problems.push('EditMap#consume no longer empties `map` and `index`');
  return problems;
}
