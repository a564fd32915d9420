// orphan-outcome: an outcome that measures no objective is evidence with no plan behind it.
import type { Outline, Outcome, Section } from '../model.js';
import { testText } from '../language/ascii.js';
import { OKR_OBJECTIVE_HEADING } from '../recognise/names.js';
import type { Rule } from './rule.js';

export const orphanOutcome: Rule = {
  id: 'orphan-outcome',
  description: 'Every outcome measures at least one objective.',
  appliesTo: 'outcome',
  defaultSeverity: 'warning',
  check(ctx) {
    const { outline } = ctx;
    for (const o of outline.outcomes) {
      if (o.objectives.length || underOkrObjective(outline, o)) continue;
      // A labelled outcome can stand in a block of objectives, whose items are objectives.
      const block = outline.blocks[o.block]!;
      const siblingsLink =
        block.kind === 'outcome' &&
        block.items.some(
          (i) => i !== o.index && outline.outcomes[i]!.objectives.some((l) => !l.implied),
        );
      ctx.report({
        ruleId: 'orphan-outcome',
        message: siblingsLink
          ? 'This outcome measures no objective: other outcomes here name their objectives, so name this one\'s too (e.g. "(LO1)").'
          : outline.objectives.length
            ? 'This outcome measures no objective: reference one by ID (e.g. "(LO1)") or nest it under the objective.'
            : 'This outcome measures no objective: this outline has no objectives for it to measure.',
        span: o.textSpan,
        item: { kind: 'outcome', id: o.id },
      });
    }
  },
};

/** A key result under its OKR objective's heading ("## Objective 1: Make new admins successful
 * ..."): it measures that objective, a goal of the team stated in the heading. */
function underOkrObjective(outline: Outline, o: Outcome): boolean {
  for (let s: number | null = o.section; s !== null && s > 0;) {
    const section: Section = outline.sections[s]!;
    if (testText(OKR_OBJECTIVE_HEADING, section.title)) return true;
    s = section.parent;
  }
  return false;
}
