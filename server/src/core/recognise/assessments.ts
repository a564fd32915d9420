// Reader: assessments that are one piece of the page rather than one item of a list
// (OUTLINE-CONVENTIONS.md section 5): a heading that names one assessment ("### Exercise 2:
// Loops") with its task under it, a Carpentries `::: challenge` or `::: exercise` div (the
// whole div, its `solution` left out), a MyST `{exercise}` or `{challenge}` directive, a Quarto
// callout or MkDocs admonition titled "Exercise", a label paragraph ("**Exercise 3**") and what
// follows it, a block quote titled "Quiz". Each is opened by the walk when it meets the name,
// gathers the content nodes of its task as the walk passes them, and becomes one assessment item
// when its task ends; its text is its title, its level the highest its task asks for.
// Lists under a name of a block of assessments ("## Exercises") are read by the list reader,
// one assessment per item (scope.ts gives them the placement).
import type { Code, Heading, Paragraph, RootContent } from 'mdast';
import { readTask } from '../language/assessment.js';
import { lazy, testText } from '../language/ascii.js';
import type { BlockSource, Span } from '../model.js';
import { off, type Builder } from './context.js';
import type { Div } from './containers.js';
import { addItem, newSink, skipPrefix } from './items.js';
import { gradedLabelNames } from './graded-work.js';
import { GRADED_LABEL, readLabel, WEAK_TASK_LABEL } from './leadins.js';
import type { BlockName } from './names.js';
import { plainOf, plainTextOf, type PlainText } from './plain.js';
import type { Naming, Scope } from './scope.js';

export interface PendingAssessment {
  source: BlockSource;
  name: BlockName;
  /** The title and where it stands (the heading, label paragraph or fence line). */
  title: PlainText | null;
  titleSpan: Span | null;
  /** Whether the title starts with a label to set aside ("Exercise 3: Write ..."). */
  labelled: boolean;
  /** Section the assessment stands in (-1 until the walk reaches it). */
  section: number;
  /** The content nodes of its task, in document order. */
  nodes: RootContent[];
  div: Div | null;
  /** The name under which it was found, credited with the item read. */
  naming: Naming | null;
  /** Opened by a label paragraph: its task ends at a thematic break or the next label. */
  label: boolean;
  done: boolean;
  /** For one opened by a heading: the heading's depth (its subsections are part of its task). */
  depth?: number;
}

export interface AssessmentState {
  /** Assessments of divs and directives, by div, in document order. */
  divs: Map<Div, PendingAssessment>;
  /** Divs not yet finished, by start. */
  open: Div[];
  /** Where a never-closed assessment div is taken to end (the next section heading). */
  ends: Map<Div, number>;
  /** Where objectives and outcomes start (their first paragraph), so that a task leaves out
   * what was read as items ("### Lab 3" + "- Objective: Run a t-test"); kept up to date
   * incrementally. */
  items: ItemStarts | null;
}

export function newAssessmentState(): AssessmentState {
  return {
    divs: new Map(),
    open: [],
    ends: new Map(),
    items: null,
  };
}

/** The start offsets of every objective and outcome read so far. */
function itemStarts(b: Builder, state: AssessmentState): ItemStarts {
  return (state.items ??= new ItemStarts(b.itemStarts));
}

/**
 * Whether an objective or outcome read so far starts at an offset: `starts` as the builder
 * notes them (a list it goes on adding to). They are noted in document order, and then are
 * searched as they stand; only when one is out of order (none is known to be) are they put in
 * a set, kept up to date from then on. (A set of every start, made on every build for the first
 * assessment with a task, cost a long outline's edit about 1.4% of its work.)
 */
export class ItemStarts {
  /** starts[0, ordered) increase. */
  private ordered = 1;
  private set: Set<number> | null = null;
  private read = 0;

  constructor(private readonly starts: readonly number[]) {}

