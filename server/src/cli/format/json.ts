// `check --format json`: exactly the shape of INTERFACES.md, one entry per file checked, also
// when it has no findings (`messages: []`), as ESLint does. Lines, columns and fix edits are
// those of the file as stored: a notebook's point into its JSON, and their new text is
// escaped for the JSON string it goes into, so applying them keeps the notebook valid.
import type { Fix } from '../../core/index.js';
import type { FileReport } from './report.js';
import { storedFix, toRange } from './report.js';

export function formatJson(reports: readonly FileReport[]): string {
  // JSON.stringify of the array, one entry at a time (`check` writes them as files are done).
  return `[${reports.map(jsonEntry).join(',')}]\n`;
}

/** One file's entry of the `check --format json` array. */
export function jsonEntry(r: FileReport): string {
  return JSON.stringify({
    filePath: r.filePath,
    messages: r.findings.map((f) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      message: f.message,
      ...toRange(r, f.span),
      fixes: f.fixes
        .map((fix) => storedFix(r, fix))
        .filter((fix): fix is Fix => fix !== null)
        .map((fix) => ({
          title: fix.title,
          isPreferred: fix.isPreferred,
          edits: fix.edits.map((e) => ({
            ...toRange({ lines: r.lines }, e.span),
            newText: e.newText,
          })),
        })),
    })),
    // ESLint's `output` of a dry run: the whole fixed file, only where a fix changed it.
    ...(r.output !== undefined ? { output: r.output } : {}),
  });
}
