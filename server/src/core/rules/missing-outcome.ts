// missing-outcome: no outcome measures the objective, by nesting, reference or section scope.
// Without one, nobody will know whether the training changed anything. Outcomes are expected of
// workplace courses (OUTLINE-CONVENTIONS.md section 10), and checked wherever a course has some;
// a workplace course with no outcome at all is told so once, on the course (section 11).
import { lineBreakOf } from '../text.js';
import type { Objective, Span } from '../model.js';
import { kept, type Reported, type Rule } from './rule.js';
import { nestedItem, OUTCOME_SKELETON } from './edits.js';

/**
 * What this rule last reported on an objective, and what that depended on: where the objective
 * stands (its text span and insertion point, objects the outline builder replaces when the item
 * moves or is read again: recognise/reuse.ts), its ID and the file's line break. While all are
 * the same, the same object is reported again (kept): after an edit of a long outline, the
 * thousands of objectives above it keep their findings as they are.
 */
interface Memo {
  textSpan: Span;
  insertion: Objective['insertion'];
  id: string;
  eol: string;
  reported: Reported;
}
const MEMOS = new WeakMap<Objective, Memo>();

const MESSAGE =
  'No outcome measures this objective: nest an "Outcome:" under it or reference its ID from an outcome.';
const FIX_TITLE = 'Add an outcome skeleton under this objective';

export const missingOutcome: Rule = {
  id: 'missing-outcome',
  description: 'Every objective is measured by an outcome (nested, referenced, or in its section).',
  appliesTo: 'objective',
  defaultSeverity: 'warning',
  check(ctx) {
    const { outline, kind } = ctx;
    if (!outline.objectives.length) return;
    // Outcomes are present when the file has some, or another file's measure its objectives.
    if (!outline.outcomes.length && !outline.objectives.some((o) => o.outcomes.length)) {
      if (kind.value !== 'workplace') return;
      const course = outline.sections[0]!;
      const first = outline.objectives[0]!;
      const eol = lineBreakOf(outline.text);
      const text = outline.text;
      const end = text.length;
      const sep = end === 0 || /\r?\n$|\r$/.test(text) ? eol : eol + eol;
      const n = outline.objectives.length;
      ctx.report({
        ruleId: 'missing-outcome',
        message:
          `This workplace course has no outcome, so none of its ${n === 1 ? 'objective is' : `${n} objectives are`} measured: ` +
          'add outcomes (a metric with a target and a timeframe) that show the change on the job. ' +
          `Bloomline reads it as workplace training (${kind.reason}); set "kind" if it is not.`,
        span: course.heading ?? first.textSpan,
        fixes: [
          {
            title: 'Add a "Success measures" section with an outcome skeleton',
            isPreferred: false,
            edits: [
              {
                span: { start: end, end },
                newText: `${sep}## Success measures${eol}${eol}- ${OUTCOME_SKELETON}${eol}`,
              },
            ],
          },
        ],
      });
      return;
    }
    const eol = lineBreakOf(outline.text);
    for (const o of outline.objectives) {
      if (o.outcomes.length) continue;
      // A sub-objective is covered by the outcomes of the objective it belongs to.
      if (o.parent?.kind === 'objective' && outline.objectives[o.parent.index]!.outcomes.length)
        continue;
      const memo = MEMOS.get(o);
      if (
        memo &&
        memo.textSpan === o.textSpan &&
        memo.insertion === o.insertion &&
        memo.id === o.id &&
        memo.eol === eol
      ) {
        ctx.report(memo.reported);
        continue;
      }
      // The same objective moved by an edit before it (its text span and insertion point moved
      // by one distance, its indentation, ID and the line break the same): what is reported
      // says the same of the new place, with the last one's texts (the fix's text is the line
      // break, the indentation and the skeleton: made again, a string per moved objective).
      const d = memo ? o.textSpan.start - memo.textSpan.start : 0;
      const movedFix =
        memo !== undefined &&
        d !== 0 &&
        memo.id === o.id &&
        memo.eol === eol &&
        o.textSpan.end - memo.textSpan.end === d &&
        (o.insertion === null
          ? memo.insertion === null
          : memo.insertion !== null &&
            o.insertion.at - memo.insertion.at === d &&
            o.insertion.indent === memo.insertion.indent);
      const edit = movedFix
        ? o.insertion
          ? {
              span: { start: o.insertion.at, end: o.insertion.at },
              newText: memo.reported.fixes![0]!.edits[0]!.newText,
            }
          : null
        : nestedItem(outline.text, o, OUTCOME_SKELETON);
      const reported: Reported = kept({
        ruleId: 'missing-outcome',
        message: MESSAGE,
        span: o.textSpan,
        fixes: edit ? [{ title: FIX_TITLE, isPreferred: false, edits: [edit] }] : [],
        item: { kind: 'objective', id: o.id },
      });
      // The memo written in place where there is one (an objective kept from build to build is
      // the same object: a new memo was one more object, and one more map entry, per moved
      // objective and edit).
      if (memo) {
        memo.textSpan = o.textSpan;
        memo.insertion = o.insertion;
        memo.id = o.id;
        memo.eol = eol;
        memo.reported = reported;
      } else
        MEMOS.set(o, { textSpan: o.textSpan, insertion: o.insertion, id: o.id, eol, reported });
      ctx.report(reported);
    }
  },
};
