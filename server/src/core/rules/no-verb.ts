// no-verb: the objective has no behaviour verb at all ("Git worktrees instead of branches.").
import type { BloomLevel } from '../model.js';
import { objectiveInOtherLanguage } from '../language/other-language.js';
import { quotedStatement, type Rule } from './rule.js';

/** Verbs to start from, by the level a topic most likely means ("Care and use of hand tools":
 * apply); for a body of ideas (understand) verbs of several levels, as before. */
const START_WITH: Record<BloomLevel, string> = {
  remember: 'List, Define, Name, State',
  understand: 'Describe, Explain, Use, Compare',
  apply: 'Use, Carry out, Perform, Demonstrate',
  analyze: 'Analyze, Compare, Examine, Distinguish',
  evaluate: 'Evaluate, Judge, Critique, Justify',
  create: 'Design, Plan, Produce, Compose',
};

export const noVerb: Rule = {
  id: 'no-verb',
  description: 'Objectives start with a behaviour verb: what will learners do?',
  appliesTo: 'objective',
  defaultSeverity: 'warning',
  check(ctx) {
    for (const o of ctx.outline.objectives) {
      if (o.analysis.verb || !o.plain.trim()) continue;
      if (quotedStatement(ctx.outline, o)) continue;
      // "Comprender los conceptos básicos de ...": not English, so no English verb to ask for.
      if (objectiveInOtherLanguage(o)) continue;
      const question = /\?\s*$/.test(o.plain);
      ctx.report({
        ruleId: 'no-verb',
        message: question
          ? 'This is a question, not an objective: state what learners will be able to do, starting with a verb such as Explain, Use or Compare.'
          : `No behaviour verb: start with what learners will do, e.g. ${START_WITH[o.analysis.meantLevel ?? 'understand']}.`,
        span: o.textSpan,
        item: { kind: 'objective', id: o.id },
      });
    }
  },
};
