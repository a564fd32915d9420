// orphan-outcome: an outcome that measures no objective is evidence with no plan behind it.
import type { Outline, Outcome, Section } from '../model.js';
import { testText } from '../language/ascii.js';
import { OKR_OBJECTIVE_HEADING } from '../recognise/names.js';
import { replacedWhole, type Rule } from './rule.js';

export const orphanOutcome: Rule = {
  id: 'orphan-outcome',
  description: 'Every outcome measures at least one objective.',
  appliesTo: 'outcome',
  defaultSeverity: 'warning',
  check(ctx) {
    const { outline } = ctx;
    // An outline that states no objectives (an evaluation plan kept apart from its course): its
    // outcomes have nothing here to measure, said once (OUTLINE-CONVENTIONS.md section 11).
    if (!outline.objectives.length) {
      const orphans = outline.outcomes.filter(
        (o) =>
          !o.objectives.length && !underOkrObjective(outline, o) && !replacedWhole(ctx.config, o),
      );
      const first = orphans[0];
      if (!first) return;
      const n = orphans.length;
      ctx.report({
        ruleId: 'orphan-outcome',
        message:
          n === 1
            ? 'This outcome measures no objective: this outline states none. Name the objective it measures by ID (e.g. "(LO1)") where the course states it, or state it here.'
            : `These ${n} outcomes measure no objective: this outline states none. Name the objectives each measures by ID (e.g. "(LO1)") where the course states them, or state them here.`,
        span: first.textSpan,
        related: orphans.slice(1).map((o) => ({
          message: 'measures no objective either',
          filePath: outline.filePath,
          span: o.textSpan,
        })),
        item: { kind: 'outcome', id: first.id },
      });
      return;
    }
    for (const o of outline.outcomes) {
      if (o.objectives.length || underOkrObjective(outline, o)) continue;
      if (replacedWhole(ctx.config, o)) continue;
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
          : 'This outcome measures no objective: reference one by ID (e.g. "(LO1)") or nest it under the objective.',
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
