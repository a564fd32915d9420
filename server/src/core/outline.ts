// Builds the outline model from Markdown: sections from headings, blocks of objectives and
// outcomes from headings, lead-ins, front matter, fenced divs and labels, and for every item
// its ID, label, references and the language reading of its text. Links between items are
// made later (links.ts), because references can point into other files.
import type { Root } from 'mdast';
import type { Config } from './config.js';
import { lexiconFor } from './language/lexicon.js';
import type { Outline, Section } from './model.js';
import { declineReason, deepPrefixes, NotAnalysed } from './limits.js';
import { parseMarkdown, textChange, type Parsed, type TextChange } from './parse.js';
import { readDisableComments } from './recognise/comments.js';
import type { Builder } from './recognise/context.js';
import { PlainCache } from './recognise/plain.js';
import { readFrontMatter } from './recognise/readers/front-matter.js';
import { Reads } from './recognise/reuse.js';
import { startNotes } from './recognise/noted.js';
import type { LastBuild } from './recognise/resume.js';
import { readSignals } from './recognise/signals.js';
import { walkRoot } from './recognise/walk.js';
import { endPointsAfterEdit, endPointsIn, END_POINT_TEXT } from './recognise/plan.js';
import { expandHtmlBlocks } from './recognise/html-blocks.js';
import { otherLanguageNote } from './language/other-language.js';
import { REPORT_MARKER } from './report-marker.js';

export function buildOutline(
  text: string,
  filePath: string,
  config?: Pick<Config, 'vaguePhrases' | 'verbs'>,
): Outline {
  return analyseText(text, filePath, config).outline;
}

/**
 * Builds the outline, reusing the unchanged sections of a previous parse of the same file.
 * A text the core declines (too large, nested too deep: limits.ts) gives an outline with a
 * note and no items, and no parse to reuse.
 */
export interface AnalyseOptions {
  /** The text is analysed once, not edited after (the CLI): its parse need not be in pieces
   * that an edit can re-parse alone. */
  once?: boolean;
}

/** Longest text parsed in one go when analysed once: at most 4 nodes per character stay below
 * MAX_NODES_BASE, and micromark's list work, which grows faster than the text, is small. */
export const WHOLE_PARSE_LENGTH = 32 * 1024;

/**
 * What each build read from the paragraphs of its parse (recognise/reuse.ts), for the next build
 * from that parse. The next build takes over the items of the outline built with it, so that
 * outline must not be read after (the workspace lets it go): a parse's reads are used once.
 */
const READS = new WeakMap<Parsed, Reads>();

/** What each build's walk noted for a resume (recognise/resume.ts), for the next build from its
 * parse: used once, as the reads are. */
const WALKS = new WeakMap<Parsed, LastBuild>();

/** Parses of texts with no line whose container prefix could nest too deep (deepPrefixes false):
 * an edit of such a text is scanned for one only on the lines it changed. */
const SHALLOW = new WeakSet<Parsed>();

/** How many times the text of a parse says "end-point assessment" (plan.ts): an edit of a plain
 * parse's text reads for it only around what it changed. */
const END_POINTS = new WeakMap<Parsed, number>();

export function analyseText(
  text: string,
  filePath: string,
  config?: Pick<Config, 'vaguePhrases' | 'verbs'>,
  previous?: Parsed | null,
  options: AnalyseOptions = {},
): { outline: Outline; parsed: Parsed | null; reused?: number } {
  // An edit of a text parsed before: the whole-text scans read only what it changed.
  const change = previous ? textChange(previous, text) : null;
  const deep =
    change && SHALLOW.has(previous!)
      ? deepPrefixes(text, previous!.base + change.prefix, text.length - change.suffix)
      : deepPrefixes(text);
  const reason = declineReason(text, deep);
  if (reason) return { outline: declined(text, filePath, reason), parsed: null };
  if (text.startsWith(REPORT_MARKER))
    return {
      outline: { ...emptyOutline(filePath, text), sections: [rootSection(text)] },
      parsed: null,
    };
  try {
    const built = build(text, filePath, config, previous ?? undefined, options, change);
    if (!deep) SHALLOW.add(built.parsed);
    return built;
  } catch (err) {
    if (err instanceof NotAnalysed) {
      const at = { start: err.offset, end: err.offset };
      const reason = { message: err.message, span: at };
      return { outline: declined(text, filePath, reason), parsed: err.parsed as Parsed | null };
    }
    // The last line of defence: nesting the scan in limits.ts did not foresee.
    if (err instanceof RangeError && /call stack/i.test(err.message)) {
      const message = 'Not analysed: the text is nested too deeply.';
      return {
        outline: declined(text, filePath, { message, span: { start: 0, end: 0 } }),
        parsed: null,
      };
    }
    throw err;
  }
}

