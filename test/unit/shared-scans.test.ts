// Scans of a whole text made faster on the edit path: the common prefix and suffix of a text
// with the last one compared a block at a time (sharedAtStart, sharedAtEnd in parse.ts), the
// line index's line breaks found by indexOf when the text has no carriage return (LineIndex in
// text.ts), and lint's check of every fix's edits (safeFixes in workspace.ts). Each is checked
// against the plain code-unit-at-a-time reading on random texts long enough to span many blocks,
// with the differences at and around block boundaries.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedAtEnd, sharedAtStart, textChange } from '../../server/src/core/parse.js';
import type { Parsed } from '../../server/src/core/parse.js';
import { LineIndex } from '../../server/src/core/text.js';
import { ItemStarts } from '../../server/src/core/recognise/assessments.js';
import { safeEdit, safeFixes } from '../../server/src/core/workspace.js';
import type { Fix } from '../../server/src/core/model.js';
import { mulberry32 } from '../support/random.js';
import { clearTaskReadings, readTask } from '../../server/src/core/language/assessment.js';
import { lexiconFor, type Lexicon } from '../../server/src/core/language/lexicon.js';

const PIECES = ['a', 'b', ' ', '\n', '- x', '\r\n', '\r', '\uD83D\uDE00', '\u00e9', '\n\n'];

function randomText(next: () => number, length: number, pieces = PIECES): string {
  let text = '';
  while (text.length < length) text += pieces[Math.floor(next() * pieces.length)]!;
  return text;
}

function naiveStart(a: string, aFrom: number, b: string, bFrom: number, max: number): number {
  let n = 0;
  while (n < max && a.charCodeAt(aFrom + n) === b.charCodeAt(bFrom + n)) n++;
  return n;
}

