// The `outline --format json` shape of INTERFACES.md (also what `bloomline/outline` returns).
import type { BloomLevel, Item, KindDecision, KirkpatrickLevel, Outline, Span } from './model.js';
import { courseKind } from './kind.js';
import { LineIndex, type Position } from './text.js';

/** Where spans of the analysed text are shown: lines of the file as stored (a notebook's JSON,
 * formats/), and for a notebook the cell and the position within it. */
export interface JsonPositions {
  range(span: Span): { start: Position; end: Position };
  cell?(offset: number): { cell: number; line: number; character: number } | null;
}

export interface LinkJson {
  id: string;
  implied: boolean;
  via: 'nesting' | 'reference' | 'row' | 'scope' | 'tag';
  /** Set when the linked item is in another file. */
  filePath?: string;
  /** 1-based line of the linked item (in `filePath` when set), so a client can jump to it. */
  line?: number;
  /** The linked item's text, so a client can show it without loading the other file. */
  text?: string;
}

/** Finds the line of a linked item, possibly in another file. */
export type LinkLocator = (link: {
  id: string;
  filePath?: string;
}) => { line: number; text: string } | null;

export interface SectionJson {
  title: string;
  depth: number;
  line: number | null;
  path: string[];
  objectives: string[];
  outcomes: string[];
  assessments: string[];
  sections: SectionJson[];
}

interface ItemJsonBase {
  id: string;
  explicitId: boolean;
  text: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  section: string[];
  source: string;
  label: string | null;
  parent: string | null;
  /** In a notebook: the cell and the 1-based line and column within the cell's source. From
   * a file (the CLI), `index` is the cell's 0-based index among all the notebook's cells and
   * `line`/`column` above are those of the file as stored; from the language server for a
   * notebook open in the editor, `uri` names the cell's document and `line`/`column` above are
   * the cell's own. */
  cell?: { index?: number; uri?: string; line: number; column: number };
}

/** One behaviour of an objective (OUTLINE-CONVENTIONS.md §7). */
export interface BehaviourJson {
  /** The behaviour's verb: after "learn how to" the verb that follows ("use"), for a vague
   * phrase with nothing observable after it the phrase ("be familiar with"). */
  verb: string;
  /** Its Bloom level, or null (vague with nothing observable after it). */
  level: BloomLevel | null;
  vague: boolean;
  /** The vague phrase, when it is vague ("learn how to" is "learn"). */
  vaguePhrase: string | null;
  /** The level the author most likely meant, for a vague behaviour with no level. */
  meantLevel: BloomLevel | null;
  /** False when the verb is not in the Bloom lexicon (its level, apply, is Bloomline's reading). */
  known: boolean;
  line: number;
  column: number;
}

export interface ObjectiveJson extends ItemJsonBase {
  verb: string | null;
  level: BloomLevel | null;
  alternativeLevels: BloomLevel[];
  vague: boolean;
  vaguePhrase: string | null;
  criterion: string | null;
  /** The leading condition ("Given a CSV of sales"), ABCD "C", or null. */
  condition: string | null;
  /** With no level read, the level the author most likely meant, for the fixes' verbs: a vague
   * phrase's, or a topic's stated in place of an objective ("Care and use of hand tools":
   * apply). Null when a level is read. */
  meantLevel: BloomLevel | null;
  behaviours: BehaviourJson[];
  /** The second and later behaviours' verbs (kept from 0.1; see `behaviours`). */
  compound: string[];
  outcomes: LinkJson[];
  assessments: LinkJson[];
}

export interface OutcomeJson extends ItemJsonBase {
  objectives: LinkJson[];
  target: string | null;
  timeframe: string | null;
  vanity: boolean;
  vanityMetric: string | null;
  output: string | null;
  kirkpatrick: KirkpatrickLevel | null;
}

export interface AssessmentJson extends ItemJsonBase {
  objectives: LinkJson[];
  /** The task verb's lemma, or the question's first word. */
  verb: string | null;
  level: BloomLevel | null;
  /** Whether the level came from a task verb or a question form. */
  form: 'task' | 'question' | null;
  /** The sentence the level was read from. */
  task: string | null;
  /** A grading weight ("30%"), for a line of a grading breakdown. */
  weight: string | null;
}

export interface KindJson {
  value: KindDecision['value'];
  reason: string;
  /** True when read from the outline (`kind: "auto"`). */
  auto: boolean;
}

export interface OutlineJson {
  filePath: string;
  title: string | null;
  kind: KindJson;
  sections: SectionJson[];
  objectives: ObjectiveJson[];
  outcomes: OutcomeJson[];
  assessments: AssessmentJson[];
}

