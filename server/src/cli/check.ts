// `bloomline check`: lint outlines, optionally fix them, report, and say with the exit status
// whether the run is clean.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { fixFile, LineIndex } from '../core/index.js';
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
}

export interface Io {
  cwd: string;
  stdout(text: string): void;
  log: Log;
}

export function runCheck(args: readonly string[], options: CheckOptions, io: Io): number {
  const { log } = io;
  const project = loadProject(args, io.cwd, log, options.configPath);
  const fixed = options.fix ? fixAll(project.files, log) : 0;

  const reports: FileReport[] = [];
  for (const file of project.files) {
    let findings = file.ws.lint(file.target.abs);
    if (options.quiet) findings = findings.filter((f) => f.severity === 'error');
    if (!findings.length && !hasOutline(file)) continue;
    reports.push({
      filePath: file.target.display,
      relativePath: relativePath(io.cwd, file.target.abs),
      lines: new LineIndex(file.source.text),
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
    let text = formatStylish(reports, { colors: c, fixed, fixing: options.fix });
    if (tooManyWarnings) {
      text += `${c.red(`bloomline found too many warnings (maximum: ${options.maxWarnings}).`)}\n`;
    }
    io.stdout(text);
  }
  if (log.failed) return 2;
  return counts.error > 0 || tooManyWarnings ? 1 : 0;
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
    let result: { text: string; applied: number };
    try {
      result = fixFile(ws, target.abs);
    } catch (err) {
      result = { text: source.text, applied: 0 };
      log.error(
        `${target.display}: not fixed, the fixes could not be applied: ${describeError(err)}`,
      );
    }
    if (result.text === source.text) {
      ws.update(target.abs, source.text, ws.configOf(target.abs));
      continue;
    }
    let refusal: string | null;
    try {
      refusal = writeFixed(target.abs, target.root, source, result.text);
    } catch (err) {
      refusal = `cannot write the fixed file: ${fsReason(err)}`;
    }
    if (refusal) {
      // Report what is on disk, not what could not be written.
      log.error(`${target.display}: ${refusal}`);
      ws.update(target.abs, source.text, ws.configOf(target.abs));
      continue;
    }
    file.source = { ...source, text: result.text };
    applied += result.applied;
  }
  return applied;
}
