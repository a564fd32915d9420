// missing-outcome: no outcome measures the objective, by nesting, reference or section scope.
// Without one, nobody will know whether the training changed anything.
import type { Rule } from './rule.js';
import { nestedItem, OUTCOME_SKELETON } from './edits.js';

export const missingOutcome: Rule = {
  id: 'missing-outcome',
  description: 'Every objective is measured by an outcome (nested, referenced, or in its section).',
  appliesTo: 'objective',
  defaultSeverity: 'warning',
  check(ctx) {
    const { outline } = ctx;
    for (const o of outline.objectives) {
      if (o.outcomes.length) continue;
      // A sub-objective is covered by the outcomes of the objective it belongs to.
      if (o.parent?.kind === 'objective' && outline.objectives[o.parent.index]!.outcomes.length)
        continue;
      const edit = nestedItem(outline.text, o, OUTCOME_SKELETON);
      ctx.report({
        ruleId: 'missing-outcome',
        message: outline.outcomes.length
          ? 'No outcome measures this objective: nest an "Outcome:" under it or reference its ID from an outcome.'
          : 'No outcome measures this objective: add an outcome (metric, target, timeframe) that shows the change on the job.',
        span: o.textSpan,
        fixes: edit
          ? [
              {
                title: 'Add an outcome skeleton under this objective',
                isPreferred: false,
                edits: [edit],
              },
            ]
          : [],
        item: { kind: 'objective', id: o.id },
      });
    }
  },
};