export function outlineToJson(
  outline: Outline,
  locate?: LinkLocator,
  positions?: JsonPositions,
  kind?: KindDecision,
): OutlineJson {
  const lines = positions ? null : new LineIndex(outline.text);
  const range = (span: Span) =>
    positions?.range(span) ?? {
      start: lines!.position(span.start),
      end: lines!.position(span.end),
    };
  const base = (item: Item): ItemJsonBase => {
    const { start: s, end: e } = range(item.textSpan);
    const cell = positions?.cell?.(item.textSpan.start) ?? null;
    const parent = item.parent
      ? ((item.parent.kind === 'objective'
          ? outline.objectives
          : item.parent.kind === 'outcome'
            ? outline.outcomes
            : outline.assessments)[item.parent.index]?.id ?? null)
      : null;
    return {
      id: item.id,
      explicitId: item.explicitId,
      text: item.text,
      line: s.line + 1,
      column: s.character + 1,
      endLine: e.line + 1,
      endColumn: e.character + 1,
      section: outline.sections[item.section]!.path,
      source: item.source,
      label: item.label,
      parent,
      ...(cell
        ? { cell: { index: cell.cell, line: cell.line + 1, column: cell.character + 1 } }
        : {}),
    };
  };
  const link = (l: {
    id: string;
    implied: boolean;
    via: LinkJson['via'];
    filePath?: string;
  }): LinkJson => {
    const found = locate?.(l) ?? null;
    return {
      id: l.id,
      implied: l.implied,
      via: l.via,
      ...(l.filePath ? { filePath: l.filePath } : {}),
      ...(found ? { line: found.line, text: found.text } : {}),
    };
  };
  // Items by section, gathered once (a filter per section is quadratic on long outlines).
  const bySection = outline.sections.map(() => ({
    objectives: [] as string[],
    outcomes: [] as string[],
    assessments: [] as string[],
  }));
  for (const o of outline.objectives) bySection[o.section]?.objectives.push(o.id);
  for (const o of outline.outcomes) bySection[o.section]?.outcomes.push(o.id);
  for (const a of outline.assessments) bySection[a.section]?.assessments.push(a.id);
  const sectionJson = (index: number): SectionJson => {
    const s = outline.sections[index]!;
    return {
      title: s.title,
      depth: s.depth,
      line: s.heading ? range(s.heading).start.line + 1 : null,
      path: s.path,
      objectives: bySection[index]!.objectives,
      outcomes: bySection[index]!.outcomes,
      assessments: bySection[index]!.assessments,
      sections: s.children.map(sectionJson),
    };
  };
  return {
    filePath: outline.filePath,
    title: outline.title,
    kind: (({ value, reason, auto }) => ({ value, reason, auto }))(
      kind ?? courseKind(outline, 'auto'),
    ),
    sections: [sectionJson(0)],
    objectives: outline.objectives.map((o) => ({
      ...base(o),
      verb: o.analysis.verb?.text ?? null,
      level: o.analysis.level,
      alternativeLevels: o.analysis.alternatives,
      vague: o.analysis.vague,
      vaguePhrase: o.analysis.vaguePhrase?.key ?? null,
      criterion: o.analysis.criterion?.text ?? o.abcd?.degree?.text ?? null,
      condition: o.analysis.condition?.text ?? o.abcd?.condition?.text ?? null,
      meantLevel: o.analysis.meantLevel,
      behaviours: o.analysis.behaviours.map((b) => {
        const p = range({ start: b.verb.span.start, end: b.verb.span.start }).start;
        return {
          verb: (b.realVerb ?? b.verb).text,
          level: b.level,
          vague: b.vague,
          vaguePhrase: b.vaguePhrase?.key ?? null,
          meantLevel: b.vague && !b.level ? (b.vaguePhrase?.meant ?? null) : null,
          known: b.known,
          line: p.line + 1,
          column: p.character + 1,
        };
      }),
      compound: o.analysis.behaviours.slice(1).map((b) => (b.realVerb ?? b.verb).text),
      outcomes: o.outcomes.map(link),
      assessments: o.assessments.map(link),
    })),
    outcomes: outline.outcomes.map((o) => ({
      ...base(o),
      objectives: o.objectives.map(link),
      target: o.analysis.target?.text ?? null,
      timeframe: o.analysis.timeframe?.text ?? null,
      vanity: o.analysis.vanity !== null,
      vanityMetric: o.analysis.vanity?.text ?? null,
      output: o.analysis.output?.text ?? null,
      kirkpatrick: o.analysis.kirkpatrick,
    })),
    assessments: outline.assessments.map((a) => ({
      ...base(a),
      objectives: a.objectives.map(link),
      verb: a.analysis.verb?.text ?? null,
      level: a.analysis.level,
      form: a.analysis.form,
      task: a.analysis.task?.text ?? null,
      weight: a.analysis.weight?.text ?? null,
    })),
  };
}
