// output-not-outcome: "Deliver three workshops" is what the trainer produces, not a change in
// what learners do or what the business achieves.
import type { Rule } from './rule.js';

export const outputNotOutcome: Rule = {
  id: 'output-not-outcome',
  description: 'Outcomes describe a change, not a deliverable of the trainer.',
  appliesTo: 'outcome',
  defaultSeverity: 'information',
  check(ctx) {
    for (const o of ctx.outline.outcomes) {
      const out = o.analysis.output;
      if (!out) continue;
      ctx.report({
        ruleId: 'output-not-outcome',
        message: `"${out.text}" is an output of the training, not an outcome: say what will change for learners or the business because of it.`,
        span: out.span,
        item: { kind: 'outcome', id: o.id },
      });
    }
  },
};
