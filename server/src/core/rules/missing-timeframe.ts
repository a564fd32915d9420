// missing-timeframe: an outcome without a timeframe has no moment at which it is checked.
import { replacedWhole, type Rule } from './rule.js';
import { endOfSentence, replacePlain, TIMEFRAME_PLACEHOLDER } from './edits.js';

/** "[TODO timeframe]" and the like. Each "[todo" runs to the next "]" or the end; read one
 * after the other, not each to the end (`/\[\s*todo[^\]]*timeframe/` was quadratic). */
function hasTimeframePlaceholder(plain: string): boolean {
  const re = /\[\s*todo[^\]]*/gi;
  for (let m = re.exec(plain); m; m = re.exec(plain)) if (/timeframe/i.test(m[0])) return true;
  return false;
}

export const missingTimeframe: Rule = {
  id: 'missing-timeframe',
  description: 'Outcomes say by when ("within two quarters", "by Q2", "in the first 90 days").',
  appliesTo: 'outcome',
  defaultSeverity: 'information',
  check(ctx) {
    for (const o of ctx.outline.outcomes) {
      if (o.analysis.timeframe || !o.plain.trim()) continue;
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