  has(at: number): boolean {
    const starts = this.starts;
    if (this.set === null) {
      while (this.ordered < starts.length && starts[this.ordered - 1]! < starts[this.ordered]!)
        this.ordered++;
      if (this.ordered >= starts.length) {
        let lo = 0;
        let hi = starts.length;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (starts[mid]! < at) lo = mid + 1;
          else hi = mid;
        }
        return lo < starts.length && starts[lo] === at;
      }
      this.set = new Set();
    }
    for (; this.read < starts.length; this.read++) this.set.add(starts[this.read]!);
    return this.set.has(at);
  }
}

export function openAssessment(
  source: BlockSource,
  name: BlockName,
  section: number,
  options: {
    title?: PlainText | null;
    titleSpan?: Span | null;
    div?: Div | null;
    naming?: Naming | null;
    label?: boolean;
    labelled?: boolean;
  } = {},
): PendingAssessment {
  return {
    source,
    name,
    title: options.title ?? null,
    titleSpan: options.titleSpan ?? null,
    labelled: options.labelled ?? false,
    section,
    nodes: [],
    div: options.div ?? null,
    naming: options.naming ?? null,
    label: options.label ?? false,
    done: false,
  };
}

/** Registers a div or directive that names an assessment (`::: challenge`, `{exercise}`). */
export function openDivAssessment(s: Scope, div: Div, name: BlockName, naming: Naming): void {
  const state = s.assessments;
  if (!state || state.divs.has(div)) return;
  const b = s.b;
  const p = openAssessment(sourceOfDiv(div), name, -1, { div, naming });
  if (div.title) {
    // The title written on the fence (`title="Exercise 1"`, "```{exercise} Loops"): its
    // offsets are exact where the fence line holds it as written.
    const lineStart = div.start + b.parsed.base;
    const eol = b.text.indexOf('\n', lineStart);
    const line = b.text.slice(lineStart, eol < 0 ? b.text.length : eol);
    const at = line.indexOf(div.title);
    if (at >= 0) {
      const start = lineStart + at;
      const offsets = Array.from({ length: div.title.length + 1 }, (_, k) => start + k);
      p.title = { text: div.title, offsets };
      p.titleSpan = { start, end: start + div.title.length };
    }
  }
  state.divs.set(div, p);
  state.open.push(div);
  state.open.sort((a, c) => a.start - c.start);
}

/** A heading that opens a div or directive and titles it ("## Sorting Out References" inside
 * `::: challenge`). */
export function titleDivAssessment(s: Scope, div: Div, heading: Heading): void {
  const p = s.assessments?.divs.get(div);
  if (!p || p.title) return;
  p.title = plainOf(s.b, heading.children);
  p.titleSpan = off(s.b, heading);
  if (p.section < 0) p.section = s.section;
}

/** Hands a content node to the assessments whose task it belongs to: the innermost assessment
 * div around it (not inside its solution or hint), and the one a heading or label opened. */
export function collectTask(s: Scope, node: RootContent): void {
  const b = s.b;
  const start = off(b, node).start;
  flushDivs(s, start);
  const div = assessmentDivAt(s, start);
  if (div) {
    if (div.section < 0) div.section = s.section;
    div.nodes.push(node);
  }
  const current = s.assessment;
  if (current && !current.done) {
    if (current.label && node.type === 'thematicBreak') finishAssessment(s, current);
    // A challenge div under "### Practice" is an assessment of its own, not the heading's task.
    else if (!div || div === current || current.div) current.nodes.push(node);
  }
}

/** The assessment div around an offset, unless a solution, hint or answer div sits between. */
function assessmentDivAt(s: Scope, offset: number): PendingAssessment | null {
  const state = s.assessments;
  if (!state?.divs.size) return null;
  const base = s.b.parsed.base;
  let best: Div | null = null;
  let aside = -1;
  for (const d of state.open) {
    if (d.start + base > offset) break;
    if (offset < d.bodyStart + base || offset >= d.end + base) continue;
    const cut = state.ends.get(d);
    if (cut !== undefined && offset >= cut) continue;
    if (!best || d.depth > best.depth) best = d;
  }
  if (!best) return null;
  for (const d of s.b.parsed.divs) {
    if (d.start + base > offset) break;
    if (d.depth <= best.depth || offset < d.bodyStart + base || offset >= d.end + base) continue;
    if (/\b(?:solution|solutions|hint|hints|answer|answers|instructor|spoiler)\b/.test(d.name))
      aside = Math.max(aside, d.depth);
  }
  return aside > best.depth ? null : (state.divs.get(best) ?? null);
}

