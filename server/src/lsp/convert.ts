// Converters between the core's data and the protocol's: spans (UTF-16 offsets) to ranges,
// findings to diagnostics, fixes to text edits. No checking happens here.
import {
  DiagnosticSeverity,
  type Diagnostic,
  type DiagnosticRelatedInformation,
  type Location,
  type Range,
  type TextEdit as LspTextEdit,
} from 'vscode-languageserver';
import {
  docsUrl,
  type Finding,
  type LineIndex,
  type Severity,
  type Span,
  type TextEdit,
} from '../core/index.js';
import { DIAGNOSTIC_SOURCE } from '../protocol.js';

export const SEVERITY: Readonly<Record<Severity, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** The few LineIndex methods the converters and handlers use: a whole document's lines, or one
 * notebook cell's over the joined text (notebooks.ts). */
export type Lines = Pick<LineIndex, 'position' | 'offsetAt' | 'lineText' | 'lineStart'>;

export function spanToRange(lines: Lines, span: Span): Range {
  return { start: lines.position(span.start), end: lines.position(span.end) };
}

export function toTextEdits(lines: Lines, edits: readonly TextEdit[]): LspTextEdit[] {
  return edits.map((e) => ({ range: spanToRange(lines, e.span), newText: e.newText }));
}

/** A finding as a diagnostic: rule ID as `code`, its documentation page as `codeDescription`;
 * `locate` turns a related finding's file and span into a location (null: unknown file). */
export function toDiagnostic(
  finding: Finding,
  lines: Lines,
  locate: (filePath: string, span: Span) => Location | null,
  range: Range = spanToRange(lines, finding.span),
): Diagnostic {
  const diagnostic: Diagnostic = {
    range,
    severity: SEVERITY[finding.severity],
    code: finding.ruleId,
    codeDescription: { href: docsUrl(finding.ruleId) },
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
  };
  const related: DiagnosticRelatedInformation[] = [];
  for (const r of finding.related) {
    const location = locate(r.filePath, r.span);
    if (location) related.push({ location, message: r.message });
  }
  if (related.length) diagnostic.relatedInformation = related;
  return diagnostic;
}

/**
 * The diagnostics last published for one document, by what they say and where: a finding that
 * reads the same at the same place (rule, severity, message, range) is published as the same
 * object again, so that it costs neither a new conversion nor a new fingerprint (digest.ts;
 * the server publishes what the last analysis found, most of it unchanged after an edit). A
 * finding with related locations is converted afresh each time (they lie in other files' lines).
 * Only the last set is kept.
 */
export class ReusedDiagnostics {
  /** The last set, by where each starts (keyOf); an array where several share a key. Numbers,
   * not strings: a key string made per diagnostic cost as much as converting it. */
  private last = new Map<number, Diagnostic | Diagnostic[]>();
  /** The diagnostic each finding object was last published as: the core hands on the findings
   * of items an edit left alone as the same objects, so most are found here and only their
   * range compared (the lines before them may have changed). */
  private byFinding = new WeakMap<Finding, Diagnostic>();

  convert(
    findings: readonly Finding[],
    lines: Lines,
    locate: (filePath: string, span: Span) => Location | null,
  ): Diagnostic[] {
    const next = new Map<number, Diagnostic | Diagnostic[]>();
    const out: Diagnostic[] = [];
    for (const f of findings) {
      const range = spanToRange(lines, f.span);
      if (f.related.length) {
        out.push(toDiagnostic(f, lines, locate, range));
        continue;
      }
      const key = keyOf(range);
      let d = this.byFinding.get(f);
      if (!d || !sameRange(d.range, range)) {
        d = find(this.last.get(key), f, range) ?? find(next.get(key), f, range);
        if (!d) d = toDiagnostic(f, lines, locate, range);
        this.byFinding.set(f, d);
      }
      const there = next.get(key);
      if (there === undefined) next.set(key, d);
      else if (Array.isArray(there)) there.push(d);
      else next.set(key, [there, d]);
      out.push(d);
    }
    this.last = next;
    return out;
  }
}

/** Where a diagnostic starts, as a small integer (a V8 Smi, up to 2^30: line * 1024 plus the
 * character, capped), so that the maps of an edit's 10,000 diagnostics make no heap number per
 * key (line * 2^26, the key before, was one from line 32 on). Diagnostics that share a key (a
 * line over 1,023 characters long) are told apart by their whole range (find). */
function keyOf(range: Range): number {
  return range.start.line * 1024 + Math.min(range.start.character, 1023);
}

/** The diagnostic among `at` that says what `f` says (rule, severity, message) over `range`. */
function find(
  at: Diagnostic | Diagnostic[] | undefined,
  f: Finding,
  range: Range,
): Diagnostic | undefined {
  if (at === undefined) return undefined;
  if (!Array.isArray(at)) return says(at, f, range) ? at : undefined;
  for (const d of at) if (says(d, f, range)) return d;
  return undefined;
}

function says(d: Diagnostic, f: Finding, range: Range): boolean {
  return (
    d.code === f.ruleId &&
    d.severity === SEVERITY[f.severity] &&
    d.message === f.message &&
    d.relatedInformation === undefined &&
    sameRange(d.range, range)
  );
}

function sameRange(a: Range, b: Range): boolean {
  return (
    a.start.line === b.start.line &&
    a.start.character === b.start.character &&
    a.end.line === b.end.line &&
    a.end.character === b.end.character
  );
}

/** Do two ranges overlap or touch? (A cursor on a finding's edge still asks about it.) */
export function touches(a: Range, b: Range): boolean {
  return !before(a.end, b.start) && !before(b.end, a.start);
}

function before(p: Range['start'], q: Range['start']): boolean {
  return p.line < q.line || (p.line === q.line && p.character < q.character);
}
