// `bloomline report`: the JSON is exactly buildReport's data (paths as the user named them),
// the Markdown has the matrix and the bars, the HTML is one self-contained page with every
// piece of outline text escaped, the CSV parses back (RFC 4180) with the formula guard, and
// --output writes the file; usage and I/O errors exit 2 with one line.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { buildReport, Workspace, type ReportJson } from '../../server/src/core/index.js';
import { assertOneErrorLine, project, run } from './helpers.js';
import { SAMPLE_OUTLINE } from '../support/sample-outline.js';

/** Outline text that must never reach a page or a spreadsheet as markup or a formula. */
const HOSTILE = `# Security <b>basics</b> & "more"

## Learning objectives

- **SEC1:** Explain why \`<script>alert("pwned")</script>\` in an email is dangerous, within 5 minutes.
- **SEC2:** Identify 3 signs of \`<img src=x onerror=alert(1)>\` injection, within 2 minutes.

## Outcomes

- **KPI1:** =HYPERLINK("evil") clicks on phishing links fall from 30% to 5% within 6 months (SEC1).
- **KPI2:** @SUM(A1) reported incidents rise by 20%, by Q3 (SEC2).
`;

function reportJson(args: string[], cwd: string): ReportJson {
  const r = run(['report', '--format', 'json', ...args], cwd);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stderr, '');
  return JSON.parse(r.stdout) as ReportJson;
}

test('json is exactly buildReport of the workspace, with the known counts', (t) => {
  const dir = project(t, { 'course.md': SAMPLE_OUTLINE, 'notes.md': '# Notes\n\nNothing here.\n' });
  const report = reportJson([], dir);
  const ws = new Workspace();
  ws.update('course.md', SAMPLE_OUTLINE);
  ws.update('notes.md', '# Notes\n\nNothing here.\n');
  assert.deepEqual(report, buildReport(ws.outlines()));

  assert.equal(report.courses.length, 1);
  const course = report.courses[0]!;
  assert.equal(course.filePath, 'course.md');
  assert.equal(course.title, 'Onboarding');
  assert.deepEqual(
    course.matrix.map((c) => `${c.objective}->${c.outcome}${c.implied ? ' (implied)' : ''}`),
    ['LO1->module-1#outcome-1', 'module-2#objective-1->module-2#outcome-1 (implied)'],
  );
  assert.deepEqual(report.coverage, {
    objectives: 4,
    objectivesWithOutcome: 2,
    objectivesWithCriterion: 3,
    objectivesWithObservableVerb: 3,
    outcomes: 3,
    outcomesWithTarget: 3,
    outcomesWithTimeframe: 2,
    outcomesAtKirkpatrick3or4: 1,
    vanityMetrics: 1,
    outputs: 0,
    outcomesMeasuringNothing: 1,
    higherOrderShare: 2 / 3,
    assessments: 0,
    objectivesWithAssessment: 0,
    objectivesAssessedAtLevel: 0,
    assessmentsCheckingNothing: 0,
  });
  assert.deepEqual(report.levels, {
    remember: 1,
    understand: 0,
    apply: 1,
    analyze: 0,
    evaluate: 0,
    create: 1,
    vague: 1,
    none: 0,
  });
});

test('json: links to another file name it as the user did; every file is one workspace', (t) => {
  const dir = project(t, {
    'docs/a.md':
      '# A\n\n## Learning objectives\n\n- **LO1:** Configure the VPN client within 10 minutes.\n',
    'docs/b.md':
      '# B\n\n## Outcomes\n\n- **KPI1:** VPN tickets fall from 120 to 40 within 90 days (LO1).\n',
  });
  const report = reportJson(['docs'], dir);
  assert.deepEqual(
    report.courses.map((c) => c.filePath),
    ['docs/a.md', 'docs/b.md'],
  );
  assert.deepEqual(report.courses[0]!.objectives[0]!.outcomes, [
    { id: 'KPI1', implied: false, filePath: 'docs/b.md' },
  ]);
  assert.deepEqual(report.courses[1]!.outcomes[0]!.objectives, [
    { id: 'LO1', implied: false, filePath: 'docs/a.md' },
  ]);
  assert.equal(report.coverage.objectivesWithOutcome, 1);
  assert.equal(report.coverage.outcomesMeasuringNothing, 0);
});

