// orphan-outcome: an outcome that measures no objective is evidence with no plan behind it.
import type { Rule } from './rule.js';

export const orphanOutcome: Rule = {
  id: 'orphan-outcome',
  description: 'Every outcome measures at least one objective.',
  appliesTo: 'outcome',
  defaultSeverity: 'warning',
  check(ctx) {
    const { outline } = ctx;
    for (const o of outline.outcomes) {
      if (o.objectives.length) continue;
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
