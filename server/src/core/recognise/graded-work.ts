// Kinds of graded work by name (vocabulary/graded-work.json): a syllabus's evaluation list
// ("- Quiz (20%) on each reading") and a run-in "Graded:" label ("**Graded:** Week 1 Quiz").
import { readTask } from '../language/assessment.js';
import type { Lexicon } from '../language/lexicon.js';
import gradedWork from './vocabulary/graded-work.json' with { type: 'json' };

/**
 * Whether an item names a kind of graded work ("Quiz (20%) on each reading", "Final project:
 * ...", "Participation in discussions", "Two midterm exams"): its name, the words before a
 * colon, bracket, dash, comma or preposition (five at most), ends in one of graded-work.json
 * ("5-question quiz via Google Forms", "Exam using the lockdown browser").
 */
export function namesGradedWork(body: string): boolean {
  const head = HEAD.exec(body.trim())?.[1]?.trim() ?? '';
  if (!head || head.split(/\s+/).length > 5) return false;
  return GRADED_WORK.test(head.replace(/\s+\d+(?:[.-]\d+)*$/, ''));
}

const HEAD =
  /^((?:(?!\s(?:on|of|in|for|about|with|at|due|by|worth|to|via|using)\s)[^:([,;.\u2013\u2014])*?)(?:\s+[-\u2013\u2014]\s|[:([,;.\u2013\u2014]|\s(?:on|of|in|for|about|with|at|due|by|worth|to|via|using)\s|$)/i;
const GRADED_WORK = new RegExp(`(?:^|\\s)(?:${gradedWork.names.join('|')})$`, 'i');

/** What follows a "Graded:" label makes it an assessment: it names graded work ("Week 1 Quiz")
 * or asks something ("Graded: none" does neither). */
export function gradedLabelNames(rest: string, lex: Lexicon): boolean {
  return namesGradedWork(rest) || readTask([rest], lex).level !== null;
}
