// `bloomline check`: lint outlines, optionally fix them, report, and say with the exit status
// whether the run is clean.
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import { pathToFileURL } from 'node:url';
import {
  applySuppressions,
  fixStored,
  IdentityView,
  LineIndex,
  linksAcrossFiles,
  pruneSuppressions,
  readOutlineSource,
  recordSuppressions,
  type Finding,
} from '../core/index.js';
import { collectPatternGates, setPatternGates } from '../core/language/ascii.js';
import { colors } from './format/color.js';
import { formatGithub, githubFile } from './format/github.js';
import { formatGitlab, gitlabFile } from './format/gitlab.js';
import { formatUnix, unixFile } from './format/unix.js';
import { formatJson, jsonEntry } from './format/json.js';
import { countFindings, type Counts, type FileReport } from './format/report.js';
import { formatSarif, SarifStream } from './format/sarif.js';
import { formatStylish, problems, stylishFile, stylishSummary } from './format/stylish.js';
import { toPosix } from './glob.js';
import { describeError, fsReason, Log } from './log.js';
import type { Target } from './files.js';
import { ConfigResolver } from './config.js';
import {
  CheckPool,
  claimFromEnd,
  wantsWorker,
  type CheckWorkerData,
  type WorkerResult,
} from './pool.js';
import {
  hasOutline,
  loadFile,
  leaveOutExcluded,
  loadProject,
  planProject,
  planStdin,
  planWith,
  type LoadedFile,
  type ProjectPlan,
} from './project.js';
import { writeFixed, writeOutput } from './source.js';
import {
  keyExists,
  readSuppressionsFile,
  suppressionKey,
  writeSuppressionsFile,
  type SuppressionsFile,
} from './suppressions.js';
import { readVersion } from './version.js';

export const CHECK_FORMATS = ['stylish', 'json', 'sarif', 'github', 'gitlab', 'unix'] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];

export interface CheckOptions {
  format: CheckFormat;
  configPath?: string;
  /** -1: no limit. */
  maxWarnings: number;
  fix: boolean;
  /** --fix-dry-run: fix in memory, report what is left and the fixed text (json), write
   * nothing. */
  fixDryRun?: boolean;
  quiet: boolean;
  color: boolean;
  /** Bulk suppressions (ESLint's flags): record all rules, or these rules. */
  suppressAll?: boolean;
  suppressRules?: readonly string[];
  /** --suppressions-location (default: bloomline-suppressions.json in the current folder). */
  suppressionsLocation?: string;
  pruneSuppressions?: boolean;
  /** Counts larger than today's findings are a note, not exit status 2. */
  passOnUnprunedSuppressions?: boolean;
  /** --stdin: check these bytes, named `filename`, instead of files (never with --fix or the
   * flags that record suppressions). */
  stdin?: { text: Buffer; filename?: string };
  /** --force-exclude: files named, and the name of standard input, follow `files` and
   * `ignores` as a folder walk's files do. */
  forceExclude?: boolean;
  /** --output-file (-o, --output): write the formatted findings here instead of stdout. */
  outputFile?: string;
}

export interface Io {
  cwd: string;
  stdout(text: string): void;
  log: Log;
}

/** What a run found, for the line that --output-file says on stderr. */
interface CheckRun {
  status: number;
  /** The files checked (absolute paths). */
  checked: string[];
  files: number;
  counts: Counts;
  tooMany: boolean;
}

