// Recognition scored against hand labels: test/corpus/other holds real course material of many
// genres and formats (syllabi, self-paced lessons, MyST and Quarto pages, notebooks, tables,
// workplace training) with one annotator's labels in truth.json. Each labelled objective is
// looked for among the objectives Bloomline reads from the file as stored (a notebook's lines are
// those of its JSON), and each objective Bloomline reads is looked for among the labels.
// Debatable labels count neither way. test/unit/recognition-addenda.json lists the objectives
// the labeller left out (with why); the figures are printed with and without them, and the bars
// hold on the adjusted ones (OUTLINE-CONVENTIONS.md; issue "Read the outlines course authors
// actually write").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { LineIndex, Workspace, readOutlineSource } from '../../server/src/core/index.js';
import { repoRoot } from './fixture-helpers.js';

interface Label {
  line: number;
  end_line?: number;
  text: string;
  vague: boolean;
  flags: { debatable: boolean };
  via_include?: string;
}
interface Truth {
  files: Record<string, { objectives: Label[]; outcomes: { line: number }[] }>;
}
interface Addenda {
  files: Record<string, { why: string; objectives: number[] }>;
}

const readJson = <T>(file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as T;

const norm = (s: string) =>
  s
    .replace(/[`*_\\[\]]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

interface Score {
  found: number;
  missed: number;
  extra: number;
  extraByAddenda: number;
  vagueRight: number;
  vagueMissed: number;
  vagueWrong: number;
  asOutcome: number;
}
const zero = (): Score => ({
  found: 0,
  missed: 0,
  extra: 0,
  extraByAddenda: 0,
  vagueRight: 0,
  vagueMissed: 0,
  vagueWrong: 0,
  asOutcome: 0,
});

function scoreFile(
  corpus: string,
  truth: Truth,
  addenda: Addenda,
  rel: string,
  log: string[],
): Score {
  const stored = fs.readFileSync(path.join(corpus, rel), 'utf8');
  const source = readOutlineSource(rel, stored);
  assert.equal(source.problem, null, `${rel} reads`);
  const ws = new Workspace();
  ws.update(rel, source.text, undefined, source.view);
  const outline = ws.get(rel)!;
  const lines = new LineIndex(source.view.stored);
  const lineOf = (start: number) =>
    lines.position(source.view.toStored({ start, end: start }).start).line + 1;
  const read = outline.objectives.map((o) => ({
    line: lineOf(o.textSpan.start),
    text: o.text,
    flagged: o.analysis.vague || o.analysis.verb === null,
    used: false,
  }));
  const outcomeLines = outline.outcomes.map((o) => lineOf(o.textSpan.start));
  const labels = truth.files[rel]!;
  const added = new Set(addenda.files[rel]?.objectives ?? []);
  const s = zero();
  for (const label of labels.objectives) {
    if (label.via_include) continue; // read in the included file, which is scored itself
    const end = label.end_line ?? label.line;
    const candidates = read.filter((r) => !r.used && r.line >= label.line && r.line <= end);
    const want = norm(label.text).slice(0, 24);
    const match =
      candidates.find(
        (r) => want.startsWith(norm(r.text).slice(0, 24)) || norm(r.text).startsWith(want),
      ) ?? candidates[0];
    if (outcomeLines.some((l) => l >= label.line && l <= end)) {
      s.asOutcome++;
      log.push(`  read as an outcome, line ${label.line}: ${label.text.slice(0, 80)}`);
    }
    if (match) match.used = true;
    if (label.flags.debatable) continue;
    if (!match) {
      s.missed++;
      log.push(`  missed, line ${label.line}: ${label.text.slice(0, 80)}`);
      continue;
    }
    s.found++;
    if (label.vague && match.flagged) s.vagueRight++;
    else if (label.vague) {
      s.vagueMissed++;
      log.push(`  vague but not flagged, line ${label.line}: ${label.text.slice(0, 70)}`);
    } else if (match.flagged) {
      s.vagueWrong++;
      log.push(`  flagged but not vague, line ${label.line}: ${label.text.slice(0, 70)}`);
    }
  }
  for (const r of read) {
    if (r.used) continue;
    if (added.has(r.line)) s.extraByAddenda++;
    else {
      s.extra++;
      log.push(`  not an objective, line ${r.line}: ${r.text.slice(0, 80)}`);
    }
  }
  return s;
}

const add = (a: Score, b: Score) => {
  for (const k of Object.keys(a) as (keyof Score)[]) a[k] += b[k];
};
const ratio = (n: number, d: number) => (d ? n / d : 1);
const fmt = (x: number) => x.toFixed(3);

interface CorpusScore {
  files: number;
  total: Score;
  precision: number;
  recall: number;
  vaguePrecision: number;
  vagueRecall: number;
  report: string;
}

// Scores every labelled file of one corpus folder and returns the figures and a printable report
// (the figures, a row per genre, then each miss).
function scoreCorpus(folder: string, addendaFile: string | null): CorpusScore {
  const corpus = path.join(repoRoot, folder);
  const truth = readJson<Truth>(path.join(corpus, 'truth.json'));
  const addenda: Addenda = addendaFile
    ? readJson<Addenda>(path.join(repoRoot, addendaFile))
    : { files: {} };
  const files = Object.keys(truth.files).sort();
  const total = zero();
  const byGenre = new Map<string, Score>();
  const log: string[] = [];
  for (const rel of files) {
    const lines: string[] = [];
    const s = scoreFile(corpus, truth, addenda, rel, lines);
    if (lines.length) log.push(rel, ...lines);
    add(total, s);
    const genre = rel.split('/')[0]!;
    if (!byGenre.has(genre)) byGenre.set(genre, zero());
    add(byGenre.get(genre)!, s);
  }
  const recall = ratio(total.found, total.found + total.missed);
  const precision = ratio(total.found, total.found + total.extra);
  const rawPrecision = ratio(total.found, total.found + total.extra + total.extraByAddenda);
  const vagueRecall = ratio(total.vagueRight, total.vagueRight + total.vagueMissed);
  const vaguePrecision = ratio(total.vagueRight, total.vagueRight + total.vagueWrong);
  const rows = [...byGenre].map(
    ([g, s]) =>
      `  ${g.padEnd(12)} precision ${fmt(ratio(s.found, s.found + s.extra))} recall ${fmt(ratio(s.found, s.found + s.missed))} (${s.found} found, ${s.missed} missed, ${s.extra} not objectives)`,
  );
  const addendaNote = addendaFile
    ? ` (labels alone: precision ${fmt(rawPrecision)}; ${total.extraByAddenda} objectives the labeller left out, see ${path.basename(addendaFile)})`
    : '';
  const report = [
    `recognition on ${files.length} labelled files of ${folder}: objectives precision ${fmt(precision)} recall ${fmt(recall)}${addendaNote}`,
    `  vague objectives flagged (vague-verb or no-verb): precision ${fmt(vaguePrecision)} recall ${fmt(vagueRecall)}`,
    `  learner statements read as outcomes: ${total.asOutcome}`,
    ...rows,
    ...log,
  ].join('\n');
  return { files: files.length, total, precision, recall, vaguePrecision, vagueRecall, report };
}

test('recognition on the labelled corpus (test/corpus/other)', () => {
  const r = scoreCorpus('test/corpus/other', 'test/unit/recognition-addenda.json');
  console.log(r.report);
  assert.ok(r.files >= 40, `${r.files} labelled files`);
  assert.ok(r.precision >= 0.95, `objective precision ${fmt(r.precision)} < 0.95`);
  assert.ok(r.recall >= 0.95, `objective recall ${fmt(r.recall)} < 0.95`);
  assert.equal(r.total.asOutcome, 0, 'no learner statement is read as an outcome');
  assert.ok(r.vaguePrecision >= 0.9, `vague precision ${fmt(r.vaguePrecision)} < 0.9`);
  assert.ok(r.vagueRecall >= 0.9, `vague recall ${fmt(r.vagueRecall)} < 0.9`);
});

// test/corpus/held-out-files: 24 whole real course files of seven genres that Bloomline had
// never been run on, labelled by an engineer who neither ran Bloomline nor read its recogniser
// (labels committed on their own). Measured once, with no change to the recogniser after it:
// objectives precision 0.982, recall 0.900; vague flagged precision 1.000, recall 1.000. The bars
// hold those figures (vague at 0.95: a few dozen items); a change made for these files' misses
// would make the set seen.
test('recognition on unseen labelled files (test/corpus/held-out-files)', () => {
  const r = scoreCorpus('test/corpus/held-out-files', null);
  console.log(r.report);
  assert.ok(r.files >= 24, `${r.files} labelled files`);
  assert.ok(r.total.found >= 50, `${r.total.found} labelled objectives found`);
  assert.ok(r.precision >= 0.98, `objective precision ${fmt(r.precision)} < 0.98`);
  assert.ok(r.recall >= 0.9, `objective recall ${fmt(r.recall)} < 0.90`);
  assert.equal(r.total.asOutcome, 0, 'no learner statement is read as an outcome');
  assert.ok(r.vaguePrecision >= 0.95, `vague precision ${fmt(r.vaguePrecision)} < 0.95`);
  assert.ok(r.vagueRecall >= 0.95, `vague recall ${fmt(r.vagueRecall)} < 0.95`);
});
