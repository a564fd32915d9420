// Reader: objectives written as prose. Two forms course authors use:
// - an enumeration inside a paragraph under an objectives heading or after a learning lead-in:
//   "By the end of this course, you (1) will be literate in ..., (2) will communicate ..., and
//   (3) will understand ..."; each numbered part is an objective;
// - sentences that say what learners will do, under an objectives heading ("After this chapter
//   you should be able to plan a training session."), each an objective;
// - sentences that say what learners will learn, in a section's opening paragraphs: "In this lab,
//   you learn the basics of virtual networking. You also learn about DNS zones." Each such
//   sentence is an objective, its text from the verb on.
import type { Paragraph } from 'mdast';
import { execText, lazy, testText } from '../../language/ascii.js';
import { off } from '../context.js';
import { readObjectiveForRecognition } from '../../language/objective.js';
import { readsAsJobChange, readsAsMeasure, readsAsMetric } from '../../language/outcome.js';
import { addItem, newSink, readId } from '../items.js';
import { plainOf, plainTextOf, type PlainText } from '../plain.js';
import { endBefore } from '../../text.js';
import {
  divAt,
  newNaming,
  ruleOf,
  runInLabel,
  startsWithBehaviour,
  type Naming,
  type Scope,
} from '../scope.js';

// "(1)", "(2)" ... or "(a)", "(b)" ... or "(i)", "(ii)" ...; also "1)" after a space.
const MARKER =
  /(?:^|[\s,;:])\((\d{1,2}|[a-h]|i{1,3}|iv|v|vi{1,3})\)\s+|(?:^|[\s,;:])(\d{1,2})\)\s+/g;

