// Integrity checks for the two lexicon data files: the Bloom verb list and the vague-phrase
// list. The analysers trust this data (a suggestion is offered as a quick fix, an irregular form
// is resolved to a base form), so a typo or a dangling reference here would surface as a wrong
// diagnostic far from its cause.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import bloomJson from '../../server/src/core/language/data/bloom-verbs.json' with { type: 'json' };
import vagueJson from '../../server/src/core/language/data/vague-phrases.json' with { type: 'json' };
import englishJson from '../../server/src/core/language/data/english-verbs.json' with { type: 'json' };
import { BLOOM_LEVELS } from '../../server/src/core/model.js';
import { lexiconFor } from '../../server/src/core/language/lexicon.js';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './fixture-helpers.js';

interface BloomData {
  description: string;
  sources: string[];
  levels: Record<string, { order: number; meaning: string; asks: string }>;
  verbs: { verb: string; level: string; alternatives: string[] }[];
  phrasal?: { verb: string; level: string }[];
  byObject?: { verbs: string[]; level: string; objects: string[] }[];
  byProcedure?: { verbs: string[]; level: string; from: string[]; sources: string[] };
  irregular: Record<string, string>;
}
interface VagueData {
  description: string;
  sources: string[];
  phrases: { phrase: string; meant: string; suggest: string[] }[];
}

const bloom = bloomJson as unknown as BloomData;
const vague = vagueJson as unknown as VagueData;
const LEVELS: readonly string[] = BLOOM_LEVELS;
const order = (level: string): number => LEVELS.indexOf(level) + 1;
const verbByName = new Map(bloom.verbs.map((v) => [v.verb, v]));
const singleWordVague = new Set(vague.phrases.map((p) => p.phrase).filter((p) => !p.includes(' ')));
const vagueHeads = new Set(vague.phrases.map((p) => p.phrase.split(' ')[0]!));

test('both files have a description and at least 4 sources', () => {
  for (const data of [bloom, vague]) {
    assert.ok(data.description.trim().length > 40);
    assert.ok(data.sources.length >= 4, `only ${data.sources.length} sources`);
    assert.equal(new Set(data.sources).size, data.sources.length, 'duplicate source');
    for (const s of data.sources) assert.ok(s.trim().length > 20, `source too short: ${s}`);
  }
  assert.ok(
    bloom.sources.some(
      (s) => s.includes('Anderson') && s.includes('Krathwohl') && s.includes('2001'),
    ),
  );
});

test('levels are exactly the six revised-taxonomy levels, in order', () => {
  assert.deepEqual(Object.keys(bloom.levels), [...LEVELS]);
  for (const [name, info] of Object.entries(bloom.levels)) {
    assert.equal(info.order, order(name), `order of ${name}`);
    assert.ok(info.meaning.trim().length > 10, `meaning of ${name}`);
    assert.ok(info.asks.trim().length > 10, `asks of ${name}`);
    assert.ok(!info.meaning.includes('\n') && !info.asks.includes('\n'), `${name}: one line each`);
  }
});

test('at least 300 verbs, each a lowercase single word listed once', () => {
  assert.ok(bloom.verbs.length >= 300, `only ${bloom.verbs.length} verbs`);
  const seen = new Set<string>();
  for (const v of bloom.verbs) {
    assert.match(v.verb, /^[a-z]+(?:-[a-z]+)?$/, `not a lowercase single word: "${v.verb}"`);
    assert.ok(!seen.has(v.verb), `listed twice: ${v.verb}`);
    seen.add(v.verb);
  }
});

test('every verb has a valid level and valid, distinct alternatives other than its level', () => {
  for (const v of bloom.verbs) {
    assert.ok(LEVELS.includes(v.level), `${v.verb}: unknown level ${v.level}`);
    assert.ok(Array.isArray(v.alternatives), `${v.verb}: alternatives must be an array`);
    assert.equal(
      new Set(v.alternatives).size,
      v.alternatives.length,
      `${v.verb}: repeated alternative`,
    );
    for (const a of v.alternatives) {
      assert.ok(LEVELS.includes(a), `${v.verb}: unknown alternative ${a}`);
      assert.notEqual(a, v.level, `${v.verb}: alternative repeats its level`);
    }
  }
});

