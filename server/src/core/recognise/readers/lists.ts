// Reader: Markdown lists (bullets, numbers, task lists). A list is a block of objectives or
// outcomes when a scope names it (scope.ts); otherwise only its labelled items count
// ("Objective: ..."). A list continued after an HTML comment joins the block before it.
import type { List, RootContent } from 'mdast';
import { readTask } from '../../language/assessment.js';
import { lazy, testText } from '../../language/ascii.js';
import { readObjectiveForRecognition, readsAsPassiveCriterion } from '../../language/objective.js';
import { readsAsChange, readsAsJobChange, readsAsMetric } from '../../language/outcome.js';
import { AIM_LIST, STATEMENT_LIST } from '../../model.js';
import { newBlock, off, type Builder } from '../context.js';
import {
  findLabelledItems,
  KIRKPATRICK_LABEL,
  namesLearningTest,
  newSink,
  readItem,
  skipPrefix,
  unitNamesOnly,
  type ItemSink,
} from '../items.js';
import { plainTextOf } from '../plain.js';
import { leadVerbOf } from '../leadins.js';
import { placementFor, type Placement, type Scope } from '../scope.js';
import { blockName } from '../names.js';
import { judged } from '../assessments.js';
import { namesGradedWork } from '../graded-work.js';
import { LEADING_ID } from '../ids.js';
import { inCefrLevel } from '../cefr.js';

