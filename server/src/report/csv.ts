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
type Column = (typeof CSV_HEADER)[number];
/** A row by column name; a column not named is an empty cell. */
type Row = Partial<Record<Column, string>>;

export function formatReportCsv(report: ReportJson): string {
  const rows: Row[] = [];
  // Outcomes by file and ID, for links to an outcome in another file.
  const outcomesByFile = new Map<string, Map<string, Outcome>>();
  const assessmentsByFile = new Map<string, Map<string, CourseReport['assessments'][number]>>();
  for (const course of report.courses) {
    outcomesByFile.set(course.filePath, new Map(course.outcomes.map((o) => [o.id, o])));
    assessmentsByFile.set(course.filePath, new Map(course.assessments.map((a) => [a.id, a])));
  }

  for (const course of report.courses) {
    const where = (path: readonly string[]): Row => ({
      file: course.filePath,
      course: course.title ?? '',
      section: path.join(' > '),
    });
    for (const obj of course.objectives) {
      const objective: Row = {
        ...where(obj.section),
        'objective id': obj.id,
        'objective text': obj.text,
        'Bloom level': obj.level ?? '',
        vague: yesNo(obj.vague),
        criterion: yesNo(obj.criterion),
      };
      for (const link of obj.assessments) {
        const a = assessmentsByFile.get(link.filePath ?? course.filePath)?.get(link.id);
        rows.push({
          ...objective,
          'assessment id': linkId(link),
          'assessment text': a?.text ?? '',
          'assessment level': a?.level ?? '',
          'assessment link': link.implied ? 'implied' : 'explicit',
        });
      }
      if (!obj.outcomes.length) {
        if (!obj.assessments.length) rows.push({ ...objective, link: 'none' });
        continue;
      }
      for (const link of obj.outcomes) {
        const outcome = outcomesByFile.get(link.filePath ?? course.filePath)?.get(link.id);
        rows.push({
          ...objective,
          'outcome id': linkId(link),
          'outcome text': outcome?.text ?? '',
          link: link.implied ? 'implied' : 'explicit',
          ...outcomeFigures(outcome),
        });
      }
    }
    for (const o of course.outcomes) {
      if (o.objectives.length) continue;
      rows.push({
        ...where(o.section),
        'outcome id': o.id,
        'outcome text': o.text,
        link: 'none',
        ...outcomeFigures(o),
      });
    }
    for (const a of course.assessments) {
      if (a.objectives.length) continue;
      rows.push({
        ...where(a.section),
        'assessment id': a.id,
        'assessment text': a.text,
        'assessment level': a.level ?? '',
        'assessment link': 'none',
      });
    }
  }
  return [CSV_HEADER, ...rows.map((r) => CSV_HEADER.map((column) => r[column] ?? ''))]
    .map((r) => r.map(field).join(',') + '\r\n')
    .join('');
}

/** A link's ID, with the file it points into when that is another file. */
function linkId(link: { id: string; filePath?: string }): string {
  return link.filePath ? `${link.id} (${link.filePath})` : link.id;
}

function outcomeFigures(o: Outcome | undefined): Row {
  if (!o) return {};
  return {
    target: yesNo(o.target),
    timeframe: yesNo(o.timeframe),
    Kirkpatrick: o.kirkpatrick === null ? '' : String(o.kirkpatrick),
    vanity: yesNo(o.vanity),
    output: yesNo(o.output),
  };
}

function yesNo(value: boolean): string {
  return value ? 'yes' : 'no';
}

/** One field: guarded against formula injection, then quoted when RFC 4180 requires it. */
export function field(value: string): string {
  const guarded = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}