/** Finishes the div assessments that end before `offset`. */
export function flushDivs(s: Scope, offset: number): void {
  const state = s.assessments;
  if (!state?.open.length) return;
  const base = s.b.parsed.base;
  const keep: Div[] = [];
  for (const d of state.open) {
    const end = state.ends.get(d) ?? d.end + base;
    if (end <= offset) finishAssessment(s, state.divs.get(d)!);
    else keep.push(d);
  }
  state.open = keep;
}

/**
 * A section heading at `offset`: an assessment div that was never closed ends here, so that
 * the sections after it are read as sections (pandoc would put them inside the challenge; the
 * author did not mean that). The outline's note on the div says so (`bloomline check` prints
 * it).
 */
export function cutUnclosed(s: Scope, offset: number): void {
  const state = s.assessments;
  if (!state) return;
  const base = s.b.parsed.base;
  for (const d of state.open) {
    if (!d.unclosed || state.ends.has(d) || d.bodyStart + base > offset) continue;
    const p = state.divs.get(d)!;
    // The div's own title heading does not end it.
    if (p.titleSpan && p.titleSpan.start >= offset) continue;
    if (!p.nodes.length && !p.titleSpan) continue;
    state.ends.set(d, offset);
    // The walk noted that the div is never closed; say where it is read to instead.
    const start = d.start + base;
    const fence = s.b.text
      .slice(start, d.bodyStart + base)
      .trim()
      .slice(0, 40);
    const message = `This ${d.name.split(/\s+/)[0] || 'div'} ("${fence}") is never closed: Bloomline reads it to the next heading; close it with a fence line of its own.`;
    const note = s.b.outline.notes.find((n) => n.span.start === start);
    if (note) note.message = message;
    else s.b.outline.notes.push({ message, span: { start, end: start } });
  }
  flushDivs(s, offset);
}

