// `report --format csv`: the alignment as a table for a spreadsheet, RFC 4180 (fields with a
// comma, quote or line break quoted, quotes doubled, CRLF after every record, a header row).
// One row per objective-outcome pair, one per objective measured by nothing and one per outcome
// measuring nothing. Cells that a spreadsheet would take for a formula (=, +, -, @, tab, CR at
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
] as const;

type Outcome = CourseReport['outcomes'][number];

export function formatReportCsv(report: ReportJson): string {
  const rows: string[][] = [[...CSV_HEADER]];
  // Outcomes by file and ID, for links to an outcome in another file.
  const outcomesByFile = new Map<string, Map<string, Outcome>>();
  for (const course of report.courses)
    outcomesByFile.set(course.filePath, new Map(course.outcomes.map((o) => [o.id, o])));

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
      if (!obj.outcomes.length) {
        rows.push([...objectiveCells, '', '', 'none', '', '', '', '', '']);
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