test('md: coverage table, the matrix with ✔ ◌ and gaps, and Bloom bars per section', (t) => {
  const dir = project(t, { 'course.md': SAMPLE_OUTLINE });
  const r = run(['report', '--format', 'md'], dir);
  assert.equal(r.status, 0, r.stderr);
  const md = r.stdout;
  const lines = md.split('\n');
  assert.ok(lines.includes('## Onboarding'), md);
  assert.ok(lines.includes('| Objectives with an outcome | 2 | 4 objectives | 50% | ⚠ |'), md);
  assert.ok(lines.includes('| Outcomes measuring nothing | 1 | 3 outcomes | 33% | ⚠ |'), md);
  assert.ok(
    lines.includes('| Objectives at Bloom levels 3-6 | 2 | 3 objectives with a level | 67% | ⚠ |'),
  );
  // The matrix: outcomes as columns (generated IDs by position), objectives as rows.
  assert.ok(lines.includes('| Objective | #1 | #2 ⚠ measures nothing | #3 |'), md);
  assert.ok(lines.includes('| LO1 Configure the VPN client within 10 minutes. | ✔ |  |  |'), md);
  assert.ok(
    lines.includes('| LO2 Understand the password policy. **⚠ no outcome** |  |  |  |'),
    md,
  );
  assert.ok(lines.includes('| #4 Identify three signs of a phishing email. |  |  | ◌ |'), md);
  // Bars: per section and for the course, with the share at levels 3-6.
  assert.ok(lines.includes('#### Module 1 (line 3)'), md);
  assert.ok(lines.includes('#### Module 2 (line 16)'), md);
  assert.ok(lines.includes('apply      █ 1'), md);
  assert.ok(lines.includes('vague verb █ 1'), md);
  assert.ok(lines.includes('understand 0'), md);
  assert.match(
    md,
    /Levels 3-6 \(apply, analyze, evaluate, create\): 2 of 3 objectives with a level, 67%\./,
  );
  // --format md is the default.
  assert.equal(run(['report'], dir).stdout, md);
});

test('md: long bars are scaled; user text cannot break the table or inject HTML', (t) => {
  const many = Array.from(
    { length: 60 },
    (_, i) => `- Configure VPN client ${i} within 10 minutes.`,
  );
  const dir = project(t, {
    'big.md': `# Big\n\n## Learning objectives\n\n${many.join('\n')}\n`,
    'hostile.md': HOSTILE.replace('SEC1:** Explain why', 'SEC1:** Explain | why'),
  });
  const r = run(['report', '--format', 'md'], dir);
  assert.equal(r.status, 0, r.stderr);
  const bar = r.stdout.split('\n').find((l) => l.startsWith('apply      █'))!;
  assert.equal(bar, `apply      ${'█'.repeat(40)} 60`);
  assert.ok(!r.stdout.includes('<script>'), 'no raw HTML from the outline');
  assert.ok(r.stdout.includes('&lt;script&gt;'));
  assert.ok(r.stdout.includes('Explain \\| why'), 'a pipe in a cell is escaped');
});

