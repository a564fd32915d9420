// Lead-ins ("By the end of this module, participants will be able to:") and item labels
// ("Objective: ...", "KPI: ..."). The wordings are data (vocabulary/lead-ins.json); this file
// finds the lead-in sentence, classifies it, and reads a behaviour verb the lead-in carries
// ("you will understand:").
import { execText, lazy, type LazyPattern, testText } from '../language/ascii.js';
import type { Lexicon } from '../language/lexicon.js';
import { CLAUSE_LEAD, CLAUSE_LEAD_TEXT } from '../language/objective.js';
import { readsAsJobChange } from '../language/outcome.js';
import { words } from '../language/words.js';
import type { ItemKind, LeadIn } from '../model.js';
import data from './vocabulary/lead-ins.json' with { type: 'json' };

export type LeadInClass = 'learning' | 'outcome' | 'evaluation' | 'task' | 'neutral';

export interface LeadInReading {
  class: LeadInClass;
  /** What the list holds: objectives, outcomes, or assessments for an evaluation of a person
   * ("Your performance will be evaluated on:"); null for task and neutral lead-ins. */
  kind: ItemKind | null;
  /** The verb carried ("understand" in "you will understand:"), with offsets in the text. */
  verb: {
    lemma: string;
    start: number;
    end: number;
    replaceStart: number;
    /** Where the words the replacement takes the place of end: after "that" in "understand
     * that:" (its end otherwise). */
    replaceEnd?: number;
    replacement: string;
  } | null;
}

interface Pattern {
  re: LazyPattern;
  period: boolean;
}

// Made on first use, through their ASCII twins on an ASCII text (language/ascii.ts).
const compile = (list: { pattern: string; period?: boolean }[]): Pattern[] =>
  list.map((e) => ({ re: lazy(e.pattern, 'iu'), period: e.period === true }));
const LEARNING = compile(data.learning);
const OUTCOME = compile(data.outcome);
const EVALUATION = compile(data.evaluation);
const TASK = compile(data.task);
const NEUTRAL = compile(data.neutral);

