// `check --format sarif` and `check --format github`, the CI formats. The SARIF is validated
// against the SARIF 2.1.0 JSON schema as published (the copy @microsoft/jest-sarif ships, a
// draft-04 schema, hence ajv-draft-04); both formats must say what `--format json` says, at
// the same 1-based UTF-16 positions.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { docsUrl, LineIndex, RULES } from '../../server/src/core/index.js';
import { escapeData, escapeProperty, formatGithub } from '../../server/src/cli/format/github.js';
import { BIN, checkJson, project, ROOT, run, VAGUE } from './helpers.js';

const SCHEMA_PATH = path.join(
  ROOT,
  'node_modules',
  '@microsoft',
  'jest-sarif',
  'lib',
  'schemas',
  'sarif-2.1.0-rtm.5.json',
);

// ajv-draft-04 and ajv-formats are CommonJS with `exports.default`.
type AjvClass = typeof AjvDraft04.default;
const Ajv = ((AjvDraft04 as unknown as { default?: AjvClass }).default ?? AjvDraft04) as AjvClass;
const withFormats = ((addFormats as unknown as { default?: typeof addFormats.default }).default ??
  addFormats) as typeof addFormats.default;

function sarifValidator() {
  const schema = JSON.parse(fs.readFileSync(SCHEMA_PATH, 'utf8')) as Record<string, unknown>;
  assert.match(String(schema.title), /SARIF\) Version 2\.1\.0/);
  // strict: false lets the draft-04 `id` keyword be; unicodeRegExp: false reads the schema's
  // patterns as ECMA-262 regular expressions without the u flag, as draft-04 meant them (the
  // rtm.5 language pattern has a stray "]" that a u-flag RegExp refuses).
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  withFormats(ajv);
  return ajv.compile(schema);
}

interface SarifLog {
  $schema: string;
  version: string;
  runs: {
    tool: {
      driver: {
        name: string;
        version: string;
        informationUri: string;
        rules: {
          id: string;
          name: string;
          shortDescription: { text: string };
          fullDescription: { text: string };
          helpUri: string;
          defaultConfiguration: { level: string };
        }[];
      };
    };
    columnKind: string;
    originalUriBaseIds?: Record<string, { uri: string }>;
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: {
        physicalLocation: {
          artifactLocation: { uri: string; uriBaseId?: string };
          region: { startLine: number; startColumn: number; endLine: number; endColumn: number };
        };
      }[];
      fixes?: {
        description: { text: string };
        artifactChanges: {
          artifactLocation: { uri: string; uriBaseId?: string };
          replacements: {
            deletedRegion: {
              startLine: number;
              startColumn: number;
              endLine: number;
              endColumn: number;
            };
            insertedContent: { text: string };
          }[];
        }[];
      }[];
    }[];
  }[];
}

function sarif(args: string[], cwd: string): { status: number; log: SarifLog; stdout: string } {
  const r = run(['check', '--format', 'sarif', ...args], cwd);
  assert.equal(r.stderr, '');
  return { status: r.status, log: JSON.parse(r.stdout) as SarifLog, stdout: r.stdout };
}

const EMOJI_LINE = '- 🔐 Understand how to configure the VPN client';
const OUTLINE = [
  '# VPN access',
  '',
  '## Learning objectives',
  '',
  EMOJI_LINE,
  '- **LO2:** Reset a password within 5 minutes',
  '',
  '## Outcomes',
  '',
  '- VPN tickets fall from 40 to 10 a month (LO2, LO9)',
  '',
].join('\n');

