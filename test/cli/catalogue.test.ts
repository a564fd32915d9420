// `check` on a folder, a file at a time (cli/check.ts, checkFiles): what it prints is what
// checking all the files at once prints, in every format; files linked across files still get
// their cross-file findings; and it holds a summary per file, not every model.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test, type TestContext } from 'node:test';
import { pathToFileURL } from 'node:url';
import { BIN, checkJson, project, ROOT, run, type JsonFile } from './helpers.js';

const CORPUS = path.join(ROOT, 'test', 'corpus', 'carpentries', 'shell-novice');

/** Two pairs of files linked by references: objectives read before the outcomes that name
 * them, and outcomes read before the objectives they name (a file read later). */
const LINKED: Record<string, string> = {
  'a-objectives.md':
    '## Performance objectives\n\n' +
    '- **LO1:** Configure the VPN client on a company laptop within 5 minutes\n' +
    '- **LO2:** Reset a user password in the admin console within 2 minutes\n',
  'b-outcomes.md':
    '## Outcomes\n\n' +
    '- Reduce VPN support tickets from 40 to 10 a month within 3 months (LO1)\n' +
    '- Cut password reset calls from 30 to 5 a week within 2 months (LO9)\n',
  'later/a-outcomes.md':
    '## Outcomes\n\n- Raise first-call resolution from 60% to 80% within 6 months (PO1)\n',
  'later/b-objectives.md':
    '## Performance objectives\n\n' +
    '- **PO1:** Diagnose a failed printer queue on a client workstation within 10 minutes\n' +
    '- **PO2:** Escalate a ticket to the network team with the required fields filled in\n',
  'c-plain.md':
    '# Lesson\n\n## Objectives\n\n- Explain how a loop repeats commands\n- Understand variables\n',
};

/** Real lessons (no IDs: each is linked with nothing) around the linked files. */
function catalogue(t: TestContext): string {
  const files: Record<string, string> = { ...LINKED };
  for (const name of fs.readdirSync(CORPUS).sort())
    files[`lessons/${name}`] = fs.readFileSync(path.join(CORPUS, name), 'utf8');
  return project(t, files);
}

const byPath = (files: JsonFile[]) => new Map(files.map((f) => [f.filePath, f]));
/** The findings that links decide (the wording of the objectives decides the others). */
const LINK_RULES = ['missing-outcome', 'orphan-outcome', 'unknown-reference'];
const rules = (f: JsonFile | undefined) =>
  (f?.messages ?? [])
    .filter((m) => LINK_RULES.includes(m.ruleId))
    .map((m) => `${m.line} ${m.ruleId}`);

test('check DIR prints what checking every file at once prints, in every format', (t) => {
  const dir = catalogue(t);
  for (const format of ['stylish', 'json', 'sarif', 'github']) {
    const streamed = run(['check', '--format', format], dir);
    // --prune-suppressions (with no suppressions file: nothing is written) takes the path that
    // reads and links every file before it reports anything, as `check` did before it streamed.
    const atOnce = run(['check', '--format', format, '--prune-suppressions'], dir);
    assert.ok(streamed.stdout.length > 1000, `${format}: something is printed`);
    assert.equal(streamed.stdout, atOnce.stdout, `${format}: the same output`);
    assert.equal(streamed.stderr, atOnce.stderr, `${format}: the same messages`);
    assert.equal(streamed.status, atOnce.status, `${format}: the same exit status`);
  }
  const sarif = JSON.parse(run(['check', '--format', 'sarif'], dir).stdout) as {
    runs: { results: unknown[] }[];
  };
  assert.ok(sarif.runs[0]!.results.length > 20, 'the streamed SARIF parses, with every result');
});

