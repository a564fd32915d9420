// What the front matter reader needs of the YAML: its top-level keys, in order, each with a
// string value or a list of strings (with their ranges in the YAML). The `yaml` package reads
// it in full, which took about 0.3 ms for a four-line front matter ("title: Hosting",
// "teaching: 10", "exercises: 0"): 3% of `check`'s CPU on the 464 Carpentries lessons
// (BENCHMARKS.md, "Reading less of each lesson"). Front matter of the simplest shapes is read
// here line by line instead; anything else (comments, quotes with escapes, flow collections,
// nested maps, folded or multi-line values, anchors, tags, CR, tabs, documents markers ...)
// goes to the package, as before. The simple reader answers only where it is sure of the
// package's answer: test/unit/front-matter-yaml.test.ts compares both on every front matter of
// the corpora, examples and fixtures and on generated ones, and checks that the simple reader
// is taken on the Carpentries lessons.
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';

/** A list entry that is a string, with its range in the YAML (from the opening quote, if any,
 * to the end of the value); null for an entry that is anything else. */
export type FrontMatterEntry = { value: string; start: number; end: number } | null;

export interface FrontMatterPair {
  /** The key as the `yaml` package reads it, as a string ('' for a key that is not a scalar). */
  key: string;
  /** A string value; null for a value that is no string (a number, null, a list, a map). */
  text: string | null;
  /** The entries of a list value; null when the value is not a list. */
  items: FrontMatterEntry[] | null;
}

export interface FrontMatterYaml {
  /** The pairs of the top-level map (none when the YAML is not a map). */
  pairs: FrontMatterPair[];
  /** The first error's message (its first line), if the YAML is not valid. */
  error: string | null;
}

/** Reads front matter YAML (LF line breaks). Throws where the `yaml` package throws. */
export function readFrontMatterYaml(yaml: string): FrontMatterYaml {
  return readSimple(yaml) ?? readWithPackage(yaml);
}

export function readWithPackage(yaml: string): FrontMatterYaml {
  const doc = parseDocument(yaml, { prettyErrors: false, uniqueKeys: false });
  const error = doc.errors.length ? doc.errors[0]!.message.split('\n')[0]! : null;
  const contents = doc.contents;
  if (!isMap(contents)) return { pairs: [], error };
  const pairs = contents.items.map((pair): FrontMatterPair => {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const value = pair.value;
    if (isSeq(value)) {
      const items = value.items.map((entry): FrontMatterEntry => {
        if (!isScalar(entry) || typeof entry.value !== 'string' || !entry.range) return null;
        return { value: entry.value, start: entry.range[0], end: entry.range[1] };
      });
      return { key, text: null, items };
    }
    const text = isScalar(value) && typeof value.value === 'string' ? value.value : null;
    return { key, text, items: null };
  });
  return { pairs, error };
}

/** A key: a letter or "_", then letters, digits, "_" and "-". */
const KEY = /^([A-Za-z_][A-Za-z0-9_-]{0,99}):(?: +(.*))?$/;
/** A list entry line: "- value", indented by spaces or not. */
const ENTRY = /^( *)- +(.+)$/;
/** Words YAML's core schema reads as null or a boolean, not as a string. */
const NOT_STRINGS = new Set([
  'null',
  'Null',
  'NULL',
  'true',
  'True',
  'TRUE',
  'false',
  'False',
  'FALSE',
]);
/** Characters this reader leaves to the package wherever they are: controls (tab included; CR
 * but in CRLF), C1 controls, byte order marks, and the non-characters YAML refuses. */
// eslint-disable-next-line no-control-regex -- control characters are what it looks for.
const UNSAFE = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f\ufeff\ufffe\uffff]|\r(?!\n)/;

/** A scalar as written after "key: " or "- ": its string value, or null for a plain number;
 * undefined when this reader is not sure how YAML reads it.
 * Plain: starts with a letter, no " #" (a comment), no ": " and no ":" at the end (a map),
 * no trailing spaces. Quoted: "..." without "\" or '"' inside, '...' without "'" inside. */
function scalar(raw: string): { value: string | null } | undefined {
  const first = raw.charCodeAt(0);
  if (first === 0x22 /* " */ || first === 0x27 /* ' */) {
    const q = raw[0]!;
    const inner = raw.slice(1, -1);
    if (raw.length < 2 || raw[raw.length - 1] !== q || inner.includes(q)) return undefined;
    if (q === '"' && inner.includes('\\')) return undefined;
    return { value: inner };
  }
  if (/^[0-9]{1,15}$/.test(raw)) return { value: null };
  if (!/^[A-Za-z]/.test(raw)) return undefined;
  if (/ #|: |:$|\s$/.test(raw)) return undefined;
  if (NOT_STRINGS.has(raw)) return undefined;
  return { value: raw };
}

/** The simplest front matter, read line by line; null where the package must read it. */
export function readSimple(yaml: string): FrontMatterYaml | null {
  if (UNSAFE.test(yaml)) return null;
  const pairs: FrontMatterPair[] = [];
  let list: { pair: FrontMatterPair; indent: number } | null = null;
  let at = 0;
  for (const full of yaml.split('\n')) {
    const start = at;
    at += full.length + 1;
    const line = full.endsWith('\r') ? full.slice(0, -1) : full;
    if (line === '') continue;
    const entry = ENTRY.exec(line);
    if (entry) {
      const indent = entry[1]!.length;
      // Entries follow a key with nothing after its colon, all at one indentation.
      if (!list || (list.pair.items!.length > 0 && indent !== list.indent)) return null;
      const raw = entry[2]!;
      const read = scalar(raw);
      if (!read) return null;
      const from = start + line.length - raw.length;
      list.indent = indent;
      list.pair.items!.push(
        read.value === null ? null : { value: read.value, start: from, end: from + raw.length },
      );
      continue;
    }
    const m = KEY.exec(line);
    if (!m || NOT_STRINGS.has(m[1]!)) return null;
    if (list && list.pair.items!.length === 0) list.pair.items = null;
    list = null;
    const raw = m[2] ?? '';
    if (raw === '') {
      // "key:" then nothing (null) or a list on the lines after it.
      const pair: FrontMatterPair = { key: m[1]!, text: null, items: [] };
      pairs.push(pair);
      list = { pair, indent: -1 };
      continue;
    }
    const read = scalar(raw);
    if (!read) return null;
    pairs.push({ key: m[1]!, text: read.value, items: null });
  }
  if (list && list.pair.items!.length === 0) list.pair.items = null;
  return { pairs, error: null };
}