const SCOPE_PREFIX = lazy(
  String.raw`^(?:in|during|throughout|through|over)\s+(?:this|the|today's|these)\s+(?:[\p{L}-]+\s+){0,2}?(?:lab|labs|lesson|lessons|module|section|course|tutorial|workshop|chapter|unit|session|exercise|activity|series|notebook|guide|training|part|episode|video|class|lecture)\b[^,.;:]{0,60},?\s+`,
  'iu',
);
const LEARNING_CLAUSE =
  /^(?:and\s+)?(?:you|learners|students|participants|trainees)(?:\s+will|\s+are\s+going\s+to|'ll|’ll)?\s+(?:also\s+|then\s+|further\s+|first\s+)?((?:learn|get\s+(?:a\s+(?:sense|feel|feeling|taste|grasp|flavou?r)|an\s+(?:introduction|overview|idea|understanding))|gain\s+(?:an?\s+)?(?:understanding|insight|overview|introduction|appreciation|experience)|discover|explore|be\s+introduced\s+to|practi[cs]e|be\s+able\s+to)\b)/iu;

/** `namedAhead`: whether the rest of the section names objectives of its own (a heading, a
 * label, a lead-in, a div): an opening paragraph's learning sentences then introduce them. */
export function readProse(s: Scope, p: Paragraph, namedAhead: () => boolean = () => false): void {
  if (readEnumeration(s, p)) return;
  if (readLearnerSentences(s, p)) return;
  if (readOutcomeSentences(s, p)) return;
  if (readOpeningAbleTo(s, p)) return;
  readLearningSentences(s, p, namedAhead);
}

// "SWBAT identify three signs of a chemical reaction.", "Students will be able to measure ...":
// the able-to form only (not "Students will work in pairs", what they do in class).
const ABLE_TO_SENTENCE =
  /^(?:(?:by|at|upon|on|after)\b[^.;:]{0,120}?,\s+)?(?:t?swbat\b\s*:?\s*|(?:you|students?|learners?|participants?|trainees?|pupils?|(?:the\s+)?(?:new\s+)?(?:employees?|staff|agents?|apprentices?))\s+(?:will|should|shall)\s+be\s+able\s+to\s+)(?=\S)/i;

/**
 * A section's opening paragraph that says, in the able-to form, what learners will do: a lesson
 * plan's one objective under the lesson's heading, with no objectives heading ("## Lesson 1:
 * Is it a new substance?" + "**SWBAT** identify at least three signs of a chemical reaction.").
 * Each such sentence is an objective, its text from the verb on; a sentence of another kind in
 * the paragraph makes it none.
 */
function readOpeningAbleTo(s: Scope, p: Paragraph): boolean {
  const b = s.b;
  if (s.paragraphs > 1) return false;
  const text = plainTextOf(b, p.children);
  // The able-to words first: most opening paragraphs have none, and are not split.
  if (text.length > 600 || !/\b(?:t?swbat|able\s+to)\b/i.test(text) || /:\s*$/.test(text))
    return false;
  if (divAt(s, off(b, p).start).inOtherDiv) return false;
  const found: [number, number][] = [];
  // Only a paragraph that is the objectives, every sentence of it (a course description that
  // says in passing "Students will be able to use a manifold gauge set" is not).
  for (const [from, to] of splitClauses(text)) {
    const clause = text.slice(from, to);
    // A parenthesis after the sentence: the standards it meets ("(MS-PS1-2)").
    if (!/[\p{L}\p{N}]/u.test(clause) || /^\s*\([^()]{1,80}\)[\s.]*$/.test(clause)) continue;
    const m = ABLE_TO_SENTENCE.exec(clause);
    if (!m) return false;
    const at = from + m[0].length;
    let end = to;
    while (end > at && /[\s.!]/.test(text[end - 1]!)) end--;
    if (!startsWithBehaviour(text.slice(at, end), b)) return false;
    found.push([at, end]);
  }
  if (!found.length) return false;
  const sink = newSink(s.section, 'prose', off(b, p), 'objective');
  const plain = plainOf(b, p.children);
  for (const [from, to] of found) {
    const part = slice(plain, from, to);
    addItem(b, sink, part, spanOf(part), { insertion: null, labels: false });
  }
  return true;
}

// "After going through this chapter you should be able to respond to ...", "Students will ...",
// "SWBAT place fractions ..." (K-12: students will be able to), "We are learning to use ..."
// (a school's learning intention, "WALT").
// A condition may come first ("In situation X, you will be able to ..."); a pandoc definition
// starts with ": ".
const LEARNER_SENTENCE =
  /^(?::\s+)?(?:(?:by|at|upon|on|after|following|when|once)\b[^.;:]{0,120}?,?\s+|[^.;:,]{1,120},\s+|(?:the|this)\s+(?:lesson|stage|unit|module|block|flight|session|task)\s+(?:is|will\s+be)\s+(?:satisfactorily\s+)?complete(?:d)?\s+when\s+)?(?:(?:you|students?|learners?|participants?|trainees?|delegates?|graduates?|the\s+(?:student|learner|participant|trainee)|(?:the\s+)?(?:new\s+)?(?:employees?|staff(?:\s+members?)?|hires?|agents?|operators?|technicians?|nurses?|supervisors?|managers?|team\s+members?|workers?|apprentices?|recruits?|cadets?))(?:\s+(?:will|should|shall|can|must|are\s+expected\s+to|will\s+be\s+expected\s+to)|'ll|’ll)\s+(?:(?:also|then)\s+)?(?:be\s+able\s+to\s*:?\s+)?|t?swbat\b:?\s*|(?:we|i)(?:\s+are|\s+am|'re|’re|'m|’m)\s+learning\s+(?:how\s+)?to\s+)(?=\S)/iu;

// A sentence that sends the reader elsewhere for the objectives ("See the module handbook.",
// "Please refer to the syllabus on Canvas.", "Check the page below for this week's outcomes.")
// is not one: the heading above it is met with unread-block, which says why.
const POINTER =
  /^(?:please\s+)?(?:(?:see|refer\s+to)\b|(?:consult|visit|check|go\s+to|click|view|find|read|download|open|follow)\b[^.;]*?\b(?:handbook|syllabus|syllabi|guide|page|website|site|document|catalogu?e|specification|descriptor|appendix|section|below|above|link|canvas|moodle|blackboard|brightspace|pdf|file|here)\b)/iu;

/** "1.Participants ...", "2.Open ...": a list item's number with no space after it (before a
 * capital A-Z: English lists). */
const NUMBERED_NO_SPACE = /^\s*\d{1,2}\.(?=[A-Z])/;

/**
 * Under an objectives heading (or div, or label), a paragraph whose sentences say what learners
 * will do: each such sentence is an objective. A short paragraph that is one behaviour ("Build a
 * REST API with Flask.") is one too.
 */
function readLearnerSentences(s: Scope, p: Paragraph): boolean {
  const b = s.b;
  const div = divAt(s, off(b, p).start);
  if (div.inOtherDiv) return false;
  // A run-in label names its own paragraph, also inside a named scope (a file named
  // "objectives.md", a div): its sentences start after it.
  const runIn = runInNaming(s, p);
  const naming = div.naming ?? s.label ?? s.naming ?? runIn?.naming;
  if (!naming || naming.name.kind !== 'objective' || naming.name.strength !== 'strong')
    return false;
  const text = plainTextOf(b, p.children);
  if (text.length > 3000 || /:\s*$/.test(text)) return false;
  const parts: [number, number][] = [];
  // After a run-in label, its sentences start where the label ends.
  const clauses = splitClauses(text, runIn?.end ?? 0).filter(([f, t]) =>
    /[\p{L}]/u.test(text.slice(f, t)),
  );
  // "1.Participants understand ...": an item of a numbered list written without the space
  // after its number, so a paragraph: read as the list item it was meant to be.
  const numbered = runIn ? null : NUMBERED_NO_SPACE.exec(text);
  if (numbered) parts.push([numbered[0].length, text.length]);
  // Each part starts at the behaviour, after "you should be able to", as a list item would.
  if (!numbered)
    for (const [from, to] of clauses) {
      const m = LEARNER_SENTENCE.exec(text.slice(from, to));
      if (!m) continue;
      const at = from + m[0].length;
      // "... will be able to: explain X; recover Y; and braze Z." (a catalogue's one sentence):
      // each behaviour after the colon is one objective, as the items of a list are.
      const series = /:\s*$/.test(m[0]) ? semicolonSeries(text, at, to) : null;
      if (series) parts.push(...series);
      else parts.push([at, to]);
    }
  // After a run-in label, each sentence that starts with its behaviour ("**Objectives:** Explain
  // evaporation. Understand condensation.").
  if (!parts.length && runIn && text.length <= 1000)
    for (const [from, to] of clauses) {
      const clause = text.slice(from, to);
      if (!POINTER.test(clause) && startsWithBehaviour(clause, b)) parts.push([from, to]);
    }
  if (!parts.length && clauses.length === 1 && text.length <= 240 && !POINTER.test(text)) {
    const r = readObjectiveForRecognition(text, b.lex);
    const word = r.verb ? text.slice(r.verb.start, r.verb.end).toLowerCase() : '';
    if (
      r.verb &&
      !r.verbFromLeadIn &&
      (r.verb.start <= 2 || (conditionFirst(text, r) && !POINTER.test(text.slice(r.verb.start)))) &&
      b.lex.lemma(word) === word
    )
      parts.push(clauses[0]!);
  }
  if (!parts.length) return false;
  const sink = newSink(s.section, 'prose', off(b, p), ruleOf(naming.name));
  const plain = plainOf(b, p.children);
  for (const [from, to] of parts) {
    let end = to;
    while (end > from && /[\s.!]/.test(text[end - 1]!)) end--;
    const part = slice(plain, from, end);
    const made = addItem(b, sink, part, spanOf(part), { insertion: null, labels: false });
    if (made) naming.read++;
  }
  return true;
}

/** Where a part's trailing ", and", ", or", ";" and "." start: what the regex
 * `(?:[\s,;]*(?:\band\b|\bor\b))?[\s,;.]*$` (case-insensitive) takes off, read by hand (as a
 * regex, quadratic on a long run of spaces, commas or dots that does not end the part). */
export function endBeforeJoin(part: string): number {
  const end = endBefore(part, (c) => /[\s,;.]/.test(c));
  const word = part.slice(Math.max(0, end - 3), end).toLowerCase();
  const join = word === 'and' ? 3 : word.endsWith('or') ? 2 : 0;
  // "and" or "or" as a whole word: no word character just before it.
  if (join === 0 || /\w/.test(part[end - join - 1] ?? '')) return end;
  return endBefore(part.slice(0, end - join), (c) => /[\s,;]/.test(c));
}

/** The parts of a series separated by semicolons ("explain X; recover Y; and braze Z"), the
 * last one's "and" left out; null for fewer than two. */
function semicolonSeries(text: string, from: number, to: number): [number, number][] | null {
  const out: [number, number][] = [];
  let start = from;
  for (let i = from; i <= to; i++) {
    if (i < to && text[i] !== ';') continue;
    let a = start;
    while (a < i && /\s/.test(text[a]!)) a++;
    const and = /^(?:and|or)\s+/i.exec(text.slice(a, i));
    if (and) a += and[0].length;
    if (a < i) out.push([a, i]);
    start = i + 1;
  }
  return out.length >= 2 ? out : null;
}

/** A run-in label that names objectives at a paragraph's start ("**Student learning
 * outcomes.** Upon completion, the student will be able to: ..."): a catalogue entry's heading. */
function runInNaming(s: Scope, p: Paragraph): { naming: Naming; end: number } | null {
  const run = runInLabel(s.b, p);
  if (!run) return null;
  return {
    naming: newNaming(run.name, 'label', run.span, run.label),
    end: run.end,
  };
}

/**
 * Whether an objective's verb follows only its leading condition, and before that at most a
 * label of the military and workplace style ("TO: Given a forklift and a loaded pallet, operate
 * ...", "Using the style guide, edit ..."): nothing else, such as "we" in "In this module, we
 * look at ...", stands before the verb.
 */
function conditionFirst(text: string, r: ReturnType<typeof readObjectiveForRecognition>): boolean {
  const c = r.condition;
  if (!c || !r.verb || r.verb.start !== r.behaviourStart) return false;
  return (
    /^(?:[A-Z]{1,5}(?:[ .-]?\d+(?:\.\d+)*)?\s*[:.)–—-]\s*)?$/.test(text.slice(0, c.start)) &&
    /^[\s,]*$/.test(text.slice(c.end, r.verb.start))
  );
}

/** A line that starts with an ID ("LO2 – ", "**CLO 2:**", "[LO2]") or a typed bullet. */
const ID_LINE = lazy(
  String.raw`(?:^|\n)[ \t]*(?:(?:\*\*|__|\x60|\[)?[A-Za-z]{1,12}[ ._-]?\d|[✓✔☑•▪◦‣➤►→◆●■]|✅|(?:\*\*|__)?\d{1,3}(?:\.\d{1,3})+\.?(?:\*\*|__)?[ \t]+\p{L})`,
  'u',
);
/** A line numbered as a document's clauses are, "20.1 Given ...", "1.2.3 Explain ..." (a
 * specification or a syllabus pasted from a word processor, where the number is not a list
 * marker): under a name of objectives, an item whose number is its numbering, not an ID. */
const NUMBERED = lazy(String.raw`^\d{1,3}(?:\.\d{1,3})+\.?\s+(?=\p{L})`, 'u');
/** A bullet typed as a character, not a list marker: "✓ Load a data set", "• Explain ...". */
const BULLET = /^(?:[✓✔☑•▪◦‣➤►→◆●■]|✅)\uFE0F?\s*/u;
/** A lead-in line that says what learners will be able to do. */
const LEARNING_LEAD =
  /\b(?:be\s+able\s+to|will|should|can|t?swbat)\b[^:]{0,80}:$|\b(?:learning\s+)?(?:objectives?|outcomes?)\b[^:]{0,40}:$/i;

/**
 * Under a name of objectives or outcomes, a paragraph whose lines each start with an ID ("LO1 –
 * Recognise ...", "CLO2: Explain ..."), as syllabi and compliance modules write them without
 * list markers, or with a typed bullet ("✓ Load a data set", MOOC pages): each line is an item
 * (with that ID), read as a list item is. A first line ending in a colon is their lead-in
 * ("By the end of the module, staff will be able to:"), and names them where no heading does.
 */
export function readIdLines(s: Scope, p: Paragraph): boolean {
  const b = s.b;
  const span = off(b, p);
  // Cheap first: a line of the paragraph starts with something like an ID or a bullet.
  const source = b.text.slice(span.start, span.end);
  if (source.length > 20_000 || !testText(ID_LINE, source)) return false;
  const div = divAt(s, span.start);
  if (div.inOtherDiv) return false;
  const plain = plainOf(b, p.children);
  const text = plain.text;
  // Lines: where the source from one character to the next holds a line break (the plain
  // text reads a soft or hard break as a space).
  const lines: [number, number][] = [];
  let start = 0;
  let eol = b.text.indexOf('\n', plain.offsets[0]!);
  for (let k = 1; k <= text.length; k++) {
    const breaks = k === text.length || (eol >= 0 && plain.offsets[k]! > eol);
    if (!breaks) continue;
    let from = start;
    let to = k;
    while (from < to && /\s/.test(text[from]!)) from++;
    while (to > from && /\s/.test(text[to - 1]!)) to--;
    if (to > from) lines.push([from, to]);
    start = k;
    if (k < text.length) eol = b.text.indexOf('\n', plain.offsets[k]!);
  }
  let naming = div.naming ?? s.label ?? s.naming;
  const named =
    naming !== null && naming.name.strength === 'strong' && naming.name.kind !== 'assessment';
  const lineStart = (from: number) =>
    readId(b, plain, from) !== null ||
    BULLET.test(text.slice(from)) ||
    (named && testText(NUMBERED, text.slice(from)));
  const first = lines[0];
  const leadIn = first && !lineStart(first[0]) && /:$/.test(text.slice(0, first[1])) ? first : null;
  const body = leadIn ? lines.slice(1) : lines;
  // One line is enough under a name ("## Objectives" then "**Objective 1.** Log every ...", a
  // paragraph each); without one, a lead-in line and two items are.
  if (body.length < (named && !leadIn ? 1 : 2)) return false;
  // Every line an ID's, or every line a bullet's, or (under a name) every line numbered.
  const bullets = body.every(([from]) => BULLET.test(text.slice(from)));
  const numbered =
    !bullets && named && body.every(([from]) => testText(NUMBERED, text.slice(from)));
  if (!bullets && !numbered && !body.every(([from]) => readId(b, plain, from))) return false;
  if (!named) {
    // Named by its own lead-in line, or by nothing.
    if (!leadIn || !LEARNING_LEAD.test(text.slice(leadIn[0], leadIn[1]))) return false;
    naming = null;
  }
  const sink = newSink(
    s.section,
    naming ? naming.source : 'lead-in',
    off(b, p),
    naming ? ruleOf(naming.name) : 'objective',
  );
  for (const [from, to] of body) {
    const marker = bullets
      ? BULLET.exec(text.slice(from))![0].length
      : numbered
        ? execText(NUMBERED, text.slice(from))![0].length
        : 0;
    const part = slice(plain, from + marker, to);
    if (addItem(b, sink, part, spanOf(part), { insertion: null }) && naming) naming.read++;
  }
  return true;
}

/**
 * Under an outcomes heading (or div, or label), a short paragraph whose sentences each state a
 * measured change ("Complaints resolved at first contact rise from 55% to 70% by Q4 2027."):
 * each sentence is an outcome.
 */
function readOutcomeSentences(s: Scope, p: Paragraph): boolean {
  const b = s.b;
  const div = divAt(s, off(b, p).start);
  if (div.inOtherDiv) return false;
  const naming = div.naming ?? s.label ?? s.naming;
  if (!naming || naming.name.kind !== 'outcome') return false;
  const plain = plainOf(b, p.children);
  const text = plain.text;
  if (text.length > 600 || !/\d/.test(text)) return false;
  const clauses = splitClauses(text).filter(([f, t]) => /[\p{L}]/u.test(text.slice(f, t)));
  if (!clauses.length || clauses.length > 3) return false;
  // Under a weak name ("Performance goal", "Business goals", "Targets") the sentences bear it out
  // only as changes on the job with their deadline or a known business measure.
  const weak = naming.name.strength !== 'strong';
  if (
    !clauses.every(([f, t]) =>
      weak
        ? readsAsJobChange(text.slice(f, t)) || readsAsMeasure(text.slice(f, t))
        : readsAsMetric(text.slice(f, t)),
    )
  )
    return false;
  const sink = newSink(s.section, 'prose', off(b, p), 'outcome');
  for (const [from, to] of clauses) {
    let end = to;
    while (end > from && /[\s.!]/.test(text[end - 1]!)) end--;
    const part = slice(plain, from, end);
    if (addItem(b, sink, part, spanOf(part), { insertion: null, labels: false })) naming.read++;
  }
  return true;
}

function spanOf(part: PlainText): { start: number; end: number } {
  return { start: part.offsets[0]!, end: part.offsets[part.offsets.length - 1]! };
}

function readEnumeration(s: Scope, p: Paragraph): boolean {
  const b = s.b;
  // The text first (kept across builds): its offsets are made only for an enumeration. (Made
  // for every paragraph of prose on every build, they were 2 MB of an edit of a long outline.)
  const text = plainTextOf(b, p.children);
  if (!/\(\s*(?:1|a|i)\s*\)|(?:^|\s)1\)\s/.test(text)) return false;
  const markers: { at: number; end: number; label: string }[] = [];
  MARKER.lastIndex = 0;
  for (let m = MARKER.exec(text); m; m = MARKER.exec(text)) {
    const label = (m[1] ?? m[2])!;
    const lead = m[0].length - m[0].trimStart().length;
    markers.push({ at: m.index + lead, end: m.index + m[0].length, label });
  }
  // A run that counts 1, 2, 3 (or a, b, c; i, ii, iii).
  const seq = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'];
  const alpha = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
  const roman = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii'];
  const order = [seq, alpha, roman].find((o) => markers[0]?.label === o[0]);
  if (!order || markers.length < 2 || !markers.every((m, k) => m.label === order[k])) return false;
  // The enumeration is objectives under an objectives scope, or after a learning phrase.
  const div = divAt(s, off(b, p).start);
  const naming = div.naming ?? s.label ?? s.naming;
  // Or the enumeration itself says what learners will do: "students (1) will ...", "you
  // will be able to (1) ...".
  const before = text.slice(0, markers[0]!.at);
  const first = text.slice(markers[0]!.end, markers[1]!.at);
  const learning =
    (/\b(?:you|students|learners|participants|trainees)\s*$/i.test(before) &&
      /^(?:will|should|can|shall|'ll|are\s+able\s+to|be\s+able\s+to)\b/i.test(first)) ||
    /\b(?:will|should|shall)\s+be\s+able\s+to\s*:?\s*$/i.test(before);
  if (!(naming && naming.name.kind === 'objective') && !learning) return false;
  const sink = newSink(s.section, 'prose', off(b, p), naming ? ruleOf(naming.name) : 'objective');
  const plain = plainOf(b, p.children);
  for (let k = 0; k < markers.length; k++) {
    const from = markers[k]!.end;
    let to = k + 1 < markers.length ? markers[k + 1]!.at : text.length;
    // Trailing ", and", ", or", ";", "." of each part.
    to = from + endBeforeJoin(text.slice(from, to));
    const part = slice(plain, from, to);
    const made = addItem(
      b,
      sink,
      part,
      { start: plain.offsets[from]!, end: part.offsets[part.offsets.length - 1]! },
      {
        insertion: null,
        labels: false,
      },
    );
    if (made && naming) naming.read++;
  }
  return true;
}

/** Sentences that say what learners will learn, in the opening paragraphs of a section. */
function readLearningSentences(s: Scope, p: Paragraph, namedAhead: () => boolean): void {
  const b = s.b;
  if (s.paragraphs > 1) return;
  const text = plainTextOf(b, p.children);
  if (!/\b(?:you|learners|students|participants|trainees)\b/i.test(text)) return;
  if (text.length > 3000 || divAt(s, off(b, p).start).inOtherDiv) return;
  const found: { from: number; to: number }[] = [];
  let opened = false;
  for (const [from, to] of splitClauses(text)) {
    let sentence = text.slice(from, to);
    let at = from;
    const prefix = execText(SCOPE_PREFIX, sentence);
    if (prefix) {
      sentence = sentence.slice(prefix[0].length);
      at += prefix[0].length;
    }
    const m = LEARNING_CLAUSE.exec(sentence);
    // The first such sentence says where it is ("In this lab, you learn ..."); the sentences
    // after it in the same paragraph go on ("You also learn ...").
    if (!m || !(prefix || opened)) continue;
    opened = true;
    const verbAt = at + m.index + m[0].length - m[1]!.length;
    let end = to;
    while (end > verbAt && /[\s.!,;]/.test(text[end - 1]!)) end--;
    found.push({ from: verbAt, to: end });
  }
  // "In this lesson, you'll learn ..." and then "## Learning objectives" and a list: the
  // paragraph introduces the objectives the author wrote out.
  if (!found.length || namedAhead()) return;
  const sink = newSink(s.section, 'prose', off(b, p), 'objective');
  const plain = plainOf(b, p.children);
  for (const f of found) {
    const part = slice(plain, f.from, f.to);
    addItem(b, sink, part, spanOf(part), { insertion: null, labels: false });
  }
}

/** Sentences, and clauses joined by ", and you ..." ("..., and you'll learn a bit more"). */
function splitClauses(text: string, from = 0): [number, number][] {
  const out: [number, number][] = [];
  let start = from;
  const re =
    /[.!?](?=\s+[\p{Lu}"“(]|\s*$)|,\s+(?=and\s+(?:you|learners|students|participants)\b)/giu;
  re.lastIndex = from;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push([start, m.index + 1]);
    start = m.index + m[0].length;
    while (start < text.length && /\s/.test(text[start]!)) start++;
  }
  if (start < text.length) out.push([start, text.length]);
  return out;
}

function slice(plain: PlainText, from: number, to: number): PlainText {
  let a = from;
  while (a < to && /\s/.test(plain.text[a]!)) a++;
  const offsets = plain.offsets.slice(a, to);
  offsets.push(to > a ? plain.offsets[to - 1]! + 1 : plain.offsets[a]!);
  return { text: plain.text.slice(a, to), offsets };
}
