// Literal gates of patterns (core/language/gate.ts, ascii.ts mayMatch): a gate may only say "no
// match" when there is none, since a gated pattern is then neither compiled nor run. Checked on
// known shapes and on generated patterns and texts against V8 itself.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  collectPatternGates,
  execText,
  lazy,
  mayMatch,
  setPatternGates,
  testText,
} from '../../server/src/core/language/ascii.js';
import { requiredLiterals } from '../../server/src/core/language/gate.js';

test('requiredLiterals reads the literals every match needs', () => {
  const need = (source: string, flags = '') => requiredLiterals(source, flags);
  assert.deepEqual(need('abc'), ['abc']);
  assert.deepEqual(need('a|bc'), ['a', 'bc']);
  // The better of two: the set whose shortest string is longer.
  assert.deepEqual(need(String.raw`\b(?:within|under|on)\s+\d+\s*(?:days?|weeks?)`, 'i'), [
    'day',
    'week',
  ]);
  assert.deepEqual(need(String.raw`\b(?:within|under|on)\s+\d+`, 'i'), ['within', 'under', 'on']);
  assert.deepEqual(need(String.raw`(?:the\s+)?cat`), ['cat']);
  assert.deepEqual(need('Meet', 'i'), ['meet']);
  assert.deepEqual(need('Meet'), ['Meet']);
  assert.deepEqual(need(String.raw`\x41\u0042\.c`, 'i'), ['ab.c']);
  assert.deepEqual(need(String.raw`(?<!not )\bgo\b`), ['go']);
  assert.deepEqual(need('(?:ab){2,}c?'), ['ab']);
  // Nothing certain: optional, classes, lookarounds, back-references, non-ASCII, unknown syntax.
  for (const [source, flags] of [
    ['a?', ''],
    ['a*b?', ''],
    ['[abc]', ''],
    ['(?=abc)', ''],
    ['(?!abc)x?', ''],
    [String.raw`(a?)\1`, ''],
    ['a|', ''],
    ['\\u00e9', 'i'],
    ['\u017f', 'iu'],
    [String.raw`\p{L}+`, 'u'],
    [String.raw`\u{61}`, 'u'],
    ['a{', ''],
    ['[^]', ''],
    ['[[a]]', 'v'],
    [String.raw`\cJ`, ''],
  ] as const)
    assert.equal(need(source, flags), null, `${source} /${flags}`);
  // Only what every match holds: under `i` a letter is lowered, a non-ASCII one gives nothing.
  assert.deepEqual(need('x\u00e9yz', 'i'), ['yz']);
});

/** A random pattern over a few letters, with every construct requiredLiterals reads. */
function randomPattern(rand: () => number, depth = 0): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const atoms = [
    () => pick(['a', 'b', 'A', 'B', ' ', '-', '.']),
    () => pick(['ab', 'ba', 'aB', 'a b']),
    () => pick([String.raw`\x61`, String.raw`\u0042`, String.raw`\-`, String.raw`\.`, '\\ ']),
    () => pick([String.raw`\s`, String.raw`\w`, String.raw`\d`, '.', '[ab]', '[^a]', '[A-C]']),
    () => pick([String.raw`\b`, String.raw`\B`, '^', '$']),
    () => (depth < 3 ? `(?:${randomPattern(rand, depth + 1)})` : 'a'),
    () => (depth < 3 ? `(${randomPattern(rand, depth + 1)})` : 'b'),
    () => (depth < 3 ? `(?=${randomPattern(rand, depth + 1)})` : 'a'),
    () => (depth < 3 ? `(?<!${randomPattern(rand, depth + 1)})` : 'b'),
  ];
  const quantifiers = ['', '', '', '?', '*', '+', '{2}', '{0,2}', '{1,}', '+?', '??'];
  const sequence = () => {
    let out = '';
    const n = 1 + Math.floor(rand() * 4);
    for (let i = 0; i < n; i++) {
      const atom = pick(atoms)();
      const zero = /^(?:\\[bB]|\^|\$|\(\?[=!<])/.test(atom);
      out += atom + (zero ? '' : pick(quantifiers));
    }
    return out;
  };
  const alternatives = 1 + Math.floor(rand() * (depth ? 3 : 2));
  return Array.from({ length: alternatives }, sequence).join('|');
}

function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

test('a gate never says "no match" where V8 finds one (generated patterns and texts)', () => {
  const rand = seeded(15);
  const letters = ['a', 'b', 'A', 'B', ' ', '-', '.', 'c', '1'];
  const texts: string[] = [''];
  for (let i = 0; i < 400; i++) {
    let t = '';
    const n = Math.floor(rand() * 9);
    for (let j = 0; j < n; j++) t += letters[Math.floor(rand() * letters.length)];
    texts.push(t);
  }
  let gated = 0;
  let refused = 0;
  for (let i = 0; i < 1500; i++) {
    const source = randomPattern(rand);
    for (const flags of ['', 'i', 'u', 'iu', 'm', 's']) {
      let re: RegExp;
      try {
        re = new RegExp(source, flags);
      } catch {
        continue;
      }
      const need = requiredLiterals(source, flags);
      if (!need) continue;
      gated++;
      for (const text of texts) {
        const hay = flags.includes('i') ? text.toLowerCase() : text;
        if (need.some((s) => hay.includes(s))) continue;
        refused++;
        assert.equal(re.test(text), false, `/${source}/${flags} on ${JSON.stringify(text)}`);
      }
    }
  }
  assert.ok(gated > 2000, `${gated} patterns gated`);
  assert.ok(refused > 100_000, `${refused} refusals checked`);
});

test('gated patterns match as before, and only patterns the gates name are gated', (t) => {
  t.after(() => setPatternGates(null));
  const within = lazy(String.raw`\bwithin\s+(\d+)\s+days\b`, 'iu');
  const plain = /\bby\s+friday\b/i;
  const texts = ['Fix it within 3 days', 'Fix it by Friday', 'Fix it soon', 'WITHIN 2 DAYS', ''];
  const gates = collectPatternGates();
  const before = texts.map((x) => [execText(within, x)?.[1] ?? null, testText(plain, x)]);
  const read = gates();
  assert.deepEqual(read, {
    [`i/${plain.source}`]: ['friday'],
    [`iu/${within.source}`]: ['within'],
  });
  setPatternGates(new Map(Object.entries(read)));
  // Fresh patterns (the gate of a pattern is looked up at its first use).
  const within2 = lazy(within.source, 'iu');
  const plain2 = new RegExp(plain.source, 'i');
  assert.equal(mayMatch(within2, 'Fix it soon'), false);
  assert.equal(mayMatch(plain2, 'Fix it soon'), false);
  assert.equal(mayMatch(within2, 'Fix it soon, caf\u00e9'), true); // not ASCII: not gated
  assert.equal(mayMatch(/\bsoon\b/, 'Fix it soon'), true); // not in the gates
  assert.equal(mayMatch(/\bnever\b/, 'Fix it soon'), true);
  assert.deepEqual(
    texts.map((x) => [execText(within2, x)?.[1] ?? null, testText(plain2, x)]),
    before,
  );
});
