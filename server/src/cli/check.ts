// `bloomline check`: lint outlines, optionally fix them, report, and say with the exit status
// whether the run is clean.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  applySuppressions,
  fixStored,
  IdentityView,
  LineIndex,
  pruneSuppressions,
  readOutlineSource,
  recordSuppressions,
  type Finding,
} from '../core/index.js';
import { colors } from './format/color.js';
import { formatGithub } from './format/github.js';
import { formatJson } from './format/json.js';
import { countFindings, type FileReport } from './format/report.js';
import { formatSarif } from './format/sarif.js';
import { formatStylish } from './format/stylish.js';
import { toPosix } from './glob.js';
import { describeError, fsReason, type Log } from './log.js';
import { hasOutline, loadProject, type LoadedFile } from './project.js';
import { writeFixed } from './source.js';
import {
  keyExists,
  readSuppressionsFile,
  suppressionKey,
  writeSuppressionsFile,
  type SuppressionsFile,
} from './suppressions.js';
import { readVersion } from './version.js';

export const CHECK_FORMATS = ['stylish', 'json', 'sarif', 'github'] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];

export interface CheckOptions {
  format: CheckFormat;
  configPath?: string;
  /** -1: no limit. */
  maxWarnings: number;
  fix: boolean;
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
}

export interface Io {
  cwd: string;
  stdout(text: string): void;
  log: Log;
}

export function runCheck(args: readonly string[], options: CheckOptions, io: Io): number {
  const { log } = io;
  // The suppressions file is read (and a corrupt one refused) before --fix writes anything.
  const recording = options.suppressAll === true || (options.suppressRules?.length ?? 0) > 0;
  const suppressions = readSuppressionsFile(io.cwd, options.suppressionsLocation, recording);
  const project = loadProject(args, io.cwd, log, options.configPath);
  const fixed = options.fix ? fixAll(project.files, log) : 0;

  const linted = project.files.map((file) => ({
    file,
    key: suppressionKey(suppressions.root, file.target.abs),
    findings: file.ws.lint(file.target.abs),
  }));
  const suppressed = applyFile(suppressions, linted, options, log);

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
    });
  }

  const counts = countFindings(reports);
  const tooManyWarnings = options.maxWarnings >= 0 && counts.warning > options.maxWarnings;
  if (options.format === 'json') {
    io.stdout(formatJson(reports));
  } else if (options.format === 'sarif') {
    const srcRoot = pathToFileURL(io.cwd).href.replace(/\/?$/, '/');
    io.stdout(formatSarif(reports, { version: readVersion(), srcRoot }));
  } else if (options.format === 'github') {
    io.stdout(formatGithub(reports));
    if (tooManyWarnings)
      log.note(`found too many warnings (${counts.warning}, maximum: ${options.maxWarnings})`);
  } else {
    const c = colors(options.color);
    let text = formatStylish(reports, {
      colors: c,
      fixed,
      fixing: options.fix,
      suppressed: options.quiet ? 0 : suppressed.count,
      suppressionsFile: suppressions.shown,
    });
    if (tooManyWarnings) {
      text += `${c.red(`bloomline found too many warnings (maximum: ${options.maxWarnings}).`)}\n`;
    }
    io.stdout(text);
  }
  if (log.failed) return 2;
  return counts.error > 0 || tooManyWarnings ? 1 : 0;
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
    for (const e of applied.exceeded) {
      log.note(
        `${l.file.target.display}: ${e.found} ${e.ruleId} findings, ${e.allowed} suppressed: all ${e.found} are reported, as the new one cannot be told apart (fix it, or record again with --suppress-rule ${e.ruleId})`,
      );
    }
    for (const u of applied.unused) unused.push(`${l.key} ${u.ruleId} ${u.allowed - u.found}`);
  }
  if (unused.length) {
    const shown = unused.slice(0, 3).join(', ') + (unused.length > 3 ? ', ...' : '');
    const message = `${file.shown}: ${unused.length === 1 ? 'a suppression is' : `${unused.length} suppressions are`} no longer needed (${shown}); run "bloomline check --prune-suppressions" to drop ${unused.length === 1 ? 'it' : 'them'}`;
    if (options.passOnUnprunedSuppressions) log.note(message);
    else log.error(`${message}, or pass --pass-on-unpruned-suppressions`);
  }
  return { kept, count };
}

/** The path CI tools expect: relative to the folder bloomline runs in (the repository root in
 * a workflow), with forward slashes; a file URL when there is no relative path (another drive). */
function relativePath(cwd: string, abs: string): string {
  const rel = path.relative(cwd, abs);
  return path.isAbsolute(rel) ? pathToFileURL(abs).href : toPosix(rel);
}

/** Applies preferred fixes to every file and writes the changed ones; returns the number of
 * fixes written. A file that cannot be written keeps its text on disk and in the workspace. */
function fixAll(files: LoadedFile[], log: Log): number {
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
    let refusal: string | null;
    try {
      refusal = writeFixed(target.abs, target.root, source, result.stored);
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
