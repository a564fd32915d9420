// What a closed file contributes to a workspace: the part of its outline that other files'
// links and references need (its explicit IDs and its items' references), without the parse,
// the text and the analyses. A catalogue of hundreds of lessons is checked one file at a time
// (cli/check.ts) holding only these summaries, not every model; the language server keeps
// closed files so too (lsp/server.ts), so the summary also keeps what navigation, hover,
// completion and code lenses show of another file's item (its text, positions and level), and
// the skeleton of sections and blocks that section scope links with: a summary is linked as
// the full outline is, links within the file included. The language server asks for more
// (`entries`): what the tree, the report and the export show of each item (the analyses'
// words, levels and positions, labels, section titles, the course's kind), so that those
// answer for the whole workspace from the summaries, as rust-analyzer answers workspace-wide
// queries from its index, without analysing every closed file again.
import { isOutline } from './is-outline.js';
import { courseKind, rememberKind } from './kind.js';
import type {
  Assessment,
  Behaviour,
  Block,
  Item,
  Located,
  Objective,
  ObjectiveAnalysis,
  Outcome,
  Outline,
  Reference,
  Section,
} from './model.js';

export interface SummaryOptions {
  /**
   * Keep what the tree (`outlineToJson`), the report (`buildReport`) and the export
   * (`buildExport`) read of each item, so that they give of the summary, linked, what they give
   * of the whole outline: labels, section titles and paths, an objective's verb, level,
   * alternatives, vague phrase, criterion, condition and behaviours, an outcome's target,
   * timeframe, vanity measure, output and Kirkpatrick level, and the kind the course is read as
   * (`courseKind` with `auto`, decided now from what the summary lets go: signals, lead-ins).
   * Not kept even so: plain texts and offsets, lead-ins, placeholder criteria, directives,
   * unread blocks and notes (what only the rules read: a summary is never linted).
   */
  entries?: boolean;
}

/** True when the outline can take part in links between files: it has an explicit ID
 * (another file may name it) or a reference (it may name another file's item). A file with
 * neither is linked by nothing outside itself, so its findings are its own. */
export function linksAcrossFiles(outline: Outline): boolean {
  for (const list of [outline.objectives, outline.outcomes, outline.assessments] as Item[][]) {
    for (const item of list) if (item.explicitId || item.references.length) return true;
  }
  return false;
}

/**
 * The outline reduced to what linking needs: every item (so that indices stay those of the
 * full outline) with its kind, index, ID, references, parent, section and block, the sections'
 * tree and the blocks' items (section scope), and of the analyses only the Bloom level (an
 * objective's, and whether its verb is vague; an assessment's, with the words it was read from
 * and its grading weight). It is an `Outline` so that the workspace links it as any other; it
 * is never linted. Strings are copied (`own`), so that none keeps the file's text alive.
 */
export function summariseOutline(outline: Outline, options: SummaryOptions = {}): Outline {
  const entries = options.entries === true;
  // Section paths repeat their ancestors' titles: one copy of each.
  const titles = new Map<string, string>();
  const title = (t: string) => {
    let kept = titles.get(t);
    if (kept === undefined) titles.set(t, (kept = own(t)));
    return kept;
  };
  const base = (item: Item) => ({
    kind: item.kind,
    index: item.index,
    id: item.id,
    explicitId: item.explicitId,
    idSpan: item.idSpan,
    text: own(item.text),
    span: item.span,
    textSpan: item.textSpan,
    section: item.section,
    block: item.block,
    source: item.source,
    label: entries && item.label !== null ? own(item.label) : null,
    references: item.references.map((r): Reference => ({
      id: own(r.id),
      span: r.span,
      syntactic: r.syntactic,
      form: r.form,
      ...(r.ordinal === undefined ? {} : { ordinal: r.ordinal }),
      ...(r.inRange ? { inRange: true as const } : {}),
    })),
    // Nesting links an item with its parent in the same file only: what other files need is
    // where the item is, not the link.
    parent: item.parent,
    ...(item.rowObjectives ? { rowObjectives: item.rowObjectives } : {}),
    plain: '',
    offsets: [],
    insertion: null,
  });
  const summary: Outline = {
    filePath: outline.filePath,
    text: '',
    title: outline.title === null ? null : own(outline.title),
    sections: outline.sections.map((s): Section => ({
      index: s.index,
      title: entries ? title(s.title) : '',
      depth: s.depth,
      path: entries ? s.path.map(title) : [],
      parent: s.parent,
      heading: s.heading,
      span: s.span,
      children: s.children,
    })),
    blocks: outline.blocks.map((b): Block => ({
      index: b.index,
      kind: b.kind,
      source: b.source,
      section: b.section,
      items: b.items,
      leadIn: null,
      span: b.span,
      ...(b.labelledAside ? { labelledAside: true } : {}),
      // A standard's codes resolve in their own file only (workspace.ts localIds), closed or not.
      ...(b.standard ? { standard: true } : {}),
    })),
    objectives: outline.objectives.map((o): Objective => ({
      ...base(o),
      kind: 'objective',
      analysis: entries
        ? objectiveEntry(o.analysis)
        : o.analysis.level === null && !o.analysis.vague
          ? NO_OBJECTIVE_ANALYSIS
          : { ...NO_OBJECTIVE_ANALYSIS, level: o.analysis.level, vague: o.analysis.vague },
      // Its ABCD parts, which the tree's JSON shows as its condition and criterion.
      ...(entries && o.abcd ? { abcd: o.abcd } : {}),
      outcomes: [],
      assessments: [],
    })),
    outcomes: outline.outcomes.map((o): Outcome => ({
      ...base(o),
      kind: 'outcome',
      analysis: entries ? outcomeEntry(o.analysis) : NO_OUTCOME_ANALYSIS,
      objectives: [],
    })),
    assessments: outline.assessments.map((a): Assessment => {
      const x = a.analysis;
      return {
        ...base(a),
        kind: 'assessment',
        analysis:
          x.level === null && x.weight === null && (!entries || (!x.verb && !x.form && !x.task))
            ? NO_ASSESSMENT_ANALYSIS
            : {
                verb: located(x.verb),
                level: x.level,
                form: x.form,
                task: located(x.task),
                weight: located(x.weight),
                body: NONE,
              },
        objectives: [],
      };
    }),
    signals: [],
    directives: [],
    unread: [],
    notes: [],
    ...(outline.declined !== undefined ? { declined: outline.declined } : {}),
    ...(isOutline(outline) ? {} : { notOutline: true as const }),
  };
  // The kind read from the outline needs what the summary lets go (signals, lead-ins): decided
  // now, and kept as the summary's.
  if (entries) rememberKind(summary, courseKind(outline, 'auto'));
  return summary;
}

