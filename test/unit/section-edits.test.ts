// Edits that change the sections of a long outline, as the language server sees them: a heading
// added inside a section (one split in two), a heading line removed (two merged), a heading
// renamed, made deeper or shallower or turned into a name of objectives, lines added or removed
// just before a heading (every later section moves), the same with CRLF line breaks and a BOM, and
// astral characters typed into headings and items. After every edit the outline (its JSON, with
// every position) and the findings of the workspace that reuses what the edit left alone (the
// parse's pieces, the items, the item rules' findings, missing-outcome's) must equal those of a
// fresh analysis of the same text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Workspace } from '../../server/src/core/index.js';
import { mulberry32 } from '../support/random.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));

async function generated(objectives: number, seed: number): Promise<string> {
  const m = (await import(pathToFileURL(`${root}scripts/bench/generate.mjs`).href)) as {
    generateOutline(o: { objectives: number; seed: number }): { text: string };
  };
  return m.generateOutline({ objectives, seed }).text;
}

/** Offsets of the starts of the lines that are ATX headings. */
function headingStarts(text: string): number[] {
  const out: number[] = [];
  const re = /^#{1,6}[ \t]/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push(m.index);
  return out;
}

function lineStarts(text: string): number[] {
  const out = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) out.push(i + 1);
  }
  return out;
}

function lineEnd(text: string, at: number): number {
  let end = at;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  return end;
}

/** The line break after the line at `at` (LF, CRLF or CR), or '' at the end of the text. */
function breakAfter(text: string, end: number): string {
  if (text.startsWith('\r\n', end)) return '\r\n';
  return end < text.length ? text[end]! : '';
}

const NEW_TITLES = [
  'Module 42: Splitting sections',
  'Learning objectives',
  'Outcomes',
  'Lesson 😀 astral',
  'Assessment',
  'Participants will be able to:',
  '𝒳 Notes',
];

type Edit = (text: string, next: () => number, eol: string) => string;

const pick = <T>(list: readonly T[], next: () => number): T =>
  list[Math.floor(next() * list.length)]!;

const EDITS: Record<string, Edit> = {
  /** A heading typed at the start of a line inside a section: the section splits in two. */
  split(text, next, eol) {
    const at = pick(lineStarts(text), next);
    const depth = 2 + Math.floor(next() * 3);
    return `${text.slice(0, at)}${'#'.repeat(depth)} ${pick(NEW_TITLES, next)}${eol}${eol}${text.slice(at)}`;
  },
  /** A heading line removed: its section merges with the one before. */
  merge(text, next) {
    const starts = headingStarts(text);
    if (!starts.length) return text;
    const at = pick(starts, next);
    const end = lineEnd(text, at);
    return text.slice(0, at) + text.slice(end + breakAfter(text, end).length);
  },
  /** A heading renamed: a new title, or words added to it (a new generated-ID prefix). */
  rename(text, next) {
    const starts = headingStarts(text);
    if (!starts.length) return text;
    const at = pick(starts, next);
    const hashes = /^#+[ \t]/.exec(text.slice(at))![0].length;
    const end = lineEnd(text, at);
    const title = next() < 0.5 ? pick(NEW_TITLES, next) : `${text.slice(at + hashes, end)} again`;
    return text.slice(0, at + hashes) + title + text.slice(end);
  },
  /** A heading one level deeper or shallower: the sections under it change parents. */
  depth(text, next) {
    const starts = headingStarts(text);
    if (!starts.length) return text;
    const at = pick(starts, next);
    const hashes = /^#+/.exec(text.slice(at))![0].length;
    if (next() < 0.5 && hashes < 6) return `${text.slice(0, at)}#${text.slice(at)}`;
    return hashes > 1 ? text.slice(0, at) + text.slice(at + 1) : text;
  },
  /** Lines added just before a heading: everything after moves down. */
  insertBefore(text, next, eol) {
    const starts = headingStarts(text);
    if (!starts.length) return text;
    const at = pick(starts, next);
    const lines = pick([eol, `Some prose before the heading.${eol}${eol}`, `${eol}${eol}`], next);
    return text.slice(0, at) + lines + text.slice(at);
  },
  /** The line just before a heading removed (often a blank one; sometimes the heading then
   * continues a paragraph and is no heading). */
  deleteBefore(text, next) {
    const starts = headingStarts(text).filter((s) => s > 0);
    if (!starts.length) return text;
    const at = pick(starts, next);
    const all = lineStarts(text);
    const i = all.indexOf(at);
    if (i <= 0) return text;
    return text.slice(0, all[i - 1]!) + text.slice(at);
  },
  /** Astral characters typed into a heading or an item's text. */
  astral(text, next) {
    const starts = next() < 0.5 ? headingStarts(text) : lineStarts(text);
    if (!starts.length) return text;
    const line = pick(starts, next);
    const end = lineEnd(text, line);
    const at = line + Math.floor(next() * (end - line + 1));
    return text.slice(0, at) + pick(['😀', '𝒳', ' 🎓 ', '👩‍🏫'], next) + text.slice(at);
  },
  /** A list item added before another, or one removed: the generated IDs after it in its
   * section count differently. */
  item(text, next, eol) {
    const items: number[] = [];
    const re = /^- /gm;
    for (let m = re.exec(text); m; m = re.exec(text)) items.push(m.index);
    if (!items.length) return text;
    const at = pick(items, next);
    if (next() < 0.5)
      return `${text.slice(0, at)}- Explain the new policy within 5 minutes${eol}${text.slice(at)}`;
    const end = lineEnd(text, at);
    return text.slice(0, at) + text.slice(end + breakAfter(text, end).length);
  },
  /** A word of an item changed, its length too: the sections after it move by a few characters. */
  word(text, next) {
    const m = /\b(within|Explain|Understand|by Q2|minutes)\b/g;
    const found: number[] = [];
    for (let x = m.exec(text); x; x = m.exec(text)) found.push(x.index);
    if (!found.length) return text;
    const at = pick(found, next);
    return `${text.slice(0, at)}later${text.slice(at + /^\S+/.exec(text.slice(at))![0].length)}`;
  },
};

