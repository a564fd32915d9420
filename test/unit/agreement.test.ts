// Agreement with careful human labels (issue 12): the objective reader on
// test/corpus/other/truth.json (349 objectives of real outlines, labelled by an annotator who
// never saw Bloomline's output; debatable ones and "affective" levels left out), on
// test/fixtures/objectives/held-out.json (102 hand-written objectives, labelled before the
// reader was changed), on held-out-2.json (115 more, in other domains, written and labelled
// by a second engineer before the reader was run on them or changed for them) and on
// held-out-real.json (178 real objectives by other authors, from 34 public sources, that the
// reader was never run on or tuned for, labelled before it was run on them), and on
// held-out-real-2.json (297 more real objectives from 40 other sources, labelled before the
// reader was run on them and measured once; the fourth pass read its misses, so it is no
// longer unseen), and on held-out-real-3.json (275 from 36 further sources, labelled without
// running Bloomline and measured once after the fourth pass), and on held-out-real-4.json (354
// from 43 further sources, measured once after the fifth pass; the sixth pass read its misses),
// and on held-out-4.json (41 hand-written for the sixth pass's kinds), and on held-out-5.json (40
// hand-written for the seventh pass's kinds), and on held-out-6.json (186 hand-written for all
// of issue 12's kinds, with traps and controls), and on held-out-7.json (48 hand-written for the
// tenth pass's kinds), and on held-out-8.json (29 hand-written for the twelfth's), and on
// held-out-9.json (54 hand-written for the thirteenth's), and on held-out-10.json (38
// hand-written for the fourteenth's), and on held-out-real-11.json (548 real, seen since the
// fourteenth pass). Each text is read as a one-item
// objectives list. Figures print in `npm test`; the bars hold today's
// figures (less a little) so a change that loses agreement fails.
//
// Level: the objective's level (the highest of its behaviours); for a vague objective with no
// observable verb ("Understand X"), or a topic with no verb ("Care and use of hand tools",
// ninth pass), the level the author most likely meant (`meantLevel` in the JSON). Strict: the
// label's level; lenient: also one of its `alt_levels`. Vague: some behaviour is vague, or none
// is stated (no-verb). Compound: two or more behaviours.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { buildOutline, type BloomLevel } from '../../server/src/core/index.js';
import { repoRoot } from './fixture-helpers.js';

interface Label {
  text: string;
  vague: boolean;
  level: string;
  alt: string[];
  criterion: boolean;
  compound: boolean;
}

interface Figures {
  n: number;
  strict: number;
  lenient: number;
  levelled: number;
  strictWhereLevelled: number;
  vague: number;
  criterion: number;
  compound: number;
  misses: string[];
}

function score(labels: Label[]): Figures {
  let strict = 0;
  let lenient = 0;
  let levelled = 0;
  let strictLevelled = 0;
  let vague = 0;
  let criterion = 0;
  let compound = 0;
  const misses: string[] = [];
  for (const l of labels) {
    const text = l.text.replace(/\s+/g, ' ').trim();
    const o = buildOutline(`## Objectives\n\n- ${text}\n`, 'label.md').objectives[0];
    const a = o?.analysis;
    // With no level read, the level meant (a vague phrase's, or a topic's: `meantLevel`).
    const level: BloomLevel | null = a ? (a.level ?? a.meantLevel) : null;
    const s = level === l.level;
    const le = s || (level !== null && l.alt.includes(level));
    const v = a ? a.vague || !a.verb : true;
    const c = !!a?.criterion;
    const m = (a?.behaviours.length ?? 0) > 1;
    strict += +s;
    lenient += +le;
    if (level) {
      levelled++;
      strictLevelled += +s;
    }
    vague += +(v === l.vague);
    criterion += +(c === l.criterion);
    compound += +(m === l.compound);
    if (!le || v !== l.vague || c !== l.criterion || m !== l.compound)
      misses.push(
        `${le ? ' ' : 'L'}${v === l.vague ? ' ' : 'V'}${c === l.criterion ? ' ' : 'C'}${m === l.compound ? ' ' : 'M'} ${l.level}/${level} ${text.slice(0, 90)}`,
      );
  }
  const n = labels.length;
  return {
    n,
    strict: strict / n,
    lenient: lenient / n,
    levelled: levelled / n,
    strictWhereLevelled: strictLevelled / Math.max(1, levelled),
    vague: vague / n,
    criterion: criterion / n,
    compound: compound / n,
    misses,
  };
}

function report(name: string, f: Figures): void {
  const p = (x: number) => x.toFixed(3);
  console.log(
    `${name}: ${f.n} objectives; level strict ${p(f.strict)}, lenient ${p(f.lenient)} ` +
      `(a level read for ${p(f.levelled)}, strict among those ${p(f.strictWhereLevelled)}); ` +
      `vague ${p(f.vague)}, criterion ${p(f.criterion)}, compound ${p(f.compound)}`,
  );
  if (process.env.BLOOMLINE_MISSES) console.log(f.misses.join('\n'));
}