const MODAL = String.raw`(?:will|should|shall|must|can|could|may|would|are\s+going\s+to|'ll)`;
const CARRIER = lazy(
  String.raw`\b(?:${MODAL}|be\s+able\s+to|are\s+able\s+to|learn\s+to)\s+((?:[\p{L}'’-]+\s+){0,4}?[\p{L}'’-]+)(?:\s+that)?$`,
  'iu',
);
const TEACHER = /\bwe\s+(?:will|shall|'ll|are\s+going\s+to)\b/i;
/** A lead-in written without its colon ends in "able to" ("you should be able to"). */
const ABLE_TO_END = /\b(?:be|are|is|am)\s+able\s+to$/i;

/**
 * Reads the last sentence of a paragraph as a lead-in, or returns null. A lead-in ends with
 * ":", or with "." where it says what learners will learn ("topics that you will learn in this
 * lesson.").
 */
export function readLeadIn(text: string, lex: Lexicon): LeadInReading | null {
  let trimmed = text.trimEnd(); // Not `replace(/\s+$/)`: quadratic on runs of spaces.
  // "Students will understand that...": a lead-in that trails off into its list (a unit plan's
  // heading or paragraph) ends as a colon does.
  const ellipsis = /(?:\.\.\.|…)$/.exec(trimmed);
  if (ellipsis) trimmed = `${trimmed.slice(0, ellipsis.index).trimEnd()}:`;
  const last = trimmed[trimmed.length - 1];
  if (last !== ':' && last !== '.') {
    // "After this lesson, you should be able to" with no colon, the list below it ending the
    // sentence (a Quarto callout's lead-in): only a sentence that ends in "able to".
    if (trimmed.length > 400 || !ABLE_TO_END.test(trimmed)) return null;
    return { class: 'learning', kind: 'objective', verb: null };
  }
  const found = lastSentence(trimmed);
  if (!found) return null;
  const { sentence, body, offset } = found;
  const colon = last === ':';
  const test = (list: Pattern[]) =>
    list.some((p) => (colon || p.period) && testText(p.re, sentence));
  if (colon && test(TASK)) return { class: 'task', kind: null, verb: null };
  if (test(LEARNING)) return { class: 'learning', kind: 'objective', verb: null };
  if (!colon) return null;
  // "Your performance will be evaluated on:", "You will be graded on:": how a person is
  // evaluated (graded work, a review's criteria), before "progress will be assessed" reads as
  // the programme's outcomes.
  if (test(EVALUATION)) return { class: 'evaluation', kind: 'assessment', verb: null };
  if (test(OUTCOME)) return { class: 'outcome', kind: 'outcome', verb: null };
  // "In this lesson we will cover:" introduces the instructor's topics, not objectives.
  if (TEACHER.test(sentence) && !/\bable\s+to\b/i.test(sentence))
    return { class: 'neutral', kind: null, verb: null };
  if (test(NEUTRAL)) return { class: 'neutral', kind: null, verb: null };
  const carried = carrier(body, offset, lex);
  return carried ? { class: 'learning', kind: 'objective', verb: carried } : null;
}

/** The last sentence of a lead-in that ends in ":" or "." (without it, spaces collapsed), with
 * the text before that mark and where the sentence starts in it; null when too long. */
function lastSentence(trimmed: string): { sentence: string; body: string; offset: number } | null {
  if (trimmed.length > 2000) return null;
  let offset = 0;
  const body = trimmed.slice(0, -1);
  for (const re of [/[.!?]\s+/g, /\n/g]) {
    for (let m = re.exec(body); m; m = re.exec(body))
      offset = Math.max(offset, m.index + m[0].length);
  }
  const sentence = body.slice(offset).replace(/\s+/g, ' ').trim();
  if (!sentence || sentence.length > 400) return null;
  return { sentence, body, offset };
}

/** Whether a heading names a list of things to have or do, not learning ("Timeline",
 * "Schedule", "Resources", "Prerequisites"): read as the lead-in it would be with a colon. Only
 * the task patterns are asked, which readLeadIn asks first of a text with a colon: the
 * learning, outcome and neutral ones could not make it a task's, and running them on every
 * heading cost a check the compilation of each (core/language/gate.ts). */
export function namesTaskList(heading: string): boolean {
  const t = heading.trim();
  if (t.length === 0 || t.length > 60) return false;
  const found = lastSentence(`${t}:`);
  return found !== null && TASK.some((p) => testText(p.re, found.sentence));
}

/** "you will understand:", "you will be familiar with:", "you will be able to explain:". */
function carrier(body: string, offset: number, lex: Lexicon): LeadInReading['verb'] {
  const sentence = body.slice(offset);
  const m = execText(CARRIER, sentence);
  if (!m) return null;
  let phraseStart = offset + m.index + m[0].lastIndexOf(m[1]!);
  let phraseText = m[1]!;
  const prefix = /^(?:be\s+able\s+to|are\s+able\s+to|learn\s+to)\s+/i.exec(phraseText);
  if (prefix) {
    phraseStart += prefix[0].length;
    phraseText = phraseText.slice(prefix[0].length);
  }
  const ws = words(phraseText);
  if (!ws.length) return null;
  // The whole phrase must be one vague phrase or one Bloom verb.
  const head = lex.lemma(ws[0]!.lower) ?? ws[0]!.lower;
  const joined = [head, ...ws.slice(1).map((w) => w.lower)].join(' ');
  const vague = lex.vague.find((p) => p.key === joined);
  const verb = !vague && ws.length === 1 ? lex.verb(head) : undefined;
  if (!vague && !verb) return null;
  const beAble = /\b(?:be|are)\s+able\s+to\s+$/i.test(body.slice(0, phraseStart));
  // "You will implement:", "you will build:": a verb of doing or making before a list of
  // things introduces work, not learning, unless the learner is to be able to do it.
  if (verb && !beAble && (verb.level === 'apply' || verb.level === 'create')) return null;
  const start = phraseStart;
  const end = phraseStart + phraseText.length;
  // "will understand that:": "that" goes with the verb it follows ("be able to that" is no English).
  const that = /^\s+that$/i.exec(sentence.slice(end - offset));
  const replaceEnd = that ? end + that[0].length : undefined;
  // A course as the subject ("This lesson will cover:") cannot be able to do anything: the
  // learner is ("After this lesson, you will be able to:").
  const course = beAble ? null : COURSE_SUBJECT.exec(body.slice(offset, start));
  if (course) {
    const at = offset + course.index + course[0].length - course[0].trimStart().length;
    const after = at === offset ? 'After' : 'after';
    return {
      lemma: vague ? vague.key : head,
      start,
      end,
      replaceStart: at,
      ...(replaceEnd !== undefined ? { replaceEnd } : {}),
      replacement: `${after} ${course[1]!.toLowerCase()} ${course[2]!}, you will be able to`,
    };
  }
  return {
    lemma: vague ? vague.key : head,
    start,
    end,
    // "will understand:" -> "will be able to:"; "will be able to understand:" -> "will be able to:".
    replaceStart: beAble ? start - 1 : start,
    ...(replaceEnd !== undefined ? { replaceEnd } : {}),
    replacement: beAble ? '' : 'be able to',
  };
}

/** A course, not a learner, as the subject of a lead-in's verb: "This lesson will". */
const COURSE_SUBJECT =
  /(?:^|\s)(this|the|each|our)\s+(lesson|course|module|session|workshop|chapter|tutorial|unit|class|training|programme|program|section|lecture|episode|notebook|part|week|day|seminar|lab|series)\s+(?:will|shall|'ll|is\s+going\s+to)\s+$/i;

const LABELS: [RegExp, ItemKind][] = [
  [
    /^(?:learning\s+objective|enabling\s+objective|terminal\s+objective|objective|lo|what\s+you(?:'ll|’ll|\s+will)\s+learn|what\s+(?:i|you|we|learners|participants|students|trainees)(?:'ll|’ll|\s+will)\s+be\s+able\s+to\s+do|learning\s+goal|goal|learning\s+intention)$/i,
    'objective',
  ],
  [
    /^(?:outcome|learning\s+outcome|performance\s+objective|kpi|key\s+result|result|success\s+(?:measure|metric)|metric)$/i,
    'outcome',
  ],
  [
    /^(?:assessment|assessment\s+task|quiz|exercise|challenge|assignment|homework|(?:knowledge|quick|concept|comprehension|understanding|self|progress)[\s-]check|check|check\s+your\s+(?:understanding|knowledge|learning|progress)|check\s+yourself|test\s+yourself|test\s+your\s+(?:knowledge|understanding)|try\s+it(?:\s+yourself)?|your\s+turn|exit\s+(?:ticket|slip)|(?:final\s+|group\s+|mini-?)?project|capstone(?:\s+project)?|lab|case\s+study|graded(?:\s+(?:items?|work|activit(?:y|ies)|components?))?|(?:graded|practice|peer[\s-]graded|peer[\s-]reviewed)\s+(?:quiz|assignment|lab)|programming\s+assignment)$/i,
    'assessment',
  ],
];

const LABEL_RE =
  /^(learning\s+objective|enabling\s+objective|terminal\s+objective|objective|lo|what\s+you(?:'ll|’ll|\s+will)\s+learn|what\s+(?:i|you|we|learners|participants|students|trainees)(?:'ll|’ll|\s+will)\s+be\s+able\s+to\s+do|learning\s+goal|learning\s+intention|outcome|learning\s+outcome|performance\s+objective|kpi|key\s+result|result|success\s+measure|success\s+metric|metric|assessment|assessment\s+task|quiz|exercise|challenge|assignment|homework|(?:knowledge|quick|concept|comprehension|understanding|self|progress)[\s-]check|check|check\s+your\s+(?:understanding|knowledge|learning|progress)|check\s+yourself|test\s+yourself|test\s+your\s+(?:knowledge|understanding)|try\s+it(?:\s+yourself)?|your\s+turn|exit\s+(?:ticket|slip)|(?:final\s+|group\s+|mini-?)?project|capstone(?:\s+project)?|lab|case\s+study|graded(?:\s+(?:items?|work|activit(?:y|ies)|components?))?|(?:graded|practice|peer[\s-]graded|peer[\s-]reviewed)\s+(?:quiz|assignment|lab)|programming\s+assignment)(?:\s+\(?([A-Za-z]*\d+(?:[.-]\d+)*)\)?)?\s*:\s*/i;

/** Labels of a plan's parts that are neither objectives, outcomes nor assessments: "Learning
 * activities:", "Support needed:", "Timeline:" (a development plan's goal, a lesson plan's
 * row). An item that starts with one is none of the three. */
export const ASIDE_LABEL =
  /^\s*(?:(?:learning|development|teaching|teaching\s+and\s+learning|training)\s+activities|action\s+steps|action\s+plan|resources(?:\s+needed)?|support(?:\s+needed)?|timeline|timescales?|target\s+dates?|due\s+dates?|completion\s+dates?|status|notes?|owner|budget|materials(?:\s+needed)?|delivery(?:\s+method)?)\s*[:：]/i;

/** "Graded:" (a MOOC's week: "**Graded:** Week 1 Quiz"): it labels an assessment only where
 * what follows names graded work or asks something ("Graded: none", "Graded: Pass/Fail" do
 * not). */
export const GRADED_LABEL = /^graded(?:\s|$)/i;

/** Labels that are everyday words too ("Project: the team's repository is on GitHub", "Check:
 * the server is running"): they label an assessment only where what follows asks something or
 * says how it is judged. */
export const WEAK_TASK_LABEL =
  /^(?:(?:final|group|mini-?)\s*project|project|lab|case\s+study|check)$/i;

/** An OKR's key result by its number ("KR1:", "KR 2.1 -"): numbered afresh under each objective,
 * so the number is not an ID. */
const KEY_RESULT_LABEL = /^kr\s?\d+(?:\.\d+)*\s*(?::|[-–—](?=\s))\s*/i;

/** "KR1: ...": a key result's label (read before IDs, which "KR1" would otherwise be). */
export function readKeyResultLabel(
  plain: string,
  from: number,
): { kind: ItemKind; label: string; end: number; id: null } | null {
  const kr = KEY_RESULT_LABEL.exec(plain.slice(from));
  return kr ? { kind: 'outcome', label: 'key result', end: from + kr[0].length, id: null } : null;
}

/** "Measured by: ...", "Evidenced by: ...": a label that says how an objective is measured, of
 * no kind of its own. What follows decides what the item is: a task ("a quiz", "an observed
 * drill") is an assessment, a metric ("reopen rate below 5% by Q3") an outcome, anything else
 * ("the team lead's weekly review") a note. */
const MEASURED_BY = lazy(
  '^(?:measured|evidenced|assessed)\\s+(?:by|through|via)\\s*[:\uff1a]\\s*',
  'i',
);
/** A metric: a rate, a share or a count, or a number with a per cent sign. */
const MEASURE_METRIC = lazy(
  '%|\\b(?:rates?|ratios?|scores?|times?|percentages?|counts?|numbers?\\s+of|volumes?|nps|csat|revenue|costs?|turnover|retention|uptime|errors?\\s+per)\\b',
  'iu',
);
/** A task that checks learning, named early in what follows ("a ten-question quiz on ...", "an
 * observed drill"), or the learner showing the skill ("demonstrating the lockout procedure",
 * "performing the lift"). Not after "of": "percentage of projects delivered on time" counts the
 * job's projects (a test named after "of the" is read below). */
const MEASURE_TASK = lazy(
  '^(?:(?:demonstrating|performing)\\b|(?:(?:an?|the|one|two|three|\\d+)\\s+)?(?:(?!of\\s)[\\p{L}\\d-]+\\s+){0,3}?(?:quiz(?:zes)?|tests?|exams?|examinations?|assessments?|assignments?|exercises?|drills?|observations?|checklists?|rubrics?|role[\\s-]?plays?|simulations?|practicals?|demonstrations?|projects?|labs?|case\\s+stud(?:y|ies)|knowledge\\s+checks?|presentations?|portfolios?|essays?|scenarios?)\\b)',
  'iu',
);
/** A test of learning named further in, as where the figure is taken ("scores on the final
 * quiz", "pass rate in the end-of-module exam", "results of the knowledge check"). Only tests
 * that check learning and nothing else: a project, an observation or a drill further in is as
 * likely the job's ("percentage of projects delivered on time"), and "of" needs a determiner
 * ("number of risk assessments completed" counts work done). */
const MEASURE_TASK_LATER = lazy(
  '\\b(?:(?:on|in|at|from|during|through|via|across|over)\\s+(?:(?:the|a|an|each|every|their|all)\\s+)?|of\\s+(?:the|a|an|each|every|their|all)\\s+)(?:[\\p{L}\\d-]+\\s+){0,3}?(?:quiz(?:zes)?|tests?|exams?|examinations?|assessments?|knowledge\\s+checks?|role[\\s-]?plays?)\\b',
  'iu',
);
/** A count of repetitions ("three times", "5 times", "twice"): how often the learner shows the
 * skill, a degree, not a metric. */
const REPETITIONS =
  /\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|several|multiple|many)\s+(?:more\s+|consecutive\s+|separate\s+)?times\b|\b(?:once|twice|thrice)\b/giu;

/** What a "Measured by:" line is, from what follows the label. A change with its timeframe (or
 * of a behaviour or business measure) is an outcome, wherever a test stands in it ("failed
 * checks in the monthly forklift test fall from 12% to 4% by Q4"); otherwise a task named
 * anywhere makes an assessment, whatever metric word comes first ("scores on the final quiz");
 * a metric without a task makes an outcome; anything else is a note. */
function measuredByKind(rest: string): ItemKind | null {
  if (readsAsJobChange(rest)) return 'outcome';
  if (testText(MEASURE_TASK, rest) || testText(MEASURE_TASK_LATER, rest)) return 'assessment';
  if (testText(MEASURE_METRIC, rest.replace(REPETITIONS, ' '))) return 'outcome';
  return null;
}

/** "Measured by: the team lead's weekly review": a note on how an objective is measured that
 * names neither a task nor a metric (no item). */
export function isMeasureNote(body: string): boolean {
  const m = execText(MEASURED_BY, body);
  return m !== null && measuredByKind(body.slice(m[0].length)) === null;
}

/** "Objective: ...", "Outcome O2: ...", "KPI: ..." at the start of an item's plain text. */
export function readLabel(
  plain: string,
  from: number,
): {
  kind: ItemKind;
  label: string;
  end: number;
  id: { text: string; start: number } | null;
} | null {
  const kr = readKeyResultLabel(plain, from);
  if (kr) return kr;
  const measured = execText(MEASURED_BY, plain.slice(from));
  if (measured) {
    const kind = measuredByKind(plain.slice(from + measured[0].length));
    return kind ? { kind, label: 'measured by', end: from + measured[0].length, id: null } : null;
  }
  const m = LABEL_RE.exec(plain.slice(from));
  if (!m) return null;
  const label = m[1]!;
  const kind = LABELS.find(([re]) => re.test(label))![1];
  const id = m[2] ? { text: m[2], start: from + m[0].indexOf(m[2], label.length) } : null;
  return { kind, label: label.replace(/\s+/g, ' '), end: from + m[0].length, id };
}

/** The verb a lead-in carries, as its items are read with it (readObjective's `leadVerb`):
 * "understand", or "understand that" when each item is a clause the verb takes. */
export function leadVerbOf(leadIn: LeadIn | null | undefined): string | null {
  const verb = leadIn?.verb;
  if (!verb) return null;
  return CLAUSE_LEAD_TEXT.test(leadIn.text) ? verb.lemma + CLAUSE_LEAD : verb.lemma;
}
