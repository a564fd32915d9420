// Reader: front matter. `title:` names the course; `objectives:` and `outcomes:` are lists of
// sentences (the Carpentries' older format, R Markdown lessons).
import type { RootContent } from 'mdast';
import type { ItemKind } from '../../model.js';
import { off, type Builder } from '../context.js';
import { addItem, newSink } from '../items.js';
import { blockName, type BlockName } from '../names.js';
import { ruleOf } from '../scope.js';
import { readFrontMatterYaml } from './front-matter-yaml.js';
import type { PlainText } from '../plain.js';

/** `title = "..."` in TOML front matter (a basic or literal string on one line). */
const TOML_TITLE = /^[ \t]*title[ \t]*=[ \t]*(?:"((?:[^"\\\r\n]|\\.)*)"|'([^'\r\n]*)')/m;

export function readFrontMatter(b: Builder, node: RootContent): void {
  // Hugo's TOML front matter: its title names the course; its tables are the theme's settings.
  if (node.type === 'toml') {
    const m = TOML_TITLE.exec(node.value);
    const title = (m?.[1] ?? m?.[2])?.trim();
    if (title) b.outline.title = title;
    readTomlLists(b, node.value, contentStartOf(b, off(b, node)), off(b, node));
    return;
  }
  if (node.type !== 'yaml') return;
  const span = off(b, node);
  const contentStart = contentStartOf(b, span);
  let yaml;
  try {
    // The YAML parser does not take a lone CR for a line break; LF in its place keeps offsets.
    yaml = readFrontMatterYaml(node.value.replace(/\r(?!\n)/g, '\n'));
  } catch {
    b.outline.notes.push({ message: 'The front matter could not be read as YAML.', span });
    return;
  }
  if (yaml.error !== null) {
    b.outline.notes.push({ message: `The front matter is not valid YAML: ${yaml.error}`, span });
  }
  for (const pair of yaml.pairs) {
    const rawKey = pair.key;
    const key = rawKey.toLowerCase();
    if (key === 'title' && pair.text !== null) b.outline.title = pair.text.trim();
    // `objectives:`, `learning_objectives:`, `learningOutcomes:`, `goals:` ...: a key named
    // like a block (names.ts), weak names ("goals") included, since a front matter key is
    // written for what it holds.
    const name = key === 'outcomes' ? null : frontMatterName(rawKey);
    const kind: ItemKind | null =
      key === 'outcomes' ? 'outcome' : name && name.kind !== 'assessment' ? name.kind : null;
    if (!kind) continue;
    if (!pair.items) {
      b.outline.notes.push({
        message: `Front matter "${key}" should be a list of sentences; it was ignored.`,
        span,
      });
      continue;
    }
    // `outcomes:` in a lesson's front matter are often learner statements: the items decide.
    const sink = newSink(
      0,
      'front-matter',
      span,
      kind === 'outcome' ? 'outcome-unless-learner' : name ? ruleOf(name) : 'objective',
    );
    for (const entry of pair.items) {
      if (!entry) continue;
      const { value, start: s, end: e } = entry;
      const raw = node.value.slice(s, e);
      // Offsets are exact only where the source is the value itself (plain or simply quoted).
      let inner = -1;
      if (raw === value) inner = s;
      else if ((raw === `"${value}"` || raw === `'${value}'`) && !value.includes('\n'))
        inner = s + 1;
      const srcStart = contentStart + (inner >= 0 ? inner : s);
      const offsets = new Array<number>(value.length + 1);
      for (let k = 0; k <= value.length; k++)
        offsets[k] = inner >= 0 ? srcStart + k : k === value.length ? contentStart + e : srcStart;
      const plain: PlainText = { text: value, offsets };
      addItem(
        b,
        sink,
        plain,
        { start: contentStart + s, end: contentStart + e },
        { labels: false, exact: inner >= 0 },
      );
    }
  }
}

/** Where the front matter's content starts: after the opening fence's line break, which may
 * be CR, LF or CRLF (looking for "\n" only put every item of a CR file's front matter at the
 * wrong offsets, past the end of the text for the last one; found by the spans property test). */
function contentStartOf(b: Builder, span: { start: number; end: number }): number {
  let firstBreak = span.start;
  while (firstBreak < span.end && b.text[firstBreak] !== '\n' && b.text[firstBreak] !== '\r')
    firstBreak++;
  return firstBreak >= span.end
    ? span.end
    : firstBreak + (b.text[firstBreak] === '\r' && b.text[firstBreak + 1] === '\n' ? 2 : 1);
}

/** A TOML table header ("[objectives]", "[build]") or array-of-tables header ("[[exercises]]").
 * The name's words are separated by spaces and cannot start or end with one, so that no two
 * parts of the pattern can take the same run of spaces (a lazy name of spaces between two runs
 * of optional spaces took cubic time on a line of spaces: 100,000 of them never finished). */
