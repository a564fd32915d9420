// Scopes: what names the content being read (a heading, a label paragraph, a lead-in, a div or
// directive, the file's name), and the placement of one block-level node (a list, a table, an
// HTML list, a paragraph of sentences): which kind its items are, and where they came from.
// Readers ask `placementFor`; the walk (walk.ts) keeps the scopes.
import type { Heading, Paragraph, RootContent } from 'mdast';
import type { BlockSource, LeadIn, Located, Section, Span } from '../model.js';
import { lazy, testText } from '../language/ascii.js';
import { off, type Builder } from './context.js';
import type { Div } from './containers.js';
import type { AssessmentState, PendingAssessment } from './assessments.js';
import type { KindRule } from './items.js';
import { readLeadIn, type LeadInReading } from './leadins.js';
import { blockName, divClassName, labReportName, type BlockName } from './names.js';
import { exactEdit, plainOf, plainTextOf } from './plain.js';
import { opensWithLearningIntention, readObjectiveForRecognition } from '../language/objective.js';

/** Walks one child node of a container (a quote, an admonition) under a scope. */
export type WalkChild = (
  s: Scope,
  node: RootContent,
  siblings: RootContent[],
  index: number,
) => void;

/** A name in force over some content, and what has been read under it. */
export interface Naming {
  name: BlockName;
  source: BlockSource;
  /** The heading, label, lead-in or fence that named the block (unread-block points here). */
  span: Span;
  /** The name as written, for messages. */
  text: string;
  /** Items read under this naming. */
  read: number;
  /** Content nodes met under it so far (a list's lead-in counts). */
  content: number;
  /** What the first content under it was, for unread-block's message. */
  firstContent: string | null;
  /** The text of the first content under it when that is a paragraph (closeNaming). */
  firstParagraph: string | null;
  /** Set when the content is included from elsewhere (`{{< include >}}`): not a silent miss. */
  delegated: boolean;
  /** Set when a paragraph under a name of outcomes says what completing the course earns ("##
   * Outcome", "Successful candidates receive the certificate"): the course's result, not its
   * measures, so not a silent miss either. */
  awards?: boolean;
  /** Objectives read from headings of their own directly under this heading (walk.ts,
   * headingObjective). Kept on the naming, not beside it, so that a checkpoint's copy of the
   * naming carries it (recognise/resume.ts). */
  asHeadings?: number;
  /** A lead-in that opened this naming, for lists in subsections. */
  leadIn: LeadIn | null;
}

export function newNaming(
  name: BlockName,
  source: BlockSource,
  span: Span,
  text: string,
  leadIn: LeadIn | null = null,
): Naming {
  return {
    name,
    source,
    span,
    text,
    read: 0,
    content: 0,
    firstContent: null,
    firstParagraph: null,
    delegated: false,
    leadIn,
  };
}

/** How the items of one block-level node are placed. */
export interface Placement {
  rule: KindRule;
  source: BlockSource;
  leadIn: LeadIn | null;
  /** The naming to credit with the items read (null for a lead-in of its own). */
  naming: Naming | null;
  /** A weak name: the items must bear it out (OUTLINE-CONVENTIONS.md section 3). */
  weak: boolean;
}

/** The walk's state that placement depends on. */
export interface Scope {
  b: Builder;
  section: number;
  /** The heading (or file, or lead-in) naming in force. */
  naming: Naming | null;
  /** A label paragraph ("**Learning objectives**") naming the next block. */
  label: Naming | null;
  /** Namings of divs and directives, by div. */
  divNamings: Map<Div, Naming>;
  /** Paragraphs met in the current section so far (prose is read only in its opening). */
  paragraphs: number;
  /** The assessment whose task is being read (assessments.ts), opened by a heading, a label
   * or a block quote's title. */
  assessment?: PendingAssessment | null;
  /** Assessments of divs, their sinks, and where never-closed divs end (assessments.ts). */
  assessments?: AssessmentState;
  /** A label paragraph's timeframe for the measures after it in its section ("**Measurement:**
   * Business metrics (6-12 months post-launch)": timing.ts). */
  timing?: { timeframe: Located; section: number } | null;
}

