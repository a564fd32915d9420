// missing-criterion: the objective has no measurable degree (ABCD "D"): how well, how fast, how
// many. The fix inserts a placeholder for the author to complete; a placeholder never counts.
import { objectiveInOtherLanguage } from '../language/other-language.js';
import { quotedStatement, type Rule } from './rule.js';
import { CRITERION_PLACEHOLDER, endOfSentence, replacePlain } from './edits.js';

export const missingCriterion: Rule = {
  id: 'missing-criterion',
  description: 'Objectives state a measurable criterion (how well, how fast, how many).',
  appliesTo: 'objective',
  defaultSeverity: 'warning',
  check(ctx) {
    for (const o of ctx.outline.objectives) {
      const a = o.analysis;
      if (quotedStatement(ctx.outline, o)) continue;
      if (a.criterion || !o.plain.trim()) continue;
      if (a.placeholderCriterion) {
        ctx.report({
          ruleId: 'missing-criterion',
          message:
            'Replace the placeholder with a measurable criterion (e.g. "within 10 minutes", "without errors", "at least three").',
          span: a.placeholderCriterion.span,
          item: { kind: 'objective', id: o.id },
        });
        continue;
      }
      // A school's success criteria are the degree: of themselves, and of the learning
      // intentions of their section.
      if (o.degreeByCriteria) continue;
      // "- Degree: within 10 minutes" under it (the ABCD model's parts as sub-items).
      if (o.abcd?.degree) continue;
      // A line in another language: its criterion would be in words Bloomline does not read.
      if (objectiveInOtherLanguage(o)) continue;
      const at = endOfSentence(o);
      const edit = replacePlain(ctx.outline.text, o, at, at, ` ${CRITERION_PLACEHOLDER}`);
      ctx.report({
        ruleId: 'missing-criterion',
        message:
          'No measurable criterion: say how well, how fast or how many (e.g. "within 10 minutes", "with no more than 2 errors", "meeting all items of the checklist").',
        span: o.textSpan,
        fixes: edit
          ? [
              {
                title: `Add a criterion placeholder to replace: "${CRITERION_PLACEHOLDER}"`,
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
