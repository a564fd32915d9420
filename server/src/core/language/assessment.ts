// Reads what an assessment asks learners to do (OUTLINE-CONVENTIONS.md section 5): the Bloom
// level of its task, from an imperative ("Write a loop that ...", "Using range, write ...") read
// with the objective reader's verbs, or from the form of a question ("What is ...?" remember,
// "Why ...?" understand, "Which is better and why?" evaluate: language/data/question-forms.json).
// An exercise holds many sentences (context, code, multiple-choice answers): the level is the
// highest demand among its tasks and questions, and a sentence that is neither counts for
// nothing. Plain text in, offsets into that text out.
import { BLOOM_LEVELS, type BloomLevel } from '../model.js';
import { execText, lazy, testText } from './ascii.js';
import data from './data/question-forms.json' with { type: 'json' };
import type { Lexicon } from './lexicon.js';
import { readObjectiveForRecognition, type BehaviourReading, type PlainSpan } from './objective.js';
import { firstWord, words } from './words.js';
import { BoundedMemo } from '../memo.js';

export interface TaskReading {
  level: BloomLevel | null;
  form: 'task' | 'question' | null;
  /** The task verb, or the question's first word, in the text read. */
  verb: (PlainSpan & { lemma: string }) | null;
  /** The sentence the level came from. */
  sentence: PlainSpan | null;
}

interface QuestionForm {
  re: RegExp;
  level: BloomLevel;
  verbAfter: boolean;
}

/** The question forms, made when a question is first read: their patterns are parsed when
 * created, and a check of an outline with no question in it never runs them (BENCHMARKS.md,
 * "Cold start"). */
let forms: QuestionForm[] | null = null;
function questionForms(): QuestionForm[] {
  return (forms ??= data.forms.map((f) => ({
    re: new RegExp(f.pattern, 'iu'),
    level: f.level as BloomLevel,
    verbAfter: (f as { verbAfter?: boolean }).verbAfter === true,
  })));
}

/** Leading conditions, labels and discourse words set aside before the verb: "Using `range`,",
 * "Given the loop above,", "In pairs,", "Now,", "Next,", "Finally,", "Project:", "Task 2:". */
