// `bloomline report`: the alignment report (objective x outcome matrix, Bloom distribution,
// coverage) of every outline among the files named, found and configured exactly as `check`
// finds them, all in one workspace so links between files count. Written to stdout, or with
// --output atomically to a file.
import { buildReport, type ReportJson } from '../core/index.js';
import { renderReport, type ReportFormat } from '../report/index.js';
import type { Io } from './check.js';
import { loadProject, writeProjectOutput } from './project.js';

export { REPORT_FORMATS, type ReportFormat } from '../report/index.js';

export interface ReportOptions {
  format: ReportFormat;
  configPath?: string;
  /** Write here instead of stdout. */
  output?: string;
}

export function runReport(args: readonly string[], options: ReportOptions, io: Io): number {
  const project = loadProject(args, io.cwd, io.log, options.configPath, undefined, options.output);
  const ws = project.files[0]?.ws;
  const report = withDisplayPaths(
    buildReport(
      ws ? ws.outlines() : [],
      (o) => ws!.positions(o.filePath),
      (o) => ws!.kindOf(o.filePath),
    ),
    project.display,
  );
  const text = renderReport(report, options.format);
  if (options.output === undefined) {
    io.stdout(text);
  } else writeProjectOutput(project, io.cwd, options.output, text, 'report');
  return io.log.failed ? 2 : 0;
}

/** The workspace knows files by absolute path; the report shows them as the user named them. */
function withDisplayPaths(report: ReportJson, display: (abs: string) => string): ReportJson {
  const link = <L extends { filePath?: string }>(l: L): L =>
    l.filePath ? { ...l, filePath: display(l.filePath) } : l;
  return {
    ...report,
    courses: report.courses.map((c) => ({
      ...c,
      filePath: display(c.filePath),
      objectives: c.objectives.map((o) => ({ ...o, outcomes: o.outcomes.map(link) })),
      outcomes: c.outcomes.map((o) => ({ ...o, objectives: o.objectives.map(link) })),
    })),
  };
}
