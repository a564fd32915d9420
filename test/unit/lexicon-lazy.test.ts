// The lexicon's lazily built tables (BENCHMARKS.md, "Cold start, fourth round") answer exactly
// as the eager ones they replace: the English verb lookup as a Set of the data's words, and the
// object rules of each verb and vague phrase as the maps built for every key at start.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import bloomJson from '../../server/src/core/language/data/bloom-verbs.json' with { type: 'json' };
import vagueJson from '../../server/src/core/language/data/vague-phrases.json' with { type: 'json' };
import englishJson from '../../server/src/core/language/data/english-verbs.json' with { type: 'json' };
import type { BloomLevel } from '../../server/src/core/model.js';
import { isEnglishVerb, ObjectTable } from '../../server/src/core/language/lexicon.js';

const words = englishJson.verbs.split(' ');
const set = new Set(words);

test('the English verb list is sorted by code unit, unique, one space between words', () => {
  assert.ok(words.length > 8000);
  for (let i = 1; i < words.length; i++) assert.ok(words[i - 1]! < words[i]!, words[i]);
  assert.ok(words.every((w) => w.length > 0 && !w.includes(' ')));
});

test('isEnglishVerb answers as a Set of the words, on every word and its neighbours', () => {
  const probe = (w: string) => assert.equal(isEnglishVerb(w), set.has(w), JSON.stringify(w));
  for (const w of words) {
    probe(w);
    probe(w.slice(0, -1));
    probe(w.slice(1));
    probe(`${w}s`);
    probe(`${w}a`);
    probe(`${w}~`);
    probe(`${w} `);
    probe(` ${w}`);
    probe(w.toUpperCase());
    probe(`${w} ${w}`);
  }
  for (const w of ['', ' ', 'a', 'aah', 'aaa', 'zzz', '~', '\u00e9', 'caf\u00e9', '\u{1F600}'])
    probe(w);
  probe(words[0]!);
  probe(words[words.length - 1]!);
});

test('isEnglishVerb answers as a Set of the words on random strings', () => {
  let seed = 12345;
  const rnd = (n: number) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  const alphabet = "abcdefghijklmnopqrstuvwxyz -'AZ\u00e9";
  for (let i = 0; i < 200_000; i++) {
    // Half from a word's start, so that many share a long prefix with a word.
    let w = rnd(2) ? words[rnd(words.length)]!.slice(0, rnd(12)) : '';
    const extra = rnd(6);
    for (let j = 0; j < extra; j++) w += alphabet[rnd(alphabet.length)];
    assert.equal(isEnglishVerb(w), set.has(w), JSON.stringify(w));
  }
});

// The construction of these tables before they were built lazily.
type Rules = Map<string, { words: string[]; level: BloomLevel }[]>;
function eagerAdd(
  into: Map<string, Rules>,
  key: string,
  objects: readonly string[],
  level: BloomLevel,
) {
  let rules = into.get(key);
  if (!rules) into.set(key, (rules = new Map()));
  for (const o of objects) {
    const w = o.split(' ');
    const list = rules.get(w[w.length - 1]!) ?? [];
    list.push({ words: w, level });
    list.sort((a, b) => b.words.length - a.words.length);
    rules.set(w[w.length - 1]!, list);
  }
}

test('an ObjectTable gives, for each key, the rules built for every key at start', () => {
  const adds: [string, readonly string[], BloomLevel][] = [];
  for (const rule of bloomJson.byObject)
    for (const verb of rule.verbs) adds.push([verb, rule.objects, rule.level as BloomLevel]);
  for (const rule of vagueJson.meantByObject)
    for (const phrase of rule.phrases) adds.push([phrase, rule.objects, rule.meant as BloomLevel]);
  // A key added twice, and one with no objects.
  adds.push(['write', ['an essay', 'a limerick'], 'create'], ['empty', [], 'apply']);
  const eager = new Map<string, Rules>();
  const lazy = new ObjectTable();
  for (const [key, objects, level] of adds) {
    eagerAdd(eager, key, objects, level);
    lazy.add(key, objects, level);
  }
  const keys = [...eager.keys()];
  // Asked in reverse order, each twice: the same map the second time.
  for (const key of keys.reverse()) {
    const got = lazy.get(key);
    assert.deepEqual(got, eager.get(key), key);
    assert.equal(lazy.get(key), got);
  }
  assert.equal(lazy.get('no such verb'), undefined);
});