const CONDITION = lazy(
  String.raw`^(?:[\p{L}\p{N}][\p{L}\p{N} .#-]{0,30}:\s+|(?:using|given|with|without|in|for|from|based\s+on|starting\s+(?:from|with)|after|before|once|if|when|working\s+(?:in|with)|by\s+hand)\b[^,:;.?!]{0,100},\s*|(?:now|next|then|finally|first|firstly|second|secondly|third|also|again|optionally|additionally|as\s+an\s+exercise|for\s+example|e\.g\.|bonus)\s*[,:]?\s+)`,
  'iu',
);
/** "Try to write ...", "Please write ...", "Your task is to write ...": the verb follows. */
const SOFTENER =
  /^(?:try\s+(?:to|and)\s+|please\s+|your\s+(?:task|job|goal|challenge|assignment)\s+(?:is|will\s+be)\s+to\s+|you\s+(?:will\s+|should\s+|must\s+|need\s+to\s+|are\s+(?:asked|expected)\s+to\s+)|(?:learners|students|participants)\s+(?:will|should|must)\s+|see\s+if\s+you\s+can\s+|let's\s+|let\s+us\s+)/iu;
/** Imperatives that set up a task rather than state one, or say how to hand it in. */
const DISCOURSE = new Set(
  `note notice remember recall imagine suppose let see consider keep make assume observe look
  read watch listen take go come feel get click open scroll visit check follow start begin
  continue repeat return wait say think hover refer navigate download clone install submit
  upload fork log sign register`.split(/\s+/),
);
/** "Join" sets a task up when what is joined is a meeting or a group ("Join the Zoom call");
 * joining tables, data frames or strings is the task. */
const JOIN_SOCIAL = lazy(
  String.raw`^join\s+(?:(?:the|a|an|our|your|this|that)\s+)?(?:[\p{L}-]+\s+){0,2}?(?:call|meeting|session|room|breakout|channel|discussion|chat|zoom|teams|slack|discord|group|class|etherpad|workshop|webinar|community|list|team|queue|conversation|forum|server|lab|stream|livestream)s?\b`,
  'iu',
);
/** A second word that shows the first is a noun: "Plot shows ...", "Loops are ...". */
const SUBJECT_FOLLOWER = new Set(
  `is are was were has have had can could will would should may might must does do did shows
  show returns return means mean looks gives give takes take contains lets allows works`.split(
    /\s+/,
  ),
);

const MAX_SENTENCES = 60;
const MAX_SENTENCE = 600;
const MAX_CHARS = 6000;

/**
 * The highest Bloom level the texts ask for. Each text is a paragraph, a list item or a title;
 * each is split into sentences. Returns the reading of the first sentence at that level, with
 * positions in that text, and its index in `texts`.
 */
export function readTask(texts: readonly string[], lex: Lexicon): TaskReading & { text: number } {
  // Asked again of the same texts on every analysis (an assessment heading's task is read again
  // when an edit moves it): short ones' readings are kept by lexicon and texts (each text's
  // length before it, so that no two lists of texts share a key). Never changed by their readers.
  let length = 0;
  for (let t = 0; t < texts.length; t++) length += texts[t]!.length;
  if (length > MAX_KEPT_TASK) return readTaskNow(texts, lex);
  let key = '';
  for (let t = 0; t < texts.length; t++) key += `${texts[t]!.length}:${texts[t]!}`;
  let kept = readings.get(lex);
  if (!kept) readings.set(lex, (kept = new BoundedMemo(5_000)));
  return kept.get(key) ?? kept.set(key, readTaskNow(texts, lex));
}

/** The longest list of texts (code units together) whose reading readTask keeps. */
const MAX_KEPT_TASK = 2_000;
let readings = new WeakMap<Lexicon, BoundedMemo<string, TaskReading & { text: number }>>();

/** Forgets the kept readings of tasks (core/caches.ts). */
export function clearTaskReadings(): void {
  readings = new WeakMap();
}

function readTaskNow(texts: readonly string[], lex: Lexicon): TaskReading & { text: number } {
  let best: (TaskReading & { text: number }) | null = null;
  let sentences = 0;
  let chars = 0;
  for (let t = 0; t < texts.length; t++) {
    const text = texts[t]!;
    if (chars > MAX_CHARS || sentences > MAX_SENTENCES) break;
    chars += text.length;
    for (const [from, to] of splitSentences(text)) {
      if (++sentences > MAX_SENTENCES) break;
      const r = readSentence(text, from, to, lex);
      if (!r || !r.level) continue;
      if (!best || rank(r.level) > rank(best.level!)) best = { ...r, text: t };
      if (best.level === 'create') return best;
    }
  }
  return best ?? { level: null, form: null, verb: null, sentence: null, text: -1 };
}

function rank(level: BloomLevel): number {
  return BLOOM_LEVELS.indexOf(level);
}

/** One sentence: a question by its form, else an imperative by its verb. */
function readSentence(text: string, from: number, to: number, lex: Lexicon): TaskReading | null {
  // A task or a question is a sentence, not a page: longer runs are not read (and the question
  // forms' ".*" stay linear).
  if (to - from > MAX_SENTENCE) return null;
  let start = from;
  let end = to;
  while (end > start && /[\s"'”)\]*_]/.test(text[end - 1]!)) end--;
  const question = text[end - 1] === '?';
  // Conditions and softeners, at most three in a row ("Now, using range, try to write ...").
  for (let round = 0; round < 3; round++) {
    const rest = text.slice(start, end);
    const m = execText(CONDITION, rest) ?? SOFTENER.exec(rest);
    if (!m || m[0].length >= rest.length) break;
    start += m[0].length;
  }
  const sentence: PlainSpan = { start: from, end, text: text.slice(from, end) };
  let task = readImperative(text, start, end, sentence, lex);
  // "Response paper 2 (800 words) is due Friday: explain one loop you wrote ...": a statement
  // about the task, then the task after a colon that follows a word (not code: "range(3):").
  if (!task?.level) {
    const colon = /(?<=\p{L}):\s+(?=\p{L})/u.exec(text.slice(start, end));
    if (colon && colon.index <= 120) {
      const after = readImperative(text, start + colon.index + colon[0].length, end, sentence, lex);
      if (after?.level) task = after;
    }
  }
  if (!question) return task;
  // "Critique the design: which choice is weakest, and why?": a task and a question; the
  // higher counts.
  const asked = readQuestion(text, start, end, sentence, lex);
  if (!task?.level) return asked;
  if (!asked?.level) return task;
  return rank(task.level) >= rank(asked.level) ? task : asked;
}

function readQuestion(
  text: string,
  start: number,
  end: number,
  sentence: PlainSpan,
  lex: Lexicon,
): TaskReading | null {
  const q = text.slice(start, end).toLowerCase().replace(/’/g, "'");
  for (const form of questionForms()) {
    const m = form.re.exec(q);
    if (!m) continue;
    const first = firstWord(text, start);
    let level = form.level;
    let verb: TaskReading['verb'] = first
      ? { start: first.start, end: first.end, text: first.text, lemma: first.lower }
      : null;
    if (form.verbAfter) {
      // "How would you explain ...?": the verb after the form says what is asked.
      const after = start + m.index + m[0].length;
      const w = words(text, after, end).find(
        (x) => x.start < end && !/^(?:you|we|i|one)$/.test(x.lower),
      );
      const lemma = w ? lex.lemma(w.lower) : null;
      const info = lemma && w!.lower === lemma ? lex.verb(lemma) : undefined;
      if (w && info) {
        // "How would you count ...?" asks for a procedure at least: the higher of the two.
        if (rank(info.level) > rank(level)) level = info.level;
        verb = { start: w.start, end: w.end, text: w.text, lemma: info.verb };
      }
    }
    return { level, form: 'question', verb, sentence };
  }
  return null;
}

function readImperative(
  text: string,
  start: number,
  end: number,
  sentence: PlainSpan,
  lex: Lexicon,
): TaskReading | null {
  // Only the sentence's words (not the paragraph's to its end, for every sentence).
  const ws = words(text, start, end);
  let i = 0;
  while (i < ws.length - 1 && lex.isAdverb(ws[i]!.lower)) i++;
  const first = ws[i];
  if (!first) return null;
  // An imperative is the verb's base form ("Write", not "Writes", "Written", "Writing").
  const lemma = lex.lemma(first.lower);
  // A verb only the English lexicon knows ("Place these mixtures ... and explain one choice")
  // leads a task only when a verb of the Bloom lists follows: many such words are nouns that
  // start a sentence ("Range", "Level", "Quiz"), so it never counts alone.
  const english = !lemma && lex.englishLemma(first.lower) === first.lower;
  if (!english && (!lemma || lemma !== first.lower)) return null;
  if (DISCOURSE.has(first.lower)) return null;
  if (first.lower === 'join' && testText(JOIN_SOCIAL, text.slice(first.start, end))) return null;
  if (ws[i + 1] && SUBJECT_FOLLOWER.has(ws[i + 1]!.lower)) return null;
  const reading = readObjectiveForRecognition(text.slice(first.start, end), lex);
  if (!reading.verb || reading.verbFromLeadIn || reading.vague || !reading.level) return null;
  if (reading.verb.start !== 0) return null;
  // The level and verb: for a verb only the English lexicon knows, of the highest listed
  // behaviour after it.
  let level = reading.level;
  let verb = reading.verb;
  if (english) {
    let best: BehaviourReading | null = null;
    for (const b of reading.behaviours) {
      if (!b.known || !b.level || b.vague || b.fromLeadIn || b === reading.behaviours[0]) continue;
      // "Surf the web and check out ...": setting up, as when it starts a sentence.
      if (DISCOURSE.has(b.verb.lemma.split(' ')[0]!)) continue;
      if (!best || rank(b.level) > rank(best.level!)) best = b;
    }
    if (!best) return null;
    level = best.level!;
    verb = best.verb;
  }
  return {
    level,
    form: 'task',
    verb: {
      start: first.start + verb.start,
      end: first.start + verb.end,
      text: verb.text,
      lemma: verb.lemma,
    },
    sentence,
  };
}

/** Sentences: up to ".", "!", "?" before a space and a capital (or the end), and line breaks
 * that end a line with ":" or start a list-like line. */
export function splitSentences(text: string): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  const re = /[.!?:](?=\s+["“(`*_]*[\p{Lu}\d`]|\s*$)|\n/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const end = m[0] === '\n' ? m.index : m.index + 1;
    if (end > start) out.push([start, end]);
    start = m.index + m[0].length;
    while (start < text.length && /\s/.test(text[start]!)) start++;
    re.lastIndex = Math.max(re.lastIndex, start);
  }
  if (start < text.length) out.push([start, text.length]);
  return out.filter(([a, b]) => /[\p{L}]/u.test(text.slice(a, b)));
}
