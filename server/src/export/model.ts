// What an LMS export holds, built from the outline model (core/model.ts) and nothing else: per
// course (file) its tree of sections, and in them the objectives (with ID, text, Bloom level,
// verb, criterion, the outcomes measuring them and the assessments checking them) and the
// outcomes. The three writers (Canvas, Moodle, CASE) read this; none of them reads Markdown.
// Assessments are not items of a competency framework: they stand in an objective's
// description where a format has one for it (Moodle, CASE), and not at all in Canvas's
// outcomes.
import {
  LineIndex,
  type Assessment,
  type BloomLevel,
  type Objective,
  type Outcome,
  type Outline,
  type JsonPositions,
} from '../core/index.js';
import { UniqueIds } from './ids.js';

/** One outline to export: its workspace key (links name files by it) and the path the export
 * shows and derives identifiers from (relative to the project root, "/" separators). */
export interface ExportSource {
  key: string;
  path: string;
  outline: Outline;
  /** Lines of the file as stored where they differ from the analysed text's (a notebook's:
   * `Workspace.positions`), so "line N" is the line the CLI reports. */
  positions?: JsonPositions;
}

export interface ExportObjective {
  kind: 'objective';
  /** The ID as exported: the outline's, made unique within its file (a repeat gets "-2"). */
  id: string;
  /** The ID as written in the outline (or generated), before it was made unique. */
  sourceId: string;
  explicitId: boolean;
  text: string;
  line: number;
  level: BloomLevel | null;
  verb: string | null;
  criterion: string | null;
  /** The outcomes that measure it (text where known). */
  outcomes: { id: string; explicitId: boolean; text: string | null; implied: boolean }[];
  /** The assessments that check it, with the level each asks for (where known). */
  assessments: {
    id: string;
    explicitId: boolean;
    text: string | null;
    level: BloomLevel | null;
    implied: boolean;
  }[];
  /** Objectives nested under this one. */
  children: ExportObjective[];
}

export interface ExportOutcome {
  kind: 'outcome';
  id: string;
  sourceId: string;
  explicitId: boolean;
  text: string;
  line: number;
  target: string | null;
  timeframe: string | null;
  /** IDs (as exported) of the objectives it measures in its own file. */
  objectives: string[];
}

export type ExportItem = ExportObjective | ExportOutcome;

export interface ExportGroup {
  kind: 'course' | 'section';
  title: string;
  /** Titles from the course down to this group. */
  path: string[];
  /** 1-based heading line, or null for a course without a heading. */
  line: number | null;
  groups: ExportGroup[];
  items: ExportItem[];
}

export interface ExportCourse {
  path: string;
  title: string;
  root: ExportGroup;
}

export interface ExportProject {
  /** The export's name: the course's title for one file, else the project's (folder) name. */
  title: string;
  courses: ExportCourse[];
  /** Things the user should be told (duplicate IDs renamed ...), one line each. */
  warnings: string[];
}

/**
 * Builds the export of the outlines given, in the order given. Files with no objective or
 * outcome are left out. `projectTitle` names an export of several courses.
 */
