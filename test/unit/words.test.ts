// words(text, from, to) reads only the words that start before `to` (assessment.ts reads a
// sentence's words, not the paragraph's to its end, for every sentence), and firstWord reads one:
// both must give exactly what reading every word and keeping those gave.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { firstWord, words } from '../../server/src/core/language/words.js';

const text = fc
  .array(
    fc.constantFrom('a', 'B', 'é', '1', ' ', '-', "'", '’', '.', '\n', '\u{1F600}', 'ß', 'İ'),
    {
      maxLength: 40,
    },
  )
  .map((cs) => cs.join(''));

test('words up to an end are the words that start before it, whole', () => {
  assert.deepEqual(
    words("Write the students' loop-free code", 0, 18).map((w) => w.text),
    ['Write', 'the', "students'"],
  );
  fc.assert(
    fc.property(text, fc.nat(45), fc.nat(45), (t, a, b) => {
      const from = Math.min(a, t.length);
      assert.deepEqual(
        words(t, from, b),
        words(t, from).filter((w) => w.start < b),
      );
      assert.deepEqual(firstWord(t, from), words(t, from)[0]);
    }),
    { numRuns: 2000, seed: 20261202 },
  );
});