export function runCheck(args: readonly string[], options: CheckOptions, io: Io): number {
  if (options.outputFile === undefined) return checkTo(args, options, io).status;
  // The formatted findings go to the file, once they are all made; stdout stays empty. One
  // line on stderr says what was found, so a CI log shows why a step failed.
  const chunks: string[] = [];
  const run = checkTo(args, options, { ...io, stdout: (text) => void chunks.push(text) });
  const text = chunks.join('');
  const shown = path.normalize(options.outputFile);
  const target = path.resolve(io.cwd, options.outputFile);
  if (run.checked.includes(target)) {
    // `check week1.md -o week1.md`: the findings never take the place of a file checked.
    io.log.error(
      `${shown}: not written: it is a file being checked; the findings follow on stdout`,
    );
    io.stdout(text);
    return 2;
  }
  try {
    writeOutput(target, text);
  } catch (err) {
    // Nothing lost: the findings are shown where they would have gone without the option.
    io.log.error(`${shown}: cannot write the findings: ${fsReason(err)}; they follow on stdout`);
    io.stdout(text);
    return 2;
  }
  io.log.note(`${runSummary(run)}: written to ${shown}${tooManySaid(run, options)}`);
  return run.status;
}

/** "2 files checked, 3 problems (1 error, 2 warnings, 0 infos)", as stylish counts them. */
function runSummary(run: CheckRun): string {
  const { counts } = run;
  const files = run.files === 1 ? '1 file' : `${run.files} files`;
  const total = counts.error + counts.warning + counts.information + counts.hint;
  return `${files} checked, ${total ? problems(counts) : 'no problems'}`;
}

function tooManySaid(run: CheckRun, options: CheckOptions): string {
  return run.tooMany ? ` (more warnings than --max-warnings ${options.maxWarnings})` : '';
}

function checkTo(args: readonly string[], options: CheckOptions, io: Io): CheckRun {
  const { log } = io;
  // The suppressions file is read (and a corrupt one refused) before --fix writes anything.
  const recording = options.suppressAll === true || (options.suppressRules?.length ?? 0) > 0;
  const suppressions = readSuppressionsFile(io.cwd, options.suppressionsLocation, recording);
  // Fixing, and recording or pruning suppressions, need every file's findings before anything
  // is written: they hold every file. A check streams (checkFiles).
  const fixing = options.fix || options.fixDryRun === true;
  if (!fixing && !recording && !options.pruneSuppressions)
    return checkFiles(args, options, io, suppressions);
  const project = loadProject(
    args,
    io.cwd,
    log,
    options.configPath,
    options.stdin,
    options.outputFile,
    options.forceExclude,
  );
  const fixed = fixing ? fixAll(project.files, log, options.fixDryRun === true) : 0;

  const linted = project.files.map((file) => ({
    file,
    key: suppressionKey(suppressions.root, file.target.abs),
    findings: file.ws.lint(file.target.abs),
  }));
  const suppressed = applyFile(suppressions, linted, options, log);
  sayWhatWasChecked(
    project.targets,
    project.files.map((f) => hasOutline(f)),
    log,
  );

  // Every file checked is reported, also without findings (`check --format json` lists it
  // with `messages: []`, as ESLint does); the other formats show findings only.
  const reports: FileReport[] = [];
  for (const { file, findings: all } of linted) {
    let findings = suppressed.kept.get(file) ?? all;
    if (options.quiet) findings = findings.filter((f) => f.severity === 'error');
    const view = file.outline.view;
    reports.push({
      filePath: file.target.display,
      relativePath: relativePath(io.cwd, file.target.abs),
      lines: new LineIndex(file.source.text),
      text: file.outline.text,
      ...(view instanceof IdentityView ? {} : { view }),
      findings,
      ...(file.output !== undefined ? { output: file.output } : {}),
    });
  }

  const counts = countFindings(reports);
  const tooMany = tooManyWarnings(options, counts);
  if (options.format === 'json') {
    io.stdout(formatJson(reports));
  } else if (options.format === 'sarif') {
    io.stdout(formatSarif(reports, { version: readVersion(), srcRoot: srcRootUri(io.cwd) }));
  } else if (options.format === 'github') {
    io.stdout(formatGithub(reports));
  } else if (options.format === 'gitlab') {
    io.stdout(formatGitlab(reports));
  } else if (options.format === 'unix') {
    io.stdout(formatUnix(reports));
  } else {
    const c = colors(options.color);
    const text = formatStylish(reports, {
      colors: c,
      fixed,
      fixing,
      dryRun: options.fixDryRun === true,
      stdin: options.stdin !== undefined,
      suppressed: options.quiet ? 0 : suppressed.count,
      suppressionsFile: suppressions.shown,
    });
    io.stdout(text + tooManyLine(tooMany, c, options));
  }
  return {
    status: finish(tooMany, counts, options, log),
    checked: project.targets.map((t) => t.abs),
    files: reports.length,
    counts,
    tooMany,
  };
}