function naiveEnd(a: string, b: string, max: number): number {
  let n = 0;
  while (n < max && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n++;
  return n;
}

test('the shared start and end of two texts, a block at a time, are those read a code unit at a time', () => {
  const next = mulberry32(15);
  // Offsets at and beside multiples of the block (2,048), and anywhere.
  const near = (n: number) => {
    const r = next();
    if (r < 0.5) return Math.max(0, 2048 * Math.floor(next() * 5) + Math.floor(next() * 5) - 2);
    return Math.floor(next() * n);
  };
  for (let round = 0; round < 400; round++) {
    const old = randomText(next, 1 + Math.floor(next() * 11000));
    const at = Math.min(near(old.length), old.length);
    const cut = Math.min(old.length, at + Math.floor(next() * 40));
    const inserted = next() < 0.3 ? '' : randomText(next, 1 + Math.floor(next() * 30));
    const bom = next() < 0.2 ? '\uFEFF' : '';
    const text = bom + old.slice(0, at) + inserted + old.slice(cut);
    const base = bom.length;
    const max = Math.min(old.length, text.length - base);
    const prefix = sharedAtStart(old, 0, text, base, max);
    assert.equal(prefix, naiveStart(old, 0, text, base, max), `round ${round}: prefix`);
    const suffix = sharedAtEnd(old, text, max - prefix);
    assert.equal(suffix, naiveEnd(old, text, max - prefix), `round ${round}: suffix`);
    // textChange reads them so, after a plain parse of `old`.
    const previous = { plain: true, base: 0, source: old } as unknown as Parsed;
    if (!bom) assert.deepEqual(textChange(previous, text), { prefix, suffix }, `round ${round}`);
    // A limit inside a run of equal blocks is kept.
    const limit = Math.floor(next() * (max + 1));
    assert.equal(sharedAtStart(old, 0, text, base, limit), Math.min(prefix, limit));
    assert.equal(sharedAtEnd(old, text, limit), Math.min(naiveEnd(old, text, max), limit));
  }
  // The same text: all of it, both ways.
  const same = randomText(next, 9000);
  const copy = (' ' + same).slice(1);
  assert.equal(sharedAtStart(same, 0, copy, 0, same.length), same.length);
  assert.equal(sharedAtEnd(same, copy, same.length), same.length);
});

/** Line starts read a code unit at a time, as LineIndex read them before. */
function naiveStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

test('the line index of a text with or without carriage returns is the one read a code unit at a time', () => {
  const next = mulberry32(16);
  const lf = ['a', 'bc', ' ', '\n', '\n\n', '\uD83D\uDE00'];
  for (let round = 0; round < 300; round++) {
    const text = randomText(next, Math.floor(next() * 3000), round % 2 ? lf : PIECES);
    const index = new LineIndex(text);
    const starts = naiveStarts(text);
    assert.equal(index.lineCount, starts.length, `round ${round}`);
    for (let line = 0; line < starts.length; line++)
      assert.equal(index.lineStart(line), starts[line], `round ${round}, line ${line}`);
    for (let k = 0; k < 20; k++) {
      const offset = Math.floor(next() * (text.length + 1));
      let line = 0;
      while (line + 1 < starts.length && starts[line + 1]! <= offset) line++;
      assert.deepEqual(index.position(offset), { line, character: offset - starts[line]! });
    }
  }
  for (const text of ['', '\n', 'x', 'x\n', '\n\nx', 'a\nb\n\n']) {
    assert.deepEqual(
      Array.from({ length: new LineIndex(text).lineCount }, (_, i) =>
        new LineIndex(text).lineStart(i),
      ),
      naiveStarts(text),
      JSON.stringify(text),
    );
  }
});

test('fixes are safe only when every edit of every fix is', () => {
  const text = 'ab\r\ncd \uD83D\uDE00 ef';
  const edit = (start: number, end: number, newText = 'x') => ({ span: { start, end }, newText });
  const fix = (...edits: ReturnType<typeof edit>[]): Fix => ({
    title: 't',
    isPreferred: false,
    edits,
  });
  const good = edit(0, 1);
  const bad = [edit(3, 3), edit(8, 9), edit(0, 1, '\uD83D'), edit(-1, 0), edit(0, text.length + 1)];
  assert.ok(safeFixes(text, []));
  assert.ok(safeFixes(text, [fix(good, edit(5, 7)), fix(edit(text.length, text.length))]));
  for (const b of bad) {
    assert.equal(safeEdit(text, b), false, JSON.stringify(b));
    assert.equal(safeFixes(text, [fix(b)]), false, JSON.stringify(b));
    assert.equal(
      safeFixes(text, [fix(good, good), fix(good, b)]),
      false,
      `last edit ${JSON.stringify(b)}`,
    );
    assert.equal(
      safeFixes(text, [fix(good), fix(b, good)]),
      false,
      `second fix ${JSON.stringify(b)}`,
    );
  }
});

test('the starts of items read so far answer as a set of them does, in order or not, as they grow', () => {
  const next = mulberry32(17);
  for (let round = 0; round < 300; round++) {
    const starts: number[] = [];
    const index = new ItemStarts(starts);
    const out = round % 3 === 0;
    let at = 0;
    for (let step = 0; step < 60; step++) {
      // Mostly increasing; in a third of the rounds one start now and then out of order (or the
      // same as one before).
      const pushes = Math.floor(next() * 4);
      for (let k = 0; k < pushes; k++) {
        at += 1 + Math.floor(next() * 20);
        starts.push(out && next() < 0.05 ? Math.floor(next() * at) : at);
      }
      const known = new Set(starts);
      for (let q = 0; q < 5; q++) {
        const probe =
          next() < 0.5 && starts.length
            ? starts[Math.floor(next() * starts.length)]!
            : Math.floor(next() * (at + 5)) - 2;
        assert.equal(index.has(probe), known.has(probe), `round ${round}, step ${step}, ${probe}`);
      }
    }
  }
  assert.equal(new ItemStarts([]).has(0), false);
});

test('a task read again is read as it was the first time, by lexicon and by the texts as split', () => {
  const plain = lexiconFor();
  const own = lexiconFor([], { create: ['frobnicate'] });
  const fresh = (texts: string[], lex: Lexicon) => {
    clearTaskReadings();
    return readTask(texts, lex);
  };
  const cases: string[][] = [
    ['Frobnicate a widget for the team.'],
    ['Write a loop.', 'Why does it stop?'],
    ['Write a loop.Why', ' does it stop?'],
    ['Write a loop.Why does it stop?'],
    ['Consider the list below.', 'What is its length?', 'Why is it 3?'],
    ['Explain', 'the loop'],
    ['Explai', 'nthe loop'],
    ['x'.repeat(2500) + ' Design a study.'],
  ];
  // Each case read fresh, then all read again in both orders and with both lexicons, kept.
  const expected = new Map<string, unknown>();
  for (const lex of [plain, own])
    for (const texts of cases)
      expected.set(JSON.stringify([lex === own, texts]), fresh(texts, lex));
  assert.notDeepEqual(
    expected.get(JSON.stringify([false, cases[0]])),
    expected.get(JSON.stringify([true, cases[0]])),
  );
  clearTaskReadings();
  for (let round = 0; round < 3; round++)
    for (const lex of round % 2 ? [own, plain] : [plain, own])
      for (const texts of round === 1 ? [...cases].reverse() : cases)
        assert.deepEqual(
          readTask(texts, lex),
          expected.get(JSON.stringify([lex === own, texts])),
          JSON.stringify(texts),
        );
});
