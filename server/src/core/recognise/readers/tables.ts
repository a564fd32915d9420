// Reader: pipe tables with an objective column ("Learning objective", "Learning outcome",
// "Objective", "LO"). Each row is an objective; an ID column gives IDs; an "Outcome" column's
// cell is an outcome that measures the row's objective, an "Assessment" column's cell an
// assessment that checks it (linked by the row: OUTLINE-CONVENTIONS.md section 6). Bloomline parses without GFM, so a table
// arrives as a paragraph of lines with pipes; it is split into rows and cells here, each cell's
// text taken from the paragraph's plain text by source offset, so markup and positions stay exact.
import type { Paragraph, RootContent } from 'mdast';
import type { LeadIn, Located, Objective, Reference, Span } from '../../model.js';
import { off, type Builder } from '../context.js';
import { addItem, newSink } from '../items.js';
import { datedByLabel } from '../timing.js';
import { blockName, divClassName, type BlockName } from '../names.js';
import { plainOf, type PlainText } from '../plain.js';
import { placementFor, ruleOf, type Scope } from '../scope.js';
import {
  canonicalId,
  ID_CELL,
  ID_NUMBER,
  ITEM_ID,
  ITEM_ID_PREFIX,
  LEARNING_OUTCOME_CODE,
  objectiveByCode,
} from '../ids.js';
import { leadVerbOf, readLeadIn } from '../leadins.js';
import { criterionIn, readObjectiveForRecognition } from '../../language/objective.js';
import { NUM } from '../../language/words.js';
import { namesGradedWork } from '../graded-work.js';
import { readsAsMetric } from '../../language/outcome.js';
import type { KindRule } from '../items.js';