/**
 * A run that checked nothing, or nothing that is a course outline, must not pass as if it had:
 * files found but every one left out (a pattern's files all in `ignores`) is an error; files
 * found in a folder or by a pattern that hold no objective or outcome are a note. (A folder
 * with no outline file at all is said where it is expanded: files.ts.) Files named one by one
 * (a pre-commit hook's) are checked quietly.
 */
function sayWhatWasChecked(
  targets: readonly Target[],
  outlines: readonly boolean[],
  log: Log,
): void {
  if (!targets.length || log.failed) return;
  if (!outlines.length) {
    log.error(
      'no outline files to check: every file found is left out by "files" or "ignores" in .bloomline.json',
    );
    return;
  }
  if (outlines.some(Boolean) || targets.every((t) => t.explicit)) return;
  const n = outlines.length;
  log.note(
    `${n === 1 ? '1 file checked; it holds no' : `${n} files checked; none holds`} learning objectives or outcomes that Bloomline recognises (see docs/outline-format.md)`,
  );
}

function tooManyWarnings(options: CheckOptions, counts: Counts): boolean {
  return options.maxWarnings >= 0 && counts.warning > options.maxWarnings;
}

/** The stylish output's last line when there are more warnings than --max-warnings allows. */
function tooManyLine(
  tooMany: boolean,
  c: ReturnType<typeof colors>,
  options: CheckOptions,
): string {
  return tooMany
    ? `${c.red(`bloomline found too many warnings (maximum: ${options.maxWarnings}).`)}\n`
    : '';
}

/** After the output: the note of too many warnings where the output is for a machine (stylish
 * says it as its last line), and the exit status (2 when something failed, 1 for errors or too
 * many warnings). */
function finish(tooMany: boolean, counts: Counts, options: CheckOptions, log: Log): number {
  if (tooMany && options.format !== 'stylish')
    log.note(`found too many warnings (${counts.warning}, maximum: ${options.maxWarnings})`);
  if (log.failed) return 2;
  return counts.error > 0 || tooMany ? 1 : 0;
}

/**
 * Records or prunes the suppressions file when asked, then applies it: per file the findings
 * left to report. A rule with more findings than its count is reported in full and said on
 * stderr; counts larger than what was found fail the run (exit 2), as in ESLint, unless
 * --pass-on-unpruned-suppressions.
 */
function applyFile(
  file: SuppressionsFile,
  linted: readonly { file: LoadedFile; key: string; findings: Finding[] }[],
  options: CheckOptions,
  log: Log,
): { kept: Map<LoadedFile, Finding[]>; count: number } {
  const results = linted.map((l) => ({ file: l.key, findings: l.findings }));
  if (options.suppressAll || options.suppressRules?.length) {
    const rules = options.suppressAll ? undefined : options.suppressRules;
    writeSuppressionsFile(file, recordSuppressions(file.suppressions, results, rules));
  }
  if (options.pruneSuppressions && file.exists) {
    const root = file.root;
    writeSuppressionsFile(
      file,
      pruneSuppressions(file.suppressions, results, (key) => keyExists(root, key)),
    );
  }
  const kept = new Map<LoadedFile, Finding[]>();
  let count = 0;
  const unused: string[] = [];
  if (!file.suppressions.size) return { kept, count };
  for (const l of linted) {
    const applied = applySuppressions(l.findings, file.suppressions.get(l.key));
    kept.set(l.file, applied.kept);
    count += applied.suppressed.length;
    for (const e of applied.exceeded) log.note(exceededNote(l.file, e));
    for (const u of applied.unused) unused.push(`${l.key} ${u.ruleId} ${u.allowed - u.found}`);
  }
  reportUnused(file, unused, options, log);
  return { kept, count };
}

