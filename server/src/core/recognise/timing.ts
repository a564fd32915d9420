// A label paragraph that says when the measures after it are taken: "**Measurement:** Business
// metrics (6-12 months post-launch)" over a Kirkpatrick level's table of measures, "Measurement
// period: 90 days after go-live". Its timeframe dates the outcomes of the tables that follow in
// its section and state none of their own (readers/tables.ts); the paragraph itself is no
// outcome (its "6" is no target).
import type { Paragraph } from 'mdast';
import type { ItemBase, Located, Outcome } from '../model.js';
import { readOutcome } from '../language/outcome.js';
import { off, type Builder } from './context.js';
import { plainOf } from './plain.js';
import type { Scope } from './scope.js';

/** "Measurement:", "Measurement period:", "Timeframe:", "Timing:", "Evaluation period:",
 * "Review period:", "When measured:" at a paragraph's start. */
const TIMING_LABEL =
  /^\s*(?:measurements?(?:\s+(?:period|window|timing|time\s*frame|points?))?|time\s*frame|timing|(?:evaluation|review)\s+(?:period|window|timing|points?)|when\s+measured)\s*[:：]\s*/i;
/** The start of a range or a list of points before a timeframe: "6-" of "6-12 months", "30, 60,
 * " of "30, 60, 90 days". */
const RANGE_START = /(?:\d{1,4}\s{0,3}(?:[-–,]|and|or|to)\s{0,3}){1,6}$/i;

/** The timeframe a timing label states, located in the source; null for any other paragraph,
 * and for a label over a measure of its own ("Measurement: tickets fall from 40 to 10 within 90
 * days": a number outside its timeframe). */
export function timingLabel(b: Builder, p: Paragraph): Located | null {
  if (!startsLikeLabel(b, p)) return null;
  const plain = plainOf(b, p.children);
  if (plain.text.length > 300) return null;
  const m = TIMING_LABEL.exec(plain.text);
  if (!m) return null;
  const at = m[0].length;
  const rest = plain.text.slice(at);
  const tf = readOutcome(rest).timeframe;
  if (!tf) return null;
  let start = tf.start;
  let end = tf.end;
  const range = RANGE_START.exec(rest.slice(Math.max(0, start - 40), start));
  if (range) start -= range[0].length;
  // "90 days post" of "90 days post-training": to the end of the word.
  const word = /^[\p{L}-]{1,40}/u.exec(rest.slice(end));
  if (word && end > 0 && /[\p{L}]/u.test(rest[end - 1]!)) end += word[0].length;
  // Inside parentheses ("(6-12 months post-launch)"): the whole of what they hold.
  const open = rest.lastIndexOf('(', start);
  const close = rest.indexOf(')', end);
  if (open >= 0 && close >= 0 && !rest.slice(open, start).includes(')')) {
    start = open + 1;
    end = close;
  }
  while (start < end && /\s/.test(rest[start]!)) start++;
  while (end > start && /\s/.test(rest[end - 1]!)) end--;
  if (/\d/.test(rest.slice(0, start) + rest.slice(end))) return null;
  return {
    text: rest.slice(start, end),
    span: { start: plain.offsets[at + start]!, end: plain.offsets[at + end - 1]! + 1 },
  };
}

/** The words a timing label starts with, lower case. */
const STARTS = ['measure', 'time', 'timing', 'evaluation', 'review', 'when'];

/** Whether the paragraph's source starts, past emphasis and spaces, with a timing label's first
 * word and holds a colon: asked of every paragraph, with string operations only (no pattern
 * runs on a paragraph that is no such label). */
function startsLikeLabel(b: Builder, p: Paragraph): boolean {
  const span = off(b, p);
  let i = span.start;
  const stop = Math.min(span.end, i + 300);
  while (i < stop && ' \t*_'.includes(b.text[i]!)) i++;
  const head = b.text.slice(i, i + 12).toLowerCase();
  if (!STARTS.some((w) => head.startsWith(w))) return false;
  const text = b.text.slice(i, stop);
  return text.includes(':') || text.includes('：');
}

/** Dates an outcome read from a table with the timing label in force in its section, when it
 * states no timeframe of its own. */
export function datedByLabel(s: Scope, made: ItemBase | null): void {
  if (made?.kind !== 'outcome' || !s.timing || s.timing.section !== s.section) return;
  const o = made as Outcome;
  if (!o.analysis.timeframe) o.analysis.timeframe = s.timing.timeframe;
}
