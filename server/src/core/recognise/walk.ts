// The walk over the document: sections from headings, and the scopes that name blocks (headings,
// label paragraphs, lead-ins, divs and directives, block quotes and alerts, the file's own name).
// Each block-level node is handed to the reader of its syntax (readers/), which asks the scope
// where its items go. A name with nothing readable under it is recorded for unread-block.
import { namesCefrLevel } from './cefr.js';
import type { Heading, Paragraph, Root, RootContent } from 'mdast';
import type { BlockSource, Outline, Section, UnreadBlock } from '../model.js';
import {
  collectTask,
  readExerciseChunk,
  cutUnclosed,
  finishAll,
  finishCurrent,
  finishPending,
  labelledParagraph,
  newAssessmentState,
  openAssessment,
  openDivAssessment,
  titleDivAssessment,
  type PendingAssessment,
} from './assessments.js';
import { lazy, testText } from '../language/ascii.js';
import { off, type Builder } from './context.js';
import type { OutlineNotes } from './noted.js';
import { NO_LINKS } from './noted.js';
import { freshReferences } from './reuse.js';
import type { Objective, Outcome, Assessment } from '../model.js';
import {
  CHECKPOINT_SPACING,
  copyFrames,
  resumeStats,
  type Checkpoint,
  type LastBuild,
  type WalkRecord,
} from './resume.js';
import { positionEnd, positionStart } from '../parse.js';
import type { Div } from './containers.js';
import {
  blockName,
  fileName,
  labReportName,
  KEY_RESULT_HEADING,
  OKR_LABEL_HEADING,
  OKR_OBJECTIVE_HEADING,
  OKR_SLOT_HEADING,
  type BlockName,
} from './names.js';

/** The name a learnr exercise chunk is read under (one exercise). */
const EXERCISE = blockName('Exercise')!;
import { namesTaskList } from './leadins.js';
import { planHeadings, type HeadingPlan } from './plan.js';
import { plainOf, plainTextOf } from './plain.js';
import { readAdmonitions } from './readers/admonitions.js';
import { readChunkAlt } from './readers/chunk-alt.js';
import { readHtmlList } from './readers/html-lists.js';
import { readList } from './readers/lists.js';
import { readIdLines, readProse } from './readers/prose.js';
import { readQuote } from './readers/quotes.js';
import { readTable } from './readers/tables.js';
import { timingLabel } from './timing.js';
import {
  labelName,
  lastLineLabel,
  runInLabel,
  titlesAround,
  leadInOf,
  type LeadInFound,
  nameOfDiv,
  newNaming,
  type Naming,
  type Scope,
  startsWithBehaviour,
  type WalkChild,
} from './scope.js';
import { addItem, newSink } from './items.js';

interface Frame {
  depth: number;
  section: number;
  naming: Naming | null;
  /** The naming reaches the lists of subsections (OUTLINE-CONVENTIONS.md section 3.2). */
  deep: boolean;
  /** This frame opened its naming (and closes it). */
  owns: boolean;
  /** A heading naming a block of assessments ("## Assignments"): it becomes one assessment
   * itself only if its section (subsections included) has no list of them, decided when the
   * section ends. */
  assessment?: PendingAssessment;
}

