// duplicate-id: an explicit ID used twice in one file makes every reference to it ambiguous.
// The fix renumbers the later use to the next free ID.
import type { Rule } from './rule.js';

export const duplicateId: Rule = {
  id: 'duplicate-id',
  description: 'Explicit IDs are unique within a file.',
  appliesTo: 'item',
  defaultSeverity: 'error',
  check(ctx) {
    const { outline } = ctx;
    const items = [...outline.objectives, ...outline.outcomes]
      .filter((i) => i.explicitId && i.idSpan)
      .sort((a, b) => a.idSpan!.start - b.idSpan!.start);
    const first = new Map<string, (typeof items)[number]>();
    const used = new Set(items.map((i) => i.id.toLowerCase()));
    for (const item of items) {
      const key = item.id.toLowerCase();
      const original = first.get(key);
      if (!original) {
        first.set(key, item);
        continue;
      }
      const next = nextFreeId(item.id, used);
      used.add(next.toLowerCase());
      ctx.report({
        ruleId: 'duplicate-id',
        message: `The ID "${item.id}" is already used on line ${lineOf(outline.text, original.idSpan!.start)}; IDs must be unique in a file.`,
        span: item.idSpan!,
        fixes: [
          {
            title: `Renumber to "${next}"`,
            isPreferred: true,
            edits: [{ span: item.idSpan!, newText: next }],
          },
        ],
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

/** "LO3" -> the next "LO<n>" not in use; "LO1.2" -> "LO1.<n>". */
export function nextFreeId(id: string, used: Set<string>): string {
  const m = /^(.*?)(\d+)$/.exec(id);
  const prefix = m ? m[1]! : `${id}-`;
  let max = 0;
  for (const u of used) {
    if (!u.startsWith(prefix.toLowerCase())) continue;
    const n = Number(u.slice(prefix.length));
    if (Number.isInteger(n)) max = Math.max(max, n);
  }
  let n = max + 1;
  while (used.has(`${prefix}${n}`.toLowerCase())) n++;
  return `${prefix}${n}`;
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) line++;
  }
  return line;
}
