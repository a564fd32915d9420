// vanity-metric: completion, attendance, enrolment, views or learner satisfaction alone show
// that training happened, not that anything changed (Kirkpatrick level 1 or below).
import type { Rule } from './rule.js';

export const vanityMetric: Rule = {
  id: 'vanity-metric',
  description:
    'Outcomes measure change on the job or in the business, not completion, attendance or satisfaction.',
  appliesTo: 'outcome',
  defaultSeverity: 'warning',
  check(ctx) {
    for (const o of ctx.outline.outcomes) {
      const v = o.analysis.vanity;
      if (!v) continue;
      ctx.report({
        ruleId: 'vanity-metric',
        message: `"${v.text}" only shows that the training happened: measure a change in behaviour or results (Kirkpatrick level 3 or 4), such as errors, tickets or time to complete a task.`,
        span: v.span,
        item: { kind: 'outcome', id: o.id },
      });
    }
  },
};
