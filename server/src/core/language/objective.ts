// Reads one objective sentence the way an instructional designer would: strips the lead-in
// ("By the end of this module, participants will be able to"), finds the behaviour verb and
// its Bloom level, spots vague phrases ("understand how to", "be familiar with"), a second
// behaviour ("Identify and explain"), and the degree (ABCD "D": "within 10 minutes").
// Works on plain text (markup removed); every span is an offset into that plain text.
import type { BloomLevel } from '../model.js';
import type { Lexicon, VerbInfo } from './lexicon.js';
import { maskPlaceholders, NUM, words, type Word } from './words.js';

export interface PlainSpan {
  start: number;
  end: number;
  text: string;
}

export interface ObjectiveReading {
  /** Where the behaviour starts once lead-ins are stripped. */
  behaviourStart: number;
  verb: (PlainSpan & { lemma: string }) | null;
  level: BloomLevel | null;
  alternatives: BloomLevel[];
  vague: boolean;
  vaguePhrase: (PlainSpan & { key: string; meant: BloomLevel; suggest: string[] }) | null;
  /** After "understand how to" / "learn to": the real behaviour verb that follows. */
  realVerb: (PlainSpan & { lemma: string; level: BloomLevel | null }) | null;
  verbFromLeadIn: boolean;
  criterion: PlainSpan | null;
  placeholder: PlainSpan | null;
  extraVerbs: (PlainSpan & { lemma: string })[];
}

