// References from one item to others: "(LO1, LO2)", "[LO1]", "supports LO1", "measures: LO1",
// "-> LO1", and bare tokens that count only where an item with that ID exists.
import type { Reference } from '../model.js';
import { canonicalId, REFERENCE_ID, SPACED_ID } from './ids.js';

/** An ID in prose (ids.ts), or a spaced one after an objective's prefix ("ELO 1.1"). */
const LISTED_ID = String.raw`(?:${SPACED_ID}|${REFERENCE_ID})`;
/** A range's end: "-CO3", " to LO5", "–6" (the number alone: "LO4-6"). */
const RANGE_END = String.raw`(?:\s*[-–—]\s*|\s+to\s+)(?:${LISTED_ID}|\d+\b)`;
const LIST = String.raw`${LISTED_ID}(?:${RANGE_END})?(?:\s*(?:,|;|&|\/|\band\b|\bor\b)\s*${LISTED_ID}(?:${RANGE_END})?)*`;
/** In parentheses the IDs may stand apart with spaces alone: "(K1 K3 S2)", as an apprenticeship's
 * grading descriptors write the KSBs they assess. */
const PAREN_LIST = String.raw`${LISTED_ID}(?:${RANGE_END})?(?:(?:\s*(?:,|;|&|\/|\band\b|\bor\b)\s*|\s+)${LISTED_ID}(?:${RANGE_END})?)*`;
// `\s*(?::\s*)?` and `(?:\s*:\s+|\s+)` rather than `\s*:?\s*` and `\s*:?\s+`: two
// quantifiers over the same spaces backtrack quadratically (cubically here) on long runs.
const PAREN_REFS = new RegExp(
  String.raw`[(\[]\s*(?:(?:see|supports?|measures?|for|maps?\s+to|aligns?\s+(?:with|to)|re|ref|cf\.?)\s*(?::\s*)?)?(${PAREN_LIST})\s*[)\]]`,
  'gi',
);
const KEYWORD_REFS = new RegExp(
  String.raw`(?:\b(?:supports?|supporting|measures?|measuring|measured\s+by|maps?\s+to|mapped\s+to|mapping\s+to|aligns?\s+(?:with|to)|aligned\s+(?:with|to)|addresses|evidences?|assess|assesses|assessing|assessed\s+(?:by|in)|checks?|checking|covers|covering|linked\s+to|links\s+to|relates\s+to|related\s+to|objectives?|outcomes?|los?)(?:\s*:\s+|\s+)|(?:->|→|=>|⇒)\s*)(${LIST})`,
  'gi',
);
/** After a range's first ID: its separator and its end ("-CO3", " to LO5", "–6"). */
const RANGE_AFTER = new RegExp(String.raw`^(\s*[-–—]\s*|\s+to\s+)(${LISTED_ID}|\d+\b)`, 'i');
const BARE = new RegExp(String.raw`\b${REFERENCE_ID}\b`, 'g');
const TIME_TOKEN = /^(?:q[1-4]|h[12]|fy-?\d{2,4}|t[1-3])$/i;

export function findReferences(body: string, offsets: number[], ownId: string | null): Reference[] {
  if (!/\d/.test(body)) return [];
  const refs: Reference[] = [];
  const seen = new Set<number>();
  const own = ownId?.toLowerCase();
  const add = (written: string, at: number, form: Reference['form']) => {
    const id = canonicalId(written);
    if (seen.has(at) || TIME_TOKEN.test(id) || id.toLowerCase() === own) return;
    seen.add(at);
    refs.push({
      id,
      span: { start: offsets[at]!, end: offsets[at + written.length]! },
      syntactic: form !== 'bare',
      form,
    });
  };
  for (const re of [PAREN_REFS, KEYWORD_REFS]) {
    re.lastIndex = 0;
    for (let m = re.exec(body); m; m = re.exec(body)) {
      const listStart = m.index + m[0].lastIndexOf(m[1]!);
      // "(supports LO1)" is as clear as "supports LO1"; a bare "(LO1)" is weaker evidence.
      const keyword =
        re === KEYWORD_REFS ||
        (/^[([]\s*[A-Za-z]+\.?(?:\s*:\s+|\s+)/.test(m[0].slice(0, listStart - m.index + 1)) &&
          listStart - m.index > 1);
      const idRe = new RegExp(LISTED_ID, 'g');
      const form = keyword ? 'keyword' : 'parenthesised';
      for (let t = idRe.exec(m[1]!); t; t = idRe.exec(m[1]!)) {
        add(t[0], listStart + t.index, form);
        // A range: the IDs between its ends, and its end when only a number ("LO4-6").
        const range = RANGE_AFTER.exec(m[1]!.slice(t.index + t[0].length));
        if (!range) continue;
        const first = /^(.*?)(\d+)$/.exec(canonicalId(t[0]));
        const last = /^(.*?)(\d+)$/.exec(canonicalId(range[2]!));
        if (
          !first ||
          !last ||
          (last[1] !== '' && last[1]!.toLowerCase() !== first[1]!.toLowerCase())
        )
          continue;
        const from = Number(first[2]);
        const to = Number(last[2]);
        if (!(to > from && to - from <= 50)) continue;
        const end = t.index + t[0].length + range[0].length;
        const span = { start: offsets[listStart + t.index]!, end: offsets[listStart + end]! };
        for (let n = from + 1; n <= to; n++) {
          if (n === to && last[1] !== '') break;
          const id = `${first[1]}${n}`;
          if (TIME_TOKEN.test(id)) continue;
          refs.push({ id, span, syntactic: true, form, inRange: true });
        }
      }
    }
  }
  BARE.lastIndex = 0;
  for (let m = BARE.exec(body); m; m = BARE.exec(body)) add(m[0], m.index, 'bare');
  refs.sort((a, c) => a.span.start - c.span.start);
  return refs;
}
