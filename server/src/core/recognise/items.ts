// Items: one objective or outcome read from a list item, a table cell, a sentence or a string,
// with its ID, label, references and the language reading of its text. Every reader hands its
// items here, so an item reads the same whatever syntax it came from.
import type { List, ListItem, Paragraph } from 'mdast';
import { readTask } from '../language/assessment.js';
import { execText, forText, lazy, testText } from '../language/ascii.js';
import {
  criterionIn,
  readObjective,
  readObjectiveForRecognition,
  type ObjectiveReading,
  type PlainSpan,
} from '../language/objective.js';
import {
  readOutcome,
  readsAsChange,
  readsAsJobChange,
  readsAsMeasure,
  readsAsMetric,
} from '../language/outcome.js';
import { hasOwnVerb } from '../language/other-language.js';
import type {
  Assessment,
  Block,
  BlockSource,
  ItemBase,
  ItemKind,
  KirkpatrickLevel,
  LeadIn,
  Located,
  Objective,
  Outcome,
  Reference,
  Section,
  Span,
} from '../model.js';
import { MAX_ITEMS, NotAnalysed } from '../limits.js';
import { memo } from '../memo.js';
import { newBlock, off, type Builder } from './context.js';
import {
  ASIDE_LABEL,
  isMeasureNote,
  GRADED_LABEL,
  readKeyResultLabel,
  readLabel,
  WEAK_TASK_LABEL,
} from './leadins.js';
import { gradedLabelNames } from './graded-work.js';
import { blockName, type BlockName } from './names.js';
import { plainOf, plainTextOf, type PlainText } from './plain.js';
import { canonicalId, ID_NUMBER, SPACED_ID } from './ids.js';
import { findReferences } from './references.js';
import { freshReferences, moveItem, spanSlots, type ParagraphMemo } from './reuse.js';
import { NO_LINKS, noteItem } from './noted.js';
import { ruleOf } from './scope.js';

// No leading `\s*`: the spaces before it are skipped by hand (readItem), since a regex that
// starts with `\s*` backtracks quadratically on long runs of spaces.
const TRAILING_ID = lazy(String.raw`\{#([\p{L}\p{N}][\p{L}\p{N}._:-]*)\}\s*$`, 'u');
const LETTER_OR_DIGIT = lazy(String.raw`[\p{L}\p{N}]`, 'u');
const NOT_LETTERS_OR_DIGITS = lazy(String.raw`[^\p{L}\p{N}]+`, 'gu');
/** "will be capable of identifying": a learner's behaviour. */
const CAPABLE_OF = lazy(
  String.raw`\bbe\s+(?:capable\s+of|proficient\s+(?:in|at)|competent\s+(?:in|at)|skilled\s+(?:in|at)|adept\s+at)\s+\p{L}+ing\b`,
  'iu',
);

/** Skips a checkbox and outline numbering ("1.2", "a)") at the start of an item. */
export function skipPrefix(plain: string): number {
  const m =
    /^\s*(?:\[[ xX]\]\s+)?(?:(?:\d+(?:\.\d+)*|[a-z]|[ivx]+)[.)]\s+|\(\s*(?:\d+|[a-z]|[ivx]+)\s*\)\s+|\d+(?:\.\d+)+\s+)?/.exec(
      plain,
    );
  return m ? m[0].length : 0;
}

/** An objective's ID written with a space at an item's start: "**TLO 1:**", "[ELO 1.1]". */
const SPACED_AT_START = new RegExp(String.raw`^(\[)?(${SPACED_ID})(\])?(:)?(?=\s|$|:|[.)]\s)`);
/**
 * Any other ID at an item's start: a token of letters and digits ("LO1", "K1a", "LO1.a", "PO-3b")
 * wider than a table's ID cell (ids.ts, ITEM_ID), since readId takes it as an ID only where the
 * author marks it as one (bold, code, brackets, a colon) or where it looks like a code (below).
 */
const TOKEN_AT_START =
  /^(\[)?([A-Za-z][A-Za-z0-9]*(?:[._-][A-Za-z0-9]+)*)(\])?(:)?(?=\s|$|:|[.)]\s)/;
/** Unmarked IDs readId takes: "LO1 – Recognise ..." (letters and a number before a dash), "LO4
 * Knowledge of ..." (a learning outcome's code before a capitalised word), "P1 Describe ..." (a
 * code in capitals before the objective's verb). */
const SEPARATED_ID = new RegExp(String.raw`^(?:[A-Za-z]{1,6}|[A-Za-z]{2,9} )${ID_NUMBER}$`);
const CODED_ID = /^(?:[A-GI-PR-Z]|[A-Z]{0,2}LO|[CP]O)\d{1,2}(?:\.\d{1,2})*$/;
const BARE_ID = new RegExp(String.raw`^[A-Z]{1,6}${ID_NUMBER}[a-z]?$`);

/** An explicit ID at `from`: `**LO1**`, `**LO1.2:**`, `` `LO1` ``, `[LO1]`, `LO1:`, `**ELO 1.1:**`. */
export function readId(
  b: Builder,
  plain: PlainText,
  from: number,
): { id: string; start: number; end: number; written?: number } | null {
  const rest = plain.text.slice(from);
  const m = SPACED_AT_START.exec(rest) ?? TOKEN_AT_START.exec(rest);
  if (!m) return null;
  // "**ELO 1.1:**" is the ID ELO1.1 (references.ts, canonicalId).
  const token = canonicalId(m[2]!);
  if (!/\d/.test(token) || !/[A-Za-z]/.test(token)) return null;
  const bracketed = !!m[1] && !!m[3];
  if (!!m[1] !== !!m[3]) return null;
  const srcStart = plain.offsets[from]!;
  const before = b.text[srcStart - 1];
  const wrapped = bracketed || before === '*' || before === '_' || before === '`';
  const after = rest.slice(m[0].length);
  const colon = !!m[4] || /^\s*:/.test(after);
  // "LO1 – Recognise ...", "LO1 - ...", "LO1) ...", "LO1. ...": an ID of letters and a number,
  // then a dash, a parenthesis or a full stop.
  const separated = SEPARATED_ID.test(m[2]!) && /^(?:\s+[–—-]|\s*[–—]|[.)])\s/.test(after);
  // "LO1 Explain how a bond is priced", "CLO2 Describe ...", BTEC's "P1 Describe ...": an ID in
  // capitals and a number, then a space and the objective's behaviour at once, or a learning
  // outcome's code (or one letter) and a number before a capitalised word ("LO4 Knowledge of
  // ..."). Not a quarter or a year ("Q1 Deliver ...", "FY2027 Reduce ..."), "CO2 emissions",
  // "HTML5 Canvas".
  const loose = !wrapped && !colon && !separated;
  const coded = loose && CODED_ID.test(m[2]!) && /^ [A-Z][a-z]/.test(after);
  const bare =
    loose &&
    !coded &&
    BARE_ID.test(m[2]!) &&
    !/^(?:Q|FY|CY|AY|SY|H|PM)\d/.test(m[2]!) &&
    /^\s+\p{Lu}/u.test(after) &&
    readObjectiveForRecognition(after.trimStart(), b.lex).verb?.start === 0;
  if (loose && !coded && !bare) return null;
  let end = from + m[0].length;
  const tail = /^\s*[:.)–—-]?\s*/.exec(plain.text.slice(end));
  if (tail) end += tail[0].length;
  const idStart = from + (m[1] ? 1 : 0);
  return { id: token, start: idStart, end, written: m[2]!.length };
}

