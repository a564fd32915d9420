// Reader: pipe tables with an objective column ("Learning objective", "Learning outcome",
// "Objective", "LO"). Each row is an objective; an ID column gives IDs; an "Outcome" column's
// cell is an outcome that measures the row's objective, an "Assessment" column's cell an
// assessment that checks it (linked by the row: OUTLINE-CONVENTIONS.md section 6). Bloomline parses without GFM, so a table
// arrives as a paragraph of lines with pipes; it is split into rows and cells here, each cell's
// text taken from the paragraph's plain text by source offset, so markup and positions stay exact.
import type { Paragraph, RootContent } from 'mdast';
import type { Span } from '../../model.js';
import { off, type Builder } from '../context.js';
import { addItem, newSink } from '../items.js';
import { blockName, divClassName, type BlockName } from '../names.js';
import { plainOf, type PlainText } from '../plain.js';
import { ruleOf, type Scope } from '../scope.js';

const DELIMITER_ROW = /^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
const ID_HEADER =
  /^(?:id|ids|#|no\.?|nr\.?|number|code|ref|reference|key|lo\s*#|lo\s+id|lo\s+code|objective\s+(?:id|code|#|no\.?)|outcome\s+(?:id|code|#|no\.?)|ilo|clo|plo|slo|lo)$/i;
const ID_CELL = /^[A-Za-z]{1,12}[-_.]?\d+(?:\.\d+)*[a-z]?$/;
/** A cell of IDs ("CLO1, CLO2", "LO1-LO3", "1, 2 and 4"). */
const REFERENCE_LIST =
  /^(?:[A-Za-z]{0,12}[-_.]?\d+(?:\.\d+)*[a-z]?)(?:\s*(?:,|;|&|\/|-|–|\band\b|\bor\b)\s*(?:[A-Za-z]{0,12}[-_.]?\d+(?:\.\d+)*[a-z]?))*$/;

interface Cell {
  start: number;
  end: number;
}

/** Reads a paragraph that is a table; true when it is one (read or not). */
export function readTable(
  s: Scope,
  p: Paragraph,
  _siblings: RootContent[],
  _index: number,
): boolean {
  const b = s.b;
  const span = off(b, p);
  const src = b.text.slice(span.start, span.end);
  if (!src.includes('|') || !src.includes('-')) return false;
  const lines = splitLines(src, span.start);
  let d = -1;
  for (let k = 1; k < lines.length; k++) {
    const l = lines[k]!;
    if (
      DELIMITER_ROW.test(b.text.slice(l.start, l.end)) &&
      b.text.slice(l.start, l.end).includes('-')
    ) {
      const header = lines[k - 1]!;
      if (b.text.slice(header.start, header.end).includes('|')) {
        d = k;
        break;
      }
    }
  }
  if (d < 0) return false;
  const delimiterCells = cellsOf(b.text, lines[d]!);
  if (delimiterCells.length < 2 && !b.text.slice(lines[d]!.start, lines[d]!.end).includes('|'))
    return false;
  const headers = cellsOf(b.text, lines[d - 1]!).map((c) => cellText(b, c));
  const rows = lines.slice(d + 1).map((l) => cellsOf(b.text, l));
  const roles = columnRoles(b, headers, rows);
  const plain = plainOf(b, p.children);
  if (roles.objective < 0) {
    readMeasureTable(s, span, plain, headers, rows);
    return true;
  }
  const name = roles.objectiveName!;
  const sink = newSink(s.section, 'table', span, ruleOf(name));
  const outcomes = newSink(s.section, 'table', span, 'outcome');
  const assessments = newSink(s.section, 'table', span, 'assessment');
  let read = 0;
  for (const row of rows) {
    const cell = row[roles.objective];
    if (!cell) continue;
    const text = sliceByOffsets(plain, cell);
    if (!text.text.trim()) continue;
    const idCell = roles.id >= 0 ? row[roles.id] : undefined;
    const idText = idCell
      ? cellText(b, idCell)
          .replace(/[*_`[\]]/g, '')
          .trim()
      : '';
    const id =
      idCell && ID_CELL.test(idText) ? { id: idText, span: locate(b, idCell, idText) } : null;
    const made = addItem(b, sink, text, cell, { id, insertion: null });
    if (!made) continue;
    read++;
    const outCell = roles.outcome >= 0 ? row[roles.outcome] : undefined;
    if (outCell && made.kind === 'objective') {
      const outText = sliceByOffsets(plain, outCell);
      if (outText.text.trim())
        addItem(b, outcomes, outText, outCell, {
          parent: { kind: 'objective', index: made.index },
          insertion: null,
        });
    }
    const checkCell = roles.assessment >= 0 ? row[roles.assessment] : undefined;
    if (checkCell && made.kind === 'objective') {
      const checkText = sliceByOffsets(plain, checkCell);
      if (/[\p{L}\p{N}]/u.test(checkText.text))
        addItem(b, assessments, checkText, checkCell, {
          parent: { kind: 'objective', index: made.index },
          insertion: null,
          kind: 'assessment',
        });
    }
  }
  if (s.naming && read) s.naming.read += read;
  return true;
}

interface Roles {
  objective: number;
  objectiveName: BlockName | null;
  id: number;
  outcome: number;
  assessment: number;
}

function columnRoles(b: Builder, headers: string[], rows: Cell[][]): Roles {
  const roles: Roles = {
    objective: -1,
    objectiveName: null,
    id: -1,
    outcome: -1,
    assessment: -1,
  };
  const idLike = (col: number) => {
    const cells = rows.map((r) => r[col]).filter((c): c is Cell => !!c);
    const texts = cells
      .map((c) =>
        cellText(b, c)
          .replace(/[*_`[\]]/g, '')
          .trim(),
      )
      .filter(Boolean);
    return texts.length > 0 && texts.every((t) => ID_CELL.test(t) || /^\d+(?:\.\d+)*$/.test(t));
  };
  // A column of objectives holds statements, not references ("CLO1, CLO2" in a grading table).
  const sentences = (col: number) => {
    const texts = rows
      .map((r) => r[col])
      .filter((c): c is Cell => !!c)
      .map((c) =>
        cellText(b, c)
          .replace(/[*_`[\]]/g, '')
          .trim(),
      )
      .filter(Boolean);
    const refs = texts.filter((t) => REFERENCE_LIST.test(t)).length;
    return texts.length > 0 && refs * 2 < texts.length;
  };
  headers.forEach((h, col) => {
    const clean = h.replace(/[*_`]/g, '').trim();
    if (roles.id < 0 && ID_HEADER.test(clean) && idLike(col)) {
      roles.id = col;
      return;
    }
    const name = blockName(clean) ?? divClassName(clean.toLowerCase());
    if (!name) return;
    if (name.kind === 'objective' && roles.objective < 0 && !idLike(col) && sentences(col)) {
      roles.objective = col;
      roles.objectiveName = name;
    } else if (name.kind === 'outcome' && roles.outcome < 0) roles.outcome = col;
    else if (name.kind === 'assessment' && roles.assessment < 0) roles.assessment = col;
  });
  // An "Outcome" column beside no objective column is something else (a probability table);
  // an "Assessment" column too (a schedule's "Assignment" column).
  if (roles.objective < 0) {
    roles.outcome = -1;
    roles.assessment = -1;
  }
  return roles;
}

