// What the `check` formatters receive: per file, the findings left to report and a LineIndex of
// the analysed text to turn UTF-16 offsets into 1-based lines and columns.
import type { Finding, LineIndex, Severity, Span } from '../../core/index.js';

export interface FileReport {
  /** The path as the user gave it. */
  filePath: string;
  /** The path relative to the current folder with forward slashes (a file URL when there is
   * none), for the CI formats, whose paths are relative to the repository; else filePath. */
  relativePath?: string;
  lines: LineIndex;
  /** The analysed text (for SARIF's fingerprints); optional for callers that have none. */
  text?: string;
  findings: Finding[];
}

/** 1-based lines and UTF-16 columns; the end column is exclusive (LSP's end + 1). */
export interface Range {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export function toRange(lines: LineIndex, span: Span): Range {
  const start = lines.position(span.start);
  const end = lines.position(span.end);
  return {
    line: start.line + 1,
    column: start.character + 1,
    endLine: end.line + 1,
    endColumn: end.character + 1,
  };
}

export type Counts = Record<Severity, number> & { fixable: number };

export function countFindings(reports: readonly FileReport[]): Counts {
  const counts: Counts = { error: 0, warning: 0, information: 0, hint: 0, fixable: 0 };
  for (const r of reports) {
    for (const f of r.findings) {
      counts[f.severity]++;
      if (f.fixes.some((fix) => fix.isPreferred)) counts.fixable++;
    }
  }
  return counts;
}