function exceededNote(
  file: LoadedFile,
  e: { ruleId: string; allowed: number; found: number },
): string {
  return `${file.target.display}: ${e.found} ${e.ruleId} findings, ${e.allowed} suppressed: all ${e.found} are reported, as the new one cannot be told apart (fix it, or record again with --suppress-rule ${e.ruleId})`;
}

/** Suppressions no longer needed ("KEY RULE N"): an error (exit 2) unless passed on. */
function reportUnused(
  file: SuppressionsFile,
  unused: readonly string[],
  options: CheckOptions,
  log: Log,
): void {
  if (!unused.length) return;
  const shown = unused.slice(0, 3).join(', ') + (unused.length > 3 ? ', ...' : '');
  const message = `${file.shown}: ${unused.length === 1 ? 'a suppression is' : `${unused.length} suppressions are`} no longer needed (${shown}); run "bloomline check --prune-suppressions" to drop ${unused.length === 1 ? 'it' : 'them'}`;
  if (options.passOnUnprunedSuppressions) log.note(message);
  else log.error(`${message}, or pass --pass-on-unpruned-suppressions`);
}

/** The path CI tools expect: relative to the root of the Git repository the run is in (GitHub
 * code scanning and annotations and GitLab's Code Quality read paths from the repository's
 * root, so a job run in a course's folder must not write them from there), or to the folder
 * bloomline runs in outside one; with forward slashes; a file URL when there is no relative
 * path (another drive). */
function relativePath(cwd: string, abs: string): string {
  const rel = path.relative(repositoryRoot(cwd), abs);
  return path.isAbsolute(rel) ? pathToFileURL(abs).href : toPosix(rel);
}

const roots = new Map<string, string>();

/** The nearest folder at or above `cwd` that holds `.git` (a folder, or the file of a worktree
 * or submodule), or `cwd` itself when there is none. */
function repositoryRoot(cwd: string): string {
  let root = roots.get(cwd);
  if (root === undefined) {
    root = cwd;
    for (let dir = cwd; ; dir = path.dirname(dir)) {
      if (existsSync(path.join(dir, '.git'))) {
        root = dir;
        break;
      }
      if (path.dirname(dir) === dir) break;
    }
    roots.set(cwd, root);
  }
  return root;
}

/** %SRCROOT% of the SARIF log: the folder its relative URIs start from, ending in "/". */
function srcRootUri(cwd: string): string {
  return pathToFileURL(repositoryRoot(cwd)).href.replace(/\/?$/, '/');
}

/** Applies preferred fixes to every file and writes the changed ones; returns the number of
 * fixes written. A file that cannot be written keeps its text on disk and in the workspace.
 * A dry run writes nothing: each changed file keeps its fixed text in memory (`output`). */
function fixAll(files: LoadedFile[], log: Log, dryRun = false): number {
  let applied = 0;
  for (const file of files) {
    const { target, source, ws } = file;
    if (!hasOutline(file)) continue;
    if (!source.validUtf8) {
      log.note(`${target.display}: not fixed, it is not valid UTF-8`);
      continue;
    }
    // What is on disk again, when nothing is written.
    const restore = () =>
      ws.update(target.abs, file.outline.text, ws.configOf(target.abs), file.outline.view);
    let result: { stored: string; applied: number };
    try {
      // Through the stored form: a notebook's fixes go into its JSON strings (formats/).
      result = fixStored(ws, target.abs, file.outline);
    } catch (err) {
      result = { stored: source.text, applied: 0 };
      log.error(
        `${target.display}: not fixed, the fixes could not be applied: ${describeError(err)}`,
      );
    }
    if (result.stored === source.text) {
      restore();
      continue;
    }
    let refusal: string | null = null;
    try {
      if (dryRun) file.output = (source.bom ? '\uFEFF' : '') + result.stored;
      else refusal = writeFixed(target.abs, target.root, source, result.stored);
    } catch (err) {
      refusal = `cannot write the fixed file: ${fsReason(err)}`;
    }
    if (refusal) {
      // Report what is on disk, not what could not be written.
      log.error(`${target.display}: ${refusal}`);
      restore();
      continue;
    }
    file.source = { ...source, text: result.stored };
    file.outline = readOutlineSource(target.abs, result.stored);
    applied += result.applied;
  }
  return applied;
}