test('every level has a good spread of verbs', () => {
  for (const level of LEVELS) {
    const n = bloom.verbs.filter((v) => v.level === level).length;
    assert.ok(n >= 20, `only ${n} verbs at ${level}`);
  }
});

test('classic verbs sit at their usual level', () => {
  const expected: Record<string, string[]> = {
    remember: ['define', 'list', 'recall', 'name', 'state', 'identify', 'recognize', 'label'],
    understand: ['describe', 'explain', 'summarize', 'classify', 'interpret', 'paraphrase'],
    apply: [
      'apply',
      'use',
      'demonstrate',
      'implement',
      'execute',
      'solve',
      'calculate',
      'run',
      'install',
      'configure',
    ],
    // "Compare" and "contrast": Anderson & Krathwohl file comparing under Understand, but the
    // published verb lists (Iowa State, Arkansas, Utica, Kennedy) and careful labellers put
    // them at Analyze (issue 12).
    analyze: [
      'analyze',
      'differentiate',
      'distinguish',
      'examine',
      'organize',
      'deconstruct',
      'compare',
      'contrast',
    ],
    evaluate: ['evaluate', 'assess', 'critique', 'judge', 'justify', 'defend'],
    create: ['create', 'design', 'construct', 'develop', 'formulate', 'produce', 'plan', 'compose'],
  };
  for (const [level, verbs] of Object.entries(expected)) {
    for (const verb of verbs)
      assert.equal(verbByName.get(verb)?.level, level, `${verb} should be ${level}`);
  }
});

test('British spellings are listed with the same levels as the US ones', () => {
  const pairs: [string, string][] = [
    ['analyze', 'analyse'],
    ['summarize', 'summarise'],
    ['organize', 'organise'],
    ['categorize', 'categorise'],
    ['prioritize', 'prioritise'],
    ['recognize', 'recognise'],
    ['criticize', 'criticise'],
    ['synthesize', 'synthesise'],
    ['visualize', 'visualise'],
    ['utilize', 'utilise'],
    ['memorize', 'memorise'],
    ['generalize', 'generalise'],
    ['hypothesize', 'hypothesise'],
    ['sterilize', 'sterilise'],
    ['immobilize', 'immobilise'],
    ['catheterize', 'catheterise'],
  ];
  for (const [us, uk] of pairs) {
    const a = verbByName.get(us);
    const b = verbByName.get(uk);
    assert.ok(a && b, `missing ${us} or ${uk}`);
    assert.equal(b.level, a.level, `${uk} vs ${us}`);
    assert.deepEqual(
      [...b.alternatives].sort(),
      [...a.alternatives].sort(),
      `${uk} vs ${us} alternatives`,
    );
  }
});

test('vague verbs are not in the verb list', () => {
  for (const w of [
    'understand',
    'know',
    'learn',
    'appreciate',
    'grasp',
    'comprehend',
    'realize',
    'believe',
    'see',
    'feel',
    'think',
    'become',
    'be',
  ]) {
    assert.ok(!verbByName.has(w), `vague verb listed as a Bloom verb: ${w}`);
  }
  for (const w of singleWordVague)
    assert.ok(!verbByName.has(w), `"${w}" is both a verb and a vague phrase`);
});

test('phrasal verbs, where given, are well formed', () => {
  const seen = new Set<string>();
  for (const p of bloom.phrasal ?? []) {
    assert.match(p.verb, /^[a-z]+( [a-z]+)+$/, `not a multi-word verb: "${p.verb}"`);
    assert.ok(LEVELS.includes(p.level), `${p.verb}: unknown level ${p.level}`);
    assert.ok(!seen.has(p.verb), `phrasal listed twice: ${p.verb}`);
    seen.add(p.verb);
  }
});

