// Whether a file is a course outline at all (the rules, the tree, the report and the export
// leave other Markdown alone).
import type { Outline } from './model.js';

/** A file is a course outline when it has at least one objective or outcome. (Assessments
 * alone do not make one: a page of exercises has nothing for them to check.) Nor do lists under
 * everyday names alone ("Goals", "Results") in a document that says it is a design document or
 * a roadmap ("Non-goals", "Milestones") and nothing of a course. */
export function isOutline(outline: Outline): boolean {
  if (outline.notOutline || (!outline.objectives.length && !outline.outcomes.length)) return false;
  if (outline.signals.length || !outline.sections.some((s) => SOFTWARE_DOC.test(s.title)))
    return true;
  return outline.blocks.some((b) => b.kind !== 'assessment' && b.items.length > 0 && !b.weak);
}

/** Headings of a software design document or a roadmap, never of a course. */
const SOFTWARE_DOC =
  /^\s*(?:non-?goals|anti-?goals|out of scope|milestones|roadmap|release notes|design (?:overview|details|alternatives)|alternatives considered)\s*$/i;