function declined(text: string, filePath: string, reason: Outline['notes'][number]): Outline {
  return {
    ...emptyOutline(filePath, text),
    sections: [rootSection(text)],
    notes: [reason],
    declined: reason.message,
  };
}

/** An outline with nothing in it yet (no sections, items or notes). */
export function emptyOutline(filePath: string, text: string): Outline {
  return {
    filePath,
    text,
    title: null,
    sections: [],
    blocks: [],
    objectives: [],
    outcomes: [],
    assessments: [],
    signals: [],
    directives: [],
    unread: [],
    notes: [],
  };
}

/** Section 0, the course: the whole text, before the title and headings are known. */
function rootSection(text: string): Section {
  return {
    index: 0,
    title: '',
    depth: 0,
    path: [],
    parent: null,
    heading: null,
    span: { start: 0, end: text.length },
    children: [],
  };
}

function build(
  text: string,
  filePath: string,
  config: Pick<Config, 'vaguePhrases' | 'verbs'> | undefined,
  previous: Parsed | undefined,
  options: AnalyseOptions,
  change: TextChange | null,
): { outline: Outline; parsed: Parsed; reused?: number } {
  const lex = lexiconFor(config?.vaguePhrases ?? [], config?.verbs ?? {});
  // A text that will not be edited, and is short enough that micromark's work on it stays
  // linear and its node count under the limit (limits.ts), is parsed in one go: cutting it into
  // pieces costs a parse of each cut tried, and of each piece again for its definitions.
  const whole = options.once === true && !previous && text.length <= WHOLE_PARSE_LENGTH;
  const last = previous ? READS.get(previous) : undefined;
  const walked = previous ? WALKS.get(previous) : undefined;
  if (previous) {
    READS.delete(previous);
    WALKS.delete(previous);
  }
  const parsed = parseMarkdown(text, previous, { whole, skipFences: whole, change });
  const reads = options.once
    ? null
    : new Reads(lex, last?.lex === lex ? last : null, !!previous?.plain && parsed.plain);
  const outline = emptyOutline(filePath, text);
  const before = previous && change ? END_POINTS.get(previous) : undefined;
  const endPoints =
    before !== undefined
      ? endPointsAfterEdit(
          before,
          previous!.source,
          text,
          parsed.base,
          change!.prefix,
          change!.suffix,
        )
      : endPointsIn(text);
  if (text.length <= END_POINT_TEXT) END_POINTS.set(parsed, endPoints);
  const b: Builder = {
    text,
    filePath,
    parsed,
    lex,
    outline,
    sectionCounters: new Map(),
    sectionSlugs: new Map(),
    codeSpans: [],
    itemStarts: [],
    endPoints,
    listSinks: new WeakMap(),
    plainCache: new PlainCache(),
    reads,
    ...(reads ? { notes: startNotes(outline) } : {}),
  };
  if (reads) {
    b.record = { checkpoints: [], questions: [], touched: [], lastAt: -Infinity, headings: [] };
    // A walk resumed at a checkpoint of the last build, where the edit left its prefix alone.
    if (walked && change && last && reads.build === last.build + 1)
      b.resume = { last: walked, prefix: change.prefix };
  }
  // An LMS page's HTML headings and paragraphs read as Markdown's (recognise/html-blocks.ts).
  const children = expandHtmlBlocks(parsed.root.children, (start, end) =>
    text.slice(start + parsed.base, end + parsed.base),
  );
  let root: Root = children === parsed.root.children ? parsed.root : { ...parsed.root, children };
  let h1s = root.children.filter((n) => n.type === 'heading' && n.depth === 1).length;
  outline.sections.push(rootSection(text));
  const first = root.children[0];
  const frontMatter = first?.type === 'yaml' || first?.type === 'toml' ? first : null;
  if (frontMatter) readFrontMatter(b, frontMatter);
  // A file whose headings are all of one level ("# Lesson 3: Loops", "# Learning objectives",
  // "# Exercises"; a module page's "## Documentation and reports", "## Learning Objectives")
  // reads as one with a title and H2 sections, as its author meant: the first heading is the
  // title, the others its sections. Not when front matter gives the title (the headings are then
  // its sections already), nor when the headings are peers ("# Week 1", "# Week 2"). The parse's
  // nodes are never changed: the headings are read through copies at their new levels.
  if (!outline.title && oneLevel(root.children) && !parallelHeadings(root.children)) {
    let first = true;
    root = {
      ...root,
      children: root.children.map((n) => {
        if (n.type !== 'heading') return n;
        const depth = first ? 1 : 2;
        first = false;
        return n.depth === depth ? n : { ...n, depth };
      }),
    };
    h1s = 1;
  }
  try {
    walkRoot(b, root, h1s === 1);
  } catch (err) {
    // Too many items: the parse is kept, so that the next edit parses only what it touched.
    if (err instanceof NotAnalysed) err.parsed = parsed;
    throw err;
  }
  const course = outline.sections[0]!;
  course.title = outline.title ?? '';
  course.path = outline.title ? [outline.title] : [];
  for (const s of outline.sections.slice(1))
    s.path = [...outline.sections[s.parent!]!.path, s.title];
  readDisableComments(b);
  readSignals(b, root);
  // Objectives in another language: said once for the file (language/other-language.ts), in
  // the editor too; not in a file whose author turned every rule off.
  const note = otherLanguageNote(outline, b.notes?.withoutOwnVerb);
  const silenced = outline.directives.some((d) => d.kind === 'disable-file' && !d.rules.length);
  if (note && !silenced) outline.notes.push({ ...note, editor: true });
  if (reads) {
    reads.done();
    READS.set(parsed, reads);
    WALKS.set(parsed, {
      record: b.record!,
      outline,
      notes: b.notes!,
      codeSpans: b.codeSpans,
      itemStarts: b.itemStarts,
      memos: reads.order,
      reads,
      lex,
      filePath,
      endPoints: b.endPoints,
    });
  }
  return { outline, parsed, ...(reads ? { reused: reads.reused } : {}) };
}