function splitLines(src: string, base: number): Span[] {
  const out: Span[] = [];
  let pos = 0;
  while (pos <= src.length) {
    let eol = src.indexOf('\n', pos);
    if (eol < 0) eol = src.length;
    let end = eol;
    if (end > pos && src[end - 1] === '\r') end--;
    out.push({ start: base + pos, end: base + end });
    if (eol >= src.length) break;
    pos = eol + 1;
  }
  return out;
}

/** The cells of one row: between unescaped pipes outside code spans, trimmed. */
function cellsOf(text: string, line: Span): Cell[] {
  const cells: Cell[] = [];
  let i = line.start;
  // Leading indentation, quote markers of a table in a block quote, and the leading pipe.
  while (i < line.end && (text[i] === ' ' || text[i] === '\t')) i++;
  if (text[i] === '|') i++;
  let start = i;
  let code = 0;
  for (; i < line.end; i++) {
    const c = text[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '`') {
      let n = 0;
      while (text[i + n] === '`') n++;
      if (code === 0) code = n;
      else if (code === n) code = 0;
      i += n - 1;
      continue;
    }
    if (c === '|' && code === 0) {
      cells.push(trim(text, start, i));
      start = i + 1;
    }
  }
  const last = trim(text, start, line.end);
  if (last.end > last.start) cells.push(last);
  return cells;
}

