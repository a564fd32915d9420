// What the md, html and csv writers of the alignment report share: the order and names of the
// Bloom levels, the coverage figures with their labels, the summary line, short labels for
// generated IDs, and the lookups the matrix needs. Pure functions of ReportJson; no file system.
// Straight from the modules, not core/index.js: the VS Code extension bundles these writers, and
// core/index.js would pull the Markdown parser in with them.
import { BLOOM_LEVELS } from '../core/model.js';
import type { CourseReport, Coverage, LevelCounts, ReportJson } from '../core/report.js';

export type LevelKey = keyof LevelCounts;

/** Bloom's six levels in order, then objectives with a vague verb, then those with no level. */
export const LEVEL_KEYS: readonly LevelKey[] = [...BLOOM_LEVELS, 'vague', 'none'];

export const LEVEL_LABELS: Record<LevelKey, string> = {
  remember: 'remember',
  understand: 'understand',
  apply: 'apply',
  analyze: 'analyze',
  evaluate: 'evaluate',
  create: 'create',
  vague: 'vague verb',
  none: 'no level',
};

/** The levels shown in a distribution: all six Bloom levels, vague and none only when used. */
export function shownLevels(levels: LevelCounts): LevelKey[] {
  return LEVEL_KEYS.filter((k) => (k !== 'vague' && k !== 'none') || levels[k] > 0);
}

/** Bloom levels 3 to 6: apply, analyze, evaluate, create. */
export function isHigherOrder(key: LevelKey): boolean {
  const i = (BLOOM_LEVELS as readonly string[]).indexOf(key);
  return i >= 2;
}

/** Objectives at levels 3-6 and objectives with a level, from a distribution. */
export function higherOrder(levels: LevelCounts): { count: number; of: number } {
  let count = 0;
  let of = 0;
  for (const level of BLOOM_LEVELS) {
    of += levels[level];
    if (isHigherOrder(level)) count += levels[level];
  }
  return { count, of };
}

export interface Figure {
  label: string;
  count: number;
  of: number;
  /** What `of` counts, for "2 of 3 objectives": singular and plural. */
  unit: [string, string];
  /** True when more is better (objectives with an outcome), false when fewer is (vanity). */
  good: boolean;
}

/** Which groups of figures a course (or the whole report) calls for: outcome figures where
 * outcomes are expected (workplace) or present, assessment figures where there are
 * assessments. */
export interface Shown {
  outcomes: boolean;
  assessments: boolean;
}

/** What a course calls for: outcomes (a workplace course, or one with outcomes), assessments
 * (one with assessments). */
export function shownFor(course: CourseReport): Shown {
  return {
    outcomes:
      course.kind.value === 'workplace' ||
      course.outcomes.length > 0 ||
      course.objectives.some((o) => o.outcomes.length > 0),
    assessments:
      course.assessments.length > 0 || course.objectives.some((o) => o.assessments.length > 0),
  };
}

/** What the whole report calls for: what any of its courses does. */
export function shownForAll(report: ReportJson): Shown {
  const all = report.courses.map(shownFor);
  return {
    outcomes: all.some((s) => s.outcomes),
    assessments: all.some((s) => s.assessments),
  };
}

/** The coverage figures in the order the report shows them. */
export function coverageFigures(
  c: Coverage,
  shown: Shown = { outcomes: true, assessments: true },
): Figure[] {
  const objectives = (label: string, count: number): Figure => ({
    label,
    count,
    of: c.objectives,
    unit: ['objective', 'objectives'],
    good: true,
  });
  const outcomes = (label: string, count: number, good = true): Figure => ({
    label,
    count,
    of: c.outcomes,
    unit: ['outcome', 'outcomes'],
    good,
  });
  const leveled = c.objectivesWithObservableVerb;
  return [
    ...(shown.outcomes ? [objectives('Objectives with an outcome', c.objectivesWithOutcome)] : []),
    ...(shown.assessments
      ? [
          objectives('Objectives with an assessment', c.objectivesWithAssessment),
          {
            label: 'Objectives assessed at their level',
            count: c.objectivesAssessedAtLevel,
            of: leveled,
            unit: ['objective with a level', 'objectives with a level'] as [string, string],
            good: true,
          },
        ]
      : []),
    objectives('Objectives with a criterion', c.objectivesWithCriterion),
    objectives('Objectives with an observable verb', c.objectivesWithObservableVerb),
    ...(shown.outcomes
      ? [
          outcomes('Outcomes with a target', c.outcomesWithTarget),
          outcomes('Outcomes with a timeframe', c.outcomesWithTimeframe),
          outcomes('Outcomes at Kirkpatrick level 3 or 4', c.outcomesAtKirkpatrick3or4),
          outcomes('Vanity metrics', c.vanityMetrics, false),
          outcomes('Outputs, not outcomes', c.outputs, false),
          outcomes('Outcomes measuring nothing', c.outcomesMeasuringNothing, false),
        ]
      : []),
    ...(shown.assessments
      ? [
          {
            label: 'Assessments checking nothing',
            count: c.assessmentsCheckingNothing,
            of: c.assessments,
            unit: ['assessment', 'assessments'] as [string, string],
            good: false,
          },
        ]
      : []),
    {
      label: 'Objectives at Bloom levels 3-6',
      count: Math.round(c.higherOrderShare * leveled),
      of: leveled,
      unit: ['objective with a level', 'objectives with a level'],
      good: true,
    },
  ];
}

