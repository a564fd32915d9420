// no-verb: the objective has no behaviour verb at all ("Git worktrees instead of branches.").
import type { Rule } from './rule.js';

export const noVerb: Rule = {
  id: 'no-verb',
  description: 'Objectives start with a behaviour verb: what will learners do?',
  appliesTo: 'objective',
  defaultSeverity: 'warning',
  check(ctx) {
    for (const o of ctx.outline.objectives) {
      if (o.analysis.verb || !o.plain.trim()) continue;
      const question = /\?\s*$/.test(o.plain);
      ctx.report({
        ruleId: 'no-verb',
        message: question
          ? 'This is a question, not an objective: state what learners will be able to do, starting with a verb such as Explain, Use or Compare.'
          : 'No behaviour verb: start with what learners will do, e.g. Describe, Explain, Use, Compare.',
        span: o.textSpan,
        item: { kind: 'objective', id: o.id },
      });
    }
  },
};