const TOML_TABLE =
  /^[ \t]*\[{1,2}[ \t]*([A-Za-z0-9_.\-"']+(?:[ \t]+[A-Za-z0-9_.\-"']+)*)[ \t]*\]{1,2}[ \t]*(?:#.*)?$/;
/** `key = "value"` in a table (CodeYourFuture: `1="Explain ..."`). */
const TOML_STRING_PAIR =
  /^[ \t]*(?:[A-Za-z0-9_-]+|"[^"\r\n]*")[ \t]*=[ \t]*("(?:[^"\\\r\n]|\\.)*"|'[^'\r\n]*')/;
/** `objectives = [` at the top level: an array, maybe of arrays, maybe over several lines. */
const TOML_ARRAY_KEY = /^[ \t]*([A-Za-z0-9_-]+)[ \t]*=[ \t]*\[/;
/** A basic or literal string in an array. */
const TOML_STRING = /"((?:[^"\\\r\n]|\\.)*)"|'([^'\r\n]*)'/g;

/**
 * Hugo's TOML front matter lists a page's objectives as a table of numbered strings
 * (`[objectives]` with `1="Explain ..."`, CodeYourFuture's curriculum) or as an array of strings
 * (`objectives = ["...", "..."]`, nested or not). A key or table named like a block of
 * objectives is read, as `objectives:` in YAML is; other tables are the theme's settings.
 */
function readTomlLists(
  b: Builder,
  toml: string,
  contentStart: number,
  span: { start: number; end: number },
): void {
  const lines: { text: string; at: number }[] = [];
  for (let at = 0; at <= toml.length;) {
    const m = /\r\n|\r|\n/.exec(toml.slice(at));
    const end = m ? at + m.index : toml.length;
    lines.push({ text: toml.slice(at, end), at });
    if (!m) break;
    at = end + m[0].length;
  }
  const entries: { kind: ItemKind; name: BlockName | null; strings: [number, number, string][] }[] =
    [];
  let table: (typeof entries)[number] | null = null;
  let array: (typeof entries)[number] | null = null;
  let depth = 0;
  const kindOf = (key: string): { kind: ItemKind; name: BlockName | null } | null => {
    const k = key.replace(/^"|"$/g, '').trim();
    if (k.toLowerCase() === 'outcomes') return { kind: 'outcome', name: null };
    const name = frontMatterName(k);
    return name && name.kind !== 'assessment' ? { kind: name.kind, name } : null;
  };
  const strings = (text: string, at: number, into: [number, number, string][]) => {
    TOML_STRING.lastIndex = 0;
    for (let m = TOML_STRING.exec(text); m; m = TOML_STRING.exec(text)) {
      const value = m[1] ?? m[2] ?? '';
      // A basic string with an escape (\" or \n) is left out: its text is not the file's, so
      // no finding could point into it.
      if (m[1] !== undefined && value.includes('\\')) continue;
      into.push([at + m.index + 1, at + m.index + 1 + value.length, value]);
    }
  };
  for (const line of lines) {
    if (array) {
      // Inside a multi-line array: its strings, until its brackets close.
      const text = line.text.replace(/#.*$/, (c) => (/["']/.test(c) ? c : ''));
      strings(text, line.at, array.strings);
      for (const ch of text.replace(/"(?:[^"\\]|\\.)*"|'[^']*'/g, '')) {
        if (ch === '[') depth++;
        else if (ch === ']') depth--;
      }
      if (depth <= 0) array = null;
      continue;
    }
    const header = TOML_TABLE.exec(line.text);
    if (header && !/=/.test(line.text)) {
      const kind = header[0].includes('[[') ? null : kindOf(header[1]!);
      table = kind ? { ...kind, strings: [] } : null;
      if (table) entries.push(table);
      continue;
    }
    if (table) {
      const pair = TOML_STRING_PAIR.exec(line.text);
      if (pair) strings(pair[1]!, line.at + pair[0].length - pair[1]!.length, table.strings);
      continue;
    }
    const key = TOML_ARRAY_KEY.exec(line.text);
    if (key) {
      const kind = kindOf(key[1]!);
      if (!kind) continue;
      const entry = { ...kind, strings: [] as [number, number, string][] };
      entries.push(entry);
      const rest = line.text.slice(key[0].length - 1);
      depth = 0;
      strings(rest, line.at + key[0].length - 1, entry.strings);
      for (const ch of rest.replace(/"(?:[^"\\]|\\.)*"|'[^']*'/g, '')) {
        if (ch === '[') depth++;
        else if (ch === ']') depth--;
      }
      if (depth > 0) array = entry;
    }
  }
  for (const entry of entries) {
    if (!entry.strings.length) continue;
    const sink = newSink(
      0,
      'front-matter',
      span,
      entry.kind === 'outcome'
        ? 'outcome-unless-learner'
        : entry.name
          ? ruleOf(entry.name)
          : 'objective',
    );
    for (const [s0, e0, value] of entry.strings) {
      if (!value.trim()) continue;
      const start = contentStart + s0;
      const offsets = new Array<number>(value.length + 1);
      for (let k = 0; k <= value.length; k++) offsets[k] = start + k;
      const plain: PlainText = { text: value, offsets };
      addItem(b, sink, plain, { start, end: contentStart + e0 }, { labels: false, exact: true });
    }
  }
}

/** "learning_objectives", "learning-objectives", "learningObjectives" -> a block name. */
function frontMatterName(key: string): BlockName | null {
  if (!key || key.length > 60) return null;
  const words = key
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[-_.]+/g, ' ')
    .toLowerCase();
  const name = blockName(words);
  return name && (name.strength === 'strong' || /^(?:goals|aims)$/.test(words)) ? name : null;
}