/** Whether the file's headings are peers, not a title and its sections: a later one starts
 * with the first one's first word ("# Week 1: Introduction" ... "# Week 2: Data"; "# Sources of
 * A" ... "# Sources of B"). */
function parallelHeadings(children: Root['children']): boolean {
  const words: string[] = [];
  for (const n of children) {
    if (n.type !== 'heading') continue;
    const m = /^[\s\W_]*([\p{L}\p{N}]+)/u.exec(headingText(n));
    words.push(m ? m[1]!.toLowerCase() : '');
  }
  return words[0] !== '' && words.slice(1).includes(words[0]!);
}

/** A heading's text, from its text and code nodes. */
function headingText(node: { children?: unknown[]; value?: unknown }): string {
  if (typeof node.value === 'string') return node.value;
  let out = '';
  for (const c of node.children ?? []) out += headingText(c as typeof node);
  return out;
}

/** Whether the file has two or more headings, all of one level; below H1, the first must open
 * the file (only front matter, HTML or comments before it), as a title does: a slide deck's
 * "### Introduction" after an opening admonition is one slide among its peers. */
function oneLevel(children: Root['children']): boolean {
  let level = 0;
  let count = 0;
  let opens = true;
  for (const n of children) {
    if (n.type !== 'heading') {
      if (!level && n.type !== 'yaml' && n.type !== 'toml' && n.type !== 'html') opens = false;
      continue;
    }
    if (level && n.depth !== level) return false;
    level = n.depth;
    count++;
  }
  return count > 1 && (level === 1 || opens);
}