test('check DIR keeps cross-file findings: references resolve into files read before and after', (t) => {
  const dir = catalogue(t);
  const all = byPath(checkJson([], dir).files);
  const alone = (name: string) => checkJson([name], dir).files[0];

  // Alone, the objectives file has no outcome at all; with the others, LO1 is measured.
  assert.deepEqual(rules(alone('a-objectives.md')), ['3 missing-outcome']);
  assert.deepEqual(rules(all.get('a-objectives.md')), ['4 missing-outcome']);
  // Alone, the outcomes measure nothing (said once: the file states no objectives); with the
  // others, LO1 resolves and LO9 is unknown, with the IDs of the other file as suggestions.
  assert.deepEqual(rules(alone('b-outcomes.md')), ['3 orphan-outcome']);
  const outcomes = all.get('b-outcomes.md')!;
  assert.deepEqual(rules(outcomes), ['4 orphan-outcome', '4 unknown-reference']);
  assert.match(
    outcomes.messages.find((m) => m.ruleId === 'unknown-reference')!.message,
    /"LO9".*did you mean "LO2" or "LO1"/,
  );
  // The same when the outcomes are read before the objectives they name.
  const later = byPath(checkJson(['later'], dir).files);
  assert.deepEqual(rules(later.get(path.join('later', 'a-outcomes.md'))), []);
  assert.deepEqual(rules(later.get(path.join('later', 'b-objectives.md'))), ['4 missing-outcome']);
  assert.deepEqual(rules(all.get(path.join('later', 'a-outcomes.md'))), []);
});

test('check DIR prints, for files linked with no other, the concatenation of their own results', (t) => {
  const dir = catalogue(t);
  const names = fs
    .readdirSync(path.join(dir, 'lessons'))
    .sort()
    .map((n) => path.join('lessons', n));
  const folder = run(['check', 'lessons', '--no-color'], dir);
  const summary = (text: string) => text.indexOf('\n✖');
  let expected = '';
  for (const name of names) {
    const own = run(['check', name, '--no-color'], dir).stdout;
    expected += summary(own) >= 0 ? own.slice(0, summary(own)) : own;
  }
  assert.ok(expected.length > 1000, 'the lessons have findings');
  assert.equal(folder.stdout.slice(0, summary(folder.stdout)), expected);

  const json = checkJson(['lessons'], dir).files;
  assert.deepEqual(
    json,
    names.map((name) => checkJson([name], dir).files[0]),
  );
});

/** Runs `check --format json` on `dir` with the heap probe; its largest live heap. */
function liveHeap(dir: string): { maxLive: number; writes: number; maxRSSKB: number } {
  const result = path.join(dir, '..', `heap-${path.basename(dir)}.json`);
  const probe = pathToFileURL(path.join(ROOT, 'out', 'test', 'support', 'check-heap-probe.js'));
  const r = spawnSync(
    process.execPath,
    // Bytecode kept: when V8 flushes it depends on the machine's load (as in the editing soak).
    [
      '--expose-gc',
      '--no-flush-bytecode',
      '--import',
      probe.href,
      BIN,
      'check',
      '--format',
      'json',
      '.',
    ],
    {
      cwd: dir,
      env: { ...process.env, BLOOMLINE_CHECK_HEAP: result },
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    },
  );
  assert.ok(r.status === 0 || r.status === 1, r.stderr);
  const measured = JSON.parse(fs.readFileSync(result, 'utf8')) as {
    maxLive: number;
    writes: number;
    cleared: boolean;
    maxRSSKB: number;
  };
  assert.ok(
    measured.cleared,
    'check offers its caches to the heap probe (else they count as held)',
  );
  return measured;
}

test('check DIR holds a summary per file, not every model: live heap over a catalogue of 40 lessons', async (t) => {
  const { generateOutline } = (await import(
    pathToFileURL(path.join(ROOT, 'scripts', 'bench', 'generate.mjs')).href
  )) as { generateOutline(o: { objectives: number; seed: number }): { text: string } };
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'bloomline-catalogue-')));
  t.after(() => fs.rmSync(root, { recursive: true, force: true }));
  // Lessons of 150 objectives (about 20 KB), without IDs, as most lessons are written (with
  // every model kept, each further lesson cost 56 times its size, 0.96 MB; a file with IDs is kept
  // as its summary, text and output until the end: test above).
  let bytes = 0;
  const make = (name: string, n: number) => {
    const dir = path.join(root, name);
    fs.mkdirSync(dir);
    for (let i = 0; i < n; i++) {
      const text = generateOutline({ objectives: 150, seed: 500 + i })
        .text.replace(/\*\*LO\d+:\*\* /g, '')
        .replace(/ \((?:LO\d+(?:, )?)+\)/g, '');
      bytes += n === 40 ? text.length : 0;
      fs.writeFileSync(path.join(dir, `lesson-${String(i).padStart(2, '0')}.md`), text);
    }
    return dir;
  };
  const one = liveHeap(make('one', 1));
  const many = liveHeap(make('many', 40));
  const lesson = bytes / 40;
  const perFile = (many.maxLive - one.maxLive) / 39;
  t.diagnostic(
    `live heap: one lesson ${mb(one.maxLive)} MB, 40 lessons ${mb(many.maxLive)} MB: ${mb(perFile)} MB per further lesson of ${(lesson / 1024).toFixed(1)} KB (${(perFile / lesson).toFixed(1)}x its size); peak RSS ${Math.round(many.maxRSSKB / 1024)} MB`,
  );
  assert.ok(!/\bLO\d/.test(fs.readFileSync(path.join(root, 'many', 'lesson-07.md'), 'utf8')));
  assert.ok(many.writes > 40, 'the output is written as files are done');
  // Generous: 8 times the lesson's size (its text, and what the run keeps of it, is less).
  assert.ok(
    perFile < 8 * lesson,
    `a further lesson costs ${mb(perFile)} MB of live heap, under 8x its size (${(lesson / 1024).toFixed(1)} KB)`,
  );
});

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(2);