function trim(text: string, start: number, end: number): Cell {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  return { start: s, end: e };
}

function cellText(b: Builder, c: Cell): string {
  return b.text.slice(c.start, c.end);
}

/** The plain text of a cell: the paragraph's plain characters whose source lies in it. */
function sliceByOffsets(plain: PlainText, cell: Cell): PlainText {
  const a = lowerBound(plain.offsets, plain.text.length, cell.start);
  const e = lowerBound(plain.offsets, plain.text.length, cell.end);
  const offsets = plain.offsets.slice(a, e);
  offsets.push(e > a ? plain.offsets[e - 1]! + 1 : cell.end);
  return { text: plain.text.slice(a, e), offsets };
}

function locate(b: Builder, cell: Cell, id: string): Span | null {
  const at = b.text.indexOf(id, cell.start);
  return at >= 0 && at + id.length <= cell.end ? { start: at, end: at + id.length } : null;
}

/** The first index below `n` whose offset is at least `min` (offsets ascend). */
function lowerBound(offsets: number[], n: number, min: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (offsets[mid]! < min) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const MEASURE_HEADER =
  /^(?:kpis?|key\s+performance\s+indicators?|metrics?|measures?|success\s+(?:measures?|metrics?|indicators?)|indicators?|outcomes?|business\s+outcomes?|results?|key\s+results?)$/i;
const TARGET_HEADER = /^(?:target|targets|goal|target\s+value|to|desired|expected)$/i;
const BASELINE_HEADER = /^(?:baseline|current|today|from|starting\s+point|now)$/i;
const TIME_HEADER =
  /^(?:timeframe|time\s*frame|deadline|by\s+when|when|due|due\s+date|target\s+date|date|by)$/i;

/**
 * A table of measures with no objective column ("| KPI | Baseline | Target | Deadline |"): each
 * row is an outcome, under an outcomes heading or where the table gives targets. The item's
 * text is the measure's cell followed by the row's baseline, target and deadline ("Escalation
 * time; baseline 45 min; target 20 min; by Q3 2027"), so the outcome rules read all of it; the
 * words joining them stand at the next cell's position.
 */
function readMeasureTable(
  s: Scope,
  span: Span,
  plain: PlainText,
  headers: string[],
  rows: Cell[][],
): void {
  const clean = headers.map((h) => h.replace(/[*_`]/g, '').trim());
  const measure = clean.findIndex((h) => MEASURE_HEADER.test(h));
  if (measure < 0) return;
  const target = clean.findIndex((h) => TARGET_HEADER.test(h));
  const underOutcomes = s.naming?.name.kind === 'outcome' || s.label?.name.kind === 'outcome';
  if (target < 0 && !underOutcomes) return;
  const parts: [number, string][] = [
    [clean.findIndex((h) => BASELINE_HEADER.test(h)), 'from'],
    [target, 'to'],
    [clean.findIndex((h) => TIME_HEADER.test(h)), 'by'],
  ];
  const sink = newSink(s.section, 'table', span, 'outcome');
  let read = 0;
  for (const row of rows) {
    const cell = row[measure];
    if (!cell) continue;
    let text = sliceByOffsets(plain, cell);
    if (!text.text.trim()) continue;
    for (const [col, word] of parts) {
      const c = col >= 0 ? row[col] : undefined;
      const part = c ? sliceByOffsets(plain, c) : null;
      if (!part || !part.text.trim()) continue;
      text = join(text, ` ${word} `, part);
    }
    if (addItem(s.b, sink, text, cell, { insertion: null, labels: false })) read++;
  }
  if (s.naming && read) s.naming.read += read;
}

/** Two pieces of plain text joined by words that stand at the second piece's start. */
function join(a: PlainText, words: string, b: PlainText): PlainText {
  const at = b.offsets[0]!;
  return {
    text: a.text + words + b.text,
    offsets: [...a.offsets.slice(0, a.text.length), ...words.split('').map(() => at), ...b.offsets],
  };
}
