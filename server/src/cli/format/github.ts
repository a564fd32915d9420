// `check --format github`: one GitHub Actions workflow command per finding, which the runner
// turns into an annotation on the pull request's diff:
//   ::error file=PATH,line=L,col=C,endLine=EL,endColumn=EC,title=RULE::MESSAGE
// (`warning` for warnings, `notice` for information and hints). A range over several lines
// gives no columns, which GitHub accepts only within one line. Data is escaped as the runner
// unescapes it: % CR LF in the message, and also : and , in property values.
import type { Severity } from '../../core/index.js';
import { toRange, type FileReport } from './report.js';

export function githubCommand(severity: Severity): 'error' | 'warning' | 'notice' {
  return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'notice';
}

export function formatGithub(reports: readonly FileReport[]): string {
  return reports.map(githubFile).join('');
}

/** One file's workflow commands. */
export function githubFile(report: FileReport): string {
  let out = '';
  const file = report.relativePath ?? report.filePath;
  for (const f of report.findings) {
    const r = toRange(report, f.span);
    // GitHub takes columns only for a range within one line (as @actions/core documents).
    const columns =
      r.line === r.endLine
        ? [
            ['col', String(r.column)],
            ['endLine', String(r.endLine)],
            ['endColumn', String(r.endColumn)],
          ]
        : [['endLine', String(r.endLine)]];
    const props = [['file', file], ['line', String(r.line)], ...columns, ['title', f.ruleId]]
      .map(([k, v]) => `${k}=${escapeProperty(v!)}`)
      .join(',');
    out += `::${githubCommand(f.severity)} ${props}::${escapeData(f.message)}\n`;
  }
  return out;
}

/** The message of a workflow command. */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value of a workflow command: the message's escapes, and : and , too. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