/**
 * Lessons read one after another in one process, each of which the parse of another would
 * change if anything of it were kept: the parser is set up once per set of extensions and used
 * for every file (scripts/mdast-compile-patch.mjs), and only what a parse writes is made new.
 * A label defined in one lesson resolves a reference in another only if the definitions seen
 * were kept ("Explain [the basics] of ..." would read "Explain the basics of ..."); the lessons
 * use each set-up twice: with front matter and definitions, with definitions only (one in a
 * list item, which the lines do not show), and with neither.
 */
const NEIGHBOURS: Record<string, string> = {
  '1-defines.md':
    '---\ntitle: Version control\n---\n\n# Version control\n\n## Objectives\n\n' +
    '- Explain [the basics] of version control\n- Describe [a commit][commits]\n\n' +
    '> A quote\ncontinued lazily\n\n[the basics]: https://example.org/basics\n' +
    '[commits]: https://example.org/commits\n',
  '2-front-matter.md':
    '---\ntitle: Branches\n---\n\n# Branches\n\n## Objectives\n\n' +
    '- Explain [the basics] of branching\n- Describe [a commit][commits] on a branch\n\n' +
    '[branches]: https://example.org/branches\n',
  '3-defines-in-a-list.md':
    '# Tags\n\n## Objectives\n\n- Explain [the basics] of tagging\n\n' +
    '- [tags]: https://example.org/tags\n',
  '4-definitions.md':
    '# Merging\n\n## Objectives\n\n- Explain [the basics] of merging\n- List [tags] and [commits]\n\n' +
    '[merging]: https://example.org/merging\n',
  '5-plain.md':
    '# Rebasing\n\n## Objectives\n\n- Explain [the basics] of rebasing\n- List [tags] [commits]\n\n' +
    '---\ntitle: not front matter here\n---\n',
  '6-plain.md':
    '# Stashing\n\n## Objectives\n\n- Explain [the basics] of stashing\n- Name [tags]\n',
};

test('lessons read one after another are each read as alone: no definition or front matter of one reaches the next', (t) => {
  const dir = project(t, NEIGHBOURS);
  const names = Object.keys(NEIGHBOURS);
  const outline = (args: string[]) => {
    const r = run(['outline', '--format', 'json', ...args], dir);
    assert.equal(r.status, 0, r.stderr);
    return JSON.parse(r.stdout) as { filePath: string; objectives: { text: string }[] }[];
  };
  const together = outline(names);
  assert.equal(together.length, names.length);
  for (const [i, name] of names.entries()) {
    const alone = outline([name]);
    assert.deepEqual(together[i], alone[0], name);
  }
  // What the lessons read, so that the comparison above can tell: only the lesson that defines
  // "the basics" reads its reference as a link.
  const texts = together.map((e) => e.objectives.map((o) => o.text).join(' | '));
  assert.deepEqual(texts, [
    'Explain the basics of version control | Describe a commit',
    'Explain [the basics] of branching | Describe [a commit][commits] on a branch',
    'Explain [the basics] of tagging',
    'Explain [the basics] of merging | List [tags] and [commits]',
    'Explain [the basics] of rebasing | List [tags] [commits]',
    'Explain [the basics] of stashing | Name [tags]',
  ]);
  // And check prints, for the folder, each lesson's own findings.
  assert.deepEqual(
    checkJson(['.'], dir).files,
    names.map((name) => checkJson([name], dir).files[0]),
  );
});
