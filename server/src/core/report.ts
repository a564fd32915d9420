// The alignment report as data: per course (file), its kind, the objective x outcome matrix,
// the objective x assessment matrix (constructive alignment), the Bloom level distribution per
// section, and coverage figures. `bloomline report --format json` and the `bloomline/report`
// request return this; the md, html and csv writers render it.
import { courseKind } from './kind.js';
import { BLOOM_LEVELS, type BloomLevel, type KindDecision, type Outline } from './model.js';
import type { JsonPositions } from './json.js';
import { LineIndex } from './text.js';

export type LevelCounts = Record<BloomLevel | 'vague' | 'none', number>;

export interface Coverage {
  objectives: number;
  objectivesWithOutcome: number;
  objectivesWithCriterion: number;
  objectivesWithObservableVerb: number;
  outcomes: number;
  outcomesWithTarget: number;
  outcomesWithTimeframe: number;
  outcomesAtKirkpatrick3or4: number;
  vanityMetrics: number;
  outputs: number;
  outcomesMeasuringNothing: number;
  /** Objectives at levels 3 to 6 (apply, analyze, evaluate, create), of those with a level. */
  higherOrderShare: number;
  assessments: number;
  objectivesWithAssessment: number;
  /** Objectives with a level that an assessment checks at that level or above. */
  objectivesAssessedAtLevel: number;
  assessmentsCheckingNothing: number;
}

export interface ReportObjective {
  id: string;
  text: string;
  line: number;
  section: string[];
  level: BloomLevel | null;
  vague: boolean;
  criterion: boolean;
  outcomes: { id: string; implied: boolean; filePath?: string }[];
  assessments: { id: string; implied: boolean; filePath?: string }[];
  /** The highest level the assessments that check it ask for (same file), or null. */
  assessedAt: BloomLevel | null;
}

export interface ReportOutcome {
  id: string;
  text: string;
  line: number;
  section: string[];
  target: boolean;
  timeframe: boolean;
  kirkpatrick: 1 | 2 | 3 | 4 | null;
  vanity: boolean;
  output: boolean;
  objectives: { id: string; implied: boolean; filePath?: string }[];
}

export interface ReportAssessment {
  id: string;
  text: string;
  line: number;
  section: string[];
  level: BloomLevel | null;
  /** "task" (a verb) or "question" (a question form): how the level was read. */
  form: 'task' | 'question' | null;
  /** A grading weight ("30%"). */
  weight: string | null;
  objectives: { id: string; implied: boolean; filePath?: string }[];
}

export interface CourseReport {
  filePath: string;
  title: string | null;
  /** The kind of course and why (OUTLINE-CONVENTIONS.md section 10). */
  kind: { value: KindDecision['value']; reason: string; auto: boolean };
  objectives: ReportObjective[];
  outcomes: ReportOutcome[];
  assessments: ReportAssessment[];
  /** One cell per linked objective-outcome pair (same file). */
  matrix: { objective: string; outcome: string; implied: boolean }[];
  /** One cell per linked objective-assessment pair (same file). */
  assessmentMatrix: { objective: string; assessment: string; implied: boolean }[];
  distribution: { section: string[]; line: number | null; levels: LevelCounts }[];
  levels: LevelCounts;
  coverage: Coverage;
}

export interface ReportJson {
  courses: CourseReport[];
  levels: LevelCounts;
  coverage: Coverage;
}

function emptyCounts(): LevelCounts {
  return {
    remember: 0,
    understand: 0,
    apply: 0,
    analyze: 0,
    evaluate: 0,
    create: 0,
    vague: 0,
    none: 0,
  };
}

function levelKey(o: Outline['objectives'][number]): keyof LevelCounts {
  return o.analysis.vague ? 'vague' : (o.analysis.level ?? 'none');
}

function coverageOf(
  objectives: ReportObjective[],
  outcomes: ReportOutcome[],
  assessments: ReportAssessment[],
): Coverage {
  const leveled = objectives.filter((o) => o.level !== null);
  const higher = leveled.filter((o) => BLOOM_LEVELS.indexOf(o.level!) >= 2).length;
  const rank = (l: BloomLevel) => BLOOM_LEVELS.indexOf(l);
  return {
    objectives: objectives.length,
    objectivesWithOutcome: objectives.filter((o) => o.outcomes.length > 0).length,
    objectivesWithCriterion: objectives.filter((o) => o.criterion).length,
    objectivesWithObservableVerb: leveled.length,
    outcomes: outcomes.length,
    outcomesWithTarget: outcomes.filter((o) => o.target).length,
    outcomesWithTimeframe: outcomes.filter((o) => o.timeframe).length,
    outcomesAtKirkpatrick3or4: outcomes.filter((o) => (o.kirkpatrick ?? 0) >= 3).length,
    vanityMetrics: outcomes.filter((o) => o.vanity).length,
    outputs: outcomes.filter((o) => o.output).length,
    outcomesMeasuringNothing: outcomes.filter((o) => o.objectives.length === 0).length,
    higherOrderShare: leveled.length ? higher / leveled.length : 0,
    assessments: assessments.length,
    objectivesWithAssessment: objectives.filter((o) => o.assessments.length > 0).length,
    objectivesAssessedAtLevel: leveled.filter(
      (o) => o.assessedAt !== null && rank(o.assessedAt) >= rank(o.level!),
    ).length,
    assessmentsCheckingNothing: assessments.filter((a) => a.objectives.length === 0).length,
  };
}

