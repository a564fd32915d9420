// ASCII twins of Unicode property patterns (core/language/ascii.ts): on an all-ASCII text the
// twin must match exactly what the pattern matches. A pattern's matches on such a text depend
// only on which ASCII characters each of its classes holds, so checking every property escape's
// ASCII members against V8's, in every form and under `u` and `iu`, is the proof.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  asciiSource,
  asciiTwin,
  forText,
  isAsciiText,
  unicodeFree,
} from '../../server/src/core/language/ascii.js';

const PROPERTIES = ['L', 'Lu', 'Ll', 'N', 'Nd', 'P', 'S', 'Mn', 'Me', 'White_Space'];
const ASCII = Array.from({ length: 128 }, (_, c) => String.fromCharCode(c));

test('each property escape has the ASCII members V8 gives it, in every form, under u and iu', () => {
  for (const p of PROPERTIES)
    for (const flags of ['u', 'iu'])
      for (const form of [
        `\\p{${p}}`,
        `\\P{${p}}`,
        `[\\p{${p}}]`,
        `[^\\p{${p}}]`,
        `[\\P{${p}}]`,
        `[^\\P{${p}}]`,
        `[#\\p{${p}}\\p{N}'’&/-]`,
        `[^\\p{${p}}\\s'&:]`,
      ]) {
        const source = asciiSource(form, flags);
        assert.ok(source !== null && !source.includes('\\p') && !source.includes('\\P'), form);
        const original = new RegExp(`^${form}$`, flags);
        const twin = new RegExp(`^${source}$`, flags);
        for (const c of ASCII)
          assert.equal(twin.test(c), original.test(c), `${form} /${flags} on ${JSON.stringify(c)}`);
      }
});

test('a pattern without a property escape has no ASCII source; one that needs u or is not a u pattern has no twin', () => {
  assert.equal(asciiSource(String.raw`[a-z]+\s`, 'iu'), null);
  assert.equal(asciiSource(String.raw`\p{L}`, 'i'), null); // without u, \p is the letter p
  assert.equal(asciiSource(String.raw`\\p{L}`, 'u'), null); // an escaped backslash, then p{L}
  assert.equal(asciiSource(String.raw`\p{Script=Greek}`, 'u'), null); // not one it knows
  const plain = /[a-z]+/gi;
  assert.equal(asciiTwin(plain), plain);
  // A u pattern that names the long s under i keeps u, so it is its own twin.
  const keeps = /[a-z\u00c0-\u024f]+/giu;
  assert.equal(asciiTwin(keeps), keeps);
});

test('a twin keeps everything but the property escapes', () => {
  assert.equal(
    asciiSource(
      String.raw`^(?:(?!(?:and|or)\s)[\p{L}'’-]+\s+){0,4}?\bable\s+to\s+(?=\p{L}+ing\b)`,
      'iu',
    ),
    String.raw`^(?:(?!(?:and|or)\s)[A-Za-z'’-]+\s+){0,4}?\bable\s+to\s+(?=[A-Za-z]+ing\b)`,
  );
  assert.equal(asciiSource(String.raw`\[\p{N}\]`, 'u'), String.raw`\[[0-9]\]`);
  const re = /(?<w>[\p{L}\p{N}]+)-\k<w>/giu;
  const twin = asciiTwin(re);
  assert.equal(twin.flags, 'gi'); // re's flags without u (unicodeFree)
  assert.equal(asciiTwin(re), twin, 'made once');
});

test('forText picks the twin for an all-ASCII text only, and both match alike', () => {
  const re = /\b(?:[\p{L}-]+\s+){0,2}?(?:items?|steps?)\s+of\s+(\p{L}+)/giu;
  const ascii = 'Complete all Safety steps of Checklist-A and the Hazard items of Form B.';
  const other = 'Complete all Safety steps of Checklist-A and the Hazard items of Formulaire É.';
  assert.ok(isAsciiText(ascii));
  assert.ok(!isAsciiText(other));
  assert.equal(forText(re, ascii), asciiTwin(re));
  assert.equal(forText(re, other), re);
  assert.notEqual(asciiTwin(re), re);
  for (const text of [ascii, ascii.toUpperCase(), ascii.replace(/ /g, '  ')]) {
    const a = [...text.matchAll(re)].map((m) => [m.index, ...m]);
    const b = [...text.matchAll(asciiTwin(re))].map((m) => [m.index, ...m]);
    assert.deepEqual(b, a);
    assert.ok(a.length > 0);
  }
});

// Twins without `u` (unicodeFree): on an all-ASCII text a pattern matches the same with `u` and
// without it, unless its source names a code point outside the BMP, a property, or under `i` a
// character that Unicode case folding takes for an ASCII letter.

test('under iu only the long s and the Kelvin sign match an ASCII character; under i none', () => {
  const found = { iu: [] as string[], i: [] as string[] };
  for (const flags of ['iu', 'i'] as const)
    for (const a of ASCII) {
      const re = new RegExp(`^[${a.replace(/[\\\]^-]/, '\\$&')}]$`, flags);
      for (let c = 0x80; c <= 0xffff; c++) {
        if (c >= 0xd800 && c <= 0xdfff) continue;
        if (re.test(String.fromCharCode(c))) found[flags].push(`${c.toString(16)}~${a}`);
      }
    }
  assert.deepEqual(found.iu.sort(), ['17f~S', '17f~s', '212a~K', '212a~k']);
  assert.deepEqual(found.i, []);
});

