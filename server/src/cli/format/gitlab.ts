// `check --format gitlab`: a GitLab Code Quality report (the subset of the Code Climate spec that
// GitLab reads), which a job declares as `artifacts: reports: codequality:` so that merge
// requests show the findings in their widget and diff. One issue per finding:
//   { "description", "check_name", "fingerprint", "severity", "location": { "path",
//     "lines": { "begin", "end" } } }
// Severities: error -> major, warning -> minor, information and hint -> info. The fingerprint
// is SARIF's (no line numbers in it, so an issue keeps its identity when lines move), hashed
// to the hex form GitLab's examples show. Paths are relative to the root of the Git repository
// Bloomline ran in (or to the folder it ran in, outside one), with forward slashes.
import type { Severity } from '../../core/index.js';
import { nodeCrypto } from '../builtins.js';
import { toRange, type FileReport } from './report.js';
import { fingerprints } from './sarif.js';

export function gitlabSeverity(severity: Severity): 'major' | 'minor' | 'info' {
  return severity === 'error' ? 'major' : severity === 'warning' ? 'minor' : 'info';
}

export function formatGitlab(reports: readonly FileReport[]): string {
  const issues = reports.map(gitlabFile).filter((text) => text !== '');
  return `[${issues.join(',')}]\n`;
}

/** One file's issues, joined by commas ('' when it has none): `check` writes them as files are
 * done, with the array's brackets and the commas between files around them. */
export function gitlabFile(report: FileReport): string {
  const path = report.relativePath ?? report.filePath;
  const prints = fingerprints(report);
  return report.findings
    .map((f, i) => {
      const r = toRange(report, f.span);
      return JSON.stringify({
        description: f.message,
        check_name: f.ruleId,
        fingerprint: nodeCrypto()
          .createHash('sha256')
          .update(prints[i]!)
          .digest('hex')
          .slice(0, 32),
        severity: gitlabSeverity(f.severity),
        location: { path, lines: { begin: r.line, end: r.endLine } },
      });
    })
    .join(',');
}