export function walkRoot(b: Builder, root: Root, singleH1: boolean): void {
  const { outline } = b;
  const children = root.children;
  const plan = planHeadings(b, children, singleH1);
  const s: Scope = {
    b,
    section: 0,
    naming: null,
    label: null,
    divNamings: new Map(),
    paragraphs: 0,
    assessment: null,
    assessments: newAssessmentState(),
  };
  for (const d of b.parsed.divs) {
    // A kramdown box ("> ## Learning Objectives ... {: .challenge}") whose own title names
    // objectives holds them, whatever style its class lends it: the title, read as the div's
    // title heading below, names it.
    const name = kramdownTitledObjectives(b, d) ? null : nameOfDiv(d);
    if (name) {
      const start = d.start + b.parsed.base;
      const span = { start, end: Math.min(d.bodyStart + b.parsed.base, d.end + b.parsed.base) };
      const naming = newNaming(name, sourceOfDiv(d), span, d.title ?? d.name);
      s.divNamings.set(d, naming);
      // A challenge or exercise div is one assessment: the whole div (OUTLINE-CONVENTIONS.md 5).
      if (name.kind === 'assessment') openDivAssessment(s, d, name, naming);
    }
  }
  const divTitles = titleHeadingOffsets(b);
  for (const d of b.parsed.divs) {
    if (!d.unclosed) continue;
    const start = d.start + b.parsed.base;
    const what = d.syntax === 'directive' ? 'directive' : 'div';
    b.outline.notes.push({
      message: `This ${what} ("${b.text
        .slice(start, d.bodyStart + b.parsed.base)
        .trim()
        .slice(
          0,
          40,
        )}") is never closed, so it runs to the end of the file; close it with a fence line of its own.`,
      span: { start, end: start },
    });
  }
  // A file named for what it holds ("learning-objectives.qmd") names its lists, unless a
  // heading in it says more precisely where they are.
  const byFile = plan.anyNamingHeading ? null : fileName(b.filePath);
  const root0: Frame = {
    depth: 0,
    section: 0,
    naming: byFile ? newNaming(byFile, 'file', { start: 0, end: 0 }, b.filePath) : null,
    deep: true,
    owns: true,
  };
  const stack: Frame[] = [root0];
  // "# Objective: Be healthier" over "## Key result: Finish 15 books": an OKR page's objective
  // headings, each stated by its key result headings under it (not a block left unread).
  const okrObjectives = new WeakSet<Naming>();
  /**
   * The naming an objective stated as a heading belongs to: the heading just above it names
   * objectives, nothing was read under that name but objectives stated as its other
   * subheadings, and this heading (three words or more) starts with its behaviour. "### Week 1"
   * under "## Learning goals" states none, and the heading stays unread.
   */
  const headingObjective = (
    b: Builder,
    top: Frame,
    depth: number,
    title: string,
    named: boolean,
  ): Naming | null => {
    const n = top.naming;
    if (named || !n || !top.owns || n.source !== 'heading' || n.name.kind !== 'objective')
      return null;
    if (depth !== top.depth + 1 || n.read !== (n.asHeadings ?? 0)) return null;
    const words = title.trim().split(/\s+/);
    return words.length >= 3 && startsWithBehaviour(title.trim(), b) ? n : null;
  };
  /** Items of the naming's kind read by the named divs that open after it and before `end`. */
  const readInDivs = (naming: Naming, end: number): number => {
    let read = 0;
    for (const [d, n] of s.divNamings) {
      const at = d.start + b.parsed.base;
      if (n !== naming && n.read > 0 && n.name.kind === naming.name.kind)
        if (at >= naming.span.end && at < end) read += n.read;
    }
    return read;
  };
  s.naming = root0.naming;
  let sectionHeadings: { section: number; depth: number; start: number }[] = [];
  const record = b.record;
  if (record) {
    record.children = children;
    record.plan = { deep: plan.deep, standard: plan.standard, any: plan.anyNamingHeading };
    record.singleH1 = singleH1;
  }
  // The walk resumed at a checkpoint of the last build: its prefix taken as it is.
  const from = b.resume
    ? resumePoint(b, b.resume.last, b.resume.prefix, children, plan, singleH1)
    : null;
  let start = 0;
  if (from) {
    const frames = restore(b, from.last, from.at, from.k);
    stack.length = 0;
    stack.push(...frames);
    sectionHeadings = from.last.record.headings.slice(0, from.at.headings);
    start = from.at.child;
  }

  const close = (frame: Frame, end: number) => {
    if (frame.owns && frame.naming) {
      // "## Learning objectives", a paragraph that introduces the chapter, then the objectives
      // in an admonition or directive titled for them (Jupyter Book, MyST, Quarto): the items
      // the heading names were read, under the div's own name.
      if (frame.naming.read === 0 && frame.naming.name.kind !== 'assessment')
        frame.naming.read += readInDivs(frame.naming, end);
      // Items read under a heading that names objectives are read under the title or heading
      // above it that names them too ("# Programme Learning Outcomes" > "## Programme learning
      // outcomes" > a list): that name was not met with silence. (Called once the frame is
      // popped: the top of the stack is the frame around it.)
      const around = stack[stack.length - 1]?.naming;
      if (frame.naming.read > 0 && around && around !== frame.naming)
        if (around.name.kind === frame.naming.name.kind) around.read += frame.naming.read;
      // An OKR's objective heading with its key results (outcomes) under it: the heading is the
      // objective, not the name of a list of them. (Outcomes are read in order: the last one is
      // in this frame's sections when its section is this one or later.)
      const last = b.outline.outcomes[b.outline.outcomes.length - 1];
      const okr =
        frame.naming.source === 'heading' &&
        last !== undefined &&
        last.section >= frame.section &&
        testText(OKR_OBJECTIVE_HEADING, frame.naming.text);
      if (
        !okr &&
        !okrObjectives.has(frame.naming) &&
        !(frame.naming.source === 'heading' && testText(OKR_SLOT_HEADING, frame.naming.text))
      )
        closeNaming(b, frame.naming);
    }
    if (frame.assessment) finishPending(s, frame.assessment);
  };
  for (let i = start; i < children.length; i++) {
    const node = children[i]!;
    if (node.type !== 'heading') {
      content(s, node, children, i, stack, plan);
      continue;
    }
    const title = plainTextOf(b, node.children).trim();
    const span = off(b, node);
    const early = plan.name(title);
    // Resumed here: the heading's closing (of the label, assessment and frames it ends) is in
    // the checkpoint.
    let within = false;
    if (!from || i !== start) {
      closeLabel(s);
      s.paragraphs = 0;
      // A heading that opens a callout or directive is its title, not a section.
      const div = divTitles.get(span.start);
      if (div) {
        if (!s.divNamings.has(div)) {
          const name = blockName(title);
          if (name) {
            const naming = newNaming(name, sourceOfDiv(div), span, title);
            s.divNamings.set(div, naming);
            if (name.kind === 'assessment') openDivAssessment(s, div, name, naming);
          }
        }
        titleDivAssessment(s, div, node);
        continue;
      }
      // A heading of one assessment ends its task, unless it is a subsection of the assessment
      // that names no block of its own ("## Assessment method 1: Observation" > "### Grading"
      // and its table, "## Assignment 2" > "### Rubric"); a heading of a block of them waits
      // for its section's end (close). A challenge div that was never closed ends here too.
      within = insideAssessment(s.assessment, node.depth, title, early);
      if (!within) {
        if (s.assessment && !s.assessment.name.one && s.assessment.source === 'heading')
          s.assessment = null;
        finishCurrent(s);
      }
      cutUnclosed(s, span.start);
      while (stack.length > 1 && stack[stack.length - 1]!.depth >= node.depth)
        close(stack.pop()!, span.start);
      if (
        record &&
        span.start - record.lastAt >= CHECKPOINT_SPACING &&
        !within &&
        !s.assessment &&
        !b.parsed.divs.length &&
        stack.every((f) => !f.assessment && !(f.naming && okrObjectives.has(f.naming)))
      )
        record.checkpoints.push(
          checkpoint(b, record, i, span.start, stack, sectionHeadings.length),
        );
    }
    const top = stack[stack.length - 1]!;
    const parent = top.section;
    // "## Key result: Finish 15 books" (or "KR2: ...") states one key result: it names no list,
    // and what stands under it is its progress and notes. The objective heading above it is
    // stated by its key results.
    const keyResult = !within && testText(KEY_RESULT_HEADING, title);
    if (keyResult)
      for (const f of stack)
        if (f.naming?.source === 'heading' && testText(OKR_LABEL_HEADING, f.naming.text))
          okrObjectives.add(f.naming);
    const named =
      within || keyResult
        ? null
        : (early ?? plan.standard.get(i) ?? labReportName(title, () => titlesAround(b, parent)));
    const headed = named ? null : headingLeadIn(b, node, title);
    // A heading that names assessments starts a section of its own, outside any objectives.
    const name = named?.kind === 'assessment' ? null : (named ?? (headed ? LEAD_IN_NAME : null));
    const isCourse = node.depth === 1 && singleH1 && outline.sections[0]!.heading === null;
    if (isCourse) {
      const course = outline.sections[0]!;
      course.heading = span;
      course.depth = 1;
      if (!outline.title) outline.title = title;
    }
    // "## Objective 1: Make new admins successful ..." (an OKR's objective, its key results
    // under it) is a section of its own that names its lists: its title is what its outcomes
    // measure.
    const okrHeading = name?.kind === 'objective' && testText(OKR_OBJECTIVE_HEADING, title);
    if (name && !okrHeading) {
      // A heading that only names the block: its items belong to the parent section.
      const naming = newNaming(name, 'heading', span, title, headed?.leadIn ?? null);
      stack.push({
        depth: node.depth,
        section: parent,
        naming,
        deep: plan.deep.has(i),
        owns: true,
      });
      s.section = parent;
      s.naming = naming;
      continue;
    }
    // A title's or a heading's naming reaches its subsections' lists, but not a section named
    // as a schedule or a list of things to have ("## Timeline", "## Resources").
    const inherited = top.deep && !named && !keyResult && !namesTaskList(title) ? top.naming : null;
    if (isCourse) {
      stack.push({ depth: 1, section: 0, naming: inherited, deep: top.deep, owns: false });
      s.section = 0;
      s.naming = inherited;
      continue;
    }
    const index = outline.sections.length;
    // "## Module Learning Objectives" > "### Reshape Tables Between Wide and Long Formats": an
    // objective stated as a heading of its own, directly under the heading that names them.
    const asHeading = headingObjective(b, top, node.depth, title, named !== null || keyResult);
    // "## Exercises" names the assessments of its lists; "### Exercise 2: Loops" is one.
    const assessing = named?.kind === 'assessment' ? named : null;
    outline.sections.push({
      index,
      title,
      depth: node.depth,
      path: [],
      parent,
      heading: span,
      span: { start: span.start, end: b.text.length },
      children: [],
    });
    outline.sections[parent]!.children.push(index);
    sectionHeadings.push({ section: index, depth: node.depth, start: span.start });
    const naming = assessing
      ? newNaming(assessing, 'heading', span, title)
      : okrHeading
        ? newNaming(name!, 'heading', span, title, headed?.leadIn ?? null)
        : inherited;
    const pending = assessing
      ? openAssessment('heading', assessing, parent, {
          title: plainOf(b, node.children),
          titleSpan: span,
          naming,
        })
      : null;
    stack.push({
      depth: node.depth,
      section: index,
      naming,
      // "## Assignments" > "### Cohort A" > a list: the lists of its subsections are assessments.
      deep: assessing
        ? !assessing.one
        : okrHeading
          ? plan.deep.has(i)
          : inherited !== null && top.deep,
      owns: assessing !== null || okrHeading,
      ...(pending && !assessing!.one ? { assessment: pending } : {}),
    });
    s.section = index;
    s.naming = naming;
    if (asHeading) {
      const sink = newSink(index, 'heading', span, 'objective');
      const plain = plainOf(b, node.children);
      if (addItem(b, sink, plain, span, { insertion: null, labels: false })) {
        asHeading.read++;
        asHeading.asHeadings = (asHeading.asHeadings ?? 0) + 1;
      }
    }
    if (pending) {
      pending.depth = node.depth;
      s.assessment = pending;
    }
  }
  closeLabel(s);
  if (s.assessment && !s.assessment.name.one && s.assessment.source === 'heading')
    s.assessment = null;
  while (stack.length) close(stack.pop()!, b.text.length);
  finishAll(s);
  for (const [, naming] of s.divNamings) closeNaming(b, naming);
  if (record) record.headings = sectionHeadings;
  setSectionEnds(outline.sections, sectionHeadings, b.text.length);
  markCriteria(outline, b.notes);
}

