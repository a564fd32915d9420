// `report --format csv`: the alignment as a table for a spreadsheet, RFC 4180 (fields with a
// comma, quote or line break quoted, quotes doubled, CRLF after every record, a header row).
// One row per objective-outcome pair, one per objective-assessment pair, one per objective
// linked to nothing and one per outcome or assessment linked to nothing; the outcome and
// assessment columns of a row are empty where it is not about one. Cells that a spreadsheet would take for a formula (=, +, -, @, tab, CR at
// the start) get a leading apostrophe, so opening the file never runs outline text.
import type { CourseReport, ReportJson } from '../core/index.js';

export const CSV_HEADER = [
  'file',
  'course',
  'section',
  'objective id',
  'objective text',
  'Bloom level',
  'vague',
  'criterion',
  'outcome id',
  'outcome text',
  'link',
  'target',
  'timeframe',
  'Kirkpatrick',
  'vanity',
  'output',
  'assessment id',
  'assessment text',
  'assessment level',
  'assessment link',
] as const;

type Outcome = CourseReport['outcomes'][number];

export function formatReportCsv(report: ReportJson): string {
  const rows: string[][] = [[...CSV_HEADER]];
  // Outcomes by file and ID, for links to an outcome in another file.
  const outcomesByFile = new Map<string, Map<string, Outcome>>();
  const assessmentsByFile = new Map<string, Map<string, CourseReport['assessments'][number]>>();
  for (const course of report.courses) {
    outcomesByFile.set(course.filePath, new Map(course.outcomes.map((o) => [o.id, o])));
    assessmentsByFile.set(course.filePath, new Map(course.assessments.map((a) => [a.id, a])));
  }

  for (const course of report.courses) {
    const name = course.title ?? '';
    for (const obj of course.objectives) {
      const objectiveCells = [
        course.filePath,
        name,
        section(obj.section),
        obj.id,
        obj.text,
        obj.level ?? '',
        yesNo(obj.vague),
        yesNo(obj.criterion),
      ];
      const none = ['', '', '', ''];
      for (const link of obj.assessments) {
        const a = assessmentsByFile.get(link.filePath ?? course.filePath)?.get(link.id);
        const id = link.filePath ? `${link.id} (${link.filePath})` : link.id;
        rows.push([
          ...objectiveCells,
          '',
          '',
          '',
          '',
          '',
          '',
          '',
          '',
          id,
          a?.text ?? '',
          a?.level ?? '',
          link.implied ? 'implied' : 'explicit',
        ]);
      }
      if (!obj.outcomes.length) {
        if (!obj.assessments.length)
          rows.push([...objectiveCells, '', '', 'none', '', '', '', '', '', ...none]);
        continue;
      }
      for (const link of obj.outcomes) {
        const outcome = outcomesByFile.get(link.filePath ?? course.filePath)?.get(link.id);
        const id = link.filePath ? `${link.id} (${link.filePath})` : link.id;
        rows.push([
          ...objectiveCells,
          id,
          outcome?.text ?? '',
          link.implied ? 'implied' : 'explicit',
          ...outcomeFigures(outcome),
          ...none,
        ]);
      }
    }
    for (const o of course.outcomes) {
      if (o.objectives.length) continue;
      rows.push([
        course.filePath,
        name,
        section(o.section),
        '',
        '',
        '',
        '',
        '',
        o.id,
        o.text,
        'none',
        ...outcomeFigures(o),
        '',
        '',
        '',
        '',
      ]);
    }
    for (const a of course.assessments) {
      if (a.objectives.length) continue;
      rows.push([
        course.filePath,
        name,
        section(a.section),
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        a.id,
        a.text,
        a.level ?? '',
        'none',
      ]);
    }
  }
  return rows.map((r) => r.map(field).join(',') + '\r\n').join('');
}

function outcomeFigures(o: Outcome | undefined): string[] {
  if (!o) return ['', '', '', '', ''];
  return [
    yesNo(o.target),
    yesNo(o.timeframe),
    o.kirkpatrick === null ? '' : String(o.kirkpatrick),
    yesNo(o.vanity),
    yesNo(o.output),
  ];
}

function section(path: readonly string[]): string {
  return path.join(' > ');
}

function yesNo(value: boolean): string {
  return value ? 'yes' : 'no';
}

/** One field: guarded against formula injection, then quoted when RFC 4180 requires it. */
export function field(value: string): string {
  const guarded = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}
