// `check --format unix`: ESLint's unix format, one line per finding, for tools that read lines
// with Vim's errorformat (efm-langserver, ALE, Vim's :make, Emacs's compile mode) or grep:
//   PATH:LINE:COLUMN: MESSAGE [Severity/RULE]
// Severity is Error, Warning, Info or Note (a hint): their first letters are the quickfix types
// e, w, i and n that errorformat's %t reads and that Vim, efm-langserver and Neovim's
// vim.diagnostic.fromqflist map to the four LSP severities ("Hint" would read as h, which they
// take for an error). The path is the one the user gave (an editor's --stdin-filename comes back
// as it was given); lines and columns are 1-based, columns in UTF-16 code units, as in --format
// json. Unlike ESLint's, no summary line follows: every line is a finding, and a clean run
// prints nothing.
import type { Severity } from '../../core/index.js';
import { oneLine } from '../log.js';
import { toRange, type FileReport } from './report.js';

const WORD: Readonly<Record<Severity, string>> = {
  error: 'Error',
  warning: 'Warning',
  information: 'Info',
  hint: 'Note',
};

export function formatUnix(reports: readonly FileReport[]): string {
  return reports.map(unixFile).join('');
}

/** One file's lines. */
export function unixFile(report: FileReport): string {
  let out = '';
  for (const f of report.findings) {
    const r = toRange(report, f.span);
    out += `${report.filePath}:${r.line}:${r.column}: ${oneLine(f.message)} [${WORD[f.severity]}/${f.ruleId}]\n`;
  }
  return out;
}