/**
 * Objectives whose degree a school's success criteria state: the criteria themselves ("I can
 * ...") and every objective of their section and its subsections (the learning intentions).
 * Set on every build, reused items included (written only where it changes).
 */
function markCriteria(outline: Outline, notes: OutlineNotes | undefined): void {
  let covered: boolean[] | null = null;
  for (const block of outline.blocks) {
    if (!block.criteria) continue;
    covered ??= outline.sections.map(() => false);
    covered[block.section] = true;
  }
  // A language course's section named for a CEFR level ("## B1 Listening", "# English for
  // Work: B1"): its can-do statements are calibrated to that level, which states how well
  // ("the main points of clear standard input" is what B1 means), as a flight syllabus's
  // completion standards do.
  for (const s of outline.sections) {
    if (!namesCefrLevel(outline, s.index)) continue;
    covered ??= outline.sections.map(() => false);
    covered[s.index] = true;
  }
  // No success criteria, and no objective placed again with the mark (a new one has none): no
  // mark to write or to take off, and no pass over every objective.
  if (!covered && notes && !notes.criteria) return;
  if (covered) {
    // A parent stands before its subsections.
    for (const s of outline.sections)
      if (s.parent !== null && covered[s.parent]) covered[s.index] = true;
  }
  for (const o of outline.objectives) {
    const want = covered !== null && covered[o.section] === true;
    if ((o.degreeByCriteria ?? false) !== want) o.degreeByCriteria = want;
  }
}