/** "workshop (read from the outline: Carpentries Workbench divs)", "academic (set in the
 * configuration)". */
export function kindText(course: CourseReport): string {
  const why = course.kind.reason.replace(/^read from the outline: /, '');
  return course.kind.auto
    ? `${course.kind.value}, read from the outline: ${why}`
    : `${course.kind.value}, ${why}`;
}

/** "3 objectives", "1 objective". */
export function plural(n: number, word: string, many = word + 's'): string {
  return `${n} ${n === 1 ? word : many}`;
}

/** The report's opening line: "1 course, 4 objectives, 2 outcomes, 3 assessments." */
export function reportSummary(report: ReportJson): string {
  const assessed = report.coverage.assessments
    ? `, ${plural(report.coverage.assessments, 'assessment')}`
    : '';
  return (
    `${plural(report.courses.length, 'course')}, ${plural(report.coverage.objectives, 'objective')}, ` +
    `${plural(report.coverage.outcomes, 'outcome')}${assessed}.`
  );
}

/** "4 objectives", "1 outcome": what a figure's `of` counts. */
export function ofText(f: Figure): string {
  return plural(f.of, f.unit[0], f.unit[1]);
}

/** "67%", or "–" when there is nothing to count. */
export function percent(count: number, of: number): string {
  return of > 0 ? `${Math.round((count / of) * 100)}%` : '–';
}

/** Whether a figure is as it should be: all of them for a good figure, none for a bad one. */
export function figureOk(f: Figure): boolean {
  return f.good ? f.count === f.of : f.count === 0;
}

/** The course's name: its title, else its file. */
export function courseName(course: CourseReport): string {
  return course.title ?? course.filePath;
}

/** A generated ID ("module-1#outcome-2") is long and says nothing: show its position ("#2")
 * instead. Explicit IDs ("LO1") never contain "#". */
export function shortLabel(id: string, index: number): string {
  return id.includes('#') ? `#${index + 1}` : id;
}

/** A section's heading path as shown, without the course title that heads every path. */
export function sectionName(path: readonly string[], title: string | null): string {
  const parts = path.length > 1 && path[0] === title ? path.slice(1) : path;
  return parts.length ? parts.join(' › ') : '(before the first heading)';
}

/** The matrix as a lookup: "objective\0outcome" -> implied. */
export function matrixLookup(course: CourseReport): Map<string, boolean> {
  const cells = new Map<string, boolean>();
  for (const cell of course.matrix)
    cells.set(`${cell.objective}\u0000${cell.outcome}`, cell.implied);
  return cells;
}

/** The objective x assessment matrix as a lookup: "objective\0assessment" -> implied. */
export function assessmentLookup(course: CourseReport): Map<string, boolean> {
  const cells = new Map<string, boolean>();
  for (const cell of course.assessmentMatrix)
    cells.set(`${cell.objective}\u0000${cell.assessment}`, cell.implied);
  return cells;
}

/** Above this many assessments the matrix is a list per objective: a table with 78 quiz
 * columns helps nobody. */
export const MAX_MATRIX_COLUMNS = 20;

export function cellKey(objective: string, outcome: string): string {
  return `${objective}\u0000${outcome}`;
}

/** Links to items in other files ("LO3 in other.md"), which the matrix of one course leaves
 * out. */
export function crossFileLinks(
  links: readonly { id: string; implied: boolean; filePath?: string }[],
): string[] {
  return links
    .filter((l) => l.filePath)
    .map((l) => `${l.id} in ${l.filePath}${l.implied ? ' (implied)' : ''}`);
}

/** One line of text: line breaks become spaces. */
export function flat(text: string): string {
  return text.replace(/\r\n|[\r\n\u2028\u2029]/g, ' ');
}