export function readList(s: Scope, list: List, siblings: RootContent[], index: number): void {
  const b = s.b;
  // A list split by an HTML comment (a disable comment between items) continues its block.
  let k = index - 1;
  while (
    k >= 0 &&
    siblings[k]!.type === 'html' &&
    /^<!--/.test((siblings[k] as { value: string }).value)
  )
    k--;
  const before = siblings[k];
  if (k < index - 1 && before?.type === 'list') {
    const continued = b.listSinks.get(before);
    if (continued) {
      b.listSinks.set(list, continued);
      for (const item of list.children)
        if (readItem(b, item, continued.sink, null, continued.leadVerb))
          if (continued.placement.naming) continued.placement.naming.read++;
      return;
    }
  }
  let placement = placementFor(s, siblings, index);
  // "## B1 Spoken interaction" over "- Can enter unprepared into conversation on familiar
  // topics": a language course's can-do statements, objectives under no name of their own.
  if (!placement && inCefrLevel(b.outline, s.section) && canDoList(b, list))
    placement = { rule: 'objective', source: 'heading', leadIn: null, naming: null, weak: false };
  // "### Success looks like" over a phase's measures ("Passes the product quiz with 80% or
  // higher", "15 opportunities in pipeline"): the degree of the phase's goals, no items of
  // their own (OUTLINE-CONVENTIONS.md section 7, docs/outline-format.md).
  // Measured changes on the job under it ("Click rate falls from 12% to 4% within two
  // quarters") are the course's outcomes, not a degree; the plain paragraph "Success looks
  // like:" after a phase's goals is its label, as "**Success looks like:**" is.
  if (placement && namesDegree(b, s, placement)) {
    if (mostlyJobChanges(b, list)) {
      if (placement.leadIn === null) placement = { ...placement, rule: 'outcome', weak: false };
    } else {
      const block = newBlock(b, 'objective', placement.source, s.section, off(b, list), null);
      block.criteria = true;
      if (placement.naming) placement.naming.read++;
      return;
    }
  }
  // "## Evaluation" over "- Level 3: supervisors observe ...", "- Level 4: incidents fall ...":
  // a Kirkpatrick evaluation plan, its measures outcomes (as under "## Evaluation plan"), not
  // graded work.
  // Its heading then only names the block, which belongs to the parent section, as "##
  // Evaluation plan"'s does (a heading naming assessments made a section of its own).
  let section = s.section;
  const toParent = () => {
    const own = b.outline.sections[s.section];
    if (own && own.parent !== null && placement!.source === 'heading') section = own.parent;
  };
  if (placement?.rule === 'assessment' && placement.weak && kirkpatrickPlan(b, list)) {
    placement = { ...placement, rule: 'outcome', weak: false };
    toParent();
  } else if (
    placement?.rule === 'assessment' &&
    placement.weak &&
    b.outline.objectives.length > 0 &&
    measuresChange(b, list)
  ) {
    // "## Evaluation" over "- Practical driving test ..." and "- Pallet damage claims fall from
    // 14 to 5 a month": the plan's tests and its outcomes, not a breakdown of weights (a "%" in
    // "drop by 30%" is not one). Only after the course's objectives: a software README's
    // "Evaluation" ("Error rate falls from 2% to 0.5% within 30 days") has none to measure.
    placement = { ...placement, rule: 'assessment-unless-change' };
    toParent();
  } else if (
    placement?.rule === 'outcome-unless-learner' &&
    placement.weak &&
    EVALUATION_PLAN.test(placement.naming?.name.name ?? '')
  ) {
    placement = { ...placement, rule: 'outcome-unless-test' };
  }
  // "## Activities" over "- Attend the product bootcamp" and "- Role-play a discovery call
  // scored by your manager": learning activities, of which only the judged one checks anything
  // (a weak name borne out by graded work alone), whatever the others are.
  const gradedOnly =
    placement?.rule === 'assessment' && placement.weak && placement.naming?.name.graded === true;
  if (!placement || gradedOnly || (placement.weak && !bearsOut(b, list, placement))) {
    const graded = gradedOnly ? list.children.filter((item) => gradedItem(b, item)) : [];
    if (placement && graded.length) {
      const sink = newSink(section, placement.source, off(b, list), 'assessment');
      sink.weak = true;
      for (const item of graded)
        if (readItem(b, item, sink, null, null) && placement.naming) placement.naming.read++;
      return;
    }
    findLabelledItems(b, list, s.section, null);
    return;
  }
  // "## Objectives" over "- To have trainees apply their academy learning ...", "- To produce
  // graduates who ...": a programme's aims, what it will do for its trainees, not what they
  // will do (a police training officer programme's page, a module's "Aims").
  const aims = byHeading(placement) && mostlyAims(b, list);
  if (aims || (byHeading(placement) && mostlyStatements(b, list))) {
    // unread-block says why the list was not read ("a list stands under it" told an author who
    // had written a list to write one).
    const naming = placement.naming;
    if (naming?.firstContent === 'a list') naming.firstContent = aims ? AIM_LIST : STATEMENT_LIST;
    findLabelledItems(b, list, s.section, null);
    return;
  }
  // "## Learning Objectives by Unit" over "- Unit 1: Fractions", "- Unit 2: Decimals": a course
  // map's list of its units, whose objectives are stated under each unit. The heading's
  // objectives are the units' (no unread-block on it), and no unit's name is an objective.
  if (unitNamesOnly(b, list)) {
    if (placement.naming) placement.naming.delegated = true;
    return;
  }
  const sink = newSink(section, placement.source, off(b, list), placement.rule, placement.leadIn);
  if (placement.weak) sink.weak = true;
  if (placement.naming?.name.name === 'success indicators') sink.indicators = true;
  const leadVerb = leadVerbOf(placement.leadIn);
  b.listSinks.set(list, { sink, leadVerb, placement });
  // A labelled measure measures the objective beside it: the one objective read since the
  // list's start or its last measure ("- What I will be able to do: ..." then "- Success
  // measure: ..."). After several objectives, which it measures is not said.
  let beside: { kind: 'objective'; index: number } | null = null;
  let since = 0;
  for (const item of list.children) {
    const made = readItem(b, item, sink, null, leadVerb, since === 1 ? beside : null);
    if (made && placement.naming) placement.naming.read++;
    if (made?.kind === 'objective') {
      beside = { kind: 'objective', index: made.index };
      since++;
    } else if (made?.kind === 'outcome') since = 0;
  }
}

/** Whether a list's placement names the degree of the goals before it: "### Success looks
 * like" (a heading or label), or the lead-in paragraph "Success looks like:" after goals read
 * in its own section, a phase of a plan ("## Days 31-60"); elsewhere it is a workplace plan's
 * lead-in to its outcomes ("Customer satisfaction of 4.5 out of 5 or higher"). */
function namesDegree(b: Builder, s: Scope, placement: Placement): boolean {
  if (placement.leadIn === null) return placement.naming?.name.family === 'degree';
  if (placement.rule !== 'outcome' || placement.source !== 'lead-in') return false;
  if (blockName(placement.leadIn.text)?.family !== 'degree') return false;
  const last = b.outline.objectives[b.outline.objectives.length - 1];
  if (last === undefined || last.section !== s.section) return false;
  for (
    let k: number | null = s.section;
    k !== null && k > 0;
    k = b.outline.sections[k]?.parent ?? null
  )
    if (PHASE.test(b.outline.sections[k]?.title ?? '')) return true;
  return false;
}

