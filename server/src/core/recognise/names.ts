// Whether a heading, a bold label paragraph, a div or directive class, an admonition title or a
// file name names a block of objectives, outcomes or assessments. The names are data
// (vocabulary/block-names.json, each with where it was seen); this file only decides how a name
// may sit inside a longer heading: after scope words ("Lesson 2 learning objectives"), beside a
// separator ("Week 1: Objectives"), or before a scope qualifier ("Objectives for this session",
// "What you'll learn (Part 1)"), never inside a topic ("Outcomes-orientation", "Goals of the
// Industrial Revolution").
import { forText, lazy } from '../language/ascii.js';
import { memo } from '../memo.js';
import data from './vocabulary/block-names.json' with { type: 'json' };

export type NamedKind = 'objective' | 'outcome' | 'assessment';

export interface BlockName {
  kind: NamedKind;
  /** The academic "learning outcomes" family: learner statements unless an item is a metric.
   * A school's "success criteria": learner statements that state the degree of the learning
   * intentions beside them (metrics stay outcomes). A flight syllabus's "completion standards":
   * the learner's performance to a standard, the degree of the lesson's objectives. A workplace
   * plan's "Success looks like": the degree of its phase's goals, and nothing else (its items
   * are neither objectives nor outcomes). */
  family:
    | 'learning-outcomes'
    | 'success-criteria'
    | 'completion-standards'
    | 'goals'
    | 'degree'
    /** A published standard's statements (an apprenticeship's KSBs): objectives the author
     * quotes, checked for being assessed, not for how they are worded. */
    | 'standard'
    | null;
  strength: 'strong' | 'weak';
  /** The vocabulary entry that matched. */
  name: string;
  /** Written with a number or letter after it ("Exercise 2", "Outcome A"): one item's label,
   * not the name of a block of them. */
  numbered?: boolean;
  /** For assessments: the name is of one assessment ("Exercise 2", "Quiz"), not of a block of
   * them ("Exercises", "Assignments"). */
  one?: boolean;
  /** For a weak name of assessments: borne out only by graded or judged work ("## Evaluate", a
   * 5E lesson's last phase), never by tasks alone (a data lesson's "Evaluate" step). */
  graded?: boolean;
}

interface Entry {
  name: string;
  kind: string;
  family?: string;
  strength: string;
  counts?: string;
  bornOutBy?: string;
}

function compile(entries: Entry[]): Map<string, BlockName> {
  const map = new Map<string, BlockName>();
  for (const e of entries) {
    map.set(e.name, {
      kind: e.kind as NamedKind,
      family:
        e.family === 'learning-outcomes' ||
        e.family === 'success-criteria' ||
        e.family === 'completion-standards' ||
        e.family === 'goals' ||
        e.family === 'degree'
          ? e.family
          : null,
      strength: e.strength === 'weak' ? 'weak' : 'strong',
      name: e.name,
      ...(e.counts === 'one' ? { one: true } : {}),
      ...(e.bornOutBy === 'graded work' ? { graded: true } : {}),
    });
  }
  return map;
}

const NAMES = compile(data.names);
const DIV_NAMES = compile([...data.names, ...data.divClasses.names]);
/** The longest name, in words: no longer run of words need be looked up. */
const LONGEST = Math.max(...[...DIV_NAMES.keys()].map((n) => n.split(' ').length));

/** Words that may stand before a name: the scope it belongs to ("Lecture 3", "this week's",
 * an exercise's, a simulation's or a placement's: "Exercise objectives", "Clinical rotation
 * objectives"). */
const SCOPE_WORDS = new Set(
  `course courses lesson lessons module modules session sessions unit units workshop workshops
  training episode episodes chapter chapters week weeks day days section sections program
  programme programs programmes class classes topic topics lecture lectures lab labs practical
  tutorial tutorials seminar seminars bootcamp part parts semester term today today's week's
  lesson's course's module's session's key our your the this these its my specific intended
  overall general main primary core expected anticipated desired important major broad
  detailed unit's level high-level top-level subject student learner participant exercise
  exercise's activity activities simulation simulations scenario scenarios practicum internship
  placement rotation rotations clerkship clerkships clerkship's residency fellowship clinical experiment experiments drill drills exam exams
  examination certification certification's exam's`.split(/\s+/),
);