/** One file's part of the output, and what the end of the run says of it. */
interface FileResult {
  /** Its text in the output format. */
  text: string;
  counts: Counts;
  suppressed: number;
  /** Notes said at the end, in the order of the files: rules over their suppressed count. */
  exceeded: string[];
  /** Suppressions no longer needed ("KEY RULE N"). */
  unused: string[];
  /** The file holds objectives, outcomes or assessments (hasOutline). */
  outline: boolean;
}

/** A file checked: its result, and while its findings may still change with files read after
 * it, what it takes to check it again. */
interface Checked {
  abs: string;
  result: FileResult;
  pending: LoadedFile | null;
}

/**
 * `check` a file at a time: each file is analysed and linted alone, its output written as soon
 * as the files before it are final, and its model let go. Of a file with an explicit ID or a
 * reference, which may be linked with a file read later, the workspace keeps a summary (its IDs
 * and references: Workspace.addClosed) and its output waits, with its text, until all are read.
 * The files then linked across files (dependentFiles) are checked again, together, with the
 * summaries of the others, so the output is what checking all the files at once gives.
 */
function checkFiles(
  args: readonly string[],
  options: CheckOptions,
  io: Io,
  suppressions: SuppressionsFile,
): CheckRun {
  const { log } = io;
  const plan = options.stdin
    ? planStdin(options.stdin, io.cwd, log, options.configPath)
    : planProject(args, io.cwd, log, options.configPath, options.outputFile);
  if (options.forceExclude) leaveOutExcluded(plan);
  const { ws } = plan;
  if (plan.targets.length > 1) keepHeapSmall();
  const cold = coldStartFlags(plan.targets, process.env);
  for (const flag of cold) v8.setFlagsFromString(flag);
  if (cold.length) setPatternGates(readPatternGates());
  else if (process.env.BLOOMLINE_CODE_CACHE === 'write') writePatternGates();
  const c = colors(options.color);
  const { sarif, render } = renderer(options, io.cwd);
  const check = (file: LoadedFile): FileResult =>
    resultOf(file, file.ws.lint(file.target.abs), suppressions, options, io.cwd, render);

  // Many files: a worker checks files from the end of the list on a second core (pool.ts).
  const pool = wantsWorker(plan.targets.length, process.env)
    ? new CheckPool(plan.targets, io.cwd, options.configPath, {
        options,
        suppressions,
      } satisfies WorkerCheck)
    : null;

  const checked: Checked[] = [];
  let written = 0;
  /** GitLab issues written so far (a file may have none: no comma for it). */
  let issues = false;
  const write = () => {
    for (; written < checked.length && !checked[written]!.pending; written++) {
      const result = checked[written]!.result;
      // The commas between JSON entries and SARIF results go where the files are written.
      if (options.format === 'json') io.stdout(`${written ? ',' : '['}${result.text}`);
      else if (options.format === 'gitlab') {
        if (result.text) io.stdout(`${issues ? ',' : '['}${result.text}`);
        issues ||= result.text !== '';
      } else io.stdout(sarif ? sarif.put(result.text) : result.text);
      result.text = '';
    }
  };
  const checkOnMain = (target: Target) => {
    const alone = plan.workspace();
    const file = loadFile(plan, target, alone);
    if (!file) return;
    const abs = target.abs;
    const outline = alone.get(abs)!;
    const result = check(file);
    // A file that names no ID and has none is linked with no other: its findings are final.
    // So are those of the only file checked: there is no other file to link it with.
    const linked = plan.targets.length > 1 && linksAcrossFiles(outline);
    if (linked) ws.addClosed(abs, outline, alone.configOf(abs));
    // Kept to be checked again: the text, not the bytes read (they are for --fix).
    const keep = linked ? { ...file, source: { ...file.source, bytes: NO_BYTES }, ws } : null;
    checked.push({ abs, result, pending: keep });
    write();
  };
  if (!pool) for (const target of plan.targets) checkOnMain(target);
  else {
    for (let index = pool.claim(); index >= 0; index = pool.claim())
      checkOnMain(plan.targets[index]!);
    // The worker's files, in order: what it found, said and wrote as the main thread would
    // have; a file it has not finished, or linked with others, is checked here.
    for (let index = pool.stoppedAt; index < plan.targets.length; index++) {
      const target = plan.targets[index]!;
      const done = pool.take(index);
      if (!done || done.kind === 'linked') {
        checkOnMain(target);
        continue;
      }
      // Its configuration is read here too, so a configuration file's error is said where
      // the first file under it is, as without a worker.
      plan.resolver.forFile(target.abs);
      log.replay(done.lines, done.failed);
      if (done.kind === 'skip') continue;
      plan.shown.set(target.abs, target.display);
      checked.push({ abs: target.abs, result: done.result as FileResult, pending: null });
      write();
    }
    pool.close();
  }
  // The files linked across files, checked again together with the summaries of the others.
  const dependent = ws.dependentFiles();
  const again = checked.filter((e) => e.pending && dependent.has(e.abs));
  for (const { abs, pending } of again)
    ws.update(abs, pending!.outline.text, ws.configOf(abs), pending!.outline.view);
  for (const entry of again) entry.result = check(entry.pending!);
  for (const entry of checked) entry.pending = null;
  write();

  const counts: Counts = { error: 0, warning: 0, information: 0, hint: 0, fixable: 0 };
  let suppressedCount = 0;
  const unused: string[] = [];
  for (const { result } of checked) {
    for (const k of Object.keys(counts) as (keyof Counts)[]) counts[k] += result.counts[k];
    suppressedCount += result.suppressed;
    for (const note of result.exceeded) log.note(note);
    unused.push(...result.unused);
  }
  reportUnused(suppressions, unused, options, log);
  sayWhatWasChecked(
    plan.targets,
    checked.map((e) => e.result.outline),
    log,
  );
  const tooMany = tooManyWarnings(options, counts);
  if (options.format === 'json') io.stdout(written ? ']\n' : '[]\n');
  else if (options.format === 'gitlab') io.stdout(issues ? ']\n' : '[]\n');
  else if (sarif) io.stdout(sarif.end());
  else if (options.format !== 'github' && options.format !== 'unix') {
    const text = stylishSummary(counts, {
      colors: c,
      fixed: 0,
      fixing: false,
      stdin: options.stdin !== undefined,
      suppressed: options.quiet ? 0 : suppressedCount,
      suppressionsFile: suppressions.shown,
    });
    io.stdout(text + tooManyLine(tooMany, c, options));
  }
  return {
    status: finish(tooMany, counts, options, log),
    checked: plan.targets.map((t) => t.abs),
    files: checked.length,
    counts,
    tooMany,
  };
}