function add(into: LevelCounts, from: LevelCounts): void {
  for (const k of Object.keys(into) as (keyof LevelCounts)[]) into[k] += from[k];
}

/** Builds the report of linked outlines (take them from a Workspace, so links are current).
 * `positionsOf` gives lines of the file as stored where they differ from the analysed text's
 * (a notebook: `Workspace.positions`). */
export function buildReport(
  outlines: readonly Outline[],
  positionsOf?: (outline: Outline) => JsonPositions,
  kindOf: (outline: Outline) => KindDecision = (o) => courseKind(o),
): ReportJson {
  const courses: CourseReport[] = [];
  for (const outline of outlines) {
    if (!outline.objectives.length && !outline.outcomes.length) continue;
    const positions = positionsOf?.(outline);
    const lines = positions ? null : new LineIndex(outline.text);
    const line = (offset: number) =>
      (positions?.range({ start: offset, end: offset }).start ?? lines!.position(offset)).line + 1;
    const path = (section: number) => outline.sections[section]!.path;
    const levelById = new Map<string, BloomLevel | null>();
    for (const a of outline.assessments)
      if (!levelById.has(a.id)) levelById.set(a.id, a.analysis.level);
    const assessedAt = (links: readonly { id: string; filePath?: string }[]) => {
      let top = -1;
      for (const l of links) {
        const level = l.filePath ? null : (levelById.get(l.id) ?? null);
        if (level) top = Math.max(top, BLOOM_LEVELS.indexOf(level));
      }
      return top >= 0 ? BLOOM_LEVELS[top]! : null;
    };
    const objectives: ReportObjective[] = outline.objectives.map((o) => ({
      id: o.id,
      text: o.text,
      line: line(o.textSpan.start),
      section: path(o.section),
      level: o.analysis.vague ? null : o.analysis.level,
      vague: o.analysis.vague,
      criterion: o.analysis.criterion !== null,
      outcomes: o.outcomes.map(linkOf),
      assessments: o.assessments.map(linkOf),
      assessedAt: assessedAt(o.assessments),
    }));
    const assessments: ReportAssessment[] = outline.assessments.map((a) => ({
      id: a.id,
      text: a.text,
      line: line(a.textSpan.start),
      section: path(a.section),
      level: a.analysis.level,
      form: a.analysis.form,
      weight: a.analysis.weight?.text ?? null,
      objectives: a.objectives.map(linkOf),
    }));
    const outcomes: ReportOutcome[] = outline.outcomes.map((o) => ({
      id: o.id,
      text: o.text,
      line: line(o.textSpan.start),
      section: path(o.section),
      target: o.analysis.target !== null,
      timeframe: o.analysis.timeframe !== null,
      kirkpatrick: o.analysis.kirkpatrick,
      vanity: o.analysis.vanity !== null,
      output: o.analysis.output !== null,
      objectives: o.objectives.map(linkOf),
    }));
    const matrix = objectives.flatMap((o) =>
      o.outcomes
        .filter((l) => !l.filePath)
        .map((l) => ({ objective: o.id, outcome: l.id, implied: l.implied })),
    );
    const assessmentMatrix = objectives.flatMap((o) =>
      o.assessments
        .filter((l) => !l.filePath)
        .map((l) => ({ objective: o.id, assessment: l.id, implied: l.implied })),
    );
    const kind = kindOf(outline);
    const bySection = new Map<number, LevelCounts>();
    const levels = emptyCounts();
    for (const o of outline.objectives) {
      const counts = bySection.get(o.section) ?? emptyCounts();
      counts[levelKey(o)]++;
      levels[levelKey(o)]++;
      bySection.set(o.section, counts);
    }
    const distribution = [...bySection.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([s, counts]) => {
        const heading = outline.sections[s]!.heading;
        return { section: path(s), line: heading ? line(heading.start) : null, levels: counts };
      });
    courses.push({
      filePath: outline.filePath,
      title: outline.title,
      kind: { value: kind.value, reason: kind.reason, auto: kind.auto },
      objectives,
      outcomes,
      assessments,
      matrix,
      assessmentMatrix,
      distribution,
      levels,
      coverage: coverageOf(objectives, outcomes, assessments),
    });
  }
  return combineReports([{ courses }]);
}

/** One report of the courses of several (reports made of parts of a workspace, one part at a
 * time: the language server's closed files are analysed again a few at a time). */
export function combineReports(parts: readonly Pick<ReportJson, 'courses'>[]): ReportJson {
  const courses = parts.length === 1 ? parts[0]!.courses : parts.flatMap((p) => p.courses);
  const levels = emptyCounts();
  for (const c of courses) add(levels, c.levels);
  return {
    courses,
    levels,
    coverage: coverageOf(
      courses.flatMap((c) => c.objectives),
      courses.flatMap((c) => c.outcomes),
      courses.flatMap((c) => c.assessments),
    ),
  };
}

function linkOf(l: { id: string; implied: boolean; filePath?: string }): {
  id: string;
  implied: boolean;
  filePath?: string;
} {
  return { id: l.id, implied: l.implied, ...(l.filePath ? { filePath: l.filePath } : {}) };
}