// Lead-ins inside an item, stripped repeatedly from the start.
const ITEM_LEAD_INS: RegExp[] = [
  /^(?:by|at|upon|on|after|following|when)\b[^,:;.]{0,120}?[,:]\s*/i,
  /^(?:[\p{L}'’-]+\s+){0,5}?(?:will|should|shall|must|can|could|may|would)\s+(?:be\s+able\s+to|have\s+the\s+ability\s+to|be\s+expected\s+to|be\s+prepared\s+to|learn\s+(?:how\s+)?to)\s+/iu,
  /^(?:[\p{L}'’-]+\s+){0,4}?(?:are|is|am|be)\s+able\s+to\s+/iu,
  /^(?:the\s+|each\s+|every\s+|all\s+)?(?:students?|learners?|participants?|trainees?|attendees?|delegates?|you|we|i|they|employees?|staff|candidates?|apprentices?|users?|team\s+members?|managers?|agents?|readers?|pupils?|instructors?|nurses?|engineers?|developers?)\s+(?:will|should|shall|must|can|could|may)\s+/i,
  /^(?:be\s+able\s+to|able\s+to|swbat:?|to)\s+/i,
  /^(?:will|should|can|must)\s+/i,
];

// The degree (ABCD "D"). Each is tested on the text with placeholders masked.
const TIME_UNIT = String.raw`(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|(?:working\s+|business\s+|calendar\s+)?days?|weeks?|months?|attempts?|tries)`;
const STANDARD = String.raw`(?:checklist|rubric|guide|standards?|criteria|specifications?|spec|guidelines?|style\s+guide|policy|policies|procedures?|sop|protocols?|template|requirements?|benchmarks?|marking\s+scheme|scoring\s+guide|acceptance\s+criteria|definition\s+of\s+done|(?:bend|pressure|leak|load|safety|acceptance|practical)\s+tests?|inspections?|audits?)`;
const CRITERIA: RegExp[] = [
  new RegExp(
    String.raw`\b(?:within|in\s+under|in\s+less\s+than|in\s+fewer\s+than|in\s+no\s+more\s+than|in\s+at\s+most|under|in)\s+(?:a|an|${NUM})\s*${TIME_UNIT}\b`,
    'i',
  ),
  new RegExp(
    String.raw`\b(?:at\s+least|at\s+most|no\s+more\s+than|no\s+fewer\s+than|no\s+less\s+than|not\s+more\s+than|fewer\s+than|less\s+than|more\s+than|up\s+to|a\s+minimum\s+of|a\s+maximum\s+of|minimum\s+of|maximum\s+of|exactly|all|each\s+of\s+the|any)\s+${NUM}\b`,
    'i',
  ),
  new RegExp(String.raw`(?:\b${NUM}\s*(?:%|percent\b|per\s+cent\b))`, 'i'),
  new RegExp(String.raw`\b${NUM}\s+(?:out\s+)?of\s+(?:the\s+|every\s+)?${NUM}\b`, 'i'),
  new RegExp(String.raw`\b${NUM}\s+[\p{L}-]+\s+or\s+(?:fewer|less|more|under|over)\b`, 'iu'),
  /\bwith(?:out|\s+no|\s+zero)\s+(?:any\s+|a\s+single\s+)?(?:[\p{L}-]+\s+)?(?:errors?|mistakes?|defects?|omissions?|assistance|help|support|prompting|prompts|supervision|guidance|reference\b|referring|notes|hints|aids?|coaching|intervention|looking|consulting)/iu,
  /\b(?:error[-\s]free|unaided|unassisted|independently|from\s+memory|on\s+(?:the|their|your)\s+first\s+(?:attempt|try)|in\s+(?:a\s+single|one)\s+(?:attempt|pass|try)|first\s+time\s+right)\b/i,
  new RegExp(
    String.raw`\b(?:meeting|meets|meet|satisfying|satisfies|satisfy|follows|follow|according\s+to|in\s+accordance\s+with|as\s+(?:defined|specified|described|set\s+out|outlined|required)\s+(?:in|by)|complies\s+with|complying\s+with|compliant\s+with|in\s+line\s+with|consistent\s+with|to\s+the\s+standard\s+(?:of|in|set)|following|that\s+(?:meets?|satisf(?:y|ies)|pass(?:es)?|complies\s+with)|per|against)\s+(?:all\s+|each\s+|every\s+)?(?:(?:items?|criteria|points|requirements?|elements?|steps?)\s+(?:of|in|on)\s+)?(?:the\s+|a\s+|an\s+|our\s+|your\s+|their\s+|its\s+)?(?:[\p{L}\p{N}'’-]+\s+){0,4}?${STANDARD}\b`,
    'iu',
  ),
  new RegExp(
    String.raw`\b(?:scor(?:e|es|ing)|achiev(?:e|es|ing)|pass(?:es|ing)?|obtain(?:s|ing)?|earn(?:s|ing)?)\s+(?:at\s+least\s+|a\s+(?:score|mark|grade)\s+of\s+|over\s+|above\s+)?${NUM}`,
    'i',
  ),
  /\bpass(?:es|ing)?\s+(?:all|every|each)\s+(?:of\s+)?(?:the\s+)?(?:[\p{L}-]+\s+){0,2}?(?:tests?|checks?|test\s+cases?|items?)\b/iu,
  /\b(?:all|every|each)\s+(?:of\s+)?(?:the\s+)?(?:[\p{L}-]+\s+){0,2}?(?:tests?|checks?|test\s+cases?)\s+pass/iu,
  /\bwith\s+(?:full|complete|perfect|total|100\s*%)\s+accuracy\b/i,
  new RegExp(
    String.raw`\b${NUM}\s+[\p{L}-]+\s+(?:per|a|an|each)\s+(?:second|minute|hour|day|week|month)\b`,
    'iu',
  ),
];

const COUNT_AFTER_VERB = new RegExp(
  String.raw`^\s+(?:at\s+least\s+|at\s+most\s+|up\s+to\s+)?${NUM}\s+[\p{L}]`,
  'iu',
);

const FOLLOWS_VERB = new Set(
  'the a an it them their its your this these those that how why what when where whether which his her our my each all any both one two three four five six seven eight nine ten another other some several multiple new basic simple to into up out back off down'.split(
    ' ',
  ),
);
const SUBORDINATE = /\b(?:how|when|why|that|which|whether|if|where|who|while|so)\b/i;
// `\s*(?:,\s*)?`, not `\s*,?\s*`: two quantifiers over the same spaces backtrack.
const INFINITIVE_PAIR = /\bto\s+[\p{L}-]+\s*(?:,\s*)?(?:and|or|then)\s+$/iu;

const cache = new Map<string, ObjectiveReading>();

/** Analyse an objective's plain text. `leadVerb` is a verb carried by the block's lead-in. */
export function readObjective(
  plain: string,
  lex: Lexicon,
  leadVerb: string | null,
): ObjectiveReading {
  const key = `${leadVerb ?? ''}\u0000${plain}`;
  const hit = cache.get(key);
  if (hit && cacheOwner.get(hit) === lex) return hit;
  const reading = computeReading(plain, lex, leadVerb);
  if (cache.size > 20_000) cache.clear();
  cache.set(key, reading);
  cacheOwner.set(reading, lex);
  return reading;
}
const cacheOwner = new WeakMap<ObjectiveReading, Lexicon>();

function computeReading(plain: string, lex: Lexicon, leadVerb: string | null): ObjectiveReading {
  const { masked, placeholders } = maskPlaceholders(plain);
  let start = masked.length - masked.trimStart().length;
  for (let round = 0; round < 6; round++) {
    const rest = masked.slice(start);
    let moved = false;
    for (const re of ITEM_LEAD_INS) {
      const m = re.exec(rest);
      if (m && m[0].length > 0 && m[0].length < rest.length) {
        start += m[0].length;
        moved = true;
        break;
      }
    }
    if (!moved) break;
  }
  const ws = words(masked, start);
  let i = 0;
  while (i < ws.length - 1 && lex.isAdverb(ws[i]!.lower)) i++;

  const reading: ObjectiveReading = {
    behaviourStart: start,
    verb: null,
    level: null,
    alternatives: [],
    vague: false,
    vaguePhrase: null,
    realVerb: null,
    verbFromLeadIn: false,
    criterion: null,
    placeholder: placeholders[0]
      ? { ...placeholders[0], text: plain.slice(placeholders[0].start, placeholders[0].end) }
      : null,
    extraVerbs: [],
  };

  let verbIndex = -1;
  const vague = matchVague(ws, i, lex);
  if (vague) {
    const first = ws[i]!;
    const last = ws[vague.end - 1]!;
    reading.vague = true;
    reading.vaguePhrase = {
      start: first.start,
      end: last.end,
      text: masked.slice(first.start, last.end),
      key: vague.phrase.key,
      meant: vague.phrase.meant,
      suggest: vague.phrase.suggest,
    };
    reading.verb = {
      start: first.start,
      end: first.end,
      text: first.text,
      lemma: vague.phrase.key,
    };
    verbIndex = vague.end - 1;
    // "understand how to configure", "learn to configure": the real behaviour follows.
    let j = vague.end;
    if (ws[j]?.lower === 'how' && ws[j + 1]?.lower === 'to') j += 2;
    else if (ws[j]?.lower === 'to') j += 1;
    else j = -1;
    if (j > 0 && ws[j]) {
      const lemma = lex.lemma(ws[j]!.lower);
      if (lemma && ws[j]!.lower === lemma) {
        const info = lex.verb(lemma);
        reading.realVerb = {
          start: ws[j]!.start,
          end: ws[j]!.end,
          text: ws[j]!.text,
          lemma,
          level: info ? levelOf(info, ws, j, lex).level : null,
        };
        verbIndex = j;
      }
    }
  } else if (ws[i] && phrasalAt(ws, i, lex)) {
    // "Back up the database", "Come up with three options".
    const p = phrasalAt(ws, i, lex)!;
    const last = ws[i + p.words - 1]!;
    reading.verb = {
      start: ws[i]!.start,
      end: last.end,
      text: masked.slice(ws[i]!.start, last.end),
      lemma: p.info.verb,
    };
    reading.level = p.info.level;
    reading.alternatives = p.info.alternatives;
    verbIndex = i + p.words - 1;
  } else if (ws[i]) {
    const lemma = lex.lemma(ws[i]!.lower);
    const info = lemma ? lex.verb(lemma) : undefined;
    if (lemma && info) {
      reading.verb = { start: ws[i]!.start, end: ws[i]!.end, text: ws[i]!.text, lemma };
      const { level, alternatives } = levelOf(info, ws, i, lex);
      reading.level = level;
      reading.alternatives = alternatives;
      verbIndex = i;
    }
  }
  if (!reading.verb && leadVerb) {
    reading.verbFromLeadIn = true;
    const info = lex.verb(leadVerb);
    const vagueLead = lex.vague.find((p) => p.key === leadVerb);
    reading.verb = { start, end: start, text: '', lemma: leadVerb };
    if (vagueLead) {
      reading.vague = true;
      reading.vaguePhrase = {
        start,
        end: start,
        text: '',
        key: vagueLead.key,
        meant: vagueLead.meant,
        suggest: vagueLead.suggest,
      };
    } else if (info) {
      reading.level = info.level;
      reading.alternatives = info.alternatives;
    }
  }

  reading.criterion = findCriterion(
    masked,
    start,
    reading.verb && !reading.verbFromLeadIn ? (reading.realVerb ?? reading.verb).end : -1,
  );
  if (verbIndex >= 0) reading.extraVerbs = findExtraVerbs(masked, ws, verbIndex, lex);
  return reading;
}

/** The verb at `ws[i]`'s level, and its other levels: by what it makes where that decides it
 * ("write a literature review" is create, not apply), else the lexicon's. */
function levelOf(
  info: VerbInfo,
  ws: Word[],
  i: number,
  lex: Lexicon,
): { level: BloomLevel; alternatives: BloomLevel[] } {
  const following = ws.slice(i + 1, i + 1 + OBJECT_WORDS).map((w) => w.lower);
  const byObject = lex.levelByObject(info.verb, following);
  if (!byObject || byObject === info.level) return info;
  return {
    level: byObject,
    alternatives: [
      info.level,
      ...info.alternatives.filter((a) => a !== byObject && a !== info.level),
    ],
  };
}
/** Words after a verb passed to {@link Lexicon.levelByObject} (it looks at fewer). */
const OBJECT_WORDS = 8;

function phrasalAt(
  ws: Word[],
  i: number,
  lex: Lexicon,
): { info: import('./lexicon.js').VerbInfo; words: number } | null {
  const head = lex.lemma(ws[i]!.lower) ?? ws[i]!.lower;
  const list = lex.phrasalByHead.get(head);
  if (!list) return null;
  for (const info of list) {
    const parts = info.verb.split(' ');
    if (parts.every((p, k) => k === 0 || ws[i + k]?.lower === p))
      return { info, words: parts.length };
  }
  return null;
}

function matchVague(
  ws: Word[],
  i: number,
  lex: Lexicon,
): { phrase: (typeof lex.vague)[number]; end: number } | null {
  const w = ws[i];
  if (!w) return null;
  const head = lex.lemma(w.lower) ?? w.lower;
  const candidates = lex.vagueByHead.get(head) ?? lex.vagueByHead.get(w.lower);
  if (!candidates) return null;
  for (const p of candidates) {
    let ok = true;
    for (let k = 1; k < p.words.length; k++) {
      const t = ws[i + k];
      if (!t || (t.lower !== p.words[k] && lex.lemma(t.lower) !== p.words[k])) {
        ok = false;
        break;
      }
    }
    if (ok) return { phrase: p, end: i + p.words.length };
  }
  return null;
}

function findCriterion(text: string, from: number, verbEnd: number): PlainSpan | null {
  let best: PlainSpan | null = null;
  const body = from > 0 ? ' '.repeat(from) + text.slice(from) : text;
  for (const re of CRITERIA) {
    const m = re.exec(body);
    if (m && (!best || m.index < best.start))
      best = { start: m.index, end: m.index + m[0].length, text: m[0] };
  }
  if (!best && verbEnd >= 0) {
    const m = COUNT_AFTER_VERB.exec(text.slice(verbEnd));
    if (m) {
      const s = verbEnd + m[0].length - m[0].trimStart().length;
      best = {
        start: s,
        end: verbEnd + m[0].length - 1,
        text: text.slice(s, verbEnd + m[0].length - 1).trim(),
      };
    }
  }
  return best;
}

function isBaseVerb(w: Word | undefined, lex: Lexicon): boolean {
  return !!w && lex.lemma(w.lower) === w.lower;
}

/** Second and later behaviours: "Identify, describe and explain", "Create a repo and push it". */
function findExtraVerbs(
  text: string,
  ws: Word[],
  verbIndex: number,
  lex: Lexicon,
): (PlainSpan & { lemma: string })[] {
  const out: (PlainSpan & { lemma: string })[] = [];
  const main = ws[verbIndex]!;
  const mainLemma = lex.lemma(main.lower);
  const sameForm = (w: Word) => {
    const l = lex.lemma(w.lower);
    if (!l) return false;
    if (w.lower === l) return true;
    return main.lower !== mainLemma && w.lower.slice(-2) === main.lower.slice(-2);
  };
  const push = (w: Word) =>
    out.push({ start: w.start, end: w.end, text: w.text, lemma: lex.lemma(w.lower)! });
  // Directly after the verb: ", describe and explain". (Gaps are compared trimmed: tests like
  // `^\s*,?\s*$` backtrack quadratically on long runs of spaces.)
  let i = verbIndex + 1;
  while (i < ws.length) {
    const gap = text.slice(ws[i - 1]!.end, ws[i]!.start).trim();
    if (gap === ',' && sameForm(ws[i]!) && i === verbIndex + 1 + out.length) {
      push(ws[i]!);
      i++;
      continue;
    }
    const conj = ws[i]!.lower;
    if (
      (gap === '' || gap === ',') &&
      (conj === 'and' || conj === 'or') &&
      ws[i + 1] &&
      sameForm(ws[i + 1]!)
    ) {
      const pair = `${mainLemma} ${lex.lemma(ws[i + 1]!.lower)}`;
      if (pair !== 'compare contrast') push(ws[i + 1]!);
      i += 2;
    } else if ((gap === '&' || gap === 'and/or' || gap === '/') && sameForm(ws[i]!)) {
      push(ws[i]!);
      i++;
    }
    break;
  }
  if (out.length) return out;
  // Later: "Create a repository and push it to GitHub" (a verb followed by what it acts on).
  // The text between the two verbs grows with k, so it is read in pieces: SUBORDINATE from
  // where the last candidate left off (one character back, for its `\b`), the infinitive test
  // on the last few words only; reading all of it for each candidate was quadratic.
  let subFrom = main.end;
  for (let k = Math.max(i, verbIndex + 2); k < ws.length - 1; k++) {
    const w = ws[k]!;
    const gap = text.slice(ws[k - 1]!.end, w.start);
    const conj = ws[k - 1]!.lower;
    const joined = (conj === 'and' || conj === 'then') && /^\s+$/.test(gap);
    const afterSemicolon =
      /;\s*$/.test(gap) || /,\s*then\s*$/.test(text.slice(ws[k - 2]!.end, w.start));
    if (!joined && !afterSemicolon) continue;
    if (!isBaseVerb(w, lex) || !lex.verb(w.lower)) continue;
    const next = ws[k + 1]!;
    if (!FOLLOWS_VERB.has(next.lower) && !/^\d/.test(next.lower)) continue;
    if (SUBORDINATE.test(text.slice(Math.max(main.end, subFrom - 1), w.start))) break;
    subFrom = w.start;
    // "the steps to plan and run a retrospective": both verbs belong to one infinitive.
    const tail = Math.max(main.end, ws[Math.max(verbIndex + 1, k - 8)]!.start - 1);
    if (INFINITIVE_PAIR.test(text.slice(tail, w.start))) continue;
    push(w);
  }
  return out;
}