/** A phase of a plan in its section's title: "First 30 days", "Days 31-60", "Week 2", "Month
 * 3", "Day 1", "By day 90". */
const PHASE =
  /\b(?:(?:first|next|last|final)\s+(?:\d{1,3}|thirty|sixty|ninety|two|three|four|six)\s+(?:days|weeks|months)|days?\s+\d{1,3}\s*(?:[-–—]|to)\s*\d{1,3}|(?:day|week|month)\s+\d{1,3})\b/i;

/** Whether most items of a list, one at least, are measured changes on the job. */
function mostlyJobChanges(b: Builder, list: List): boolean {
  return mostItems(b, list, (text) => readsAsJobChange(text.slice(skipPrefix(text))), 1);
}

/** Whether most items of a list, two at least, are can-do statements ("Can understand the
 * main points of ...", "Can write a short, simple note"). */
function canDoList(b: Builder, list: List): boolean {
  return mostItems(b, list, (text) => {
    const body = text.slice(skipPrefix(text));
    return /^\s*can\s+[^\s\d]/i.test(body) && !!readObjectiveForRecognition(body, b.lex).verb;
  });
}

/** Whether most items of a list (of its sample), `least` at least (two unless said), pass
 * `test`, given the text of their first paragraph (items that start with none are not counted). */
function mostItems(b: Builder, list: List, test: (text: string) => boolean, least = 2): boolean {
  let yes = 0;
  let all = 0;
  for (const item of sample(list)) {
    const text = itemText(b, item);
    if (text === null) continue;
    all++;
    if (test(text)) yes++;
  }
  return yes >= least && yes * 2 > all;
}

/** The plain text of a list item's first paragraph, or null when it starts with none. */
function itemText(b: Builder, item: List['children'][number]): string | null {
  const first = item.children[0];
  return first?.type === 'paragraph' ? plainTextOf(b, first.children) : null;
}

/** Whether most items of a list, two at least, state a programme's aims for its learners:
 * "To" and a verb whose object is the learners ("To have trainees apply ...", "To prepare
 * trainees to use ...", "To foster the trainees' growing independence", "To produce graduates
 * who ..."). "To describe the stages of mitosis" is a learner's aim, written with "To". */
function mostlyAims(b: Builder, list: List): boolean {
  return mostItems(b, list, (text) => testText(PROGRAMME_AIM, text.slice(skipPrefix(text))));
}
const PROGRAMME_AIM = lazy(
  String.raw`^\s*to\s+(?:have|help|enable|allow|prepare|equip|encourage|support|foster|develop|produce|train|provide|give|offer|expose|introduce|empower|assist|guide|motivate|inspire|challenge|engage|get|make)\s+(?:(?:the|our|all|each|every|new|its|their)\s+)?(?:trainees?|students?|learners?|participants?|graduates?|apprentices?|recruits?|cadets?|officers?|pupils?|employees?|staff|delegates?|candidates?|children|young\s+people|interns?)(?:['’]s?)?(?![\p{L}-])`,
  'iu',
);

/** Whether a list item is graded or judged work: a weight, a named kind of graded work, or a
 * rubric, score or sign-off. */
function gradedItem(b: Builder, item: List['children'][number]): boolean {
  const text = itemText(b, item);
  if (text === null) return false;
  const body = text.slice(skipPrefix(text));
  return GRADED.test(body) || namesGradedWork(body) || judged([body]);
}
const GRADED = /\d\s*(?:%|percent|pts?\b|points?\b|marks?\b)/i;

/** Whether most items of a list, two at least, start with a Kirkpatrick level's label. */
function kirkpatrickPlan(b: Builder, list: List): boolean {
  return mostItems(b, list, (text) => KIRKPATRICK_LABEL.test(text));
}

/** Whether an item of the list, among at most ten, is a measured change on the job ("Near-miss
 * reports drop by 30% by Q3 2027"; not a model's "Accuracy improves from 0.81 to 0.88"). */
