// unknown-reference: a reference names an ID that no objective or outcome has. The fix offers
// the closest existing IDs.
import { editDistance } from '../config.js';
import { itemsOf } from '../model.js';
import { flat, notesOf } from '../recognise/noted.js';
import { idLetters, letteredId, meantAsId } from '../recognise/ids.js';
import type { Rule } from './rule.js';

export const unknownReference: Rule = {
  id: 'unknown-reference',
  description: 'References name existing objective, outcome or assessment IDs.',
  appliesTo: 'reference',
  defaultSeverity: 'error',
  check(ctx) {
    const { outline } = ctx;
    // Built on the first unknown reference only: most outlines have none.
    let index: KnownIndex | null = null;
    // Suggestions compare the reference with every known ID: per distinct unknown ID once, and
    // in all at most SUGGESTION_BUDGET comparisons per file, so that thousands of unknown
    // references among thousands of IDs stay linear (they were quadratic: 2,500 outcomes
    // naming 2,500 objectives plus one unknown ID took 3.7 s). Past it, no suggestion.
    const suggested = new Map<string, Scored[]>();
    let budget = SUGGESTION_BUDGET;
    // (Only items with references report: those the builder noted where it did.)
    const notes = notesOf(outline);
    for (const item of notes ? flat(notes.linking) : itemsOf(outline)) {
      for (const ref of item.references) {
        if (ref.target || !ref.syntactic || ref.tag) continue;
        index ??= indexIds(ctx.knownIds());
        const known = index.ids;
        const elsewhere = index.byId.get(ref.id.toLowerCase()) ?? [];
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
        // Only a reference meant as one of the course's IDs (ids.ts, meantAsId): not "(ISO9001)",
        // "(A4)", "see Sec2" or "tonnes of CO2e" unless the course's IDs are written so.
        if (!meantAsId(ref, index.prefixes, index.lettered)) continue;
        let scored = suggested.get(ref.id);
        if (!scored) {
          scored = budget >= known.length ? closest(ref.id, known) : [];
          budget -= known.length;
          suggested.set(ref.id, scored);
        }
        const unique = scored.length > 0 && (scored.length === 1 || scored[1]!.d > scored[0]!.d);
        // Only where the source says exactly the ID: a span that the plain text could not place
        // exactly must not be overwritten (it inserted "lo1" into "{#lo1}" on every --fix pass).
        const exact = outline.text.slice(ref.span.start, ref.span.end) === ref.id;
        ctx.report({
          ruleId: 'unknown-reference',
          message: `No objective, outcome or assessment has the ID "${ref.id}"${scored.length ? `; did you mean ${scored.map((s) => `"${s.id}"`).join(' or ')}?` : '.'}`,
          span: ref.span,
          fixes: (exact ? scored : []).map((s, i) => ({
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

/** Known IDs compared with unknown references, at most, per file. */
export const SUGGESTION_BUDGET = 500_000;

interface Scored {
  id: string;
  d: number;
}

/** The (up to 3) known IDs nearest an unknown one, by edit distance. */
function closest(id: string, known: readonly string[]): Scored[] {
  const maxD = Math.max(2, Math.floor(id.length / 3));
  return known
    .filter((k) => Math.abs(k.length - id.length) <= maxD)
    .map((k) => ({ id: k, d: editDistance(id.toLowerCase(), k.toLowerCase()) }))
    .filter((s) => s.d > 0 && s.d <= maxD)
    .sort(
      (a, b) =>
        a.d - b.d ||
        numericGap(id, a.id) - numericGap(id, b.id) ||
        a.id.localeCompare(b.id, 'en', { numeric: true }),
    )
    .slice(0, 3);
}

interface KnownIndex {
  ids: string[];
  byId: Map<string, { id: string; filePath: string }[]>;
  prefixes: Set<string>;
  lettered: boolean;
}

function indexIds(known: { id: string; filePath: string }[]): KnownIndex {
  const byId = new Map<string, { id: string; filePath: string }[]>();
  for (const k of known) {
    const key = k.id.toLowerCase();
    const list = byId.get(key) ?? [];
    list.push(k);
    byId.set(key, list);
  }
  const ids = [...new Set(known.map((k) => k.id))];
  return { ids, byId, prefixes: new Set(ids.map(idLetters)), lettered: ids.some(letteredId) };
}

/** How far apart the last numbers of two IDs are ("LO2.5" is nearer "LO2.4" than "LO2.1"). */
function numericGap(a: string, b: string): number {
  // `(?<!\d)`: the match starts only where a run of digits does (`(\d+)$` alone backtracks
  // quadratically on a long run of digits that is not at the end).
  const na = Number(/(?<!\d)(\d+)$/.exec(a)?.[1] ?? NaN);
  const nb = Number(/(?<!\d)(\d+)$/.exec(b)?.[1] ?? NaN);
  return Number.isFinite(na) && Number.isFinite(nb) ? Math.abs(na - nb) : 0;
}
