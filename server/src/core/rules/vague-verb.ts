// vague-verb: a behaviour verb is not observable ("understand", "know", "learn about", "be
// familiar with", "appreciate" ...). One finding per vague phrase. Fixes rewrite every vague
// phrase of the objective, so the fixed line is clean on the next check: "Understand how to
// configure X" becomes "Configure X"; "Understand X" offers verbs of the level the author most
// likely meant, only those that can take what follows ("Explain what SSH is", never "Use what
// SSH is"; "Compare" only where there are two things to compare).
import type { Behaviour, Fix, Objective, TextEdit } from '../model.js';
import { execText, forText, lazy, testText } from '../language/ascii.js';
import type { Lexicon } from '../language/lexicon.js';
import {
  CLAUSE_LEAD_TEXT,
  QUESTION_KEYS,
  TOPIC_KEYS,
  readObjective,
} from '../language/objective.js';
import { inflect, verbForm } from '../language/words.js';
import { capitalise, quotedStatement, type Rule, type RuleContext } from './rule.js';
import { plainIndex, replacePlain } from './edits.js';

export const vagueVerb: Rule = {
  id: 'vague-verb',
  description:
    'Objectives need an observable behaviour verb, not "understand", "know", "learn about"...',
  appliesTo: 'objective',
  defaultSeverity: 'warning',
  check(ctx) {
    const reported = new Set<number>();
    // The objectives of each block that take their verb from its lead-in, from the objectives
    // the rule is given (the language server gives it only those, not the whole list: it
    // checks the other objectives one at a time).
    const fromLeadIn = new Map<number, Objective[]>();
    // An objective can take its verb from a lead-in its own block does not have (an item of a
    // list nested under a lead-in's list): the lead-in is not there to point at, and the
    // objective's own text states no vague phrase, so it is not reported.
    const leadHere = (o: Objective) => !!ctx.outline.blocks[o.block]?.leadIn;
    for (const o of ctx.outline.objectives) {
      if (!o.analysis.verbFromLeadIn || !leadHere(o)) continue;
      const list = fromLeadIn.get(o.block);
      if (list) list.push(o);
      else fromLeadIn.set(o.block, [o]);
    }
    for (const o of ctx.outline.objectives) {
      const a = o.analysis;
      if (!a.vague || !a.vaguePhrase || quotedStatement(ctx.outline, o)) continue;
      if (a.verbFromLeadIn) {
        if (!leadHere(o)) continue;
        if (!reported.has(o.block)) {
          reported.add(o.block);
          reportLeadIn(ctx, o, fromLeadIn.get(o.block)!);
        }
        continue;
      }
      reportItem(ctx, o);
    }
  },
};

const WH = new Set(['what', 'why', 'how', 'when', 'where', 'which', 'whether', 'who', 'if']);
/** Verbs that need two things ("Compare X and Y", "Distinguish X from Y"). */
const NEEDS_TWO = new Set(['compare', 'contrast', 'differentiate', 'distinguish', 'relate']);
const TWO_THINGS = /\b(?:and|with|between|from|to|vs|versus|against)\b/iu;
/** "Compare the difference" says the comparison twice. */
const ALREADY_COMPARED =
  /^(?:the\s+|a\s+)?(?:differences?|similarit(?:y|ies)|distinctions?|relationships?|contrast)\b/iu;
/** Abstract heads nothing is compared or sorted by ("Classify the importance of X"). */
const ABSTRACT =
  /^(?:the\s+|a\s+|an\s+)?(?:importance|basics|concepts?|idea|purpose|role|value|need|principles?|fundamentals|meaning|nature|significance|benefits?|power|ethics|essence|limits)\b/iu;
/** A history, an anatomy, a story: an account told or a body of knowledge, which is described,
 * explained or summarized, never used, identified, named, defined or listed ("Become acquainted
 * with the history of salt glazing" is not "Use the history of salt glazing"). */
