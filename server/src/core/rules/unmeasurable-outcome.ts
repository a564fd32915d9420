// unmeasurable-outcome: an outcome without a metric and target ("Improve customer service")
// cannot show whether anything changed.
import { replacedWhole, type Rule } from './rule.js';

export const unmeasurableOutcome: Rule = {
  id: 'unmeasurable-outcome',
  description:
    'Outcomes name a metric with a target (a number, a percentage, a change "from 25 to 15").',
  appliesTo: 'outcome',
  defaultSeverity: 'warning',
  check(ctx) {
    for (const o of ctx.outline.outcomes) {
      if (o.analysis.target || !o.plain.trim()) continue;
      if (replacedWhole(ctx.config, o)) continue;
      const ph = o.analysis.placeholder;
      ctx.report({
        ruleId: 'unmeasurable-outcome',
        message: ph
          ? 'Replace the placeholders with a metric and a target (e.g. "reduce VPN tickets from 40 to 10 a month").'
          : 'No target: name the metric and the number to reach (e.g. "from 25 to 15 days", "by 20%", "to 95%").',
        span: ph ? ph.span : o.textSpan,
        item: { kind: 'outcome', id: o.id },
      });
    }
  },
};
