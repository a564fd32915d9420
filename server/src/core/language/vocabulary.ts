// The words that mark objectives and outcomes in ordinary Markdown (OUTLINE-CONVENTIONS.md
// §3-4): block names used in headings, fenced divs and label paragraphs, lead-in sentences,
// and item labels.
import type { ItemKind } from '../model.js';
import type { Lexicon } from './lexicon.js';
import { words } from './words.js';

const SCOPE = String.raw`(?:(?:course|lesson|module|session|unit|workshop|training|episode|chapter|week|day|section|program|programme|class|topic|instructional|enabling|terminal|key|our|your|the|this|specific|intended|overall)\s+)*`;
const OBJECTIVE_NAME = new RegExp(
  String.raw`^${SCOPE}(?:learning\s+)?(?:objectives?|goals?|aims?|aims\s+and\s+objectives|objectives\s+and\s+aims)$|^what\s+(?:you|you'll|you\s+will|learners\s+will|students\s+will)\s+(?:will\s+)?learn$|^(?:you\s+will\s+learn|learning\s+targets?|competenc(?:y|ies)|skills\s+you\s+will\s+gain)$`,
  'i',
);
const OUTCOME_NAME = new RegExp(
  String.raw`^${SCOPE}(?:learning\s+outcomes?|outcomes?|expected\s+outcomes?|business\s+outcomes?|performance\s+(?:objectives?|outcomes?|goals?)|results?|expected\s+results?|key\s+results?|success\s+(?:measures?|metrics?|indicators?)|measures?\s+of\s+success|how\s+(?:we\s+will\s+|we'll\s+)?(?:measure|know)\b.*|measuring\s+success|kpis?|key\s+performance\s+indicators?|impact|business\s+impact|expected\s+impact|metrics|evaluation\s+metrics|okrs?)$`,
  'i',
);

// Trailing colons and spaces: `[:\s]+$` alone backtracks quadratically on a long run of them
// that is not at the end ("a::::...::b"); the lookbehind makes the match start only where the run
// does.
const TRAILING_COLONS = /(?<![:\s])[:\s]+$/;