/**
 * Where the items of one list, table, directive or paragraph go: their section and source, how
 * each item's kind is decided, and the verb a lead-in carries. Blocks are opened as the first
 * item of each kind arrives, so a block never stands empty and every item's block is of its own
 * kind.
 */
export interface ItemSink {
  section: number;
  source: BlockSource;
  span: Span;
  leadIn: LeadIn | null;
  rule: KindRule;
  blocks: Partial<Record<ItemKind, Block>>;
  /** Named by a weak name its items bore out ("## Goals"): its blocks are marked so. */
  weak?: boolean;
  /** Named "Success indicators": its outcomes' block is marked so (Block.indicators). */
  indicators?: boolean;
}

/**
 * How an item's kind is decided (OUTLINE-CONVENTIONS.md section 4): by its block alone, or by
 * what the item says where the block's name has two meanings: the academic "learning outcomes"
 * are learner statements unless an item reads as a metric; a block of "outcomes" holds metrics
 * unless an item reads as a learner statement.
 */
export type KindRule =
  | ItemKind
  | 'objective-unless-metric'
  /** "Goals", "Program goals": learner statements, unless an item is a measure that no learner
   * states ("New agents reach a CSAT of 4.5/5 by day 60": a workplace plan's goals). */
  | 'goal'
  | 'outcome-unless-learner'
  /** A school's success criteria: as outcome-unless-learner, and the block's objectives state
   * the degree of the learning intentions of their section (markCriteria). */
  | 'criteria'
  /** A lesson's "Completion standards": the learner's performance to a standard, always
   * objectives, which state the degree of the objectives of their section as success criteria
   * do. */
  | 'standards'
  /** A published standard's statements (an apprenticeship's KSBs): always objectives, their
   * block marked `standard`. */
  | 'standard'
  /** "## Evaluation" holding measured changes on the job beside its tests: a change is an
   * outcome (Kirkpatrick 3-4), anything else what the name says, an assessment. */
  | 'assessment-unless-change'
  /** "Your performance will be evaluated on:", "You will be graded on:": the review's criteria
   * or the graded work are assessments; an item that reads as a metric ("First-visit fix rate
   * rises from 62% to 75% within six months") is an outcome. */
  | 'assessment-unless-metric'
  /** "## Evaluation plan": measures are outcomes, but a test of learning named as such ("Written
   * knowledge test at the end of the session") is an assessment, not an outcome lacking a
   * target. */
  | 'outcome-unless-test';

export function newSink(
  section: number,
  source: BlockSource,
  span: Span,
  rule: KindRule,
  leadIn: LeadIn | null = null,
): ItemSink {
  return { section, source, span, leadIn, rule, blocks: {} };
}

function blockFor(b: Builder, sink: ItemSink, kind: ItemKind, labelled: boolean): Block {
  const open = sink.blocks[kind];
  if (open) return open;
  const block = newBlock(b, kind, sink.source, sink.section, sink.span, sink.leadIn);
  if ((sink.rule === 'criteria' || sink.rule === 'standards') && kind === 'objective')
    block.criteria = true;
  if (sink.weak) block.weak = true;
  if (sink.indicators && kind === 'outcome') block.indicators = true;
  if (sink.rule === 'standard' && kind === 'objective') block.standard = true;
  // A label that sets an item apart from what its block holds ("- Outcome: ..." among
  // objectives) does not make the block the other kind's block.
  if (labelled && kind !== primaryKind(sink.rule)) block.labelledAside = true;
  sink.blocks[kind] = block;
  return block;
}

function primaryKind(rule: KindRule): ItemKind {
  if (
    rule === 'assessment' ||
    rule === 'assessment-unless-change' ||
    rule === 'assessment-unless-metric'
  )
    return 'assessment';
  return rule === 'outcome' ||
    rule === 'outcome-unless-learner' ||
    rule === 'criteria' ||
    rule === 'outcome-unless-test'
    ? 'outcome'
    : 'objective';
}