function measuresChange(b: Builder, list: List): boolean {
  const items = list.children.length > 10 ? list.children.slice(0, 10) : list.children;
  for (const item of items) {
    const text = itemText(b, item);
    if (text !== null && readsAsJobChange(text.slice(skipPrefix(text)))) return true;
  }
  return false;
}

/** The names of a workplace evaluation plan ("Evaluation plan", "Measurement and evaluation",
 * "Kirkpatrick levels"). */
const EVALUATION_PLAN = /evaluat|measur|kirkpatrick/;

/** The items a list is judged by: its first 2,000. (Judged by all of them, a list of 360,000
 * items had every item's text and reading made twice before one item was read: 145 MB more at
 * the peak and 4 s; no list in a course outline comes near.) */
function sample(list: List): List['children'] {
  return list.children.length > SAMPLE ? list.children.slice(0, SAMPLE) : list.children;
}
const SAMPLE = 2000;

export interface ListSink {
  sink: ItemSink;
  leadVerb: string | null;
  placement: Placement;
}

/**
 * Whether a list under a weak name ("Goals", "Results") is what the name says: most items are
 * learner statements (for objectives), measured changes (for outcomes), tasks, questions or
 * grading weights (for assessments). "## Goals" over
 * "- Fast" and "- Simple" in a software README is not a block of objectives.
 */
function bearsOut(b: Builder, list: List, placement: Placement): boolean {
  let yes = 0;
  let all = 0;
  for (const item of sample(list)) {
    const text = itemText(b, item);
    if (text === null) continue;
    const body = text.slice(skipPrefix(text));
    all++;
    if (placement.rule === 'assessment-unless-change') {
      // A measure with a target beside the change ("90% of learners pass the checklist at the
      // first attempt", "Feedback scores average at least 4.5 out of 5") is part of the plan.
      if (
        readsAsJobChange(body) ||
        namesGradedWork(body) ||
        namesLearningTest(body) ||
        readsAsMetric(body)
      )
        yes++;
      else if (readTask([body], b.lex).level !== null) yes++;
    } else if (placement.rule === 'assessment') {
      // "## Grading", "## Evaluation": a breakdown of weights ("Quizzes 30%"); "## Labs",
      // "## Activities": tasks or questions, not a trainer's notes.
      // A named kind of graded work ("Final project", "Participation") bears them out too.
      // "## Evaluate" (a 5E lesson's last phase): graded or judged work only, as a data
      // lesson's "Evaluate" step lists tasks ("Compute the RMSE on the test set").
      const graded = GRADED.test(body);
      const weighsOnly =
        /^(?:grading|evaluation)$/.test(placement.naming?.name.name ?? '') ||
        placement.naming?.name.graded === true;
      if (graded || namesGradedWork(body) || judged([body])) yes++;
      else if (!weighsOnly && readTask([body], b.lex).level !== null) yes++;
    } else if (
      placement.rule === 'outcome-unless-learner' ||
      placement.rule === 'criteria' ||
      placement.rule === 'outcome' ||
      placement.rule === 'outcome-unless-test'
    ) {
      // A measured change bears out an outcome name; under a weak one ("Success criteria" in a
      // school lesson plan) so does a learner's "I can" statement, read as an objective.
      if (readsAsMetric(body)) yes++;
      else if (
        placement.rule !== 'outcome' &&
        I_CAN.test(body) &&
        readObjectiveForRecognition(body, b.lex).verb
      )
        yes++;
    } else {
      const r = readObjectiveForRecognition(body, b.lex);
      if (r.verb && !r.verbFromLeadIn) yes++;
      // A workplace plan's goals may be its measures ("AHT under 9 minutes by day 90").
      else if (placement.rule === 'goal' && readsAsMetric(body)) yes++;
    }
  }
  return all > 0 && yes * 2 >= all;
}

/** A learner's statement in the first person: "I can explain ...", "We can ...", "I have drawn
 * a food web ..." (a criterion about the learner's work). */
