// duplicate-id: an explicit ID used twice in one file makes every reference to it ambiguous.
// The fix renumbers the later use to the next free ID.
import { LineIndex } from '../text.js';
import { itemsOf, type ItemBase } from '../model.js';
import { flat, notesOf } from '../recognise/noted.js';
import type { Rule } from './rule.js';

export const duplicateId: Rule = {
  id: 'duplicate-id',
  description: 'Explicit IDs are unique within a file.',
  appliesTo: 'item',
  defaultSeverity: 'error',
  check(ctx) {
    const { outline } = ctx;
    // Most files have no ID twice: one pass finds that out, without sorting every item by where
    // its ID stands (the language server lints a long outline after every edit).
    // (The items with explicit IDs, as the builder noted them where it did.)
    const notes = notesOf(outline);
    const explicit = notes ? flat(notes.explicit) : itemsOf(outline);
    if (!idsTwice(explicit, true).size) return;
    const items = explicit
      .filter((i) => i.explicitId && i.idSpan)
      .sort((a, b) => a.idSpan!.start - b.idSpan!.start);
    const first = new Map<string, (typeof items)[number]>();
    const used = new Set(items.map((i) => i.id.toLowerCase()));
    const free = new FreeIds(used);
    let lines: LineIndex | null = null;
    for (const item of items) {
      const key = item.id.toLowerCase();
      const original = first.get(key);
      if (!original) {
        first.set(key, item);
        continue;
      }
      const next = free.next(item.id);
      lines ??= new LineIndex(outline.text);
      const line = lines.position(original.idSpan!.start).line + 1;
      ctx.report({
        ruleId: 'duplicate-id',
        message: `The ID "${item.id}" is already used on line ${line}; IDs must be unique in a file.`,
        span: item.idSpan!,
        // Only where the source says exactly the ID (as unknown-reference).
        fixes:
          outline.text.slice(item.idSpan!.start, item.idSpan!.end) === item.id
            ? [
                {
                  title: `Renumber to "${next}"`,
                  isPreferred: true,
                  edits: [{ span: item.idSpan!, newText: next }],
                },
              ]
            : [],
        related: [
          {
            message: `first use of "${original.id}"`,
            filePath: outline.filePath,
            span: original.idSpan!,
          },
        ],
        item: { kind: item.kind, id: item.id },
      });
    }
  },
};

/** Does any explicit ID (with its span) stand twice among the items, in any case? */
/** The explicit IDs (lowercased) that more than one of `items` has; with `located`, only IDs
 * whose place in the source is known count. */
export function idsTwice(items: readonly ItemBase[], located = false): Set<string> {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const i of items) {
    if (!i.explicitId || (located && !i.idSpan)) continue;
    const key = i.id.toLowerCase();
    if (seen.has(key)) twice.add(key);
    else seen.add(key);
  }
  return twice;
}

/** "LO3" -> the next "LO<n>" not in use; "LO1.2" -> "LO1.<n>". */
export function nextFreeId(id: string, used: Set<string>): string {
  return new FreeIds(used).next(id);
}

/** Hands out free IDs and marks them used; the highest number per prefix is found once, so
 * 10,000 duplicates take linear time, not quadratic (and the line of the first use comes from
 * a LineIndex, not from counting line breaks again for each duplicate). */
class FreeIds {
  private readonly max = new Map<string, number>();

  constructor(private readonly used: Set<string>) {}

  next(id: string): string {
    const prefix = idPrefix(id);
    const key = prefix.toLowerCase();
    let max = this.max.get(key);
    if (max === undefined) {
      max = 0;
      for (const u of this.used) {
        if (!u.startsWith(key)) continue;
        const n = Number(u.slice(prefix.length));
        if (Number.isInteger(n)) max = Math.max(max, n);
      }
    }
    let n = max + 1;
    while (this.used.has(`${key}${n}`)) n++;
    this.max.set(key, n);
    this.used.add(`${key}${n}`);
    return `${prefix}${n}`;
  }
}

/** "LO12" -> "LO"; "LO1.2" -> "LO1."; "intro" -> "intro-". (By hand: `^(.*?)(\d+)$`
 * backtracks quadratically on long runs of digits.) */
function idPrefix(id: string): string {
  let k = id.length;
  while (k > 0 && id.charCodeAt(k - 1) >= 48 && id.charCodeAt(k - 1) <= 57) k--;
  return k < id.length ? id.slice(0, k) : `${id}-`;
}
