// unknown-reference: a reference names an ID that no objective or outcome has. The fix offers
// the closest existing IDs.
import { editDistance } from '../config.js';
import type { Rule } from './rule.js';

export const unknownReference: Rule = {
  id: 'unknown-reference',
  description: 'References name existing objective or outcome IDs.',
  appliesTo: 'reference',
  defaultSeverity: 'error',
  check(ctx) {
    const { outline } = ctx;
    let known: string[] | null = null;
    for (const item of [...outline.objectives, ...outline.outcomes]) {
      for (const ref of item.references) {
        if (ref.target || !ref.syntactic) continue;
        known ??= [...new Set(ctx.knownIds().map((k) => k.id))];
        const elsewhere = ctx.knownIds().filter((k) => k.id.toLowerCase() === ref.id.toLowerCase());
        if (elsewhere.length > 1) {
          const files = [...new Set(elsewhere.map((k) => k.filePath))];
          ctx.report({
            ruleId: 'unknown-reference',
            message: `"${ref.id}" is defined in ${files.length} other files (${files.join(', ')}), so this reference is ambiguous: give those items different IDs.`,
            span: ref.span,
            item: { kind: item.kind, id: item.id },
          });
          continue;
        }
        if (!reportable(ref.id, known, ref.form === 'parenthesised')) continue;
        const scored = known
          .map((id) => ({ id, d: editDistance(ref.id.toLowerCase(), id.toLowerCase()) }))
          .filter((s) => s.d > 0 && s.d <= Math.max(2, Math.floor(ref.id.length / 3)))
          .sort(
            (a, b) =>
              a.d - b.d ||
              numericGap(ref.id, a.id) - numericGap(ref.id, b.id) ||
              a.id.localeCompare(b.id, 'en', { numeric: true }),
          )
          .slice(0, 3);
        const unique = scored.length > 0 && (scored.length === 1 || scored[1]!.d > scored[0]!.d);
        ctx.report({
          ruleId: 'unknown-reference',
          message: `No objective or outcome has the ID "${ref.id}"${scored.length ? `; did you mean ${scored.map((s) => `"${s.id}"`).join(' or ')}?` : '.'}`,
          span: ref.span,
          fixes: scored.map((s, i) => ({
            title: `Change the reference to "${s.id}"`,
            isPreferred: i === 0 && unique,
            edits: [{ span: ref.span, newText: s.id }],
          })),
          item: { kind: item.kind, id: item.id },
        });
      }
    }
  },
};

/** A reference in parentheses counts only when it looks like the outline's own IDs (its
 * letters match an existing ID's), so "(ISO9001)" or "(A4)" are not taken for references. */
function reportable(id: string, known: string[], inParens: boolean): boolean {
  if (!inParens) return true;
  const prefix = id.replace(/-?\d.*$/, '').toLowerCase();
  return known.some((k) => k.replace(/-?\d.*$/, '').toLowerCase() === prefix);
}

/** How far apart the last numbers of two IDs are ("LO2.5" is nearer "LO2.4" than "LO2.1"). */
function numericGap(a: string, b: string): number {
  const na = Number(/(\d+)$/.exec(a)?.[1] ?? NaN);
  const nb = Number(/(\d+)$/.exec(b)?.[1] ?? NaN);
  return Number.isFinite(na) && Number.isFinite(nb) ? Math.abs(na - nb) : 0;
}