export function ruleOf(name: BlockName): KindRule {
  if (name.kind === 'assessment') return 'assessment';
  if (name.kind === 'outcome')
    return name.family === 'success-criteria' ? 'criteria' : 'outcome-unless-learner';
  if (name.family === 'goals') return 'goal';
  if (name.family === 'completion-standards') return 'standards';
  if (name.family === 'standard') return 'standard';
  return name.family === 'learning-outcomes' ? 'objective-unless-metric' : 'objective';
}

/** The name a div or directive gives by its classes or its title. */
export function nameOfDiv(div: Div): BlockName | null {
  if (div.title) {
    const t = blockName(div.title);
    if (t) return t;
  }
  for (const cls of div.name.split(/\s+/)) {
    const k = divClassName(cls);
    if (k) return k;
  }
  return null;
}

/** The innermost enclosing div that names a block, and whether another div (a challenge, a
 * note) sits closer. */
export function divAt(
  s: Scope,
  offset: number,
): { naming: Naming | null; div: Div | null; inOtherDiv: boolean } {
  let best: { naming: Naming; div: Div } | null = null;
  let other = -1;
  for (const d of s.b.parsed.divs) {
    const start = d.start + s.b.parsed.base;
    if (start > offset) break;
    if (offset >= d.end + s.b.parsed.base || offset < d.bodyStart + s.b.parsed.base) continue;
    // A never-closed challenge ends at the next section (assessments.ts).
    const cut = s.assessments?.ends.get(d);
    if (cut !== undefined && offset >= cut) continue;
    const naming = s.divNamings.get(d);
    if (naming) {
      if (!best || d.depth > best.div.depth) best = { naming, div: d };
    } else if (d.name || d.title) other = Math.max(other, d.depth);
  }
  return {
    naming: best?.naming ?? null,
    div: best?.div ?? null,
    inOtherDiv: other > (best?.div.depth ?? -1),
  };
}

/** The paragraph just before `siblings[index]`, with at most one blank line between. */
export function adjacentParagraph(
  b: Builder,
  siblings: RootContent[],
  index: number,
): Paragraph | null {
  const prev = siblings[index - 1];
  if (!prev || prev.type !== 'paragraph') return null;
  const between = b.text.slice(off(b, prev).end, off(b, siblings[index]!).start);
  return /^\s*$/.test(between) && (between.match(/\n/g)?.length ?? 0) <= 2 ? prev : null;
}

export interface LeadInFound {
  reading: LeadInReading;
  leadIn: LeadIn;
}

/**
 * What the last build read of a paragraph or heading as a lead-in, kept while the node lives.
 * The parse hands on the nodes of the pieces an edit left alone as the same objects, with the
 * same source under them, only moved (parse.ts): the reading is the same, and its spans move
 * with the node. Each lead-in of a long outline (a thousand in the benchmark's) was read again,
 * its plain text and offsets made again, on every edit (5% of an edit's time in the core).
 */
interface LeadInMemo {
  end: string;
  lex: Builder['lex'];
  /** Where the node started when `found` was made. */
  start: number;
  found: LeadInFound | null;
}
const LEAD_INS = new WeakMap<Paragraph | Heading, LeadInMemo>();

/** Reads a paragraph as a lead-in, with the edit that turns a carried verb into "be able to". */
export function leadInOf(b: Builder, p: Paragraph | Heading, end = ''): LeadInFound | null {
  const span = off(b, p);
  const memo = LEAD_INS.get(p);
  if (memo && memo.end === end && memo.lex === b.lex) {
    const d = span.start - memo.start;
    if (d && memo.found) {
      memo.found = movedLeadIn(memo.found, span, d);
      memo.start = span.start;
    }
    return memo.found;
  }
  const found = readLeadInOf(b, p, end, span);
  LEAD_INS.set(p, { end, lex: b.lex, start: span.start, found });
  return found;
}

