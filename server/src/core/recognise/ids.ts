// Item IDs (OUTLINE-CONVENTIONS.md section 6): the pieces every reader recognises an ID by. Each
// reader keeps its own context (an ID column's cell, an ID before a list item's text, a
// reference in prose, an ID at an item's start: items.ts, readId) as a thin wrapper over these,
// so the languages differ only where a context means them to (test/unit/ids.test.ts shows each).

/** An ID's letters: "LO", "CLO", "K", "TLO". */
export const ID_LETTERS = String.raw`[A-Za-z]{1,12}`;
/** An ID's number, with its parts: "1", "1.2", "3.1.4". */
export const ID_NUMBER = String.raw`\d+(?:\.\d+)*`;
/** An objective's ID written with a space ("TLO 1", "ELO 1.1", "LO 3", "Objective 2", "objective
 * 2"): only after a prefix that names an objective or outcome, so "ISO 9001" or "Week 3" is never
 * one. */
export const SPACED_PREFIX = String.raw`(?:[A-Z]{0,2}LOs?|OBJ|KSB|EO|TO|EPA|[Oo]bjective|[Oo]utcome) `;
export const SPACED_ID = String.raw`${SPACED_PREFIX}${ID_NUMBER}\b`;
/**
 * An ID an item carries in a table's ID column or before its text: letters, a separator
 * ("LO-1", "LO_1", "LO.1"), the number and a letter after it ("LO1a", BTEC's "P1" and "M2a"), or
 * a spaced one ("ELO 1.1"). Where it stands, the item's own ID, marks it as one. ITEM_ID_PREFIX
 * is what stands before its number ("LO", "LO-", "LO_", "LO.", "ELO ").
 */
export const ITEM_ID_PREFIX = String.raw`(?:${ID_LETTERS}[-_.]?|${SPACED_PREFIX})`;
export const ITEM_ID = String.raw`${ITEM_ID_PREFIX}${ID_NUMBER}[a-z]?`;
/**
 * An ID written in prose as a reference ("(LO1, LO2)", "supports CLO-2", "(LO1a)"): narrower than
 * an item's, with no "." or "_" between letters and number, since in running text "(p.12)",
 * "(Fig.3)" or "(ch.2)" are pages and figures, not objectives (references.ts).
 */
export const REFERENCE_ID = String.raw`${ID_LETTERS}-?${ID_NUMBER}(?:[a-z](?![A-Za-z0-9]))?`;

/** A chapter, section, figure, table, equation, appendix, volume, page, paragraph or slide with
 * its number ("Ch6", "Sec2", "Fig3", "Tbl1", "App2", "pp12", "Slide4"). */
export const DOCUMENT_PART =
  /^(?:ch|chap|chapter|sec|sect|section|fig|figure|eq|eqn|tbl|tab|table|app|appx|appendix|vol|p|pp|pg|page|para|slide|unit)\d/i;

/**
 * Whether a reference that names no item was meant as one of the course's IDs (so it is an error,
 * and an assessment that writes it links explicitly rather than by its section), given the
 * letters of the IDs the course has (`prefixes`, lower case) and whether any of them carries a
 * letter after its number (`lettered`, "LO1a"):
 * - a letter after the number ("CO2e", "(LO1A)") only where some ID is written so: "tonnes of
 *   CO2e" is a unit;
 * - in parentheses, only with the letters of the course's IDs: "(ISO9001)", "(A4)", "(CO2)" in a
 *   course whose IDs are LO1, LO2 are not one;
 * - a part of a document ("see Sec2", "cf. Fig3") only with the letters of the course's IDs (a
 *   security course's "SEC1").
 * After a keyword ("supports LO9"), any other is meant.
 */
export function meantAsId(
  ref: { id: string; form: 'parenthesised' | 'keyword' | 'bare' },
  prefixes: ReadonlySet<string>,
  lettered: boolean,
): boolean {
  if (!lettered && letteredId(ref.id)) return false;
  if (prefixes.has(idLetters(ref.id))) return true;
  return ref.form !== 'parenthesised' && !DOCUMENT_PART.test(ref.id);
}

