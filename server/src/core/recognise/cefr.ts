// A language course's levels: a section (or the course) named for a level of the Common
// European Framework of Reference ("## B1 Listening", "# English for Work: B1"). Its can-do
// statements are calibrated to that level, which states how well they are to be met
// (docs/outline-format.md, "CEFR levels").
import type { Outline } from '../model.js';

/** A CEFR level in a title: "B1", "Level B2", "CEFR A2+", "(C1)"; capitals only ("b1" is not
 * one). */
const CEFR_LEVEL =
  /(?:^|[\s(:–—/-])(?:CEFR\s+)?(?:[Ll]evel\s+)?[ABC][12](?:\+|\.[1-4])?(?=$|[\s):,.;–—/-])/;
/** Words that make a title a language course's (a CEFR level is one only there: "B1" is an
 * apprenticeship's behaviour code too). */
const LANGUAGE_CONTEXT =
  /\b(?:cefr|common\s+european\s+framework|listening|reading|speaking|writing|spoken|written|interaction|production|reception|mediation|english|french|spanish|german|italian|portuguese|chinese|mandarin|japanese|korean|arabic|dutch|russian|polish|welsh|irish|languages?|esol|efl|esl|elt|vocabulary|grammar|pronunciation)\b/i;

function inContext(t: string): boolean {
  return t.length <= 200 && LANGUAGE_CONTEXT.test(t);
}

/** Whether the section's title names a CEFR level in a language course (its own title, a
 * section it stands in, or the course's, says so). */
export function namesCefrLevel(outline: Outline, index: number): boolean {
  const s = outline.sections[index];
  if (!s) return false;
  const course = outline.title ?? '';
  // The course's section has no title of its own until the outline is finished.
  const title = s.title || (s.parent === null ? course : '');
  if (title.length > 200 || !CEFR_LEVEL.test(title)) return false;
  if (inContext(title) || inContext(course)) return true;
  for (let k = s.parent; k !== null; k = outline.sections[k]?.parent ?? null)
    if (inContext(outline.sections[k]?.title ?? '')) return true;
  return false;
}

/** Whether a section or one it stands in names a CEFR level in a language course. */
export function inCefrLevel(outline: Outline, index: number): boolean {
  for (let k: number | null = index; k !== null; k = outline.sections[k]?.parent ?? null)
    if (namesCefrLevel(outline, k)) return true;
  return false;
}
