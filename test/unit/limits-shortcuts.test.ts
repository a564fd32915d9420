// The whole-text scans that run on every edit (limits.ts: the nesting depth of declineReason, the
// dense paragraphs of maskDenseInline) skip their line-by-line scan when a cheap count shows it
// would find nothing. The counts must never skip a text the scan would act on: random texts made
// of container prefixes, delimiters, blank lines, fences and CRLF, near each limit, are given to
// both, and every text the scan acts on must be one the count sends to it. After an edit, the
// scans read only the lines the edit changed (textChange in parse.ts): random edits of random
// texts for which a scan found nothing are scanned both ways, and must agree.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  deepPrefixes,
  denseStretch,
  forEachLine,
  MAX_INLINE_DELIMITERS,
  MAX_NESTING_DEPTH,
  maskDenseInline,
  maskDenseParagraphs,
} from '../../server/src/core/limits.js';
import { mayHoldContainers } from '../../server/src/core/recognise/containers.js';
import { mulberry32 } from '../support/random.js';

const PREFIX = [' ', '  ', '\t', '> ', '>', '- ', '* ', '+ ', '1. ', '2) ', '12. ', '1', '-'];
const BREAKS = ['\n', '\r\n', '\r', '\n \n', '\n\t\n', '\r\n\r\n', '\n\n'];

function maxDepth(text: string): number {
  let most = 0;
  forEachLine(text, (line) => {
    most = Math.max(most, line.depth);
    return true;
  });
  return most;
}