test('levels by object: listed verbs, valid levels, lowercase objects listed once per verb', () => {
  const seen = new Set<string>();
  for (const rule of bloom.byObject ?? []) {
    assert.ok(LEVELS.includes(rule.level), `byObject: unknown level ${rule.level}`);
    for (const verb of rule.verbs) {
      // A phrasal verb ("draw up") has senses by object too ("draw up a dose": apply).
      const v = verbByName.get(verb) ?? bloom.phrasal?.find((p) => p.verb === verb);
      assert.ok(v, `byObject: ${verb} is not a listed verb`);
      assert.notEqual(rule.level, v.level, `byObject: ${verb} is at ${v.level} anyway`);
      for (const o of rule.objects) {
        assert.match(o, /^[a-z-]+( [a-z-]+)*$/, `byObject object "${o}"`);
        assert.ok(!seen.has(`${verb} ${o}`), `byObject: "${verb} ${o}" listed twice`);
        seen.add(`${verb} ${o}`);
      }
    }
  }
  assert.ok(seen.has('write literature review') && seen.has('write essay'));
});

test('made by procedure: listed verbs that make something, the level they fall to, sources', () => {
  const p = bloom.byProcedure;
  assert.ok(p, 'bloom-verbs.json has byProcedure');
  assert.ok(LEVELS.includes(p.level));
  for (const verb of p.verbs) {
    const v = verbByName.get(verb) ?? bloom.phrasal?.find((x) => x.verb === verb);
    assert.ok(v, `byProcedure: ${verb} is not a listed verb`);
    assert.ok(
      order(v.level) > order(p.level) || verb === 'make',
      `byProcedure: ${verb} is ${v.level}`,
    );
  }
  for (const o of p.from) assert.match(o, /^[a-z-]+( [a-z-]+)*$/);
  assert.ok(p.from.includes('instructions') && p.from.includes('kit'));
  assert.ok(p.sources.length >= 1);
});

test('irregular forms: at least 60, each mapping to a listed verb or a vague head word', () => {
  const entries = Object.entries(bloom.irregular);
  assert.ok(entries.length >= 60, `only ${entries.length} irregular forms`);
  for (const [form, base] of entries) {
    assert.match(form, /^[a-z]+$/, `irregular form "${form}"`);
    assert.notEqual(form, base, `${form} maps to itself`);
    assert.ok(
      !verbByName.has(form),
      `${form} is itself a listed verb, so its irregular entry is never used`,
    );
    assert.ok(
      verbByName.has(base) || vagueHeads.has(base),
      `${form} -> ${base}: ${base} is neither a verb nor a vague head`,
    );
  }
  for (const [form, base] of [
    ['wrote', 'write'],
    ['chose', 'choose'],
    ['built', 'build'],
    ['understood', 'understand'],
    ['knew', 'know'],
  ]) {
    assert.equal(bloom.irregular[form!], base, `${form} -> ${base}`);
  }
});

test('at least 40 vague phrases, each lowercase words separated by single spaces, listed once', () => {
  assert.ok(vague.phrases.length >= 40, `only ${vague.phrases.length} phrases`);
  const seen = new Set<string>();
  for (const p of vague.phrases) {
    assert.match(p.phrase, /^[a-z]+( [a-z]+)*$/, `malformed phrase "${p.phrase}"`);
    assert.ok(!seen.has(p.phrase), `phrase listed twice: ${p.phrase}`);
    seen.add(p.phrase);
    assert.ok(LEVELS.includes(p.meant), `${p.phrase}: unknown level ${p.meant}`);
  }
});

test('multi-word vague phrases are present', () => {
  const phrases = new Set(vague.phrases.map((p) => p.phrase));
  for (const p of [
    'learn about',
    'be familiar with',
    'become familiar with',
    'be aware of',
    'gain an understanding of',
    'develop an understanding of',
    'have a working knowledge of',
    'develop an appreciation for',
    'be exposed to',
    'get to know',
    'recognize the importance of',
    'feel comfortable with',
  ]) {
    assert.ok(phrases.has(p), `missing vague phrase "${p}"`);
  }
  assert.ok([...phrases].filter((p) => p.includes(' ')).length >= 25, 'too few multi-word phrases');
  for (const p of ['understand', 'know', 'appreciate', 'grasp', 'comprehend'])
    assert.ok(phrases.has(p), `missing "${p}"`);
});

