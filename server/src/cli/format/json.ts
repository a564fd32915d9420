// `check --format json`: exactly the shape of INTERFACES.md, one entry per outline file.
import type { FileReport } from './report.js';
import { toRange } from './report.js';

export function formatJson(reports: readonly FileReport[]): string {
  const out = reports.map((r) => ({
    filePath: r.filePath,
    messages: r.findings.map((f) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      message: f.message,
      ...toRange(r.lines, f.span),
      fixes: f.fixes.map((fix) => ({
        title: fix.title,
        isPreferred: fix.isPreferred,
        edits: fix.edits.map((e) => ({ ...toRange(r.lines, e.span), newText: e.newText })),
      })),
    })),
  }));
  return JSON.stringify(out) + '\n';
}