function fresh(text: string) {
  const ws = new Workspace();
  ws.update('doc.md', text);
  return { json: ws.outlineJson('doc.md'), findings: ws.lint('doc.md') };
}

for (const seed of [21, 22, 23, 24]) {
  test(`section edits (split, merge, rename, depth, lines before headings, astral) equal a fresh analysis (seed ${seed})`, async () => {
    const next = mulberry32(seed);
    const crlf = seed % 2 === 0;
    let text = await generated(140, seed);
    if (crlf) text = `\uFEFF${text.replace(/\n/g, '\r\n')}`;
    const eol = crlf ? '\r\n' : '\n';
    const ws = new Workspace(undefined, { reuseFindings: true });
    ws.update('doc.md', text);
    ws.lint('doc.md');
    const names = Object.keys(EDITS);
    const done = new Map<string, number>();
    for (let i = 0; i < 36; i++) {
      const name = names[i % names.length]!;
      const after = EDITS[name]!(text, next, eol);
      if (after === text) continue;
      done.set(name, (done.get(name) ?? 0) + 1);
      text = after;
      ws.update('doc.md', text);
      const expected = fresh(text);
      assert.deepEqual(
        ws.outlineJson('doc.md'),
        expected.json,
        `outline differs after edit ${i} (${name}, seed ${seed})`,
      );
      assert.deepEqual(
        ws.lint('doc.md'),
        expected.findings,
        `findings differ after edit ${i} (${name}, seed ${seed})`,
      );
    }
    // Every kind of edit was made (a generator that made none would test nothing).
    assert.deepEqual([...done.keys()].sort(), [...names].sort());
    // The outline stayed one with items and sections to reuse.
    const outline = ws.get('doc.md')!;
    assert.ok(outline.objectives.length > 50 && outline.sections.length > 20);
  });
}

/** The line starting at or after `from` that matches `re`: its start, or -1. */
function lineMatching(text: string, re: RegExp, from = 0): number {
  const starts = lineStarts(text);
  for (const s of starts) if (s >= from && re.test(text.slice(s, lineEnd(text, s)))) return s;
  return -1;
}

/** The last line that matches `re`: its start, or -1. */
function lastLineMatching(text: string, re: RegExp): number {
  const starts = lineStarts(text).reverse();
  for (const s of starts) if (re.test(text.slice(s, lineEnd(text, s)))) return s;
  return -1;
}

