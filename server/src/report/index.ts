// The alignment report's writers: pure functions from ReportJson (core/report.ts) to text, one
// per `bloomline report --format`. No file system here; the CLI writes, the VS Code webview
// will show the HTML.
import type { ReportJson } from '../core/index.js';
import { formatReportCsv } from './csv.js';
import { formatReportHtml } from './html.js';
import { formatReportMarkdown } from './markdown.js';

export { formatReportCsv, formatReportHtml, formatReportMarkdown };

export const REPORT_FORMATS = ['md', 'html', 'csv', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** `json` is exactly the ReportJson, as the `bloomline/report` request returns it. */
export function formatReportJson(report: ReportJson): string {
  return JSON.stringify(report) + '\n';
}

export function renderReport(report: ReportJson, format: ReportFormat): string {
  switch (format) {
    case 'md':
      return formatReportMarkdown(report);
    case 'html':
      return formatReportHtml(report);
    case 'csv':
      return formatReportCsv(report);
    case 'json':
      return formatReportJson(report);
  }
}