/** Lowercase, emoji, numbering, markup and trailing punctuation removed. */
export function normaliseName(text: string): string {
  return text
    .replace(/[*_`]/g, '')
    .replace(/[^\p{L}\p{N}\s'’&:-]/gu, ' ')
    .replace(
      /^\s*(?:(?:part|module|unit|section|chapter|lesson|week|day|step)\s+)?(?:\d+(?:\.\d+)*|[ivxlc]+|[a-z])[.:)]\s+/i,
      '',
    )
    .replace(/^\s*\d+(?:\.\d+)*\s+/, '')
    .replace(TRAILING_COLONS, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
    .replace(/’/g, "'");
}

/** Whether a heading, label paragraph or div class names a block of objectives or outcomes. */
export function blockKindOfName(text: string): ItemKind | null {
  const n = normaliseName(text);
  if (!n || n.length > 60) return null;
  if (OBJECTIVE_NAME.test(n)) return 'objective';
  if (OUTCOME_NAME.test(n)) return 'outcome';
  return null;
}

export function blockKindOfDiv(name: string): ItemKind | null {
  for (const cls of name.split(/\s+/)) {
    const k = blockKindOfName(cls.replace(/[-_]/g, ' '));
    if (k) return k;
  }
  return null;
}

/** True for the ambiguous academic name, which is objectives when items say "able to". */
export function isLearningOutcomesName(text: string): boolean {
  return /\blearning outcomes?\b/.test(normaliseName(text));
}

export interface LeadInReading {
  kind: ItemKind;
  /** The verb carried ("understand" in "you will understand:"), with offsets in the text. */
  verb: {
    lemma: string;
    start: number;
    end: number;
    replaceStart: number;
    replacement: string;
  } | null;
}

const MODAL = String.raw`(?:will|should|shall|must|can|could|may|would|are\s+going\s+to|'ll)`;
const ABLE = new RegExp(
  String.raw`\b(?:be|are|is|am|being)\s+able\s+to\s*:$|\bable\s+to\s*:$|\bswbat\s*:?$|\b(?:have|has|gain)\s+the\s+(?:ability|skills?)\s+to\s*:$|\b${MODAL}\s+(?:[\p{L}'’-]+\s+)?(?:learn|know)\s+(?:how\s+)?to\s*:$|\b${MODAL}\s+be\s+expected\s+to\s*:$|\b(?:students?|learners?|participants?|trainees?|attendees?|you|delegates?|employees?|staff|candidates?|apprentices?|i)\s+${MODAL}\s*:$|\byou\s+can\s*:$|\bi\s+can\s*:$`,
  'iu',
);
const CARRIER = new RegExp(
  String.raw`\b(?:${MODAL}|be\s+able\s+to|are\s+able\s+to|learn\s+to)\s+((?:[\p{L}'’-]+\s+){0,4}?[\p{L}'’-]+)\s*:$`,
  'iu',
);
const OUTCOME_LEAD =
  /\b(?:success|impact|results?|outcomes?|progress|effectiveness)\s+(?:will\s+be|is|are|shall\s+be)\s+(?:measured|shown|seen|evidenced|demonstrated|tracked|assessed|judged)\b[^:]*:$|\bwe\s+will\s+(?:know|measure|see|track)\b[^:]*:$|\b(?:measured|evidenced|tracked)\s+by\s*:$|\b(?:success|impact)\s+(?:looks\s+like|means)\s*:$|\b(?:the\s+)?(?:organi[sz]ation|business|team|company|department)\s+(?:will|should)\s+(?:see|achieve)\s*:$/i;

/** Reads the last sentence of a paragraph before a list as a lead-in, or returns null. */
export function readLeadIn(text: string, lex: Lexicon): LeadInReading | null {
  const trimmed = text.trimEnd(); // Not `replace(/\s+$/)`: quadratic on runs of spaces.
  if (!trimmed.endsWith(':')) return null;
  let offset = 0;
  for (const re of [/[.!?]\s+/g, /\n/g]) {
    for (let m = re.exec(trimmed); m; m = re.exec(trimmed))
      offset = Math.max(offset, m.index + m[0].length);
  }
  const sentence = trimmed.slice(offset);
  // "In this lesson we will cover:" introduces the instructor's topics, not objectives.
  if (
    /\bwe\s+(?:will|shall|'ll|are\s+going\s+to)\b/i.test(sentence) &&
    !/\bable\s+to\b/i.test(sentence)
  )
    return null;
  if (ABLE.test(sentence)) return { kind: 'objective', verb: null };
  if (OUTCOME_LEAD.test(sentence)) return { kind: 'outcome', verb: null };
  const m = CARRIER.exec(sentence);
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
  // The whole phrase must be one vague phrase or one Bloom verb ("you will understand:",
  // "you will be familiar with:", "you will be able to explain:").
  const head = lex.lemma(ws[0]!.lower) ?? ws[0]!.lower;
  const joined = [head, ...ws.slice(1).map((w) => w.lower)].join(' ');
  const vague = lex.vague.find((p) => p.key === joined);
  const verb = !vague && ws.length === 1 ? lex.verb(head) : undefined;
  if (!vague && !verb) return null;
  const start = phraseStart;
  const end = phraseStart + phraseText.length;
  const beAble = /\b(?:be|are)\s+able\s+to\s+$/i.test(trimmed.slice(0, phraseStart));
  return {
    kind: 'objective',
    verb: {
      lemma: vague ? vague.key : head,
      start,
      end,
      // "will understand:" -> "will be able to:"; "will be able to understand:" -> "will be able to:".
      replaceStart: beAble ? start - 1 : start,
      replacement: beAble ? '' : 'be able to',
    },
  };
}

const LABELS: [RegExp, ItemKind][] = [
  [
    /^(?:learning\s+objective|enabling\s+objective|terminal\s+objective|objective|lo)$/i,
    'objective',
  ],
  [
    /^(?:outcome|learning\s+outcome|performance\s+objective|kpi|key\s+result|result|success\s+(?:measure|metric)|metric)$/i,
    'outcome',
  ],
];

const LABEL_RE =
  /^(learning\s+objective|enabling\s+objective|terminal\s+objective|objective|lo|outcome|learning\s+outcome|performance\s+objective|kpi|key\s+result|result|success\s+measure|success\s+metric|metric)(?:\s+\(?([A-Za-z]*\d+(?:[.-]\d+)*)\)?)?\s*:\s*/i;

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
  const m = LABEL_RE.exec(plain.slice(from));
  if (!m) return null;
  const label = m[1]!;
  const kind = LABELS.find(([re]) => re.test(label))![1];
  const id = m[2] ? { text: m[2], start: from + m[0].indexOf(m[2], label.length) } : null;
  return { kind, label: label.replace(/\s+/g, ' '), end: from + m[0].length, id };
}