test('sarif: valid SARIF 2.1.0 with every rule, each with its helpUri', (t) => {
  const dir = project(t, { 'docs/course.md': OUTLINE });
  const { status, log } = sarif([], dir);
  assert.equal(status, 1, 'unknown-reference is an error');
  const validate = sarifValidator();
  assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
  // The validator is real: a 0-based column or a stray property fails it.
  const broken = structuredClone(log);
  broken.runs[0]!.results[0]!.locations[0]!.physicalLocation.region.startColumn = 0;
  assert.equal(validate(broken), false);
  assert.equal(validate({ ...log, runs: [{ ...log.runs[0], columns: 'utf16' }] }), false);
  assert.equal(log.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
  assert.equal(log.version, '2.1.0');
  assert.equal(log.runs.length, 1);
  const [runLog] = log.runs;
  const driver = runLog!.tool.driver;
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    version: string;
  };
  assert.equal(driver.name, 'Bloomline');
  assert.equal(driver.version, pkg.version);
  assert.match(driver.informationUri, /^https:\/\//);
  assert.equal(driver.rules.length, RULES.length);
  assert.deepEqual(
    driver.rules.map((r) => r.id),
    RULES.map((r) => r.id),
  );
  const levels: Record<string, string> = {
    error: 'error',
    warning: 'warning',
    information: 'note',
    hint: 'note',
  };
  for (const [i, rule] of driver.rules.entries()) {
    const source = RULES[i]!;
    assert.equal(rule.helpUri, docsUrl(rule.id));
    assert.match(rule.name, /^[A-Z][A-Za-z]+$/);
    assert.equal(rule.name.toLowerCase(), rule.id.replace(/-/g, ''));
    assert.equal(rule.shortDescription.text, source.description);
    assert.ok(rule.fullDescription.text.length > 0);
    assert.equal(rule.defaultConfiguration.level, levels[source.defaultSeverity]);
  }
  assert.equal(driver.rules.find((r) => r.id === 'missing-timeframe')?.name, 'MissingTimeframe');
  assert.equal(runLog!.columnKind, 'utf16CodeUnits');
  assert.match(runLog!.originalUriBaseIds!['%SRCROOT%']!.uri, /^file:\/\/.*\/$/);
  for (const result of runLog!.results) {
    assert.equal(driver.rules[result.ruleIndex]!.id, result.ruleId);
    const loc = result.locations[0]!.physicalLocation;
    assert.deepEqual(loc.artifactLocation, { uri: 'docs/course.md', uriBaseId: '%SRCROOT%' });
  }
  const unknown = runLog!.results.find((r) => r.ruleId === 'unknown-reference');
  assert.equal(unknown?.level, 'error');
  const timeframe = runLog!.results.find((r) => r.ruleId === 'missing-timeframe');
  assert.equal(timeframe?.level, 'note', 'information is a note');
});

test('sarif: 1-based UTF-16 columns (an emoji counts two) and the preferred fix', (t) => {
  const dir = project(t, { 'course.md': OUTLINE });
  const { log } = sarif([], dir);
  const json = checkJson([], dir).files[0]!;
  const results = log.runs[0]!.results;
  // The same findings as --format json, at the same positions.
  assert.equal(results.length, json.messages.length);
  for (const [i, m] of json.messages.entries()) {
    const r = results[i]!;
    assert.equal(r.ruleId, m.ruleId);
    assert.equal(r.message.text, m.message);
    assert.deepEqual(r.locations[0]!.physicalLocation.region, {
      startLine: m.line,
      startColumn: m.column,
      endLine: m.endLine,
      endColumn: m.endColumn,
    });
  }
  const vague = results.find((r) => r.ruleId === 'vague-verb')!;
  const region = vague.locations[0]!.physicalLocation.region;
  assert.equal(region.startLine, 5);
  assert.equal(region.startColumn, EMOJI_LINE.indexOf('Understand') + 1);
  assert.equal(region.startColumn, 6, '"- " (2) + "🔐" (2 UTF-16 units) + " " (1), then 1-based');
  assert.equal(
    EMOJI_LINE.slice(region.startColumn - 1, region.endColumn - 1),
    'Understand',
    'endColumn is the column after the region',
  );
  // The fix: what --fix would apply, as a SARIF replacement.
  assert.equal(vague.fixes?.length, 1);
  const jsonFix = json.messages
    .find((m) => m.ruleId === 'vague-verb')!
    .fixes.find((f) => f.isPreferred)!;
  const change = vague.fixes![0]!.artifactChanges[0]!;
  assert.equal(vague.fixes![0]!.description.text, jsonFix.title);
  assert.deepEqual(change.artifactLocation, { uri: 'course.md', uriBaseId: '%SRCROOT%' });
  assert.deepEqual(
    change.replacements,
    jsonFix.edits.map((e) => ({
      deletedRegion: {
        startLine: e.line,
        startColumn: e.column,
        endLine: e.endLine,
        endColumn: e.endColumn,
      },
      insertedContent: { text: e.newText },
    })),
  );
  // Applying the replacement gives what `check --fix` writes on that line.
  const fixed = run(['check', '--fix'], dir);
  assert.ok(fixed.status <= 1, fixed.stderr);
  const line = fs.readFileSync(path.join(dir, 'course.md'), 'utf8').split('\n')[4]!;
  let expected = EMOJI_LINE;
  for (const rep of [...change.replacements].reverse()) {
    const d = rep.deletedRegion;
    assert.equal(d.startLine, 5);
    assert.equal(d.endLine, 5);
    expected =
      expected.slice(0, d.startColumn - 1) +
      rep.insertedContent.text +
      expected.slice(d.endColumn - 1);
  }
  assert.equal(line, expected);
  // Findings with no preferred fix carry no `fixes`.
  assert.equal(results.find((r) => r.ruleId === 'missing-criterion')?.fixes, undefined);
});

test('sarif: a clean run is a valid log with no results; odd file names are encoded', (t) => {
  const clean = project(t, { 'README.md': '# Nothing to check\n' });
  // Named, so that stderr stays empty (a folder of no outline would get a note on stderr).
  const { status, log } = sarif(['README.md'], clean);
  assert.equal(status, 0);
  assert.deepEqual(log.runs[0]!.results, []);
  const validate = sarifValidator();
  assert.ok(validate(log), JSON.stringify(validate.errors));

  const odd = project(t, { 'my notes/week #1, 50%.md': VAGUE });
  const r = sarif([], odd);
  assert.ok(validate(r.log), JSON.stringify(validate.errors));
  const uri = r.log.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri;
  assert.equal(uri, 'my%20notes/week%20%231%2C%2050%25.md');
  assert.equal(decodeURIComponent(uri), 'my notes/week #1, 50%.md');
});

test('github: one workflow command per finding, at the JSON positions, escaped', (t) => {
  const dir = project(t, {
    '.bloomline.json': JSON.stringify({ rules: { 'compound-objective': 'hint' } }),
    'a,b:c%/course.md': OUTLINE.replace(
      '- **LO2:** Reset a password within 5 minutes',
      '- **LO2:** Reset a password within 5 minutes\n- Identify and explain phishing emails within 2 minutes',
    ),
  });
  const r = run(['check', '--format', 'github'], dir);
  assert.equal(r.status, 1, r.stderr);
  assert.equal(r.stderr, '');
  const json = checkJson([], dir).files[0]!;
  const lines = r.stdout.split('\n');
  assert.equal(lines.pop(), '', 'every command ends with a newline');
  assert.equal(lines.length, json.messages.length);
  const command: Record<string, string> = {
    error: 'error',
    warning: 'warning',
    information: 'notice',
    hint: 'notice',
  };
  const severities = new Set(json.messages.map((m) => m.severity));
  assert.deepEqual([...severities].sort(), ['error', 'hint', 'information', 'warning']);
  json.messages.forEach((m, i) => {
    const range =
      m.line === m.endLine
        ? `line=${m.line},col=${m.column},endLine=${m.endLine},endColumn=${m.endColumn}`
        : `line=${m.line},endLine=${m.endLine}`;
    const expected =
      `::${command[m.severity]} file=a%2Cb%3Ac%25/course.md,${range},` +
      `title=${m.ruleId}::${escapeData(m.message)}`;
    assert.equal(lines[i], expected);
  });
  const vague = lines.find((l) => l.includes('title=vague-verb'))!;
  assert.match(
    vague,
    /^::warning file=[^:]+,line=5,col=6,endLine=5,endColumn=16,title=vague-verb::/,
  );
});

test('github escaping: % CR LF in messages, : and , in properties; columns on one line only', () => {
  assert.equal(escapeData('50% done\r\nnext: a, b'), '50%25 done%0D%0Anext: a, b');
  assert.equal(escapeProperty('a,b:c%\n'), 'a%2Cb%3Ac%25%0A');
  assert.equal(escapeData('%0A'), '%250A', '% first, so an escape is never read back as one');
  // A message with every special character, through the formatter.
  const out = formatGithub([
    {
      filePath: 'docs/my course.md',
      relativePath: 'docs/my course.md',
      lines: new LineIndex('- Understand it\n  and more\n'),
      findings: [
        {
          ruleId: 'vague-verb',
          severity: 'information',
          message: 'Line one: 100%\nline two, done\r',
          span: { start: 2, end: 5 },
          fixes: [],
          related: [],
        },
        {
          ruleId: 'compound-objective',
          severity: 'hint',
          message: 'Over two lines',
          span: { start: 2, end: 22 },
          fixes: [],
          related: [],
        },
      ],
    },
  ]);
  assert.equal(
    out,
    '::notice file=docs/my course.md,line=1,col=3,endLine=1,endColumn=6,title=vague-verb::' +
      'Line one: 100%25%0Aline two, done%0D\n' +
      '::notice file=docs/my course.md,line=1,endLine=2,title=compound-objective::Over two lines\n',
  );
});

test('--max-warnings applies to the CI formats; unknown formats list them all, or the one meant', (t) => {
  const dir = project(t, { 'course.md': VAGUE });
  const gh = run(['check', '--format', 'github', '--max-warnings', '0'], dir);
  assert.equal(gh.status, 1);
  assert.match(gh.stderr, /^bloomline: found too many warnings \(\d+, maximum: 0\)\n$/);
  // Every machine format says it on stderr (stdout is the report), as ESLint does.
  for (const format of ['sarif', 'json', 'gitlab', 'unix']) {
    const over = run(['check', '--format', format, '--max-warnings', '0'], dir);
    assert.equal(over.status, 1, format);
    assert.match(over.stderr, /^bloomline: found too many warnings \(\d+, maximum: 0\)\n$/, format);
  }
  assert.equal(run(['check', '--format', 'sarif'], dir).status, 0);
  const bad = run(['check', '--format', 'junit'], dir);
  assert.equal(bad.status, 2);
  assert.match(
    bad.stderr,
    /unknown format "junit" \(supported: stylish, json, sarif, github, gitlab, unix\)/,
  );
  // A near miss says which was meant, as a mistyped option does.
  const near = run(['check', '--format', 'JSON'], dir);
  assert.equal(near.status, 2);
  assert.match(near.stderr, /^bloomline: unknown format "JSON" \(did you mean "json"\?\)\n$/);
  assert.match(run(['check', '--format', 'sarf'], dir).stderr, /did you mean "sarif"\?/);
  assert.match(run(['check', '--help'], dir).stdout, /sarif +SARIF 2\.1\.0/);
});

test('SARIF results carry partialFingerprints that survive moved lines and tell twins apart', (t) => {
  const outline = [
    '# Course',
    '',
    '## Learning objectives',
    '',
    '- Understand how to configure the VPN client.',
    '- Understand how to configure the VPN client.',
    '- Know the shell.',
    '',
  ].join('\n');
  const dir = project(t, { 'course.md': outline });
  const prints = (): string[][] => {
    const log = JSON.parse(run(['check', '--format', 'sarif'], dir).stdout) as {
      runs: { results: { ruleId: string; partialFingerprints: Record<string, string> }[] }[];
    };
    return log.runs[0]!.results.map((r) => [
      r.ruleId,
      r.partialFingerprints['bloomlineFinding/v1']!,
    ]);
  };
  const before = prints();
  assert.ok(before.length >= 4);
  for (const [, print] of before) assert.match(print!, /^[0-9a-f]{32}:\d+$/);
  assert.equal(new Set(before.map(([, p]) => p)).size, before.length, 'every result its own');
  // The two identical objectives differ only in their occurrence counter.
  const twins = before.filter(([rule]) => rule === 'vague-verb').map(([, p]) => p!);
  assert.equal(twins[0]!.split(':')[0], twins[1]!.split(':')[0]);
  assert.deepEqual(
    twins.slice(0, 2).map((p) => p.split(':')[1]),
    ['1', '2'],
  );
  fs.writeFileSync(
    path.join(dir, 'course.md'),
    outline.replace('# Course\n', '# Course\n\nA new paragraph.\n\nAnd another.\n'),
  );
  assert.deepEqual(prints(), before, 'the same fingerprints after lines were added above');
});

test('sarif and github: the assessment rules, with the assessments a finding points at as related locations', (t) => {
  const course = [
    '# Research Methods',
    '',
    '## Learning outcomes',
    '',
    '- **LO1:** Design a field study that tests a hypothesis within two weeks.',
    '- **LO2:** Compare two sampling strategies in at most 300 words.',
    '',
    '## Quiz',
    '',
    '- What is a hypothesis? (LO1)',
    '- Define "independent variable". (LO1)',
    '',
  ].join('\n');
  const dir = project(t, { 'course.md': course });
  const { log } = sarif([], dir);
  assert.ok(sarifValidator()(log), 'valid SARIF');
  const results = log.runs[0]!.results as unknown as {
    ruleId: string;
    locations: { physicalLocation: { region: { startLine: number } } }[];
    relatedLocations?: {
      id: number;
      message: { text: string };
      physicalLocation: { region: { startLine: number } };
    }[];
  }[];
  const below = results.find((r) => r.ruleId === 'assessment-below-level')!;
  assert.equal(below.locations[0]!.physicalLocation.region.startLine, 5);
  assert.deepEqual(
    below.relatedLocations!.map((l) => [l.physicalLocation.region.startLine, l.message.text]),
    [
      [10, 'checks it at remember: What is a hypothesis? (LO1)'],
      [11, 'checks it at remember: Define "independent variable". (LO1)'],
    ],
  );
  const unassessed = results.find((r) => r.ruleId === 'unassessed-objective')!;
  assert.equal(unassessed.locations[0]!.physicalLocation.region.startLine, 6);
  const gh = run(['check', '--format', 'github'], dir);
  assert.match(gh.stdout, /^::notice file=course\.md,line=5,.*title=assessment-below-level::/m);
  assert.match(gh.stdout, /^::warning file=course\.md,line=6,.*title=unassessed-objective::/m);
});

test('--output-file (-o, --output) writes the formatted findings to a file, making its folder; exit status unchanged', (t) => {
  const dir = project(t, {
    'course.md': VAGUE,
    'clean/ok.md': '## Learning objectives\n\n- Explain what DNS resolves, in at most 50 words.\n',
  });
  for (const format of ['sarif', 'json', 'github', 'stylish']) {
    const expected = run(['check', '--format', format], dir);
    const file = `reports/${format}/bloomline.out`;
    const r = run(['check', '--format', format, '--output-file', file], dir);
    assert.equal(r.status, expected.status, r.stderr);
    assert.equal(r.stdout, '', 'nothing on stdout');
    assert.equal(fs.readFileSync(path.join(dir, ...file.split('/')), 'utf8'), expected.stdout);
    // One line on stderr says what was found and where it went, for the job's log.
    assert.equal(
      r.stderr,
      `bloomline: 2 files checked, 3 problems (0 errors, 3 warnings, 0 infos): written to ${path.join('reports', format, 'bloomline.out')}\n`,
    );
  }
  // -o and --output are the same option; the run's exit status is the findings'.
  const short = run(['check', 'clean', '-o', 'out.json', '--format', 'json'], dir);
  assert.equal(short.status, 0, short.stderr);
  assert.equal(short.stderr, `bloomline: 1 file checked, no problems: written to out.json\n`);
  assert.equal(JSON.parse(fs.readFileSync(path.join(dir, 'out.json'), 'utf8')).length, 1);
  const long = run(['check', 'course.md', '--output=out.sarif', '--max-warnings', '0'], dir);
  assert.equal(long.status, 1);
  assert.match(
    long.stderr,
    /1 file checked, 3 problems \(0 errors, 3 warnings, 0 infos\): written to out\.sarif \(more warnings than --max-warnings 0\)\n$/,
  );
  // The file written is not checked by a later run whose folder walk would find it.
  const first = run(['check', '--format', 'json', '-o', 'notes.md'], dir);
  const firstText = fs.readFileSync(path.join(dir, 'notes.md'), 'utf8');
  const second = run(['check', '--format', 'json', '-o', 'notes.md'], dir);
  assert.equal(second.status, first.status);
  assert.equal(second.stderr, first.stderr);
  assert.equal(fs.readFileSync(path.join(dir, 'notes.md'), 'utf8'), firstText);
  assert.ok(!firstText.includes('notes.md'));
  // Named, it is checked as any file named is, and never written over: the findings of a
  // file checked must not take its place (`check week1.md -o week1.md`).
  const outline = fs.readFileSync(path.join(dir, 'course.md'), 'utf8');
  const over = run(['check', '--format', 'json', 'course.md', '-o', './course.md'], dir);
  assert.equal(over.status, 2);
  assert.equal(
    over.stderr,
    'bloomline: course.md: not written: it is a file being checked; the findings follow on stdout\n',
  );
  assert.equal(over.stdout, run(['check', '--format', 'json', 'course.md'], dir).stdout);
  assert.equal(fs.readFileSync(path.join(dir, 'course.md'), 'utf8'), outline);
  // A file that cannot be written: exit 2, one line that says so, and the findings on stdout
  // (nothing lost).
  fs.mkdirSync(path.join(dir, 'taken.sarif'));
  const bad = run(['check', '--format', 'json', '-o', 'taken.sarif'], dir);
  assert.equal(bad.status, 2);
  assert.match(
    bad.stderr,
    /^bloomline: taken\.sarif: cannot write the findings: is a directory; they follow on stdout\n$/,
  );
  assert.equal(bad.stdout, run(['check', '--format', 'json'], dir).stdout);
  // Given twice under two names: a usage error.
  const both = run(['check', '--output', 'a.json', '--output-file', 'b.json'], dir);
  assert.equal(both.status, 2);
  assert.match(both.stderr, /--output and --output-file name the same option: give one/);
});

test('gitlab: a Code Quality report, one issue per finding at the JSON lines, fingerprints that survive moved lines', (t) => {
  const broken =
    '## Learning objectives\n\n- **LO1:** Understand DNS.\n\n## Outcomes\n\n- Tickets fall 20% by Q3 (LO9).\n';
  const dir = project(t, { 'a/course.md': VAGUE, 'b/ids.md': broken, 'c/notes.md': '# Notes\n' });
  const json = checkJson([], dir);
  const r = run(['check', '--format', 'gitlab'], dir);
  assert.equal(r.status, json.status);
  assert.equal(r.status, 1, r.stderr);
  type Issue = {
    description: string;
    check_name: string;
    fingerprint: string;
    severity: string;
    location: { path: string; lines: { begin: number; end: number } };
  };
  const issues = JSON.parse(r.stdout) as Issue[];
  const expected = json.files.flatMap((f) =>
    f.messages.map((m) => ({
      description: m.message,
      check_name: m.ruleId,
      severity: { error: 'major', warning: 'minor', information: 'info', hint: 'info' }[m.severity],
      location: { path: f.filePath, lines: { begin: m.line, end: m.endLine } },
    })),
  );
  assert.ok(expected.some((i) => i.severity === 'major'));
  assert.deepEqual(
    issues.map(({ fingerprint, ...rest }) => (assert.match(fingerprint, /^[0-9a-f]{32}$/), rest)),
    expected,
  );
  assert.equal(new Set(issues.map((i) => i.fingerprint)).size, issues.length, 'unique');
  // Lines added above: the same fingerprints, other lines.
  fs.writeFileSync(path.join(dir, 'b', 'ids.md'), `# Week 1\n\nIntro.\n\n${broken}`);
  const moved = JSON.parse(run(['check', '--format', 'gitlab'], dir).stdout) as Issue[];
  assert.deepEqual(
    moved.map((i) => i.fingerprint),
    issues.map((i) => i.fingerprint),
  );
  assert.notDeepEqual(
    moved.map((i) => i.location.lines.begin),
    issues.map((i) => i.location.lines.begin),
  );
  // A clean run is an empty report; the option lists the format among the others.
  const clean = run(['check', '--format', 'gitlab', 'c'], dir);
  assert.equal(clean.status, 0, clean.stderr);
  assert.equal(clean.stdout, '[]\n');
  assert.match(run(['check', '--help'], dir).stdout, /gitlab +GitLab Code Quality report/);
  // Through --fix-dry-run too (the path that holds every file).
  const dry = run(['check', '--format', 'gitlab', '--fix-dry-run'], dir);
  assert.equal(JSON.parse(dry.stdout).length > 0, true);
});

test('run in a subfolder of a Git repository, sarif, github and gitlab name files from the repository root, as GitHub and GitLab read them', (t) => {
  const dir = project(t, {
    '.git/HEAD': 'ref: refs/heads/main\n',
    'courses/a/week1.md': VAGUE,
  });
  const sub = path.join(dir, 'courses', 'a');
  const atRoot = sarif([], dir);
  const inSub = sarif([], sub);
  const loc = (log: SarifLog) => log.runs[0]!.results[0]!.locations[0]!.physicalLocation;
  assert.deepEqual(loc(inSub.log).artifactLocation, {
    uri: 'courses/a/week1.md',
    uriBaseId: '%SRCROOT%',
  });
  assert.equal(
    inSub.log.runs[0]!.originalUriBaseIds!['%SRCROOT%']!.uri,
    pathToFileURL(fs.realpathSync(dir)).href + '/',
  );
  // The same alerts whichever folder the job ran in: same paths, same fingerprints.
  assert.equal(inSub.stdout, atRoot.stdout);
  const gh = run(['check', '--format', 'github'], sub);
  assert.match(gh.stdout, /^::warning file=courses\/a\/week1\.md,line=3,/m);
  const gl = JSON.parse(run(['check', '--format', 'gitlab'], sub).stdout) as {
    location: { path: string };
  }[];
  assert.ok(gl.length > 0);
  for (const issue of gl) assert.equal(issue.location.path, 'courses/a/week1.md');
  // What people read keeps the path they gave (relative to where they are).
  assert.deepEqual(
    checkJson([], sub).files.map((f) => f.filePath),
    ['week1.md'],
  );
  // A worktree or submodule has a .git file, not a folder: the same.
  const wt = project(t, { '.git': 'gitdir: /elsewhere/.git/worktrees/x\n', 'c/w.md': VAGUE });
  assert.match(
    run(['check', '--format', 'github'], path.join(wt, 'c')).stdout,
    /^::warning file=c\/w\.md,/m,
  );
  // Outside any repository: relative to the folder it ran in, as before.
  const plain = project(t, { 'c/w.md': VAGUE });
  assert.match(
    run(['check', '--format', 'github'], path.join(plain, 'c')).stdout,
    /^::warning file=w\.md,/m,
  );
});

test("unix: ESLint's unix format, one line per finding (path:line:column: message [Severity/rule]; a hint is a Note, quickfix type n), for errorformat and efm-langserver", (t) => {
  const dir = project(t, {
    '.bloomline.json': JSON.stringify({ rules: { 'compound-objective': 'hint' } }),
    'lessons/course.md': OUTLINE.replace(
      '- **LO2:** Reset a password within 5 minutes',
      '- **LO2:** Reset a password within 5 minutes\n- Identify and explain phishing emails within 2 minutes',
    ),
    'notes.md': '# Notes\n',
  });
  const r = run(['check', '--format', 'unix'], dir);
  const json = checkJson([], dir);
  assert.equal(r.status, json.status);
  assert.equal(r.status, 1, r.stderr);
  const word: Record<string, string> = {
    error: 'Error',
    warning: 'Warning',
    information: 'Info',
    hint: 'Note',
  };
  const expected = json.files.flatMap((f) =>
    f.messages.map(
      (m) => `${f.filePath}:${m.line}:${m.column}: ${m.message} [${word[m.severity]}/${m.ruleId}]`,
    ),
  );
  assert.deepEqual(
    [...new Set(json.files.flatMap((f) => f.messages.map((m) => m.severity)))].sort(),
    ['error', 'hint', 'information', 'warning'],
  );
  assert.equal(
    r.stdout,
    expected.map((l) => `${l}\n`).join(''),
    'no summary line: one per finding',
  );
  assert.equal(r.stderr, '');
  // An editor's linter: the buffer on stdin, named by its path; a clean buffer prints nothing.
  const text = fs.readFileSync(path.join(dir, 'lessons', 'course.md'));
  const abs = path.join(dir, 'lessons', 'course.md');
  const piped = spawnSync(
    process.execPath,
    [BIN, 'check', '--stdin', '--stdin-filename', abs, '-f', 'unix'],
    { cwd: dir, input: text, encoding: 'utf8' },
  );
  assert.equal(piped.stdout, expected.map((l) => `${l.replace(/^[^:]+/, abs)}\n`).join(''));
  const clean = run(['check', '-f', 'unix', 'notes.md'], dir);
  assert.equal(clean.status, 0);
  assert.equal(clean.stdout, '');
  // Through the path that writes files as they are done (a walk of several), and -o.
  const streamed = run(['check', '-f', 'unix', 'lessons', 'notes.md'], dir);
  assert.equal(streamed.stdout, r.stdout);
  // Vim's errorformat (which efm-langserver and ALE use) reads each line, with its type.
  const vim = spawnSync('vim', ['--version'], { encoding: 'utf8' });
  if (vim.status !== 0) return;
  const out = path.join(dir, 'qf.txt');
  fs.writeFileSync(path.join(dir, 'unix.txt'), r.stdout);
  const script = [
    'set errorformat=%f:%l:%c:\\ %m\\ [%t%*[a-z]/%*[a-z-]]',
    'cgetfile unix.txt',
    `call writefile(map(getqflist(), {_, e -> bufname(e.bufnr) . '|' . e.lnum . '|' . e.col . '|' . e.type . '|' . e.valid . '|' . e.text}), '${out}')`,
    'qa!',
  ];
  fs.writeFileSync(path.join(dir, 'read.vim'), script.join('\n'));
  spawnSync('vim', ['-Nu', 'NONE', '-i', 'NONE', '-es', '-S', 'read.vim'], { cwd: dir });
  const letter: Record<string, string> = { error: 'E', warning: 'W', information: 'I', hint: 'N' };
  assert.deepEqual(
    fs.readFileSync(out, 'utf8').trimEnd().split('\n'),
    json.files.flatMap((f) =>
      f.messages.map(
        (m) => `${f.filePath}|${m.line}|${m.column}|${letter[m.severity]}|1|${m.message}`,
      ),
    ),
  );
});