function decideKind(rule: KindRule, plain: string, lex: Builder['lex']): ItemKind {
  if (rule === 'objective' || rule === 'outcome' || rule === 'assessment') return rule;
  if (rule === 'standards' || rule === 'standard') return 'objective';
  // A school's success criterion in the learner's voice ("I can ...", "I have drawn a food web
  // with at least 8 organisms") is the learner's, whatever it counts.
  if (rule === 'criteria' && /^\s*(?:i|we)\s+(?:can|have|['’]ve|will|am|know)\b/i.test(plain))
    return 'objective';
  if (rule === 'outcome-unless-test' && !readsAsMetric(plain) && namesLearningTest(plain))
    return 'assessment';
  const change = readsAsChange(plain);
  // "Pass the certification exam with 80% or higher" among a plan's success metrics: the exam
  // and its mark to reach, how learning is checked (Kirkpatrick level 2), not a business
  // outcome owed a timeframe. A change in a pass rate, or a mark with its date, is a measure.
  if (
    (rule === 'outcome-unless-learner' || rule === 'outcome-unless-test') &&
    !change &&
    namesPassMark(plain) &&
    readOutcome(plain).timeframe === null
  )
    return 'assessment';
  if (rule === 'assessment-unless-change')
    return readsAsJobChange(plain) ? 'outcome' : 'assessment';
  if (rule === 'assessment-unless-metric') return readsAsMetric(plain) ? 'outcome' : 'assessment';
  if (rule === 'objective-unless-metric') return change ? 'outcome' : 'objective';
  if (rule === 'goal')
    return change || (readsAsMeasure(plain) && !readsAsLearnerStatement(plain, lex))
      ? 'outcome'
      : 'objective';
  if (change || readsAsMeasure(plain)) return 'outcome';
  return readsAsLearnerStatement(plain, lex) ? 'objective' : 'outcome';
}

/**
 * Whether an item of an evaluation plan names a test of learning (Kirkpatrick level 2) at its
 * start: "Written knowledge test (20 questions) ...", "Practical driving test scored against
 * ...", "Pre-test and post-test", "Knowledge check after each module". Observations, audits and
 * surveys measure the job and stay outcomes.
 */
export function namesLearningTest(plain: string): boolean {
  return testText(LEARNING_TEST, plain);
}
const LEARNING_TEST = lazy(
  String.raw`^\s*(?:[\p{L}\d'’-]+\s+){0,3}?(?:(?:pre|post)-?tests?|tests?|exams?|examinations?|quiz(?:zes)?|knowledge\s+checks?|role[- ]?plays?|check-?offs?|osces?|skills?\s+(?:tests?|checks?|assessments?)|(?:practical|written)\s+assessments?)(?![\p{L}\d-])(?!\s+(?:scores?|results?|pass\s+rates?|marks?)\b)`,
  'iu',
);

/**
 * A test of learning with the mark to reach in it: "Pass the certification exam with 80% or
 * higher", "Certification exam: minimum 80%", "Final quiz: at least 8/10 to pass". Not a
 * score of work on the job ("QA scores: 85% pass": no test named).
 */
function namesPassMark(plain: string): boolean {
  return testText(TEST_OF_LEARNING, plain) && testText(PASS_MARK, plain);
}
const TEST_OF_LEARNING = lazy(
  String.raw`\b(?:(?:pre|post)-?tests?|tests?|exams?|examinations?|quiz(?:zes)?|knowledge\s+checks?|certification(?:\s+(?:exams?|tests?|assessments?))?|(?:final|written|practical|end-of-[\p{L}-]+)\s+assessments?)\b`,
  'iu',
);
const PASS_MARK = lazy(
  String.raw`(?:\bpass(?:es|ed|ing)?\b|\bminimum(?:\s+(?:of|score|mark))?|\bat\s+least|\bor\s+(?:higher|above|more|better)\b|[≥>]=?)[^.;]{0,40}?\d+(?:[.,]\d+)?\s*(?:%|\/\s*\d+|\s+out\s+of\s+\d+|\s+percent\b)|\d+(?:[.,]\d+)?\s*(?:%|\/\s*\d+|\s+percent\b)[^.;]{0,30}?(?:\bor\s+(?:higher|above|more|better)\b|\bto\s+pass\b|\bpass(?:\s+mark)?\b)`,
  'iu',
);

/**
 * A learner statement: it starts with a behaviour in the base form ("Escalate a NEWS2 score of
 * 5 ...", "Be able to ...") or says "able to". Not one: a goal for the business ("Improve
 * security awareness"), a deliverable of the trainer ("Publish a manual"), a noun phrase that
 * starts with a word that can be a verb ("Reported phishing emails reach ...").
 */
function readsAsLearnerStatement(plain: string, lex: Builder['lex']): boolean {
  if (/\bable\s+to\b/i.test(plain)) return true;
  // "The legal studies minor will be capable of identifying ...": a learner's behaviour.
  if (testText(CAPABLE_OF, plain)) return true;
  const reading = readObjectiveForRecognition(plain, lex);
  const verb = reading.verb;
  if (!verb || reading.verbFromLeadIn) return false;
  const word = plain.slice(verb.start, verb.end).split(/\s+/)[0]!.toLowerCase();
  if (!reading.vague && lex.lemma(word) !== word) return false;
  if (OUTCOME_VERBS.has(verb.lemma)) return false;
  return readOutcome(plain).output === null;
}

/** Verbs that name a change in the business, not a behaviour of a learner. */
const OUTCOME_VERBS = new Set(
  `improve increase reduce decrease raise lower cut boost grow maintain sustain achieve eliminate
  minimise minimize maximise maximize strengthen enhance halve double triple accelerate`.split(
    /\s+/,
  ),
);

/** The parts of an item's first paragraph: numbering, ID, label, body, trailing ID. */
interface ItemParts {
  kind: ItemKind;
  label: string | null;
  id: string | null;
  idSpan: Span | null;
  body: string;
  offsets: number[];
  /** The Kirkpatrick level a label gives a measure ("Level 3:"), or null. */
  level: KirkpatrickLevel | null;
}

function splitItem(
  b: Builder,
  plain: PlainText,
  rule: KindRule,
  options: { labels: boolean; exact: boolean },
): ItemParts {
  let pos = skipPrefix(plain.text);
  // "KR1:" labels a key result (its number is not an ID).
  const keyResult = options.labels ? readKeyResultLabel(plain.text, pos) : null;
  let idInfo = keyResult ? null : readId(b, plain, pos);
  if (idInfo) pos = idInfo.end;
  let labelText: string | null = null;
  let labelKind: ItemKind | null = null;
  const label = keyResult ?? (options.labels ? readLabel(plain.text, pos) : null);
  if (label) {
    labelKind = label.kind;
    labelText = label.label;
    // "Exercise 2:" numbers an exercise; only "Quiz Q2:" names an ID.
    const numberOnly = label.kind === 'assessment' && /^\d/.test(label.id?.text ?? '');
    if (!idInfo && label.id && !numberOnly)
      idInfo = { id: label.id.text, start: label.id.start, end: label.end };
    pos = label.end;
    if (!idInfo) {
      const after = readId(b, plain, pos);
      if (after) {
        idInfo = after;
        pos = after.end;
      }
    }
  }
  // "Level 3 (Behaviour):", "Kirkpatrick level 4:", "Reaction:" before a measure of an
  // evaluation plan: the Kirkpatrick level the author gives it, not part of the measure.
  let level: KirkpatrickLevel | null = null;
  if (!label && OUTCOME_RULES.has(rule)) {
    const m = KIRKPATRICK_LABEL.exec(plain.text.slice(pos));
    if (m) {
      level = levelOfLabel(m);
      pos += m[0].length;
    }
  }
  let end = plain.text.length;
  const trailing = execText(TRAILING_ID, plain.text);
  let trailingStart = trailing?.index ?? -1;
  while (trailingStart > 0 && /\s/.test(plain.text[trailingStart - 1]!)) trailingStart--;
  let idSpan: Span | null = null;
  let id: string | null = null;
  if (trailing && trailingStart >= pos) {
    end = trailingStart;
    if (!idInfo) {
      const tokStart = trailing.index + 2;
      id = trailing[1]!;
      idSpan = { start: plain.offsets[tokStart]!, end: plain.offsets[tokStart + id.length]! };
    }
  }
  if (idInfo) {
    id = idInfo.id;
    idSpan = options.exact
      ? {
          start: plain.offsets[idInfo.start]!,
          end: plain.offsets[idInfo.start + (idInfo.written ?? idInfo.id.length)]!,
        }
      : null;
  }
  while (end > pos && /\s/.test(plain.text[end - 1]!)) end--;
  const body = plain.text.slice(pos, end);
  // A label decides the kind, except the two that mean either ("Learning outcome:").
  // So does a Kirkpatrick level's: a measure of the evaluation plan.
  const kind =
    level !== null
      ? 'outcome'
      : labelKind && !/^(?:learning outcome|performance objective)$/i.test(labelText ?? '')
        ? labelKind
        : decideKind(labelKind === 'outcome' ? 'objective-unless-metric' : rule, body, b.lex);
  return {
    kind,
    label: labelText,
    id,
    idSpan,
    body,
    offsets: plain.offsets.slice(pos, end + 1),
    level,
  };
}

/** The rules of blocks whose items are read as outcomes first. */
const OUTCOME_RULES = new Set<KindRule>([
  'outcome',
  'outcome-unless-learner',
  'outcome-unless-test',
]);
/** A Kirkpatrick level as a measure's label: "Level 3:", "Level 3 (Behaviour):", "Level 2 –
 * Learning:", "Kirkpatrick level 4:", "L4:", or the level's name alone ("Reaction:",
 * "Behaviour:"; "Results:" is an outcome label of its own). */
export const KIRKPATRICK_LABEL =
  /^\s*(?:(?:kirkpatrick\s+)?(?:level|lvl\.?|l)\s*([1-4])(?:\s*(?:\(\s*(?:reaction|learning|behaviou?r|results?)\s*\)|[-–—]\s*(?:reaction|learning|behaviou?r|results?)\b))?|(reaction|learning|behaviou?r))\s*[:：–—-]\s+/i;

function levelOfLabel(m: RegExpExecArray): KirkpatrickLevel {
  if (m[1]) return Number(m[1]) as KirkpatrickLevel;
  const name = m[2]!.toLowerCase();
  return name === 'reaction' ? 1 : name === 'learning' ? 2 : 3;
}

/**
 * Reads one item from plain text: a list item's first paragraph, a table cell, a sentence.
 * `span` is the whole item as written; `insertion` where a nested item would go. Returns the
 * item, or null when there is no text.
 */
export function addItem(
  b: Builder,
  sink: ItemSink,
  plain: PlainText,
  span: Span,
  options: {
    parent?: { kind: ItemKind; index: number } | null;
    labels?: boolean;
    exact?: boolean;
    insertion?: { at: number; indent: string } | null;
    leadVerb?: string | null;
    id?: { id: string; span: Span | null } | null;
    /** An assessment's task (the content under its heading, a div's body): its level is read
     * from these as well as from the item's own text. */
    task?: { texts: PlainText[]; body: Span | null; title?: boolean } | null;
    /** The kind whatever a label says (a heading named "Exercise 2" is an assessment). */
    kind?: ItemKind;
    /** References found outside the item's text (an assessment table's column of objectives). */
    references?: Reference[];
    /** The objective just before it in its list (readItem): its parent if it is a labelled
     * measure that names nothing. */
    beside?: { kind: ItemKind; index: number } | null;
  } = {},
): ItemBase | null {
  const exact = options.exact !== false;
  const parts = splitItem(b, plain, sink.rule, { labels: options.labels !== false, exact });
  if (!testText(LETTER_OR_DIGIT, parts.body)) return null;
  // "(Add more Objectives as needed)": the template's instruction, wherever it stands.
  if (!options.task && testText(ADD_MORE, parts.body)) return null;
  // "{% for outcome in area.outcomes %}{{ outcome }} {% endfor %}": nothing but a template's
  // tags (Jinja, Liquid, Handlebars), a slot filled in when the page is built.
  if (!options.task && parts.body.includes('{') && TEMPLATE_TAGS_ONLY.test(parts.body)) return null;
  // Levels 1 and 2 of an evaluation plan (reaction, learning) evaluate the training itself:
  // not outcomes (as a table's rows at those levels are not).
  if (parts.level !== null && parts.level <= 2 && (options.kind ?? parts.kind) === 'outcome')
    return null;
  let { id, idSpan } = parts;
  if (!id && options.id) ({ id, span: idSpan } = options.id);
  const kind = options.kind ?? parts.kind;
  const block = blockFor(b, sink, kind, parts.label !== null);
  const offsets = exact ? parts.offsets : new Array<number>(parts.body.length + 1).fill(span.start);
  if (!exact) offsets[offsets.length - 1] = span.end;
  const references = options.references?.length
    ? [...referencesOf(parts.body, offsets, id, kind, options.task ?? null), ...options.references]
    : referencesOf(parts.body, offsets, id, kind, options.task ?? null);
  const base: ItemBase = {
    kind,
    index:
      kind === 'objective'
        ? b.outline.objectives.length
        : kind === 'outcome'
          ? b.outline.outcomes.length
          : b.outline.assessments.length,
    id: id ?? generatedId(b, sink.section, kind),
    explicitId: id !== null,
    idSpan,
    text: parts.body.replace(/\s+/g, ' ').trim(),
    span,
    textSpan: { start: offsets[0]!, end: offsets[offsets.length - 1]! },
    section: sink.section,
    block: block.index,
    source: sink.source,
    label: parts.label,
    references,
    parent:
      options.parent ??
      (options.beside && measuresBeside({ kind, label: parts.label, references })
        ? options.beside
        : null),
    plain: parts.body,
    offsets,
    insertion: options.insertion ?? null,
  };
  const made = finishItem(b, base, block, options.leadVerb ?? null, options.task ?? null);
  if (parts.level !== null && made.kind === 'outcome')
    (made as Outcome).analysis.kirkpatrick = parts.level;
  return made;
}

/** A labelled measure ("Success measure:", "KPI:") that names no objective: written beside an
 * objective in a list, it measures that objective. */
function measuresBeside(item: Pick<ItemBase, 'kind' | 'label' | 'references'>): boolean {
  return (
    item.kind === 'outcome' && item.label !== null && !item.references.some((r) => r.syntactic)
  );
}

/** Reads a list item: its first paragraph, then nested lists under it. */
/** A pointer to what to read, not a learning: "Chapter 12 of R4DS", "Sections 5.1-5.3 of the
 * course notes", "pp. 10-24 in the reader" (lecture notes list it among their objectives). */
const READING_POINTER =
  /^(?:chapters?|ch\.|sections?|§|pages?|pp?\.)\s?\d+(?:\.\d+)*(?:\s?[-–,&]\s?\d+(?:\.\d+)*)*\s(?:of|in|from)\s[^.]*\.?$/i;

/** READING_POINTER, run only on an item whose first word could open one (a cold check of an
 * outline runs no pattern on its other items). */
function readingPointer(body: string): boolean {
  const head = body.slice(0, 8).toLowerCase();
  const opens = ['ch', 'sec', '§', 'pag', 'p.', 'pp.'].some((w) => head.startsWith(w));
  if (!opens) return false;
  return READING_POINTER.test(body);
}

/** Whether `line` opens an emphasis with `marker`: the marker followed by a letter or digit. */
function opens(line: string, marker: string): boolean {
  for (let i = line.indexOf(marker); i >= 0; i = line.indexOf(marker, i + 1))
    if (/[\p{L}\p{N}]/u.test(line[i + marker.length] ?? '')) return true;
  return false;
}

/**
 * Whether an item is a footnote: it opens with a marker ("*", "**", "†") that a word above it
 * in its section carries ("simple texts*", "vocabulary**"), as course pages copied from a word
 * processor end their lists ("*A simple text is a text of 150 to 250 words").
 */
function footnote(b: Builder, sink: ItemSink, at: number, body: string): boolean {
  // The first character first: most items start with a letter, and run no pattern.
  if (body[0] !== '*' && body[0] !== '†' && body[0] !== '‡') return false;
  const m = /^(\*{1,3}|†{1,2}|‡)(?=\p{L})/u.exec(body);
  if (!m) return false;
  const from = b.outline.sections[sink.section]?.span.start ?? 0;
  const above = b.text.slice(from, at);
  const marker = m[1]!;
  for (let i = above.indexOf(marker); i >= 0; i = above.indexOf(marker, i + 1)) {
    const before = above[i - 1] ?? '';
    const after = above[i + marker.length] ?? '';
    if (!/[\p{L}\p{N}]/u.test(before) || after === marker[0]) continue;
    // "**By the end of this module**,": a marker that closes an emphasis opened earlier on its
    // line marks no word.
    const line = above.slice(above.lastIndexOf('\n', i) + 1, i);
    if (!opens(line, marker)) return true;
  }
  return false;
}

export function readItem(
  b: Builder,
  item: ListItem,
  sink: ItemSink,
  parent: { kind: ItemKind; index: number } | null,
  leadVerb: string | null,
  /** The objective just before it in its list: a labelled measure ("Success measure: ...")
   * written beside an objective measures it. */
  beside: { kind: ItemKind; index: number } | null = null,
): ItemBase | null {
  const first = item.children[0];
  if (!first || first.type !== 'paragraph') return null;
  const span = off(b, first);
  // The same paragraph read with the same rule and verb in the last build: its item is moved
  // and placed, not read again (reuse.ts).
  const memo = b.reads?.memo(b.text, first, span);
  const kept = memo?.item;
  let made: ItemBase | null = null;
  if (kept && kept.by !== b.reads && kept.rule === sink.rule && kept.leadVerb === leadVerb) {
    made = placeItem(b, sink, kept, span, parent ?? (measuresBeside(kept.made) ? beside : null));
    kept.by = b.reads!;
  } else {
    const plain = plainOf(b, first.children);
    // "Learning activities: ...", "Support needed: ...": a part of the plan, no item.
    const body = plain.text.slice(skipPrefix(plain.text));
    // "{{Actionable outcome}}", "[Professional competence 1]": a template's placeholder, not
    // an objective yet.
    made =
      ASIDE_LABEL.test(body) ||
      isMeasureNote(body) ||
      testText(PLACEHOLDER, body) ||
      footnote(b, sink, span.start, body) ||
      (body.length <= 80 && readingPointer(body)) ||
      (body.length <= 80 && NAMED_SLOT.test(body)) ||
      (item.children.length === 1 &&
        body.length <= 40 &&
        body.trimEnd().endsWith(':') &&
        testText(EMPTY_FIELD, body) &&
        namesField(b, body)) ||
      unitName(b, body)
        ? null
        : addItem(b, sink, plain, span, {
            parent,
            leadVerb,
            insertion: insertionAfter(b, span),
            beside,
          });
    // Every field written here, those set later too: an object given a field after it is made
    // keeps it in a separate property array, one more object to reach on every build.
    if (memo)
      memo.item = made
        ? {
            made,
            rule: sink.rule,
            leadVerb,
            by: b.reads!,
            slots: undefined,
            ownVerb: undefined,
            genKey: undefined,
            genCount: undefined,
          }
        : undefined;
  }
  if (!made) return null;
  // Nested lists: outcomes nested under an objective measure it; unlabelled sub-items of an
  // objective are sub-objectives, unless the objective ends with ":" or introduces examples
  // ("..., such as", "including", "e.g."): they complete it; or they are its ABCD parts
  // ("- Condition: ...", "- Degree: ...").
  const self = { kind: made.kind, index: made.index };
  let abcd: Objective['abcd'] = null;
  for (let c = 1; c < item.children.length; c++) {
    const child = item.children[c]!;
    if (child.type !== 'list') continue;
    if (made.kind === 'objective' && !abcd && (abcd = abcdParts(b, child))) continue;
    const prev = item.children[c - 1];
    const namedKind =
      prev?.type === 'paragraph' && c > 1
        ? (blockName(plainTextOf(b, prev.children))?.kind ?? nestedLeadKind(b, prev))
        : null;
    if (made.kind === 'objective' && (namedKind === 'outcome' || namedKind === 'assessment')) {
      const nested = newSink(sink.section, 'nested', off(b, child), namedKind);
      for (const sub of child.children) readItem(b, sub, nested, self, null);
    } else if (
      made.kind === 'objective' &&
      !completedBySubItems(made.plain) &&
      !((made as Objective).analysis.verb && topicsOnly(b, child))
    ) {
      const nested = newSink(sink.section, 'nested', off(b, child), 'objective');
      for (const sub of child.children) readItem(b, sub, nested, self, leadVerb);
    } else {
      findLabelledItems(b, child, sink.section, self);
    }
  }
  // Written only where it changes (an item reused from the last build keeps its object).
  if (made.kind === 'objective') {
    const o = made as Objective;
    if (abcd || o.abcd) o.abcd = abcd;
  }
  return made;
}

/**
 * Whether a list nested under an objective names its topics, not objectives of their own: most
 * of its items have no behaviour verb or are questions the lesson answers ("- Use Git to track
 * changes" over "- commits", "- branches", "- What is a remote?"; "- Understand the basics of
 * HTML" over "- Document structure", "- Indentation", "- What is a tag?"). A list whose items
 * state behaviours ("- Create a repository") is one of sub-objectives.
 */
function topicsOnly(b: Builder, list: List): boolean {
  let topics = 0;
  for (const sub of list.children) {
    const p = sub.children[0];
    if (!p || p.type !== 'paragraph') return false;
    const text = plainTextOf(b, p.children).trim();
    // The full reading: a passive performance criterion ("Work instructions are obtained") states
    // a behaviour.
    if (/\?$/.test(text) || !readObjective(text, b.lex, null).verb) topics++;
  }
  return topics * 2 > list.children.length;
}

/** A template's placeholder as the whole item, after an optional short label: "{{Actionable
 * outcome}}", "[[what learner does]]" (in backticks or not), "[Professional competence 1]".
 * Not a "[TODO ...]": that is the skeleton a quick fix writes ("Assessment: [TODO a task or
 * question that shows this objective]"), an item of its label's kind for the author to fill
 * in, which answers the finding that offered it. */
const PLACEHOLDER = lazy(
  String.raw`^\s*(?:[\p{L}][\p{L}\p{N}. ]{0,24}:\s*)?\x60?(?:\{\{[^{}\n]*\}\}|\[\[[^[\]\n]*\]\]|\[(?![Tt][Oo][Dd][Oo]\b)[^[\]\n]{1,80}\])\x60?[\s.]*$`,
  'u',
);

/** A template's instruction to its user in the place of more items: "(Add more Key Results as
 * needed)", "Add additional objectives here". */
const ADD_MORE = lazy(
  String.raw`^\s*\(?\s*(?:add|insert|include|list)\s+(?:more|additional|other|further)\s+[\p{L} ]{1,40}?\s+(?:as\s+(?:needed|required|necessary|appropriate)|if\s+(?:needed|required|necessary)|here)\s*\)?[\s.]*$`,
  'iu',
);

/** A template's item that only names what goes in its place: "First learning objective",
 * "Learning outcome 1", "Objective #2", "Behavior #1 (observable):" (a hint in parentheses after
 * the number), "Include learning objectives here". An ordinal or a
 * number (or "here") is needed: "Learning objectives" alone may be a topic. (ASCII only: the
 * words are English; tried on items of at most 80 characters.) */
const SLOT_KIND = String.raw`(?:(?:learning|course|lesson|module|session|unit|program|programme|student|intended|key|specific|performance)\s+){0,2}(?:objective|outcome|goal|aim|competency|competence|result|behaviou?r|skill)s?`;
const NAMED_SLOT = new RegExp(
  String.raw`^\s*(?:(?:(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|another|next|last)\s+${SLOT_KIND})|(?:${SLOT_KIND}\s*(?:#|no\.?)?\s*(?:\d{1,2}|[a-h]|[ivx]{1,4})(?:\.\d{1,2})?(?:\s*\([^()\n]{1,60}\))?)|(?:(?:(?:insert|include|add|list|write|enter|put|type|state)\s+)?(?:your\s+|the\s+)?${SLOT_KIND}\s+(?:go\s+|goes\s+)?here))[\s.:…]*$`,
  'i',
);

/** Text made of template tags alone: "{{ outcome }}", "{% for x in xs %}{{ x }} {% endfor %}". */
const TEMPLATE_TAGS_ONLY = /^[\s*\-.,;:|]*(?:(?:\{\{[^{}\n]*\}\}|\{%[^{}\n]*%\})[\s.,;:|]*)+$/;

/** A form's field with nothing written after it: "Evidence:", "Practiced in:", "Prior
 * knowledge:" (a template's fields for its user to fill in; an item with a nested list under
 * it, "Explain the following:", is completed by its items). */
const EMPTY_FIELD = lazy(String.raw`^\s*[\p{L}][\p{L} /'’-]{0,30}:\s*$`, 'u');

/** Whether an item that reads as a form's empty field ("Evidence:", "Practiced in:", "Name of
 * trainer:") names a field rather than asking for a behaviour: a behaviour's verb as written
 * ("Identify the hazards:", "Describe the rock types:", "Understand the following:", whose
 * parts stand in a list after it that is not nested) makes it an objective. */
function namesField(b: Builder, body: string): boolean {
  const verb = readObjective(body, b.lex, null).verb;
  if (!verb) return true;
  const word = verb.text.toLowerCase();
  // "Practiced in:", "Assessed by:" (a participle), "Name of trainer:" (a noun before "of").
  return word !== verb.lemma || /^\s+of\b/i.test(body.slice(verb.end));
}

/** A unit's label and name as the whole item: "Unit 1: Fractions", "Module 2 – Decimals",
 * "Topic 3. Area and Perimeter" (a state course map's or scope and sequence's list of units).
 * (ASCII only: the words are English; tried on items of at most 80 characters.) */
const UNIT_WORDS = ['unit', 'module', 'topic', 'chapter', 'strand', 'theme', 'quarter', 'cycle'];
const UNIT_NAME =
  /^\s*(?:unit|module|topic|chapter|strand|theme|quarter|cycle)\s+(?:\d{1,2}[a-z]?|[ivx]{1,4})\s*(?:[:.\u2013\u2014-]\s*(.*?))?[\s.]*$/i;

/**
 * Whether an item only names a unit: its label and a name that states no behaviour ("Unit 1:
 * Fractions"), or a name in Title Case ("Module 4: Multiply and Divide Within 100", a unit's
 * title even with a verb in it). A labelled item in sentence case that states a behaviour
 * ("Unit 5: Compare fractions with the same numerator") is an objective.
 */
function unitName(b: Builder, body: string): boolean {
  if (body.length > 80) return false;
  // The label's word first, by a string search: no pattern runs on every item.
  const head = body.trimStart().slice(0, 8).toLowerCase();
  if (!UNIT_WORDS.some((w) => head.startsWith(w))) return false;
  const m = UNIT_NAME.exec(body);
  if (!m) return false;
  const name = (m[1] ?? '').trim();
  if (!name) return true;
  const long = name.split(/\s+/).filter((w) => /^[\p{L}]{4,}/u.test(w));
  if (long.length >= 2 && long.every((w) => /^\p{Lu}/u.test(w))) return true;
  return !readObjective(name, b.lex, null).verb;
}

/** Whether every item of a list only names a unit ("- Unit 1: Fractions", "- Unit 2:
 * Decimals"), with no nested list under any. */
export function unitNamesOnly(b: Builder, list: List): boolean {
  if (!list.children.length) return false;
  for (const item of list.children) {
    const p = item.children[0];
    if (!p || p.type !== 'paragraph' || item.children.length > 1) return false;
    if (!unitName(b, plainTextOf(b, p.children).trim())) return false;
  }
  return true;
}

/** An objective that its nested items complete: it ends with a colon, or with words that
 * introduce examples ("Run commands that accomplish tasks, such as" + a list of tasks). */
function completedBySubItems(text: string): boolean {
  // The last words only: the pattern is tried on a bounded tail, never on a long text.
  const tail = text.trimEnd().slice(-40);
  return tail.endsWith(':') || COMPLETED_BY_SUB_ITEMS.test(tail);
}
const COMPLETED_BY_SUB_ITEMS =
  /\b(?:such\s+as|including|includes|e\.\s?g|for\s+(?:example|instance)|namely|as\s+follows|the\s+following)[\s,:.]*$/i;

/** An ABCD part as a sub-item's label: "Condition:", "**Degree:**", "Criterion –". */
const ABCD_PART =
  /^\s*(audience|behaviou?r|performance|conditions?|given|degree|criterion|criteria|standards?)\s*[:：–—-]\s*/i;

/**
 * The ABCD model's parts written as the sub-items of an objective ("- Audience: service desk
 * agents", "- Condition: given a new laptop", "- Degree: within 10 minutes, with no errors"):
 * every sub-item labelled with a part, a condition or a degree among them. They are not
 * objectives of their own; the degree's measurable criterion is the objective's. Null for any
 * other list.
 */
function abcdParts(b: Builder, list: List): NonNullable<Objective['abcd']> | null {
  if (list.children.length > 6) return null;
  let condition: Located | null = null;
  let degree: Located | null = null;
  let stated = false;
  for (const sub of list.children) {
    const p = sub.children[0];
    if (!p || p.type !== 'paragraph' || sub.children.length > 1) return null;
    const plain = plainOf(b, p.children);
    const m = ABCD_PART.exec(plain.text);
    if (!m) return null;
    const part = m[1]!.toLowerCase();
    const from = m[0].length;
    if (/^(?:conditions?|given)$/.test(part)) {
      stated = true;
      condition ??= locatedIn(plain, from, plain.text.trimEnd().length);
    } else if (/^(?:degree|criterion|criteria|standards?)$/.test(part)) {
      stated = true;
      const found = degree ? null : criterionIn(plain.text.slice(from));
      if (found) degree = locatedIn(plain, from + found.start, from + found.end);
    }
  }
  return stated ? { condition, degree } : null;
}

/** The text from `from` to `to` of a plain text, located in the source. */
function locatedIn(plain: PlainText, from: number, to: number): Located | null {
  if (to <= from) return null;
  return {
    text: plain.text.slice(from, to),
    span: { start: plain.offsets[from]!, end: plain.offsets[to - 1]! + 1 },
  };
}

/** Outside any block: items that carry a label ("Objective: ...", "KPI: ..."), at any depth. */
export function findLabelledItems(
  b: Builder,
  list: List,
  section: number,
  parent: { kind: ItemKind; index: number } | null,
): void {
  for (const item of list.children) {
    const first = item.children[0];
    let made: ItemBase | null = null;
    if (first?.type === 'paragraph') {
      const plain = plainOf(b, first.children);
      const start = skipPrefix(plain.text);
      const label = readLabel(plain.text, start);
      // "Result:" and "Metric:" are everyday words too ("4. Result: requests are spread"):
      // outside a named block they label an outcome only when what follows is a measure.
      const weak = label && /^(?:result|metric)$/i.test(label.label);
      // "Project:" and "Lab:" too: they label an assessment only where it asks something.
      const rest = label ? plain.text.slice(label.end) : '';
      const idle =
        label !== null &&
        (GRADED_LABEL.test(label.label)
          ? !gradedLabelNames(rest, b.lex)
          : WEAK_TASK_LABEL.test(label.label) && readTask([rest], b.lex).level === null);
      if (label && !idle && (!weak || readsAsMetric(rest))) {
        const sink = newSink(section, parent ? 'nested' : 'label', off(b, item), label.kind);
        made = readItem(b, item, sink, parent, null);
      }
    }
    // "- **Learning objectives:**" with a nested list: the item names the list under it.
    const named =
      !made && first?.type === 'paragraph' && item.children.length > 1
        ? namedBlock(plainTextOf(b, first.children))
        : null;
    if (!made) {
      for (const child of item.children) {
        if (child.type !== 'list') continue;
        if (named) {
          const sink = newSink(section, 'label', off(b, child), ruleOf(named));
          for (const sub of child.children) readItem(b, sub, sink, parent, null);
        } else findLabelledItems(b, child, section, parent);
      }
    }
  }
}

function nestedLeadKind(b: Builder, p: Paragraph): ItemKind | null {
  const t = plainTextOf(b, p.children).trim();
  if (/^(?:measured\s+by|evidence|success\s+measures?|kpis?|outcomes?)\s*:?$/i.test(t))
    return 'outcome';
  return /^(?:assessed\s+by|checked\s+by|assessments?|assessment\s+tasks?|exercises?|quiz(?:zes)?)\s*:?$/i.test(
    t,
  )
    ? 'assessment'
    : null;
}

/** An item's references; an assessment's also those written in its task ("Assesses: LO2",
 * "(ILO1, ILO3)"), but not bare IDs there, which may be anything in a task's text. */
function referencesOf(
  body: string,
  offsets: number[],
  id: string | null,
  kind: ItemKind,
  task: { texts: PlainText[] } | null,
): Reference[] {
  const own = findReferences(body, offsets, id);
  if (kind !== 'assessment' || !task) return own;
  const seen = new Set(own.map((r) => r.span.start));
  for (const t of task.texts)
    for (const r of findReferences(t.text, t.offsets, id))
      if (r.syntactic && !seen.has(r.span.start)) {
        seen.add(r.span.start);
        own.push(r);
      }
  return own;
}

function generatedId(b: Builder, section: number, kind: ItemKind): string {
  const key = nextGenerated(b, section, kind);
  return `${key}-${b.sectionCounters.get(key)!}`;
}

/** Counts one more generated ID of a kind in a section; returns its counter's key
 * ("slug#kind"): the ID is the key, "-" and the count. */
function nextGenerated(b: Builder, section: number, kind: ItemKind): string {
  // The counter's key is made once per section and kind in a build: the section's title and
  // parents are known by its first item. (One string per item, made to look up its counter,
  // cost an edit of a long outline more than placing the item.)
  const slot = section * 3 + (kind === 'objective' ? 0 : kind === 'outcome' ? 1 : 2);
  let key = b.sectionSlugs.get(slot);
  if (key === undefined) {
    const slug = section === 0 ? 'course' : sectionSlug(b, b.outline.sections[section]!);
    key = keyString(`${slug}#${kind}`);
    b.sectionSlugs.set(slot, key);
  }
  b.sectionCounters.set(key, (b.sectionCounters.get(key) ?? 0) + 1);
  b.record?.touched.push(key);
  return key;
}

/** The one string of a generated IDs' counter key, kept across builds: a reused item's memo
 * keeps the key and count its ID was last made or checked with (placeItem), compared by
 * reference. Bounded, as the titles' slugs are. */
function keyString(key: string): string {
  return KEY_STRINGS.get(key) ?? KEY_STRINGS.set(key, key);
}
const KEY_STRINGS = memo<string, string>(20_000);

/** Is `id` the generated ID `key`-`n`? (Compared in place: a reused item's ID is most often
 * the same, and making the string to compare it cost a string per item and edit.) */
function isGenerated(id: string, key: string, n: number): boolean {
  const from = key.length + 1;
  if (id.length <= from || id.charCodeAt(key.length) !== 45) return false;
  // The count read from the ID's digits (no string made for it), as String(n) writes it: no
  // leading zero.
  if (id.charCodeAt(from) === 48 && id.length > from + 1) return false;
  let value = 0;
  for (let i = from; i < id.length; i++) {
    const c = id.charCodeAt(i) - 48;
    if (c < 0 || c > 9 || value > n) return false;
    value = value * 10 + c;
  }
  return value === n && id.startsWith(key);
}

function sectionSlug(b: Builder, s: Section): string {
  const parts: string[] = [];
  for (
    let cur: Section | undefined = s;
    cur && cur.index !== 0;
    cur = cur.parent === null ? undefined : b.outline.sections[cur.parent]
  ) {
    parts.unshift(titleSlug(cur.title) || `section-${cur.index}`);
  }
  return parts.join('/');
}

/** A title's part of a generated ID, by title: every build after an edit made the parts of every
 * section's title again (two regular expressions each, 2% of an edit of a long outline). */
const TITLE_SLUGS = memo<string, string>(20_000);

function titleSlug(title: string): string {
  let slug = TITLE_SLUGS.get(title);
  if (slug === undefined) {
    const lower = title.toLowerCase();
    // Bounded: the titles of a few long outlines; a workspace of many starts again.
    slug = TITLE_SLUGS.set(
      title,
      lower
        .replace(forText(NOT_LETTERS_OR_DIGITS, lower), '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 40),
    );
  }
  return slug;
}

/**
 * An item read in the last build from a paragraph that is unchanged, placed in this outline:
 * moved to where the paragraph now stands, with this build's index, block, section, source,
 * parent and generated ID, and no links (the workspace makes them again).
 */
function placeItem(
  b: Builder,
  sink: ItemSink,
  kept: NonNullable<ParagraphMemo['item']>,
  span: Span,
  parent: { kind: ItemKind; index: number } | null,
): ItemBase {
  const item = kept.made;
  const delta = span.start - item.span.start;
  if (delta)
    moveItem(item, delta, (kept.slots ??= spanSlots((item as { analysis?: object }).analysis)));
  checkItemLimit(b, item.span.start);
  const kind = item.kind;
  const block = blockFor(b, sink, kind, item.label !== null);
  const { outline } = b;
  const list: ItemBase[] =
    kind === 'objective'
      ? outline.objectives
      : kind === 'outcome'
        ? outline.outcomes
        : outline.assessments;
  item.index = list.length;
  if (!item.explicitId) {
    // The last build's string where the ID is the same: compared by reference after (lint's
    // reuse of the item's findings compares it), not character by character.
    const key = nextGenerated(b, sink.section, kind);
    const n = b.sectionCounters.get(key)!;
    // The key and count it was last placed with: its ID is `key`-`n` still (only placing
    // writes a generated ID after the item is made), and the ID is not reached. (Read to be
    // compared, the ID string and the key cost a long outline's edit about 2%.)
    if (kept.genKey !== key || kept.genCount !== n) {
      if (!isGenerated(item.id, key, n)) item.id = `${key}-${n}`;
      kept.genKey = key;
      kept.genCount = n;
    }
  }
  item.section = sink.section;
  item.block = block.index;
  item.source = sink.source;
  // The parent is replaced only where it changed: an item kept from the last build lives in the
  // old generation, and each new object stored in it is one more entry the next scavenge visits.
  const was = item.parent;
  if (
    parent === null
      ? was !== null
      : was === null || was.kind !== parent.kind || was.index !== parent.index
  )
    item.parent = parent;
  // (Most items reference nothing: their empty list is kept, linking adds nothing to it.)
  if (item.references.length) item.references = freshReferences(item, delta);
  // No links: the shared empty list (compared by reference: reading each old list's length
  // touched two more objects per item, thousands per edit of a long outline).
  if (kind === 'objective') {
    const o = item as Objective;
    if (o.outcomes !== NO_LINKS) o.outcomes = NO_LINKS;
    if (o.assessments !== NO_LINKS) o.assessments = NO_LINKS;
  } else {
    const o = item as Outcome | Assessment;
    if (o.objectives !== NO_LINKS) o.objectives = NO_LINKS;
  }
  list.push(item);
  block.items.push(item.index);
  if (kind !== 'assessment') b.itemStarts.push(item.span.start);
  noteItem(b.notes, item, kind !== 'objective' || (kept.ownVerb ??= hasOwnVerb(item as Objective)));
  b.reads!.reused++;
  return item;
}

function checkItemLimit(b: Builder, at: number): void {
  const { outline } = b;
  const items = outline.objectives.length + outline.outcomes.length + outline.assessments.length;
  if (items >= MAX_ITEMS)
    throw new NotAnalysed(
      `Not analysed: the file has more than ${MAX_ITEMS.toLocaleString('en')} objectives, outcomes and assessments.`,
      at,
    );
}

function finishItem(
  b: Builder,
  base: ItemBase,
  block: Block,
  leadVerb: string | null,
  task: { texts: PlainText[]; body: Span | null; title?: boolean } | null,
): ItemBase {
  const { outline } = b;
  checkItemLimit(b, base.span.start);
  // Each kind's item is one literal naming every field of `base` (in its order) and its own:
  // V8 keeps them all in the object itself. Made by spreading `base`, an item kept four fields
  // in itself and sixteen in a separate property array: one more object to reach on every read
  // of a field, and every edit of a long outline reads the ~9,000 items in several passes
  // (placing them again, linking, lint). test/unit/object-shapes.test.ts checks the fields.
  if (base.kind === 'assessment') {
    const a: Assessment = {
      kind: 'assessment',
      index: base.index,
      id: base.id,
      explicitId: base.explicitId,
      idSpan: base.idSpan,
      text: base.text,
      span: base.span,
      textSpan: base.textSpan,
      section: base.section,
      block: base.block,
      source: base.source,
      label: base.label,
      references: base.references,
      parent: base.parent,
      plain: base.plain,
      offsets: base.offsets,
      insertion: base.insertion,
      analysis: assessmentAnalysis(b, base, task),
      objectives: NO_LINKS,
    };
    outline.assessments.push(a);
    block.items.push(a.index);
    noteItem(b.notes, a);
    return a;
  }
  if (base.kind === 'objective') {
    const r = readObjective(base.plain, b.lex, leadVerb);
    const o: Objective = {
      kind: 'objective',
      index: base.index,
      id: base.id,
      explicitId: base.explicitId,
      idSpan: base.idSpan,
      text: base.text,
      span: base.span,
      textSpan: base.textSpan,
      section: base.section,
      block: base.block,
      source: base.source,
      label: base.label,
      references: base.references,
      parent: base.parent,
      plain: base.plain,
      offsets: base.offsets,
      insertion: base.insertion,
      analysis: objectiveAnalysis(base, r),
      outcomes: NO_LINKS,
      assessments: NO_LINKS,
    };
    outline.objectives.push(o);
    block.items.push(o.index);
    b.itemStarts.push(o.span.start);
    noteItem(b.notes, o, hasOwnVerb(o));
    return o;
  }
  const r = readOutcome(base.plain);
  const o: Outcome = {
    kind: 'outcome',
    index: base.index,
    id: base.id,
    explicitId: base.explicitId,
    idSpan: base.idSpan,
    text: base.text,
    span: base.span,
    textSpan: base.textSpan,
    section: base.section,
    block: base.block,
    source: base.source,
    label: base.label,
    references: base.references,
    parent: base.parent,
    plain: base.plain,
    offsets: base.offsets,
    insertion: base.insertion,
    analysis: {
      target: loc(base, r.target),
      timeframe: loc(base, r.timeframe),
      vanity: loc(base, r.vanity),
      output: loc(base, r.output),
      kirkpatrick: r.kirkpatrick,
      placeholder: loc(base, r.placeholder),
    },
    objectives: NO_LINKS,
  };
  outline.outcomes.push(o);
  block.items.push(o.index);
  b.itemStarts.push(o.span.start);
  noteItem(b.notes, o);
  return o;
}

/** A grading weight: "30%", "20 points", "15 pts", "10 marks" (a line of a grading breakdown);
 * not a threshold to reach ("pass mark 80%", "at least 80% to pass", "70% or higher"). */
const WEIGHT = lazy(
  String.raw`(?<!\b(?:pass(?:ing)?\s+(?:mark|score|grade|rate|threshold|level)|at\s+least|minimum|min\.|score\s+of|scoring|above|over)\s+(?:of\s+|is\s+)?)(?<![\p{L}\p{N}.])\d{1,3}(?:\.\d+)?\s*(?:%|percent\b|per\s+cent\b|pts?\b|points?\b|marks?\b)(?!\s*(?:to\s+pass|or\s+(?:higher|more|above|better|over)|correct\b|accuracy\b|needed\b|required\b))`,
  'iu',
);

/** What an assessment asks: the highest level among its own text and its task's sentences. */
function assessmentAnalysis(
  b: Builder,
  item: ItemBase,
  task: { texts: PlainText[]; body: Span | null; title?: boolean } | null,
): Assessment['analysis'] {
  // A title that is only a name ("Practice", "Exercise 1: Summing") asks nothing itself.
  const sources: { text: string; offsets: number[] }[] = [
    ...(task?.title === false ? [] : [{ text: item.plain, offsets: item.offsets }]),
    ...(task?.texts ?? []),
  ];
  const r = readTask(
    sources.map((s) => s.text),
    b.lex,
  );
  const src = r.text >= 0 ? sources[r.text]! : null;
  const at = (p: { start: number; end: number }): Span => ({
    start: src!.offsets[p.start]!,
    end: src!.offsets[p.end]!,
  });
  // A question's numbers are its case's ("A patient with an HbA1c of 8.2% on metformin: which
  // agent would you add?"), never a grading weight.
  const w = r.form === 'question' ? null : execText(WEIGHT, item.plain);
  return {
    verb: src && r.verb ? { text: r.verb.lemma, span: at(r.verb) } : null,
    level: r.level,
    form: r.form,
    task: src && r.sentence ? { text: r.sentence.text, span: at(r.sentence) } : null,
    weight: w
      ? {
          text: w[0],
          span: { start: item.offsets[w.index]!, end: item.offsets[w.index + w[0].length]! },
        }
      : null,
    body: task?.body ?? null,
  };
}

function loc(item: ItemBase, s: PlainSpan | null): Located | null {
  if (!s) return null;
  return { text: s.text, span: { start: item.offsets[s.start]!, end: item.offsets[s.end]! } };
}

function objectiveAnalysis(item: ItemBase, r: ObjectiveReading): Objective['analysis'] {
  const at = (s: PlainSpan, text: string): Located => ({
    text,
    span: { start: item.offsets[s.start]!, end: item.offsets[s.end]! },
  });
  const behaviours = r.behaviours.map((b) => ({
    verb: at(b.verb, b.verb.lemma),
    level: b.level,
    alternatives: b.alternatives,
    vague: b.vague !== null,
    vaguePhrase: b.vague
      ? { ...at(b.vague, b.vague.text), key: b.vague.key, meant: b.vague.meant, how: !!b.real }
      : null,
    realVerb: b.real ? at(b.real, b.real.lemma) : null,
    known: b.known,
  }));
  const first = r.behaviours.findIndex((b) => b.vague);
  return {
    verb: behaviours[0]?.verb ?? null,
    level: r.level,
    alternatives: r.alternatives,
    vague: r.vague,
    vaguePhrase: first >= 0 ? behaviours[first]!.vaguePhrase : null,
    verbFromLeadIn: r.verbFromLeadIn,
    criterion: loc(item, r.criterion),
    placeholderCriterion: loc(item, r.placeholder),
    behaviours,
    condition: loc(item, r.condition),
    meantLevel: r.meantLevel,
  };
}

/** Where a nested list item can be inserted after an item's first paragraph. */
function insertionAfter(b: Builder, para: Span): { at: number; indent: string } | null {
  const text = b.text;
  let lineStart = para.start;
  while (lineStart > 0 && text[lineStart - 1] !== '\n' && text[lineStart - 1] !== '\r') lineStart--;
  const prefix = text.slice(lineStart, para.start);
  if (!/^[\s>*+\-\d.)[\]xX]*$/.test(prefix)) return null;
  // The content column of the item: markers become spaces, block quote markers and tabs stay.
  // A ">" written without a space after it ("\n>- item") gets one: a quote marker takes one
  // optional space, so without it the new line's item would start a column short and be a
  // sibling, not nested (found by the fix property test: the outcome skeleton did not nest).
  let indent = prefix
    .replace(/\[[ xX]\]\s*$/, '')
    .replace(/>(?![ \t])/g, '>\u0000')
    .replace(/[^>\t]/g, ' ');
  if (!/\S|\t/.test(indent) && indent.length === 0) indent = '  ';
  return { at: para.end, indent };
}

/** A list item that only names a block ("**Learning objectives:**", "Outcomes"). */
function namedBlock(text: string): BlockName | null {
  const t = text.trim();
  if (!t || t.length > 60) return null;
  const name = blockName(t);
  return name && name.kind !== 'assessment' && name.strength === 'strong' ? name : null;
}
