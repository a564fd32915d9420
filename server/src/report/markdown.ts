// `report --format md`: the alignment report as GitHub-flavoured Markdown. Per course a heading
// and its kind, the coverage figures as a table, the objective x outcome matrix (where outcomes
// are expected or present) and the objective x assessment matrix (where there are assessments)
// as tables (✔ explicit, ◌ implied, ⚠ gaps), and the Bloom distribution per section and for
// the course as text bars.
import type { CourseReport, LevelCounts, ReportJson } from '../core/index.js';
import { REPORT_MARKER } from '../core/report-marker.js';
import {
  assessmentLookup,
  cellKey,
  kindText,
  MAX_MATRIX_COLUMNS,
  shownFor,
  shownForAll,
  type Shown,
  courseName,
  coverageFigures,
  crossFileLinks,
  figureOk,
  flat,
  higherOrder,
  LEVEL_LABELS,
  matrixLookup,
  ofText,
  percent,
  plural,
  reportSummary,
  sectionName,
  shortLabel,
  shownLevels,
} from './common.js';

/** Widest bar, in block characters; longer distributions are scaled down to it. */
const BAR_WIDTH = 40;

export function formatReportMarkdown(report: ReportJson): string {
  const out: string[] = [REPORT_MARKER, '', '# Alignment report', ''];
  const { courses } = report;
  if (!courses.length) {
    out.push('No course outlines found.', '');
    return out.join('\n');
  }
  out.push(reportSummary(report), '');
  if (courses.length > 1) {
    out.push('## All courses', '', '### Coverage', '');
    out.push(...coverageTable(report.coverage, shownForAll(report)), '');
    out.push('### Bloom levels', '', ...bars(report.levels), '');
  }
  for (const course of courses) out.push(...courseSection(course));
  return out.join('\n');
}

function courseSection(course: CourseReport): string[] {
  const shown = shownFor(course);
  const out: string[] = [`## ${inline(courseName(course))}`, ''];
  out.push(`File: \`${code(course.filePath)}\``, '');
  out.push(`Kind: ${inline(kindText(course))}`, '');
  out.push('### Coverage', '', ...coverageTable(course.coverage, shown), '');
  if (shown.outcomes) {
    out.push('### Alignment matrix', '');
    out.push(...matrix(course), '');
  }
  if (shown.assessments) {
    out.push('### Objectives and assessments', '');
    out.push(...assessmentSection(course), '');
  }
  out.push('### Bloom levels', '');
  for (const d of course.distribution) {
    const where = d.line !== null ? ` (line ${d.line})` : '';
    out.push(`#### ${inline(sectionName(d.section, course.title))}${where}`, '');
    out.push(...bars(d.levels), '');
  }
  out.push(`#### Whole course`, '', ...bars(course.levels), '');
  return out;
}

function coverageTable(coverage: ReportJson['coverage'], shown: Shown): string[] {
  const rows = ['| Figure | Count | Of | Share | |', '| --- | ---: | --- | ---: | :---: |'];
  for (const f of coverageFigures(coverage, shown)) {
    const mark = f.of === 0 ? '' : figureOk(f) ? '✔' : '⚠';
    rows.push(`| ${f.label} | ${f.count} | ${ofText(f)} | ${percent(f.count, f.of)} | ${mark} |`);
  }
  return rows;
}

function matrix(course: CourseReport): string[] {
  const { objectives, outcomes } = course;
  const elsewhere = objectives.map((o) => crossFileLinks(o.outcomes));
  const anyElsewhere = elsewhere.some((l) => l.length > 0);
  const out: string[] = [];
  const unmeasured = objectives.filter((o) => o.outcomes.length === 0).length;
  if (!objectives.length) {
    out.push('No objectives in this course, so no matrix.');
  } else if (!outcomes.length && !anyElsewhere) {
    out.push(
      `No outcomes in this course, so no matrix: ⚠ ${plural(unmeasured, 'objective')} with no outcome.`,
    );
  } else {
    out.push(...table(course, elsewhere, anyElsewhere));
  }
  if (outcomes.length) out.push('', 'Outcomes:', '', ...outcomeList(course));
  return out;
}

function table(course: CourseReport, elsewhere: string[][], anyElsewhere: boolean): string[] {
  const { objectives, outcomes } = course;
  const cells = matrixLookup(course);
  const out = ['✔ explicit link · ◌ implied link (by section) · ⚠ gap', ''];
  const head = outcomes.map((o, i) => {
    const label = cellText(shortLabel(o.id, i));
    return o.objectives.length ? label : `${label} ⚠ measures nothing`;
  });
  if (anyElsewhere) head.push('Other files');
  out.push(`| Objective | ${head.join(' | ')} |`);
  out.push(`| --- | ${head.map(() => ':---:').join(' | ')} |`);
  objectives.forEach((obj, i) => {
    const gap = obj.outcomes.length === 0 ? ' **⚠ no outcome**' : '';
    const row = [`${cellText(shortLabel(obj.id, i))} ${cellText(obj.text)}${gap}`];
    for (const o of outcomes) {
      const implied = cells.get(cellKey(obj.id, o.id));
      row.push(implied === undefined ? '' : implied ? '◌' : '✔');
    }
    if (anyElsewhere) row.push(cellText(elsewhere[i]!.join(', ')));
    out.push(`| ${row.join(' | ')} |`);
  });
  return out;
}

/** The objective x assessment matrix (a list per objective when there are many assessments),
 * then the assessments with their text, level and what they check. */
