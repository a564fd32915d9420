// Bulk suppressions in ESLint's style (eslint.org/docs/latest/use/suppressions): a JSON file,
// `bloomline-suppressions.json`, that records per file (path relative to the project root, "/"
// separators) and per rule how many findings are accepted as they are:
//
//   { "lessons/01-intro.md": { "vague-verb": { "count": 3 } } }
//
// Counts, not positions, so a finding whose line moves stays suppressed. A later run reports a
// rule's findings in a file only when there are more of them than the count; then it reports all
// of them (as ESLint does), since a count cannot tell which one is new. Pure: text in, text out;
// the CLI and the language server read and write the file.

export const SUPPRESSIONS_FILE = 'bloomline-suppressions.json';

/** File (relative, "/") -> rule -> accepted count. Maps, so no key ("__proto__") is special. */
export type Suppressions = Map<string, Map<string, number>>;

export type ParsedSuppressions =
  { ok: true; suppressions: Suppressions } | { ok: false; reason: string };

/** Reads the file's text; anything that is not the documented shape is refused with a reason. */
export function parseSuppressions(text: string): ParsedSuppressions {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    return { ok: false, reason: `it is not valid JSON (${(err as Error).message})` };
  }
  if (!isObject(raw))
    return {
      ok: false,
      reason: 'it must be a JSON object of file paths (see docs/suppressions.md)',
    };
  const out: Suppressions = new Map();
  for (const [file, rules] of Object.entries(raw)) {
    if (!file) return { ok: false, reason: 'a file path is empty' };
    if (!isObject(rules))
      return { ok: false, reason: `"${file}" must map rule IDs to { "count": N }` };
    const counts = new Map<string, number>();
    for (const [rule, entry] of Object.entries(rules)) {
      const count = isObject(entry) ? entry.count : undefined;
      if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 0) {
        return {
          ok: false,
          reason: `"${file}" > "${rule}" must be { "count": N } with N a whole number of 0 or more`,
        };
      }
      if (count > 0) counts.set(rule, count);
    }
    if (counts.size) out.set(file, counts);
  }
  return { ok: true, suppressions: out };
}

/** The file's text: files and rules in code-unit order, two-space indent, a final newline, so
 * the same suppressions are always the same bytes (a clean diff in review). */
export function formatSuppressions(suppressions: Suppressions): string {
  const files = [...suppressions.keys()].sort(compare);
  const obj: Record<string, Record<string, { count: number }>> = Object.create(null) as Record<
    string,
    Record<string, { count: number }>
  >;
  for (const file of files) {
    const rules = suppressions.get(file)!;
    if (!rules.size) continue;
    const entry: Record<string, { count: number }> = Object.create(null) as Record<
      string,
      { count: number }
    >;
    for (const rule of [...rules.keys()].sort(compare)) entry[rule] = { count: rules.get(rule)! };
    obj[file] = entry;
  }
  return JSON.stringify(obj, null, 2) + '\n';
}

/** How many findings each rule has. */
export function countByRule(findings: readonly { ruleId: string }[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(f.ruleId, (counts.get(f.ruleId) ?? 0) + 1);
  return counts;
}

/** One file's findings, keyed by its path as the suppressions file writes it. */
export interface FileFindings<F extends { ruleId: string }> {
  file: string;
  findings: readonly F[];
}

/**
 * Records today's findings of the files checked: with `rules` absent (`--suppress-all`) each
 * checked file's entry becomes exactly its current counts; with `rules` only those rules' counts
 * are set (and dropped where the rule no longer fires). Files not checked keep their entries.
 */
export function recordSuppressions<F extends { ruleId: string }>(
  previous: Suppressions,
  results: readonly FileFindings<F>[],
  rules?: readonly string[],
): Suppressions {
  const next = clone(previous);
  for (const { file, findings } of results) {
    const counts = countByRule(findings);
    const entry = rules ? (next.get(file) ?? new Map<string, number>()) : new Map<string, number>();
    if (rules) {
      for (const rule of rules) {
        const n = counts.get(rule) ?? 0;
        if (n > 0) entry.set(rule, n);
        else entry.delete(rule);
      }
    } else {
      for (const [rule, n] of counts) entry.set(rule, n);
    }
    if (entry.size) next.set(file, entry);
    else next.delete(file);
  }
  return next;
}

/**
 * `--prune-suppressions`: lowers each count of a checked file to the findings that still occur
 * (never raises one), drops entries that reach zero, and drops files that no longer exist.
 */
export function pruneSuppressions<F extends { ruleId: string }>(
  previous: Suppressions,
  results: readonly FileFindings<F>[],
  exists: (file: string) => boolean,
): Suppressions {
  const next = clone(previous);
  for (const { file, findings } of results) {
    const entry = next.get(file);
    if (!entry) continue;
    const counts = countByRule(findings);
    for (const [rule, allowed] of [...entry]) {
      const found = counts.get(rule) ?? 0;
      if (found === 0) entry.delete(rule);
      else if (found < allowed) entry.set(rule, found);
    }
    if (!entry.size) next.delete(file);
  }
  for (const file of [...next.keys()]) if (!exists(file)) next.delete(file);
  return next;
}

export interface Applied<F extends { ruleId: string }> {
  /** The findings to report. */
  kept: F[];
  /** The findings the counts cover. */
  suppressed: F[];
  /** Rules with more findings than their count: all of their findings are kept. */
  exceeded: { ruleId: string; allowed: number; found: number }[];
  /** Counts larger than what was found: suppressions to prune. */
  unused: { ruleId: string; allowed: number; found: number }[];
}

/** Applies one file's entry (undefined: none) to its findings. */
export function applySuppressions<F extends { ruleId: string }>(
  findings: readonly F[],
  entry: ReadonlyMap<string, number> | undefined,
): Applied<F> {
  if (!entry || !entry.size)
    return { kept: [...findings], suppressed: [], exceeded: [], unused: [] };
  const counts = countByRule(findings);
  const hidden = new Set<string>();
  const exceeded: Applied<F>['exceeded'] = [];
  const unused: Applied<F>['unused'] = [];
  for (const [ruleId, allowed] of entry) {
    const found = counts.get(ruleId) ?? 0;
    if (found <= allowed) hidden.add(ruleId);
    if (found > allowed) exceeded.push({ ruleId, allowed, found });
    else if (found < allowed) unused.push({ ruleId, allowed, found });
  }
  const kept: F[] = [];
  const suppressed: F[] = [];
  for (const f of findings) (hidden.has(f.ruleId) ? suppressed : kept).push(f);
  return { kept, suppressed, exceeded, unused };
}

function clone(s: Suppressions): Suppressions {
  return new Map([...s].map(([file, rules]) => [file, new Map(rules)]));
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
