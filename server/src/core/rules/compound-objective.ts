// compound-objective: two or more behaviours in one objective ("Identify and explain ...") are
// hard to assess as one; each deserves its own objective and criterion.
import { quotedStatement, type Rule } from './rule.js';

export const compoundObjective: Rule = {
  id: 'compound-objective',
  description: 'One behaviour per objective, so each can be assessed on its own.',
  appliesTo: 'objective',
  defaultSeverity: 'information',
  check(ctx) {
    for (const o of ctx.outline.objectives) {
      const bs = o.analysis.behaviours;
      if (quotedStatement(ctx.outline, o)) continue;
      if (bs.length < 2 || !o.analysis.verb) continue;
      const verbs = bs.map((b) => (b.realVerb ?? b.verb).text);
      const last = bs[bs.length - 1]!;
      ctx.report({
        ruleId: 'compound-objective',
        message: `${verbs.length} behaviours in one objective (${verbs.map((v) => `"${v}"`).join(', ')}): split it so each can be assessed.`,
        span: {
          start:
            o.analysis.verb.span.start < o.analysis.verb.span.end
              ? o.analysis.verb.span.start
              : o.textSpan.start,
          end: (last.realVerb ?? last.verb).span.end,
        },
        item: { kind: 'objective', id: o.id },
      });
    }
  },
};
