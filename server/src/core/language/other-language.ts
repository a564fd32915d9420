// Whether a line is written in another language than English ("Comprender los conceptos
// básicos de ...", "Verstehen, wie man eine Tabelle liest"): Bloomline reads English, and a
// line in Spanish or German under an English heading would otherwise be told it has no
// behaviour verb and no criterion in English terms. The test is cheap and conservative: the
// function words of one of five common European languages (three, or two in a longer line or
// with a letter English does not use), and not one English function word. An English line with a
// loanword ("Describe the café's à la carte menu", "Critique a résumé") has English function
// words, or none of another language's, and stays English. Words both languages write alike
// ("a", "in", "on", "die", "con", "son", "come", "no") count for neither.
import type { Objective } from '../model.js';

const FUNCTION_WORDS: Readonly<Record<string, string>> = {
  Spanish:
    'el la los las de del y que en para por con una unos unas su sus al se como es lo más sobre entre según sin',
  French:
    "le la les des du et une un dans avec pour sur est au aux d' l' qu' ce ces cette leur leurs par en où sont",
  German:
    'der das den dem des und ist mit für von zu ein eine einen einer eines wie nicht auf sie sich im vom zum zur oder auch werden wird',
  Italian:
    "il lo gli le di e che nel nella nelle negli per con una uno dei delle della degli del alla alle ai sul sulla tra fra è l' un'",
  Portuguese:
    'o os as da do dos das em no na nos nas e que para com uma um ao aos pelo pela pelos pelas é seu sua entre sem',
};

/** Function words of English, none of which is one of the languages above ("a", "in", "on",
 * "as", "no" and "do" are left out: Spanish, Italian and Portuguese write them too). */
const ENGLISH = new Set(
  `the of and to for with is are be by from that this these those an at or its it their your
  you how what which when where why into using about between within without than then will can
  should must each every all any one two three our we they he she his her them has have not
  under over after before during while through`.split(/\s+/),
);

const LANGUAGES = Object.entries(FUNCTION_WORDS).map(
  ([language, words]) => [language, new Set(words.split(' '))] as const,
);

/** Letters no English word needs (loanwords aside, which come with English words around them). */
const FOREIGN_LETTER = /[áéíóúñüäöëïßçãõâêîôûàèìòùœ]/i;

/**
 * The language a line reads as when it is not English (its name), or null: English, or too
 * short or too mixed to tell. Function words decide; a line with an English function word is
 * never another language.
 */
export function otherLanguage(text: string): string | null {
  const words = text
    .toLowerCase()
    .replace(/[’`]/g, "'")
    .split(/[^\p{L}']+/u)
    .flatMap((w) => {
      // "d'une", "l'analyse", "qu'il": the elided article is a word of its own.
      const m = /^([dlq]u?')(.+)$/.exec(w);
      return m ? [m[1]!, m[2]!] : [w.replace(/^'+|'+$/g, '')];
    })
    .filter(Boolean);
  if (words.length < 3) return null;
  if (words.some((w) => ENGLISH.has(w))) return null;
  let best: string | null = null;
  let bestHits = 0;
  for (const [language, set] of LANGUAGES) {
    const hits = words.filter((w) => set.has(w)).length;
    if (hits > bestHits) {
      best = language;
      bestHits = hits;
    }
  }
  // Three function words, or two in a line of five words or with a letter English does not
  // use; one is never enough: "à la" in an English noun phrase is a loan phrase.
  const letters = words.some((w) => FOREIGN_LETTER.test(w));
  if (bestHits >= 3 || (bestHits === 2 && (letters || words.length >= 5))) return best;
  return null;
}

/**
 * Whether an objective is written in another language, so that the rules that read English
 * (no-verb, missing-criterion) say nothing of it: only when the English reader found no verb
 * of its own in it, so that an English objective is never silenced.
 */
export function objectiveInOtherLanguage(o: Objective): boolean {
  if (o.analysis.verb && !o.analysis.verbFromLeadIn) return false;
  return otherLanguage(o.plain) !== null;
}
