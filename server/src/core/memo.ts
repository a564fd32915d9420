// Answers kept by key, bounded by a count of entries: the core asks the same questions of the
// same short texts on every analysis (the language server analyses a long outline again after
// each edit), and keeps the answers. A memo that reaches its bound starts again (a long editing
// session or a workspace of many outlines costs a bounded amount, not a leak). The core's
// module-level memos are made by `memo()`, so that clearCaches() (core/caches.ts) empties them
// all and a leak test measures what is left.

/** A map of answers that forgets them all when it holds `limit` and is given another. */
export class BoundedMemo<K, V> {
  private readonly map = new Map<K, V>();

  constructor(private readonly limit: number) {}

  /** The answer kept for `key`, or undefined (so an answer may itself be null or false). */
  get(key: K): V | undefined {
    return this.map.get(key);
  }

  /** Keeps `value` for `key`, after forgetting everything if the memo is full. */
  set(key: K, value: V): V {
    if (this.map.size >= this.limit) this.map.clear();
    this.map.set(key, value);
    return value;
  }

  get size(): number {
    return this.map.size;
  }

  clear(): void {
    this.map.clear();
  }
}

const MEMOS: BoundedMemo<unknown, unknown>[] = [];

/** A module-level memo of at most `limit` answers, emptied by clearMemos(). */
export function memo<K, V>(limit: number): BoundedMemo<K, V> {
  const m = new BoundedMemo<K, V>(limit);
  MEMOS.push(m as BoundedMemo<unknown, unknown>);
  return m;
}

/** Empties every memo made by memo(). */
export function clearMemos(): void {
  for (const m of MEMOS) m.clear();
}