test('class escapes, word boundaries and negated classes hold the same ASCII with and without u', () => {
  for (const flags of ['', 'i', 's', 'is'])
    for (const atom of [
      String.raw`\w`,
      String.raw`\W`,
      String.raw`\s`,
      String.raw`\S`,
      String.raw`\d`,
      String.raw`\D`,
      '.',
      '[^a]',
      '[^k]',
      '[^s]',
      String.raw`[^\w]`,
      String.raw`[^\W]`,
      String.raw`[\W\d]`,
      String.raw`[^\s\d]`,
      '[^A-Z]',
      '[^a-z]',
      String.raw`[’'\u2013-]`,
    ]) {
      const withU = new RegExp(`^${atom}$`, `${flags}u`);
      const without = new RegExp(`^${atom}$`, flags);
      for (const c of ASCII) assert.equal(without.test(c), withU.test(c), `${atom} /${flags}`);
    }
  for (const flags of ['', 'i'])
    for (const source of [
      String.raw`\b`,
      String.raw`\B`,
      String.raw`a\b`,
      String.raw`\bk`,
      String.raw`s\B`,
    ]) {
      const withU = new RegExp(source, `${flags}u`);
      const without = new RegExp(source, flags);
      for (const x of ASCII)
        for (const y of ASCII)
          assert.equal(without.exec(x + y)?.index, withU.exec(x + y)?.index, `${source} /${flags}`);
    }
});

test('unicodeFree: what keeps u, and what does not', () => {
  for (const [source, flags] of [
    [String.raw`\bgrad(?:ing|es)\b|\bgrade (?:breakdown|weights?)\b`, 'iu'],
    [String.raw`[A-Za-z'\u2019-]+\s+(?=[A-Za-z]+ing\b)`, 'giu'],
    [String.raw`[$\u00a3\u20ac]?\d+[:;(.!?\u2013\u2014]`, 'iu'],
    [String.raw`[\u00c0-\u024f]`, 'u'], // no i: the long s in the range matches no ASCII
    [String.raw`(?<w>[a-z]+)-\k<w>[\]\-]`, 'iuy'],
    [String.raw`[^\s]+|.`, 'su'],
  ] as const)
    assert.equal(unicodeFree(source, flags), true, `${source} /${flags}`);
  for (const [source, flags] of [
    [String.raw`[a-z]`, 'i'], // not a u pattern
    [String.raw`\u{41}`, 'u'], // without u: 'u' 41 times
    [String.raw`\p{L}`, 'u'],
    [String.raw`\ud83d\ude00`, 'u'], // one code point with u, two units without
    ['\u{1F600}', 'u'],
    [String.raw`[\u00c0-\u024f]`, 'iu'], // holds the long s: s and S under iu
    [String.raw`\u017f`, 'iu'],
    [String.raw`x\u212a`, 'iu'],
    [String.raw`[\u2100-\u2200]`, 'iu'],
    ['[\u0100-\u0180]', 'iu'],
    [String.raw`[\--\u0200]`, 'iu'],
  ] as const)
    assert.equal(unicodeFree(source, flags), false, `${source} /${flags}`);
  // A range with the long s at either end is judged on the whole range.
  assert.equal(unicodeFree(String.raw`[\u0180-\u0200]`, 'iu'), true);
  const twin = forText(/\bsyllabus\b/iu, 'The Syllabus');
  assert.equal(twin.flags, 'i');
  const re = /\bsyllabus\b/iu;
  assert.equal(forText(re, 'Le syllabus \u00e9'), re); // not ASCII: the pattern itself
});

test('twins without u match as the pattern does on ASCII text, index and captures', () => {
  const patterns = [
    /\b(?:within|in|over)\s+(?:the\s+)?(?:first\s+)?(\d+|two|three)\s+(days?|weeks?)\b/giu,
    /\bkpis?\b|\bkey performance indicators?\b|\bbusiness (?:outcomes?|impact)\b/giu,
    /^(?:given|with|using|in)\b[^,;:.!?]{1,150}?,\s*/giu,
    /(?<w>[a-z]+)\s+\k<w>\b/giu,
    /[^\s]+/gu,
    /\s(?:of|in|for|with|and|or)\s/giu,
  ];
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const words = [
    'within',
    'In',
    'over',
    'THE',
    'first',
    '12',
    'two',
    'days',
    'Weeks',
    'KPI',
    'kpis',
    'business',
    'Impact',
    'given',
    'Using',
    'a',
    'of',
    'and',
    ',',
    ';',
    ' ',
    '  ',
    'k',
    'S',
    '_',
    '-',
  ];
  const texts = Array.from({ length: 400 }, () =>
    Array.from(
      { length: 3 + Math.floor(random() * 12) },
      () => words[Math.floor(random() * words.length)],
    ).join(random() < 0.5 ? ' ' : ''),
  );
  for (const re of patterns) {
    assert.ok(unicodeFree(re.source, re.flags), re.source);
    const twin = asciiTwin(re);
    assert.equal(twin.flags, re.flags.replace('u', ''));
    for (const text of texts) {
      const a = [...text.matchAll(re)].map((m) => [m.index, ...m]);
      const b = [...text.matchAll(twin)].map((m) => [m.index, ...m]);
      assert.deepEqual(b, a, `${re.source} on ${JSON.stringify(text)}`);
    }
  }
});