/** Whether an ID carries a letter after its number ("LO1a", BTEC's "M2a"). */
export function letteredId(id: string): boolean {
  return /\d[a-z]$/i.test(id);
}

/** The letters of an ID, lower case ("lo" for "LO1.2", "k" for "K3"). */
export function idLetters(id: string): string {
  return id.replace(/-?\d.*$/, '').toLowerCase();
}

/** The ID a spaced one stands for: "ELO 1.1" is ELO1.1. */
export function canonicalId(id: string): string {
  return id.includes(' ') ? id.replace(/ /g, '') : id;
}

/** A table's ID cell that holds an ID ("LO1", "CLO2.1", "ELO 1.1"); a number alone is none. */
export const ID_CELL = new RegExp(String.raw`^${ITEM_ID}$`);

/** An item's ID before its text ("LO1 ", "[CLO2] ", "ELO 1.1: "), skipped when asking whether the
 * text is a statement (lists.ts): "**LO1** Explain how a bond is priced" is no statement about
 * "LO1". */
export const LEADING_ID = new RegExp(String.raw`^\[?${ITEM_ID}\]?:?\s+(?=\S)`);

/** The codes of a course's learning outcomes, with their number: LO, ILO (intended), CLO
 * (course), SLO (student), MLO (module), ULO (unit), ELO (enabling), TLO (terminal), CO (course
 * outcome). In prose such a code names the objective of its number where the objectives have no
 * IDs (a module descriptor's "LO3"); other letters ("K3", "S2") are a framework's. */
export const LEARNING_OUTCOME_CODE = /^(?:lo|ilo|clo|slo|mlo|ulo|elo|tlo|co)(\d{1,2})$/i;

/** An item a code may name by its number: its ID, and whether the author gave it one. */
export interface Coded {
  id: string;
  explicitId: boolean;
}

/** A code's letters (lower case, "" for a number alone) and number: "CLO 2" is clo and 2,
 * "LO-1.2" lo and 1.2, "3" is 3. */
function splitCode(code: string): { letters: string; number: string } | null {
  const m = /^([A-Za-z]*)[-_.#\s]*(\d+(?:\.\d+)*[a-z]?)$/.exec(code.trim());
  return m ? { letters: m[1]!.toLowerCase(), number: m[2]! } : null;
}

/**
 * The objective a code names by its number ("CLO 2" in a matrix's header, "2" or the "LO2" of
 * "LO1–LO3" in an assessment table's cell, an unresolved "LO3" in prose), one rule for all:
 * 1. the objective whose own ID is the code, separators and case aside ("CLO-2", "clo2");
 * 2. for a number alone, the one objective whose own ID ends in it ("CLO3" for "3");
 * 3. where no objective has an ID of its own, the one of that number in `ordered` (the course's
 *    list, by default `objectives`), counted from 1.
 * Where some objectives have IDs and none matches, a number names none (the author numbers by
 * ID). Which letters name objectives at all is the caller's context (a matrix's header, a cell
 * of a "Learning outcomes" column, LEARNING_OUTCOME_CODE in prose).
 */
export function objectiveByCode<T extends Coded>(
  objectives: readonly T[],
  code: string,
  ordered: readonly T[] = objectives,
): T | undefined {
  const c = splitCode(code);
  if (!c) return undefined;
  const key = c.letters + c.number;
  const named = objectives.find((o) => {
    if (!o.explicitId) return false;
    const own = splitCode(o.id);
    return !!own && own.letters + own.number === key;
  });
  if (named) return named;
  if (!c.letters) {
    const end = new RegExp(String.raw`(?:^|\D)0*${c.number.replace(/\./g, '\\.')}$`);
    const ending = objectives.filter((o) => o.explicitId && end.test(o.id));
    if (ending.length === 1) return ending[0];
  }
  if (objectives.some((o) => o.explicitId) || !/^\d+$/.test(c.number)) return undefined;
  return ordered[Number(c.number) - 1];
}
