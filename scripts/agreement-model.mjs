// A learnt reader of Bloom levels, tried against the word rules by leaving one set out
// (docs/agreement.md, "A learnt tie-breaker"). Used by scripts/agreement-cv.mjs (--confusion,
// --model); nothing here is part of Bloomline.
//
// The tie-breaker is a conditional logit over candidate levels: for the behaviour that decides an
// objective's level (its highest), each candidate level c gets a score w·f(objective, c), and the
// highest score wins. The features are conjoined with c: the verb's lemma, the first content
// word of what it acts on and that phrase's head noun (alone and with the verb), the words of
// the object, a wh-word after the verb ("Explain how ..."), a purpose clause ("... to choose",
// "so that", "in order to"), a means ("using", "with", "by"), a word of originality ("own",
// "original", "new"), how many behaviours, a vague wrapper ("learn how to X"), a verb only the
// English lexicon knows, and a verb from the block's lead-in. Three variants:
//   anchored    candidates are the verb's listed levels (its level in context and its
//               alternatives); the rules' level is a feature, and so is the rules' level
//               with each candidate (so it can learn that the rules' "remember" is labelled
//               "understand" for some verbs). It only breaks ties the verb lists leave open.
//   verb-levels the same candidates, without the rules' level: the model alone decides.
//   any-level   all six levels, anchored: the model may contradict the verb (for comparison
//               only; the contract forbids it for a clear verb).
// Training is deterministic (full-batch AdaGrad, 150 rounds, L2 penalty λ, no randomness); λ
// is chosen inside each fold by leaving out each of its training sets in turn (any-level: λ 3).
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const LEVELS = ['remember', 'understand', 'apply', 'analyze', 'evaluate', 'create'];

/** The real labelled sets that passes have read (test/fixtures/objectives; truth.json besides).
 * The newest set is left out until it has been measured unseen. */
export const REAL_SETS = [
  'held-out-real',
  'held-out-real-2',
  'held-out-real-3',
  'held-out-real-4',
  'held-out-real-5',
  'held-out-real-6',
  'held-out-real-7',
  'held-out-real-8',
  'held-out-real-9',
  'held-out-real-10',
  'held-out-real-11',
  'held-out-real-12',
  'held-out-real-13',
  'held-out-real-14',
  'held-out-real-15',
  'held-out-real-16',
  'held-out-real-17',
  'held-out-real-18',
  'held-out-real-19',
  'held-out-real-20',
  'held-out-real-21',
  'held-out-real-22',
];
const rank = (l) => LEVELS.indexOf(l);
const LAMBDAS = [0.3, 1, 3, 10];
const ROUNDS = 150;

const STOP = new Set(
  'the a an of to and or in on for with by from as at into their your its his her this these those that which who whom be is are it them each all any both some such how what why when where whether'.split(
    ' ',
  ),
);
const BREAK =
  /^(?:of|in|for|with|to|from|by|on|at|using|that|which|and|or|into|about|between|among|within|across|through)$/;