/** A lead-in found before, where its node now stands (`d` further on). */
function movedLeadIn(found: LeadInFound, span: Span, d: number): LeadInFound {
  const { text, verb } = found.leadIn;
  const edit = verb?.toAbleTo;
  return {
    reading: found.reading,
    leadIn: {
      text,
      span,
      verb: verb
        ? {
            lemma: verb.lemma,
            span: { start: verb.span.start + d, end: verb.span.end + d },
            toAbleTo: edit
              ? {
                  span: { start: edit.span.start + d, end: edit.span.end + d },
                  newText: edit.newText,
                }
              : null,
          }
        : null,
    },
  };
}

function readLeadInOf(
  b: Builder,
  p: Paragraph | Heading,
  end: string,
  span: Span,
): LeadInFound | null {
  const plain = plainOf(b, p.children);
  // A heading may stand for the colon ("### Students will know"): `end` is read after its text.
  const reading = readLeadIn(plain.text.trimEnd() + end, b.lex);
  if (!reading) return null;
  const verb = reading.verb;
  return {
    reading,
    leadIn: {
      text: plain.text.trim(),
      span,
      verb: verb
        ? {
            lemma: verb.lemma,
            span: { start: plain.offsets[verb.start]!, end: plain.offsets[verb.end]! },
            toAbleTo: exactEdit(
              b.text,
              plain,
              verb.replaceStart,
              verb.replaceEnd ?? verb.end,
              verb.replacement,
            ),
          }
        : null,
    },
  };
}

/** A short paragraph that only names a block ("**Learning objectives**", "Outcomes:"). */
export function labelName(b: Builder, p: Paragraph, section?: number): BlockName | null {
  const text = plainTextOf(b, p.children).trim();
  if (!text || text.length > 80) return null;
  // "**Report**" under an experiment: the lab's report (names.ts labReportName).
  const name =
    blockName(text) ??
    (section === undefined ? null : labReportName(text, () => titlesAround(b, section)));
  // "Outcome A", "Objective 2": the label of one item, not the name of a block.
  if (name?.numbered && name.kind !== 'assessment') return null;
  // "**Objective:** Describe the water cycle.": the objective itself, after its run-in label
  // (read as prose), not a label over what follows.
  if (name?.kind === 'objective' && runInObjective(b, p)) return null;
  return name;
}

/**
 * A module's details written as "**Key**: value" lines, the last line the bold label of what
 * comes next ("**Duration**: 90 minutes" / "**Learning Objectives**:"): that line's name, text
 * and span. Only objectives and outcomes: a label of assessments opens one (assessments.ts).
 */
export function lastLineLabel(
  b: Builder,
  p: Paragraph,
): { name: BlockName; text: string; span: Span } | null {
  const span = off(b, p);
  // Asked of every paragraph that names nothing: its last characters first, then its lines
  // (string operations: no pattern runs on a paragraph that is no such list of details).
  let end = span.end;
  while (end > span.start && ' \t*_'.includes(b.text[end - 1]!)) end--;
  if (b.text[end - 1] !== ':') return null;
  const raw = b.text.slice(span.start, span.end);
  if (!raw.includes('\n') && !raw.includes('\r')) return null;
  const lines = raw.split(/\r?\n|\r/);
  if (lines.length > 12) return null;
  const last = lines[lines.length - 1]!;
  // The label is set apart by emphasis, as a label paragraph is ("**Learning Objectives**:"):
  // YAML left open at the top of a file ("title: T" / "objectives:") is no module's details.
  if (!last.includes('**') && !last.includes('__')) return null;
  const label = last.split('*').join('').split('_').join('').trim();
  if (label.length > 60) return null;
  // Every line before it is a detail: a short key and a colon, then its value.
  if (!lines.slice(0, -1).every((l) => testText(DETAIL_LINE, l))) return null;
  const name = blockName(label);
  if (!name || name.kind === 'assessment' || name.strength !== 'strong' || name.numbered)
    return null;
  const start = span.end - last.trimStart().length;
  return { name, text: label, span: { start, end: span.end } };
}

