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

/** Command IDs the server's code lenses and code actions use. */
export const COMMANDS = {
  revealItem: 'bloomline.revealItem',
} as const;

/** The diagnostic source shown in the Problems panel. */
export const DIAGNOSTIC_SOURCE = 'bloomline';