const stem = (w) =>
  w
    .toLowerCase()
    .replace(/['’]s$/, '')
    .replace(/ies$/, 'y')
    .replace(/(?<=[a-z]{3})s$/, '');

/** The deciding behaviour of a reading (its highest level) and the features of its objective. */
export function features(text, r) {
  const bs = r.behaviours;
  let top = null;
  for (const b of bs) if (b.level && (!top || rank(b.level) > rank(top.level))) top = b;
  if (!top) return null;
  const v = top.real ?? top.verb;
  const lemma = (v.lemma || v.text).toLowerCase();
  const next = bs[bs.indexOf(top) + 1];
  const end = next && !next.fromLeadIn ? next.verb.start : text.length;
  const obj = top.fromLeadIn
    ? text.slice(r.behaviourStart)
    : text.slice(v.end, Math.max(v.end, end));
  const ow = obj.toLowerCase().match(/\p{L}[\p{L}'’-]*/gu) ?? [];
  const content = ow
    .filter((w) => !STOP.has(w))
    .slice(0, 6)
    .map(stem);
  let head = null;
  for (const w of ow) {
    if (BREAK.test(w) && head) break;
    if (!STOP.has(w)) head = stem(w);
  }
  const f = ['verb:' + lemma, 'nbeh:' + Math.min(bs.length, 3)];
  if (content[0]) f.push('w1:' + content[0]);
  if (head) f.push('head:' + head, 'vh:' + lemma + '|' + head);
  for (const w of content) f.push('bow:' + w);
  if (ow[0] && /^(?:how|what|why|when|where|whether|which|that)$/.test(ow[0]))
    f.push('wh:' + ow[0]);
  if (
    /\b(?:in order to|so that|so as to)\b/i.test(obj) ||
    /\bto\s+(?!the\b|a\b|an\b)\p{L}+\s/iu.test(obj)
  )
    f.push('purpose');
  if (/\b(?:using|with|by)\b/i.test(obj)) f.push('means');
  if (/\b(?:own|original|new|novel)\b/i.test(obj)) f.push('original');
  if (top.vague) f.push('vague-wrapper');
  if (!top.known) f.push('unknown-verb');
  if (top.fromLeadIn) f.push('lead-in');
  return {
    cands: [...new Set([top.level, ...top.alternatives])],
    rule: top.level,
    lemma,
    feats: f,
  };
}

function candFeats(x, c, variant) {
  const out = ['level:' + c];
  if (variant !== 'verb-levels')
    out.push(c === x.rule ? 'rule' : 'not-rule', 'rule:' + x.rule + '|' + c);
  for (const f of x.feats) out.push(f + '|' + c);
  return out;
}
const candidates = (x, variant) => (variant === 'any-level' ? LEVELS : x.cands);

/** Trains weights on labelled objectives (`l.x` features, `l.level` label). */
export function train(labels, lambda, variant) {
  const ex = [];
  for (const l of labels) {
    if (!l.x) continue;
    const cs = candidates(l.x, variant);
    if (cs.length < 2 || !cs.includes(l.level)) continue;
    ex.push({ cs: cs.map((c) => ({ c, f: candFeats(l.x, c, variant) })), y: l.level });
  }
  const w = new Map();
  const g2 = new Map();
  for (let round = 0; round < ROUNDS; round++) {
    const grad = new Map();
    for (const e of ex) {
      const s = e.cs.map((k) => k.f.reduce((a, f) => a + (w.get(f) ?? 0), 0));
      const m = Math.max(...s);
      const p = s.map((v) => Math.exp(v - m));
      const z = p.reduce((a, b) => a + b, 0);
      e.cs.forEach((k, i) => {
        const d = p[i] / z - (k.c === e.y ? 1 : 0);
        for (const f of k.f) grad.set(f, (grad.get(f) ?? 0) + d);
      });
    }
    for (const [k, v] of w) grad.set(k, (grad.get(k) ?? 0) + lambda * v);
    for (const [k, g] of grad) {
      const a = (g2.get(k) ?? 0) + g * g;
      g2.set(k, a);
      w.set(k, (w.get(k) ?? 0) - (0.5 * g) / Math.sqrt(a + 1e-8));
    }
  }
  return w;
}

/** The level the tie-breaker gives an objective the rules read at `l.read`. */
export function predict(w, l, variant) {
  const x = l.x;
  if (!x) return l.read;
  const cs = candidates(x, variant);
  if (cs.length < 2) return l.read;
  let best = null;
  let bestScore = -Infinity;
  for (const c of cs) {
    const s = candFeats(x, c, variant).reduce((a, f) => a + (w.get(f) ?? 0), 0);
    if (s > bestScore) [best, bestScore] = [c, s];
  }
  return best;
}

const strictOf = (ls, pred) => ls.reduce((a, l, i) => a + +(pred[i] === l.level), 0);
const lenientOf = (ls, pred) =>
  ls.reduce(
    (a, l, i) => a + +(pred[i] === l.level || (pred[i] !== null && l.alt.includes(pred[i]))),
    0,
  );

/** λ by leaving out each real training set in turn (hand-written sets always train). */
function chooseLambda(realTrain, hand, variant) {
  let best = LAMBDAS[0];
  let bestHits = -1;
  for (const lambda of LAMBDAS) {
    let hits = 0;
    for (const inner of realTrain) {
      const w = train(
        [...realTrain.filter((s) => s !== inner).flatMap((s) => s.labels), ...hand],
        lambda,
        variant,
      );
      hits += strictOf(
        inner.labels,
        inner.labels.map((l) => predict(w, l, variant)),
      );
    }
    if (hits > bestHits) [best, bestHits] = [lambda, hits];
  }
  return best;
}

/** Readings and features of every label: `l.read` is the rules' level as agreement.test.ts
 * scores it; `l.x` the features of the reading that gave it. */
export async function prepare(readerDir, labelSets, read) {
  const { readObjective } = await import(
    pathToFileURL(path.join(readerDir, 'server/src/core/language/objective.js')).href
  );
  const { lexiconFor } = await import(
    pathToFileURL(path.join(readerDir, 'server/src/core/language/lexicon.js')).href
  );
  const lex = lexiconFor();
  for (const s of labelSets)
    for (const l of s.labels) {
      const r0 = l.after ?? read(l);
      l.read = r0.level;
      l.topic = r0.recognised && r0.level === null;
      l.x = null;
      if (r0.level) {
        const text = l.text.replace(/\s+/g, ' ').trim();
        const r = readObjective(text, lex, null);
        // Only where reading the bare text gives the level the outline gave.
        if (r.level === r0.level) l.x = features(text, r);
      }
    }
}

const p3 = (k, n) => (k / n).toFixed(3);

/** Which level pairs the disagreements are, with the verbs that decide them, and how many a
 * tie-breaker between the verb's listed levels could reach at all. */
export function confusionReport(sets) {
  const rows = sets.flatMap((s) => s.labels.map((l) => ({ ...l, set: s.name })));
  const n = rows.length;
  const m = new Map();
  for (const l of rows) m.set(`${l.level}/${l.read}`, (m.get(`${l.level}/${l.read}`) ?? 0) + 1);
  console.log(`label (rows) by level read (columns), ${n} objectives of the real sets:`);
  console.log(''.padEnd(11) + [...LEVELS, 'none'].map((c) => c.slice(0, 7).padStart(8)).join(''));
  for (const a of LEVELS)
    console.log(
      a.padEnd(11) +
        [...LEVELS, null].map((b) => String(m.get(`${a}/${b}`) ?? 0).padStart(8)).join(''),
    );
  const pairs = new Map();
  let reach = 0;
  let outside = 0;
  let none = 0;
  for (const l of rows) {
    if (l.read === l.level) continue;
    const key = [l.level, l.read ?? 'none'].sort((a, b) => a.localeCompare(b)).join(' ~ ');
    let p = pairs.get(key);
    if (!p) pairs.set(key, (p = { n: 0, verbs: new Map() }));
    p.n++;
    const verb = l.x?.lemma ?? (l.read ? '(vague phrase)' : '(none read)');
    let v = p.verbs.get(verb);
    if (!v) p.verbs.set(verb, (v = { n: 0, sets: new Set() }));
    v.n++;
    v.sets.add(l.set);
    if (l.read === null) none++;
    else if (l.x?.cands.includes(l.level)) reach++;
    else outside++;
  }
  const wrong = reach + outside + none;
  console.log(
    `\n${wrong} disagreements (${p3(wrong, n)} of the objectives), by level pair and deciding verb:`,
  );
  for (const [key, p] of [...pairs].sort((a, b) => b[1].n - a[1].n).slice(0, 12))
    console.log(
      `  ${String(p.n).padStart(3)} ${key.padEnd(22)} ` +
        [...p.verbs]
          .sort((a, b) => b[1].n - a[1].n)
          .slice(0, 6)
          .map(([v, c]) => `${v} ${c.n} (${c.sets.size} sets)`)
          .join(', '),
    );
  console.log(
    `\nof the ${wrong}: the label is one of the deciding verb's listed levels in ${reach} (all a tie-breaker ` +
      `could fix: ${p3(reach, n)} of the objectives), another level in ${outside}, no level read in ${none}`,
  );
}

/** Leave one real set out: the rules against rules + tie-breaker, per fold and pooled. */
export function modelReport(sets, hand, unseenSet) {
  const handLabels = hand.flatMap((s) => s.labels);
  const n = sets.reduce((a, s) => a + s.labels.length, 0);
  if (!unseenSet)
    console.log(
      `leave-one-set-out, strict and lenient (rules -> rules with the tie-breaker; λ chosen inside each fold; ` +
        `hand-written sets always train):`,
    );
  for (const variant of unseenSet ? [] : ['anchored', 'verb-levels', 'any-level']) {
    let b = [0, 0];
    let a = [0, 0];
    const lines = [];
    for (const held of sets) {
      const realTrain = sets.filter((s) => s !== held);
      // any-level has six candidates for every objective: choosing its λ inside each fold takes
      // minutes, so it takes the middle of the range.
      const lambda = variant === 'any-level' ? 3 : chooseLambda(realTrain, handLabels, variant);
      const w = train([...realTrain.flatMap((s) => s.labels), ...handLabels], lambda, variant);
      const ls = held.labels;
      const rules = ls.map((l) => l.read);
      const learnt = ls.map((l) => predict(w, l, variant));
      const fb = [strictOf(ls, rules), lenientOf(ls, rules)];
      const fa = [strictOf(ls, learnt), lenientOf(ls, learnt)];
      b = [b[0] + fb[0], b[1] + fb[1]];
      a = [a[0] + fa[0], a[1] + fa[1]];
      const changed = ls.filter((l, i) => learnt[i] !== rules[i]).length;
      lines.push(
        `  ${held.name.padEnd(16)} ${p3(fb[0], ls.length)} ${p3(fb[1], ls.length)} -> ${p3(fa[0], ls.length)} ${p3(fa[1], ls.length)}` +
          `  (λ ${lambda}, ${changed} levels changed)`,
      );
    }
    console.log(
      `${variant}: pooled ${p3(b[0], n)} ${p3(b[1], n)} -> ${p3(a[0], n)} ${p3(a[1], n)}`,
    );
    console.log(lines.join('\n'));
  }
  // Objectives recognised but read with no level (topics, noun phrases): the level the other
  // folds' such objectives are most often labelled, given to them all.
  let bt = [0, 0];
  let at = [0, 0];
  const lines = [];
  for (const held of sets) {
    const counts = new Map();
    for (const s of sets)
      if (s !== held)
        for (const l of s.labels) if (l.topic) counts.set(l.level, (counts.get(l.level) ?? 0) + 1);
    const meant = [...counts].sort((x, y) => y[1] - x[1])[0]?.[0] ?? null;
    const ls = held.labels;
    const rules = ls.map((l) => l.read);
    const withTopic = ls.map((l) => (l.topic ? meant : l.read));
    const fb = [strictOf(ls, rules), lenientOf(ls, rules)];
    const fa = [strictOf(ls, withTopic), lenientOf(ls, withTopic)];
    bt = [bt[0] + fb[0], bt[1] + fb[1]];
    at = [at[0] + fa[0], at[1] + fa[1]];
    lines.push(
      `  ${held.name.padEnd(16)} ${p3(fb[0], ls.length)} ${p3(fb[1], ls.length)} -> ${p3(fa[0], ls.length)} ${p3(fa[1], ls.length)}` +
        `  (${ls.filter((l) => l.topic).length} with no level, given ${meant})`,
    );
  }
  console.log(
    `topic default (a recognised objective with no level gets the level most such objectives of the other sets ` +
      `are labelled): pooled ${p3(bt[0], n)} ${p3(bt[1], n)} -> ${p3(at[0], n)} ${p3(at[1], n)}`,
  );
  console.log(lines.join('\n'));

  if (unseenSet) {
    // Trained on every seen set; only figures of the unseen set are printed.
    const ls = unseenSet.labels;
    const rules = ls.map((l) => l.read);
    const out = [
      `${unseenSet.name} (${ls.length}), rules: ${p3(strictOf(ls, rules), ls.length)} ${p3(lenientOf(ls, rules), ls.length)}`,
    ];
    for (const variant of ['anchored', 'verb-levels']) {
      const lambda = chooseLambda(sets, handLabels, variant);
      const w = train([...sets.flatMap((s) => s.labels), ...handLabels], lambda, variant);
      const learnt = ls.map((l) => predict(w, l, variant));
      out.push(
        `${variant}: ${p3(strictOf(ls, learnt), ls.length)} ${p3(lenientOf(ls, learnt), ls.length)}`,
      );
    }
    console.log(`\nunseen, measured once: ${out.join('; ')}`);
  }
}

/** truth.json's objectives (not debatable, not affective) and the seen real sets, by name. */
export function loadSeenSets(root) {
  const truth = JSON.parse(
    fs.readFileSync(path.join(root, 'test/corpus/other/truth.json'), 'utf8'),
  );
  const t = [];
  for (const [file, f] of Object.entries(truth.files))
    for (const o of f.objectives)
      if (!o.flags?.debatable && o.level !== 'affective')
        t.push({ ...o, alt: o.alt_levels, source: file.split('/')[0] + ':' + file });
  return [{ name: 'truth', labels: t }, ...REAL_SETS.map((n) => loadFixture(root, n))];
}

/** The hand-written sets (training only: each was written for one pass's kinds). */
export function loadHand(root) {
  return ['held-out', 'held-out-2', 'held-out-3', 'held-out-4', 'held-out-5'].map((name) =>
    loadFixture(root, name),
  );
}

export function loadFixture(root, name) {
  const d = JSON.parse(
    fs.readFileSync(path.join(root, 'test/fixtures/objectives', `${name}.json`), 'utf8'),
  );
  return {
    name,
    labels: d.objectives.map(([text, vague, level, alt, criterion, compound, source]) => ({
      text,
      vague,
      level,
      alt,
      criterion,
      compound,
      source: `${name}:${source ?? ''}`,
    })),
  };
}
