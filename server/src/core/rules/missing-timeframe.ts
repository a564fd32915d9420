// missing-timeframe: an outcome without a timeframe has no moment at which it is checked.
import { replacedWhole, type Rule } from './rule.js';
import { endOfSentence, replacePlain, TIMEFRAME_PLACEHOLDER } from './edits.js';
import type { Outcome, Outline } from '../model.js';

/** "[TODO timeframe]" and the like. Each "[todo" runs to the next "]" or the end; read one
 * after the other, not each to the end (`/\[\s*todo[^\]]*timeframe/` was quadratic). */
function hasTimeframePlaceholder(plain: string): boolean {
  const re = /\[\s*todo[^\]]*/gi;
  for (let m = re.exec(plain); m; m = re.exec(plain)) if (/timeframe/i.test(m[0])) return true;
  return false;
}

/**
 * The length a plan of one session states before its first item ("**Duration**: 60-90
 * minutes", "Lesson length: 50 min", "Time: 1.5 hours"), or null. Its "Success indicators" are
 * observed in the session, which dates them.
 */
export function sessionLength(outline: Outline): string | null {
  const known = SESSIONS.get(outline);
  if (known !== undefined) return known;
  const starts = [outline.objectives[0]?.span.start, outline.outcomes[0]?.span.start].filter(
    (n): n is number => n !== undefined,
  );
  const head = outline.text.slice(0, Math.min(MAX_HEAD, ...starts));
  let found: string | null = null;
  for (const line of head.split(/\r?\n|\r/)) {
    if (line.length > 200) continue;
    const m = SESSION_LENGTH.exec(line);
    if (m) {
      found = m[1]!;
      break;
    }
  }
  SESSIONS.set(outline, found);
  return found;
}
const SESSIONS = new WeakMap<Outline, string | null>();
/** How far into a file its stated length is looked for. */
const MAX_HEAD = 5000;
const SESSION_LENGTH =
  /^[\s>*_-]*(?:(?:session|lesson|class|activity|total|practice)\s+)?(?:duration|length|time|timing|time\s+required|running\s+time)[\s*_]*[:：][\s*_]*((?:about\s+|approx(?:imately|\.)?\s+|~\s*)?\d{1,3}(?:[.,]\d)?(?:\s*[-–]\s*\d{1,3})?\s*(?:min(?:ute)?s?|hours?|hrs?|h)\b)/i;

/** An outcome among a session plan's "Success indicators" that is no measure of the job or the
 * business (Kirkpatrick 3-4): observed in the session, whose length dates it. */
function datedBySession(outline: Outline, o: Outcome): boolean {
  if (!outline.blocks[o.block]?.indicators || (o.analysis.kirkpatrick ?? 0) >= 3) return false;
  return sessionLength(outline) !== null;
}

export const missingTimeframe: Rule = {
  id: 'missing-timeframe',
  description: 'Outcomes say by when ("within two quarters", "by Q2", "in the first 90 days").',
  appliesTo: 'outcome',
  defaultSeverity: 'information',
  check(ctx) {
    for (const o of ctx.outline.outcomes) {
      if (o.analysis.timeframe || !o.plain.trim()) continue;
      if (datedBySession(ctx.outline, o)) continue;
      if (replacedWhole(ctx.config, o)) continue;
      const hasPlaceholder = hasTimeframePlaceholder(o.plain);
      const at = endOfSentence(o);
      const edit = hasPlaceholder
        ? null
        : replacePlain(ctx.outline.text, o, at, at, ` ${TIMEFRAME_PLACEHOLDER}`);
      ctx.report({
        ruleId: 'missing-timeframe',
        message: hasPlaceholder
          ? 'Replace the timeframe placeholder (e.g. "within two quarters", "by Q2").'
          : 'No timeframe: say by when (e.g. "within two quarters", "by Q2 2027", "in the first 90 days").',
        span: o.textSpan,
        fixes: edit
          ? [
              {
                title: `Add a timeframe placeholder to replace: "${TIMEFRAME_PLACEHOLDER}"`,
                isPreferred: false,
                edits: [edit],
              },
            ]
          : [],
        item: { kind: 'outcome', id: o.id },
      });
    }
  },
};
