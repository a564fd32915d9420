// What a closed file contributes to a workspace: the part of its outline that other files'
// links and references need (its explicit IDs and its items' references), without the parse,
// the text, the analyses, sections and blocks. A catalogue of hundreds of lessons is checked
// one file at a time (cli/check.ts) holding only these summaries, not every model.
import type { Assessment, Item, Objective, Outcome, Outline, Reference } from './model.js';

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
 * full outline) with its kind, index, ID, references and parent, and nothing the rules read.
 * It is an `Outline` so that the workspace links it as any other; it is never linted.
 */
export function summariseOutline(outline: Outline): Outline {
  const base = (item: Item) => ({
    kind: item.kind,
    index: item.index,
    id: item.id,
    explicitId: item.explicitId,
    idSpan: item.idSpan,
    text: item.text,
    span: item.span,
    textSpan: item.textSpan,
    section: 0,
    block: -1,
    source: item.source,
    label: null,
    references: item.references.map((r): Reference => ({
      id: r.id,
      span: r.span,
      syntactic: r.syntactic,
      form: r.form,
    })),
    // Nesting links an item with its parent in the same file only: what other files need is
    // where the item is, not the link.
    parent: item.parent,
    plain: '',
    offsets: [],
    insertion: null,
  });
  return {
    filePath: outline.filePath,
    text: '',
    title: outline.title,
    sections: [],
    // No blocks: section scope links items within one file only.
    blocks: [],
    objectives: outline.objectives.map((o): Objective => ({
      ...base(o),
      kind: 'objective',
      analysis: NO_OBJECTIVE_ANALYSIS,
      outcomes: [],
      assessments: [],
    })),
    outcomes: outline.outcomes.map((o): Outcome => ({
      ...base(o),
      kind: 'outcome',
      analysis: NO_OUTCOME_ANALYSIS,
      objectives: [],
    })),
    assessments: outline.assessments.map((a): Assessment => ({
      ...base(a),
      kind: 'assessment',
      analysis: NO_ASSESSMENT_ANALYSIS,
      objectives: [],
    })),
    signals: [],
    directives: [],
    unread: [],
    notes: [],
    ...(outline.declined !== undefined ? { declined: outline.declined } : {}),
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