/** A detail line: "**Duration**: 90 minutes", "Format: case studies". */
const DETAIL_LINE = lazy(
  String.raw`^\s*[*_]{0,2}[\p{L}][\p{L}\p{N} /&'’-]{0,30}[*_]{0,2}\s*:`,
  'u',
);

/**
 * A run-in label at a paragraph's start that names objectives ("**Objective:**", "**Learning
 * outcomes.**"): the label's text, its name, and where the text after it (and the label's own
 * punctuation) starts.
 */
export function runInLabel(
  b: Builder,
  p: Paragraph,
): { label: string; name: BlockName; end: number; span: Span } | null {
  const first = p.children[0];
  if (!first) return null;
  let label: string;
  let span = off(b, first);
  if (first.type === 'strong' || first.type === 'emphasis') {
    if (p.children.length < 2) return null;
    label = plainTextOf(b, first.children);
  } else if (first.type === 'text') {
    // Without emphasis: "Objective: Describe the water cycle." (a colon ends the label).
    const m = /^([^:\n]{1,40}):[ \t]+(?=\S)/.exec(first.value);
    if (!m) return null;
    label = m[1]! + ':';
    const at = b.text.indexOf(':', span.start);
    span = { start: span.start, end: at >= 0 && at < span.end ? at + 1 : span.end };
  } else return null;
  const name = blockName(label);
  if (!name || name.kind !== 'objective' || name.strength !== 'strong') return null;
  // The label's own punctuation after it ("**Learning outcomes**: ...") is part of it.
  const after = /^[\s.:–—-]*/.exec(plainTextOf(b, p.children).slice(label.length))!;
  return { label, name, end: label.length + after[0].length, span };
}

/** Whether a paragraph is a run-in label naming objectives and, after it, a sentence that
 * starts with a behaviour ("**Objective:** Describe the water cycle."), not a lead-in ("...
 * will be able to:") nor a scope ("**Objectives** for this lesson"). */
function runInObjective(b: Builder, p: Paragraph): boolean {
  const run = runInLabel(b, p);
  if (!run) return false;
  const rest = plainTextOf(b, p.children).slice(run.end).trim();
  if (!/\p{L}/u.test(rest) || /:$/.test(rest)) return false;
  return startsWithBehaviour(rest, b);
}

/** Whether a text starts with its behaviour's verb, or with a condition and then the verb
 * ("Given a map, locate ..."). */
export function startsWithBehaviour(text: string, b: Builder): boolean {
  const r = readObjectiveForRecognition(text, b.lex);
  if (!r.verb || r.verbFromLeadIn) return false;
  // "Today, we're learning about the Array data structure": a learning intention's frame, then
  // its behaviour.
  if (r.verb.start === r.behaviourStart && opensWithLearningIntention(text)) return true;
  const word = text.slice(r.verb.start, r.verb.end).toLowerCase();
  if (b.lex.lemma(word) !== word) return false;
  if (r.verb.start <= 2) return true;
  const c = r.condition;
  return (
    !!c &&
    r.verb.start === r.behaviourStart &&
    /^\s*$/.test(text.slice(0, c.start)) &&
    /^[\s,]*$/.test(text.slice(c.end, r.verb.start))
  );
}

/**
 * Where the items of the block-level node `siblings[index]` go, or null when it holds no
 * objectives or outcomes (a list of files after "You will implement:", a list outside any
 * named scope).
 */
