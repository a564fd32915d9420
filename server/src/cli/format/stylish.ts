// `check --format stylish` (the default): ESLint's layout, for people at a terminal. Per file
// the path, then per finding `line:col  severity  message  rule-id`, the source line and a
// caret line under the range; a summary at the end. A clean run prints nothing.
import type { Severity } from '../../core/index.js';
import { oneLine, sanitize } from '../log.js';
import type { Colors } from './color.js';
import { countFindings, toRange, type Counts, type FileReport } from './report.js';
import { layout } from './width.js';

/** Longest piece of a source line shown, in UTF-16 units; longer lines are cut around the range. */
const WINDOW = 160;

export interface StylishOptions {
  colors: Colors;
  /** Number of fixes --fix applied, to confirm them (0 or undefined: nothing said). */
  fixed?: number;
  /** True when --fix ran, so "fixable with --fix" is not suggested again. */
  fixing?: boolean;
  /** --fix-dry-run: the fixes were made in memory only; said so. */
  dryRun?: boolean;
  /** --stdin: there is no file for --fix to write, so --fix-dry-run is the one suggested. */
  stdin?: boolean;
  /** Findings the suppressions file covered, to say how many were left out. */
  suppressed?: number;
  suppressionsFile?: string;
}

export function formatStylish(reports: readonly FileReport[], options: StylishOptions): string {
  let out = '';
  for (const report of reports) out += stylishFile(report, options.colors);
  return out + stylishSummary(countFindings(reports), options);
}

function painter(c: Colors): Record<Severity, (s: string) => string> {
  return { error: c.red, warning: c.yellow, information: c.cyan, hint: c.dim };
}

/** One file's part: its path and findings (nothing for a file without findings). */
export function stylishFile(report: FileReport, c: Colors): string {
  const paint = painter(c);
  if (!report.findings.length) return '';
  let out = '';
  const rows = report.findings.map((f) => ({ f, range: toRange(report, f.span) }));
  const posWidth = Math.max(...rows.map((r) => `${r.range.line}:${r.range.column}`.length));
  const sevWidth = Math.max(...rows.map((r) => r.f.severity.length));
  out += `\n${c.underline(sanitize(report.filePath))}\n`;
  for (const { f, range } of rows) {
    const pos = `${range.line}:${range.column}`.padEnd(posWidth);
    const sev = paint[f.severity](f.severity.padEnd(sevWidth));
    out += `  ${c.dim(pos)}  ${sev}  ${oneLine(f.message)}  ${c.dim(f.ruleId)}\n`;
    out += excerpt(report, range, (s) => paint[f.severity](s), c);
  }
  return out;
}

/** "3 problems (1 error, 2 warnings, 0 infos)"; hints only when there are some. */
export function problems(counts: Counts): string {
  const total = counts.error + counts.warning + counts.information + counts.hint;
  const parts = [
    plural(counts.error, 'error'),
    plural(counts.warning, 'warning'),
    plural(counts.information, 'info'),
  ];
  if (counts.hint) parts.push(plural(counts.hint, 'hint'));
  return `${plural(total, 'problem')} (${parts.join(', ')})`;
}

/** The end: how many problems, how many fixable, suppressed and fixed (nothing for none). */
export function stylishSummary(counts: Counts, options: StylishOptions): string {
  const c = options.colors;
  let out = '';
  const total = counts.error + counts.warning + counts.information + counts.hint;
  if (total > 0) {
    const colour = counts.error ? c.red : counts.warning ? c.yellow : c.cyan;
    out += `\n${c.bold(colour(`✖ ${problems(counts)}`))}\n`;
    if (counts.fixable && !options.fixing) {
      const how = options.stdin ? 'bloomline check --stdin --fix-dry-run' : 'bloomline check --fix';
      out += `  ${plural(counts.fixable, 'problem')} fixable with \`${how}\`\n`;
    }
  }
  if (options.suppressed) {
    const what = plural(options.suppressed, 'finding');
    out += `${total ? '' : '\n'}${c.dim(`${what} suppressed by ${sanitize(options.suppressionsFile ?? 'the suppressions file')}`)}\n`;
  }
  if (options.fixed) {
    const done = options.dryRun
      ? `${plural(options.fixed, 'fix', 'fixes')} would be applied (--fix-dry-run: nothing written)`
      : `${plural(options.fixed, 'fix', 'fixes')} applied`;
    out += `${total ? '' : '\n'}${c.green(`✔ ${done}`)}\n`;
  }
  return out;
}

/** The finding's first line with a caret line under its range (to the line's end when the
 * range goes on). */
function excerpt(
  report: FileReport,
  range: { line: number; column: number; endLine: number; endColumn: number },
  paint: (s: string) => string,
  c: Colors,
): string {
  const line = sanitize(report.lines.lineText(range.line - 1));
  let from = range.column - 1;
  let to = range.endLine === range.line ? range.endColumn - 1 : line.length;
  from = Math.min(from, line.length);
  to = Math.max(from, Math.min(to, line.length));
  // Cut long lines around the start of the range, never inside a surrogate pair.
  let start = 0;
  let end = line.length;
  if (line.length > WINDOW) {
    start = avoidSplit(line, Math.max(0, Math.min(from - 40, line.length - WINDOW)));
    end = avoidSplit(line, Math.min(line.length, start + WINDOW));
  }
  const shown = line.slice(start, end);
  const { text, columns } = layout(shown);
  const a = Math.max(from, start) - start;
  const b = Math.min(Math.max(to, from), end) - start;
  const lead = start > 0 ? '…' : '';
  const tail = end < line.length ? '…' : '';
  const caretStart = lead.length + columns[a]!;
  const caretLength = Math.max(1, columns[b]! - columns[a]!);
  const gutter = String(range.line);
  return (
    `    ${c.dim(`${gutter} |`)} ${lead}${text.trimEnd()}${tail}\n` +
    `    ${c.dim(`${' '.repeat(gutter.length)} |`)} ${' '.repeat(caretStart)}${paint('^'.repeat(caretLength))}\n`
  );
}

function avoidSplit(s: string, i: number): number {
  const code = s.charCodeAt(i);
  return code >= 0xdc00 && code <= 0xdfff ? i - 1 : i;
}

function plural(n: number, word: string, many = word + 's'): string {
  return `${n} ${n === 1 ? word : many}`;
}
