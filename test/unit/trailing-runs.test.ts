// Runs at the end of a text read backwards by hand where a regex anchored only at the end had
// tried every start inside a long run that does not end the text (quadratic): the last word of
// a noun phrase (rules/vague-verb.ts lastWord), trailing spaces and punctuation (text.ts
// endBefore) and a series part's trailing ", and" (readers/prose.ts endBeforeJoin). Each must
// take what its regex took, on any text, in time that grows with the text.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { endBeforeJoin } from '../../server/src/core/recognise/readers/prose.js';
import { lastWord, questionRewrites } from '../../server/src/core/rules/vague-verb.js';
import { endBefore } from '../../server/src/core/text.js';

const REGEX = /([\p{L}'’-]+)\s*$/u;
// Letters (ASCII, accented, astral), word marks, digits, spaces of every kind, a lone surrogate.
const PIECES = [
  'a',
  'Z',
  'é',
  'ß',
  '𝒜',
  '𐐷',
  "'",
  '’',
  '-',
  '1',
  '.',
  ' ',
  '\t',
  '\n',
  '\u00a0',
  '\u2003',
  '\ud835',
  '\udc9c',
  '😀',
];

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

test('the last word is what the regex read, on 20,000 random texts', () => {
  const next = random(20261203);
  for (let i = 0; i < 20_000; i++) {
    const length = Math.floor(next() * 12);
    const text = Array.from({ length }, () => PIECES[Math.floor(next() * PIECES.length)]).join('');
    assert.equal(lastWord(text), REGEX.exec(text)?.[1] ?? '', JSON.stringify(text));
  }
});

test('the last word of plain phrases', () => {
  assert.equal(lastWord('the key concepts  '), 'concepts');
  assert.equal(lastWord('the team’s'), 'team’s');
  assert.equal(lastWord('well-formed\t'), 'well-formed');
  assert.equal(lastWord('𝒜𝒜 𝒜𝒷'), '𝒜𝒷');
  assert.equal(lastWord('topic 5'), '');
  assert.equal(lastWord(''), '');
});

test('a long word that does not end the text is read once, not from every start', () => {
  // As a regex this was quadratic: 40,000 letters then a digit took seconds.
  const text = `from 1 ${'a'.repeat(40_000)} 5`;
  const before = process.cpuUsage();
  assert.equal(lastWord(text), '');
  const used = process.cpuUsage(before);
  assert.ok((used.user + used.system) / 1000 < 200, `${(used.user + used.system) / 1000} ms`);
});

const JOIN = /(?:[\s,;]*(?:\band\b|\bor\b))?[\s,;.]*$/i;
const JOIN_PIECES = [
  'and',
  'AND',
  'or',
  'Or',
  'for',
  'nor',
  'band',
  'x',
  'é',
  '_',
  '1',
  ' ',
  ',',
  ';',
  '.',
  ':',
  '\t',
  '\u00a0',
];

test("a part's trailing ', and' is what the regex took off, on 20,000 random texts", () => {
  const next = random(4);
  for (let i = 0; i < 20_000; i++) {
    const length = Math.floor(next() * 8);
    const text = Array.from(
      { length },
      () => JOIN_PIECES[Math.floor(next() * JOIN_PIECES.length)],
    ).join('');
    assert.equal(
      endBeforeJoin(text),
      text.length - JOIN.exec(text)![0].length,
      JSON.stringify(text),
    );
  }
});

test('trailing spaces and punctuation end where the regex said, on 20,000 random texts', () => {
  const next = random(5);
  const is = (c: string) => /[\s.:;]/.test(c);
  for (let i = 0; i < 20_000; i++) {
    const length = Math.floor(next() * 10);
    const text = Array.from(
      { length },
      () => JOIN_PIECES[Math.floor(next() * JOIN_PIECES.length)],
    ).join('');
    assert.equal(endBefore(text, is), text.replace(/[\s.:;]+$/, '').length, JSON.stringify(text));
  }
});

test('a long run of dots, commas or spaces that does not end the text is read once', () => {
  // As regexes these were quadratic: 40,000 dots then a page number took seconds.
  for (const run of ['.', ',', ' ', ', ']) {
    const text = `Introduction ${run.repeat(40_000)} 3`;
    const before = process.cpuUsage();
    assert.equal(
      endBefore(text, (c) => /[\s.:;]/.test(c)),
      text.length,
    );
    assert.equal(endBeforeJoin(text), text.length);
    const used = process.cpuUsage(before);
    assert.ok(
      (used.user + used.system) / 1000 < 200,
      `${JSON.stringify(run)}: ${(used.user + used.system) / 1000} ms`,
    );
  }
});

test('"What is X?" is rewritten as the lazy regex did, and a long run of spaces is read once', () => {
  const LAZY = /^what\s+(is|are|was|were)\s+([^?;:]+?)\s*\?\s*$/iu;
  const pieces = ['What', 'what', ' is', ' are', ' ', '  ', '\t', 'x', 'how', '?', ';', 'é', '𝒜'];
  const next = random(6);
  for (let i = 0; i < 20_000; i++) {
    const length = 1 + Math.floor(next() * 7);
    const text = [
      'What is ',
      ...Array.from({ length }, () => pieces[Math.floor(next() * pieces.length)]),
    ].join('');
    const m = LAZY.exec(text);
    const wh = m && /\b(?:how|why|what|when|where|which|who|whether)\b/iu.test(m[2]!);
    const expected =
      !m || wh || m[2]!.trim() === ''
        ? []
        : [
            {
              start: 0,
              end: m[0].trimEnd().length,
              text: `Explain what ${m[2]!} ${m[1]!.toLowerCase()}`,
              verb: 'explain',
              keep: false,
            },
          ];
    assert.deepEqual(questionRewrites(text, 0, true), expected, JSON.stringify(text));
  }
  const long = `What is x${' '.repeat(40_000)}y?`;
  const before = process.cpuUsage();
  assert.equal(questionRewrites(long, 0, true).length, 1);
  const used = process.cpuUsage(before);
  assert.ok((used.user + used.system) / 1000 < 200, `${(used.user + used.system) / 1000} ms`);
});
