// `report --format html`: the alignment report as ONE self-contained HTML file. Inline CSS and
// inline SVG, no script, no external reference of any kind (a Content-Security-Policy says so
// too), readable on screen and on paper, usable in greyscale (every colour comes with a symbol
// or a word) and with a screen reader (captions, header cells, labelled charts). Every piece of
// outline text is escaped: an outline may contain `<script>`. Matrix cells and items carry
// `data-file` and `data-line`, for the VS Code webview to jump to the source.
import type { CourseReport, LevelCounts, ReportJson } from '../core/index.js';
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
  higherOrder,
  isHigherOrder,
  LEVEL_LABELS,
  matrixLookup,
  ofText,
  percent,
  plural,
  reportSummary,
  sectionName,
  shortLabel,
  shownLevels,
  type LevelKey,
} from './common.js';

export interface HtmlOptions {
  /** The document title (default "Bloomline alignment report"). */
  title?: string;
}

export function formatReportHtml(report: ReportJson, options: HtmlOptions = {}): string {
  const title = options.title ?? 'Bloomline alignment report';
  const ids = new IdMaker();
  const body: string[] = [];
  const { courses } = report;
  body.push(`<header><h1>${esc(title)}</h1>`);
  body.push(`<p class="summary">${reportSummary(report)}</p>`);
  body.push(LEGEND, '</header>');
  body.push('<main>');
  if (!courses.length) body.push('<p>No course outlines found.</p>');
  if (courses.length > 1) {
    body.push('<section class="course" aria-labelledby="all-courses">');
    body.push('<h2 id="all-courses">All courses</h2>');
    body.push(coverageTable(report.coverage, 'Coverage, all courses', shownForAll(report)));
    body.push('<h3>Bloom levels</h3>');
    body.push(chart(report.levels, 'All courses', ids, null));
    body.push('</section>');
  }
  courses.forEach((course) => body.push(courseSection(course, ids)));
  body.push('</main>');
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    // Nothing may load or run: styles are inline, and there is nothing else.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="Bloomline">',
    `<title>${esc(title)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

const LEGEND =
  '<p class="legend">Matrix: <span class="explicit">✔ explicit link</span> ' +
  '<span class="implied">◌ implied link (by section)</span> ' +
  '<span class="gap">⚠ gap: an objective with no outcome or no assessment, an outcome measuring nothing, an assessment checking nothing</span></p>';

function courseSection(course: CourseReport, ids: IdMaker): string {
  const name = courseName(course);
  const headingId = ids.next('course');
  const file = esc(course.filePath);
  const out: string[] = [];
  out.push(`<section class="course" aria-labelledby="${headingId}">`);
  out.push(`<h2 id="${headingId}" data-file="${file}" data-line="1">${esc(name)}</h2>`);
  out.push(`<p class="file">File: <code>${file}</code></p>`);
  out.push(`<p class="kind">Kind: <strong>${esc(kindText(course))}</strong></p>`);
  const shown = shownFor(course);
  out.push('<h3>Coverage</h3>');
  out.push(coverageTable(course.coverage, `Coverage, ${name}`, shown));
  if (shown.outcomes) {
    out.push('<h3>Alignment matrix</h3>');
    out.push(matrix(course));
  }
  if (shown.assessments) {
    out.push('<h3>Objectives and assessments</h3>');
    out.push(assessmentMatrix(course));
  }
  out.push('<h3>Bloom levels</h3>');
  out.push('<div class="charts">');
  for (const d of course.distribution) {
    const section = sectionName(d.section, course.title);
    out.push(chart(d.levels, section, ids, { file: course.filePath, line: d.line }));
  }
  out.push(chart(course.levels, `Whole course: ${name}`, ids, null));
  out.push('</div>');
  out.push('<h3>Objectives</h3>');
  out.push(objectiveTable(course));
  if (shown.outcomes) {
    out.push('<h3>Outcomes</h3>');
    out.push(outcomeTable(course));
  }
  if (shown.assessments) {
    out.push('<h3>Assessments</h3>');
    out.push(assessmentTable(course));
  }
  out.push('</section>');
  return out.join('\n');
}

function coverageTable(coverage: ReportJson['coverage'], caption: string, shown: Shown): string {
  const rows = coverageFigures(coverage, shown).map((f) => {
    const state = f.of === 0 ? '' : figureOk(f) ? 'ok' : 'warn';
    const mark = state === 'ok' ? '✔ complete' : state === 'warn' ? '⚠ attention' : '';
    return (
      `<tr class="${state}"><th scope="row">${esc(f.label)}</th>` +
      `<td class="num">${f.count}</td><td>${esc(ofText(f))}</td>` +
      `<td class="num">${percent(f.count, f.of)}</td><td>${mark}</td></tr>`
    );
  });
  return (
    `<table class="coverage"><caption>${esc(caption)}</caption>` +
    '<thead><tr><th scope="col">Figure</th><th scope="col">Count</th><th scope="col">Of</th>' +
    '<th scope="col">Share</th><th scope="col">Status</th></tr></thead>' +
    `<tbody>${rows.join('')}</tbody></table>`
  );
}

function matrix(course: CourseReport): string {
  const { objectives, outcomes } = course;
  const file = esc(course.filePath);
  const elsewhere = objectives.map((o) => crossFileLinks(o.outcomes));
  const anyElsewhere = elsewhere.some((l) => l.length > 0);
  if (!objectives.length) return '<p>No objectives in this course, so no matrix.</p>';
  if (!outcomes.length && !anyElsewhere) {
    const unmeasured = objectives.filter((o) => o.outcomes.length === 0).length;
    return (
      '<p class="gap">No outcomes in this course, so no matrix: ' +
      `<span class="flag">⚠ ${plural(unmeasured, 'objective')} with no outcome</span>.</p>`
    );
  }
  const cells = matrixLookup(course);
  const head = outcomes.map((o, i) => {
    const gap = o.objectives.length === 0;
    const label = shortLabel(o.id, i);
    return (
      `<th scope="col" class="outcome${gap ? ' gap' : ''}" data-file="${file}" data-line="${o.line}"` +
      ` data-id="${esc(o.id)}" title="${esc(o.text)}">${esc(label)}` +
      `${gap ? '<br><span class="flag">⚠ measures nothing</span>' : ''}</th>`
    );
  });
  if (anyElsewhere) head.push('<th scope="col">Other files</th>');
  const rows = objectives.map((obj, i) => {
    const gapRow = obj.outcomes.length === 0;
    const cellsHtml = outcomes.map((o) => {
      const implied = cells.get(cellKey(obj.id, o.id));
      const gapCol = o.objectives.length === 0;
      const kind = implied === undefined ? 'none' : implied ? 'implied' : 'explicit';
      const classes = [kind];
      if (gapRow || gapCol) classes.push('gap');
      const words =
        kind === 'none'
          ? `${obj.id} is not measured by ${o.id}`
          : `${obj.id} is measured by ${o.id} (${kind} link)`;
      const symbol = kind === 'explicit' ? '✔' : kind === 'implied' ? '◌' : '';
      return (
        `<td class="${classes.join(' ')}" data-file="${file}" data-line="${obj.line}"` +
        ` data-outcome-line="${o.line}" data-objective="${esc(obj.id)}" data-outcome="${esc(o.id)}"` +
        ` aria-label="${esc(words)}" title="${esc(words)}">${symbol}</td>`
      );
    });
    if (anyElsewhere) cellsHtml.push(`<td class="elsewhere">${esc(elsewhere[i]!.join(', '))}</td>`);
    return (
      `<tr${gapRow ? ' class="gap-row"' : ''}><th scope="row" class="objective${gapRow ? ' gap' : ''}"` +
      ` data-file="${file}" data-line="${obj.line}" data-id="${esc(obj.id)}">` +
      `<span class="id">${esc(shortLabel(obj.id, i))}</span> ${esc(obj.text)}` +
      `${gapRow ? ' <span class="flag">⚠ no outcome</span>' : ''}</th>${cellsHtml.join('')}</tr>`
    );
  });
  return (
    '<div class="scroll"><table class="matrix">' +
    `<caption>Objectives (rows) by outcomes (columns), ${esc(courseName(course))}: ` +
    '✔ explicit link, ◌ implied link, ⚠ gap</caption>' +
    `<thead><tr><th scope="col">Objective</th>${head.join('')}</tr></thead>` +
    `<tbody>${rows.join('\n')}</tbody></table></div>`
  );
}

/** Objectives (rows) by assessments (columns), each column headed with the level the assessment
 * asks for; with more assessments than fit, a table of objectives and what checks them. */
function assessmentMatrix(course: CourseReport): string {
  const { objectives, assessments } = course;
  const file = esc(course.filePath);
  if (!objectives.length) return '<p>No objectives in this course, so no matrix.</p>';
  const gapOf = (obj: CourseReport['objectives'][number]): string => {
    if (!obj.assessments.length) return 'not assessed';
    const order = ['remember', 'understand', 'apply', 'analyze', 'evaluate', 'create'];
    return obj.level && obj.assessedAt && order.indexOf(obj.assessedAt) < order.indexOf(obj.level)
      ? 'assessed below its level'
      : '';
  };
  if (!assessments.length || assessments.length > MAX_MATRIX_COLUMNS) {
    const rows = objectives.map((obj, i) => {
      const gap = gapOf(obj);
      const n = obj.assessments.length;
      const what = n
        ? `${plural(n, 'assessment')}${obj.assessedAt ? `, highest: ${obj.assessedAt}` : ''}${obj.assessments.every((l) => l.implied) ? ' (implied)' : ''}`
        : '';
      return (
        `<tr${gap ? ' class="gap-row"' : ''} data-file="${file}" data-line="${obj.line}" data-id="${esc(obj.id)}">` +
        `<th scope="row">${esc(shortLabel(obj.id, i))}</th><td>${esc(obj.text)}</td>` +
        `<td>${esc(obj.level ?? (obj.vague ? 'vague' : '–'))}</td><td>${esc(what)}` +
        `${gap ? ` <span class="flag">⚠ ${gap}</span>` : ''}</td></tr>`
      );
    });
    return (
      `<table class="items"><caption>Objectives and the assessments that check them, ${esc(courseName(course))}</caption>` +
      '<thead><tr><th scope="col">ID</th><th scope="col">Objective</th><th scope="col">Level</th>' +
      '<th scope="col">Assessed by</th></tr></thead>' +
      `<tbody>${rows.join('\n')}</tbody></table>`
    );
  }
  const cells = assessmentLookup(course);
  const head = assessments.map((a, i) => {
    const gap = a.objectives.length === 0;
    return (
      `<th scope="col" class="outcome${gap ? ' gap' : ''}" data-file="${file}" data-line="${a.line}"` +
      ` data-id="${esc(a.id)}" title="${esc(a.text)}">${esc(shortLabel(a.id, i))}` +
      `<br><span class="level">${esc(a.level ?? 'level not read')}</span>` +
      `${gap ? '<br><span class="flag">⚠ checks nothing</span>' : ''}</th>`
    );
  });
  const rows = objectives.map((obj, i) => {
    const gap = gapOf(obj);
    const cellsHtml = assessments.map((a) => {
      const implied = cells.get(cellKey(obj.id, a.id));
      const kind = implied === undefined ? 'none' : implied ? 'implied' : 'explicit';
      const classes = [kind];
      if (gap || a.objectives.length === 0) classes.push('gap');
      const words =
        kind === 'none'
          ? `${obj.id} is not checked by ${a.id}`
          : `${obj.id} is checked by ${a.id} (${kind} link)`;
      const symbol = kind === 'explicit' ? '✔' : kind === 'implied' ? '◌' : '';
      return (
        `<td class="${classes.join(' ')}" data-file="${file}" data-line="${obj.line}"` +
        ` data-outcome-line="${a.line}" data-objective="${esc(obj.id)}" data-outcome="${esc(a.id)}"` +
        ` aria-label="${esc(words)}" title="${esc(words)}">${symbol}</td>`
      );
    });
    return (
      `<tr${gap ? ' class="gap-row"' : ''}><th scope="row" class="objective${gap ? ' gap' : ''}"` +
      ` data-file="${file}" data-line="${obj.line}" data-id="${esc(obj.id)}">` +
      `<span class="id">${esc(shortLabel(obj.id, i))}</span> ${esc(obj.text)}` +
      ` <span class="level">(${esc(obj.level ?? (obj.vague ? 'vague' : 'no level'))})</span>` +
      `${gap ? ` <span class="flag">⚠ ${gap}</span>` : ''}</th>${cellsHtml.join('')}</tr>`
    );
  });
  return (
    '<div class="scroll"><table class="matrix">' +
    `<caption>Objectives (rows) by assessments (columns, with the level each asks for), ${esc(courseName(course))}: ` +
    '✔ explicit link, ◌ implied link, ⚠ gap</caption>' +
    `<thead><tr><th scope="col">Objective</th>${head.join('')}</tr></thead>` +
    `<tbody>${rows.join('\n')}</tbody></table></div>`
  );
}

function assessmentTable(course: CourseReport): string {
  const file = esc(course.filePath);
  const rows = course.assessments.map((a, i) => {
    const checks = a.objectives.length
      ? `✔ ${a.objectives.length}${a.objectives.every((l) => l.implied) ? ' (implied)' : ''}`
      : '⚠ none';
    return (
      `<tr data-file="${file}" data-line="${a.line}" data-id="${esc(a.id)}">` +
      `<th scope="row">${esc(shortLabel(a.id, i))}</th><td>${esc(a.text)}</td>` +
      `<td>${esc(sectionName(a.section, course.title))}</td>` +
      `<td>${esc(a.level ?? '–')}</td><td>${esc(a.weight ?? '')}</td><td>${checks}</td>` +
      `<td class="num">${a.line}</td></tr>`
    );
  });
  return (
    `<table class="items"><caption>Assessments, ${esc(courseName(course))}</caption>` +
    '<thead><tr><th scope="col">ID</th><th scope="col">Assessment</th><th scope="col">Section</th>' +
    '<th scope="col">Asks for</th><th scope="col">Weight</th><th scope="col">Objectives</th>' +
    '<th scope="col">Line</th></tr></thead>' +
    `<tbody>${rows.join('\n')}</tbody></table>`
  );
}

function objectiveTable(course: CourseReport): string {
  const file = esc(course.filePath);
  const rows = course.objectives.map((o, i) => {
    const level = o.vague ? '⚠ vague verb' : o.level ? o.level : '⚠ no level';
    return (
      `<tr data-file="${file}" data-line="${o.line}" data-id="${esc(o.id)}">` +
      `<th scope="row">${esc(shortLabel(o.id, i))}</th><td>${esc(o.text)}</td>` +
      `<td>${esc(sectionName(o.section, course.title))}</td><td>${esc(level)}</td>` +
      `<td>${yesNo(o.criterion)}</td><td>${o.outcomes.length ? '✔ ' + o.outcomes.length : '⚠ none'}</td>` +
      `<td class="num">${o.line}</td></tr>`
    );
  });
  if (!rows.length) return '<p>No objectives.</p>';
  return (
    `<table class="items"><caption>Objectives, ${esc(courseName(course))}</caption>` +
    '<thead><tr><th scope="col">ID</th><th scope="col">Objective</th><th scope="col">Section</th>' +
    '<th scope="col">Bloom level</th><th scope="col">Criterion</th><th scope="col">Outcomes</th>' +
    '<th scope="col">Line</th></tr></thead>' +
    `<tbody>${rows.join('\n')}</tbody></table>`
  );
}

function outcomeTable(course: CourseReport): string {
  const file = esc(course.filePath);
  const rows = course.outcomes.map((o, i) => {
    const notes: string[] = [];
    const other = crossFileLinks(o.objectives);
    if (other.length) notes.push(`measures ${other.join(', ')}`);
    if (o.vanity) notes.push('⚠ vanity metric');
    if (o.output) notes.push('⚠ output, not outcome');
    return (
      `<tr data-file="${file}" data-line="${o.line}" data-id="${esc(o.id)}">` +
      `<th scope="row">${esc(shortLabel(o.id, i))}</th><td>${esc(o.text)}</td>` +
      `<td>${esc(sectionName(o.section, course.title))}</td>` +
      `<td>${yesNo(o.target)}</td><td>${yesNo(o.timeframe)}</td>` +
      `<td>${o.kirkpatrick ?? '–'}</td><td>${esc(notes.join(', '))}</td>` +
      `<td>${o.objectives.length ? '✔ ' + o.objectives.length : '⚠ none'}</td>` +
      `<td class="num">${o.line}</td></tr>`
    );
  });
  if (!rows.length) return '<p>No outcomes.</p>';
  return (
    `<table class="items"><caption>Outcomes, ${esc(courseName(course))}</caption>` +
    '<thead><tr><th scope="col">ID</th><th scope="col">Outcome</th><th scope="col">Section</th>' +
    '<th scope="col">Target</th><th scope="col">Timeframe</th><th scope="col">Kirkpatrick</th>' +
    '<th scope="col">Notes</th><th scope="col">Objectives</th><th scope="col">Line</th></tr></thead>' +
    `<tbody>${rows.join('\n')}</tbody></table>`
  );
}

const ROW = 22;
const LABEL = 96;
const BAR = 260;
const WIDTH = LABEL + BAR + 48;

/** A horizontal bar chart of a distribution as inline SVG, labelled for screen readers, with
 * each bar's count written beside it (so it reads without colour). */
function chart(
  levels: LevelCounts,
  name: string,
  ids: IdMaker,
  source: { file: string; line: number | null } | null,
): string {
  const keys = shownLevels(levels);
  const max = Math.max(1, ...keys.map((k) => levels[k]));
  const { count, of } = higherOrder(levels);
  const share = of
    ? `${count} of ${plural(of, 'objective')} with a level at levels 3-6 (${percent(count, of)})`
    : 'no objective has a Bloom level';
  const summary = keys.map((k) => `${LEVEL_LABELS[k]} ${levels[k]}`).join(', ');
  const titleId = ids.next('chart-title');
  const descId = ids.next('chart-desc');
  const height = keys.length * ROW + 8;
  const bars = keys.map((k, i) => bar(k, levels[k], i, max)).join('');
  const attrs = source
    ? ` data-file="${esc(source.file)}"${source.line !== null ? ` data-line="${source.line}"` : ''}`
    : '';
  return (
    `<figure class="chart"${attrs}>` +
    `<figcaption>${esc(name)}</figcaption>` +
    `<svg role="img" width="${WIDTH}" height="${height}"` +
    ` viewBox="0 0 ${WIDTH} ${height}" aria-labelledby="${titleId} ${descId}">` +
    `<title id="${titleId}">Bloom levels: ${esc(name)}</title>` +
    `<desc id="${descId}">${esc(summary)}; ${esc(share)}.</desc>` +
    bars +
    '</svg>' +
    `<p class="share">Levels 3-6: ${esc(share)}.</p>` +
    '</figure>'
  );
}

function bar(key: LevelKey, n: number, row: number, max: number): string {
  const y = row * ROW + 4;
  const width = n === 0 ? 0 : Math.max(2, Math.round((n / max) * BAR));
  const kind = key === 'vague' || key === 'none' ? 'gap' : isHigherOrder(key) ? 'higher' : 'lower';
  return (
    `<g class="bar ${kind}"><title>${LEVEL_LABELS[key]}: ${n}</title>` +
    `<text x="${LABEL - 6}" y="${y + 14}" text-anchor="end">${LEVEL_LABELS[key]}</text>` +
    `<rect x="${LABEL}" y="${y + 2}" width="${width}" height="${ROW - 6}"></rect>` +
    `<text x="${LABEL + width + 6}" y="${y + 14}">${n}</text></g>`
  );
}

function yesNo(value: boolean): string {
  return value ? '✔ yes' : '⚠ no';
}

/** Escapes text for HTML content and for quoted attribute values. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Unique element IDs within one document. */
class IdMaker {
  private n = 0;
  next(prefix: string): string {
    return `${prefix}-${++this.n}`;
  }
}

const CSS = `
:root { color-scheme: light dark; --fg: #1b1f24; --bg: #ffffff; --muted: #57606a; --line: #d0d7de;
  --ok: #1a7f37; --ok-bg: #dafbe1; --imp: #0550ae; --imp-bg: #ddf4ff; --gap: #9a6700; --gap-bg: #fff8c5;
  --lower: #8c959f; --higher: #0969da; --head-bg: #f6f8fa; }
@media screen and (prefers-color-scheme: dark) {
  :root { --fg: #e6edf3; --bg: #0d1117; --muted: #8d96a0; --line: #30363d; --ok: #3fb950;
    --ok-bg: #12261e; --imp: #58a6ff; --imp-bg: #121d2f; --gap: #d29922; --gap-bg: #272115;
    --lower: #6e7681; --higher: #388bfd; --head-bg: #161b22; }
}
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 72rem; padding: 1.5rem; color: var(--fg); background: var(--bg);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
h1 { font-size: 1.6rem; margin: 0 0 .5rem; }
h2 { font-size: 1.35rem; border-bottom: 1px solid var(--line); padding-bottom: .25rem; margin-top: 2rem; }
h3 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .9em; }
.summary, .file, .kind, .share, .legend { color: var(--muted); }
.level { font-weight: normal; color: var(--muted); }
.legend span { display: inline-block; margin-right: 1rem; padding: 0 .35rem; border-radius: 3px; }
.legend .explicit { color: var(--ok); background: var(--ok-bg); }
.legend .implied { color: var(--imp); background: var(--imp-bg); border: 1px dashed var(--imp); }
.legend .gap { color: var(--gap); background: var(--gap-bg); }
table { border-collapse: collapse; margin: .5rem 0 1rem; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; caption-side: top; }
th, td { border: 1px solid var(--line); padding: .3rem .5rem; vertical-align: top; }
thead th { background: var(--head-bg); text-align: left; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.coverage th[scope="row"] { font-weight: normal; text-align: left; }
.coverage tr.warn td:last-child { color: var(--gap); }
.coverage tr.ok td:last-child { color: var(--ok); }
.scroll { overflow-x: auto; }
.matrix th.objective { font-weight: normal; text-align: left; min-width: 18rem; max-width: 32rem; }
.matrix th.outcome { text-align: center; white-space: nowrap; }
.matrix td { text-align: center; min-width: 2.5rem; font-size: 1.1em; }
.matrix td.explicit { color: var(--ok); background: var(--ok-bg); font-weight: 700; }
.matrix td.implied { color: var(--imp); background: var(--imp-bg); outline: 1px dashed var(--imp); outline-offset: -4px; }
.matrix .gap { background: var(--gap-bg); }
.flag { color: var(--gap); font-weight: 600; white-space: nowrap; }
.id { font-weight: 600; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.items td, .items th { font-size: .95em; }
.items th[scope="row"] { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.charts { display: flex; flex-wrap: wrap; gap: 1rem 2rem; }
figure.chart { margin: 0; }
figure.chart figcaption { font-weight: 600; }
svg text { font: 12px system-ui, sans-serif; fill: var(--fg); }
svg .lower rect { fill: var(--lower); }
svg .higher rect { fill: var(--higher); }
svg .gap rect { fill: var(--gap-bg); stroke: var(--gap); stroke-dasharray: 3 2; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  section.course + section.course { break-before: page; }
  h2, h3, caption { break-after: avoid; }
  tr, figure.chart { break-inside: avoid; }
  thead { display: table-header-group; }
  .scroll { overflow: visible; }
}
`;