/** A section runs to the next heading of the same or a higher level (one pass, a stack). */
function setSectionEnds(
  sections: Section[],
  headings: { section: number; depth: number; start: number }[],
  end: number,
): void {
  const open: { section: number; depth: number }[] = [];
  for (const h of headings) {
    while (open.length && open[open.length - 1]!.depth >= h.depth)
      sections[open.pop()!.section]!.span.end = h.start;
    open.push(h);
  }
  for (const o of open) sections[o.section]!.span.end = end;
}

function sourceOfDiv(d: Div): BlockSource {
  return d.syntax === 'directive' ? 'directive' : d.syntax === 'admonition' ? 'admonition' : 'div';
}

/** "## By the end of this lesson you will be able to", "### Students will know...", "### By the
 * end you can…": a heading that is a lead-in, with the verb it carries ("know") for the items
 * under it. */
function headingLeadIn(b: Builder, node: Heading, title: string): LeadInFound | null {
  if (
    title.length > 200 ||
    (!/\b(?:able\s+to|will\s+learn|(?:you|students?|learners?|pupils?|participants?|trainees?)\s+(?:will|should)|t?swbat)\b/i.test(
      title,
    ) &&
      !(canOrWill(title) && CAN_AFTER_FRAME.test(title)))
  )
    return null;
  const found = leadInOf(b, node, /[:.…]$/.test(title) ? '' : ':');
  return found?.reading.class === 'learning' ? found : null;
}

/** Whether a title has "can" or "ll" in it (a string search: no pattern runs on every
 * heading). */
function canOrWill(title: string): boolean {
  const t = title.toLowerCase();
  return t.includes('can') || t.includes('ll');
}

/** "By the end you can…", "After this chapter, learners can", "By the end of month 3 you'll…":
 * "can" or "'ll" makes a heading a lead-in only after a frame of time or completion ("Catch Me
 * If You Can" and "You'll Never Walk Alone" are titles). */
const CAN_AFTER_FRAME =
  /^(?:by|after|at\s+the\s+end|upon|on\s+completion|once|when\s+you(?:'|’)?(?:ve|\s+have)?\s+(?:finish|complete))\b[^.!?]{0,80}\b(?:you|students?|learners?|pupils?|participants?|trainees?)(?:\s+can|['’]ll)\s*[:.…]*$/i;

/** The name a learning lead-in gives its block. */
const LEAD_IN_NAME = {
  kind: 'objective',
  family: null,
  strength: 'strong',
  name: 'lead-in',
} as const satisfies BlockName;

/** Whether a kramdown box (a block quote with a class line after it, no title of its own)
 * opens with a heading that names objectives: "> ## Learning Objectives" + "{: .challenge}". */
