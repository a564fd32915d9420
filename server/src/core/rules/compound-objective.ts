// compound-objective: two or more behaviours in one objective ("Identify and explain ...") are
// hard to assess as one; each deserves its own objective and criterion.
import type { Rule } from './rule.js';

export const compoundObjective: Rule = {
  id: 'compound-objective',
  description: 'One behaviour per objective, so each can be assessed on its own.',
  appliesTo: 'objective',
  defaultSeverity: 'information',
  check(ctx) {
    for (const o of ctx.outline.objectives) {
      const extra = o.analysis.extraVerbs;
      if (!extra.length || !o.analysis.verb) continue;
      const verbs = [o.analysis.verb.text, ...extra.map((v) => v.text.toLowerCase())];
      ctx.report({
        ruleId: 'compound-objective',
        message: `${verbs.length} behaviours in one objective (${verbs.map((v) => `"${v}"`).join(', ')}): split it so each can be assessed.`,
        span: {
          start:
            o.analysis.verb.span.start < o.analysis.verb.span.end
              ? o.analysis.verb.span.start
              : o.textSpan.start,
          end: extra[extra.length - 1]!.span.end,
        },
        item: { kind: 'objective', id: o.id },
      });
    }
  },
};