export function buildExport(sources: readonly ExportSource[], projectTitle: string): ExportProject {
  const warnings: string[] = [];
  const outcomeOf = new Map<string, Map<string, Outcome>>();
  const assessmentOf = new Map<string, Map<string, Assessment>>();
  for (const s of sources) {
    outcomeOf.set(s.key, new Map(s.outline.outcomes.map((o) => [o.id, o])));
    assessmentOf.set(s.key, new Map(s.outline.assessments.map((a) => [a.id, a])));
  }

  const courses: ExportCourse[] = [];
  for (const source of sources) {
    const { outline } = source;
    if (!outline.objectives.length && !outline.outcomes.length) continue;
    const ids = exportIds(source, warnings);
    const lines = source.positions ? null : new LineIndex(outline.text);
    const lineOf = (offset: number) =>
      (source.positions?.range({ start: offset, end: offset }).start ?? lines!.position(offset))
        .line + 1;
    const objectives = outline.objectives.map((o): ExportObjective => ({
      kind: 'objective',
      id: ids.objectives[o.index]!,
      sourceId: o.id,
      explicitId: o.explicitId,
      text: o.text,
      line: lineOf(o.textSpan.start),
      level: o.analysis.level,
      verb: o.analysis.verb?.text ?? null,
      criterion: o.analysis.criterion?.text ?? null,
      outcomes: o.outcomes.map((l) => ({
        id: l.filePath ? l.id : (ids.outcomeById.get(l.id) ?? l.id),
        explicitId: outcomeOf.get(l.filePath ?? source.key)?.get(l.id)?.explicitId ?? true,
        text: outcomeOf.get(l.filePath ?? source.key)?.get(l.id)?.text ?? null,
        implied: l.implied,
      })),
      assessments: o.assessments.map((l) => {
        const a = assessmentOf.get(l.filePath ?? source.key)?.get(l.id);
        return {
          id: l.id,
          explicitId: a?.explicitId ?? true,
          text: a?.text ?? null,
          level: a?.analysis.level ?? null,
          implied: l.implied,
        };
      }),
      children: [],
    }));
    const outcomes = outline.outcomes.map((o): ExportOutcome => ({
      kind: 'outcome',
      id: ids.outcomes[o.index]!,
      sourceId: o.id,
      explicitId: o.explicitId,
      text: o.text,
      line: lineOf(o.textSpan.start),
      target: o.analysis.target?.text ?? null,
      timeframe: o.analysis.timeframe?.text ?? null,
      objectives: o.objectives
        .filter((l) => !l.filePath)
        .map((l) => ids.objectiveById.get(l.id) ?? l.id),
    }));
    // Sections that hold an item somewhere below them become groups; the others are skipped
    // (their items, if any, stay with the nearest kept ancestor: there are none by definition).
    const holds = outline.sections.map(() => false);
    const mark = (section: number) => {
      for (let s: number | null = section; s !== null; s = outline.sections[s]!.parent) {
        if (holds[s]) break;
        holds[s] = true;
      }
    };
    for (const o of outline.objectives) mark(o.section);
    for (const o of outline.outcomes) mark(o.section);
    const groupOf = new Map<number, ExportGroup>();
    const title = outline.title?.trim() || baseName(source.path);
    const makeGroup = (index: number): ExportGroup => {
      const s = outline.sections[index]!;
      const group: ExportGroup = {
        kind: index === 0 ? 'course' : 'section',
        title: index === 0 ? title : s.title.trim() || `Section ${index}`,
        path: index === 0 ? [title] : [title, ...s.path.slice(1)],
        line: s.heading ? lineOf(s.heading.start) : null,
        groups: [],
        items: [],
      };
      groupOf.set(index, group);
      group.groups = s.children.filter((c) => holds[c]).map(makeGroup);
      return group;
    };
    const root = makeGroup(0);
    for (const o of outline.objectives) {
      const item = objectives[o.index]!;
      const parent = nestedParent(outline, o);
      if (parent !== null) objectives[parent]!.children.push(item);
      else groupOf.get(o.section)!.items.push(item);
    }
    for (const o of outline.outcomes) groupOf.get(o.section)!.items.push(outcomes[o.index]!);
    courses.push({ path: source.path, title, root });
  }
  const title = courses.length === 1 ? courses[0]!.title : projectTitle;
  return { title, courses, warnings };
}

/** The objective an objective is nested under, when it is. */
function nestedParent(outline: Outline, o: Objective): number | null {
  return o.parent?.kind === 'objective' && outline.objectives[o.parent.index]
    ? o.parent.index
    : null;
}

/** Exported IDs: the outline's, unique within the file. A repeated explicit ID (which
 * `duplicate-id` reports) gets "-2", "-3" ..., and the user is told. */
function exportIds(
  source: ExportSource,
  warnings: string[],
): {
  objectives: string[];
  outcomes: string[];
  objectiveById: Map<string, string>;
  outcomeById: Map<string, string>;
} {
  const unique = new UniqueIds(Number.MAX_SAFE_INTEGER);
  // Per ID, compared without case as duplicate-id compares them: the IDs exported for it.
  const uses = new Map<string, { written: string; as: string[] }>();
  const assign = (items: readonly (Objective | Outcome)[], byId: Map<string, string>) =>
    items.map((item) => {
      const id = unique.take(item.id);
      const key = item.id.toLowerCase();
      const use = uses.get(key) ?? { written: item.id, as: [] };
      use.as.push(id);
      uses.set(key, use);
      // References resolve to the first item with an ID, as in the editor.
      if (!byId.has(item.id)) byId.set(item.id, id);
      return id;
    });
  const objectiveById = new Map<string, string>();
  const outcomeById = new Map<string, string>();
  const objectives = assign(source.outline.objectives, objectiveById);
  const outcomes = assign(source.outline.outcomes, outcomeById);
  for (const { written, as } of uses.values()) {
    if (as.length < 2) continue;
    warnings.push(
      `${source.path}: the ID "${written}" is used ${as.length} times; exported as ${as.map((a) => `"${a}"`).join(', ')}`,
    );
  }
  return { objectives, outcomes, objectiveById, outcomeById };
}

function baseName(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1).replace(/\.[^.]+$/, '') || p;
}
