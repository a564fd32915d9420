// `bloomline/export`: the LMS export of every outline the server knows, made by the same pure
// writers as `bloomline export` from the same outline model (nothing parses Markdown again).
// Paths, and so the identifiers derived from them, are relative to each file's workspace folder,
// as the CLI's are to the folder it runs in: run from the repository root, both agree.
import { ErrorCodes, ResponseError } from 'vscode-languageserver';
import { isOutline, type JsonPositions, type Outline } from '../core/index.js';
import {
  buildExport,
  EXPORT_FILE_NAMES,
  EXPORT_FORMATS,
  renderExport,
  type ExportSource,
} from '../export/index.js';
import type { ExportParams, ExportResult } from '../protocol.js';
import { baseName, type WorkspaceFiles } from './files.js';

export async function exportWorkspace(
  params: ExportParams | undefined,
  files: readonly {
    key: string;
    outline: Outline;
    folder: string | null;
    positions?: JsonPositions;
  }[],
  folders: readonly string[],
  fs: WorkspaceFiles,
): Promise<ExportResult> {
  const format = params?.format;
  if (!format || !(EXPORT_FORMATS as readonly string[]).includes(format))
    // An error the client sees (not a null it cannot tell from "nothing to export").
    throw new ResponseError(
      ErrorCodes.InvalidParams,
      `bloomline/export: "format" must be "canvas", "moodle" or "case", not ${format === undefined ? 'undefined' : JSON.stringify(format)}`,
    );
  const sources: ExportSource[] = files
    .filter((f) => isOutline(f.outline))
    .map((f) => ({
      key: f.key,
      path: f.folder && fs.isFile(f.key) ? fs.relative(f.folder, f.key) : baseName(f.key),
      outline: f.outline,
      ...(f.positions ? { positions: f.positions } : {}),
    }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const project = buildExport(sources, folders[0] ? baseName(folders[0]) : 'Bloomline export');
  if (!project.courses.length)
    return { text: '', fileName: EXPORT_FILE_NAMES[format], warnings: [], courses: 0 };
  // An unsaved document has no file: it does not date the export.
  const times = await Promise.all(
    sources.map((s) => (fs.isFile(s.key) ? fs.modified(s.key) : null)),
  );
  const newest = Math.max(0, ...times.map((t) => t ?? 0));
  const lastChange = new Date(Math.floor((newest || Date.now()) / 1000) * 1000);
  return {
    text: renderExport(project, format, { lastChange }),
    fileName: EXPORT_FILE_NAMES[format],
    warnings: project.warnings,
    courses: project.courses.length,
  };
}
