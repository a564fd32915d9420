// The LMS exports: pure functions from the outline model (via export/model.ts) to the text of
// an import file, one per `bloomline export --format`. No file system here: the CLI writes the
// file, the language server answers `bloomline/export` with the text.
import { formatCanvas } from './canvas.js';
import { formatCase, type CaseOptions } from './case.js';
import { formatMoodle } from './moodle.js';
import { buildExport, type ExportProject, type ExportSource } from './model.js';

export { buildExport, formatCanvas, formatCase, formatMoodle };
export type { ExportProject, ExportSource, CaseOptions };
export * from './model.js';
export { uuidV5 } from './ids.js';

export const EXPORT_FORMATS = ['canvas', 'moodle', 'case'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The file name an export is usually saved as. */
export const EXPORT_FILE_NAMES: Readonly<Record<ExportFormat, string>> = {
  canvas: 'outcomes-canvas.csv',
  moodle: 'competencies-moodle.csv',
  case: 'objectives-case.json',
};

export function renderExport(
  project: ExportProject,
  format: ExportFormat,
  options: CaseOptions,
): string {
  switch (format) {
    case 'canvas':
      return formatCanvas(project);
    case 'moodle':
      return formatMoodle(project);
    case 'case':
      return formatCase(project, options);
  }
}