/** Words that say what kind of assessment follows ("Group project", "Weekend project", "Take-home
 * exam", "Formative assessment"): before an assessment's name only, since before another name
 * they name someone else's block ("Team objectives" are a team's business goals). */
const ASSESSMENT_MODIFIERS = new Set(
  `group team individual pair paired solo mini weekend weekly daily nightly take-home in-class
  open-book closed-book written oral practical independent collaborative peer guided optional
  bonus extension stretch summative formative graded ungraded timed coding programming writing
  reading research design final readiness competency competence proficiency skills
  diagnostic performance integrated authentic`.split(/\s+/),
);

/** What a block's items are grouped by ("Learning objectives by competency", "Outcomes by
 * topic"): a qualifier of the block, not a topic of the course. */
const GROUPED_BY =
  /^(?:competency|competencies|domain|domains|topic|topics|theme|themes|skill|skills|area|areas|role|roles|level|levels)$/;

/** Words that make a qualifier a clause ("... of the training should be that ..."): a sentence
 * about the block, not its name. */
const CLAUSE_WORDS = new Set(
  'is are was were be been should will would shall can could may must has have that which'.split(
    ' ',
  ),
);

/** Words that start a qualifier after a name ("for this session", "of the course"). */
const QUALIFIER_START = new Set(['for', 'of', 'in', 'from', 'at', 'on', 'by', 'after', 'during']);
/** A qualifier must say what it scopes to, or it is a topic ("Goals of the Revolution"). */
const QUALIFIER_SCOPE =
  /\b(?:today|today's|course|lesson|module|session|unit|workshop|training|episode|chapter|week|day|section|program|programme|class|lecture|lab|practical|tutorial|seminar|bootcamp|part|semester|term|year|rotation|clerkship|residency|fellowship|placement|practicum|internship|apprenticeship|\d+|[ivx]+)\b/;

/** An OKR's objective as a heading ("Objective 1: Make new admins successful in their first
 * month"): a goal of the team stated in the heading, its key results the outcomes under it. */
export const OKR_OBJECTIVE_HEADING = lazy(
  String.raw`^\s*objective\s*\d+(?:\.\d+)*\s*[:：–—-]\s*\p{L}`,
  'iu',
);

/** A heading that states one OKR key result: "Key result: Finish 15 books", "KR2: ...". */
export const KEY_RESULT_HEADING = lazy(
  String.raw`^\s*(?:key\s+result|kr)\s*(?:\d+(?:\.\d+)*)?\s*[:：–—-]\s*\p{L}`,
  'iu',
);
/** An OKR objective stated in its heading, numbered or not ("Objective: Create things."). */
export const OKR_LABEL_HEADING = lazy(
  String.raw`^\s*objective\s*(?:\d+(?:\.\d+)*)?\s*[:：–—-]\s*\p{L}`,
  'iu',
);

/** An OKR template's objective heading whose statement is still a placeholder ("Objective 1:
 * [State the Objective]", "Objective 2: {{objective}}"): a slot, not a block left unread. */
export const OKR_SLOT_HEADING = lazy(
  String.raw`^\s*objective\s*(?:\d+(?:\.\d+)*)?\s*[:：–—-]\s*(?:\[|\{\{|<)`,
  'iu',
);

/** Lowercase; emoji, markup, numbering, attributes and trailing punctuation removed. */
const NOT_IN_NAME = lazy(String.raw`[^\p{L}\p{N}\s'&:|()–—-]`, 'gu');

export function normaliseName(text: string): string {
  const bare = text
    // Pandoc heading attributes ("{.unnumbered}", "{#objectives}").
    .replace(/\{[^{}]*\}\s*$/, '')
    .replace(/[*_`]/g, '')
    .replace(/[‘’]/g, "'");
  // A spaced slash joins two names ("Delivery / Activity", "Homework / Practice"), as a bar
  // does; an unspaced one is part of a word ("HTML/CSS", "and/or").
  const joined = bare.includes('/') ? bare.replace(/\s\/\s/g, ' | ') : bare;
  const n = joined
    .replace(forText(NOT_IN_NAME, joined), ' ')
    .replace(
      /^\s*(?:(?:part|module|unit|section|chapter|lesson|week|day|step)\s+)?(?:\d+(?:\.\d+)*|[ivxlc]+|[a-z])[.:)]\s+/i,
      '',
    )
    .replace(/^\s*\d+(?:\.\d+)*\s+/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
  // Trailing colons and dashes, by hand (a regex over a long run of them backtracks).
  let end = n.length;
  while (end > 0 && ' :–—-'.includes(n[end - 1]!)) end--;
  return n.slice(0, end);
}

/** Splits a normalised name where a separator joins two parts ("week 1: objectives"). */
function segments(n: string): string[] {
  const parts = n.split(/\s*(?::|\||\s[–—-]\s|\s[–—]|[–—]\s)\s*/);
  return parts.length > 1 ? [n, ...parts] : [n];
}

function isScopeWord(w: string): boolean {
  // "30-day", "90-day": a plan's phase ("90-day review").
  return (
    SCOPE_WORDS.has(w) ||
    /^\d+(?:\.\d+)*$/.test(w) ||
    /^[ivx]+$/.test(w) ||
    /^\d+-(?:day|week|month)$/.test(w)
  );
}

/** Titles that make a section a lab's: a lab, an experiment, a practical, a lab manual. */
const LAB_CONTEXT = /\b(?:labs?|laborator(?:y|ies)|experiments?|practicals?)\b/i;

/**
 * "Report" alone ("### Report" under an experiment, a "**Report**" label) names the lab's
 * report, one assessment, but only in a lab: where a section it stands in, or the course, is a
 * lab's, an experiment's or a practical's (`around` gives their titles). Elsewhere "Report" is a
 * section like any other (a newsroom's report, a project's status report).
 */
export function labReportName(text: string, around: () => Iterable<string>): BlockName | null {
  if (text.length > 30) return null;
  // Asked of every short heading on every analysis: the answers are kept, as blockName's are.
  let report = reportNames.get(text);
  if (report === undefined) {
    const n = normaliseName(text);
    report = reportNames.set(
      text,
      n === 'report' || n === 'your report' || n === 'the report' || n === 'final report',
    );
  }
  if (!report) return null;
  for (const title of around()) if (LAB_CONTEXT.test(title)) return NAMES.get('lab report')!;
  return null;
}

/** Whether a short text, normalised, is "report" (labReportName), by text. */
const reportNames = memo<string, boolean>(20_000);

/** The name a heading or label paragraph gives its block, or null. */
export function blockName(text: string): BlockName | null {
  // Asked of every heading and paragraph on every analysis: the answers for short texts are
  // kept (the language server analyses a long outline again after each edit). Never changed by
  // their readers.
  if (text.length > 200) return matchName(text, NAMES);
  const name = names.get(text);
  return name === undefined ? names.set(text, matchName(text, NAMES)) : name;
}

const names = memo<string, BlockName | null>(20_000);

/** The name a div or directive class gives ("objectives", "learning-objectives", "lo"). */
export function divClassName(cls: string): BlockName | null {
  return matchName(cls.replace(/[-_]/g, ' '), DIV_NAMES);
}

/**
 * The name a file's own name or folder gives ("learning-objectives.qmd", "objectives.md",
 * "learning_objectives/week-1.qmd"): the whole name or its last words, a folder's whole name, or
 * a run of two or more words of a strong name anywhere in the file name
 * ("week1_learning_objectives_draft.md").
 */
export function fileName(path: string): BlockName | null {
  const parts = path.replace(/\\/g, '/').split('/');
  const words = (s: string) =>
    s
      .replace(/\.[^.]*$/, '')
      .replace(/[-_.\s]+/g, ' ')
      .trim()
      .toLowerCase()
      .split(' ')
      .filter(Boolean);
  const base = words(parts[parts.length - 1] ?? '');
  const strong = (n: string) => {
    const hit = NAMES.get(n);
    return hit && hit.strength === 'strong' && hit.kind === 'objective' ? hit : null;
  };
  for (let k = Math.min(LONGEST, base.length); k >= 1; k--) {
    const hit = strong(base.slice(base.length - k).join(' '));
    if (hit) return hit;
  }
  for (let i = 0; i < base.length; i++)
    for (let k = Math.min(LONGEST, base.length - i); k >= 2; k--) {
      const hit = strong(base.slice(i, i + k).join(' '));
      if (hit) return hit;
    }
  const folder = parts.length > 1 ? words(parts[parts.length - 2]!) : [];
  return folder.length ? strong(folder.join(' ')) : null;
}

function matchName(text: string, names: Map<string, BlockName>): BlockName | null {
  if (text.length > 200) return null;
  let n = normaliseName(text);
  // Parentheticals are scope or abbreviations: "what you'll learn (part 1)", "(ilos)".
  const paren = /^(.*?)\s*\(([^()]*)\)\s*(.*)$/.exec(n);
  if (paren) {
    const inner = names.get(paren[2]!.trim());
    if (inner && !paren[1] && !paren[3]) return inner;
    n = `${paren[1]} ${paren[3]}`.trim();
  }
  n = n.replace(/[()]/g, ' ').replace(/\s+/g, ' ').trim();
  if (!n) return null;
  // A long heading names one assessment in a short part beside a separator ("Assessment method
  // 2: Professional discussion underpinned by a portfolio of evidence", "Quiz 1.8: Minimizing
  // Attack Surface, ..."). Not objectives: "Course Outcome 1: Provide safe, patient-centered
  // care to ..." states one, over its clinical behaviours, and names no block of them.
  const long = n.length > 80;
  for (const seg of segments(n)) {
    if (long && (seg === n || seg.length > 80)) continue;
    const hit = matchSegment(seg, names);
    if (hit && (!long || hit.kind === 'assessment')) return hit;
  }
  return null;
}

function matchSegment(seg: string, names: Map<string, BlockName>): BlockName | null {
  const ws = seg.split(' ').filter(Boolean);
  if (!ws.length || ws.length > 14) return null;
  // Scope words (and an assessment's kind) first, then the longest name, then nothing or a
  // qualifier.
  let i = 0;
  let modified = false;
  for (;;) {
    for (let k = Math.min(LONGEST, ws.length - i); k >= 1; k--) {
      const name = ws.slice(i, i + k).join(' ');
      const hit = lookup(names, name);
      if (!hit || (modified && hit.kind !== 'assessment')) continue;
      let rest = ws.slice(i + k);
      // "Exercise 2", "Quiz 1.3" (normalised to "quiz 1 3"), "Challenge 3a", "Lab iv".
      const numbered = rest.length > 0 && /^(?:#?\d+(?:\.\d+)*[a-z]?|[ivx]+|[a-z])$/.test(rest[0]!);
      if (numbered) {
        rest = rest.slice(1);
        while (rest.length && /^\d+[a-z]?$/.test(rest[0]!)) rest = rest.slice(1);
      }
      if (rest.length === 0) return numbered ? { ...hit, numbered } : hit;
      if (
        QUALIFIER_START.has(rest[0]!) &&
        rest.length <= 7 &&
        QUALIFIER_SCOPE.test(rest.slice(1).join(' ')) &&
        !rest.some((w) => CLAUSE_WORDS.has(w))
      )
        return hit;
      if (rest[0] === 'by' && rest.length <= 4 && GROUPED_BY.test(rest[rest.length - 1]!))
        return hit;
      // "objectives and outcomes", "goals and objectives": two names, the first decides.
      if (rest[0] === 'and') {
        const second = lookup(names, rest.slice(1).join(' '));
        // "Objectives and outcomes": both kinds may stand in it, so the items decide.
        if (second && second.kind !== hit.kind && hit.kind === 'objective')
          return { ...hit, family: 'learning-outcomes' };
        if (second) return hit;
      }
    }
    // "Stage 1 check", "Stage II check": a name of one assessment with its number after its
    // first word.
    const inner = numberedInside(ws, i, names);
    if (inner) return inner;
    if (i < ws.length && isScopeWord(ws[i]!)) i++;
    else if (i < ws.length && ASSESSMENT_MODIFIERS.has(ws[i]!)) {
      modified = true;
      i++;
    } else return tailName(ws, names);
  }
}

/** A name of one assessment of two or more words written with a number after its first word
 * ("stage 1 check", "stage ii check"), standing last in the heading. */
function numberedInside(ws: string[], i: number, names: Map<string, BlockName>): BlockName | null {
  if (ws.length - i < 3 || !/^(?:\d+[a-z]?|[ivx]+)$/.test(ws[i + 1]!)) return null;
  const hit = lookup(names, [ws[i], ...ws.slice(i + 2)].join(' '));
  return hit?.kind === 'assessment' && hit.one ? { ...hit, numbered: true } : null;
}

/** Names of one assessment that stand last after what it is on ("Dosage calculation exam",
 * "Pharmacology quiz", "Skills check-off"). */
const TAIL_NAMES = new Set(['exam', 'quiz', 'check-off', 'checkoff', 'osce', 'evaluation']);
/** Words that make a heading about an assessment, not its name ("Preparing for the exam"). */
const NOT_IN_A_NAME = new Set(
  `the a an for to how about of your our my this that what when why with on in at by and or
  tips preparing preparation revision revise passing pass taking take sitting sit before after
  during`.split(/\s+/),
);

/** A heading of two to five words whose last is a name of one assessment and whose others are
 * what it is on: that assessment. */
function tailName(ws: string[], names: Map<string, BlockName>): BlockName | null {
  if (ws.length < 2 || ws.length > 5) return null;
  const last = ws[ws.length - 1]!;
  if (!TAIL_NAMES.has(last)) return null;
  const rest = ws.slice(0, -1);
  if (rest.some((w) => NOT_IN_A_NAME.has(w) || CLAUSE_WORDS.has(w) || !/^[\p{L}\d-]+$/u.test(w)))
    return null;
  // "Tour evaluation", "Teaching evaluation", "Skills evaluation": the evaluation of work the
  // learner performs, one assessment, borne out only by judged work (a rubric, a score). Not
  // "Course evaluation" (of the course, by its learners) nor "Model evaluation" (a data step).
  if (last === 'evaluation') {
    const hit = lookup(names, last);
    return hit && PERFORMED.has(rest[rest.length - 1]!)
      ? { ...hit, one: true, graded: true }
      : null;
  }
  return lookup(names, last) ?? null;
}

/** Work a learner performs before an evaluator, as the word before "evaluation" names it. */
const PERFORMED = new Set(
  `tour tours teaching presentation demonstration performance practical skills skill clinical
  field oral final midterm mid-term competency simulation observation practicum recital audition
  speech facilitation`.split(/\s+/),
);

/** A name, or the same name with its last word in the other number ("course outcome"). */
function lookup(names: Map<string, BlockName>, name: string): BlockName | undefined {
  return (
    names.get(name) ??
    names.get(`${name}s`) ??
    (name.endsWith('s') && !name.endsWith('ss') ? names.get(name.slice(0, -1)) : undefined)
  );
}