const ACCOUNT = lazy(
  String.raw`^(?:the\s+|a\s+|an\s+)?(?:[\p{L}'’-]+\s+){0,2}?(?:history|histories|anatomy|physiology|evolution|origins?|background|heritage|legacy|story)\b`,
  'iu',
);
// Patterns over letters, matched through their ASCII twins where a text is all ASCII
// (language/ascii.ts).
const LETTER_OR_DIGIT = lazy(String.raw`[\p{L}\p{N}]`, 'u');
const FIRST_WORD = lazy(String.raw`^[\p{L}'’-]+`, 'u');
const FIRST_WORD_UNHYPHENATED = lazy(String.raw`^[\p{L}'’]+`, 'u');
const MARK = lazy(String.raw`[^\s\p{L}\p{N}]`, 'u');
const WORDS = lazy(String.raw`[\p{L}'’-]+`, 'gu');
const NOT_LETTERS = lazy(String.raw`[^\p{L}]`, 'gu');
/** "that every cell comes from another cell": a clause with its verb in -s or -ed. */
const THAT_CLAUSE = lazy(
  String.raw`^that\s+(?:[\p{L}'’-]+\s+){0,4}?(?:is|are|was|were|can|could|will|would|should|must|may|might|has|have|had|does|do|did|\p{L}{2,}(?:s|ed))\b`,
  'iu',
);
/** "and apply", "or be able to use": a verb after the vague one that shares its object. */
const AND_VERB = lazy(String.raw`^(?:,\s*)?(?:and|or)\s+(be\s+able\s+to\s+)?([\p{L}'’-]+)\b`, 'iu');
const WHEN_TO = lazy(String.raw`^when\s+to\s+\p{L}`, 'iu');
const GERUND_START = lazy(String.raw`^[\p{L}'’-]*ing\b`, 'iu');

/** Verbs that act on a thing or pick it out, not on an account of it. */
const NOT_FOR_ACCOUNTS = new Set([
  'use',
  'apply',
  'operate',
  'identify',
  'name',
  'define',
  'list',
  'state',
  'label',
  'classify',
  'categorize',
  'categorise',
]);
/** Verbs that sort several things ("Classify incidents by severity", never "Classify the
 * concept"). */
const NEEDS_MANY = new Set([
  'classify',
  'categorize',
  'categorise',
  'sort',
  'rank',
  'group',
  'list',
]);
// Matched through forText/testText: an ASCII text by their twins without `u` (language/ascii.ts).
const TO_START = /^to\b/iu;
const PREPOSITION = /\s(?:of|in|for|with|on|at|from|to|by|into|that|which|who|when|and|or)\s/iu;
/** One character of a word: a letter, an apostrophe or a hyphen. */
const WORD_CHAR = lazy(String.raw`^[\p{L}'’-]$`, 'u');

/** The word (letters, apostrophes, hyphens) that ends `text` before trailing spaces, or ''.
 * Read backwards by hand: as the regex `([\p{L}'’-]+)\s*$` it tried every start inside a long
 * word that does not end the text, quadratic ("Understand from 1 aaaa… within 5 minutes": 80 ms
 * at 8,000 characters, 320 ms at 16,000). */
export function lastWord(text: string): string {
  const end = text.trimEnd().length;
  let start = end;
  while (start > 0) {
    const low = text.charCodeAt(start - 1);
    // An astral letter is two code units: step back over the pair.
    const width =
      low >= 0xdc00 && low <= 0xdfff && start > 1 && isHigh(text.charCodeAt(start - 2)) ? 2 : 1;
    if (!testText(WORD_CHAR, text.slice(start - width, start))) break;
    start -= width;
  }
  return text.slice(start, end);
}