test('the nesting shortcut sends every text with a line deeper than the limit to the scan', () => {
  const next = mulberry32(7);
  let deep = 0;
  let skipped = 0;
  for (let round = 0; round < 1500; round++) {
    const lines: string[] = [];
    const count = 1 + Math.floor(next() * 4);
    for (let l = 0; l < count; l++) {
      // Tabs of indentation (2 levels a character) before a marker, then markers and quotes:
      // depths on both sides of the limit, the shortest prefix for a depth included.
      const tabs =
        next() < 0.5 ? Math.floor(next() * 40) : MAX_NESTING_DEPTH / 2 - 3 + Math.floor(next() * 6);
      let prefix = '\t'.repeat(tabs) + ' '.repeat(next() < 0.5 ? 0 : Math.floor(next() * 4));
      const r0 = next();
      const pieces = r0 < 0.3 ? 0 : Math.floor(next() * (r0 < 0.6 ? 8 : MAX_NESTING_DEPTH + 8));
      for (let p = 0; p < pieces; p++) prefix += PREFIX[Math.floor(next() * PREFIX.length)]!;
      // A marker at the end of its line counts with nothing after it (the tightest prefix).
      const r = next();
      lines.push(`${prefix}${r < 0.2 ? '```' : r < 0.5 ? '-' : 'item'}`);
    }
    let text = '';
    for (const line of lines) text += line + BREAKS[Math.floor(next() * BREAKS.length)]!;
    const tooDeep = maxDepth(text) > MAX_NESTING_DEPTH;
    if (tooDeep) {
      deep++;
      assert.ok(
        deepPrefixes(text),
        `a line deeper than the limit was skipped: ${JSON.stringify(text)}`,
      );
    }
    if (!deepPrefixes(text)) skipped++;
  }
  // Both sides were met: texts too deep, and texts the shortcut spares the scan.
  assert.ok(deep > 50, `texts too deep: ${deep}`);
  assert.ok(skipped > 50, `texts skipped: ${skipped}`);
});

test('the dense-paragraph shortcut sends every text the scan would mask to it', () => {
  const next = mulberry32(8);
  const WORDS = ['**LO1:**', '_x_', '[a]', 'word', '*', 'plain text', '[', '`code`'];
  let masked = 0;
  let skipped = 0;
  for (let round = 0; round < 600; round++) {
    let text = '';
    // One kind of line break per text (CRLF in a third): a paragraph over several lines.
    const eol = next() < 0.33 ? '\r\n' : '\n';
    const lines = 1 + Math.floor(next() * 12);
    // Delimiters per line so that a paragraph of a few lines reaches the limit.
    const per = Math.floor((MAX_INLINE_DELIMITERS / 4) * (0.5 + next()));
    for (let l = 0; l < lines; l++) {
      const r = next();
      if (r < 0.1) text += '```\n';
      else if (r < 0.2) text += '- ';
      else if (r < 0.25) text += '# ';
      for (let w = 0; w < per / 2; w++) text += `${WORDS[Math.floor(next() * WORDS.length)]!} `;
      text += next() < 0.3 ? BREAKS[Math.floor(next() * BREAKS.length)]! : eol;
    }
    const scanned = maskDenseParagraphs(text);
    const result = maskDenseInline(text);
    if (scanned !== text) masked++;
    else if (result === text) skipped++;
    assert.equal(
      result,
      scanned,
      `the shortcut changed the result of ${JSON.stringify(text.slice(0, 80))}`,
    );
  }
  assert.ok(masked > 10, `texts masked: ${masked}`);
  assert.ok(skipped > 30, `texts left alone: ${skipped}`);
});

/** Where two texts differ: the code units they share at the start and the end (not overlapping),
 * as textChange finds them. */
function changed(old: string, text: string): { from: number; to: number } {
  const max = Math.min(old.length, text.length);
  let prefix = 0;
  while (prefix < max && old.charCodeAt(prefix) === text.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (
    suffix < max - prefix &&
    old.charCodeAt(old.length - 1 - suffix) === text.charCodeAt(text.length - 1 - suffix)
  )
    suffix++;
  return { from: prefix, to: text.length - suffix };
}

/**
 * Random edits (one to three: characters removed, pieces typed, lines added and joined) of
 * random texts for which `scan` finds nothing; each edited text scanned whole and from the
 * range it changed must give the same answer. Returns how many edited texts it found something
 * in (the edits must reach both answers to test anything).
 */
function editsAgree(
  seed: number,
  rounds: number,
  make: (next: () => number) => string,
  pieces: readonly string[],
  scan: (text: string, from?: number, to?: number) => boolean,
): { found: number; compared: number } {
  const next = mulberry32(seed);
  let found = 0;
  let compared = 0;
  for (let round = 0; round < rounds; round++) {
    const old = make(next);
    if (scan(old)) continue;
    let text = old;
    const edits = 1 + Math.floor(next() * 3);
    for (let e = 0; e < edits; e++) {
      const at = Math.floor(next() * (text.length + 1));
      const cut = next() < 0.5 ? 0 : Math.floor(next() * 8);
      let typed = '';
      const n = next() < 0.3 ? 0 : 1 + Math.floor(next() * 6);
      for (let k = 0; k < n; k++) typed += pieces[Math.floor(next() * pieces.length)]!;
      text = text.slice(0, at) + typed + text.slice(at + cut);
    }
    const { from, to } = changed(old, text);
    const whole = scan(text);
    if (whole) found++;
    compared++;
    assert.equal(
      scan(text, from, to),
      whole,
      `${JSON.stringify(old)} edited to ${JSON.stringify(text)} (${from}-${to})`,
    );
  }
  return { found, compared };
}

const EDIT_BREAKS = ['\n', '\r\n', '\r', '\n\n', ' \n', '\t\r\n', '\n\t\n'];

test('after an edit, the nesting scan of the changed lines agrees with the whole scan', () => {
  const make = (next: () => number) => {
    let text = '';
    const count = 1 + Math.floor(next() * 6);
    for (let l = 0; l < count; l++) {
      // Some lines start with a word before a run longer than the limit: a line break typed
      // after the word makes a line too deep of text the edit did not change.
      let prefix =
        (next() < 0.25 ? 'x' : '') +
        '\t'.repeat(MAX_NESTING_DEPTH / 2 - 8 + Math.floor(next() * 12));
      for (let p = Math.floor(next() * 4); p > 0; p--)
        prefix += PREFIX[Math.floor(next() * PREFIX.length)]!;
      text += `${prefix}${next() < 0.5 ? 'item 😀' : '-'}${EDIT_BREAKS[Math.floor(next() * EDIT_BREAKS.length)]!}`;
    }
    return text;
  };
  const pieces = [...PREFIX, ...EDIT_BREAKS, ...EDIT_BREAKS, '\t', '\t\t\t\t', 'x', '😀', '\ud83d'];
  const { found, compared } = editsAgree(21, 6000, make, pieces, deepPrefixes);
  assert.ok(found > 20, `edited texts with a deep prefix: ${found}`);
  assert.ok(compared - found > 100, `edited texts without: ${compared - found}`);
});

test('after an edit, the dense-stretch count of the changed lines agrees with the whole count', () => {
  const WORDS = ['**', '_x_', '[a]', 'word', '*', '[', '😀'];
  const make = (next: () => number) => {
    let text = '';
    const lines = 1 + Math.floor(next() * 10);
    for (let l = 0; l < lines; l++) {
      const per = Math.floor(MAX_INLINE_DELIMITERS / 6 + next() * (MAX_INLINE_DELIMITERS / 6));
      // Short lines too (one or two characters, not blank), which must not be taken for the
      // whitespace-only line a stretch starts after.
      if (next() < 0.2) text += next() < 0.5 ? '*' : '[]';
      else
        for (let w = 0; w < per / 2; w++) text += `${WORDS[Math.floor(next() * WORDS.length)]!} `;
      text += EDIT_BREAKS[Math.floor(next() * EDIT_BREAKS.length)]!;
    }
    return text;
  };
  // Typed pieces: delimiters by the hundred (to cross the limit), and line breaks that join or
  // split stretches (a whitespace-only line made or unmade).
  const pieces = [...EDIT_BREAKS, ' ', '\t', 'x', '*'.repeat(120), '[]'.repeat(60), '😀'];
  const { found, compared } = editsAgree(22, 6000, make, pieces, denseStretch);
  assert.ok(found > 20, `edited texts with a dense stretch: ${found}`);
  assert.ok(compared - found > 100, `edited texts without: ${compared - found}`);
});

test('after an edit, the search for containers around the change agrees with the whole search', () => {
  const PIECES = [
    ...[':', '::', '`', '``', '```{', '``{', '~~', '~~{', '~~~{', '!!', '!', '??', '?'],
    ...['{', '{:', ':{', '  !!', '   ??', '`{', '~{'],
  ];
  const SPACES = ['', ' ', '  ', '   ', '    ', '\t'];
  const make = (next: () => number) => {
    let text = '';
    const lines = 1 + Math.floor(next() * 6);
    for (let l = 0; l < lines; l++) {
      text += SPACES[Math.floor(next() * SPACES.length)]!;
      for (let w = Math.floor(next() * 4); w > 0; w--)
        text += next() < 0.5 ? PIECES[Math.floor(next() * PIECES.length)]! : 'a 😀 ';
      text += EDIT_BREAKS[Math.floor(next() * EDIT_BREAKS.length)]!;
    }
    return text;
  };
  const pieces = [...PIECES, ...SPACES, ...EDIT_BREAKS, 'x'];
  // At the edges: a word deleted before an admonition's six characters (the whole marker after
  // the change), a brace typed after a fence (the marker before it).
  for (const [old, text] of [
    ['x\na   !!! note\n', 'x\n   !!! note\n'],
    ['x\n```\n', 'x\n```{\n'],
    ['x\n:: :\n', 'x\n:::\n'],
  ] as const) {
    assert.ok(!mayHoldContainers(old) && mayHoldContainers(text));
    const { from, to } = changed(old, text);
    assert.ok(mayHoldContainers(text, from, to), JSON.stringify(text));
  }
  const { found, compared } = editsAgree(23, 8000, make, pieces, mayHoldContainers);
  assert.ok(found > 100, `edited texts that may hold containers: ${found}`);
  assert.ok(compared - found > 100, `edited texts that do not: ${compared - found}`);
});
