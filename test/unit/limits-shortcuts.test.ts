// The whole-text scans that run on every edit (limits.ts: the nesting depth of declineReason, the
// dense paragraphs of maskDenseInline) skip their line-by-line scan when a cheap count shows it
// would find nothing. The counts must never skip a text the scan would act on: random texts made
// of container prefixes, delimiters, blank lines, fences and CRLF, near each limit, are given to
// both, and every text the scan acts on must be one the count sends to it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  deepPrefixes,
  forEachLine,
  MAX_INLINE_DELIMITERS,
  MAX_NESTING_DEPTH,
  maskDenseInline,
  maskDenseParagraphs,
} from '../../server/src/core/limits.js';
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