export function placementFor(s: Scope, siblings: RootContent[], index: number): Placement | null {
  const b = s.b;
  const node = siblings[index]!;
  const start = off(b, node).start;
  const div = divAt(s, start);
  const prev = adjacentParagraph(b, siblings, index);
  const lead = prev ? leadInOf(b, prev) : null;
  // Assessments are not read as objectives or outcomes.
  if (div.naming?.name.kind === 'assessment') return null;
  if (div.naming) {
    return {
      rule: lead?.reading.class === 'outcome' ? 'outcome' : ruleOf(div.naming.name),
      source: div.naming.source,
      leadIn: lead?.reading.class === 'learning' ? lead.leadIn : null,
      naming: div.naming,
      weak: false,
    };
  }
  // A lead-in's items also count for the heading or label above it (it was read).
  const credit = div.inOtherDiv ? null : (s.label ?? s.naming);
  // "## Module learning objectives" over an untitled box (`!!! note ""`, a callout) whose own
  // learning lead-in reads the objectives: they are the ones the heading named, so it was not
  // met with silence (a box's items are read under the heading only through its lead-in).
  const named = s.label ?? s.naming;
  if (lead?.reading.class === 'learning')
    return {
      rule: 'objective',
      source: 'lead-in',
      leadIn: lead.leadIn,
      naming: credit ?? (named?.name.kind === 'objective' ? named : null),
      weak: false,
    };
  if (lead?.reading.class === 'outcome')
    return { rule: 'outcome', source: 'lead-in', leadIn: lead.leadIn, naming: credit, weak: false };
  // "### Success metrics" over "Your performance will be evaluated on:" and "- Quality of work
  // delivered": the criteria of a review of the person (or a syllabus's graded work), which
  // assess, not the business's outcomes; a metric among them stays an outcome.
  if (lead?.reading.class === 'evaluation')
    return {
      rule: 'assessment-unless-metric',
      source: 'lead-in',
      leadIn: null,
      naming: credit,
      weak: false,
    };
  // Under a name of assessments each list item is one (OUTLINE-CONVENTIONS.md section 5), after
  // a task lead-in ("Submit the following:") too. Under the name of one assessment ("### Quiz
  // 1", "### Exercise 2") only a list whose items are tasks or questions is: a list of hints or
  // data is part of the heading's task (assessments.ts).
  const assessing = s.label ?? s.naming;
  if (assessing?.name.kind === 'assessment' && !div.inOtherDiv) {
    return {
      rule: 'assessment',
      source: assessing.source,
      leadIn: null,
      naming: assessing,
      weak: assessing.name.strength === 'weak' || assessing.name.one === true,
    };
  }
  if (lead?.reading.class === 'task') return null;
  if (s.label?.name.kind === 'assessment') return null;
  if (s.label && !div.inOtherDiv) {
    return {
      rule: ruleOf(s.label.name),
      source: 'label',
      leadIn: null,
      naming: s.label,
      weak: s.label.name.strength === 'weak',
    };
  }
  const naming = s.naming;
  if (!naming || div.inOtherDiv || naming.name.kind === 'assessment') return null;
  // "discusses four reasons why ...:" after other text under the heading introduces a list of
  // something else; right after the heading ("In this lesson:", "A note on the objectives:")
  // it does not. The colon paragraph and this list are the first two contents counted.
  if (prev && !lead && introducesOther(b, prev) && naming.content > 2) return null;
  return {
    rule: ruleOf(naming.name),
    source: naming.source,
    leadIn: naming.leadIn,
    naming,
    weak: naming.name.strength === 'weak' && naming.leadIn === null,
  };
}

/**
 * A sentence ending in ":" that introduces something other than learning ("... discusses four
 * reasons why it is important to organize your project:"). A short label ("**Week 1:**") does
 * not: it names a part of the block.
 */
export function introducesOther(b: Builder, p: Paragraph): boolean {
  const text = plainTextOf(b, p.children).trim();
  if (!text.endsWith(':')) return false;
  const lead = leadInOf(b, p);
  if (lead) return lead.reading.class === 'task';
  return text.split(/\s+/).length >= 5;
}

/** The titles of a section and the sections it stands in, and the course's title. */
export function* titlesAround(b: Builder, section: number): Generator<string> {
  for (let k: number | null = section; k !== null && k >= 0;) {
    const sec: Section | undefined = b.outline.sections[k];
    if (!sec) break;
    yield sec.title;
    k = sec.parent;
  }
  if (b.outline.title) yield b.outline.title;
}
