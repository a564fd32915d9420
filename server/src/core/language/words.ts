// Word-level helpers shared by the objective and outcome analysers.

import { forText, lazy } from './ascii.js';

export interface Word {
  text: string;
  /** Lowercased, curly apostrophes straightened. */
  lower: string;
  start: number;
  end: number;
}

const WORD = lazy(String.raw`[\p{L}\p{N}](?:[\p{L}\p{N}'’]|-(?=[\p{L}\p{N}]))*`, 'gu');

/** A word in lowercase, its curly apostrophe straight and, in Latin script, its accents off
 * ("Sauté" -> "saute", "flambé" -> "flambe": the verb lists spell them so), when that keeps its
 * length (a precomposed letter for a letter). */
function lowerWord(text: string): string {
  const lower = text.toLowerCase().replace(/’/g, "'");
  if (!/[\u00c0-\u024f]/u.test(lower)) return lower;
  const bare = lower.normalize('NFD').replace(/[\u0300-\u036f]/gu, '');
  return bare.length === lower.length ? bare : lower;
}

/** The words of `text` that start at or after `from` and before `to`, in order (a word that
 * starts before `to` is whole, even where it runs past it). */
export function words(text: string, from = 0, to = text.length): Word[] {
  const out: Word[] = [];
  const re = forText(WORD, text);
  re.lastIndex = from;
  for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) out.push(wordOf(m));
  return out;
}

/** The first word at or after `from`: `words(text, from)[0]` without reading the rest. */
export function firstWord(text: string, from = 0): Word | undefined {
  const re = forText(WORD, text);
  re.lastIndex = from;
  const m = re.exec(text);
  return m ? wordOf(m) : undefined;
}

function wordOf(m: RegExpExecArray): Word {
  return {
    text: m[0],
    lower: lowerWord(m[0]),
    start: m.index,
    end: m.index + m[0].length,
  };
}

/** Replaces `[TODO ...]` placeholders with spaces (same length), so no check is satisfied by
 * them, and returns where they were. */
export function maskPlaceholders(text: string): {
  masked: string;
  placeholders: { start: number; end: number }[];
} {
  const placeholders: { start: number; end: number }[] = [];
  if (!/\[\s*todo/i.test(text)) return { masked: text, placeholders };
  const masked = text.replace(/\[\s*todo\b[^\]]*\]?/gi, (m, offset: number) => {
    placeholders.push({ start: offset, end: offset + m.length });
    return ' '.repeat(m.length);
  });
  return { masked, placeholders };
}

export const NUMBER_WORDS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  hundred: 100,
  dozen: 12,
  half: 0.5,
  single: 1,
  both: 2,
};

/** Regex source for a number written as digits or as a word ("3", "2.5", "three", "1,000"). */
export const NUM = String.raw`(?:\d+(?:[.,]\d+)*|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|a hundred|hundred|a dozen|dozen|a single|single)`;

export type VerbForm = 'base' | 's' | 'ing' | 'ed';

/** The form a verb is written in ("Explains" -> s, "Identifying" -> ing). */
export function verbForm(written: string, lemma: string): VerbForm {
  const w = written.toLowerCase();
  const l = lemma.toLowerCase();
  if (w === l) return 'base';
  if (w.endsWith('ing')) return 'ing';
  if (w === `${l}s` || w === `${l}es` || (l.endsWith('y') && w === `${l.slice(0, -1)}ies`))
    return 's';
  return 'ed';
}

/** A regular verb in a form: inflect("summarize", "ing") -> "summarizing". The verbs Bloomline
 * offers in rewrites are regular; a final consonant after one short vowel doubles ("plan"). */
export function inflect(verb: string, form: VerbForm): string {
  if (form === 'base') return verb;
  const v = verb;
  const cvc = /^[^aeiou]*[aeiou][bdgmnpt]$/.test(v);
  if (form === 's') {
    if (/(?:s|sh|ch|x|z)$/.test(v)) return `${v}es`;
    if (/[^aeiou]y$/.test(v)) return `${v.slice(0, -1)}ies`;
    return `${v}s`;
  }
  if (form === 'ing') {
    if (/ie$/.test(v)) return `${v.slice(0, -2)}ying`;
    if (/[^e]e$/.test(v)) return `${v.slice(0, -1)}ing`;
    if (cvc) return `${v}${v[v.length - 1]}ing`;
    return `${v}ing`;
  }
  if (/e$/.test(v)) return `${v}d`;
  if (/[^aeiou]y$/.test(v)) return `${v.slice(0, -1)}ied`;
  if (cvc) return `${v}${v[v.length - 1]}ed`;
  return `${v}ed`;
}
