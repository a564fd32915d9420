// `bloomline export`: the objectives of every outline among the files named (found and
// configured as `check` finds them, linked in one workspace) as an LMS import file: Canvas
// outcomes CSV, Moodle competency framework CSV or CASE 1.1 JSON. Identifiers come from the
// file paths (relative to the current folder) and the items' IDs, so two runs give the same
// bytes; CASE's timestamps are the newest file's modification time, or SOURCE_DATE_EPOCH.
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  buildExport,
  renderExport,
  type ExportFormat,
  type ExportSource,
} from '../export/index.js';
import type { Io } from './check.js';
import { toPosix } from './glob.js';
import { CliError } from './log.js';
import { hasOutline, loadProject, writeProjectOutput } from './project.js';

export { EXPORT_FORMATS, type ExportFormat } from '../export/index.js';

export interface ExportOptions {
  format: ExportFormat;
  output?: string;
  configPath?: string;
  /** CASE: where identifiers' URIs point, and the document's creator. */
  baseUri?: string;
  creator?: string;
}

export function runExport(args: readonly string[], options: ExportOptions, io: Io): number {
  const project = loadProject(args, io.cwd, io.log, options.configPath, undefined, options.output);
  const files = project.files.filter(hasOutline);
  if (!files.length) {
    if (io.log.failed) return 2;
    throw new CliError('export: no objectives or outcomes found in the files named');
  }
  const sources: ExportSource[] = files.map((f) => ({
    key: f.target.abs,
    path: toPosix(path.relative(io.cwd, f.target.abs)) || path.basename(f.target.abs),
    outline: f.ws.get(f.target.abs)!,
    positions: f.ws.positions(f.target.abs),
  }));
  const exported = buildExport(sources, path.basename(io.cwd) || 'Bloomline export');
  for (const warning of exported.warnings) io.log.note(warning);
  const text = renderExport(exported, options.format, {
    lastChange: lastChange(files.map((f) => f.target.abs)),
    ...(options.baseUri !== undefined ? { baseUri: options.baseUri } : {}),
    ...(options.creator !== undefined ? { creator: options.creator } : {}),
  });
  if (options.output === undefined) {
    io.stdout(text);
  } else writeProjectOutput(project, io.cwd, options.output, text, 'export');
  return io.log.failed ? 2 : 0;
}

/** SOURCE_DATE_EPOCH (reproducible builds' convention) when set, else the newest file's
 * modification time, to the second. */
function lastChange(files: readonly string[]): Date {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  let newest = 0;
  for (const f of files) {
    try {
      newest = Math.max(newest, fs.statSync(f).mtimeMs);
    } catch {
      // Read a moment ago; a file gone since does not date the export.
    }
  }
  return new Date(Math.floor(newest / 1000) * 1000);
}
