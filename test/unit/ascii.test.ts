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

test('a pattern without a property escape, or not a u pattern, has no twin', () => {
  assert.equal(asciiSource(String.raw`[a-z]+\s`, 'iu'), null);
  assert.equal(asciiSource(String.raw`\p{L}`, 'i'), null); // without u, \p is the letter p
  assert.equal(asciiSource(String.raw`\\p{L}`, 'u'), null); // an escaped backslash, then p{L}
  assert.equal(asciiSource(String.raw`\p{Script=Greek}`, 'u'), null); // not one it knows
  const plain = /[a-z]+/giu;
  assert.equal(asciiTwin(plain), plain);
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
  assert.equal(twin.flags, re.flags);
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