const I_CAN = /^(?:i|we)\s+(?:can|will|am\s+able\s+to|are\s+able\s+to|have|['’]ve)\s/i;

function byHeading(placement: Placement): boolean {
  return (
    (placement.source === 'heading' ||
      placement.source === 'label' ||
      placement.source === 'file') &&
    placement.leadIn === null &&
    (placement.rule === 'objective' ||
      placement.rule === 'objective-unless-metric' ||
      placement.rule === 'goal')
  );
}

const AUX = new Set(
  'is are was were has have had does do did can could should may might must will would'.split(' '),
);
const RELATIVE = new Set(['that', 'which', 'who', 'whom', 'what', 'how', 'it', 'they']);
const LEARNER =
  /^(?:i|you|we|students?|learners?|participants?|trainees?|delegates?|the\s+(?:student|learner|participant|trainee))\b/i;

/**
 * Whether most items are statements about something ("Outcomes are clear and measurable
 * criteria", "Organization increases productivity", "Should be specific and detailed") rather
 * than what a learner will do: a list under an objectives heading that defines or argues is not
 * a list of objectives. Noun phrases ("Unions, intersections, Venn diagrams") are not statements.
 */
function mostlyStatements(b: Builder, list: List): boolean {
  let statements = 0;
  let all = 0;
  for (const item of sample(list)) {
    const first = item.children[0];
    if (first?.type !== 'paragraph') continue;
    // Whether a paragraph is a statement depends on its text alone: kept from the last build
    // while the text stays (reuse.ts).
    const memo = b.reads?.memo(b.text, first, off(b, first));
    let statement = memo?.statement;
    if (statement === undefined) {
      const text = plainTextOf(b, first.children);
      // After its ID ("**LO1** Explain how a bond is priced": "LO1" is no subject of "is").
      const body = text.slice(skipPrefix(text)).trim().replace(LEADING_ID, '');
      statement = body ? isStatement(b, body) : null;
      if (memo) memo.statement = statement;
    }
    if (statement === null) continue;
    all++;
    if (statement) statements++;
  }
  return all > 0 && statements * 2 > all;
}

/**
 * Whether a text states something rather than saying what a learner does. A passive sentence
 * of a Bloom verb ("Pipework is installed and pressure tested to AS/NZS 3500", "Possible
 * solutions are evaluated and the best one is selected") is a performance criterion of a unit
 * of competency or an exit-level outcome, what a competent person does: not a statement. A
 * course's arrangements in the passive are ("Lectures are recorded and posted", "Office hours
 * are held on Tuesdays"): the reader does not take their subjects or participles as a
 * performer's (objective.ts, ARRANGEMENT_SUBJECT and NOT_CRITERION_PARTICIPLE).
 */
function isStatement(b: Builder, text: string): boolean {
  return statementGrammar(b, text) && !readsAsPassiveCriterion(text, b.lex);
}

/** Whether a text is worded as a statement about something (a subject and its verb). */
function statementGrammar(b: Builder, text: string): boolean {
  if (LEARNER.test(text) || readsAsChange(text)) return false;
  const ws = text
    .toLowerCase()
    .replace(/[’]/g, "'")
    .split(/[^\p{L}\p{N}'-]+/u)
    .filter(Boolean)
    .slice(0, 10);
  if (!ws.length) return false;
  // "May describe ...", "Should be specific ...": a modal with no subject describes something.
  if (/^(?:may|might|should|would|could|must)$/.test(ws[0]!)) return true;
  // A behaviour first, vague or not ("Understand what a commit is"), is a learner statement;
  // a gerund is one too ("Creating a graphic that can answer ..."), unless it is the subject
  // of a verb ("Learning outcomes are statements ...").
  const reading = readObjectiveForRecognition(text, b.lex);
  if (reading.verb && !reading.verbFromLeadIn) {
    if (!/ing$/i.test(text.slice(reading.verb.start, reading.verb.end))) return false;
    // After a frame the reader set aside ("The history minor will be capable of interpreting
    // ..."), a gerund is the learner's behaviour, not a subject.
    if (reading.behaviourStart > 0) return false;
    return ws.slice(1, 6).some((w, k) => AUX.has(w) && !RELATIVE.has(ws[k] ?? ''));
  }
  // The first auxiliary decides: "Outcomes are ...", "An outcome can be observed ..." state
  // something; "Nurses will understand ...", "Staff will be able to ..." say what someone does.
  for (let k = 1; k < ws.length; k++) {
    const w = ws[k]!;
    if (!AUX.has(w)) continue;
    if (/^(?:will|shall|should|can|must|'ll)$/.test(w)) {
      const next = ws[k + 1] ?? '';
      return (next === 'be' && ws[k + 2] !== 'able') || next === 'have';
    }
    return true;
  }
  return false;
}