/** How a file's report is written in the output format (the same on either thread: a SARIF
 * file's results depend only on the log's options, not on the files before it). */
function renderer(
  options: CheckOptions,
  cwd: string,
): { sarif: SarifStream | null; render: (report: FileReport) => string } {
  const c = colors(options.color);
  const sarif =
    options.format === 'sarif'
      ? new SarifStream({
          version: readVersion(),
          srcRoot: srcRootUri(cwd),
        })
      : null;
  const render = (report: FileReport): string => {
    if (options.format === 'json') return jsonEntry(report);
    if (sarif) return sarif.file(report);
    if (options.format === 'github') return githubFile(report);
    if (options.format === 'gitlab') return gitlabFile(report);
    if (options.format === 'unix') return unixFile(report);
    return stylishFile(report, c);
  };
  return { sarif, render };
}

/** What a check worker needs besides its files (pool.ts's CheckWorkerData.check). */
interface WorkerCheck {
  options: CheckOptions;
  suppressions: SuppressionsFile;
}

/**
 * A check worker (pool.ts): checks files from the end of the list, each as checkFiles does on
 * the main thread, and posts each file's result with what it said, for the main thread to
 * write in order. A file linked across files is left to the main thread, which keeps their
 * summaries. Configuration files are read with their errors unsaid: the main thread says them.
 */
