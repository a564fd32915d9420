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

/** A whole document's lines, as the converter of its diagnostics reads them. */
export type DocumentLines = Lines & Pick<LineIndex, 'lineCount'>;

/**
 * The diagnostics last published for one document: a finding that reads the same at the same
 * place (rule, severity, message, range) as one of them is published as the same object again,
 * so that it costs neither a new conversion nor a new fingerprint (the server publishes what the
 * last analysis found, most of it unchanged after an edit). A finding with related locations is
 * converted afresh each time (they lie in other files' lines). Only the last set is kept.
 *
 * The findings come sorted by where they start (lint sorts them), and so do the last set's
 * diagnostics: both are walked together, a line cursor moving forward through the document's
 * line starts, so that a finding's diagnostic is found again by comparing numbers, without a
 * map, a range made to be compared, or a search of the lines per finding (on a long outline
 * every edit converts about 10,000 findings, half of them copies moved by the edit). Findings
 * out of that order are still converted right: the walk starts again from the top, and what it
 * does not find is converted anew.
 */
export class ReusedDiagnostics {
  /** The last set, in the order of its findings. */
  private last: readonly Diagnostic[] = [];

  convert(
    findings: readonly Finding[],
    lines: DocumentLines,
    locate: (filePath: string, span: Span) => Location | null,
  ): Diagnostic[] {
    const last = this.last;
    const out: Diagnostic[] = [];
    const count = lines.lineCount;
    const length = lines.offsetAt(count - 1, Number.MAX_SAFE_INTEGER);
    let line = 0; // the line the last finding started on
    let at = 0; // the first diagnostic of the last set that does not start before it
    for (const f of findings) {
      const s = f.span.start;
      const e = f.span.end;
      if (s < 0 || e < s || e > length) {
        // Outside the text (positions clamp): as toDiagnostic makes it, never reused.
        out.push(toDiagnostic(f, lines, locate));
        continue;
      }
      if (lines.lineStart(line) > s) {
        // Out of order: the cursors start again from the top.
        line = 0;
        at = 0;
      }
      while (line + 1 < count && lines.lineStart(line + 1) <= s) line++;
      const sc = s - lines.lineStart(line);
      let el = line;
      while (el + 1 < count && lines.lineStart(el + 1) <= e) el++;
      const ec = e - lines.lineStart(el);
      let d: Diagnostic | undefined;
      if (!f.related.length) {
        while (at < last.length && startsBefore(last[at]!.range.start, line, sc)) at++;
        for (let k = at; k < last.length; k++) {
          const there = last[k]!;
          const r = there.range;
          if (r.start.line !== line || r.start.character !== sc) break;
          if (
            r.end.line === el &&
            r.end.character === ec &&
            there.code === f.ruleId &&
            there.severity === SEVERITY[f.severity] &&
            there.message === f.message &&
            there.relatedInformation === undefined
          ) {
            d = there;
            break;
          }
        }
      }
      if (d === undefined) {
        const range: Range = {
          start: { line, character: sc },
          end: { line: el, character: ec },
        };
        d = toDiagnostic(f, lines, locate, range);
      }
      out.push(d);
    }
    this.last = out;
    return out;
  }
}

function startsBefore(p: Range['start'], line: number, character: number): boolean {
  return p.line < line || (p.line === line && p.character < character);
}

/** Whether two lists of diagnostics publish the same (the server publishes a document's again
 * only when they changed): element by element, the same object or the same JSON. */
export function sameDiagnostics(a: readonly Diagnostic[], b: readonly Diagnostic[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++)
    if (a[i] !== b[i] && JSON.stringify(a[i]) !== JSON.stringify(b[i])) return false;
  return true;
}

/** Do two ranges overlap or touch? (A cursor on a finding's edge still asks about it.) */
export function touches(a: Range, b: Range): boolean {
  return !before(a.end, b.start) && !before(b.end, a.start);
}

function before(p: Range['start'], q: Range['start']): boolean {
  return p.line < q.line || (p.line === q.line && p.character < q.character);
}