/** A located word or phrase whose text shares no memory with the file's. */
function located<T extends Located>(l: T | null): T | null {
  return l && { ...l, text: own(l.text) };
}

/** What the tree, the report and the export show of an objective's reading. */
function objectiveEntry(a: ObjectiveAnalysis): ObjectiveAnalysis {
  if (!a.verb && !a.level && !a.vague && !a.criterion && !a.condition && !a.behaviours.length)
    if (!a.alternatives.length && !a.vaguePhrase && !a.verbFromLeadIn && !a.meantLevel)
      return NO_OBJECTIVE_ANALYSIS;
  // The reading shares words between the objective and its behaviours (its verb is its first
  // behaviour's): one copy of each.
  const copies = new Map<object, object>();
  const copy = <T extends Located>(l: T | null, make: (l: T) => T): T | null => {
    if (!l) return null;
    let made = copies.get(l) as T | undefined;
    if (!made) copies.set(l, (made = make(l)));
    return made;
  };
  const word = <T extends Located>(l: T | null) => copy(l, (x) => ({ ...x, text: own(x.text) }));
  const phrase = <T extends NonNullable<Behaviour['vaguePhrase']>>(p: T | null) =>
    copy(p, (x) => ({ ...x, text: own(x.text), key: own(x.key) }));
  return {
    verb: word(a.verb),
    level: a.level,
    alternatives: a.alternatives,
    vague: a.vague,
    vaguePhrase: phrase(a.vaguePhrase),
    verbFromLeadIn: a.verbFromLeadIn,
    criterion: word(a.criterion),
    placeholderCriterion: NONE,
    behaviours: a.behaviours.map((b): Behaviour => ({
      verb: word(b.verb)!,
      level: b.level,
      alternatives: b.alternatives,
      vague: b.vague,
      vaguePhrase: phrase(b.vaguePhrase),
      realVerb: word(b.realVerb),
      known: b.known,
    })),
    condition: word(a.condition),
    meantLevel: a.meantLevel,
  };
}

/** What the tree, the report and the export show of an outcome's reading. */
function outcomeEntry(a: Outcome['analysis']): Outcome['analysis'] {
  if (!a.target && !a.timeframe && !a.vanity && !a.output && a.kirkpatrick === null)
    return NO_OUTCOME_ANALYSIS;
  return {
    target: located(a.target),
    timeframe: located(a.timeframe),
    vanity: located(a.vanity),
    output: located(a.output),
    kirkpatrick: a.kirkpatrick,
    placeholder: NONE,
  };
}

/**
 * Of a linked summary (or outline), whether its findings depend on other files: an item is
 * linked with an item of another file, a reference resolves into another file, or a reference
 * written as one resolves nowhere (unknown-reference then names IDs of the whole workspace).
 */
export function dependsOnOtherFiles(outline: Outline): boolean {
  const fp = outline.filePath;
  for (const o of outline.objectives) {
    if (o.outcomes.some((l) => l.filePath) || o.assessments.some((l) => l.filePath)) return true;
  }
  for (const o of outline.outcomes) if (o.objectives.some((l) => l.filePath)) return true;
  for (const a of outline.assessments) if (a.objectives.some((l) => l.filePath)) return true;
  for (const list of [outline.objectives, outline.outcomes, outline.assessments] as Item[][]) {
    for (const item of list) {
      for (const r of item.references) {
        if (r.target ? r.target.filePath !== fp : r.syntactic) return true;
      }
    }
  }
  return false;
}

/** A copy of a string that shares no memory with the text it was cut from (V8 keeps a slice
 * of a long string as a view of it, and so the whole file alive). */
function own(s: string): string {
  return s.length < 13 ? s : (JSON.parse(JSON.stringify(s)) as string);
}

const NONE = null;
const NO_OBJECTIVE_ANALYSIS: Objective['analysis'] = {
  verb: NONE,
  level: NONE,
  alternatives: [],
  vague: false,
  vaguePhrase: NONE,
  verbFromLeadIn: false,
  criterion: NONE,
  placeholderCriterion: NONE,
  behaviours: [],
  condition: NONE,
  meantLevel: NONE,
};
const NO_OUTCOME_ANALYSIS: Outcome['analysis'] = {
  target: NONE,
  timeframe: NONE,
  vanity: NONE,
  output: NONE,
  kirkpatrick: NONE,
  placeholder: NONE,
};
const NO_ASSESSMENT_ANALYSIS: Assessment['analysis'] = {
  verb: NONE,
  level: NONE,
  form: NONE,
  task: NONE,
  weight: NONE,
  body: NONE,
};