/** The fence line of a learnr exercise chunk: ```{r filter-jan, exercise=TRUE}. */
const EXERCISE_CHUNK = /^[ \t]*(`{3,}|~{3,})[ \t]*\{r\b([^}\n]*)\}/;
const EXERCISE_OPTION = /(?:^|,)\s*exercise\s*=\s*(?:TRUE|T)\s*(?:,|$)/;
/** A quarto-live exercise: a ```{webr} or ```{pyodide} cell with a `#| exercise: ex_1` option. */
const LIVE_CELL = /^[ \t]*(?:`{3,}|~{3,})[ \t]*\{(?:webr|pyodide)\b[^}\n]*\}/;
const LIVE_EXERCISE = /^#\|\s*exercise:\s*["']?([\w.-]+)/m;

/**
 * A learnr exercise chunk (```{r name, exercise=TRUE}) or a quarto-live exercise cell
 * (```{webr} with `#| exercise: ex_1`): the learner writes code in it, so it is
 * one assessment, whose task is the prose right before it (since the heading, the last code
 * block or the last exercise); with no prose, its name. The code is never read. Not when an
 * exercise heading, label or div around it already holds it as its task.
 */
export function readExerciseChunk(
  s: Scope,
  node: Code,
  siblings: RootContent[],
  index: number,
  name: BlockName,
): void {
  const b = s.b;
  const span = off(b, node);
  const eol = b.text.indexOf('\n', span.start);
  const fence = b.text.slice(span.start, eol < 0 || eol > span.end ? span.end : eol);
  const m = EXERCISE_CHUNK.exec(fence);
  const live = !m && LIVE_CELL.test(fence) ? LIVE_EXERCISE.exec(node.value) : null;
  if (!live && (!m || !EXERCISE_OPTION.test(m[2]!))) return;
  if (assessmentDivAt(s, span.start) || (s.assessment && !s.assessment.done)) return;
  const nodes: RootContent[] = [];
  // The instruction stands right before the chunk: at most the two paragraphs or lists there
  // (the teaching prose further up is not the task).
  for (let k = index - 1; k >= 0 && nodes.length < 2; k--) {
    const n = siblings[k]!;
    if (n.type !== 'paragraph' && n.type !== 'list') break;
    nodes.unshift(n);
  }
  let title: PlainText | null = null;
  let titleSpan: Span | null = null;
  // A list read as objectives right above is not a task.
  if (nodes.length && !taskTexts(b, nodes, itemStarts(b, s.assessments!)).length) nodes.length = 0;
  if (!nodes.length) {
    // No prose: the chunk's name ("filter-jan", or the exercise option's "ex_1") titles it,
    // where the source holds it.
    const label = m ? /^\s*([\w.-]+)\s*(?:,|$)/.exec(m[2]!) : live;
    if (!label || /=/.test(label[1]!)) return;
    const at = m
      ? fence.indexOf(label[1]!, fence.indexOf('{'))
      : b.text.indexOf(label[0], span.start) - span.start + label[0].indexOf(label[1]!);
    if (at < 0) return;
    const start = span.start + at;
    title = {
      text: label[1]!,
      offsets: Array.from({ length: label[1]!.length + 1 }, (_, k) => start + k),
    };
    titleSpan = { start, end: start + label[1]!.length };
  }
  const p = openAssessment('chunk', name, s.section, { title, titleSpan });
  p.nodes = nodes;
  finishAssessment(s, p);
}

/** Finishes the assessment a heading or label opened (at the next heading, label or break). */
export function finishCurrent(s: Scope): void {
  const p = s.assessment;
  if (p && !p.done) finishAssessment(s, p);
  s.assessment = null;
}

/** Finishes every assessment still open (the end of the document). */
export function finishAll(s: Scope): void {
  finishCurrent(s);
  const state = s.assessments;
  if (!state) return;
  for (const d of state.open) finishAssessment(s, state.divs.get(d)!);
  state.open = [];
}

/**
 * A paragraph that opens one assessment: a label paragraph of one assessment ("**Exercise
 * 2**", "Quiz:") or a paragraph that starts with such a label ("**Exercise 3:** Write a
 * function that ..."). Returns the pending assessment, or null.
 */
export function labelledParagraph(
  s: Scope,
  p: Paragraph,
  name: BlockName | null,
): PendingAssessment | null {
  const b = s.b;
  if (assessmentDivAt(s, off(b, p).start)) return null;
  // The text alone decides (kept across builds: plain.ts); the offsets are made for an
  // assessment only.
  const text = plainTextOf(b, p.children);
  const from = skipPrefix(text);
  const label = readLabel(text, from);
  // "Exercise: 30 minutes" in a schedule is no task.
  const rest = label ? text.slice(label.end).trim() : '';
  const task =
    label?.kind === 'assessment' &&
    /\p{L}{3}/u.test(rest) &&
    !/^\(?\d+\s*(?:min|mins|minutes|h|hours?)\b/i.test(rest) &&
    // "Project: the team's repository is on GitHub" asks nothing.
    (GRADED_LABEL.test(label.label)
      ? gradedLabelNames(rest, b.lex)
      : !WEAK_TASK_LABEL.test(label.label) ||
        // "Project: Annual ABC compliance training" over "Seat time: 25 minutes. Authoring
        // tool: ...": a header of "Key: value" lines names the production, asks nothing.
        (!testText(KEY_VALUE_LINE, sourceOf(b, p)) &&
          (readTask([rest], b.lex).level !== null || judged([rest]))));
  if (!task) {
    if (name?.kind !== 'assessment' || !name.one || !titleOnly(p, text, name)) return null;
    return openAssessment('label', name, s.section, {
      title: plainOf(b, p.children),
      titleSpan: off(b, p),
      label: true,
    });
  }
  const labelName: BlockName = {
    kind: 'assessment',
    family: null,
    strength: 'strong',
    name: label!.label.toLowerCase(),
    one: true,
  };
  return openAssessment('label', labelName, s.section, {
    title: plainOf(b, p.children),
    titleSpan: off(b, p),
    label: true,
    labelled: true,
  });
}

/** A paragraph as written (its line breaks kept; the plain text joins its lines). */
function sourceOf(b: Builder, p: Paragraph): string {
  const span = off(b, p);
  return span.end - span.start <= 2000 ? b.text.slice(span.start, span.end) : '';
}

/** A further line of a header of "Key: value" lines ("Seat time: 25 minutes", "Version: 0.3"):
 * a capitalised key of up to four words, then a colon. */
const KEY_VALUE_LINE = lazy(
  String.raw`[\r\n][ \t]*\p{Lu}[\p{L}-]*(?:[ \t]+[\p{L}-]+){0,3}[ \t]*:[ \t]+\S`,
  'u',
);

// How a task is judged: "scored against the rubric", "pass = 7/8", "signed off by the mentor".
const JUDGED =
  /\b(?:rubrics?|scorecards?|score\s+sheets?|marking\s+(?:scheme|criteria|guide)|mark\s+scheme|scored|graded|marked\s+(?:by|against|with|on)|pass(?:ing)?\s+marks?|pass(?:es)?\s*(?:=|:|at|with)\s*\d|signed\s+off|sign-off|assessed\s+(?:by|against|with|on)|observed\s+(?:by|and\s+scored)|(?:assessors?|observers?|examiners?|the\s+observer)\s+(?:scores?|rates?|marks?|grades?|uses?\s+(?:the|a|an)\s+(?:\S+\s+){0,3}?(?:checklist|rubric|scorecard|rating\s+scale))|(?:observation|observer|assessment|skills|competency)\s+checklists?)\b/i;

/** Whether a task's text says how it is judged (a rubric, a pass mark, a sign-off). */
export function judged(texts: readonly string[]): boolean {
  return texts.some((t) => t.length <= 2000 && JUDGED.test(t));
}

/** Finishes one pending assessment (a heading of a block of assessments, at its section's
 * end). */
export function finishPending(s: Scope, p: PendingAssessment): void {
  finishAssessment(s, p);
}

function finishAssessment(s: Scope, p: PendingAssessment): void {
  if (p.done) return;
  p.done = true;
  const b = s.b;
  // A name whose lists were read as assessments needs no item of its own.
  if (p.naming && p.naming.read > 0) return;
  const texts = taskTexts(b, p.nodes, itemStarts(b, s.assessments!));
  let title = p.title;
  let titleSpan = p.titleSpan;
  let task = texts;
  if (!title) {
    // An untitled challenge: its first line is its text.
    const first = texts[0];
    if (!first) return;
    const eol = first.text.search(/[\r\n]/);
    const cut = eol < 0 ? first.text.length : eol;
    title = { text: first.text.slice(0, cut), offsets: first.offsets.slice(0, cut + 1) };
    titleSpan = { start: first.offsets[0]!, end: first.offsets[cut]! };
    task = texts.slice(1);
  }
  if (!titleSpan || !/[\p{L}\p{N}]/u.test(title.text)) return;
  // A weak name ("## Project", "## Lab") names an assessment only when it asks something.
  const asks = titleAsks(title.text, p.name);
  const read = [...(asks ? [title.text] : []), ...task.map((t) => t.text)];
  // One borne out by graded work ("## Activities", "Role-play") names an assessment when the
  // work is judged, or when it asks the learner a question ("Activity 1: Which of these is
  // untrue ...?", a poll): attending or reading checks nothing, answering does.
  if (p.name.strength === 'weak' && !judged(read)) {
    const asked = readTask(read, b.lex);
    if (asked.level === null || (p.name.graded && !asksQuestion(read, asked.form))) return;
  }
  // A plan's milestone review ("### 90-day review" in the last phase, "judged against the
  // scorecard") reviews the plan's goals, not its phase's: it checks every goal of the course.
  const section = p.name.name === 'review' ? 0 : p.section >= 0 ? p.section : s.section;
  const body = bodySpan(b, p.nodes);
  // Each is a block of its own (OUTLINE-CONVENTIONS.md section 6): a challenge that names no
  // objective checks those of its section, whatever the challenge beside it names.
  const sink = newSink(section, p.source, titleSpan, 'assessment');
  const made = addItem(b, sink, title, titleSpan, {
    kind: 'assessment',
    labels: p.labelled,
    insertion: null,
    task: { texts: task, body, title: asks },
  });
  if (!made) return;
  const block = b.outline.blocks[made.block]!;
  block.span = { start: block.span.start, end: Math.max(block.span.end, body?.end ?? 0) };
  if (p.naming) p.naming.read++;
}

/** The plain text of each paragraph and list item of a task, in order; code, and what was read
 * as objectives or outcomes, are left out. */
export function taskTexts(
  b: Builder,
  nodes: RootContent[],
  items: { has(at: number): boolean } = new Set<number>(),
): PlainText[] {
  const out: PlainText[] = [];
  let chars = 0;
  const stack: RootContent[] = [...nodes].reverse();
  while (stack.length && out.length < 80 && chars < 8000) {
    const n = stack.pop()!;
    if (n.type === 'paragraph' || n.type === 'heading') {
      if (items.has(off(b, n).start)) continue;
      const t = plainOf(b, n.children);
      if (/[\p{L}]/u.test(t.text)) {
        out.push(t);
        chars += t.text.length;
      }
    } else if (
      'children' in n &&
      (n.type === 'list' || n.type === 'listItem' || n.type === 'blockquote')
    ) {
      const kids = n.children as RootContent[];
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
    }
  }
  return out;
}

/** A label paragraph that is a title: bold or italic only ("**Exercise 2**"), ending in ":"
 * ("Quiz:"), or the name alone ("Exercise 2"); not "Exercise: 30 minutes" in a schedule. */
function titleOnly(p: Paragraph, text: string, name: BlockName): boolean {
  const t = text.trim();
  if (/^\(?\d+\s*(?:min|mins|minutes|h|hours?)\b/i.test(t.replace(/^[^:]*:\s*/, ''))) return false;
  if (
    p.children.length === 1 &&
    (p.children[0]!.type === 'strong' || p.children[0]!.type === 'emphasis')
  )
    return true;
  if (t.endsWith(':')) return true;
  return !titleAsks(t, name) && t.split(/\s+/).length <= name.name.split(/\s+/).length + 1;
}

/** A question put to the learner: the task reads as one, or a sentence of it ends in "?"
 * ("... Which Git command allows you to specify this?**"; not "page.php?id=3"). */
const QUESTION_END = /[^\s([{<>?!.,;:]\?(?=\s|$|[*_<)"'’”])/;
function asksQuestion(texts: readonly string[], form: 'task' | 'question' | null): boolean {
  return form === 'question' || texts.some((t) => t.length <= 2000 && QUESTION_END.test(t));
}

/** Whether a title says more than its name ("Exercise 2: Write a loop", not "Practice" or
 * "Exercise 1: Summing"): only then is it read as part of the task. */
function titleAsks(title: string, name: BlockName): boolean {
  const nameWords = new Set(name.name.split(/[\s-]+/));
  const words = title
    .toLowerCase()
    .split(/[^\p{L}\p{N}']+/u)
    .filter((w) => w && !nameWords.has(w) && !/^\d/.test(w));
  return words.length >= 2;
}

function bodySpan(b: Builder, nodes: RootContent[]): Span | null {
  if (!nodes.length) return null;
  return { start: off(b, nodes[0]!).start, end: off(b, nodes[nodes.length - 1]!).end };
}

function sourceOfDiv(d: Div): BlockSource {
  return d.syntax === 'directive' ? 'directive' : d.syntax === 'admonition' ? 'admonition' : 'div';
}