test('html: one self-contained page, every piece of outline text escaped', (t) => {
  const dir = project(t, { 'course.md': SAMPLE_OUTLINE, 'hostile.md': HOSTILE });
  const r = run(['report', '--format', 'html'], dir);
  assert.equal(r.status, 0, r.stderr);
  const html = r.stdout;
  assert.match(html, /^<!DOCTYPE html>\n<html lang="en">/);
  assert.match(html, /<\/html>\n$/);
  // Nothing to load, nothing to run.
  const tags = html.match(/<[a-zA-Z][^>]*>/g) ?? [];
  for (const tag of tags) {
    assert.doesNotMatch(tag, /\s(src|href|srcset|action|xlink:href|poster|data)=/i, tag);
    assert.doesNotMatch(tag, /^<(script|link|iframe|object|embed|img|base|form)\b/i, tag);
    assert.doesNotMatch(tag, /\son[a-z]+=/i, tag);
  }
  assert.doesNotMatch(html, /https?:\/\//, 'no URL at all (this outline has none)');
  assert.doesNotMatch(html, /url\(|@import/, 'no stylesheet reference');
  assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'/);
  // The user's markup arrives as text.
  assert.ok(html.includes('&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;'));
  assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'));
  assert.ok(!html.includes('<b>basics'), 'the title is text');
  // Readable and printable, accessible.
  assert.match(html, /<style>[^]*@media print[^]*<\/style>/);
  assert.match(html, /<table class="matrix"><caption>/);
  assert.match(html, /<th scope="col">Objective<\/th>/);
  assert.match(html, /<th scope="row" class="objective/);
  // Bloom charts: inline SVG, labelled.
  const svgs = html.match(/<svg [^>]*>/g) ?? [];
  assert.ok(svgs.length >= 3, 'a chart per section and per course');
  for (const svg of svgs) assert.match(svg, /role="img".*aria-labelledby="[^"]+"/);
  assert.match(html, /<title id="chart-title-\d+">Bloom levels: Module 1<\/title>/);
  // Matrix cells and items carry where they come from.
  assert.match(
    html,
    /<td class="explicit" data-file="course\.md" data-line="7" data-outcome-line="13" data-objective="LO1" data-outcome="module-1#outcome-1" aria-label="LO1 is measured by module-1#outcome-1 \(explicit link\)"[^>]*>✔<\/td>/,
  );
  assert.match(html, /<td class="implied" data-file="course\.md" data-line="20"[^>]*>◌<\/td>/);
  assert.match(html, /<th scope="row" class="objective gap" data-file="course\.md" data-line="8"/);
  assert.match(html, /⚠ no outcome/);
  assert.match(html, /<th scope="col" class="outcome gap" data-file="course\.md" data-line="14"/);
  assert.match(html, /⚠ measures nothing/);
  assert.match(html, /<tr data-file="hostile\.md" data-line="5" data-id="SEC1">/);
  // Coverage figures.
  assert.match(html, /<th scope="row">Objectives with an outcome<\/th><td class="num">2<\/td>/);
});

/** RFC 4180: fields separated by commas, records by CRLF, quoted fields with "" for a quote. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  for (;;) {
    let value = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        assert.ok(i < text.length, 'unterminated quoted field');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            value += '"';
            i += 2;
          } else {
            i++;
            break;
          }
        } else {
          value += text[i++];
        }
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
        assert.notEqual(text[i], '"', 'a quote in an unquoted field');
        value += text[i++];
      }
    }
    row.push(value);
    if (text[i] === ',') {
      i++;
      continue;
    }
    assert.equal(text.slice(i, i + 2), '\r\n', `records end with CRLF (at ${i})`);
    i += 2;
    rows.push(row);
    row = [];
    if (i === text.length) return rows;
  }
}

const HEADER = [
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
];

test('csv: RFC 4180, a row per pair and per unlinked item, formulas defused', (t) => {
  const dir = project(t, { 'course.md': SAMPLE_OUTLINE, 'hostile.md': HOSTILE });
  const r = run(['report', '--format', 'csv'], dir);
  assert.equal(r.status, 0, r.stderr);
  const rows = parseCsv(r.stdout);
  assert.deepEqual(rows[0], HEADER);
  for (const row of rows) assert.equal(row.length, HEADER.length);
  const records = rows
    .slice(1)
    .map((row) => Object.fromEntries(HEADER.map((h, i) => [h, row[i]!])));
  const course = records.filter((rec) => rec.file === 'course.md');
  // 4 objectives (2 linked once, 2 unlinked) and 1 outcome measuring nothing.
  assert.equal(course.length, 5);
  assert.deepEqual(
    course.map((rec) => [rec['objective id'], rec['outcome id'], rec.link]),
    [
      ['LO1', 'module-1#outcome-1', 'explicit'],
      ['LO2', '', 'none'],
      ['LO3', '', 'none'],
      ['module-2#objective-1', 'module-2#outcome-1', 'implied'],
      ['', 'module-1#outcome-2', 'none'],
    ],
  );
  assert.deepEqual(course[0], {
    file: 'course.md',
    course: 'Onboarding',
    section: 'Onboarding > Module 1',
    'objective id': 'LO1',
    'objective text': 'Configure the VPN client within 10 minutes.',
    'Bloom level': 'apply',
    vague: 'no',
    criterion: 'yes',
    'outcome id': 'module-1#outcome-1',
    'outcome text': 'VPN tickets fall from 120 to 40 a month within 90 days (LO1).',
    link: 'explicit',
    target: 'yes',
    timeframe: 'yes',
    Kirkpatrick: '4',
    vanity: 'no',
    output: 'no',
    'assessment id': '',
    'assessment text': '',
    'assessment level': '',
    'assessment link': '',
  });
  assert.equal(course[1]!['Bloom level'], '', 'a vague objective has no level');
  assert.equal(course[1]!.vague, 'yes');
  assert.equal(course[4]!.vanity, 'yes');

  const hostile = records.filter((rec) => rec.file === 'hostile.md');
  assert.equal(hostile.length, 2);
  assert.equal(hostile[0]!.course, 'Security basics & "more"');
  assert.match(hostile[0]!['objective text'], /^Explain why <script>alert\("pwned"\)<\/script>/);
  assert.match(hostile[0]!['outcome text'], /^'=HYPERLINK\("evil"\) clicks/, 'formula guarded');
  assert.match(hostile[1]!['outcome text'], /^'@SUM\(A1\)/, 'formula guarded');
  assert.ok(
    r.stdout.includes('"\'=HYPERLINK(""evil"") clicks'),
    'quotes doubled in a quoted field',
  );
  for (const rec of records)
    for (const value of Object.values(rec)) assert.doesNotMatch(value, /^[=+\-@\t\r]/);
});

test('--output writes the report atomically to the file and nothing to stdout', (t) => {
  const dir = project(t, { 'course.md': SAMPLE_OUTLINE, 'out/old.html': 'old' });
  const r = run(['report', '--format', 'html', '--output', 'out/alignment.html'], dir);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, '');
  assert.equal(r.stderr, '');
  const written = fs.readFileSync(path.join(dir, 'out', 'alignment.html'), 'utf8');
  assert.equal(written, run(['report', '--format', 'html'], dir).stdout);
  assert.deepEqual(fs.readdirSync(path.join(dir, 'out')).sort(), ['alignment.html', 'old.html']);
  // An existing file is replaced.
  const again = run(['report', '--format=json', '--output=out/alignment.html'], dir);
  assert.equal(again.status, 0, again.stderr);
  const json = JSON.parse(fs.readFileSync(path.join(dir, 'out', 'alignment.html'), 'utf8'));
  assert.equal((json as ReportJson).courses.length, 1);
});

test('report errors exit 2 with one line on stderr', (t) => {
  const dir = project(t, { 'course.md': SAMPLE_OUTLINE, 'sub/keep.txt': '' });
  const cases: [string[], RegExp][] = [
    [['report', '--format', 'pdf'], /unknown format "pdf" \(supported: md, html, csv, json\)/],
    [['report', '--format'], /--format.*value/],
    [['report', '--output'], /--output.*value/],
    [['report', '--output='], /--output.*non-empty/],
    [['report', '--fix'], /unknown option "--fix" for "report"/],
    [['report', 'missing.md'], /missing\.md: no such file or directory/],
    [['report', '--config', 'nope.json'], /nope\.json/],
    // A folder that is missing is made (as ESLint's --output-file does); a file in the way is
    // an error.
    [['report', '--output', 'course.md/r.md'], /course\.md\/r\.md: cannot write the report: /],
    [['report', '--output', 'sub'], /sub: cannot write the report/],
  ];
  for (const [args, pattern] of cases) {
    const r = run(args, dir);
    assert.equal(r.status, 2, `bloomline ${args.join(' ')}: ${r.stderr}`);
    assertOneErrorLine(r.stderr, pattern);
  }
  assert.deepEqual(fs.readdirSync(path.join(dir, 'sub')), ['keep.txt'], 'no temporary file left');
  // Never over a file it reads (the outline would be lost); the same for export.
  const outline = fs.readFileSync(path.join(dir, 'course.md'), 'utf8');
  for (const command of [['report'], ['export', '--format', 'canvas']]) {
    const over = run([...command, 'course.md', '-o', 'course.md'], dir);
    assert.equal(over.status, 2);
    assertOneErrorLine(
      over.stderr,
      /^bloomline: course\.md: not written: it is a file being read$/,
    );
    assert.equal(fs.readFileSync(path.join(dir, 'course.md'), 'utf8'), outline);
  }
  const made = run(['report', '-o', 'no/such/dir/r.md'], dir);
  assert.equal(made.status, 0, made.stderr);
  assert.ok(fs.statSync(path.join(dir, 'no', 'such', 'dir', 'r.md')).isFile());
});

test('report --help names the formats and --output', (t) => {
  const dir = project(t, {});
  const r = run(['report', '--help'], dir);
  assert.equal(r.status, 0);
  assert.match(r.stdout, /--format md\|html\|csv\|json/);
  assert.match(r.stdout, /--output FILE/);
  assert.match(run(['--help'], dir).stdout, /report \[PATH\|GLOB \.\.\.\]/);
});

test('a Markdown report saved among the outlines is not read back as one by check, report or the editor', (t) => {
  const dir = project(t, { 'course.md': SAMPLE_OUTLINE });
  const before = run(['check', '--format', 'json'], dir);
  const first = run(['report', '--format', 'md'], dir).stdout;
  // It says what it is, in a comment a Markdown viewer (a job summary) does not show.
  assert.match(first.split('\n')[0]!, /^<!-- bloomline-report: .* -->$/);
  // Saved where a walk finds it (the brief's `report --format md -o alignment.md` in a
  // repository): before, check read its tables as 27 objectives and outcomes with findings, and
  // their IDs clashed with the outline's.
  fs.writeFileSync(path.join(dir, 'alignment.md'), first);
  const after = run(['check', '--format', 'json'], dir);
  assert.equal(after.status, before.status, after.stderr);
  const files = JSON.parse(after.stdout) as { filePath: string; messages: unknown[] }[];
  assert.deepEqual(
    files.map((f) => [f.filePath, f.messages.length]),
    [
      ['alignment.md', 0],
      ['course.md', (JSON.parse(before.stdout) as { messages: unknown[] }[])[0]!.messages.length],
    ],
  );
  assert.deepEqual(files[1], (JSON.parse(before.stdout) as unknown[])[0]);
  // And a report of the folder is the report of the outline alone.
  assert.equal(run(['report', '--format', 'md'], dir).stdout, first);
  const outline = run(['outline', '--format', 'json', 'alignment.md'], dir);
  const [entry] = JSON.parse(outline.stdout) as { objectives: unknown[]; outcomes: unknown[] }[];
  assert.deepEqual([entry!.objectives.length, entry!.outcomes.length], [0, 0]);
});
