// Whether a line is written in another language than English ("Comprender los conceptos
// básicos de ...", "Verstehen, wie man eine Tabelle liest"): Bloomline reads English, and a
// line in Spanish or German under an English heading would otherwise be told it has no
// behaviour verb and no criterion in English terms. The test is cheap and conservative: the
// function words of one of five common European languages (three, or two in a longer line or
// with a letter English does not use), and not one English function word. An English line with a
// loanword ("Describe the café's à la carte menu", "Critique a résumé") has English function
// words, or none of another language's, and stays English. Words both languages write alike
// ("a", "in", "on", "die", "con", "son", "come", "no") count for neither.
import type { Objective, Outline, Span } from '../model.js';
import { forText, lazy, type LazyPattern, testText } from './ascii.js';

const FUNCTION_WORDS: Readonly<Record<string, string>> = {
  Spanish:
    'el la los las de del y que en para por con un una unos unas su sus al se como es lo más sobre entre según sin',
  French:
    "le la les de des du et une un dans avec pour sur est au aux d' l' qu' ce ces cette leur leurs par en où sont",
  German:
    'der das den dem des und ist mit für von zu ein eine einen einer eines wie nicht auf sie sich im vom zum zur oder auch werden wird aus bei nach durch über',
  Italian:
    "il lo gli le di e che nel nella nelle negli per con un una uno dei delle della degli del alla alle ai sul sulla tra fra è l' un'",
  Portuguese:
    'o os as de da do dos das em no na nos nas e que para com uma um ao aos pelo pela pelos pelas é seu sua entre sem',
};

/** Verbs an objective in each language is written with, in the infinitive ("Comprender",
 * "Organiser", "anwenden", "Progettare"): none of them an English word used as a verb. A verb
 * counts as one of its language's words, so a short objective ("Organiser une base de
 * données.") has the two words it needs. */
const VERBS: Readonly<Record<string, string>> = {
  Spanish: `analizar aplicar aprender argumentar calcular clasificar comparar comprender comunicar
    conocer construir crear definir demostrar desarrollar describir diferenciar diseñar
    distinguir ejecutar elaborar entender escribir evaluar examinar explicar expresar formular
    identificar ilustrar implementar integrar interpretar investigar justificar leer manejar
    modelar organizar planificar presentar producir programar reconocer redactar relacionar
    resolver resumir saber seleccionar usar utilizar valorar`,
  French: `analyser appliquer apprendre argumenter calculer classer classifier communiquer
    comparer comprendre concevoir connaître construire créer décrire définir démontrer
    développer différencier distinguer écrire élaborer évaluer examiner exécuter expliquer
    identifier illustrer implémenter intégrer interpréter justifier lire maîtriser modéliser
    organiser planifier produire programmer reconnaître rédiger relier résoudre résumer savoir
    sélectionner utiliser`,
  German: `analysieren anwenden auswerten begründen benennen berechnen beschreiben beurteilen
    bewerten darstellen definieren durchführen einlesen entwerfen entwickeln erkennen erklären
    erläutern erstellen gestalten identifizieren implementieren interpretieren kennen
    klassifizieren lernen lesen lösen modellieren nennen planen programmieren schreiben
    unterscheiden untersuchen vergleichen verstehen verwenden wissen zusammenfassen`,
  Italian: `analizzare applicare apprendere argomentare calcolare classificare comprendere
    comunicare confrontare conoscere costruire creare definire descrivere differenziare
    dimostrare distinguere elaborare esaminare eseguire giustificare identificare illustrare
    implementare integrare interpretare leggere modellare organizzare pianificare produrre
    programmare progettare redigere riassumere riconoscere risolvere saper sapere scrivere
    spiegare sviluppare usare utilizzare valutare`,
  Portuguese: `analisar aplicar aprender argumentar avaliar calcular classificar compreender
    comunicar conhecer construir criar definir demonstrar desenvolver descrever diferenciar
    distinguir elaborar entender escrever examinar executar explicar identificar ilustrar
    implementar integrar interpretar investigar justificar ler modelar organizar planear
    planejar produzir programar reconhecer redigir relacionar resolver resumir saber
    selecionar usar utilizar`,
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
  ([language, words]) =>
    [language, new Set(words.split(' ')), new Set(VERBS[language]!.trim().split(/\s+/))] as const,
);

/** Letters that tell apart languages that share their function words ("de", "la", "implementar"
 * in Spanish and Portuguese): half a word's weight, enough to settle a tie. */
const OWN_LETTERS: Readonly<Record<string, RegExp | LazyPattern>> = {
  Spanish: /[ñ¿¡]/i,
  French: /[èêœ]|ç(?!ão|ões)/i,
  German: /[äöüß]/i,
  Italian: lazy(String.raw`[ìò]|\p{L}[àè](?!\p{L})`, 'iu'),
  Portuguese: /[ãõ]/i,
};

/** Letters no English word needs (loanwords aside, which come with English words around them). */
const FOREIGN_LETTER = /[áéíóúñüäöëïßçãõâêîôûàèìòùœ]/i;

/** What separates a line's words (an apostrophe is in one: "d'une"). */
const NOT_A_LETTER = lazy(String.raw`[^\p{L}']+`, 'u');

/**
 * The language a line reads as when it is not English (its name), or null: English, or too
 * short or too mixed to tell. Function words decide; a line with an English function word is
 * never another language.
 */