function assessmentSection(course: CourseReport): string[] {
  const { objectives, assessments } = course;
  const out: string[] = [];
  if (!objectives.length) return ['No objectives in this course, so no matrix.'];
  if (assessments.length && assessments.length <= MAX_MATRIX_COLUMNS) {
    const cells = assessmentLookup(course);
    out.push('✔ explicit link · ◌ implied link (by section) · ⚠ gap', '');
    const head = assessments.map((a, i) => {
      const label = `${cellText(shortLabel(a.id, i))} (${a.level ?? '?'})`;
      return a.objectives.length ? label : `${label} ⚠ checks nothing`;
    });
    out.push(`| Objective | Level | ${head.join(' | ')} |`);
    out.push(`| --- | --- | ${head.map(() => ':---:').join(' | ')} |`);
    objectives.forEach((obj, i) => {
      const row = [`${cellText(shortLabel(obj.id, i))} ${cellText(obj.text)}${gapNote(obj)}`];
      row.push(obj.level ?? (obj.vague ? 'vague' : '–'));
      for (const a of assessments) {
        const implied = cells.get(cellKey(obj.id, a.id));
        row.push(implied === undefined ? '' : implied ? '◌' : '✔');
      }
      out.push(`| ${row.join(' | ')} |`);
    });
  } else {
    objectives.forEach((obj, i) => {
      const n = obj.assessments.length;
      const what = n
        ? `${plural(n, 'assessment')}${obj.assessedAt ? `, highest: ${obj.assessedAt}` : ''}${obj.assessments.every((l) => l.implied) ? ' (implied)' : ''}`
        : 'no assessment';
      out.push(
        `- **${inline(shortLabel(obj.id, i))}** ${inline(obj.text)} (${obj.level ?? (obj.vague ? 'vague' : 'no level')}): ${what}${gapNote(obj)}`,
      );
    });
  }
  out.push('', 'Assessments:', '');
  assessments.forEach((a, i) => {
    const notes = [
      a.level ? `asks for ${a.level}` : 'level not read',
      a.weight ? `weight ${a.weight}` : '',
      a.objectives.length
        ? `checks ${a.objectives.map((l) => l.id).length === 1 ? '1 objective' : `${a.objectives.length} objectives`}${a.objectives.every((l) => l.implied) ? ' (implied)' : ''}`
        : '⚠ checks nothing',
    ].filter(Boolean);
    const label = shortLabel(a.id, i);
    const id = label === a.id ? '' : ` \`${code(a.id)}\``;
    out.push(
      `- **${inline(label)}**${id}, line ${a.line}: ${inline(a.text)} (${inline(notes.join(', '))})`,
    );
  });
  return out;
}

/** "⚠ not assessed", "⚠ assessed below its level", or nothing. */
function gapNote(obj: CourseReport['objectives'][number]): string {
  if (!obj.assessments.length) return ' **⚠ not assessed**';
  const order = ['remember', 'understand', 'apply', 'analyze', 'evaluate', 'create'];
  if (obj.level && obj.assessedAt && order.indexOf(obj.assessedAt) < order.indexOf(obj.level))
    return ' **⚠ assessed below its level**';
  return '';
}

/** The outcomes with their full text and what is missing, as the matrix shows only labels. */
function outcomeList(course: CourseReport): string[] {
  return course.outcomes.map((o, i) => {
    const notes: string[] = [];
    if (!o.objectives.length) notes.push('⚠ measures nothing');
    const other = crossFileLinks(o.objectives);
    if (other.length) notes.push(`measures ${other.join(', ')}`);
    if (!o.target) notes.push('no target');
    if (!o.timeframe) notes.push('no timeframe');
    if (o.kirkpatrick !== null) notes.push(`Kirkpatrick ${o.kirkpatrick}`);
    if (o.vanity) notes.push('vanity metric');
    if (o.output) notes.push('output, not outcome');
    const label = shortLabel(o.id, i);
    const id = label === o.id ? '' : ` \`${code(o.id)}\``;
    const tail = notes.length ? ` (${inline(notes.join(', '))})` : '';
    return `- **${inline(label)}**${id}, line ${o.line}: ${inline(o.text)}${tail}`;
  });
}

/** A text bar chart in a code block, then the share of objectives at levels 3-6. */
function bars(levels: LevelCounts): string[] {
  const keys = shownLevels(levels);
  const max = Math.max(0, ...keys.map((k) => levels[k]));
  const scale = max > BAR_WIDTH ? BAR_WIDTH / max : 1;
  const width = Math.max(...keys.map((k) => LEVEL_LABELS[k].length));
  const rows = keys.map((k) => {
    const n = levels[k];
    const length = n === 0 ? 0 : Math.max(1, Math.round(n * scale));
    const bar = '█'.repeat(length);
    return `${LEVEL_LABELS[k].padEnd(width)} ${bar}${bar ? ' ' : ''}${n}`;
  });
  const { count, of } = higherOrder(levels);
  const share = of
    ? `Levels 3-6 (apply, analyze, evaluate, create): ${count} of ${plural(of, 'objective')} with a level, ${percent(count, of)}.`
    : 'No objective has a Bloom level.';
  return ['```text', ...rows, '```', '', share];
}

/** Text inside a table cell: one line, pipes and HTML escaped. */
function cellText(text: string): string {
  return inline(text).replace(/\|/g, '\\|');
}

/** User text in running Markdown: one line, and no raw HTML (outline text may hold tags). */
function inline(text: string): string {
  return flat(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Text in a code span: one line, no backticks to end the span early. */
function code(text: string): string {
  return flat(text).replace(/`/g, "'");
}