const DELIMITER_ROW = /^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
const ID_HEADER =
  /^(?:id|ids|#|no\.?|nr\.?|number|code|ref|reference|key|lo\s*#|lo\s+id|lo\s+code|objective\s+(?:id|code|#|no\.?)|outcome\s+(?:id|code|#|no\.?)|ilo|clo|plo|slo|lo|epa|epa\s*#)$/i;
/** An ID or a number in a cell of references ("LO1", "ELO 1.2", "3"). */
const CELL_ID = String.raw`(?:${ITEM_ID}|[-_.]?${ID_NUMBER}[a-z]?)`;
/** A cell of IDs ("CLO1, CLO2", "LO1-LO3", "1, 2 and 4", "ELO 1.2, ELO 1.3"). */
const REFERENCE_LIST = new RegExp(
  String.raw`^${CELL_ID}(?:\s*(?:,|;|&|\/|-|–|\band\b|\bor\b)\s*${CELL_ID})*$`,
);

interface Cell {
  start: number;
  end: number;
}

/** Reads a paragraph that is a table; true when it is one (read or not). */
export function readTable(s: Scope, p: Paragraph, siblings: RootContent[], index: number): boolean {
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
  const headerCells = cellsOf(b.text, lines[d - 1]!);
  const headers = headerCells.map((c) => cellText(b, c));
  const rows = lines.slice(d + 1).map((l) => cellsOf(b.text, l));
  const plain = plainOf(b, p.children);
  // "| Assessment | CLO 1 | CLO 2 |" with marks: an alignment matrix, its rows the assessments.
  if (readAlignmentMatrix(s, span, plain, headers, rows)) return true;
  // "| Competency | Date observed | Preceptor initials | Met / Not met |": a skills checklist
  // signed off as each is observed, an assessment record, not a list of objectives.
  if (readSignOffChecklist(s, span, plain, headers, rows)) return true;
  const roles = columnRoles(b, headers, rows);
  let rule: KindRule | null = null;
  if (roles.objective < 0) {
    // Under a heading or lead-in that names objectives, the column of learner statements may be
    // headed "Outcome" or "Description" ("| CLO | Outcome | Assessed by |" after "students will
    // be able to:").
    const placement = placementFor(s, siblings, index);
    if (
      placement &&
      (placement.rule === 'objective' ||
        placement.rule === 'objective-unless-metric' ||
        placement.rule === 'goal' ||
        placement.rule === 'standard')
    ) {
      // A standard's KSB table ("| Code | Knowledge statement |") under "## Knowledge".
      const standard = placement.rule === 'standard';
      const placed = statementColumns(
        b,
        headers,
        rows,
        roles.id,
        (h) => STATEMENT_HEADER.test(h) || (standard && KSB_HEADER.test(h)),
      );
      const blank = placed ? null : blankHeaderedStatements(b, headers, rows);
      if (placed ?? blank) {
        Object.assign(roles, placed ?? blank);
        rule = placement.rule;
      }
    }
  }
  // The ABCD model's table ("| Audience | Behavior | Condition | Degree |") or a military one
  // ("| Task | Condition | Standard |"): the behaviour column holds the objectives, wherever the
  // table stands, and its condition and degree columns belong to them.
  let abcd: { condition: number; degree: number } | null = null;
  if (roles.objective < 0) {
    const found = abcdColumns(headers);
    if (found) {
      roles.objective = found.behaviour;
      rule = 'objective';
      abcd = found;
    }
  }
  // A column headed by a learning lead-in carries its verb to its cells ("| Students will
  // know... | Students will be skilled at... |", a UbD Stage 1 table): "know" is reported once,
  // on the header, as a lead-in's is.
  let headerLead: LeadIn | null = null;
  let moreLeadColumns: number[] = [];
  if (roles.objective < 0) {
    // A column headed by a learning lead-in ("| # | By the end of the induction, the worker can
    // | How it is checked |"): its cells are objectives wherever the table stands; so are those
    // of every other column so headed.
    const placed = statementColumns(b, headers, rows, roles.id, (h) => learningHeader(b, h));
    if (placed) {
      Object.assign(roles, placed);
      rule = 'objective';
      headerLead = headerLeadIn(b, headerCells[roles.objective]!);
      moreLeadColumns = headers
        .map((_, col) => col)
        .filter(
          (col) =>
            col > roles.objective &&
            col !== roles.assessment &&
            col !== roles.id &&
            learningHeader(b, cleanHeader(headers[col]!)),
        );
    }
  }
  if (roles.objective < 0) {
    if (!readAssessmentTable(s, span, plain, headers, rows))
      readMeasureTable(s, span, plain, headers, rows);
    return true;
  }
  // A programme's assessment plan ("| PLO | Measure | Target |"): the Target column states
  // how well ("80% of students score 3 or higher"), the objective's degree, not an outcome.
  if (!abcd && roles.outcome >= 0 && targetAsDegree(b, headers, rows, roles.outcome))
    roles.outcome = -1;
  const sink = newSink(s.section, 'table', span, rule ?? ruleOf(roles.objectiveName!), headerLead);
  const leadVerb = leadVerbOf(headerLead);
  const outcomes = newSink(s.section, 'table', span, 'outcome');
  // "| Objective | KPI | Target | By |": the outcome is the KPI with its row's baseline, target
  // and deadline, as in a table of measures.
  const outcomeParts = roles.outcome >= 0 ? measureParts(headers, roles) : [];
  const assessments = newSink(s.section, 'table', span, 'assessment');
  const criteria = abcd ? abcd.degree : criteriaColumn(b, headers, rows, roles);
  const statedCriteria =
    criteria >= 0 && STATED_CRITERIA_HEADER.test(headers[criteria]!.replace(/[*_`:]/g, '').trim());
  // "| Learning outcome | Quiz 1 | Final exam |" with marks: each marked column is an
  // assessment that checks the objectives of its marked rows.
  const marked = markedAssessmentColumns(s, headers, rows, roles);
  const rowItems: Objective[][] = [];
  let read = 0;
  for (const row of rows) {
    const cell = row[roles.objective];
    rowItems.push([]);
    if (!cell) continue;
    const text = sliceByOffsets(plain, cell, b.text);
    if (!text.text.trim()) continue;
    const idCell = roles.id >= 0 ? row[roles.id] : undefined;
    const idText = idCell ? bare(cellText(b, idCell)) : '';
    const id =
      idCell && ID_CELL.test(idText)
        ? { id: canonicalId(idText), span: locate(b, idCell, idText) }
        : null;
    // Objective sentences of their own split by `<br>` (each with its verb and its period) are
    // separate objectives of the row; a row with an ID names one objective, whose lines stay
    // its behaviours.
    const sentences = id ? null : breakSentences(b, plain, cell);
    const made = sentences
      ? addItem(b, sink, sentences[0]!.text, sentences[0]!.cell, { insertion: null, leadVerb })
      : addItem(b, sink, text, cell, { id, insertion: null, leadVerb });
    if (!made) continue;
    read++;
    const more: Objective[] = [];
    if (sentences && made.kind === 'objective')
      for (const part of sentences.slice(1)) {
        const next = addItem(b, sink, part.text, part.cell, { insertion: null, leadVerb });
        if (next?.kind === 'objective') {
          more.push(next as Objective);
          read++;
        }
      }
    if (made.kind === 'objective') rowItems[rowItems.length - 1] = [made as Objective, ...more];
    // The row's outcome and assessment measure and check each objective of the cell.
    const rowObjectives = (item: ReturnType<typeof addItem>) => {
      if (item && more.length) item.rowObjectives = more.map((o) => o.index);
    };
    // "| Clinical behaviours |", "| Performance criteria |": a criterion stated there is the
    // objective's degree, as an ABCD "Degree:" sub-item's is.
    const degreeCell = criteria >= 0 ? row[criteria] : undefined;
    let degree: Located | null = null;
    if (degreeCell && made.kind === 'objective') {
      const part = sliceByOffsets(plain, degreeCell, b.text);
      // A level alone in a target column ("4", "Level 3", "4/5": a clerkship's target
      // entrustment level on its scale) is the degree, as "80%" is.
      const found =
        criterionIn(part.text) ??
        levelIn(part.text) ??
        (statedCriteria ? wholeCell(part.text) : null);
      if (found)
        degree = {
          text: part.text.slice(found.start, found.end),
          span: { start: part.offsets[found.start]!, end: part.offsets[found.end - 1]! + 1 },
        };
    }
    const conditionCell = abcd && abcd.condition >= 0 ? row[abcd.condition] : undefined;
    let condition: Located | null = null;
    if (conditionCell && made.kind === 'objective') {
      const part = sliceByOffsets(plain, conditionCell, b.text);
      const trimmed = part.text.trim();
      if (/[\p{L}\p{N}]/u.test(trimmed)) {
        const at = part.text.indexOf(trimmed);
        condition = {
          text: trimmed,
          span: {
            start: part.offsets[at]!,
            end: part.offsets[at + trimmed.length - 1]! + 1,
          },
        };
      }
    }
    if (degree || condition)
      for (const o of [made as Objective, ...more]) o.abcd = { condition, degree };
    const outCell = roles.outcome >= 0 ? row[roles.outcome] : undefined;
    if (outCell && made.kind === 'objective') {
      let outText = sliceByOffsets(plain, outCell, b.text);
      if (outText.text.trim())
        for (const [col, word] of outcomeParts) {
          const c = row[col];
          const part = c ? sliceByOffsets(plain, c, b.text) : null;
          if (part?.text.trim()) outText = join(outText, joiner(word, part), part);
        }
      if (outText.text.trim())
        rowObjectives(
          addItem(b, outcomes, outText, outCell, {
            parent: { kind: 'objective', index: made.index },
            insertion: null,
          }),
        );
    }
    const checkCell = roles.assessment >= 0 ? row[roles.assessment] : undefined;
    if (checkCell && made.kind === 'objective') {
      const checkText = sliceByOffsets(plain, checkCell, b.text);
      if (/[\p{L}\p{N}]/u.test(checkText.text) && !ratingMarks(checkText.text))
        rowObjectives(
          addItem(b, assessments, checkText, checkCell, {
            parent: { kind: 'objective', index: made.index },
            insertion: null,
            kind: 'assessment',
          }),
        );
    }
  }
  for (const col of marked) {
    const references: Reference[] = [];
    rows.forEach((row, r) => {
      const c = row[col];
      if (!c || !MATRIX_MARK.test(bare(cellText(b, c)))) return;
      for (const o of rowItems[r]!)
        references.push(matrixReference(o.id, { start: c.start, end: c.end }, o.index));
    });
    const header = headerCells[col]!;
    if (
      references.length &&
      namedAssessment(b, assessments, sliceByOffsets(plain, header, b.text), header, references)
    )
      read++;
  }
  // The other columns headed by a learning lead-in: objectives of their own, each column a
  // block with its header's verb.
  for (const col of moreLeadColumns) {
    const lead = headerLeadIn(b, headerCells[col]!);
    const more = newSink(s.section, 'table', span, 'objective', lead);
    for (const row of rows) {
      const cell = row[col];
      if (!cell) continue;
      const text = sliceByOffsets(plain, cell, b.text);
      if (!text.text.trim()) continue;
      if (addItem(b, more, text, cell, { insertion: null, leadVerb: leadVerbOf(lead) })) read++;
    }
  }
  if (s.naming && read) s.naming.read += read;
  return true;
}

/** A column of a checklist's sign-off: when, by whom, and whether each item was met. */
const SIGN_OFF_HEADER =
  /^(?:date(?:\s+(?:observed|achieved|assessed|signed(?:\s+off)?|completed|met|demonstrated))?|(?:preceptor|assessor|supervisor|mentor|instructor|observer|educator|trainer)(?:'s|’s)?(?:\s+(?:initials|signature|sign-?off|name))?|initials|signature|signed(?:\s+off)?(?:\s+by)?|sign-?off|observed\s+by|verified\s+by|assessed\s+by|met\s*\/\s*not\s+met|(?:not\s+)?met|achieved(?:\s*\/\s*not\s+(?:yet\s+)?achieved)?|competent(?:\s*\/\s*not\s+(?:yet\s+)?competent)?|s\s*\/\s*u|pass\s*\/\s*fail|y\s*\/\s*n)$/i;

/** A sign-off column that records a check, not only a date or a name. */
const SIGN_OFF_CHECK =
  /^(?:date\s+(?:observed|achieved|assessed|signed\s+off|completed|met|demonstrated)|(?:observed|verified|assessed)\s+by|met\s*\/\s*not\s+met|(?:not\s+)?met|achieved(?:\s*\/.*)?|competent(?:\s*\/.*)?|s\s*\/\s*u|pass\s*\/\s*fail|y\s*\/\s*n)$/i;

/**
 * A checklist signed off item by item ("| Competency | Date observed | Preceptor initials | Met /
 * Not met |", a clinical rotation's competencies checklist): two sign-off columns at least, all
 * their cells empty or short marks, and a first column of the skills checked. Each row is an
 * observed check (an assessment), which checks the objectives in scope; none is an objective.
 */
function readSignOffChecklist(
  s: Scope,
  span: Span,
  plain: PlainText,
  headers: string[],
  rows: Cell[][],
): boolean {
  const b = s.b;
  if (headers.length < 3 || !rows.length) return false;
  const signOff = headers
    .map((h, col) => (col > 0 && SIGN_OFF_HEADER.test(cleanHeader(h)) ? col : -1))
    .filter((col) => col > 0);
  // One of them a verdict or an observation ("Met / Not met", "Date observed", "Assessed by"):
  // an attendance sheet's "| Name | Date | Signature |" is no check. Or a rating form's
  // periods (ratingPeriods).
  const checked =
    signOff.length >= 2 && signOff.some((col) => SIGN_OFF_CHECK.test(cleanHeader(headers[col]!)));
  const periods = checked ? [] : ratingPeriods(b, headers, rows);
  if (!checked && !periods.length) return false;
  for (const col of checked ? signOff : periods)
    if (columnTexts(b, rows, col).some((t) => t.length > 12)) return false;
  const sink = newSink(s.section, 'table', span, 'assessment');
  let read = 0;
  for (const row of rows) {
    const cell = row[0];
    if (!cell) continue;
    const text = sliceByOffsets(plain, cell, b.text);
    if (!/\p{L}/u.test(text.text)) continue;
    if (addItem(b, sink, text, cell, { insertion: null, kind: 'assessment', labels: false }))
      read++;
  }
  if (s.naming && read) s.naming.read += read;
  return true;
}

/** A column of one period of a rating form: a week, a clinical day, a shift, the midterm or the
 * final evaluation. */
const RATING_PERIOD =
  /^(?:(?:wk|week|day|clinical\s+(?:day|week)|shift|rotation)\s*\.?\s*#?\d{1,2}|mid-?term|mid-?rotation|mid-?point|final|end\s+of\s+(?:rotation|term|placement))(?:\s+(?:evaluation|rating|eval))?$/i;
/** A rating scale stated with its words ("S = Satisfactory, NI = Needs Improvement"). */
const RATING_SCALE =
  /\b(?:needs\s+improvement|unsatisfactory|not\s+yet\s+competent|below\s+expectations)\b/i;

/**
 * The period columns of a clinical evaluation tool ("| Clinical behaviors | Wk 1 | Wk 2 | ... |
 * Midterm | Final |"): each behaviour rated S, NI or U in each week. Two period columns at
 * least, their filled cells rating marks, and a rating scale stated in the outline when they are
 * all empty (a curriculum map's "| Skill | Week 1 | Week 2 |" marks where a skill is taught with
 * an "X"). Empty when the table is no such form.
 */
function ratingPeriods(b: Builder, headers: string[], rows: Cell[][]): number[] {
  const cols = headers
    .map((h, col) => (col > 0 && RATING_PERIOD.test(cleanHeader(h)) ? col : -1))
    .filter((col) => col > 0);
  if (cols.length < 2) return [];
  let filled = 0;
  for (const col of cols)
    for (const t of columnTexts(b, rows, col)) {
      if (!t.trim()) continue;
      // A rating given ("S", "NI", "N/O") or the scale printed in the cell ("S / NI / U").
      const mark = t.trim().toLowerCase().replace(/\//g, '');
      if (!RATING_WORDS.has(mark) && mark !== 'no' && !ratingMarks(t)) return [];
      filled++;
    }
  if (!filled && !RATING_SCALE.test(b.text.length <= 1_000_000 ? b.text : '')) return [];
  return cols;
}

/** A header cell's text without emphasis, code marks, colons and a trailing ellipsis. */
function cleanHeader(h: string): string {
  return h
    .replace(/[*_`:]/g, '')
    .replace(/\.\.\.|…/g, '')
    .trim();
}

/** A header cell that is a learning lead-in, as a block's lead-in: its text, and the verb it
 * carries ("know" in "Students will know...") where that stands in the cell. */
function headerLeadIn(b: Builder, cell: Cell): LeadIn | null {
  const raw = cellText(b, cell);
  const clean = cleanHeader(raw);
  const reading = readLeadIn(`${clean}:`, b.lex);
  if (reading?.class !== 'learning') return null;
  const carried = reading.verb;
  let verb: LeadIn['verb'] = null;
  if (carried) {
    const words = clean.slice(carried.start, carried.end);
    const at = raw.indexOf(words);
    if (at >= 0)
      verb = {
        lemma: carried.lemma,
        span: { start: cell.start + at, end: cell.start + at + words.length },
        toAbleTo: null,
      };
  }
  return { text: raw, span: { start: cell.start, end: cell.end }, verb };
}

/** A header that names one of the course's objectives by its code ("CLO 1", "LO2", "CO3", "ILO
 * 1.2", "Objective 4", "Learning outcome 2"). A programme's outcomes ("PLO1") are kept in another
 * document. */
const MATRIX_CODE =
  /^((?!plo)[a-z]{0,2}lo|co|obj(?:ective)?|(?:learning\s+)?outcome)\s*[-_.#]?\s*(\d{1,2}(?:\.\d{1,2})*[a-z]?)$/i;
/** A mark in a cell of an alignment matrix: a cross, tick or dot, a yes, the stage an outcome is
 * taught at ("I", "R", "M", "I/R"), a strength ("1" to "3", "H", "M", "L") or a share ("25%"). */
const MATRIX_MARK =
  /^(?:[xX✓✔☑✅■●•◉★+]\ufe0f?|[Yy](?:es)?|[IRMPDAEHL](?:\s*[,/]\s*[IRMPDAEHL])*|[1-3]|\d{1,3}(?:\.\d+)?\s*%)$/;
/** An empty cell of such a matrix, or one that says no. */
const NO_MARK = /^(?:|[-–—]|0|no|n|n\/a|na)$/i;

/** Every cell of the column is a mark or empty, and one at least is a mark. */
function markColumn(b: Builder, rows: Cell[][], col: number): boolean {
  return marksIn(b, rows, col) > 0;
}

/** How many cells of the column are marks; -1 when one is neither a mark nor empty. */
function marksIn(b: Builder, rows: Cell[][], col: number): number {
  let marks = 0;
  for (const row of rows) {
    const c = row[col];
    const t = c ? bare(cellText(b, c)) : '';
    if (MATRIX_MARK.test(t)) marks++;
    else if (!NO_MARK.test(t)) return -1;
  }
  return marks;
}

/** A reference that a mark makes: to the objective its column or row names, placed on the mark,
 * never renamed (a mark is not an ID). */
function matrixReference(id: string, span: Span, ordinal: number | undefined): Reference {
  return {
    id,
    span,
    syntactic: true,
    form: 'keyword',
    inRange: true,
    ...(ordinal === undefined ? {} : { ordinal }),
  };
}

/** The table stands where assessments are named (under "## Assessment map", after "Graded:"). */
function underAssessments(s: Scope): boolean {
  return (
    s.naming?.name.kind === 'assessment' || s.label?.name.kind === 'assessment' || !!s.assessment
  );
}

/** A column or row name that names an assessment ("Midterm exam", "Quiz 1", "Skills
 * check-off"); a learning activity ("Lecture", "Activity") does not. */
function namesAssessment(name: string): boolean {
  if (/^(?:learning\s+)?activit(?:y|ies)\b/i.test(name)) return false;
  return namesGradedWork(name) || blockName(name)?.kind === 'assessment' || TASK_HEADER.test(name);
}

/**
 * An alignment matrix: columns headed by the course's objectives' codes ("| Assessment | Weight |
 * CLO 1 | CLO 2 |"), each cell a mark or empty. When its rows name assessments (their column's
 * header does, or the table stands under assessments, or most rows name graded work), each row is
 * an assessment that checks the objectives of its marked columns; otherwise (a map of a
 * programme's courses or of learning activities) the table holds no items. False when the table
 * is no such matrix.
 */
function readAlignmentMatrix(
  s: Scope,
  span: Span,
  plain: PlainText,
  headers: string[],
  rows: Cell[][],
): boolean {
  const b = s.b;
  const clean = headers.map((h) => bare(h).replace(/:$/, '').trim());
  const codes = new Map<number, RegExpExecArray>();
  clean.forEach((h, col) => {
    const m = MATRIX_CODE.exec(h);
    if (m) codes.set(col, m);
  });
  if (codes.size < 2) return false;
  // An objective's column may be empty (no assessment checks it); the matrix has a mark.
  let marks = 0;
  for (const col of codes.keys()) {
    const n = marksIn(b, rows, col);
    if (n < 0) return false;
    marks += n;
  }
  if (!marks) return false;
  const name = clean.findIndex(
    (h, col) =>
      !codes.has(col) &&
      !OTHER_HEADER.test(h) &&
      columnTexts(b, rows, col).some((t) => /\p{L}/u.test(t)),
  );
  if (name < 0) return true;
  const names = columnTexts(b, rows, name);
  const assessments =
    underAssessments(s) ||
    namesAssessment(clean[name]!) ||
    names.filter(namesGradedWork).length * 2 > names.length;
  if (!assessments) return true;
  const objectives = objectivesAround(s);
  const targets = new Map<number, { id: string; index: number | undefined }>();
  for (const [col, m] of codes) {
    const prefix = /^obj/i.test(m[1]!) ? 'Objective' : /outcome$/i.test(m[1]!) ? 'Outcome' : m[1]!;
    const id = canonicalId(`${prefix}${m[2]}`);
    targets.set(col, { id, index: objectiveByCode(objectives, id)?.index });
  }
  const sink = newSink(s.section, 'table', span, 'assessment');
  let read = 0;
  for (const row of rows) {
    const cell = row[name];
    if (!cell) continue;
    const text = sliceByOffsets(plain, cell, b.text);
    if (!/[\p{L}\p{N}]/u.test(text.text)) continue;
    const references: Reference[] = [];
    for (const [col, t] of targets) {
      const c = row[col];
      if (c && MATRIX_MARK.test(bare(cellText(b, c))))
        references.push(matrixReference(t.id, { start: c.start, end: c.end }, t.index));
    }
    if (namedAssessment(b, sink, text, cell, references)) read++;
  }
  if (s.naming && read) s.naming.read += read;
  return true;
}

/** The marked columns of an objectives table that name assessments ("| Learning outcome | Quiz 1
 * | Final exam |" with marks): each is one assessment. */
function markedAssessmentColumns(
  s: Scope,
  headers: string[],
  rows: Cell[][],
  roles: Roles,
): number[] {
  const out: number[] = [];
  headers.forEach((h, col) => {
    if (col === roles.objective || col === roles.id || col === roles.outcome) return;
    const clean = bare(h).replace(/:$/, '').trim();
    if (!/\p{L}/u.test(clean) || MATRIX_CODE.test(clean) || OTHER_HEADER.test(clean)) return;
    if (!markColumn(s.b, rows, col)) return;
    if (namesAssessment(clean) || underAssessments(s)) out.push(col);
  });
  return out;
}

const BEHAVIOUR_HEADER =
  /^(?:behaviou?rs?|observable\s+behaviou?rs?|(?:performance\s+)?tasks?|actions?|performance)$/i;
const CONDITION_HEADER = /^(?:conditions?|givens?)$/i;
const DEGREE_HEADER =
  /^(?:degree|criteri(?:on|a)|standards?(?:\s+of\s+performance)?|performance\s+standards?)$/i;

/** The columns of an ABCD or Task-Condition-Standard table: a behaviour column with a
 * condition or a degree column beside it (both are the model's; a behaviour column alone is a
 * clinical tool's list of behaviours, criteria of another objective). */
function abcdColumns(
  headers: string[],
): { behaviour: number; condition: number; degree: number } | null {
  const clean = headers.map((h) => h.replace(/[*_`:]/g, '').trim());
  const behaviour = clean.findIndex((h) => BEHAVIOUR_HEADER.test(h));
  const condition = clean.findIndex((h) => CONDITION_HEADER.test(h));
  const degree = clean.findIndex((h) => DEGREE_HEADER.test(h));
  if (behaviour < 0 || (condition < 0 && degree < 0)) return null;
  // "| Task | Standard |" is an objective only with its condition, or with the model's other
  // column ("Degree", "Criterion"): a schedule's "Task" column beside "Standard" (a
  // curriculum code) is not.
  if (condition < 0 && !/^(?:degree|criteri)/i.test(clean[degree]!)) return null;
  return { behaviour, condition, degree };
}

/** A column of each objective's criteria as its author states them, a degree whatever their
 * wording ("| Objective | Met Criteria | Yes or No |" of a police academy's lesson, "| Learning
 * intention | Success criteria |" of a school's): the whole cell is the degree. */
const STATED_CRITERIA_HEADER =
  /^(?:(?:met|success|mastery|evaluation|completion|acceptance|passing|assessment)\s+criteri(?:a|on)|criteri(?:a|on)\s+(?:met|for\s+(?:success|mastery|completion)))$/i;

/** A column of an objective's measurable behaviours or criteria (a clinical evaluation tool's
 * "Clinical behaviours", a unit's "Performance criteria"). */
const CRITERIA_HEADER =
  /^(?:(?:clinical|critical|observable|expected|measurable|key)\s+)?behaviou?rs?$|^(?:performance|measurable|assessment)\s+(?:criteria|criterion|indicators?|standards?)$|^(?:criteria|criterion|indicators?|degree|standard\s+of\s+performance)$/i;

/** A column of how well each objective is to be met in a programme's assessment plan
 * ("Target", "Criterion for success", "Benchmark", "Standard", "Expected level"). */
const TARGET_DEGREE_HEADER =
  /^(?:(?:performance\s+|success\s+|achievement\s+)?(?:targets?|benchmarks?)(?:\s+(?:performance|levels?|values?|scores?|\(%\)|%))?|(?:criteri(?:on|a)|standards?)(?:\s+(?:for|of)\s+(?:success|achievement|acceptable\s+performance))?|success\s+(?:criterion|standard|threshold)|(?:expected|minimum|acceptable|target)\s+(?:levels?(?:\s+of\s+(?:achievement|performance))?|standards?|performance|scores?|thresholds?)|performance\s+(?:benchmarks?|thresholds?))$/i;

/** A level on a scale, alone in its cell: "4", "Level 3", "4/5", "3 of 5". */
function levelIn(text: string): { start: number; end: number } | null {
  const m = /^\s*((?:level\s+)?\d{1,2}(?:\.\d)?(?:\s*(?:\/|of|out\s+of)\s*\d{1,2})?)\s*$/i.exec(
    text,
  );
  if (!m) return null;
  const start = text.indexOf(m[1]!);
  return { start, end: start + m[1]!.length };
}

/** A cell's text as a whole, trimmed, when it has a letter or digit. */
function wholeCell(text: string): { start: number; end: number } | null {
  const trimmed = text.trim();
  if (!/[\p{L}\p{N}]/u.test(trimmed)) return null;
  const start = text.indexOf(trimmed);
  return { start, end: start + trimmed.length };
}

function criteriaColumn(b: Builder, headers: string[], rows: Cell[][], roles: Roles): number {
  const taken = new Set([roles.objective, roles.outcome, roles.assessment, roles.id]);
  const clean = headers.map((h) => h.replace(/[*_`:]/g, '').trim());
  const found = clean.findIndex(
    (h, col) => !taken.has(col) && (CRITERIA_HEADER.test(h) || STATED_CRITERIA_HEADER.test(h)),
  );
  if (found >= 0 || roles.outcome >= 0) return found;
  // With no outcome column, a Target or Benchmark column is the objectives' degree; beside a
  // KPI column it is the KPI's target (measureParts).
  return clean.findIndex(
    (h, col) => !taken.has(col) && TARGET_DEGREE_HEADER.test(h) && !metricColumn(b, rows, col),
  );
}

/**
 * Whether an objectives table's outcome column is a Target column that states degrees: headed
 * so ("Target", "Performance target") and no cell of it a measured change or metric ("80% of
 * students score 3 or higher"). A workplace table's targets ("First-visit fix rate rises from
 * 62% to 75% within six months") stay its outcomes.
 */
function targetAsDegree(b: Builder, headers: string[], rows: Cell[][], col: number): boolean {
  const h = headers[col]!.replace(/[*_`:]/g, '').trim();
  return TARGET_DEGREE_HEADER.test(h) && !metricColumn(b, rows, col);
}

/** Some cell of the column reads as a business measure (a change, a target with a deadline). */
function metricColumn(b: Builder, rows: Cell[][], col: number): boolean {
  return columnTexts(b, rows, col).some(readsAsMetric);
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
    const texts = columnTexts(b, rows, col);
    return texts.length > 0 && texts.every((t) => ID_CELL.test(t) || /^\d+(?:\.\d+)*$/.test(t));
  };
  // A column of objectives holds statements, not references ("CLO1, CLO2" in a grading table).
  const sentences = (col: number) => {
    const texts = columnTexts(b, rows, col);
    const refs = texts.filter((t) => REFERENCE_LIST.test(t)).length;
    return texts.length > 0 && refs * 2 < texts.length;
  };
  // A matrix of levels ("| Competency | Level 1 | Level 3 |" of a residency's milestones, "|
  // Skill | Novice | Proficient |"): its statements stand in the level columns, and a first
  // column of names ("PC1 History") holds no objective. A column of statements beside level
  // columns (a rubric per learning outcome) still does.
  const matrix =
    headers.filter((h) => LEVEL_COLUMN.test(h.replace(/[*_`:]/g, '').trim())).length >= 2;
  const namesOnly = (col: number) => {
    const texts = columnTexts(b, rows, col);
    const named = texts.filter((t) => !readObjectiveForRecognition(t, b.lex).verb).length;
    return named * 2 > texts.length;
  };
  headers.forEach((h, col) => {
    const clean = h.replace(/[*_`]/g, '').trim();
    if (roles.id < 0 && ID_HEADER.test(clean) && idLike(col)) {
      roles.id = col;
      return;
    }
    // "Assignment due", "Assessment set": a schedule's column of what is handed in.
    const name =
      blockName(clean) ??
      blockName(clean.replace(/\s+(?:due|set|this\s+week)$/i, '')) ??
      divClassName(clean.toLowerCase());
    if (!name) return;
    if (
      name.kind === 'objective' &&
      roles.objective < 0 &&
      !idLike(col) &&
      sentences(col) &&
      !(matrix && namesOnly(col))
    ) {
      roles.objective = col;
      roles.objectiveName = name;
    } else if (
      name.kind === 'outcome' &&
      roles.outcome < 0 &&
      // "| Learning objective | Success criteria |": a school's criteria for each objective,
      // its degree (criteriaColumn), unless its cells are business measures.
      !(name.family === 'success-criteria' && !metricColumn(b, rows, col))
    )
      roles.outcome = col;
    else if (
      name.kind === 'assessment' &&
      roles.assessment < 0 &&
      !ratingColumn(b, rows, col) &&
      !markColumn(b, rows, col)
    )
      roles.assessment = col;
  });
  // An "Outcome" column beside no objective column is something else (a probability table);
  // an "Assessment" column too (a schedule's "Assignment" column).
  if (roles.objective < 0) {
    roles.outcome = -1;
    roles.assessment = -1;
  }
  return roles;
}

/** Options of a rating scale written in a cell, several words long ("Not met", "Needs
 * improvement", "Meets expectations"). */
const RATING_PHRASE =
  /\b(?:not\s+yet\s+(?:met|competent|achieved|demonstrated)|(?:not|partially)\s+(?:met|achieved|applicable|competent|observed|demonstrated|satisfactory)|needs?\s+(?:improvement|work|practice)|(?:meets|exceeds|below|approaching|does\s+not\s+meet)\s+(?:the\s+)?(?:expectations?|standards?))\b/gi;
/** One-word options of a rating scale: satisfactory scales ("S / NI / U"), met / not met, pass /
 * fail, yes / no, bands ("Developing", "Proficient"). Letters ("A, B") may name assessments. */
const RATING_WORDS = new Set(
  `s ni u met pass fail p f satisfactory unsatisfactory yes no y n na excellent good fair poor
  competent developing proficient exemplary emerging beginning accomplished mastery mastered
  achieved incomplete complete ok`.split(/\s+/),
);
/** An empty box or a blank to fill in ("[ ]", "☐", "____", "___ / 10"). */
const BLANK_MARK = /\[\s\]|[☐□○◯]|_{2,}|\.{4,}/g;

/**
 * Whether a cell holds the marks of a rating form, not an assessment: an empty box or blank to
 * fill in, or the options of a scale ("S / NI / U", "Met / Not met", "Pass / Fail", "1 2 3 4").
 * One mark ("X", "Yes", "✓", "1, 2") is not a scale, and is left as it was read.
 */
export function ratingMarks(cell: string): boolean {
  let blanks = 0;
  let options = 0;
  const rest = cell
    .toLowerCase()
    .replace(BLANK_MARK, () => {
      blanks++;
      return ' ';
    })
    .replace(RATING_PHRASE, () => {
      options++;
      return ' ';
    });
  const tokens = rest.split(/[\s/|,;:()\-–—.+=~*`_]+/).filter(Boolean);
  const numbers: number[] = [];
  for (const t of tokens) {
    if (/^\d{1,3}%?$/.test(t)) numbers.push(parseInt(t, 10));
    else if (RATING_WORDS.has(t)) options++;
    else return false;
  }
  if (blanks && !options) return true; // "[ ]", "☐", "____ / 10"
  if (options + numbers.length < 2) return false;
  if (options) return true; // "S / NI / U", "Met / Not met", "1 - Poor, 2 - Fair"
  // Numbers alone are a scale when they run on ("1 2 3 4", "0-1-2-3"); "1, 2" may name
  // assessments 1 and 2.
  return numbers.length >= 3 && numbers.every((n, i) => i === 0 || n === numbers[i - 1]! + 1);
}

/** A column whose every filled cell is rating marks ("| Midterm |" of a rating form). */
function ratingColumn(b: Builder, rows: Cell[][], col: number): boolean {
  const texts = columnTexts(b, rows, col).filter((t) => t.trim());
  return texts.length > 0 && texts.every(ratingMarks);
}

/** The header of a column of one level of a matrix (milestones, a rubric's bands). */
const LEVEL_COLUMN =
  /^(?:(?:level|milestone|stage|band|tier|step|year|pgy|phase)\s*-?\s*\d+(?:\s*\(.*\))?|\d+|novice|beginner|beginning|developing|emerging|advanced\s+beginner|competent|proficient|proficiency|advanced|expert|mastery|exemplary|excellent|accomplished|distinguished|good|very\s+good|satisfactory|fair|poor|weak|strong|basic|unsatisfactory|inadequate|needs\s+improvement|(?:meets|exceeds|below|approaching)\s+(?:the\s+)?(?:expectations?|standards?))$/i;

/** A column headed "Outcome", "Description", "Statement" or "Students will be able to". */
const STATEMENT_HEADER =
  /^(?:(?:learning\s+)?outcomes?(?:\s+statements?)?|descriptions?|statements?|(?:students?|learners?|participants?|you)\s+(?:will|should)\b.*)$/i;
/** The statement column of a standard's table of knowledge, skills or behaviours. */
const KSB_HEADER = /^(?:knowledge|skills?|behaviou?rs?)(?:\s+statements?|\s+descriptions?)?$/i;
/** An assessment column of an objectives table whose header names no assessment block. */
const ASSESSED_HEADER =
  /^(?:assessed\s+(?:by|through|via|in|with)|how\s+(?:it\s+is\s+|it's\s+|this\s+is\s+)?(?:assessed|checked|evidenced|verified|observed)|checked\s+by|assessments?\s+(?:methods?|tasks?|types?)|methods?\s+of\s+assessment|evidence)$/i;

/** A header that is a learning lead-in ("By the end of the induction, the worker can"). */
function learningHeader(b: Builder, header: string): boolean {
  return header.split(/\s+/).length >= 3 && readLeadIn(`${header}:`, b.lex)?.class === 'learning';
}

/**
 * The roles of a table whose objective column is not headed as one: the first column of
 * statements (not IDs, not references) whose header `headed` accepts is the objectives; an
 * "Assessment" or "Assessed by" column checks them. Null when no column is headed so (a
 * schedule's "Week | Topic" stays unread, and unread-block says so).
 */
function statementColumns(
  b: Builder,
  headers: string[],
  rows: Cell[][],
  id: number,
  headed: (header: string) => boolean,
): Omit<Roles, 'objectiveName'> | null {
  const clean = headers.map((h) =>
    h
      .replace(/[*_`:]/g, '')
      .replace(/\.\.\.|…/g, '')
      .trim(),
  );
  const objective = clean.findIndex((h, col) => {
    if (col === id || !headed(h)) return false;
    const texts = columnTexts(b, rows, col);
    return texts.filter((t) => !REFERENCE_LIST.test(t)).length * 2 > texts.length;
  });
  if (objective < 0) return null;
  const assessment = clean.findIndex(
    (h, col) =>
      col !== objective &&
      (ASSESSED_HEADER.test(h) || blockName(h)?.kind === 'assessment') &&
      !ratingColumn(b, rows, col) &&
      !markColumn(b, rows, col),
  );
  return { objective, id, outcome: -1, assessment };
}

/**
 * The roles of a table whose header row is blank ("| | |"), as a course catalogue's outcomes
 * table copied from a web page comes out ("| 1 | Describes the hydrology of a marsh |"): under
 * a heading or lead-in that names objectives, a column of numbers or IDs gives the IDs, and the
 * first other column in which most cells state a behaviour holds the objectives. A blank-headed
 * table of topics ("| Week 1 | Orientation |") has no such column and stays unread.
 */
function blankHeaderedStatements(
  b: Builder,
  headers: string[],
  rows: Cell[][],
): Omit<Roles, 'objectiveName'> | null {
  if (!rows.length || headers.some((h) => h.replace(/[*_`:]/g, '').trim() !== '')) return null;
  const ids = (col: number) => {
    const texts = columnTexts(b, rows, col);
    return texts.length > 0 && texts.every((t) => ID_CELL.test(t) || /^\d+(?:\.\d+)*\.?$/.test(t));
  };
  const id = headers.findIndex((_, col) => ids(col));
  const objective = headers.findIndex((_, col) => {
    if (col === id) return false;
    const texts = columnTexts(b, rows, col);
    const stated = texts.filter((t) => readObjectiveForRecognition(t, b.lex).verb).length;
    return texts.length > 0 && stated * 2 > texts.length;
  });
  return objective < 0 ? null : { objective, id, outcome: -1, assessment: -1 };
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

/** A cell's text without emphasis, code and link marks. */
function bare(text: string): string {
  return text.replace(/[*_`[\]]/g, '').trim();
}

/** The bare texts of a column's cells, the empty ones left out. */
function columnTexts(b: Builder, rows: Cell[][], col: number): string[] {
  const out: string[] = [];
  for (const r of rows) {
    const c = r[col];
    const t = c ? bare(cellText(b, c)) : '';
    if (t) out.push(t);
  }
  return out;
}

/** The plain text of a cell: the paragraph's plain characters whose source lies in it. */
function sliceByOffsets(plain: PlainText, cell: Cell, src?: string): PlainText {
  const a = lowerBound(plain.offsets, plain.text.length, cell.start);
  const e = lowerBound(plain.offsets, plain.text.length, cell.end);
  const offsets = plain.offsets.slice(a, e);
  offsets.push(e > a ? plain.offsets[e - 1]! + 1 : cell.end);
  const sliced = { text: plain.text.slice(a, e), offsets };
  return src ? withBullets(withBreaks(sliced, src, cell)) : sliced;
}

/**
 * A cell's lines written with bullet characters, as a word processor pastes a bulleted cell ("•
 * Define a project • Distinguish projects from operations"): the first bullet is dropped and each
 * later one becomes "; " (or a space after a line's own punctuation), as a `<br>` does, so the
 * lines read as the behaviours of one objective.
 */
function withBullets(part: PlainText): PlainText {
  if (!BULLET.test(part.text)) return part;
  const out: PlainText = { text: '', offsets: [] };
  const t = part.text;
  let k = 0;
  while (k < t.length && /\s/.test(t[k]!)) k++;
  if (BULLET_CHAR.test(t[k] ?? '')) {
    k++;
    while (k < t.length && /\s/.test(t[k]!)) k++;
  }
  for (; k < t.length; k++) {
    const ch = t[k]!;
    if (BULLET_CHAR.test(ch) && /\s/.test(t[k - 1] ?? '') && /\s/.test(t[k + 1] ?? '')) {
      if (!endLine(out, part.offsets[k]!)) continue;
      while (k + 1 < t.length && /\s/.test(t[k + 1]!)) k++;
      continue;
    }
    out.text += ch;
    out.offsets.push(part.offsets[k]!);
  }
  out.offsets.push(part.offsets[t.length]!);
  return out;
}
/** A bullet that starts a cell or stands between its lines ("• A • B"). */
const BULLET = /^\s*[•▪◦‣]\s|\s[•▪◦‣]\s/;
const BULLET_CHAR = /[•▪◦‣]/;

const BR = /<br\s*\/?>/gi;

/**
 * The lines of a cell split with `<br>` when each is an objective sentence of its own: it ends
 * with a period and has its own behaviour verb ("Explain how a reverse proxy routes requests.<br>
 * Deploy the API ..."). Null otherwise: lines without their period, or one without a verb ("Explain
 * the REST constraints.<br>Resource URLs and status codes."), are one objective's behaviours.
 */
function breakSentences(
  b: Builder,
  plain: PlainText,
  cell: Cell,
): { text: PlainText; cell: Cell }[] | null {
  const src = b.text.slice(cell.start, cell.end);
  if (!/<br/i.test(src)) return null;
  const parts: Cell[] = [];
  let from = 0;
  BR.lastIndex = 0;
  for (let m = BR.exec(src); m; m = BR.exec(src)) {
    parts.push(trim(b.text, cell.start + from, cell.start + m.index));
    from = m.index + m[0].length;
  }
  parts.push(trim(b.text, cell.start + from, cell.end));
  const lines = parts.filter((c) => c.end > c.start);
  if (lines.length < 2) return null;
  const out: { text: PlainText; cell: Cell }[] = [];
  for (const c of lines) {
    const text = sliceByOffsets(plain, c);
    const t = text.text.trim();
    if (!/[\p{L}\p{N})"'”’]\.$/u.test(t) || t.split(/\s+/).length < 3) return null;
    // A behaviour verb of the Bloom lists (or a vague one), not a noun read as a verb ("Resource
    // URLs, status codes and errors.": unknown-verb's reading).
    const reading = readObjectiveForRecognition(t, b.lex);
    if (!reading.verb || !(reading.vague || reading.behaviours.some((x) => x.known && x.level)))
      return null;
    out.push({ text, cell: c });
  }
  return out;
}

/**
 * A cell's lines, split with `<br>` (a Markdown table cell holds no list): the plain text
 * skips the tag, which glued "constraints<br>Design" into one word. Each tag becomes "; " (or a
 * space after a line's own punctuation), standing where the tag stood, so the lines read as the
 * behaviours of one objective.
 */
function withBreaks(part: PlainText, src: string, cell: Cell): PlainText {
  const cellSrc = src.slice(cell.start, cell.end);
  if (!/<br/i.test(cellSrc)) return part;
  const out: PlainText = { text: '', offsets: [] };
  let k = 0;
  BR.lastIndex = 0;
  for (let m = BR.exec(cellSrc); m; m = BR.exec(cellSrc)) {
    const at = cell.start + m.index;
    while (k < part.text.length && part.offsets[k]! < at) {
      out.text += part.text[k];
      out.offsets.push(part.offsets[k]!);
      k++;
    }
    if (k >= part.text.length || !endLine(out, at)) continue;
    while (k < part.text.length && /\s/.test(part.text[k]!)) k++;
  }
  for (; k < part.text.length; k++) {
    out.text += part.text[k];
    out.offsets.push(part.offsets[k]!);
  }
  out.offsets.push(part.offsets[part.text.length]!);
  return out;
}

/**
 * Ends the line built so far with "; " (or a space after the line's own punctuation), the
 * separator standing at source offset `at`, its trailing spaces dropped; false, and nothing
 * changed, when no text stands before it.
 */
function endLine(out: PlainText, at: number): boolean {
  const before = out.text.trimEnd();
  if (!before) return false;
  const sep = /[.;:,!?]$/.test(before) ? ' ' : '; ';
  out.text = before + sep;
  out.offsets.length = before.length;
  for (let i = 0; i < sep.length; i++) out.offsets.push(at);
  return true;
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
  /^(?:kpis?|key\s+performance\s+indicators?|metrics?|measures?|what\s+(?:we(?:'ll|’ll|\s+will)?\s+)?measures?|what\s+(?:is|will\s+be)\s+measured|measurements?|success\s+(?:measures?|metrics?|indicators?)|indicators?|outcomes?|business\s+outcomes?|results?|key\s+results?)$/i;
/** A Kirkpatrick level column ("Level", "Kirkpatrick level"), and its levels 1 and 2; in
 * continuing medical education, Moore's levels 1 to 4 (participation, satisfaction, learning,
 * competence) evaluate the activity itself, as Kirkpatrick's 1 and 2 do ("Level 3 – Learning"),
 * and 5 to 7 (performance, patient health, community health) are outcomes. */
const LEVEL_HEADER =
  /^(?:(?:kirkpatrick|moore(?:'s|’s)?)(?:\s+level)?|(?:evaluation\s+|outcomes?\s+)?level)$/i;
const TRAINING_LEVEL =
  /^(?:(?:level|l)\s*)?(?:[12]\b|(?:\d[ab]?\s*[-–—:.)]?\s*)?(?:reaction|participation|satisfaction|learning|competence|declarative|procedural)\b)/i;
const TARGET_HEADER = /^(?:target|targets|goal|target\s+value|to|desired|expected)$/i;
const BASELINE_HEADER = /^(?:baseline|current|today|from|starting\s+point|now)$/i;
const TIME_HEADER =
  /^(?:timeframe|time\s*frame|deadline|by\s+when|when|due|due\s+date|target\s+date|date|by)$/i;
/** How a measure is taken ("How", "Method", "Data source"): in an evaluation plan it often holds
 * the change itself ("Incident reports fall from 12 to 4 per year"). */
const HOW_HEADER =
  /^(?:how|how\s+(?:measured|we(?:'ll|’ll|\s+will)?\s+measure(?:\s+it)?)|methods?|measurement\s+methods?|data\s+sources?|sources?|instruments?|tools?|measured\s+by)$/i;
/** How often a measure is taken ("Frequency", "Timing", "Measurement period"): joined to the
 * measure as it is written, so that a date in it ("30 days post-training") is the timeframe and
 * "Daily" or "Each session" is none. */
const FREQUENCY_HEADER =
  /^(?:frequency|timing|measurement\s+(?:frequency|timing|period|schedule|points?)|when\s+measured|measured\s+when|review\s+(?:points?|period)|time\s*points?)$/i;
/** A "When" cell that is a bare duration ("30 days", "12 months"): counted from the training. */
const DURATION = new RegExp(
  String.raw`^\s*${NUM}\s*-?\s*(?:days?|weeks?|months?|quarters?|years?)\s*$`,
  'i',
);

/** The words that join a column's cell to the measure ("; " before how it is measured, " from
 * " before a baseline); a bare duration is "within" it. */
function joiner(word: string, part: PlainText): string {
  if (word === ';') return '; ';
  if (word === 'measures') return '; measures ';
  return ` ${word === 'by' && DURATION.test(part.text) ? 'within' : word} `;
}

/** The baseline, target and deadline columns of a table whose outcome column is `roles.outcome`
 * (none of the columns read for another role), with the words that join each to the measure. */
function measureParts(headers: string[], roles: Roles): [number, string][] {
  const clean = headers.map((h) => h.replace(/[*_`:]/g, '').trim());
  const taken = new Set([roles.objective, roles.outcome, roles.assessment, roles.id]);
  const find = (re: RegExp) => clean.findIndex((h, col) => !taken.has(col) && re.test(h));
  const parts: [number, string][] = [
    [find(HOW_HEADER), ';'],
    [find(BASELINE_HEADER), 'from'],
    [find(TARGET_HEADER), 'to'],
    [find(TIME_HEADER), 'by'],
    [find(FREQUENCY_HEADER), ';'],
  ];
  return parts.filter(([col]) => col >= 0);
}

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
    [clean.findIndex((h, col) => col !== measure && HOW_HEADER.test(h)), ';'],
    [clean.findIndex((h) => BASELINE_HEADER.test(h)), 'from'],
    [target, 'to'],
    [clean.findIndex((h) => TIME_HEADER.test(h)), 'by'],
    [clean.findIndex((h) => FREQUENCY_HEADER.test(h)), ';'],
    // "| Objectives |": the IDs of the objectives the row measures ("; measures OBJ1, OBJ2").
    [clean.findIndex((h, col) => col !== measure && OBJECTIVES_HEADER.test(h)), 'measures'],
  ];
  const level = clean.findIndex((h) => LEVEL_HEADER.test(h));
  const sink = newSink(s.section, 'table', span, 'outcome');
  let read = 0;
  for (const row of rows) {
    const cell = row[measure];
    if (!cell) continue;
    // Kirkpatrick levels 1 and 2 (reaction, learning) evaluate the training itself: an
    // evaluation plan's outcomes are its rows at levels 3 and 4.
    const levelCell = level >= 0 ? row[level] : undefined;
    if (levelCell && TRAINING_LEVEL.test(bare(cellText(s.b, levelCell)))) continue;
    let text = sliceByOffsets(plain, cell, s.b.text);
    if (!text.text.trim()) continue;
    for (const [col, word] of parts) {
      const c = col >= 0 ? row[col] : undefined;
      const part = c ? sliceByOffsets(plain, c, s.b.text) : null;
      if (!part || !part.text.trim()) continue;
      text = join(text, joiner(word, part), part);
    }
    const made = addItem(s.b, sink, text, cell, { insertion: null, labels: false });
    if (made) read++;
    datedByLabel(s, made);
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

/** A column naming the objectives a row's assessment checks: "Learning outcomes", "LOs",
 * "CLO(s)", "Outcomes assessed", "Objectives addressed", "Aligned outcomes". */
const OBJECTIVES_HEADER =
  /^(?:(?:aligned|related|linked|mapped|relevant)\s+)?(?:(?:(?:intended|course|module|unit|programme|program|student|expected)\s+)?(?:learning\s+)?(?:outcomes?|objectives?)|[cipsu]?los?|[cipsu]?lo\(s\))(?:\s*\(s\))?(?:\s+(?:assessed|addressed|covered|met|tested|evaluated|mapped|aligned|targeted|demonstrated))?(?:\s*#|\s+nos?\.?|\s+numbers?)?$/i;
/** The column naming the assessment ("Assessment", "Assignment", "Task", "Component"). */
const TASK_HEADER =
  /^(?:assessments?(?:\s+(?:tasks?|items?|components?|types?|methods?|titles?|names?|activit(?:y|ies)))?|assignments?|tasks?|components?|deliverables?|activit(?:y|ies)|items?|coursework|evidence|assessed\s+work|graded\s+work)(?:\s+(?:due|set|this\s+week))?$/i;
/** Columns that are never the assessment's name: weights, dates, marks. */
const OTHER_HEADER =
  /^(?:weight(?:ing)?s?|%|percent(?:age)?|marks?|points?|pts|grade|due(?:\s+date)?|date|deadline|week|when|length|word\s+count|format|type)$/i;
const ALL_CELL = /^all(?:\s+(?:outcomes|objectives|los|clos|ilos))?$/i;
/** One reference in a cell: an ID or a number, or a range of them ("LO1-LO3", "1–3"), or an ID
 * with a letter after its number ("LO1b", an item's ID: ids.ts, ITEM_ID; its letter, group 5). */
const CELL_REFERENCE = new RegExp(
  String.raw`(${ITEM_ID_PREFIX})?(${ID_NUMBER})(?:\s*[-–]\s*(${ITEM_ID_PREFIX})?(\d+)|([a-z])(?![A-Za-z]))?`,
  'g',
);

/**
 * A table of assessments with a column naming the objectives each checks ("| Assessment | Weight
 * | Learning outcomes |" with "1, 2" or "LO1 and LO2" in it), under an assessments heading or
 * with an "Assessment" column: each row is an assessment that checks the objectives its cell
 * names, by ID or by number (the objective of that number among those of the table's section
 * and the sections around it, in order, or the one whose ID ends in that number). A table of
 * weights alone (a grading breakdown) is not one. True when it read the table.
 */
function readAssessmentTable(
  s: Scope,
  span: Span,
  plain: PlainText,
  headers: string[],
  rows: Cell[][],
): boolean {
  const b = s.b;
  const clean = headers.map((h) => h.replace(/[*_`:]/g, '').trim());
  const refs = clean.findIndex((h, col) => {
    if (!OBJECTIVES_HEADER.test(h)) return false;
    const texts = columnTexts(b, rows, col);
    return texts.length > 0 && texts.every((t) => REFERENCE_LIST.test(t) || ALL_CELL.test(t));
  });
  if (refs < 0) return false;
  let task = clean.findIndex((h, col) => col !== refs && TASK_HEADER.test(h));
  if (task < 0 && underAssessments(s))
    task = clean.findIndex(
      (h, col) =>
        col !== refs &&
        !OTHER_HEADER.test(h) &&
        columnTexts(b, rows, col).some((t) => /\p{L}/u.test(t) && !REFERENCE_LIST.test(t)),
    );
  if (task < 0) return false;
  const objectives = objectivesAround(s);
  const sink = newSink(s.section, 'table', span, 'assessment');
  let read = 0;
  for (const row of rows) {
    const cell = row[task];
    if (!cell) continue;
    const text = sliceByOffsets(plain, cell, b.text);
    if (!/[\p{L}\p{N}]/u.test(text.text) || ratingMarks(text.text)) continue;
    const refCell = row[refs];
    const references = refCell ? cellReferences(b, refCell, objectives) : [];
    if (namedAssessment(b, sink, text, cell, references)) read++;
  }
  if (s.naming && read) s.naming.read += read;
  return read > 0;
}

/** An assessment a cell names ("Research essay", "Design portfolio", a matrix's "Quiz 1"): its
 * words are a name, not a task, so no level is read from them (none is taken to ask for less). */
function namedAssessment(
  b: Builder,
  sink: ReturnType<typeof newSink>,
  text: PlainText,
  cell: Cell,
  references: Reference[],
): boolean {
  return !!addItem(b, sink, text, cell, {
    kind: 'assessment',
    insertion: null,
    references,
    task: { texts: [], body: null, title: false },
  });
}

/** The objectives read so far in the section of `s` and the sections around it (not those of
 * its sibling or child sections), in order. */
function objectivesAround(s: Scope): { index: number; id: string; explicitId: boolean }[] {
  const b = s.b;
  const around = new Set<number>();
  for (let k: number | null = s.section; k !== null && k >= 0;) {
    around.add(k);
    k = b.outline.sections[k]?.parent ?? null;
  }
  return b.outline.objectives.filter((o) => around.has(o.section));
}

/**
 * The references of a cell of objectives. An ID as written ("LO1", and both ends of "LO1–LO3") is
 * an ordinary reference (a rename edits it; unknown-reference reports it when it names nothing).
 * A number ("2"), and an ID a range only implies ("LO2" in "LO1–LO3", "LO5" in "LO4-5"), is
 * resolved here to an objective of the course, or dropped: its span is where it is implied, and
 * no rename edits it (`ordinal`).
 */
function cellReferences(
  b: Builder,
  cell: Cell,
  objectives: { index: number; id: string; explicitId: boolean }[],
): Reference[] {
  const src = b.text.slice(cell.start, cell.end);
  const out: Reference[] = [];
  // "2": the objective of that number (an ID ending in it, "CLO2", wins: ids.ts).
  const byNumber = (n: number) => objectiveByCode(objectives, String(n))?.index;
  const span = (start: number, end: number) => ({
    start: cell.start + start,
    end: cell.start + end,
  });
  // "ELO 1.1" is the ID ELO1.1; its span is what is written.
  const written = (id: string, start: number) =>
    out.push({
      id: canonicalId(id),
      span: span(start, start + id.length),
      syntactic: true,
      form: 'keyword',
    });
  const resolved = (id: string, start: number, end: number, ordinal: number | undefined) => {
    if (ordinal !== undefined)
      out.push({ id, span: span(start, end), syntactic: true, form: 'keyword', ordinal });
  };
  // "LO2" of "LO1–LO3" (also "ELO 1 – ELO 3"): the objective with that ID, or, where none has
  // an ID, the second if a learning outcome's code, as the range's ends resolve (workspace.ts);
  // a framework's "K2" of "K1–K3" is no objective's number.
  const byCode = (id: string) => {
    const o = objectiveByCode(objectives, id);
    return o && (o.explicitId || LEARNING_OUTCOME_CODE.test(id)) ? o.index : undefined;
  };
  const implied = (prefix: string, n: number, start: number, end: number) => {
    const id = prefix ? `${prefix.replace(/[-_. ]$/, '')}${n}` : String(n);
    resolved(id, start, end, prefix ? byCode(id) : byNumber(n));
  };
  const trimmed = src.trim();
  if (ALL_CELL.test(bare(src))) {
    const at = src.indexOf(trimmed);
    for (const o of objectives) resolved(trimmed, at, at + trimmed.length, o.index);
    return out;
  }
  CELL_REFERENCE.lastIndex = 0;
  for (let m = CELL_REFERENCE.exec(src); m; m = CELL_REFERENCE.exec(src)) {
    const prefix = m[1] ?? '';
    const first = m[2]!;
    const from = Number(first);
    const to = m[4] !== undefined ? Number(m[4]) : from;
    const end = m.index + m[0].length;
    // "LO1b" is the ID LO1b (a number's letter, "1b", names no objective of its own).
    if (prefix) written(prefix + first + (m[5] ?? ''), m.index);
    else resolved(String(from), m.index, m.index + first.length, byNumber(from));
    if (!(to > from && to - from <= 50 && !first.includes('.'))) continue;
    for (let n = from + 1; n < to; n++) implied(prefix, n, m.index, end);
    if (m[3]) written(m[3] + m[4]!, end - m[4]!.length - m[3].length);
    else implied(prefix, to, end - m[4]!.length, end);
  }
  return out;
}