export function otherLanguage(text: string): string | null {
  const plain = text.replace(/[’`]/g, "'");
  const words = plain
    .split(forText(NOT_A_LETTER, plain))
    .flatMap((w) => {
      // "d'une", "l'analyse", "qu'il", "un'interfaccia": the elided article is a word of its own.
      const m = /^([dlq]u?'|[Uu]n')(.+)$/i.exec(w);
      return m ? [m[1]!, m[2]!] : [w.replace(/^'+|'+$/g, '')];
    })
    .filter(Boolean);
  if (words.length < 3) return null;
  const lower = words.map((w) => w.toLowerCase());
  if (lower.some((w) => ENGLISH.has(w))) return null;
  let best: string | null = null;
  let bestHits = 0;
  let bestScore = 0;
  for (const [language, set, verbs] of LANGUAGES) {
    // A function word counts written small (or first): a capital one inside an English line is
    // part of a name or a title ("Critique Les Demoiselles d'Avignon").
    const hits = lower.filter(
      (w, i) => verbs.has(w) || (set.has(w) && (i === 0 || words[i] === w)),
    ).length;
    const score = hits + (testText(OWN_LETTERS[language]!, text) ? 0.5 : 0);
    if (hits > 0 && score > bestScore) {
      best = language;
      bestHits = hits;
      bestScore = score;
    }
  }
  // Three words of the language, or two in a line of five words or with a letter English does
  // not use; one is never enough: "à la" in an English noun phrase is a loan phrase.
  const letters = lower.some((w) => FOREIGN_LETTER.test(w));
  if (bestHits >= 3 || (bestHits === 2 && (letters || words.length >= 5))) return best;
  return null;
}

/**
 * Whether an objective is written in another language, so that the rules that read English
 * (no-verb, missing-criterion) say nothing of it: only when the English reader found no verb
 * of its own in it, so that an English objective is never silenced.
 */
export function objectiveInOtherLanguage(o: Objective): boolean {
  if (hasOwnVerb(o)) return false;
  return otherLanguage(o.plain) !== null;
}

/** Whether the English reader found a verb of the objective's own in it (not its lead-in's):
 * then it is never read as another language. Fixed for an item once read (its analysis is
 * never changed after, but for its spans). */
export function hasOwnVerb(o: Objective): boolean {
  return !!o.analysis.verb && !o.analysis.verbFromLeadIn;
}

/** Names of an objectives block in the five languages ("Objetivos de aprendizaje",
 * "Objectifs pédagogiques", "Lernziele", "Obiettivi formativi", "Objetivos de aprendizagem",
 * "Resultados de aprendizaje", "Acquis d'apprentissage"), anywhere in a heading. */
const OBJECTIVES_NAME = lazy(
  String.raw`(?<![\p{L}])(?:objetivos|objectifs|obiettivi|lernziele|lernergebnisse|resultados\s+de\s+aprendiza(?:je|gem)|acquis\s+d['’]apprentissage|risultati\s+di\s+apprendimento)(?![\p{L}])`,
  'iu',
);

/** A list item's text, at the start of a line. */
const LIST_ITEM = /^ {0,3}(?:[-*+]|\d{1,2}[.)])[ \t]+(.+)$/gm;

/** "Spanish", "Spanish and French", "Spanish, French and German". */
function languages(names: string[]): string {
  const unique = [...new Set(names)];
  return unique.length === 1
    ? unique[0]!
    : `${unique.slice(0, -1).join(', ')} and ${unique[unique.length - 1]}`;
}

/**
 * The one note a file gets when its objectives are written in another language, so that the
 * author learns once why Bloomline said nothing of them, or null. Objectives read (under an
 * English heading) but not in English: their count and languages, at the first. Otherwise a
 * heading naming objectives in another language whose list is in that language (a course
 * written wholly in Spanish, whose objectives Bloomline does not read at all): at the heading.
 * An English course that quotes a Spanish heading or phrase has English items, and no note.
 */
export function otherLanguageNote(
  outline: Outline,
  withoutOwnVerb?: readonly Objective[],
): { message: string; span: Span } | null {
  // The builder's note of the objectives without a verb of their own, when it made one (the
  // others are never in another language): reaching every objective's analysis to ask cost an
  // edit of a long outline about 3% (BENCHMARKS.md, "Eleventh step").
  const found = withoutOwnVerb
    ? withoutOwnVerb.filter((o) => otherLanguage(o.plain) !== null)
    : outline.objectives.filter(objectiveInOtherLanguage);
  if (found.length) {
    const n = found.length;
    const names = languages(found.map((o) => otherLanguage(o.plain)!));
    return {
      message: `${n} objective${n === 1 ? ' is' : 's are'} written in ${names}: Bloomline reads English, so ${n === 1 ? 'it was' : 'they were'} not checked for a behaviour verb, a criterion or a Bloom level.`,
      span: found[0]!.span,
    };
  }
  for (const s of outline.sections) {
    if (!s.heading || !testText(OBJECTIVES_NAME, s.title)) continue;
    const firstChild = s.children.length ? outline.sections[s.children[0]!]!.span.start : null;
    const body = outline.text.slice(s.heading.end, firstChild ?? s.span.end);
    const items = [...body.matchAll(LIST_ITEM)].map((m) => otherLanguage(m[1]!));
    const read = items.filter((x): x is string => x !== null);
    // Most of the list in one other language: one item in Spanish among English ones is a quote.
    if (!read.length || read.length * 2 < items.length) continue;
    return {
      message: `The objectives under "${s.title}" are written in ${languages(read)}: Bloomline reads English, so they were not read or checked.`,
      span: s.heading,
    };
  }
  return null;
}