function isHigh(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** The head of a noun phrase is plural: its last word before a preposition or the end. */
function pluralObject(object: string): boolean {
  const np = object.split(forText(PREPOSITION, object))[0]!;
  const last = lastWord(np).toLowerCase();
  return (
    /[^s]s$/.test(last) ||
    /\b(?:and|or)\b/i.test(object) ||
    /^(?:data|people|media|criteria)$/.test(last)
  );
}

/** One way to rewrite a vague phrase: the plain-text range replaced and the new words. */
export interface Rewrite {
  start: number;
  end: number;
  text: string;
  /** The verb it starts with, for the fix's title. */
  verb: string;
  keep: boolean;
}

/** The rewrites a vague behaviour allows, best first (the first is the preferred one). */
export function rewritesFor(o: Objective, b: Behaviour, lex: Lexicon): Rewrite[] {
  const vp = b.vaguePhrase;
  if (!vp || vp.span.end <= vp.span.start) return [];
  const start = plainIndex(o, vp.span.start);
  if (start < 0) return [];
  const phraseEnd = plainIndex(o, vp.span.end - 1) + 1;
  if (phraseEnd <= start) return [];
  const plain = o.plain;
  const atStart = !testText(LETTER_OR_DIGIT, plain.slice(0, start));
  const head = execText(FIRST_WORD, plain.slice(start))?.[0] ?? '';
  // A behaviour that starts a line of its own after "; " or ". " (a table cell's bullets or
  // `<br>` lines) keeps the capital its author gave it, as the first one does.
  const capital =
    atStart ||
    (/[.;!?]\s*$/.test(plain.slice(0, start)) && head !== '' && head[0] !== head[0]!.toLowerCase());
  const form = verbForm(head, vp.key.split(' ')[0]!);
  const word = (verb: string) => {
    const w = inflect(verb, form);
    return capital ? capitalise(w) : w;
  };
  if (QUESTION_KEYS.has(vp.key)) return questionRewrites(plain, start, atStart);
  // "What git is" -> "Explain what git is": a verb before the topic, which stays as written.
  if (TOPIC_KEYS.has(vp.key))
    return atStart
      ? ['explain', 'describe']
          .filter((verb) => lex.complements.get(verb)?.has(vp.key) ?? false)
          .map((verb) => ({
            start,
            end: start + 1,
            text: `${capitalise(verb)} ${plain[start]!.toLowerCase()}`,
            verb,
            keep: false,
          }))
      : [];
  const out: Rewrite[] = [];
  const gerund = !!b.realVerb && isGerundAt(o, b);
  if (b.realVerb) {
    // "Learn how to use X" -> "Use X": keep the behaviour, in the form the phrase had. Not for
    // "learn about ending and restarting the game" (the second gerund would stay a gerund).
    const rs = plainIndex(o, b.realVerb.span.start);
    const re = rs < 0 ? -1 : plainIndex(o, b.realVerb.span.end - 1) + 1;
    const listed = gerund && /^\s*(?:,|and\b|or\b)/iu.test(plain.slice(re));
    // Punctuation just before the verb stays ("Learn how to \"plot\" a file").
    let k = rs;
    while (k > start && testText(MARK, plain[k - 1]!)) k--;
    const kept = plain.slice(k, rs) + word(b.realVerb.text);
    // "How to ignore exit codes": a verb only the English lexicon knows reads as a verb after
    // "how to", but alone before a bare noun it may name a topic ("Ignore exit codes" is read
    // like "File permissions"); the behaviour is kept only where the line still reads as one,
    // and the phrase's own rewrites ("Explain how to ...") are offered otherwise.
    const readsAlone = () => {
      const r = readObjective(plain.slice(0, start) + kept + plain.slice(re), lex, null);
      return !!r.verb && !r.vague;
    };
    if (rs > start && re > rs && !listed && (vp.key !== 'how to' || !atStart || readsAlone()))
      out.push({ start, end: re, text: kept, verb: b.realVerb.text, keep: true });
  }
  const phrase = lex.vague.find((p) => p.key === vp.key);
  // What the phrase names can change the level meant ("Learn the Greek alphabet": remember,
  // "Learn safe lifting techniques": apply), and with it the verbs offered ("how to" before a
  // vague verb means apply, but a clause follows, so the phrase's own verbs stay).
  const beforeClause = /^(?:how|what|why|when|where|whether|which|who|that)\b/i.test(
    plain.slice(phraseEnd).trimStart(),
  );
  const own =
    phrase && vp.meant !== phrase.meant && !b.realVerb && !(vp.meant === 'apply' && beforeClause)
      ? lex.suggestFor(vp.meant)
      : null;
  const suggest = (own ?? phrase?.suggest ?? ['explain', 'describe']).slice(0, 5);
  // How much of the phrase a rewrite replaces ("Recognize the need to engage": "Recognize").
  let end = phraseEnd;
  if (phrase?.replaces) {
    const said = plain.slice(start, phraseEnd);
    const parts = [...said.matchAll(forText(WORDS, said))];
    const last = parts[phrase.replaces - 1];
    if (last) end = start + last.index + last[0].length;
  } else if (phrase?.key.endsWith(' that') && /\bthat$/i.test(plain.slice(start, phraseEnd))) {
    // "Demonstrate an understanding that X holds" is rewritten "Explain that X holds": the
    // that-clause stays after the verb that replaces the phrase.
    end = start + plain.slice(start, phraseEnd - 'that'.length).trimEnd().length;
  }
  const rest = plain.slice(end).trimStart();
  const next = execText(FIRST_WORD_UNHYPHENATED, rest)?.[0].toLowerCase() ?? '';
  // "learn to X": only keeping X reads well ("Explain to configure" is not English). After
  // "learn about X-ing" the gerund phrase is a noun phrase: "Describe ending the game".
  if (b.realVerb) {
    const after = plain.slice(phraseEnd).trimStart();
    if (testText(TO_START, after)) return out;
  }
  if (gerund && out.length) return out;
  let clause: string | null = null;
  if (WH.has(next)) clause = next;
  else if (
    next === 'that' &&
    // "that every cell comes from another cell": a verb in -s or -ed counts as the clause's
    // (a demonstrative "that concept" read as a clause only narrows the verbs offered).
    testText(THAT_CLAUSE, rest)
  )
    clause = 'that';
  // "Understand and apply the principles", "Understand and be able to use a sextant": the vague
  // verb shares the object of the behaviour after "and"; "be able to" goes with the rewrite
  // ("Explain and use a sextant").
  const shared = clause ? null : execText(AND_VERB, rest);
  const sharedVerb =
    shared && (lex.verb(lex.lemma(shared[2]!.toLowerCase()) ?? '') || lex.englishLemma(shared[2]!))
      ? shared
      : null;
  if (sharedVerb?.[1]) {
    const able = rest.indexOf(sharedVerb[1]);
    end = plain.length - rest.length + able + sharedVerb[1].length;
  }
  const clauseEnd = rest.search(/[.;:!?]/u);
  const object = sharedVerb
    ? rest.slice(sharedVerb[0].length, clauseEnd < 0 ? undefined : clauseEnd)
    : clauseEnd < 0
      ? rest
      : rest.slice(0, clauseEnd);
  // "Know when to reef the sail": a judgement of when, kept with its clause ("Decide when to
  // reef the sail"), never the clause dropped ("Reef the sail" says nothing of when).
  const whenTo = clause === 'when' && testText(WHEN_TO, rest);
  // "Get comfortable creating and running notebooks": the gerunds stay a noun phrase, which only
  // some verbs take ("Demonstrate creating and running notebooks", never "Use creating ...").
  const candidates =
    vp.key === 'how to'
      ? ['explain', 'describe', 'demonstrate', 'show']
      : whenTo
        ? ['decide', 'determine', 'recognize']
        : gerund && phrase?.beforeGerund
          ? gerundTakers(suggest)
          : suggest;
  for (const verb of candidates) {
    if (clause) {
      if (!(lex.complements.get(verb)?.has(clause) ?? false)) continue;
    } else if (NEEDS_TWO.has(verb) && (!TWO_THINGS.test(object) || ALREADY_COMPARED.test(object))) {
      continue;
    } else if (NEEDS_MANY.has(verb) && !pluralObject(object)) {
      continue;
    }
    if ((NEEDS_MANY.has(verb) || NEEDS_TWO.has(verb)) && ABSTRACT.test(object)) continue;
    // "Classify and use a tide table": a verb that sorts or compares several things does not
    // share one thing's object.
    if (sharedVerb && (NEEDS_MANY.has(verb) || NEEDS_TWO.has(verb))) continue;
    if (!clause && NOT_FOR_ACCOUNTS.has(verb) && testText(ACCOUNT, object)) continue;
    // "how to X" as a topic: "Explain how to X" (the phrase stays, a verb goes before it).
    if (vp.key === 'how to') {
      out.push({
        start,
        end: start + 1,
        text: `${word(verb)} ${plain[start]!.toLowerCase()}`,
        verb,
        keep: false,
      });
      continue;
    }
    out.push({
      start,
      end,
      text: sharedVerb?.[1]
        ? `${word(verb)} ${/\bor\b/iu.test(sharedVerb[0]) ? 'or' : 'and'} `
        : word(verb),
      verb,
      keep: false,
    });
  }
  if (!out.length && clause)
    out.push({ start, end, text: word('explain'), verb: 'explain', keep: false });
  return out;
}

/**
 * A question in place of an objective: "What is data security?" becomes "Explain what data
 * security is". Only that form is rewritten; "Why is X important?" or a question with a second
 * question in it ("... and how does it affect Y?") would need its words reordered, so the
 * message says what to write instead.
 */
export function questionRewrites(plain: string, start: number, atStart: boolean): Rewrite[] {
  if (!atStart) return [];
  // The subject taken whole up to the "?", then its trailing spaces off (as a lazy group before
  // `\s*\?` it was quadratic on a long run of spaces).
  const m = /^what\s+(is|are|was|were)\s+([^?;:]+)\?\s*$/iu.exec(plain.slice(start));
  const subject = m?.[2]!.trimEnd();
  if (!m || !subject || /\b(?:how|why|what|when|where|which|who|whether)\b/iu.test(subject))
    return [];
  const end = start + m[0].trimEnd().length;
  return [
    {
      start,
      end,
      text: `Explain what ${subject} ${m[1]!.toLowerCase()}`,
      verb: 'explain',
      keep: false,
    },
  ];
}

function reportItem(ctx: RuleContext, o: Objective): void {
  const text = ctx.outline.text;
  const vagueOnes = o.analysis.behaviours.filter(
    (b) => b.vaguePhrase && b.vaguePhrase.span.end > b.vaguePhrase.span.start,
  );
  const options = vagueOnes.map((b) => rewritesFor(o, b, ctx.lex));
  for (let n = 0; n < vagueOnes.length; n++) {
    const b = vagueOnes[n]!;
    const vp = b.vaguePhrase!;
    const fixes: Fix[] = [];
    const others = options.filter((_, m) => m !== n);
    // A fix rewrites every vague phrase of the objective (this one with each of its options,
    // the others with their first), so nothing vague is left on the line.
    if (others.every((list) => list.length > 0)) {
      for (const option of options[n]!) {
        const edits: TextEdit[] = [];
        let ok = true;
        for (const r of [option, ...others.map((list) => list[0]!)]) {
          const edit = replaceWithCase(text, o, r);
          if (!edit) ok = false;
          else edits.push(edit);
        }
        if (!ok) continue;
        const what = option.keep
          ? `Keep the behaviour: "${capitalise(option.verb)} ..."`
          : option.end - option.start === 1 && (vp.key === 'how to' || TOPIC_KEYS.has(vp.key))
            ? `Start with "${capitalise(option.verb)}": "${capitalise(option.verb)} how to ..."`
            : `Replace "${o.plain.slice(option.start, option.end)}" with "${option.text.trim()}"`;
        fixes.push({
          title: others.length ? `${what} (and rewrite the other vague phrase)` : what,
          isPreferred: fixes.length === 0,
          edits,
        });
      }
    }
    const meant = vp.meant;
    const verbs = (
      options[n]!.filter((r) => !r.keep).map((r) => r.verb).length
        ? options[n]!.filter((r) => !r.keep).map((r) => r.verb)
        : (ctx.lex.vague.find((p) => p.key === vp.key)?.suggest ?? ['explain'])
    )
      .slice(0, 3)
      .map(capitalise)
      .join(', ');
    ctx.report({
      ruleId: 'vague-verb',
      message: QUESTION_KEYS.has(vp.key)
        ? `This is a question, not an objective: state what learners will do to answer it, with an understand-level verb such as Explain, Describe or Summarize${options[n]!.length ? ` ("${options[n]![0]!.text}")` : ''}.`
        : TOPIC_KEYS.has(vp.key)
          ? `This names a topic, not what learners will do: start with an understand-level verb such as Explain or Describe ("Explain ${vp.key} ...").`
          : options[n]!.some((r) => r.keep) && b.realVerb
            ? `"${shown(o, b)}" is not observable: state the behaviour itself ("${capitalise(b.realVerb.text)} ...").`
            : `"${shown(o, b)}" is not observable: use ${/^[aeiou]/.test(meant) ? 'an' : 'a'} ${meant}-level verb such as ${verbs}.`,
      span: vp.span,
      fixes,
      item: { kind: 'objective', id: o.id },
    });
  }
}

/** The behaviour kept after the phrase is written as a gerund ("learn about using X"). */
function isGerundAt(o: Objective, b: Behaviour): boolean {
  const s = plainIndex(o, b.realVerb!.span.start);
  return s >= 0 && testText(GERUND_START, o.plain.slice(s));
}

/** The vague words as written: "Learn how to" for a behaviour kept after it. */
function shown(o: Objective, b: Behaviour): string {
  const vp = b.vaguePhrase!;
  // A phrase read only before an article ("Shadow a", "Own the": vague-phrases.json) is the
  // verb alone to the author.
  if (!b.realVerb) return vp.text.replace(/\s+(?:a|an|the)$/i, '');
  const s = plainIndex(o, vp.span.start);
  const e = plainIndex(o, b.realVerb.span.start);
  return s >= 0 && e > s ? o.plain.slice(s, e).trim() : vp.text;
}

function replaceWithCase(text: string, o: Objective, r: Rewrite): TextEdit | null {
  return replacePlain(text, o, r.start, r.end, r.text);
}

/** A vague verb in a lead-in, reported once, on the first of `items` (the block's objectives
 * that take their verb from it). */
function reportLeadIn(ctx: RuleContext, first: Objective, items: Objective[]): void {
  const { outline } = ctx;
  const block = outline.blocks[first.block]!;
  const lead = block.leadIn!;
  const key = first.analysis.vaguePhrase!.key;
  const suggest = (ctx.lex.vague.find((p) => p.key === key)?.suggest ?? ['explain']).slice(0, 5);
  const fixes = [];
  // Items that say "how to X" become "X": the verb offered is theirs, so one fix says so.
  const ownVerbs = items.every((o) => testText(HOW_TO, o.plain.trimStart()));
  // "Students will understand that ...": each item is a clause, which the verb takes with "that".
  const that = CLAUSE_LEAD_TEXT.test(lead.text);
  if (lead.verb?.toAbleTo) {
    for (const verb of ownVerbs ? suggest.slice(0, 1) : suggest) {
      const edits: TextEdit[] = [lead.verb.toAbleTo];
      let ok = true;
      for (const o of items) {
        const edit = addVerb(outline.text, o, verb, ctx.lex, that);
        if (!edit) {
          ok = false;
          break;
        }
        edits.push(edit);
      }
      if (ok) {
        fixes.push({
          title: ownVerbs
            ? `Rewrite the lead-in as "be able to" and start each objective with its own verb`
            : `Rewrite the lead-in as "be able to" and start each objective with "${capitalise(verb)}"`,
          isPreferred: fixes.length === 0,
          edits,
        });
      }
    }
  }
  const n = items.length;
  ctx.report({
    ruleId: 'vague-verb',
    message: `The lead-in's "${lead.verb?.lemma ?? key}" is not observable, and the ${n} objective${n === 1 ? '' : 's'} below inherit${n === 1 ? 's' : ''} it: use "be able to" and start each objective with a verb such as ${suggest.slice(0, 3).map(capitalise).join(', ')}.`,
    span: lead.verb?.span ?? lead.span,
    fixes,
    related: items.map((o) => ({
      message: `inherits "${key}"`,
      filePath: outline.filePath,
      span: o.textSpan,
    })),
    item: { kind: 'objective', id: first.id },
  });
}

/** A capitalised word that starts a clause is a common word, not a name: a word of English's
 * verbs in any form ("Changes", "Plants", "Learning"), a word of a clause's start ("The",
 * "Only", "Most"), or one the outline also writes in lower case ("Energy" beside "energy"). */
function commonWord(word: string, text: string, lex: Lexicon): boolean {
  const lower = word.toLowerCase();
  if (CLAUSE_STARTS.has(lower) || lex.englishLemma(lower)) return true;
  for (let i = text.indexOf(lower); i >= 0; i = text.indexOf(lower, i + 1)) {
    const before = i > 0 ? text[i - 1]! : ' ';
    const after = text[i + lower.length] ?? ' ';
    if (!wordChar(before) && !wordChar(after)) return true;
  }
  return false;
}

const wordChar = (c: string) => /\w/.test(c) || c.charCodeAt(0) > 127;

const CLAUSE_STARTS = new Set(
  'the a an all every each most many some few no not only there it its this that these those our we people one two three several both either neither if when while although because since as'.split(
    ' ',
  ),
);

/** "how to X" at an objective's start: the lead-in's fix makes it "X". */
const HOW_TO = lazy(String.raw`^how\s+to\s+(\P{White_Space})`, 'iu');

/** "the benefits of X" -> "Explain the benefits of X"; "how to configure X" -> "Configure X";
 * "What Big O is" -> "Explain what Big O is" (only with a verb that takes the clause). */
function addVerb(
  text: string,
  o: Objective,
  verb: string,
  lex: Lexicon,
  that = false,
): TextEdit | null {
  const start = o.plain.length - o.plain.trimStart().length;
  const rest = o.plain.slice(start);
  // "That only about 10% of energy passes ...": the item is a clause, its "That" the verb's.
  const own = /^that\s+/i.exec(rest);
  if (that || own) {
    if (!(lex.complements.get(verb)?.has('that') ?? false)) return null;
    const at = start + (own ? own[0].length : 0);
    const word = /^\S+/u.exec(o.plain.slice(at))?.[0] ?? '';
    // The clause's first word keeps its capital only if it is a name ("Python reads ...").
    const lower = /^[A-Z][a-z]+$/.test(word) && commonWord(word, text, lex);
    return replacePlain(
      text,
      o,
      start,
      lower ? at + 1 : at,
      `${capitalise(verb)} that ${lower ? word[0]!.toLowerCase() : ''}`,
    );
  }
  const how = execText(HOW_TO, rest);
  if (how) return replacePlain(text, o, start, start + how[0].length, how[1]!.toUpperCase());
  const first = /^\S+/u.exec(rest)?.[0] ?? '';
  const firstLower = first.toLowerCase();
  const wh = firstLower.replace(forText(NOT_LETTERS, firstLower), '');
  if (WH.has(wh) && !(lex.complements.get(verb)?.has(wh) ?? false)) return null;
  if (NEEDS_TWO.has(verb) && !TWO_THINGS.test(rest)) return null;
  // Lowercase the first word unless it is an acronym or a name-like word ("VPN", "Git").
  const lower =
    /^[A-Z][a-z]+$/.test(first) &&
    (/^(?:The|A|An|How|Why|What|When|Where|Which|Who|Whether|Basic|Key|Main|Common|Different|Simple|Best|Core|Inner|Practical|General|Advanced)$/.test(
      first,
    ) ||
      // A common noun of a topic ("Introduction to ...", "Management of ..."), not a name.
      /[a-z]{3}(?:tion|sion|ment|ness|ity|ance|ence|ship)$/.test(first));
  if (lower)
    return replacePlain(
      text,
      o,
      start,
      start + 1,
      `${capitalise(verb)} ${first[0]!.toLowerCase()}`,
    );
  return replacePlain(text, o, start, start, `${capitalise(verb)} `);
}

/** Verbs whose object can be a gerund phrase ("Demonstrate creating and running notebooks",
 * "Describe ending the game"). */
const GERUND_OBJECT = new Set([
  'demonstrate',
  'describe',
  'explain',
  'discuss',
  'compare',
  'practise',
  'practice',
  'show',
]);

/** The suggestions that take a gerund phrase, in their order; Demonstrate when none does. */
function gerundTakers(suggest: readonly string[]): string[] {
  const out = suggest.filter((v) => GERUND_OBJECT.has(v));
  return out.length ? out : ['demonstrate'];
}
