// unassessed-objective: the course has assessments, and none checks this objective
// (constructive alignment: every intended learning outcome is assessed). Links come from
// nesting, references, table rows and section scope (workspace.ts). Said only where the course
// links its assessments to objectives at all: a course with no assessment, or whose only
// assessments are a grading breakdown that names none, gets no finding per objective
// (OUTLINE-CONVENTIONS.md section 11).
import { itemsOf, type Assessment, type Objective, type TextEdit } from '../model.js';
import { idsTwice } from './duplicate-id.js';
import { LineIndex } from '../text.js';
import { notesOf } from '../recognise/noted.js';
import type { Rule } from './rule.js';
import {
  assessmentSkeleton,
  endOfSentence,
  nestedItem,
  replacePlain,
  shortTitle,
} from './edits.js';

export const unassessedObjective: Rule = {
  id: 'unassessed-objective',
  description: 'Every objective is checked by an assessment, where the course has assessments.',
  appliesTo: 'objective',
  defaultSeverity: 'warning',
  check(ctx) {
    const { outline } = ctx;
    // (Noted by the linker where the builder made the outline: a long outline with no
    // assessment had every objective looked at on every lint.)
    const notes = notesOf(outline);
    if (notes ? !notes.assessed : !outline.objectives.some((o) => o.assessments.length)) return;
    // Assessments the author already links by reference: a new reference fits there.
    const referencing = outline.assessments.filter((a) =>
      a.objectives.some((l) => l.via === 'reference' && !l.filePath),
    );
    let lines: LineIndex | null = null;
    let shared: Set<string> | null = null;
    const n = outline.assessments.length;
    for (const o of outline.objectives) {
      if (o.assessments.length) continue;
      // A sub-objective is checked by the assessments of the objective it belongs to.
      if (o.parent?.kind === 'objective' && outline.objectives[o.parent.index]!.assessments.length)
        continue;
      const fixes = [];
      const skeleton = nestedItem(outline.text, o, assessmentSkeleton(o));
      if (skeleton)
        fixes.push({
          title: 'Add an assessment skeleton under this objective',
          isPreferred: false,
          edits: [skeleton],
        });
      // (An ID written twice, which duplicate-id reports, may name the other item: a reference
      // to it would leave this objective unchecked.)
      shared ??= referencing.length ? idsTwice(itemsOf(outline)) : new Set();
      if (o.explicitId && referencing.length && !shared.has(o.id.toLowerCase())) {
        lines ??= new LineIndex(outline.text);
        for (const a of nearest(referencing, o).slice(0, 2)) {
          const edit = addReference(outline.text, a, o.id);
          if (!edit) continue;
          const line = lines.position(a.textSpan.start).line + 1;
          fixes.push({
            title: `Reference ${o.id} from "${shortTitle(a.text)}" (line ${line})`,
            isPreferred: false,
            edits: [edit],
          });
        }
      }
      ctx.report({
        ruleId: 'unassessed-objective',
        message:
          `No assessment checks this objective (the course has ${n === 1 ? 'one assessment' : `${n} assessments`}): ` +
          (o.explicitId
            ? `add a task or question that asks for it, or reference ${o.id} from the assessment that does.`
            : 'add a task or question that asks for it, or give it an ID and reference it from the assessment that does.'),
        span: o.textSpan,
        fixes,
        item: { kind: 'objective', id: o.id },
      });
    }
  },
};

/** The assessments nearest the objective, those before it first when equally near. */
function nearest(list: Assessment[], o: Objective): Assessment[] {
  const at = o.textSpan.start;
  return [...list].sort(
    (a, b) => Math.abs(a.textSpan.start - at) - Math.abs(b.textSpan.start - at),
  );
}

/** Adds an ID to an assessment's text: into its trailing "(LO1, LO2)", else as " (LO3)". */
function addReference(text: string, a: Assessment, id: string): TextEdit | null {
  const p = a.plain;
  let end = p.length;
  while (end > 0 && /[\s.;!?]/.test(p[end - 1]!)) end--;
  if (p[end - 1] === ')') {
    const open = p.lastIndexOf('(', end - 1);
    const inner = open >= 0 ? p.slice(open + 1, end - 1) : '';
    if (
      open >= 0 &&
      a.references.some((r) => r.span.start >= a.offsets[open]! && r.syntactic) &&
      /\d/.test(inner)
    )
      return replacePlain(text, a, end - 1, end - 1, `, ${id}`);
  }
  const at = endOfSentence(a);
  return replacePlain(text, a, at, at, ` (${id})`);
}