function kramdownTitledObjectives(b: Builder, d: Div): boolean {
  if (d.syntax !== 'div' || d.title !== null) return false;
  const src = b.parsed.source;
  if (src[d.start] === ':' || src[d.start] === '`') return false;
  let at = d.bodyStart;
  while (at < d.end && /\s/.test(src[at]!)) at++;
  if (src[at] !== '#') return false;
  const eol = src.slice(at, d.end).search(/\r?\n|\r/);
  const title = src
    .slice(at, eol < 0 ? d.end : at + eol)
    .replace(/^#{1,6}[ \t]*/, '')
    .replace(/[ \t]#*[ \t]*$/, '')
    .trim();
  const name = blockName(title);
  return name?.kind === 'objective' && name.strength === 'strong';
}

/** Offsets where a heading would be the title of a div or directive: its first content. */
function titleHeadingOffsets(b: Builder): Map<number, Div> {
  const out = new Map<number, Div>();
  const src = b.parsed.source;
  for (const d of b.parsed.divs) {
    if (d.syntax === 'admonition') continue;
    let at = d.bodyStart;
    while (at < d.end && /\s/.test(src[at]!)) at++;
    if (src[at] === '#') out.set(at + b.parsed.base, d);
  }
  return out;
}

/** A block's name in the singular: one goal, aim, objective, outcome or competency, with at
 * most a short qualifier before it ("Course Goal", "Overall aim", "Learning objective:"). */
const SINGULAR_NAME = lazy(
  String.raw`^(?:[\p{L}-]+\s+){0,2}(?:goal|aim|objective|outcome|competency|competence|purpose)\s*:?$`,
  'iu',
);

/** Who a goal statement is about: learners by any of the names course pages give them. */
const LEARNERS_NAMED = lazy(
  String.raw`\b(?:learners?|students?|participants?|trainees?|users?|staff|employees?|educators?|teachers?|pupils?|candidates?|apprentices?|residents?)\b`,
  'i',
);

function closeNaming(b: Builder, naming: Naming): void {
  if (naming.read > 0 || naming.delegated || naming.awards || naming.name.strength !== 'strong')
    return;
  if (naming.name.kind === 'assessment') return;
  if (naming.source === 'file') return;
  // A lesson's completion standards may say how it is judged without a learner's behaviour
  // ("The student correctly answers at least 80% of the stage check questions"): no objectives
  // were promised.
  if (naming.name.family === 'completion-standards') return;
  // "To pass the Piscine you must:" (or "## Learning objectives") with nothing after it, on a
  // page whose objectives are in its front matter: the page's layout puts them there.
  if (
    (naming.firstContent ?? 'nothing') === 'nothing' &&
    b.outline.blocks.some((k) => k.source === 'front-matter' && k.kind === naming.name.kind)
  )
    return;
  // "## Course Goal", "## Objective", "### Competency" over one paragraph that says what
  // learners (students, staff, users ...) are to gain: a name in the singular promises one
  // statement, and the paragraph is it, written in prose as the author meant it (field trial
  // 6). A name in the plural promises a list, and a paragraph about something else ("In this
  // module, we look at ...") is no goal: both are still reported.
  if (
    naming.content === 1 &&
    naming.firstContent === 'a paragraph' &&
    testText(SINGULAR_NAME, naming.text.replace(/[*_`]/g, '').trim()) &&
    testText(LEARNERS_NAMED, naming.firstParagraph ?? '')
  )
    return;
  const kind = naming.name.kind;
  const unread: UnreadBlock = {
    kind,
    source: naming.source,
    name: naming.text,
    span: naming.span,
    found: naming.firstContent ?? 'nothing',
  };
  // One per namer: a heading that is also a div's title is reported once.
  if (!b.outline.unread.some((u) => u.span.start === unread.span.start))
    b.outline.unread.push(unread);
}

/** A school's learning target on a line of its own: "I can retell stories from many cultures."
 * (one sentence, no colon: "I can:" is a lead-in). */
const CAN_DO_LINE = lazy(String.raw`^I\s+can\s+[^\s:][^:]{0,300}$`, '');

/**
 * "I can" statements written as paragraphs, one per line, under a heading per strand (a school's
 * page of learning targets): each is an objective when it stands in a run of three or more such
 * paragraphs. Two lines that start "I can" ("I can bring snacks on Friday.") are no run.
 */
function readCanDoLine(s: Scope, p: Paragraph, siblings: RootContent[], i: number): boolean {
  const b = s.b;
  if (s.naming && s.naming.name.kind !== 'objective') return false;
  const canDo = (k: number) => {
    const n = siblings[k];
    return n?.type === 'paragraph' && testText(CAN_DO_LINE, plainTextOf(b, n.children).trim());
  };
  if (!canDo(i)) return false;
  const run =
    (canDo(i - 2) && canDo(i - 1)) ||
    (canDo(i - 1) && canDo(i + 1)) ||
    (canDo(i + 1) && canDo(i + 2));
  if (!run) return false;
  const span = off(b, p);
  const sink = newSink(s.section, 'prose', span, 'objective');
  const made = addItem(b, sink, plainOf(b, p.children), span, { insertion: null, labels: false });
  if (made && s.naming) s.naming.read++;
  return made !== null;
}

function closeLabel(s: Scope): void {
  if (s.label) closeNaming(s.b, s.label);
  s.label = null;
}

function content(
  s: Scope,
  node: RootContent,
  siblings: RootContent[],
  i: number,
  stack: Frame[],
  plan: HeadingPlan,
): void {
  const b = s.b;
  const walkChild: WalkChild = (inner, child, kids, k) =>
    content(inner, child, kids, k, stack, plan);
  for (const n of [s.naming, s.label]) {
    if (!n) continue;
    n.content++;
    n.firstContent ??= describe(node);
    if (n.content === 1 && node.type === 'paragraph')
      n.firstParagraph = plainTextOf(b, node.children);
  }
  collectTask(s, node);
  const label = s.label;
  switch (node.type) {
    case 'list':
      if (!readAdmonitions(s, node, walkChild)) readList(s, node, siblings, i);
      break;
    case 'paragraph': {
      const text = plainTextOf(b, node.children);
      if (s.naming?.name.kind === 'outcome' && s.naming.read === 0 && testText(AWARD, text))
        s.naming.awards = true;
      if (/^\s*\{\{<\s*include\b|^\s*\{%\s*include\b|^\s*!\[\[|^\s*<!--\s*#include\b/.test(text)) {
        if (s.naming) s.naming.delegated = true;
        break;
      }
      if (readTable(s, node, siblings, i)) break;
      // "LO1 – Recognise ...", a line each, with or without a lead-in line above them.
      if (readIdLines(s, node)) {
        s.paragraphs++;
        break;
      }
      // "**Measurement:** Business metrics (6-12 months post-launch)": when the measures after
      // it are taken, not a measure of its own.
      const timing = timingLabel(b, node);
      if (timing) {
        s.timing = { timeframe: timing, section: s.section };
        break;
      }
      const lead = leadInOf(b, node);
      if (!lead) {
        const name = labelName(b, node, s.section);
        // "**Exercise 2**", "**Exercise 3:** Write a function ...": one assessment, whose task
        // runs to the next heading, label or thematic break.
        const opened = labelledParagraph(s, node, name);
        if (opened) {
          const current = s.assessment;
          if (current?.nodes[current.nodes.length - 1] === node) current.nodes.pop();
          // "## Assessment" then at once "Exit ticket: place five fractions ...": the labelled
          // paragraph is the assessment the heading names, not a second one.
          if (opened.labelled && current?.source === 'heading' && !current.nodes.length)
            current.done = true;
          finishCurrent(s);
          s.assessment = opened;
          // "**Exercise 3:** Write a function ...": the paragraph is its own task.
          if (opened.labelled) finishCurrent(s);
          if (!name || opened.labelled) return;
        } else if (name && s.assessment?.label) finishCurrent(s);
        if (name?.kind === 'assessment') {
          // "**Exercise**": what follows, to the next heading, is the exercise, not objectives.
          const top = stack[stack.length - 1]!;
          if (top.owns && top.naming) closeNaming(b, top.naming);
          top.naming = null;
          top.deep = false;
          s.naming = null;
        }
        // "**Duration**: 90 minutes" / "**Learning Objectives**:": the last line is the label.
        const tail = name || opened ? null : lastLineLabel(b, node);
        if (tail) {
          closeLabel(s);
          s.label = newNaming(tail.name, 'label', tail.span, tail.text);
          return;
        }
        if (name) {
          closeLabel(s);
          s.label = newNaming(name, 'label', off(b, node), plainTextOf(b, node.children).trim());
          // "**Exercise 2**" over a list of tasks: the tasks are the assessments, not the label.
          if (opened) opened.naming = s.label;
          return;
        }
      }
      if (lead?.reading.class === 'learning') {
        // A lead-in before subsections that hold the lists ("participants will be able to:"
        // then "### Week 1" ...): it names their lists.
        const next = siblings[i + 1];
        const top = stack[stack.length - 1]!;
        // The lead-in names the lists of its section (and of its subsections when `deep`).
        const nameLists = (deep: boolean) => {
          if (top.owns && top.naming) top.naming.delegated = true;
          const naming = newNaming(
            LEAD_IN_NAME,
            'lead-in',
            off(b, node),
            lead.leadIn.text,
            lead.leadIn,
          );
          top.naming = naming;
          if (deep) top.deep = true;
          top.owns = true;
          s.naming = naming;
        };
        if (
          next?.type === 'heading' &&
          next.depth > top.depth &&
          listsOnlyAfter(b, plan, i, top.depth)
        ) {
          nameLists(true);
          return;
        }
        // A lead-in over lists grouped by short labels ("... will be able to:", "**Knowledge and
        // understanding**", a list, "**Practical skills**", a list: a UK module
        // specification): it names the lists of its section, across the labels.
        if (
          next?.type === 'paragraph' &&
          siblings[i + 2]?.type === 'list' &&
          groupLabel(b, next) &&
          !(top.naming && top.naming.name.kind === 'assessment')
        ) {
          nameLists(false);
          return;
        }
        // A lead-in is kept for the list after it; with nothing readable after it, say so.
        const after = siblings[i + 1];
        if (!after || !readableAfter(b, node, after)) {
          const naming = newNaming(LEAD_IN_NAME, 'lead-in', off(b, node), lead.leadIn.text);
          naming.firstContent = after ? describe(after) : 'nothing';
          if (lead.reading.verb || /:\s*$/.test(text)) closeNaming(b, naming);
        }
        return;
      }
      if (lead) return;
      if (readCanDoLine(s, node, siblings, i)) {
        s.paragraphs++;
        break;
      }
      readProse(s, node, () => {
        const answer = objectivesNamedAhead(s, siblings, i, plan);
        // Asked of the root's children, it may read past a checkpoint: asked again on resume.
        if (b.record && siblings === b.record.children)
          b.record.questions.push({
            kind: 'ahead',
            i,
            section: s.section,
            title: b.outline.title,
            depth0: b.outline.sections[0]!.depth,
            answer,
          });
        return answer;
      });
      s.paragraphs++;
      break;
    }
    case 'html':
      readHtmlList(s, node, siblings, i);
      break;
    case 'code':
      b.codeSpans.push(off(b, node));
      readChunkAlt(s, node);
      readExerciseChunk(s, node, siblings, i, EXERCISE);
      break;
    case 'blockquote':
      readQuote(s, node, siblings, i, walkChild, (n) => closeNaming(b, n));
      break;
    default:
      break;
  }
  // A label paragraph names the one block after it (a lead-in may stand between).
  if (label && s.label === label) closeLabel(s);
}

/** A short label that names a group of a list's items: "**Knowledge and understanding**",
 * "*Pass*", "Practical skills:". */
function groupLabel(b: Builder, p: Paragraph): boolean {
  const text = plainTextOf(b, p.children).trim();
  if (!text || text.length > 60 || /[.!?;]/.test(text.replace(/:$/, ''))) return false;
  const emphasised = p.children.every(
    (c) => c.type === 'strong' || c.type === 'emphasis' || (c.type === 'text' && !c.value.trim()),
  );
  return emphasised || (text.endsWith(':') && text.split(/\s+/).length <= 6);
}

/** True when the node after a lead-in could hold its items. */
function readableAfter(b: Builder, lead: Paragraph, next: RootContent): boolean {
  const between = b.text.slice(off(b, lead).end, off(b, next).start);
  if ((between.match(/\n/g)?.length ?? 0) > 2) return false;
  if (next.type === 'list' || next.type === 'html' || next.type === 'blockquote') return true;
  if (next.type === 'paragraph') {
    const t = plainTextOf(b, next.children);
    return /\|/.test(t) || /\(\s*(?:1|i|a)\s*\)/.test(t);
  }
  return false;
}

function describe(node: RootContent): string {
  switch (node.type) {
    case 'paragraph': {
      const kids = node.children;
      if (kids.length && kids.every((c) => c.type === 'image' || c.type === 'link'))
        return 'an image';
      // Bloomline parses without GFM: a pipe table is a paragraph whose second line is the
      // delimiter row.
      const first = kids[0];
      if (
        first?.type === 'text' &&
        /^[^\n]*\|[^\n]*\r?\n[ \t]*\|?[ \t]*:?-+:?[ \t]*\|/.test(first.value)
      )
        return 'a table';
      return 'a paragraph';
    }
    case 'code':
      return 'a code block';
    case 'html':
      return 'HTML';
    case 'list':
      return 'a list';
    case 'blockquote':
      return 'a block quote';
    case 'table':
      return 'a table';
    case 'thematicBreak':
      return 'nothing';
    default:
      return 'nothing readable';
  }
}

/** Whether a heading of `depth`, `title` and `name` is a subsection of the assessment a
 * heading opened: deeper than its heading, naming a part of an assessment, and no block of its
 * own but a weak name of assessments ("### Grading" under "## Assessment method 1"). */
function insideAssessment(
  p: PendingAssessment | null | undefined,
  depth: number,
  title: string,
  name: BlockName | null,
): boolean {
  if (!p || p.done || p.source !== 'heading' || p.depth === undefined) return false;
  // One assessment ("Exercise 2", "Assessment method 1"), not a block of them ("Exercises").
  if (!p.name.one && !p.name.numbered) return false;
  if (depth <= p.depth) return false;
  if (name && !(name.kind === 'assessment' && name.strength === 'weak' && !name.one)) return false;
  return ASSESSMENT_PART.test(title);
}

/** Headings of a part of an assessment: how it is graded, what is asked or handed in ("###
 * Grading: observation with questions", "### Rubric", "### Submission"). Any other subsection
 * ("## Quiz 2.5" then "### Other design principles") is the lesson going on. */
const ASSESSMENT_PART =
  /^[\s*_#\d.]*(?:grading|grades|grade\s+descriptors|marking|mark\s+scheme|rubrics?|assessment\s+criteria|(?:pass|merit|distinction|success)\s+criteria|criteria|descriptors|scoring|overview|instructions|requirements|submission|deliverables?|what\s+to\s+(?:submit|hand\s+in)|evidence(?:\s+requirements)?|questions|questioning|hints?|solutions?)\b/i;

/** A sentence saying what completing a course earns: "Successful candidates receive the FA
 * certificate", "Participants are awarded 6 CPD hours", "You will earn a digital badge". */
const AWARD = lazy(
  String.raw`\b(?:receives?|earns?|awarded|gains?|obtains?|get)\b[^.\n]{0,80}?\b(?:certificates?|certification|licen[cs]es?|badges?|credentials?|qualifications?|diplomas?|credits?|CEUs?|CPD\s+(?:hours|points))\b`,
  'i',
);

/**
 * Whether the rest of the section after child `i` names objectives of its own: a heading that
 * names them ("## Learning objectives"), a label or run-in label ("**Learning objectives**",
 * "Learning Objective: The learner will ..."), a lead-in over a list, or a div or directive
 * named for them. An opening paragraph that says what learners will learn ("In this lesson,
 * you'll learn ...") then introduces the lesson: the block is its objectives (field trial of
 * 4 Dec 2026, #15).
 */
function objectivesNamedAhead(
  s: Scope,
  siblings: RootContent[],
  i: number,
  plan: HeadingPlan,
): boolean {
  const b = s.b;
  const depth = b.outline.sections[s.section]!.depth;
  const from = off(b, siblings[i]!).end;
  let to = b.text.length;
  for (let k = i + 1; k < siblings.length; k++) {
    const n = siblings[k]!;
    if (n.type === 'heading') {
      if (n.depth <= depth) {
        to = off(b, n).start;
        break;
      }
      if (plan.name(plainTextOf(b, n.children).trim())?.kind === 'objective') return true;
      continue;
    }
    if (n.type === 'paragraph') {
      if (labelName(b, n, s.section)?.kind === 'objective' || runInLabel(b, n)) return true;
      const lead = leadInOf(b, n);
      if (lead && lead.leadIn.verb && siblings[k + 1]?.type === 'list') return true;
    }
  }
  for (const [d, naming] of s.divNamings) {
    const at = d.start + b.parsed.base;
    if (naming.name.kind === 'objective' && at >= from && at < to) return true;
  }
  return false;
}

/** plan.listsOnlyAfter, the question noted for a resume (it reads to the end of a section). */
function listsOnlyAfter(b: Builder, plan: HeadingPlan, i: number, depth: number): boolean {
  const answer = plan.listsOnlyAfter(i, depth);
  b.record?.questions.push({ kind: 'lists', i, depth, answer });
  return answer;
}

/** What the walk has made at a checkpoint heading (its closing done). */
function checkpoint(
  b: Builder,
  record: WalkRecord,
  i: number,
  at: number,
  stack: readonly Frame[],
  headings: number,
): Checkpoint {
  const o = b.outline;
  const n = b.notes!;
  // Each key once, with its count now (a key is touched once per generated ID).
  const counters: (string | number)[] = [];
  const touched = record.touched;
  for (let t = 0; t < touched.length; t++) {
    const key = touched[t]!;
    if (t > 0 && touched[t - 1] === key) continue;
    counters.push(key, b.sectionCounters.get(key)!);
  }
  touched.length = 0;
  record.lastAt = at;
  const children: [number, number][] = [];
  for (const f of stack)
    if (!children.some(([x]) => x === f.section))
      children.push([f.section, o.sections[f.section]!.children.length]);
  return {
    child: i,
    sections: o.sections.length,
    blocks: o.blocks.length,
    objectives: o.objectives.length,
    outcomes: o.outcomes.length,
    assessments: o.assessments.length,
    unread: o.unread.length,
    notes: o.notes.length,
    codeSpans: b.codeSpans.length,
    itemStarts: b.itemStarts.length,
    headings,
    questions: record.questions.length,
    memos: b.reads!.order.length,
    explicit: [n.explicit[0].length, n.explicit[1].length, n.explicit[2].length],
    linking: [n.linking[0].length, n.linking[1].length, n.linking[2].length],
    noteSections: n.sections.length,
    withoutOwnVerb: n.withoutOwnVerb.length,
    criteria: n.criteria,
    title: o.title,
    course: { heading: o.sections[0]!.heading, depth: o.sections[0]!.depth },
    children,
    frames: copyFrames(stack),
    counters,
    at,
  };
}

/**
 * The last build's checkpoint to resume the walk at, or null: the last one whose heading and
 * the two root children after it are the same parse nodes and end before the edit, when the
 * document-wide decisions are the same and every question asked before it has the same answer.
 */
function resumePoint(
  b: Builder,
  last: LastBuild,
  prefix: number,
  children: RootContent[],
  plan: HeadingPlan,
  singleH1: boolean,
): { last: LastBuild; at: Checkpoint; k: number } | null {
  const rec = last.record;
  const old = rec.children;
  if (!old || !rec.plan || !rec.checkpoints.length || !b.reads || !b.notes) return null;
  if (last.lex !== b.lex || last.filePath !== b.filePath || last.endPoints !== b.endPoints)
    return null;
  if (rec.singleH1 !== singleH1 || b.parsed.divs.length) return null;
  if (rec.plan.any !== plan.anyNamingHeading) return null;
  let diff = 0;
  const max = Math.min(old.length, children.length);
  while (
    diff < max &&
    sameNode(old[diff]!, children[diff]!) &&
    positionEnd(children[diff]!.position) < prefix
  )
    diff++;
  let k = rec.checkpoints.length - 1;
  while (k >= 0 && rec.checkpoints[k]!.child + 2 >= diff) k--;
  if (k < 0) return null;
  const at = rec.checkpoints[k]!;
  const before = at.child;
  for (const j of rec.plan.deep) if (j < before && !plan.deep.has(j)) return null;
  for (const j of plan.deep) if (j < before && !rec.plan.deep.has(j)) return null;
  for (const [j, name] of rec.plan.standard)
    if (j < before && plan.standard.get(j) !== name) return null;
  for (const [j, name] of plan.standard)
    if (j < before && rec.plan.standard.get(j) !== name) return null;
  // A block of the prefix that took items after the checkpoint (none known) is not kept.
  const o = last.outline;
  for (let j = 0; j < at.blocks; j++) {
    const block = o.blocks[j]!;
    const item = block.items[block.items.length - 1];
    const made =
      block.kind === 'objective'
        ? at.objectives
        : block.kind === 'outcome'
          ? at.outcomes
          : at.assessments;
    if (item !== undefined && item >= made) return null;
  }
  // The questions asked before the checkpoint, asked again of this text, as they were asked:
  // with the prefix's sections, the course's depth and the title of the time.
  const saved = b.outline;
  try {
    for (let q = 0; q < at.questions; q++) {
      const question = rec.questions[q]!;
      let answer: boolean;
      if (question.kind === 'lists') answer = plan.listsOnlyAfter(question.i, question.depth);
      else {
        const sections = o.sections.slice(0, at.sections);
        sections[0] = { ...sections[0]!, title: '', depth: question.depth0 };
        b.outline = { ...saved, sections, title: question.title };
        const scope: Scope = {
          b,
          section: question.section,
          naming: null,
          label: null,
          divNamings: new Map(),
          paragraphs: 0,
        };
        answer = objectivesNamedAhead(scope, children, question.i, plan);
        b.outline = saved;
      }
      resumeStats.asked++;
      if (answer !== question.answer) return null;
    }
  } finally {
    b.outline = saved;
  }
  return { last, at, k };
}

/** The last build's prefix taken as this build's, up to checkpoint `k`; returns the frames. */
function restore(b: Builder, last: LastBuild, at: Checkpoint, k: number): Frame[] {
  const outline = b.outline;
  const o = last.outline;
  const rec = last.record;
  const notes = b.notes!;
  const root = outline.sections[0]!;
  root.heading = at.course.heading;
  root.depth = at.course.depth;
  const sections = o.sections.slice(0, at.sections);
  sections[0] = root;
  for (const [index, count] of at.children) {
    const sec = index === 0 ? o.sections[0]! : sections[index]!;
    const children = sec.children.slice(0, count);
    if (index === 0) root.children = children;
    else sections[index] = { ...sec, span: { ...sec.span }, children };
  }
  outline.sections = sections;
  outline.title = at.title;
  outline.blocks = o.blocks.slice(0, at.blocks);
  outline.objectives = o.objectives.slice(0, at.objectives);
  outline.outcomes = o.outcomes.slice(0, at.outcomes);
  outline.assessments = o.assessments.slice(0, at.assessments);
  outline.unread = o.unread.slice(0, at.unread);
  outline.notes = o.notes.slice(0, at.notes);
  b.codeSpans = last.codeSpans.slice(0, at.codeSpans);
  b.itemStarts = last.itemStarts.slice(0, at.itemStarts);
  for (let j = 0; j < 3; j++) {
    notes.explicit[j] = last.notes.explicit[j]!.slice(0, at.explicit[j]);
    notes.linking[j] = last.notes.linking[j]!.slice(0, at.linking[j]);
  }
  notes.sections = last.notes.sections.slice(0, at.noteSections);
  notes.withoutOwnVerb = last.notes.withoutOwnVerb.slice(0, at.withoutOwnVerb);
  notes.criteria = at.criteria;
  for (let c = 0; c <= k; c++) {
    const counters = rec.checkpoints[c]!.counters;
    for (let j = 0; j < counters.length; j += 2)
      b.sectionCounters.set(counters[j] as string, counters[j + 1] as number);
  }
  const record = b.record!;
  record.lastAt = at.at;
  record.checkpoints.push(...rec.checkpoints.slice(0, k + 1));
  record.questions.push(...rec.questions.slice(0, at.questions));
  b.reads!.adopt(last.memos, at.memos, last.reads);
  // The prefix's items as placing them again leaves them: no links, references unresolved
  // (the workspace links the outline afresh).
  for (const item of outline.objectives) {
    const o = item as Objective;
    if (o.outcomes !== NO_LINKS) o.outcomes = NO_LINKS;
    if (o.assessments !== NO_LINKS) o.assessments = NO_LINKS;
  }
  for (const item of outline.outcomes as Outcome[])
    if (item.objectives !== NO_LINKS) item.objectives = NO_LINKS;
  for (const item of outline.assessments as Assessment[])
    if (item.objectives !== NO_LINKS) item.objectives = NO_LINKS;
  for (const list of notes.linking)
    for (const item of list) if (item.references.length) item.references = freshReferences(item, 0);
  const items = at.objectives + at.outcomes + at.assessments;
  b.reads!.reused += items;
  resumeStats.resumed++;
  resumeStats.items += items;
  return copyFrames(at.frames) as Frame[];
}

/** The same parse node, or a list the parse joined again across a cut of its pieces (made anew
 * by every parse: parse.ts, assemble) from the same items, with the same fields and place. */
function sameNode(a: RootContent, b: RootContent): boolean {
  if (a === b) return true;
  if (a.type !== 'list' || b.type !== 'list') return false;
  if (a.children.length !== b.children.length) return false;
  for (let k = 0; k < a.children.length; k++) if (a.children[k] !== b.children[k]) return false;
  if (positionStart(a.position) !== positionStart(b.position)) return false;
  if (positionEnd(a.position) !== positionEnd(b.position)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys)
    if (key !== 'children' && key !== 'position')
      if (
        (a as unknown as Record<string, unknown>)[key] !==
        (b as unknown as Record<string, unknown>)[key]
      )
        return false;
  return true;
}