describe('agreement with human labels', () => {
  test('truth.json (real outlines, careful annotator)', () => {
    const truth = JSON.parse(
      fs.readFileSync(path.join(repoRoot, 'test/corpus/other/truth.json'), 'utf8'),
    ) as {
      files: Record<
        string,
        {
          objectives: (Omit<Label, 'alt'> & {
            alt_levels: string[];
            flags?: { debatable?: boolean };
          })[];
        }
      >;
    };
    const labels: Label[] = [];
    for (const file of Object.values(truth.files))
      for (const o of file.objectives)
        if (!o.flags?.debatable && o.level !== 'affective')
          labels.push({ ...o, alt: o.alt_levels });
    assert.ok(labels.length >= 240, `${labels.length} labels`);
    const f = score(labels);
    report('truth.json', f);
    // After the ninth pass (topics' meant level): strict 0.879, lenient 0.972; after the
    // eleventh compound 0.923. The thirteenth reads "Recognize the visual impact of utilizing
    // illegible text ...", labelled remember with understand as its alternative, at understand
    // (recognising an impact is inferring it, as five labels of two other sets say): strict 0.874.
    assert.ok(f.strict >= 0.874, `strict ${f.strict}`);
    assert.ok(f.lenient >= 0.97, `lenient ${f.lenient}`);
    assert.ok(f.vague >= 0.96, `vague ${f.vague}`);
    assert.ok(f.criterion >= 0.98, `criterion ${f.criterion}`);
    assert.ok(f.compound >= 0.922, `compound ${f.compound}`);
  });

  // Columns: text, vague, level, alternative levels, criterion, compound.
  const heldOut = (file: string): Label[] =>
    (
      JSON.parse(
        fs.readFileSync(path.join(repoRoot, 'test/fixtures/objectives', file), 'utf8'),
      ) as { objectives: [string, boolean, string, string[], boolean, boolean][] }
    ).objectives.map(([text, vague, level, alt, criterion, compound]) => ({
      text,
      vague,
      level,
      alt,
      criterion,
      compound,
    }));

  test('held-out.json (hand-written, labelled before the reader changed)', () => {
    const labels = heldOut('held-out.json');
    assert.ok(labels.length >= 100);
    const f = score(labels);
    report('held-out.json', f);
    // 0.931 / 0.980 until the eleventh pass, which reads "Demonstrate knowledge of the major
    // periods of European art" (labelled remember) as understand, as the real sets label
    // knowledge of a field (docs/agreement.md): 0.922 / 0.971.
    assert.ok(f.strict >= 0.92, `strict ${f.strict}`);
    assert.ok(f.lenient >= 0.97, `lenient ${f.lenient}`);
    assert.ok(f.vague >= 0.98, `vague ${f.vague}`);
    assert.ok(f.criterion >= 0.97, `criterion ${f.criterion}`);
    assert.ok(f.compound >= 0.98, `compound ${f.compound}`);
  });

  test('held-out-2.json (other domains, labelled before the reader ran on them)', () => {
    const labels = heldOut('held-out-2.json');
    assert.ok(labels.length >= 100);
    const f = score(labels);
    report('held-out-2.json', f);
    // After the ninth pass (inspect reads apply): strict 0.948.
    assert.ok(f.strict >= 0.964, `strict ${f.strict}`);
    assert.ok(f.lenient >= 0.99, `lenient ${f.lenient}`);
    assert.ok(f.vague >= 0.98, `vague ${f.vague}`);
    assert.ok(f.criterion >= 0.95, `criterion ${f.criterion}`);
    assert.ok(f.compound >= 0.99, `compound ${f.compound}`);
  });

  // Hand-written for the fifth pass (docs/agreement.md): the kinds of misses seen on real
  // objectives, in other wording and domains, labelled and committed before the reader was
  // changed for them, with controls that must not change.
  test("held-out-3.json (hand-written, the fifth pass's kinds, labelled before the change)", () => {
    const labels = heldOut('held-out-3.json');
    assert.ok(labels.length >= 80);
    const f = score(labels);
    report('held-out-3.json', f);
    assert.ok(f.strict >= 0.988, `strict ${f.strict}`);
    assert.ok(f.lenient >= 1, `lenient ${f.lenient}`);
    assert.ok(f.vague >= 1, `vague ${f.vague}`);
    assert.ok(f.criterion >= 1, `criterion ${f.criterion}`);
    assert.ok(f.compound >= 1, `compound ${f.compound}`);
  });

  // Hand-written for the sixth pass (docs/agreement.md): passive performance criteria, learner
  // subjects with no modal or with "can", "have the ability to", "develop competence in", in
  // other wording and domains, labelled and committed before the reader was changed for them.
  test("held-out-4.json (hand-written, the sixth pass's kinds, labelled before the change)", () => {
    const labels = heldOut('held-out-4.json');
    assert.ok(labels.length >= 40);
    const f = score(labels);
    report('held-out-4.json', f);
    // On the reader before the sixth pass: 0.415, 0.488, vague 0.585, criterion 0.854,
    // compound 0.707. After it: 0.585, 0.683, 0.732, 0.854, 0.878. Single passive criteria
    // ("Cables are terminated ...") stay unrecognised as a one-item list (a statement), as
    // before: recognition was left unchanged.
    // Passive performance criteria under an objectives heading read (they had been taken for
    // statements): 0.585 / 0.682 strict and lenient before. After the eleventh pass compound
    // 0.927 (a series of verbs at the start). After the twenty-first pass ("Soil samples are
    // collected and labelled ...": collect reads apply) strict 0.902, lenient 0.976.
    // After the twenty-fourth pass (record reads apply: 'Stock levels have been counted and
    // recorded') strict 0.927.
    assert.ok(f.strict >= 0.925, `strict ${f.strict}`);
    assert.ok(f.lenient >= 0.975, `lenient ${f.lenient}`);
    assert.ok(f.vague >= 0.97, `vague ${f.vague}`);
    assert.ok(f.criterion >= 0.9, `criterion ${f.criterion}`);
    assert.ok(f.compound >= 0.92, `compound ${f.compound}`);
  });

  // Hand-written for the seventh pass (docs/agreement.md): the kinds the cross-validation over
  // the real sets supported (a judgement as the purpose of using a tool; identify the factors
  // that affect X) and two grammatical misreadings, in other wording and domains, labelled and
  // committed before the reader was changed for them, with controls.
  test("held-out-5.json (hand-written, the seventh pass's kinds, labelled before the change)", () => {
    const labels = heldOut('held-out-5.json');
    assert.ok(labels.length >= 40);
    const f = score(labels);
    report('held-out-5.json', f);
    // On the reader before the seventh pass: strict 0.425, lenient 0.900, vague 1.000,
    // criterion 0.950, compound 0.950. After it: 0.875, 0.975, 1.000, 0.950, 0.975.
    assert.ok(f.strict >= 0.87, `strict ${f.strict}`);
    assert.ok(f.lenient >= 0.97, `lenient ${f.lenient}`);
    assert.ok(f.vague >= 1, `vague ${f.vague}`);
    assert.ok(f.criterion >= 0.95, `criterion ${f.criterion}`);
    assert.ok(f.compound >= 0.97, `compound ${f.compound}`);
  });

  // Hand-written for the eighth pass (docs/agreement.md): 186 objectives of all the kinds issue
  // 12 names (every behaviour of a compound, verb sense from the object, leading conditions,
  // unknown English verbs, criteria, vague shapes) with traps and plain controls, in other
  // wording and domains, labelled and committed before Bloomline was run on them.
  test("held-out-6.json (hand-written, all of issue 12's kinds, labelled before the change)", () => {
    const labels = heldOut('held-out-6.json');
    assert.ok(labels.length >= 150);
    const f = score(labels);
    report('held-out-6.json', f);
    // On the reader before the eighth pass: strict 0.817, lenient 0.866, vague 0.984,
    // criterion 0.935, compound 0.995. After it: 0.892, 0.946, 0.989, 0.989, 0.995; after the
    // ninth (inspect reads apply) strict 0.898; after the tenth (determining a depth from a tide
    // table reads apply) 0.903, lenient 0.952.
    assert.ok(f.strict >= 0.902, `strict ${f.strict}`);
    assert.ok(f.lenient >= 0.951, `lenient ${f.lenient}`);
    assert.ok(f.vague >= 0.98, `vague ${f.vague}`);
    assert.ok(f.criterion >= 0.98, `criterion ${f.criterion}`);
    assert.ok(f.compound >= 0.99, `compound ${f.compound}`);
  });

  // Hand-written for the tenth pass (docs/agreement.md): near-synonyms joined before one object
  // ("Explain and describe", "Select and choose") are one behaviour, distinct verbs joined two;
  // a means verb whose purpose is two distinct actions ("Use a drone to photograph and map ...")
  // asks for both; a standard artefact of programming or a trade (an API, a navigation bar, a
  // citation, a lighting circuit) made by procedure is apply. Labelled and committed before the
  // reader changed.
  test("held-out-7.json (hand-written, the tenth pass's kinds, labelled before the change)", () => {
    const labels = heldOut('held-out-7.json');
    assert.ok(labels.length >= 48);
    const f = score(labels);
    report('held-out-7.json', f);
    // On the reader before the tenth pass, the first 28: strict 0.893, lenient 0.964, vague
    // 1.000, criterion 1.000, compound 0.429; after its compound changes, all 36: strict 0.806,
    // lenient 0.944, compound 0.972; all 44 before the last two kinds: strict 0.818, lenient
    // 0.909, vague 0.955; all 48 before the last kind: compound 0.938. After the pass: strict
    // 0.917, lenient 1.000, vague 1.000, criterion 1.000, compound 0.979.
    assert.ok(f.strict >= 0.91, `strict ${f.strict}`);
    assert.ok(f.lenient >= 0.99, `lenient ${f.lenient}`);
    assert.ok(f.vague >= 1, `vague ${f.vague}`);
    assert.ok(f.criterion >= 1, `criterion ${f.criterion}`);
    assert.ok(f.compound >= 0.97, `compound ${f.compound}`);
  });

  // Hand-written for the twelfth pass (docs/agreement.md): an outcome code or a dash label
  // before the objective ("PLO #3:", "GEO.7.2—describe", "Cognitive– Explain"); a learner
  // subject with words before the noun or with "a" ("BIO 2B students will be able to", "Dance
  // students will critique", "A trainee will list"); a third-person checklist item whose verb
  // only the English lexicon knows ("Inflates the tyres"), against plurals that start a topic;
  // "scale" and "situate"; a label in brackets or parentheses ("(Analysis Level)", "[PO2]").
  // Labelled and committed before the reader changed.
  test("held-out-8.json (hand-written, the twelfth pass's kinds, labelled before the change)", () => {
    const labels = heldOut('held-out-8.json');
    assert.ok(labels.length >= 35);
    const f = score(labels);
    report('held-out-8.json', f);
    // On the reader before the pass, the first 29 (with the label of a one-verb, two-object
    // item mended to one behaviour): strict 0.379, lenient 0.379, vague 0.414, criterion 1.000,
    // compound 0.966; after their four kinds 0.966, 0.966, 1.000, 1.000, 1.000. The six of
    // bracketed labels, added then: strict 0.500, vague 0.333 before their change. After the
    // pass, all 35: strict 0.943, lenient 0.971, vague, criterion and compound 1.000 ("sort",
    // read understand as in the verb lists, is labelled apply; "(Knowledge Level) Write the
    // chemical symbols", labelled remember, reads apply).
    assert.ok(f.strict >= 0.942, `strict ${f.strict}`);
    assert.ok(f.lenient >= 0.97, `lenient ${f.lenient}`);
    assert.ok(f.vague >= 1, `vague ${f.vague}`);
    assert.ok(f.criterion >= 1, `criterion ${f.criterion}`);
    assert.ok(f.compound >= 1, `compound ${f.compound}`);
  });

  // Hand-written for the thirteenth pass (docs/agreement.md): identifying or stating the
  // importance, significance or meaning of something, or a text's main idea (understand);
  // recognising an impact, an influence, a value (understand); "recognize the importance of"
  // (vague, meant understand); "How to" + a verb only the English lexicon knows before a bare
  // noun ("How to prune fruit trees"); "Knowledge and ability to V"; learners who "have the
  // ability to V"; "demonstrate the understanding of"; "develop the ability / capacity to V";
  // with controls. Labelled and committed before the reader changed.
  test("held-out-9.json (hand-written, the thirteenth pass's kinds, labelled before the change)", () => {
    const labels = heldOut('held-out-9.json');
    assert.ok(labels.length >= 54);
    const f = score(labels);
    report('held-out-9.json', f);
    // On the reader before the pass, the first 46: strict 0.435, lenient 0.587, vague 0.804,
    // criterion and compound 1.000; all 54 before the last kind ("develop the ability to"):
    // strict 0.889, lenient 0.889, vague 0.852. After the pass: strict 0.981, lenient 0.981,
    // vague 0.944, criterion and compound 1.000. The three "Knowledge and ability to V" were
    // labelled not vague here; the real sets' labellers read all four of theirs vague, and the
    // reader follows them ("read a vernier caliper", labelled apply, reads read's understand).
    assert.ok(f.strict >= 0.999, `strict ${f.strict}`);
    assert.ok(f.lenient >= 0.999, `lenient ${f.lenient}`);
    assert.ok(f.vague >= 0.944, `vague ${f.vague}`);
    assert.ok(f.criterion >= 1, `criterion ${f.criterion}`);
    assert.ok(f.compound >= 1, `compound ${f.compound}`);
  });

  // Hand-written for the fourteenth pass (docs/agreement.md): a standards code before the
  // objective with no colon or dash ("4.NBT.1 Recognize ...", "HS-ESS2-5 Plan ...", "ELA 7.3.2
  // Identify ..."); an adverb of degree without -ly before the verb ("Further refine", "To better
  // understand"); an adjective in -ly that starts a topic ("Weekly safety walkthroughs"); a
  // standard artefact made by a known procedure ("Generate equivalent fractions", "Develop a
  // search strategy"), with controls. Labelled and committed before the reader changed.
  test("held-out-10.json (hand-written, the fourteenth pass's kinds, labelled before the change)", () => {
    const labels = heldOut('held-out-10.json');
    assert.ok(labels.length >= 38);
    const f = score(labels);
    report('held-out-10.json', f);
    // On the reader before the pass (84dcc31): strict 0.526, lenient 0.711, vague 0.579, criterion
    // 1.000, compound 0.947. After it: strict 0.789, lenient 0.947, vague 0.974, criterion 1.000,
    // compound 0.974. Still missed: "To further develop the crew's knowledge of ..." reads
    // develop's create ("develop the crew's knowledge" is no vague phrase the reader knows). The
    // fifteenth pass reads "4.NBT.1 Recognize that ..." as understand, as labelled (0.816); since
    // 3 December's fourth session "Use ratio and rate reasoning to solve ..." is one behaviour,
    // apply, as labelled ("rate" was read as a second verb, evaluate): 0.868, lenient 1.000,
    // compound 1.000.
    assert.ok(f.strict >= 0.868, `strict ${f.strict}`);
    assert.ok(f.lenient >= 1, `lenient ${f.lenient}`);
    assert.ok(f.vague >= 0.973, `vague ${f.vague}`);
    assert.ok(f.criterion >= 1, `criterion ${f.criterion}`);
    assert.ok(f.compound >= 1, `compound ${f.compound}`);
  });

  // Hand-written blind (3 December 2026): 384 objectives in eleven genres, hard cases each with
  // a control and about a third plain items, labelled before Bloomline was run on them or its
  // code or data read: the "hand-written, not seen" half of issue 12's measure. Unseen: its
  // misses are not read; only its figures are, and they guard against a pass that loses them.
  test('held-out-11.json (hand-written blind, unseen, labelled before the reader ran on them)', () => {
    const labels = heldOut('held-out-11.json');
    assert.ok(labels.length >= 384);
    const f = score(labels);
    report('held-out-11.json', f);
    // First figures (ee79ca0): strict 0.836, lenient 0.922, vague 0.977, criterion 0.909,
    // compound 0.971.
    assert.ok(f.strict >= 0.83, `strict ${f.strict}`);
    assert.ok(f.lenient >= 0.915, `lenient ${f.lenient}`);
    assert.ok(f.vague >= 0.97, `vague ${f.vague}`);
    assert.ok(f.criterion >= 0.9, `criterion ${f.criterion}`);
    assert.ok(f.compound >= 0.965, `compound ${f.compound}`);
  });

  // Real objectives by other authors (34 public sources of several genres, SOURCES.md), which the
  // reader was never run on or tuned for, labelled before it was run on them: the set issue 12's
  // "objectives you have not seen, real" is measured on.
  test('held-out-real.json (real, unseen, labelled before the reader ran on them)', () => {
    const labels = heldOut('held-out-real.json');
    assert.ok(labels.length >= 150);
    const f = score(labels);
    report('held-out-real.json', f);
    assert.ok(f.strict >= 0.937, `strict ${f.strict}`);
    assert.ok(f.lenient >= 0.98, `lenient ${f.lenient}`);
    assert.ok(f.vague >= 0.98, `vague ${f.vague}`);
    assert.ok(f.criterion >= 0.96, `criterion ${f.criterion}`);
    assert.ok(f.compound >= 0.943, `compound ${f.compound}`);
  });

  // A second set of real objectives by other authors (40 public sources not used before, SOURCES.md),
  // labelled from the text alone and committed before Bloomline was run on them, measured once
  // (216, 253, 280, 269, 290 and 263 of 297). The fourth pass (docs/agreement.md) read its misses
  // for general patterns, so it is no longer unseen. The bars are the figures after that pass
  // (229, 267, 291, 284, 294 and 269 of 297), so one objective lost fails.
  test('held-out-real-2.json (a second real set; seen since the fourth pass)', () => {
    const labels = heldOut('held-out-real-2.json');
    assert.ok(labels.length >= 150);
    const f = score(labels);
    report('held-out-real-2.json', f);
    // After the ninth pass: strict 0.805, lenient 0.912, read 1.000; after the tenth vague 0.963,
    // compound 0.926; after the eleventh strict 0.801 ("demonstrate knowledge of science tools",
    // labelled remember, now read understand); after the thirteenth ("Develop competencies
    // necessary to meet ...", a wish for an ability) strict 0.805, lenient 0.916, vague 0.966.
    // After the twenty-fourth pass (record reads apply; a frame with a comma stops at the learner's
    // modal): strict 0.838, lenient 0.929.
    assert.ok(f.strict >= 0.837, `strict ${f.strict}`);
    assert.ok(f.lenient >= 0.928, `lenient ${f.lenient}`);
    assert.ok(f.levelled >= 0.999, `read ${f.levelled}`);
    assert.ok(f.vague >= 0.966, `vague ${f.vague}`);
    assert.ok(f.criterion >= 0.989, `criterion ${f.criterion}`);
    assert.ok(f.compound >= 0.925, `compound ${f.compound}`);
  });

  test('held-out-real-3.json (a third real set, measured once after the fourth pass)', () => {
    const labels = heldOut('held-out-real-3.json');
    assert.ok(labels.length >= 150);
    const f = score(labels);
    report('held-out-real-3.json', f);
    // Measured once, on the reader after the fourth pass (0.760, 0.862, 0.960, 0.945, 0.978,
    // 0.935), before anyone read its misses; the fifth pass read them, so it is no longer unseen.
    // After the eleventh pass: strict 0.905, lenient 0.975, compound 0.953; after the twelfth
    // (a label in parentheses before the objective): strict 0.909, lenient 0.978, vague 0.982.
    assert.ok(f.strict >= 0.908, `strict ${f.strict}`);
    assert.ok(f.lenient >= 0.977, `lenient ${f.lenient}`);
    assert.ok(f.levelled >= 0.992, `read ${f.levelled}`);
    assert.ok(f.vague >= 0.981, `vague ${f.vague}`);
    assert.ok(f.criterion >= 0.978, `criterion ${f.criterion}`);
    assert.ok(f.compound >= 0.955, `compound ${f.compound}`);
  });

  test('held-out-real-4.json (a fourth real set; seen since the sixth pass)', () => {
    const labels = heldOut('held-out-real-4.json');
    assert.ok(labels.length >= 300);
    const f = score(labels);
    report('held-out-real-4.json', f);
    // Measured once, on the reader after the fifth pass, before anyone read its misses: strict
    // 0.681, lenient 0.808, read 0.929, vague 0.918, criterion 0.969, compound 0.898. The sixth
    // pass read its misses (docs/agreement.md), so it is no longer unseen; the bars hold the
    // figures after that pass (0.698, 0.828, 0.938, 0.941, 0.969, 0.907), rounded down, and
    // after the seventh (strict 0.715, lenient 0.836); with lone passive criteria read as
    // objectives and the ninth pass: 0.777, 0.890, read 0.994, vague 0.963, criterion 0.975,
    // compound 0.912; after the tenth strict 0.780, lenient 0.893, compound 0.918; after the
    // eleventh strict 0.782, lenient 0.895. The thirteenth reads "Develop the ability to V" as
    // a wish for an ability (vague, at V's level), as three labels of held-out-real-2, -7 and -8
    // read it; this set's two are labelled not vague, and "Develop the ability to write a clear,
    // cogent, and formal paper" (create) now reads write's apply ("and" ends the object the
    // reader looks at): strict 0.780, vague 0.958, lowered for that reason (lenient unchanged).
    // After the fourteenth ("To demonstrate a critical comprehension and evaluative
    // understanding of", adjectives between a vague phrase's parts): strict 0.782, lenient
    // 0.898, vague 0.960.
    assert.ok(f.strict >= 0.807, `strict ${f.strict}`);
    assert.ok(f.lenient >= 0.914, `lenient ${f.lenient}`);
    assert.ok(f.levelled >= 0.993, `read ${f.levelled}`);
    assert.ok(f.vague >= 0.96, `vague ${f.vague}`);
    assert.ok(f.criterion >= 0.974, `criterion ${f.criterion}`);
    assert.ok(f.compound >= 0.917, `compound ${f.compound}`);
  });
  test('held-out-real-5.json (a fifth real set; seen since the ninth pass)', () => {
    const labels = heldOut('held-out-real-5.json');
    assert.ok(labels.length >= 400);
    const f = score(labels);
    report('held-out-real-5.json', f);
    // Labelled by an engineer who neither ran Bloomline nor read its reader, and measured once
    // on the reader after the seventh pass (the same figures as on the reader before it):
    // strict 0.648, lenient 0.783, read 0.878, vague 0.886, criterion 0.970, compound 0.915.
    // The ninth pass read its misses (docs/agreement.md), so it is no longer unseen. The bars
    // hold the figures with lone passive criteria read as objectives and the ninth pass (0.744,
    // 0.892, read 0.996, vague 0.911, criterion 0.972, compound 0.919), rounded down; after the
    // tenth strict 0.748, vague 0.913, compound 0.931; after the eleventh lenient 0.890 ("Be able
    // to understand and engage effectively with debates", labelled understand, read apply),
    // compound 0.933; after the twelfth ("(Comprehension Level) Write ...": a label in
    // parentheses set aside) strict 0.752, lenient 0.894, vague 0.917; after the thirteenth
    // strict 0.758, lenient 0.898, vague 0.919; after the fourteenth vague 0.921.
    // After the twenty-fourth pass (record reads apply): strict 0.774, lenient 0.907.
    assert.ok(f.strict >= 0.773, `strict ${f.strict}`);
    assert.ok(f.lenient >= 0.905, `lenient ${f.lenient}`);
    assert.ok(f.levelled >= 0.995, `read ${f.levelled}`);
    assert.ok(f.vague >= 0.92, `vague ${f.vague}`);
    assert.ok(f.criterion >= 0.971, `criterion ${f.criterion}`);
    assert.ok(f.compound >= 0.932, `compound ${f.compound}`);
  });

  test('held-out-real-6.json (a sixth real set; seen since the ninth pass)', () => {
    const labels = heldOut('held-out-real-6.json');
    assert.ok(labels.length >= 500);
    const f = score(labels);
    report('held-out-real-6.json', f);
    // Labelled by an engineer who neither ran Bloomline nor read its reader (67 sources: veterinary
    // technology, culinary arts, theatre, law, radiography, early childhood, nursing, social
    // work, French, trades, medicine, engineering, workshops, bootcamps ...), and measured once
    // on main at 7065966, before anyone read a miss: strict 0.801, lenient 0.872, read 0.962,
    // vague 0.952, criterion 0.975, compound 0.935. The ninth pass read its misses
    // (docs/agreement.md), so it is no longer unseen; the bars hold the figures after that pass
    // (0.839, 0.914, 0.996, 0.962, 0.975, 0.937), rounded down, and after the tenth (strict
    // 0.843, lenient 0.920, compound 0.943); after the eleventh strict 0.841 (two objectives of
    // knowledge of a history and of fibres, labelled remember, now read understand) and compound
    // 0.937 ("communicate and interact therapeutically", "Counsel and educate patients", one
    // behaviour to the labeller, two verbs of a series to the reader); after the thirteenth
    // (the main idea of a text) strict 0.845, lenient 0.921.
    // After the twenty-fourth pass (record reads apply; the types 'of' a thing are defined,
    // remember): strict 0.864, lenient 0.939.
    assert.ok(f.strict >= 0.863, `strict ${f.strict}`);
    assert.ok(f.lenient >= 0.937, `lenient ${f.lenient}`);
    assert.ok(f.levelled >= 0.995, `read ${f.levelled}`);
    assert.ok(f.vague >= 0.966, `vague ${f.vague}`);
    assert.ok(f.criterion >= 0.974, `criterion ${f.criterion}`);
    assert.ok(f.compound >= 0.936, `compound ${f.compound}`);
  });

  test('held-out-real-7.json (a seventh real set; seen since the tenth pass)', () => {
    const labels = heldOut('held-out-real-7.json');
    assert.ok(labels.length >= 500);
    const f = score(labels);
    report('held-out-real-7.json', f);
    // Labelled by an engineer who neither ran Bloomline nor read its reader (76 sources:
    // university programmes in seven disciplines, clinical and pharmacy programmes, trades
    // units, K-12 lessons, workplace and compliance training, cybersecurity, bootcamps,
    // research-software workshops, an open course), committed before Bloomline ran on it, and
    // measured on the reader of the session's start (0c2bcbf: strict 0.734, lenient 0.843, read
    // 0.930, vague 0.917, criterion 0.982, compound 0.872) and after the ninth pass (4c5ec7e:
    // 0.749, 0.869, 1.000, 0.917, 0.982, 0.872). The tenth pass read its misses
    // (docs/agreement.md), so it is no longer unseen; the bars hold the figures after that pass
    // (0.762, 0.880, 1.000, 0.921, 0.982, 0.904), rounded down, after the eleventh (strict
    // 0.778, lenient 0.884, vague 0.922, compound 0.906), and after the twelfth (learner
    // subjects with words before the noun: strict 0.787, lenient 0.893, vague 0.928, compound
    // 0.908); after the thirteenth (learners who "have the ability to", "How to" + a verb
    // before a bare noun) strict 0.797, lenient 0.900, vague 0.935, compound 0.909; after the
    // fourteenth (locating online resources: apply) strict 0.799.
    // After the twenty-fourth pass (record reads apply): strict 0.823, lenient 0.922.
    assert.ok(f.strict >= 0.821, `strict ${f.strict}`);
    assert.ok(f.lenient >= 0.921, `lenient ${f.lenient}`);
    assert.ok(f.levelled >= 0.99, `read ${f.levelled}`);
    assert.ok(f.vague >= 0.936, `vague ${f.vague}`);
    assert.ok(f.criterion >= 0.981, `criterion ${f.criterion}`);
    assert.ok(f.compound >= 0.914, `compound ${f.compound}`);
  });

  test('held-out-real-8.json (an eighth real set; seen since the eleventh pass)', () => {
    const labels = heldOut('held-out-real-8.json');
    assert.ok(labels.length >= 600);
    const f = score(labels);
    report('held-out-real-8.json', f);
    // Labelled by an engineer who neither ran Bloomline nor read its reader (86 sources in 18
    // genres: university courses and programmes, clinical and allied health, K-12 and IEP goals,
    // UK occupational standards and coach education, teacher education, Spanish, self-paced
    // courses, safety, data protection and anti-money-laundering compliance, maritime
    // competences, first aid, professional certification, library instruction, bootcamps, an
    // apprenticeship standard, flight training, an HPC workshop), committed before Bloomline ran
    // on it, and measured on main at fa8b904 (the reader of the session's start: strict 0.734,
    // lenient 0.829, read 0.991, vague 0.923, criterion 0.969, compound 0.904), and at the
    // session's end, after the genre trials' fixes and the tenth pass (b2bf7d3: 0.737, 0.835,
    // 0.991, 0.924, 0.969, 0.915; docs/agreement.md). An intuition, a feel or a sense gained
    // read as vague (2 December, second session: a MOOC week's "Gain an intuition for ...")
    // gained two vague labels here (0.926) and lost one level (0.736 / 0.834). The eleventh
    // pass read its misses, so it is no longer unseen; the bars hold the figures after that
    // pass, with the "intuition" reading (strict 0.751, lenient 0.847, vague 0.929), rounded
    // down. The twelfth pass reads the verb after a code with a dash ("SC.CM.LS.01.03—identify
    // cell organelles and state how ..."): vague 0.932 and compound 0.917, but that objective,
    // labelled understand and read as a topic meant understand before, now reads identify's
    // remember, so strict falls by one objective (0.749), for a right reason: the verb is read.
    // After the thirteenth (recognising a value or a connection): strict 0.754, lenient 0.852,
    // vague 0.933; after the fourteenth (a search strategy built, news found: apply; "further
    // develop awareness of") strict 0.761, lenient 0.856, vague 0.935.
    assert.ok(f.strict >= 0.797, `strict ${f.strict}`);
    assert.ok(f.lenient >= 0.882, `lenient ${f.lenient}`);
    assert.ok(f.levelled >= 0.99, `read ${f.levelled}`);
    assert.ok(f.vague >= 0.938, `vague ${f.vague}`);
    assert.ok(f.criterion >= 0.968, `criterion ${f.criterion}`);
    assert.ok(f.compound >= 0.916, `compound ${f.compound}`);
  });

  test('held-out-real-9.json (a ninth real set; seen since the twelfth pass)', () => {
    const labels = heldOut('held-out-real-9.json');
    assert.ok(labels.length >= 600);
    const f = score(labels);
    report('held-out-real-9.json', f);
    // Labelled by an engineer who neither ran Bloomline nor read its reader (82 sources in 20
    // genres: French and ESL courses, visual and performing arts, music theory, workshops and
    // bootcamps on GitHub, trades and hospitality, law, philosophy, clinical and allied health,
    // workplace training, engineering, chemistry, K-12, library instruction, business, a
    // lift-truck standard, teacher education, aviation, coaching, military and maritime, a
    // certification), committed before Bloomline ran on it, and measured on main at 0efc1ac
    // (the reader of the session's start) and at 13ad57d (after the session's genre-trial
    // fixes): both strict 0.718, lenient 0.814, read 0.987, vague 0.916, criterion 0.977,
    // compound 0.887; and after the eleventh pass, made from the other sets while this one was
    // being labelled (d706bb6): 0.736, 0.831, 0.987, 0.917, 0.977, 0.888. The twelfth pass
    // read its misses (docs/agreement.md), so it is no longer unseen; the bars hold the figures
    // after that pass (0.752, 0.848, 0.992, 0.942, 0.977, 0.895), rounded down; after the
    // thirteenth (the main idea, the importance, the meaning: understand) strict 0.760, lenient
    // 0.857, vague 0.945; after the fourteenth (a search statement, summary statistics, the
    // library website located: apply) strict 0.765, lenient 0.859.
    assert.ok(f.strict >= 0.788, `strict ${f.strict}`);
    assert.ok(f.lenient >= 0.879, `lenient ${f.lenient}`);
    assert.ok(f.levelled >= 0.991, `read ${f.levelled}`);
    assert.ok(f.vague >= 0.946, `vague ${f.vague}`);
    assert.ok(f.criterion >= 0.976, `criterion ${f.criterion}`);
    assert.ok(f.compound >= 0.895, `compound ${f.compound}`);
  });

  test('held-out-real-10.json (a tenth real set; seen since the thirteenth pass)', () => {
    const labels = heldOut('held-out-real-10.json');
    assert.ok(labels.length >= 600);
    const f = score(labels);
    report('held-out-real-10.json', f);
    // Labelled by an engineer who neither ran Bloomline nor read its reader (75 sources in 20
    // genres: mathematics and theory of computation, allied health, GIS, machining, nursing,
    // accounting, religious studies, ASL, Japanese and Latin, hospitality and culinary, public
    // administration, agriculture, early childhood, social work, architecture and construction
    // management, HR selection, network security, incident command, film, a cosmetology
    // apprenticeship, K-12 PE), committed before Bloomline ran on it, and measured on the reader
    // of 2 December's fourth session at its start (8001d46) and after its first genre-trial
    // fixes (abbfe44): both strict 0.771, lenient 0.856, read 0.995, vague 0.950, criterion
    // 0.986, compound 0.925; and after the twelfth pass, made from the other sets while this
    // one was being labelled (c44c5e8): 0.774, 0.861, 0.995, 0.955, 0.986, 0.926. The
    // thirteenth pass read its misses (docs/agreement.md), so it is no longer unseen; the bars
    // hold the figures after that pass (0.787, 0.871, 0.995, 0.955, 0.986, 0.926), rounded down.
    assert.ok(f.strict >= 0.822, `strict ${f.strict}`);
    assert.ok(f.lenient >= 0.899, `lenient ${f.lenient}`);
    assert.ok(f.levelled >= 0.994, `read ${f.levelled}`);
    assert.ok(f.vague >= 0.96, `vague ${f.vague}`);
    assert.ok(f.criterion >= 0.985, `criterion ${f.criterion}`);
    assert.ok(f.compound >= 0.928, `compound ${f.compound}`);
  });

  test('held-out-real-11.json (an eleventh real set; seen since the fourteenth pass)', () => {
    const labels = heldOut('held-out-real-11.json');
    assert.ok(labels.length >= 500);
    const f = score(labels);
    report('held-out-real-11.json', f);
    // Labelled by an engineer who neither ran Bloomline nor read its reader or verb tables (67
    // sources in 20 genres: cloud and vendor certifications, CEFR and ACTFL can-do statements,
    // aviation and maritime, chemistry and physics labs, library instruction, veterinary
    // medicine, law, dance, theatre and music, police and fire academies, K-12 standards,
    // graduate research methods, residency milestones, sales, compliance, a trade), committed
    // before Bloomline ran on it, and measured unseen on the reader at the start of 2 December's
    // fifth session (8dcc05a) and after its exam-guide fix: both strict 0.726, lenient 0.841,
    // read 1.000, vague 0.900, criterion 0.974, compound 0.892; and after the thirteenth pass,
    // made from the other sets (84dcc31): strict 0.726, lenient 0.843, the rest the same. The
    // fourteenth pass read its misses (docs/agreement.md), so it is no longer unseen; the bars
    // hold the figures after that pass: strict 0.754, lenient 0.863, vague 0.938, criterion
    // 0.974, compound 0.891 -> 0.891 less one objective (0.8905), for a right reason: the
    // nineteen K-12 standards behind a code ("SPI 0406.2.2 Locate and place ...", "M4.A.1.3.1
    // Find/list/identify ...") had no verb read; their verbs are read now, and three joined by
    // "/" or "and" are one behaviour to the labeller, two to the reader (two others gain).
    // The twenty-fifth pass reads three objectives at the level of a behaviour the labeller
    // put beside the one labelled (strict 0.785 -> 0.779, lenient kept): "dismantle engines,
    // ..., and examine parts for defects" and "Handle, store, ship, and properly analyze lab
    // specimens" (apply with analyze beside it: their second behaviours, read now, are
    // compounds gained), "To cultivate vocabulary for discussing scripts" (vague gained, meant
    // remember, labelled apply with remember beside it). Its leave-one-set-out fold loses
    // nothing (the three are kept at the old reading there).
    assert.ok(f.strict >= 0.779, `strict ${f.strict}`);
    assert.ok(f.lenient >= 0.886, `lenient ${f.lenient}`);
    assert.ok(f.levelled >= 0.999, `read ${f.levelled}`);
    assert.ok(f.vague >= 0.944, `vague ${f.vague}`);
    assert.ok(f.criterion >= 0.973, `criterion ${f.criterion}`);
    assert.ok(f.compound >= 0.893, `compound ${f.compound}`);
  });

  test('held-out-real-12.json (a twelfth real set; seen since the fifteenth pass)', () => {
    const labels = heldOut('held-out-real-12.json');
    assert.ok(labels.length >= 500);
    const f = score(labels);
    report('held-out-real-12.json', f);
    // Labelled by an engineer who neither ran Bloomline nor read its reader or verb tables (75
    // sources in 22 genres: K-12 science, mathematics, English and health, workplace safety and
    // lockout/tagout, accounting CPE, nursing, CTE trades, military and FEMA task-condition-
    // standard, coaching, onboarding, bootcamps and MOOCs, university courses, Spanish and adult
    // ESL, art and music, paralegal e-discovery), committed before Bloomline ran on it, and
    // measured unseen at the start of 3 December's session (84dcc31: strict 0.765, lenient
    // 0.858, read 0.993, vague 0.943, criterion 0.965, compound 0.929) and after the fourteenth
    // pass, made from the other sets (strict 0.789, lenient 0.884, read 0.997, vague 0.972,
    // criterion 0.965, compound 0.929). The fifteenth pass read its misses (docs/agreement.md),
    // so it is no longer unseen; the bars hold its figures after that pass: strict 0.808, lenient
    // 0.895, vague 0.978 (criterion and compound unchanged).
    // After the twenty-fourth pass (record reads apply; a frame of time with no comma before the
    // learner): strict 0.839, lenient 0.919, vague 0.979.
    assert.ok(f.strict >= 0.838, `strict ${f.strict}`);
    assert.ok(f.lenient >= 0.917, `lenient ${f.lenient}`);
    assert.ok(f.levelled >= 0.996, `read ${f.levelled}`);
    assert.ok(f.vague >= 0.978, `vague ${f.vague}`);
    assert.ok(f.criterion >= 0.965, `criterion ${f.criterion}`);
    assert.ok(f.compound >= 0.933, `compound ${f.compound}`);
  });

  test('held-out-real-13.json (a thirteenth real set; seen since the sixteenth pass)', () => {
    const labels = heldOut('held-out-real-13.json');
    assert.ok(labels.length >= 500);
    const f = score(labels);
    report('held-out-real-13.json', f);
    // Labelled by an engineer who neither ran Bloomline nor read its reader or data (63 sources
    // in 17 genres: French, German, Chinese and Japanese courses, high-school history, civics and
    // social studies, K-12 physical education, pharmacy, dental hygiene and physical therapy,
    // community and public health, teacher education, legal research and writing, EMS and fire
    // service, residency milestones, social work, extension, maritime and aviation, customer
    // service and hospitality, anti-money-laundering and Security+, lean six sigma, research
    // methods, financial literacy), committed before Bloomline ran on it, and measured unseen at
    // the start of 3 December's second session (8bb302c: strict 0.774, lenient 0.869, read
    // 1.000, vague 0.922, criterion 0.984, compound 0.928) and after the fifteenth pass, made
    // from the other sets (strict 0.778, lenient 0.873, the rest the same). The sixteenth pass
    // reads its misses (docs/agreement.md), so it is no longer unseen; the bars hold its figures
    // after that pass: strict 0.805, lenient 0.897, vague 0.934 (read, criterion and compound
    // unchanged). After the eighteenth pass (its programme competencies' code lists, "PB 1.4.A.,
    // 1.5.A: Identify ...", set aside): strict 0.817, lenient 0.903, vague 0.945.
    assert.ok(f.strict >= 0.829, `strict ${f.strict}`);
    assert.ok(f.lenient >= 0.911, `lenient ${f.lenient}`);
    assert.ok(f.levelled >= 0.999, `read ${f.levelled}`);
    assert.ok(f.vague >= 0.944, `vague ${f.vague}`);
    assert.ok(f.criterion >= 0.983, `criterion ${f.criterion}`);
    assert.ok(f.compound >= 0.927, `compound ${f.compound}`);
  });

  test('held-out-real-14.json (a fourteenth real set; seen since the seventeenth pass)', () => {
    const labels = heldOut('held-out-real-14.json');
    assert.ok(labels.length >= 500);
    const f = score(labels);
    report('held-out-real-14.json', f);
    // Labelled by an engineer who neither ran Bloomline nor read its reader or data (65 sources
    // in 22 genres: ESL and adult English, business, psychology and statistics, phlebotomy and
    // respiratory care, surgical technology, art history and studio art, library instruction,
    // music, baking and pastry, chemistry, radiography, medical and nursing assistants,
    // philosophy and religious studies, K-12 mathematics and engineering design, pharmacy
    // technicians, computer and data science, OSHA 10, automotive and welding, police training,
    // cosmetology, American literature, agriculture), committed before Bloomline ran on it, and
    // measured unseen on main at 5f5e27e and after the sixteenth pass (both strict 0.748,
    // lenient 0.855, read 0.998, vague 0.922, criterion 0.989, compound 0.904). The seventeenth
    // pass reads its misses (docs/agreement.md), so it is no longer unseen; the bars hold its
    // figures after that pass: strict 0.751, lenient 0.860, vague 0.929, compound 0.912 (read
    // and criterion unchanged). After the nineteenth pass (habits, techniques and fundamentals
    // developed, a counted list recalled, the time told): strict 0.767, lenient 0.874.
    // After the twenty-fourth pass (the types 'of' a thing are defined; competency wished for after
    // develop): strict 0.793, lenient 0.895, compound 0.916.
    assert.ok(f.strict >= 0.792, `strict ${f.strict}`);
    assert.ok(f.lenient >= 0.893, `lenient ${f.lenient}`);
    assert.ok(f.levelled >= 0.997, `read ${f.levelled}`);
    assert.ok(f.vague >= 0.928, `vague ${f.vague}`);
    assert.ok(f.criterion >= 0.988, `criterion ${f.criterion}`);
    assert.ok(f.compound >= 0.914, `compound ${f.compound}`);
  });

  test('held-out-real-15.json (a fifteenth real set; seen since the eighteenth pass)', () => {
    const labels = heldOut('held-out-real-15.json');
    assert.ok(labels.length >= 500);
    const f = score(labels);
    report('held-out-real-15.json', f);
    // Labelled by an engineer who neither ran Bloomline nor read its reader or data (64 sources
    // in 22 genres), committed before Bloomline ran on it, and measured unseen on main at
    // efac40f and again on aa961ed (both strict 0.812, lenient 0.883, read 0.998, vague 0.956,
    // criterion 0.964, compound 0.918). The eighteenth pass reads its misses (docs/agreement.md),
    // so it is no longer unseen; the bars hold its figures after that pass: strict 0.820,
    // lenient 0.887 (read, vague, criterion and compound unchanged).
    // After the twenty-fourth pass (the types 'of' a thing are defined): strict 0.839, lenient
    // 0.898.
    assert.ok(f.strict >= 0.838, `strict ${f.strict}`);
    assert.ok(f.lenient >= 0.897, `lenient ${f.lenient}`);
    assert.ok(f.levelled >= 0.997, `read ${f.levelled}`);
    assert.ok(f.vague >= 0.955, `vague ${f.vague}`);
    assert.ok(f.criterion >= 0.963, `criterion ${f.criterion}`);
    assert.ok(f.compound >= 0.917, `compound ${f.compound}`);
  });

  test('held-out-real-16.json (a sixteenth real set; seen since the nineteenth pass)', () => {
    const labels = heldOut('held-out-real-16.json');
    assert.ok(labels.length >= 500);
    const f = score(labels);
    report('held-out-real-16.json', f);
    // Labelled by an engineer who neither ran Bloomline nor read its reader or data (67 sources
    // in 23 genres), committed before Bloomline ran on it (6e43452), and measured unseen on main
    // at 6e43452 (strict 0.800, lenient 0.885, read 1.000, vague 0.978, criterion 0.976, compound
    // 0.925) and after the eighteenth pass (lenient 0.886, the rest the same). The nineteenth pass
    // reads its misses (docs/agreement.md), so it is no longer unseen; the bars hold its figures
    // after that pass: strict 0.806, lenient 0.892 (read, vague, criterion and compound
    // unchanged).
    // After the twenty-fourth pass (skills wished for with adjectives before them): strict 0.835,
    // lenient 0.916, vague 0.980.
    assert.ok(f.strict >= 0.834, `strict ${f.strict}`);
    assert.ok(f.lenient >= 0.914, `lenient ${f.lenient}`);
    assert.ok(f.levelled >= 0.999, `read ${f.levelled}`);
    assert.ok(f.vague >= 0.978, `vague ${f.vague}`);
    assert.ok(f.criterion >= 0.975, `criterion ${f.criterion}`);
    assert.ok(f.compound >= 0.926, `compound ${f.compound}`);
  });

  test('held-out-real-17.json (a seventeenth real set; seen since the twentieth pass)', () => {
    const labels = heldOut('held-out-real-17.json');
    assert.ok(labels.length >= 500);
    const f = score(labels);
    report('held-out-real-17.json', f);
    // Labelled by an engineer who neither ran Bloomline nor read its reader or data (70 sources
    // in 31 genres), committed before Bloomline ran on it (973f0e8), and measured unseen on main
    // at 973f0e8 and again at 732f3bd (strict 0.777, lenient 0.884, read 1.000, vague 0.958,
    // criterion 0.982, compound 0.915). The twentieth pass reads its misses (docs/agreement.md),
    // so it is no longer unseen; the bars hold its figures after that pass (check, monitor and
    // assemble as routine work, "explain when and how to X", critical thinking shown): strict
    // 0.796, lenient 0.902, compound 0.923 (read, vague and criterion unchanged).
    // After the twenty-fourth pass (competence wished for after develop; record reads apply):
    // strict 0.810, lenient 0.912, vague 0.961.
    assert.ok(f.strict >= 0.809, `strict ${f.strict}`);
    assert.ok(f.lenient >= 0.91, `lenient ${f.lenient}`);
    assert.ok(f.levelled >= 0.999, `read ${f.levelled}`);
    assert.ok(f.vague >= 0.96, `vague ${f.vague}`);
    assert.ok(f.criterion >= 0.981, `criterion ${f.criterion}`);
    assert.ok(f.compound >= 0.922, `compound ${f.compound}`);
  });

  test('held-out-real-18.json (an eighteenth real set; seen since the twenty-first pass)', () => {
    const labels = heldOut('held-out-real-18.json');
    assert.ok(labels.length >= 500);
    const f = score(labels);
    report('held-out-real-18.json', f);
    // Labelled by an engineer who neither ran Bloomline nor read its reader or data (70 sources
    // in 29 genres), committed before Bloomline ran on it (e574866), and measured unseen on main
    // at e574866 (strict 0.795, lenient 0.900, read 0.998, vague 0.972, criterion 0.963,
    // compound 0.927) and after the twentieth pass (lenient 0.904, the rest the same). The
    // twenty-first pass reads its misses (docs/agreement.md), so it is no longer unseen; the bars
    // hold its figures after that pass (find, collect, express, represent and establish read
    // apply; a language's sounds and sentences produced, records organized, quantities
    // determined): strict 0.797, lenient 0.906, vague 0.974. It has few criteria (6 of 508).
    // The other real sets' bars hold their figures after the same pass.
    assert.ok(f.strict >= 0.802, `strict ${f.strict}`);
    assert.ok(f.lenient >= 0.91, `lenient ${f.lenient}`);
    assert.ok(f.levelled >= 0.997, `read ${f.levelled}`);
    assert.ok(f.vague >= 0.973, `vague ${f.vague}`);
    assert.ok(f.criterion >= 0.962, `criterion ${f.criterion}`);
    assert.ok(f.compound >= 0.932, `compound ${f.compound}`);
  });

  test('held-out-real-19.json (a nineteenth real set; seen since the twenty-second pass)', () => {
    const labels = heldOut('held-out-real-19.json');
    assert.ok(labels.length >= 500);
    const f = score(labels);
    report('held-out-real-19.json', f);
    // Labelled by an engineer who neither ran Bloomline nor read its reader or data (72 sources
    // in 23 genres), committed before Bloomline ran on it (9ff7d45), and measured unseen on main
    // at 9ff7d45 (strict 0.773, lenient 0.875, read 1.000, vague 0.919, criterion 0.978,
    // compound 0.908), then on the twenty-second pass's base before any miss was read (e39f2bc,
    // after the twenty-first pass: strict 0.784, lenient 0.885, the rest the same). The
    // twenty-second pass reads its misses (docs/agreement.md), so it is no longer unseen; the
    // bars hold its figures after that pass (verbs joined by a slash are one behaviour; "be
    // aware of" issues or a process means understand): strict 0.788, lenient 0.888, compound
    // 0.914. It has few criteria (13 of 546). The other real sets' bars hold their figures after
    // the same pass.
    // After the twenty-fourth pass (competency wished for after develop): strict 0.791, lenient
    // 0.890, vague 0.921.
    assert.ok(f.strict >= 0.79, `strict ${f.strict}`);
    assert.ok(f.lenient >= 0.889, `lenient ${f.lenient}`);
    assert.ok(f.levelled >= 0.999, `read ${f.levelled}`);
    assert.ok(f.vague >= 0.92, `vague ${f.vague}`);
    assert.ok(f.criterion >= 0.977, `criterion ${f.criterion}`);
    assert.ok(f.compound >= 0.913, `compound ${f.compound}`);
  });

  test('held-out-real-20.json (a twentieth real set; seen since the twenty-third pass)', () => {
    const labels = heldOut('held-out-real-20.json');
    assert.ok(labels.length >= 500);
    const f = score(labels);
    report('held-out-real-20.json', f);
    // Labelled by an engineer who neither ran Bloomline nor read its reader or data (60 sources
    // in 26 genres), committed before Bloomline ran on it (0dc3af7), and measured unseen on main
    // at e39f2bc (strict 0.780, lenient 0.872, read 1.000, vague 0.924, criterion 0.957,
    // compound 0.924), then on the twenty-third pass's base before any miss was read (26ba6ef,
    // after the twenty-second pass: the same figures). The twenty-third pass reads its misses
    // (docs/agreement.md), so it is no longer unseen; the bars hold its figures after that pass
    // ("tell how / why / about" explains, reading aloud, fluently, an instrument or a notation
    // is apply, pronounce is apply): strict 0.798, lenient 0.883. The other real sets' bars hold
    // their figures after the same pass.
    assert.ok(f.strict >= 0.797, `strict ${f.strict}`);
    assert.ok(f.lenient >= 0.882, `lenient ${f.lenient}`);
    assert.ok(f.levelled >= 0.999, `read ${f.levelled}`);
    assert.ok(f.vague >= 0.923, `vague ${f.vague}`);
    assert.ok(f.criterion >= 0.956, `criterion ${f.criterion}`);
    assert.ok(f.compound >= 0.923, `compound ${f.compound}`);
  });

  test('held-out-real-21.json (a twenty-first real set; seen since the twenty-fourth pass)', () => {
    const labels = heldOut('held-out-real-21.json');
    assert.ok(labels.length >= 500);
    const f = score(labels);
    report('held-out-real-21.json', f);
    // Labelled by an engineer who neither ran Bloomline nor read its reader or data (69 sources),
    // committed before Bloomline ran on it, and measured unseen on main at 26ba6ef (strict
    // 0.818, lenient 0.905, read 0.998, vague 0.952, criterion 0.979, compound 0.919), then on
    // the twenty-fourth pass's base before any miss was read (c31b8f7, after the twenty-third
    // pass and the session's merges: strict 0.812, lenient 0.903, read 0.998, vague 0.950,
    // criterion 0.979, compound 0.921). The twenty-fourth pass reads its misses
    // (docs/agreement.md), so it is no longer unseen; the bars hold its figures before that pass.
    // After the twenty-fourth pass (frames of time before the learner, record, mention, the classes
    // 'of' a thing, competencies wished for): strict 0.825, lenient 0.916, vague 0.955.
    assert.ok(f.strict >= 0.823, `strict ${f.strict}`);
    assert.ok(f.lenient >= 0.914, `lenient ${f.lenient}`);
    assert.ok(f.levelled >= 0.997, `read ${f.levelled}`);
    assert.ok(f.vague >= 0.954, `vague ${f.vague}`);
    assert.ok(f.criterion >= 0.978, `criterion ${f.criterion}`);
    assert.ok(f.compound >= 0.92, `compound ${f.compound}`);
  });

  test('held-out-real-22.json (a twenty-second real set; seen since the twenty-fifth pass)', () => {
    const labels = heldOut('held-out-real-22.json');
    assert.ok(labels.length >= 500);
    const f = score(labels);
    report('held-out-real-22.json', f);
    // Labelled by an engineer who neither ran Bloomline nor read its reader or data (76 sources
    // in 29 genres), committed before Bloomline ran on it (df9c448), and measured unseen on main
    // at c31b8f7 (strict 0.745, lenient 0.883, read 0.995, vague 0.895, criterion 0.956,
    // compound 0.874), then on the twenty-fifth pass's base before any miss was read (6a4e241,
    // after the twenty-fourth pass and the session's merges: strict 0.746, lenient 0.887, read
    // 0.995, vague 0.895, criterion 0.956, compound 0.874). The twenty-fifth pass reads its
    // misses (docs/agreement.md), so it is no longer unseen; the bars hold its figures after
    // that pass (second behaviours after a phrase with a preposition or an adverb, knowledge
    // and vocabulary gained, experience gained): strict 0.754, lenient 0.888, vague 0.904,
    // compound 0.888.
    assert.ok(f.strict >= 0.753, `strict ${f.strict}`);
    assert.ok(f.lenient >= 0.887, `lenient ${f.lenient}`);
    assert.ok(f.levelled >= 0.994, `read ${f.levelled}`);
    assert.ok(f.vague >= 0.903, `vague ${f.vague}`);
    assert.ok(f.criterion >= 0.955, `criterion ${f.criterion}`);
    assert.ok(f.compound >= 0.887, `compound ${f.compound}`);
  });

  for (const name of [
    'held-out-real-7.json',
    'held-out-real-8.json',
    'held-out-real-9.json',
    'held-out-real-10.json',
    'held-out-real-11.json',
    'held-out-real-12.json',
    'held-out-real-13.json',
    'held-out-real-14.json',
    'held-out-real-15.json',
    'held-out-real-16.json',
    'held-out-real-17.json',
    'held-out-real-18.json',
    'held-out-real-19.json',
    'held-out-real-20.json',
    'held-out-real-21.json',
    'held-out-real-22.json',
    'held-out-real-23.json',
  ])
    test(`${name} is well-formed`, () => {
      wellFormed(name);
    });

  /** The file's shape: its labels were committed before Bloomline was run on it. */
  function wellFormed(name: string): void {
    const file = JSON.parse(
      fs.readFileSync(path.join(repoRoot, 'test/fixtures/objectives', name), 'utf8'),
    ) as { method: unknown; sources: Record<string, unknown>; objectives: unknown[] };
    const levels = ['remember', 'understand', 'apply', 'analyze', 'evaluate', 'create'];
    assert.equal(typeof file.method, 'string');
    assert.ok((file.method as string).length > 0, 'a method is stated');
    const sources = Object.entries(file.sources);
    assert.ok(sources.length >= 60, `${sources.length} sources`);
    for (const [id, address] of sources)
      assert.ok(
        typeof address === 'string' && /^(https?:\/\/|github:)\S/.test(address),
        `source ${id} has an address`,
      );
    assert.ok(file.objectives.length >= 500, `${file.objectives.length} objectives`);
    const texts = new Set<string>();
    const used = new Set<string>();
    for (const [i, entry] of file.objectives.entries()) {
      assert.ok(Array.isArray(entry) && entry.length === 7, `item ${i} has 7 columns`);
      const [text, vague, level, alt, criterion, compound, source] = entry as unknown[];
      assert.ok(typeof text === 'string' && text.trim() === text && text !== '', `item ${i} text`);
      assert.ok(!/[\r\n]/.test(text), `item ${i} is one line`);
      assert.ok(!texts.has(text), `item ${i} is not a repeat: ${text}`);
      texts.add(text);
      assert.equal(typeof vague, 'boolean', `item ${i} vague`);
      assert.equal(typeof criterion, 'boolean', `item ${i} criterion`);
      assert.equal(typeof compound, 'boolean', `item ${i} compound`);
      assert.ok(typeof level === 'string' && levels.includes(level), `item ${i} level ${level}`);
      assert.ok(Array.isArray(alt), `item ${i} alt levels`);
      for (const a of alt as unknown[])
        assert.ok(typeof a === 'string' && levels.includes(a) && a !== level, `item ${i} alt ${a}`);
      assert.equal(
        new Set(alt as string[]).size,
        (alt as string[]).length,
        `item ${i} alt repeats`,
      );
      assert.ok(typeof source === 'string' && source in file.sources, `item ${i} source ${source}`);
      used.add(source);
    }
    for (const [id] of sources) assert.ok(used.has(id), `source ${id} has objectives`);
  }

  test('two careful labellers of held-out-real-5 agree (the ceiling of any reader)', () => {
    // A second engineer labelled the same 492 texts, given only the texts and the conventions
    // above. How often the two agree is what a reader can hope to reach against either.
    const a = heldOut('held-out-real-5.json');
    const b = heldOut('held-out-real-5-second-labeller.json');
    assert.equal(a.length, b.length);
    let strict = 0;
    let lenient = 0;
    let vague = 0;
    let criterion = 0;
    let compound = 0;
    for (let i = 0; i < a.length; i++) {
      const x = a[i]!;
      const y = b[i]!;
      assert.equal(x.text, y.text, `item ${i} is the same text in both`);
      strict += +(y.level === x.level);
      lenient += +(y.level === x.level || x.alt.includes(y.level));
      vague += +(y.vague === x.vague);
      criterion += +(y.criterion === x.criterion);
      compound += +(y.compound === x.compound);
    }
    const p = (k: number) => (k / a.length).toFixed(3);
    console.log(
      `held-out-real-5, labeller against labeller: ${a.length} objectives; level strict ${p(strict)}, ` +
        `lenient ${p(lenient)}; vague ${p(vague)}, criterion ${p(criterion)}, compound ${p(compound)}`,
    );
    assert.ok(strict / a.length >= 0.9, `labellers agree on ${p(strict)} of levels`);
  });
});
