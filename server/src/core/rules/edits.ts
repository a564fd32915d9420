// Building fixes from an item's plain text: an edit is only made where the source says exactly
// what the plain text says (no markup inside the replaced span), so a fix never breaks bold,
// links or code spans.
import type { ItemBase, Objective, Span, TextEdit } from '../model.js';
import { endBefore, lineBreakOf } from '../text.js';

/** Plain-text index of a source offset within an item (-1 when it is not one). */
export function plainIndex(item: ItemBase, offset: number): number {
  const offs = item.offsets;
  let lo = 0;
  let hi = offs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (offs[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return offs[lo] === offset ? lo : -1;
}

/** Replace plain[start, end) of an item, or null where markup stands in between. */
export function replacePlain(
  text: string,
  item: ItemBase,
  start: number,
  end: number,
  newText: string,
): TextEdit | null {
  if (start < 0 || end > item.plain.length || start > end) return null;
  const s = start < item.plain.length ? item.offsets[start]! : item.offsets[item.plain.length]!;
  const e = end > start ? item.offsets[end - 1]! + 1 : s;
  if (text.slice(s, e) !== item.plain.slice(start, end)) return null;
  if (
    end === start &&
    start > 0 &&
    start === item.plain.length &&
    item.offsets[start - 1]! + 1 !== s
  )
    return null;
  return { span: { start: s, end: e }, newText };
}

export function replaceSpan(
  text: string,
  item: ItemBase,
  span: Span,
  newText: string,
): TextEdit | null {
  const s = plainIndex(item, span.start);
  if (s < 0) return null;
  const e = span.end === span.start ? s : plainIndex(item, span.end - 1) + 1;
  if (e <= 0 && span.end !== span.start) return null;
  return replacePlain(text, item, s, e, newText);
}

/** Where to add words at the end of an item: before a final full stop and trailing references
 * like "(LO1, LO2)". Returns a plain-text index. */
export function endOfSentence(item: ItemBase): number {
  // Read from the end by hand: spaces, one of ".;!", spaces, a parenthesis with a digit in it,
  // spaces. (As the regex `\s*(?:\((?:[^()]*\d[^()]*)\))?\s*[.;!]?\s*$` this backtracked
  // in the fourth power of a run of spaces: seconds for 300.)
  const p = item.plain;
  const isSpace = (c: string | undefined) => c !== undefined && /\s/.test(c);
  let end = p.length;
  while (isSpace(p[end - 1])) end--;
  if (end > 0 && '.;!'.includes(p[end - 1]!)) end--;
  while (isSpace(p[end - 1])) end--;
  if (p[end - 1] === ')') {
    let k = end - 2;
    let digit = false;
    while (k >= 0 && p[k] !== '(' && p[k] !== ')') {
      if (p[k]! >= '0' && p[k]! <= '9') digit = true;
      k--;
    }
    if (k >= 0 && p[k] === '(' && digit) {
      end = k;
      while (isSpace(p[end - 1])) end--;
    }
  }
  return end;
}

/** An insertion of a nested list item after an item's first paragraph. */
export function nestedItem(text: string, item: ItemBase, content: string): TextEdit | null {
  if (!item.insertion) return null;
  const eol = lineBreakOf(text);
  return {
    span: { start: item.insertion.at, end: item.insertion.at },
    newText: `${eol}${item.insertion.indent}- ${content}`,
  };
}

export const CRITERION_PLACEHOLDER = '[TODO criterion, e.g. within 10 minutes or without errors]';
export const OUTCOME_SKELETON =
  'Outcome: [TODO metric] from [TODO baseline] to [TODO target] within [TODO timeframe]';
export const TIMEFRAME_PLACEHOLDER = 'within [TODO timeframe]';

/** The text of a nested assessment that would check an objective: its task starts with the
 * objective's own behaviour ("Assessment: Design a field study [TODO ...]"), so the skeleton
 * asks for the objective's level; without a usable verb, a placeholder only. */
export function assessmentSkeleton(o: Objective): string {
  const phrase = behaviourPhrase(o);
  if (!phrase) return 'Assessment: [TODO a task or question that shows this objective]';
  return `Assessment: ${phrase} [TODO the task learners are given, and how it is marked]`;
}

/** The objective's behaviour, from its verb to the end of its sentence (before a criterion,
 * trailing references and the full stop), capitalised; null without a usable verb. */
export function behaviourPhrase(o: Objective): string | null {
  const verb = usableVerb(o);
  const a = o.analysis;
  if (!verb || !a.verb) return null;
  const from = plainIndex(o, a.verb.span.start);
  if (from < 0) return null;
  let to = endOfSentence(o);
  if (a.criterion) {
    const c = plainIndex(o, a.criterion.span.start);
    if (c > from) to = Math.min(to, c);
  }
  let phrase = o.plain.slice(from, to).replace(/\s+/g, ' ');
  // Cut before a criterion, a phrase may end in a word that led into it ("... that meets").
  for (let k = 0; k < 4; k++)
    phrase = phrase
      .slice(0, endBeforeTrailing(phrase))
      .replace(/\s+(?:that|which|who|to|and|or|by|with|within|in|on|for|of|the|a|an|so|as)$/i, '');
  if (phrase.length > 120) phrase = phrase.slice(0, 120).replace(/\s+\S*$/, '');
  if (!phrase) return null;
  return phrase[0]!.toUpperCase() + phrase.slice(1);
}

/** Where a run of spaces and ",;:.(" at the end of the text starts (a loop: as a regex,
 * quadratic on a long run of ":" not at the end; found by the linearity test). */
function endBeforeTrailing(text: string): number {
  return endBefore(text, (c) => /[\s,;:.(]/.test(c));
}

/** The objective's verb, where a task could start with it. */
export function usableVerb(o: Objective): string | null {
  const a = o.analysis;
  if (a.vague || !a.verb || a.verbFromLeadIn || !a.level) return null;
  return /^[\p{L}-]+$/u.test(a.verb.text) ? a.verb.text : null;
}

/** An assessment's title or task cut for a message. */
export function shortTitle(text: string, max = 60): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length <= max ? t : `${t.slice(0, max - 1).trimEnd()}…`;
}