test('every suggestion is a listed verb at or near the level the author meant', () => {
  for (const p of vague.phrases) {
    assert.ok(
      p.suggest.length >= 4 && p.suggest.length <= 6,
      `${p.phrase}: ${p.suggest.length} suggestions`,
    );
    assert.equal(new Set(p.suggest).size, p.suggest.length, `${p.phrase}: repeated suggestion`);
    for (const s of p.suggest) {
      const v = verbByName.get(s);
      assert.ok(v, `${p.phrase}: suggestion "${s}" is not in bloom-verbs.json`);
      const distance = Math.min(
        ...[v.level, ...v.alternatives].map((l) => Math.abs(order(l) - order(p.meant))),
      );
      assert.ok(distance <= 1, `${p.phrase}: "${s}" (${v.level}) is far from ${p.meant}`);
    }
  }
});

test('default rewrites read as intended', () => {
  const first = new Map(vague.phrases.map((p) => [p.phrase, p.suggest[0]]));
  assert.equal(first.get('understand'), 'explain');
  assert.equal(first.get('know'), 'identify');
  assert.equal(first.get('be familiar with'), 'describe');
  assert.equal(first.get('have a working knowledge of'), 'use');
  assert.equal(vague.phrases.find((p) => p.phrase === 'know')?.meant, 'remember');
  // "Appreciate the role of X" means come to understand it (the syllabus sense); valuing
  // objects ("the value of", "poetry") make it evaluate through meantByObject (fifth pass).
  assert.equal(vague.phrases.find((p) => p.phrase === 'appreciate')?.meant, 'understand');
});

// The English verb lexicon (data/english-verbs.json, WordNet 3.1, issue 12).

test('english-verbs.json is what scripts/english-verbs.mjs makes from WordNet', () => {
  const r = spawnSync(process.execPath, ['scripts/english-verbs.mjs', '--check'], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  assert.equal(r.status, 0, r.stderr);
});

test('every complement verb and every "nearest" verb is a Bloom verb', () => {
  const data = englishJson as unknown as { nearest: string; licence: string; source: string };
  assert.match(data.licence, /Princeton University/);
  assert.match(data.source, /WordNet 3\.1/);
  for (const entry of data.nearest.split(' ')) {
    const [, near] = entry.split(':');
    for (const v of near!.split(',')) assert.ok(verbByName.has(v), `${entry}: ${v}`);
  }
  const complements = (bloomJson as unknown as { complements: Record<string, string[]> })
    .complements;
  for (const v of Object.keys(complements)) assert.ok(verbByName.has(v), v);
});

test('the English lexicon knows the verbs of test/corpus (infinitives after "how to" ...)', () => {
  // The sample the lexicon was chosen on (BENCHMARKS.md): words after "how to", "able to",
  // "learn to", "you will" ... in the corpus, less adverbs and function words.
  const words = new Map<string, number>();
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(?:md|qmd|rmd|ipynb)$/i.test(e.name))
        for (const m of fs
          .readFileSync(p, 'utf8')
          .matchAll(
            /\b(?:how to|able to|learn to|need to|want to|try to|you will|you'll|we will|we'll|let's|going to) +([a-z][a-z-]+)/gi,
          ))
          words.set(m[1]!.toLowerCase(), (words.get(m[1]!.toLowerCase()) ?? 0) + 1);
    }
  };
  walk(path.join(repoRoot, 'test/corpus'));
  const NOT_VERBS = new Set(
    'also not then now only often never just first more the still instead github either doubtless but always all soon later sometimes'.split(
      ' ',
    ),
  );
  const sample = [...words.keys()].filter((w) => !w.endsWith('ly') && !NOT_VERBS.has(w));
  const lex = lexiconFor();
  const known = sample.filter((w) => lex.englishLemma(w));
  const missing = sample.filter((w) => !lex.englishLemma(w));
  console.log(
    `English verbs: ${known.length}/${sample.length} corpus infinitives known (${((100 * known.length) / sample.length).toFixed(1)}%); missing: ${missing.join(' ')}`,
  );
  assert.ok(sample.length >= 300, `${sample.length} words`);
  assert.ok(known.length / sample.length >= 0.97);
  for (const w of ['subset', 'skip', 'preview', 'stack', 'stream', 'preprocess', 'problem-solve'])
    assert.ok(lex.englishLemma(w), w);
  for (const w of ['data', 'python', 'definition', 'unions', 'mutually'])
    assert.equal(lex.englishLemma(w), null, w);
});