export function runCheckWorker(data: CheckWorkerData): void {
  const { options, suppressions } = data.check as WorkerCheck;
  const lines: string[] = [];
  const log = new Log((line) => lines.push(line));
  let plan: ProjectPlan;
  try {
    plan = planWith(
      new ConfigResolver(data.cwd, new Log(() => {}), data.configPath),
      data.cwd,
      log,
    );
  } catch {
    return; // the main thread checks every file
  }
  const { render } = renderer(options, data.cwd);
  const claims = new Int32Array(data.claims);
  for (let index = claimFromEnd(claims); index >= 0; index = claimFromEnd(claims)) {
    lines.length = 0;
    log.failed = false;
    let message: WorkerResult;
    try {
      const alone = plan.workspace();
      const file = loadFile(plan, data.targets[index]!, alone);
      if (!file) message = { index, kind: 'skip', lines: [...lines], failed: log.failed };
      else if (linksAcrossFiles(alone.get(file.target.abs)!))
        message = { index, kind: 'linked', lines: [], failed: false };
      else {
        const findings = alone.lint(file.target.abs);
        const result = resultOf(file, findings, suppressions, options, data.cwd, render);
        message = { index, kind: 'done', lines: [...lines], failed: log.failed, result };
      }
    } catch {
      continue; // the main thread checks it, and says what went wrong
    }
    data.port.postMessage(message);
  }
  data.port.close();
}

/**
 * What a catalogue keeps between files is small (a summary per file linked across files), but
 * each file's parse makes many times its size of short-lived objects, and V8 lets the heap grow
 * to four times what survived its last collection when allocation is that fast: checking 464
 * lessons held 20 MB of live objects in a 120 MB heap. A growth of 60% (V8's flag, read at each
 * collection) keeps the heap near what one file needs (peak RSS 205 -> 150 MB there) for about
 * 10% more CPU time spent collecting.
 */
function keepHeapSmall(): void {
  v8.setFlagsFromString('--heap-growing-percent=60');
}

/** The largest file that `check` of a single file reads as a small one (coldStartFlags). */
export const SMALL_FILE_BYTES = 128 * 1024;

/**
 * The V8 flags for a check of one small file, which is mostly start-up and first use: each
 * regular expression is compiled once and runs a few times, and no function runs long enough
 * to repay optimising it. So patterns are compiled without V8's match-time optimisations
 * (quick checks, Boyer-Moore look-ahead: about a third of a pattern's compilation, 3.8% more
 * time matching on the test corpus) and a hot function is optimised after four times V8's
 * interrupt budget. The young generation keeps its first size (a semi-space of 1 MB) instead of
 * doubling after each scavenge where most objects survive, as they do at start-up: on a virtual
 * machine every page touched for the first time costs 10-50 µs, and the doubled semi-spaces are
 * such pages (about 450 page faults of a cold check's 6,000; BENCHMARKS.md, "Cold start, ninth
 * round"). None of these changes what a pattern matches or what a function returns
 * (test/cli/cold-start.test.ts); BENCHMARKS.md, "Cold start". Several files, a larger one and
 * the language server keep V8's defaults. None while the build makes the code cache
 * (BLOOMLINE_CODE_CACHE=write): V8 stamps a cache with the flags in force when it is written,
 * and it is read with the flags the command starts with (cli/boot.ts).
 */
