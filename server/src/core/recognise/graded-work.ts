// Kinds of graded work by name (vocabulary/graded-work.json): a syllabus's evaluation list
// ("- Quiz (20%) on each reading") and a run-in "Graded:" label ("**Graded:** Week 1 Quiz").
import gradedWork from './vocabulary/graded-work.json' with { type: 'json' };

/**
 * Whether an item names a kind of graded work ("Quiz (20%) on each reading", "Final project:
 * ...", "Participation in discussions", "Two midterm exams"): its name, the words before a
 * colon, bracket, dash, comma or preposition (five at most), ends in one of graded-work.json.
 */
export function namesGradedWork(body: string): boolean {
  const head = HEAD.exec(body.trim())?.[1]?.trim() ?? '';
  if (!head || head.split(/\s+/).length > 5) return false;
  return GRADED_WORK.test(head.replace(/\s+\d+(?:[.-]\d+)*$/, ''));
}

const HEAD =
  /^((?:(?!\s(?:on|of|in|for|about|with|at|due|by|worth|to)\s)[^:([,;.\u2013\u2014])*?)(?:\s+[-\u2013\u2014]\s|[:([,;.\u2013\u2014]|\s(?:on|of|in|for|about|with|at|due|by|worth|to)\s|$)/i;
const GRADED_WORK = new RegExp(`(?:^|\\s)(?:${gradedWork.names.join('|')})$`, 'i');
