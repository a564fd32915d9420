// unread-block: a heading, lead-in, label or directive that names objectives or outcomes, with
// nothing under it Bloomline could read (OUTLINE-CONVENTIONS.md section 12). An author who wrote
// "## Learning objectives" must never be met with silence: this says what stands there instead
// and what Bloomline reads.
import { AIM_LIST, STATEMENT_LIST } from '../model.js';
import type { Rule } from './rule.js';

const WHAT: Record<string, string> = {
  objective: 'objectives',
  outcome: 'outcomes',
  assessment: 'assessments',
};

export const unreadBlock: Rule = {
  id: 'unread-block',
  description:
    'A heading, lead-in or directive that names objectives has something readable under it.',
  appliesTo: 'item',
  defaultSeverity: 'information',
  check(ctx) {
    for (const u of ctx.outline.unread) {
      const what = WHAT[u.kind] ?? 'objectives';
      const name = u.name.length > 60 ? `${u.name.slice(0, 57)}...` : u.name;
      const found =
        u.found === 'nothing' ? 'nothing stands under it' : `${u.found} stands under it`;
      // A list was there but its items state what things are ("Objectives are statements of
      // ..."): the advice is about the items' wording, not their form.
      const advice =
        u.found === AIM_LIST
          ? `Bloomline checks what learners will do: state it (e.g. "Apply ...", "Use ...") in a list of its own to have it checked.`
          : u.found === STATEMENT_LIST
            ? `Start each item with what learners will do (e.g. "Explain ...", "Configure ..."), and Bloomline will check them.`
            : `Write the ${what} as a list (one per item) or a table with an "${u.kind === 'outcome' ? 'Outcome' : 'Objective'}" column, and Bloomline will check them.`;
      ctx.report({
        ruleId: 'unread-block',
        message: `"${name}" names ${what}, but Bloomline found none to read: ${found}. ${advice}`,
        span: u.span,
      });
    }
  },
};
