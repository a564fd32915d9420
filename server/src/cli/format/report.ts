// What the `check` formatters receive: per file, the findings left to report, a LineIndex of
// the file as stored to turn UTF-16 offsets into 1-based lines and columns, and for a file whose
// analysed text is not what is stored (a notebook's Markdown cells) the view that maps between.
import type {
  Finding,
  Fix,
  LineIndex,
  Severity,
  SourceView,
  Span,
  TextEdit,
} from '../../core/index.js';

export interface FileReport {
  /** The path as the user gave it. */
  filePath: string;
  /** The path relative to the current folder with forward slashes (a file URL when there is
   * none), for the CI formats, whose paths are relative to the repository; else filePath. */
  relativePath?: string;
  /** Lines of the file as stored. */
  lines: LineIndex;
  /** The analysed text (for SARIF's fingerprints: the text a finding's span covers); optional
   * for callers that have none. For a notebook, its Markdown cells joined, not the JSON. */
  text?: string;
  /** Maps the findings' spans (offsets of the analysed text) to the stored text; absent when
   * the two are the same. */
  view?: SourceView;
  findings: Finding[];
  /** --fix-dry-run: the text --fix would write (as stored, BOM included), when it changed. */
  output?: string;
}

/** 1-based lines and UTF-16 columns; the end column is exclusive (LSP's end + 1). */
export interface Range {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** The range of a span of the analysed text, in the file as stored. */
export function toRange(report: Pick<FileReport, 'lines' | 'view'>, span: Span): Range {
  const stored = report.view ? report.view.toStored(span) : span;
  const start = report.lines.position(stored.start);
  const end = report.lines.position(stored.end);
  return {
    line: start.line + 1,
    column: start.character + 1,
    endLine: end.line + 1,
    endColumn: end.character + 1,
  };
}

/** A fix as edits of the file as stored (a notebook's edits go into its JSON strings,
 * escaped), or null when the file cannot take it (it spans two notebook cells). */
export function storedFix(report: Pick<FileReport, 'view'>, fix: Fix): Fix | null {
  if (!report.view) return fix;
  const edits: TextEdit[] = [];
  for (const e of fix.edits) {
    const stored = report.view.storedEdit(e);
    if (!stored) return null;
    edits.push(stored);
  }
  return { ...fix, edits };
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