export function coldStartFlags(
  targets: readonly { abs: string }[],
  env: NodeJS.ProcessEnv,
  sizeOf: (file: string) => number = (file) => statSync(file).size,
): string[] {
  if (targets.length !== 1 || env.BLOOMLINE_CODE_CACHE === 'write') return [];
  let size: number;
  try {
    size = sizeOf(targets[0]!.abs);
  } catch {
    return []; // loadFile says why it cannot be read
  }
  return size <= SMALL_FILE_BYTES
    ? ['--no-regexp-optimization', '--interrupt-budget=270336', '--semi-space-growth-factor=1']
    : [];
}

/** The pattern gates the build wrote next to the bundle (core/language/gate.ts), or null (none
 * outside the bundle: the compiled modules the tests run have none). */
function gatesFile(): URL | null {
  const here = import.meta.url;
  return here.endsWith('.cjs') ? new URL('./bloomline.gates.json', here) : null;
}

/**
 * The gates of the patterns the build's check of the example met, for a check of one small
 * file: such a pattern is not compiled for a text that lacks every literal it needs (most of
 * the patterns a check runs match nothing; BENCHMARKS.md, "Cold start, ninth round"). The file
 * maps `flags/source` to what requiredLiterals reads from it, so an entry for a pattern since
 * changed is never looked up. No file, or a broken one: nothing gated.
 */
function readPatternGates(): Map<string, readonly string[] | null> | null {
  const file = gatesFile();
  if (!file) return null;
  try {
    const gates = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string[] | null>;
    return new Map(Object.entries(gates));
  } catch {
    return null;
  }
}

/** The build's run (BLOOMLINE_CODE_CACHE=write): notes the patterns the check meets and, when
 * the process exits, writes their gates next to the bundle. */
function writePatternGates(): void {
  const file = gatesFile();
  if (!file) return;
  const gates = collectPatternGates();
  process.on('exit', () => {
    const known = Object.entries(gates()).filter(([, need]) => need !== null);
    writeFileSync(file, `${JSON.stringify(Object.fromEntries(known))}\n`);
  });
}

const NO_BYTES = Buffer.alloc(0);

function emptyResult(): FileResult {
  return {
    text: '',
    counts: { error: 0, warning: 0, information: 0, hint: 0, fixable: 0 },
    suppressed: 0,
    exceeded: [],
    unused: [],
    outline: false,
  };
}

/** A file's findings after its suppressions and --quiet, rendered. */
function resultOf(
  file: LoadedFile,
  all: Finding[],
  suppressions: SuppressionsFile,
  options: CheckOptions,
  cwd: string,
  render: (report: FileReport) => string,
): FileResult {
  const result = emptyResult();
  result.outline = hasOutline(file);
  let findings = all;
  if (suppressions.suppressions.size) {
    const key = suppressionKey(suppressions.root, file.target.abs);
    const applied = applySuppressions(all, suppressions.suppressions.get(key));
    findings = applied.kept;
    result.suppressed = applied.suppressed.length;
    for (const e of applied.exceeded) result.exceeded.push(exceededNote(file, e));
    for (const u of applied.unused) result.unused.push(`${key} ${u.ruleId} ${u.allowed - u.found}`);
  }
  if (options.quiet) findings = findings.filter((f) => f.severity === 'error');
  const view = file.outline.view;
  const report: FileReport = {
    filePath: file.target.display,
    relativePath: relativePath(cwd, file.target.abs),
    lines: new LineIndex(file.source.text),
    text: file.outline.text,
    ...(view instanceof IdentityView ? {} : { view }),
    findings,
  };
  result.counts = countFindings([report]);
  result.text = render(report);
  return result;
}