/** The section whose heading starts at `at`: up to the next heading as deep or shallower. */
function sectionEnd(text: string, at: number): number {
  const depth = /^#+/.exec(text.slice(at))![0].length;
  for (const s of headingStarts(text))
    if (s > at && /^#+/.exec(text.slice(s))![0].length <= depth) return s;
  return text.length;
}

/** Named edits, each where the reuse of sections must get it right (the first and last
 * sections, later sections shifted by lines and by characters of one line, a section deleted,
 * prose paragraphs read as objectives placed again after an edit above them). */
const NAMED: [string, Edit][] = [
  [
    'lines added in the middle: every later section moves down',
    (text, _next, eol) => {
      const at = lineMatching(text, /^- /, Math.floor(text.length / 2));
      return `${text.slice(0, at)}- Explain the new policy within 5 minutes${eol}${eol}Prose.${eol}${eol}${text.slice(at)}`;
    },
  ],
  [
    'characters added on one line in the middle: later sections move along, not down',
    (text) => {
      const at = lineMatching(text, /^- .*\bwithin\b/, Math.floor(text.length / 2));
      const col = text.indexOf('within', at);
      return `${text.slice(0, col)}well within${text.slice(col + 'within'.length)}`;
    },
  ],
  [
    'characters removed from a heading line: later sections move back on the line',
    (text) => {
      const at = lineMatching(text, /^#{2,3} /, Math.floor(text.length / 3));
      const hashes = /^#+ /.exec(text.slice(at))![0].length;
      return text.slice(0, at + hashes) + text.slice(at + hashes + 3);
    },
  ],
  [
    'an edit inside the first section',
    (text) => {
      const at = lineMatching(text, /^- /);
      const end = lineEnd(text, at);
      return `${text.slice(0, end)} within 10 minutes${text.slice(end)}`;
    },
  ],
  [
    'an edit inside the last section',
    (text, _next, eol) => {
      const at = lastLineMatching(text, /^- /);
      return `${text.slice(0, at)}- Configure the 😀 gateway later${eol}${text.slice(at)}`;
    },
  ],
  [
    'prose that reads as objectives, added to a middle section',
    (text, _next, eol) => {
      const at = lineMatching(text, /^By the end of this lesson/, Math.floor(text.length / 2));
      const end = lineEnd(text, at);
      return `${text.slice(0, end)}${eol}${eol}Participants will be able to (1) explain the escalation path within 5 minutes, (2) configure the VPN client, and (3) compare two backup plans.${eol}${eol}In this lesson, you will learn to restore a backup.${text.slice(end)}`;
    },
  ],
  [
    'a line added above that prose: it is placed again, moved',
    (text, _next, eol) => {
      const at = lineMatching(text, /^## /, Math.floor(text.length / 4));
      return `${text.slice(0, at)}A new paragraph.${eol}${eol}${text.slice(at)}`;
    },
  ],
  [
    'a middle section deleted, with its subsections',
    (text) => {
      const at = lineMatching(text, /^## /, Math.floor(text.length / 3));
      return text.slice(0, at) + text.slice(sectionEnd(text, at));
    },
  ],
  [
    'the last section deleted',
    (text) => {
      const starts = headingStarts(text);
      return text.slice(0, starts[starts.length - 1]!);
    },
  ],
  [
    'the first section after the title deleted',
    (text) => {
      const at = lineMatching(text, /^## /);
      return text.slice(0, at) + text.slice(sectionEnd(text, at));
    },
  ],
];

for (const crlf of [false, true]) {
  test(`named section edits equal a fresh analysis (${crlf ? 'CRLF and a BOM' : 'LF'})`, async () => {
    let text = await generated(140, 31);
    if (crlf) text = `\uFEFF${text.replace(/\n/g, '\r\n')}`;
    const eol = crlf ? '\r\n' : '\n';
    const ws = new Workspace(undefined, { reuseFindings: true });
    ws.update('doc.md', text);
    ws.lint('doc.md');
    const next = mulberry32(31);
    let prose = 0;
    for (const [name, edit] of NAMED) {
      const after = edit(text, next, eol);
      assert.notEqual(after, text, `${name}: no change`);
      text = after;
      ws.update('doc.md', text);
      const expected = fresh(text);
      assert.deepEqual(ws.outlineJson('doc.md'), expected.json, `outline: ${name}`);
      assert.deepEqual(ws.lint('doc.md'), expected.findings, `findings: ${name}`);
      prose = Math.max(
        prose,
        ws.get('doc.md')!.objectives.filter((o) => o.source === 'prose').length,
      );
    }
    // The prose was read as objectives (three from the enumeration, one learning sentence).
    assert.ok(prose >= 3, `objectives read from prose: ${prose}`);
  });
}
