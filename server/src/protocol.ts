// Custom LSP messages shared by the language server and the VS Code client (INTERFACES.md).
// Plain constants and types only, so both sides can import this file without pulling in
// either side's libraries.
import type { OutlineJson } from './core/json.js';

/** `bloomline/outline` `{ uri?: string }` -> the `outline --format json` entries for that file,
 * or every outline in the workspace when `uri` is absent. Each entry also carries its `uri`. */
export const OUTLINE_REQUEST = 'bloomline/outline';
export interface OutlineParams {
  uri?: string;
}
export type OutlineEntry = OutlineJson & { uri: string };
export type OutlineResult = OutlineEntry[];

/** `bloomline/report` `{ uri?: string }` -> the `report --format json` result. */
export const REPORT_REQUEST = 'bloomline/report';
export interface ReportParams {
  uri?: string;
}

/** `bloomline/export` `{ format }` -> the objectives of every outline in the workspace as an
 * LMS import file (the text `bloomline export --format FORMAT` writes), the file name it is
 * usually saved as, and what the user should be told (duplicate IDs renamed). */
export const EXPORT_REQUEST = 'bloomline/export';
export interface ExportParams {
  format: 'canvas' | 'moodle' | 'case';
}
export interface ExportResult {
  text: string;
  fileName: string;
  warnings: string[];
  /** How many outlines went into it (0: nothing to export, and `text` is empty). */
  courses: number;
}

/** `bloomline/outlineChanged` `{ uri }`: the outline of that file changed; refresh the tree. */
export const OUTLINE_CHANGED_NOTIFICATION = 'bloomline/outlineChanged';
export interface OutlineChangedParams {
  uri: string;
}

/** Requests the language server sends to the client, to read the workspace through the
 * editor's file system where it cannot read the disk itself: in a browser worker (VS Code for
 * the Web), or for a virtual workspace (`bloomline lsp --files-from-client`). URIs as the
 * client writes them; globs as `workspace.findFiles` reads them, relative to `base`. */
export const FIND_FILES_REQUEST = 'bloomline/findFiles';
export interface FindFilesParams {
  /** The folder searched. */
  base: string;
  include: string;
  exclude: string;
}
/** The URIs of the files found. */
export type FindFilesResult = string[];

/** `bloomline/readFile` `{ uri, maxBytes }` -> the file's text, decoded as UTF-8 (a BOM kept:
 * the server takes it off), or why not. A file over `maxBytes` is not read. */
export const READ_FILE_REQUEST = 'bloomline/readFile';
export interface ReadFileParams {
  uri: string;
  maxBytes: number;
}
export type ReadFileResult =
  | { text: string }
  /** `missing`: no such file, as against one that cannot be read. */
  | { missing: boolean; reason: string };

/** `bloomline/statFile` `{ uri }` -> when the file last changed, or null. */
export const STAT_FILE_REQUEST = 'bloomline/statFile';
export interface StatFileParams {
  uri: string;
}
export type StatFileResult = { mtime: number } | null;

/** Command IDs the server's code lenses and code actions use. */
export const COMMANDS = {
  revealItem: 'bloomline.revealItem',
} as const;

/** The diagnostic source shown in the Problems panel. */
export const DIAGNOSTIC_SOURCE = 'bloomline';
