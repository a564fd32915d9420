// Course kinds (OUTLINE-CONVENTIONS.md sections 10 and 11): the kind `auto` reads from each real
// outline of test/corpus matches a careful reader's label (kept here, not in the corpus, which
// is never edited), with a reason; the kind set in configuration wins; findings follow the
// kind; and, with no configuration at all, few findings on the labelled real outlines are wrong
// or noise by test/corpus/other/truth.json's labels.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  LineIndex,
  Workspace,
  resolveConfig,
  type CourseKind,
  type Finding,
} from '../../server/src/core/index.js';
import { fixtureFiles, repoRoot } from './fixture-helpers.js';

const corpus = path.join(repoRoot, 'test/corpus');

interface KindLabel {
  kind: CourseKind;
  /** The other kind a careful reader would accept too, where the text does not tell them apart
   * (only ever academic for workshop or the reverse: both expect no business outcomes). */
  also?: CourseKind;
  note?: string;
}

const WORKSHOP: KindLabel = { kind: 'workshop' };
const ACADEMIC: KindLabel = { kind: 'academic' };
const WORKPLACE: KindLabel = { kind: 'workplace' };

/** One careful reading of every file of test/corpus/other (its folder is its genre, which is
 * not always its kind: notes say why). Carpentries lessons are all workshops. */
const LABELS: Record<string, KindLabel> = {
  'myst-sphinx/coderefinery-git-collaborative_guide.md': WORKSHOP,
  'myst-sphinx/coderefinery-git-intro_basics.md': WORKSHOP,
  'myst-sphinx/coderefinery-git-intro_commits.md': WORKSHOP,
  'myst-sphinx/hsf-training-docker_.10-singularity.md': WORKSHOP,
  'myst-sphinx/hsf-training-docker_06-dockerfiles.md': WORKSHOP,
  'notebook/GoogleCloudPlatform-asl-ml-immersion_4b_keras_dnn_babyweight.ipynb': {
    kind: 'workshop',
    note: 'a hands-on lab notebook: its steps are #TODO cells, no job metrics',
  },
  'notebook/GoogleCloudPlatform-training-data-analyst_classify_text_with_bert.ipynb': WORKSHOP,
  'notebook/NASA-Openscapes-earthdata-cloud-cookbook_Earthdata-cloud-clinic.ipynb': WORKSHOP,
  'notebook/ProjectPythia-pythia-foundations_datetime.ipynb': WORKSHOP,
  'notebook/astropy-tutorials_1_Coordinates-Intro.ipynb': WORKSHOP,
  'quarto-rmd/NASA-Openscapes-earthdata-cloud-cookbook_COG_HTTPS_Access_Example.qmd': WORKSHOP,
  'quarto-rmd/UBC-DSCI-rtwds_040-version-control-1.qmd': {
    kind: 'academic',
    also: 'workshop',
    note: 'lecture notes of a university course (UBC DSCI 310), but the text does not say so: its polls and activities are what a lesson has too',
  },
  'quarto-rmd/UBC-DSCI-rtwds_learning_objectives_040-version-control-1.qmd': {
    kind: 'academic',
    also: 'workshop',
    note: 'an include fragment of the same course: two objectives and nothing else',
  },
  'quarto-rmd/cambiotraining-python-programming_05_python_conditionals.md': WORKSHOP,
  'quarto-rmd/cambiotraining-python-programming_index.md': WORKSHOP,
  'quarto-rmd/jhudsl-Reproducibility_in_Cancer_Informatics_01-intro.Rmd': WORKSHOP,
  'quarto-rmd/jhudsl-Reproducibility_in_Cancer_Informatics_03-project-organization.Rmd': WORKSHOP,
  'quarto-rmd/stat20_01-arbuthnot_learning-objectives.qmd': {
    kind: 'academic',
    also: 'workshop',
    note: 'a university course (Berkeley Stat 20) with lab assignments, and an "R Workshop" in it',
  },
  'quarto-rmd/swcarpentry-r-novice-inflammation_02-func-R.Rmd': WORKSHOP,
  'self-paced/OSTH-EN_06OpenLicensingAndFileFormats.md': WORKSHOP,
  'self-paced/microsoft-ML-For-Beginners_2-Regression_1-Tools_README.md': {
    kind: 'workshop',
    note: 'a self-paced curriculum with pre- and post-lecture quizzes and an assignment',
  },
  'self-paced/microsoft-Security-101_1.3_Understanding_risk_management.md': WORKSHOP,
  'self-paced/microsoft-Security-101_7.1_Data_security_key_concepts.md': WORKSHOP,
  'self-paced/microsoft-xr-development-for-beginners_1-comfort_README.md': WORKSHOP,
  'self-paced/ossf-secure-sw-dev-fundamentals_lfd121.md': {
    kind: 'workshop',
    also: 'academic',
    note: 'a self-paced MOOC: 78 quizzes, and a final exam for its certificate',
  },
  'self-paced/skills-introduction-to-github_README.md': WORKSHOP,
  'syllabus/UofT-DSI-sql_README.md': ACADEMIC,
  'syllabus/UofT-DSI-visualization_README.md': ACADEMIC,
  'syllabus/andrewheiss-evalf22_syllabus.qmd': ACADEMIC,
  'syllabus/karlstolley-wsi_objectives.md': ACADEMIC,
  'syllabus/karlstolley-wsi_outcomes.md': ACADEMIC,
  'table/microsoft-30daysof_curricula_web.md': WORKSHOP,
  'table/microsoft-IoT-For-Beginners_README.md': WORKSHOP,
  'table/microsoft-Security-101_README.md': WORKSHOP,
  'table/stat20_3-probability_01-chance-intro_notes.qmd': ACADEMIC,
  'workplace/18F-health-tracking-course_syllabus.md': {
    kind: 'workplace',
    note: 'professional development for state product owners: vendors, procurement, staffing',
  },
  'workplace/MicrosoftLearning-AZ-104_LAB_04-Implement_Virtual_Networking.md': WORKPLACE,
  'workplace/OSTH-EN_03OnLearningAndTraining_README.md': {
    kind: 'workplace',
    note: 'train-the-trainer chapter: training needs, trainees, Kirkpatrick evaluation',
  },
  'workplace/PagerDuty-security-training_for_everyone.md': WORKPLACE,
  'workplace/carpentries-maintainer-onboarding_02-engage-maintainers.md': {
    kind: 'workshop',
    note: 'onboarding for a volunteer role, written as a Carpentries lesson with timed exercises and no measure on the job: no business outcome is expected of it',
  },
  'workplace/mozilla-open-leadership-training-series_introduction-to-open-leadership.md': {
    kind: 'workshop',
    note: 'a self-paced series for leaders of open projects: prose of what you will learn, no job or metric',
  },
};

/** A file's Markdown as Bloomline reads it: a notebook's Markdown cells, joined. */
function markdownOf(file: string): string {
  const text = fs.readFileSync(file, 'utf8');
  if (!file.endsWith('.ipynb')) return text;
  const nb = JSON.parse(text) as { cells: { cell_type: string; source: string | string[] }[] };
  return nb.cells
    .filter((c) => c.cell_type === 'markdown')
    .map((c) => (Array.isArray(c.source) ? c.source.join('') : c.source))
    .join('\n\n');
}

function walk(dir: string, ext: RegExp): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(p, ext));
    else if (ext.test(e.name)) out.push(p);
  }
  return out.sort();
}

function analyse(file: string, text = markdownOf(file), config = resolveConfig({}).config) {
  const ws = new Workspace(config);
  ws.update(file, text, config);
  return { ws, outline: ws.get(file)!, kind: ws.kindOf(file), findings: ws.lint(file) };
}

describe('auto reads the kind of every labelled file right, and says why', () => {
  const other = path.join(corpus, 'other');
  const files = walk(other, /\.(?:md|qmd|Rmd|ipynb)$/).filter((f) => !f.endsWith('SOURCES.md'));

  test('every file of test/corpus/other has a label', () => {
    const rel = files.map((f) => path.relative(other, f));
    assert.deepEqual(rel.sort(), Object.keys(LABELS).sort());
  });

  for (const file of files) {
    const rel = path.relative(other, file);
    test(rel, () => {
      const label = LABELS[rel]!;
      const { kind } = analyse(file);
      const accepted = [label.kind, ...(label.also ? [label.also] : [])];
      assert.ok(
        accepted.includes(kind.value),
        `${kind.value} (${kind.reason}); labelled ${accepted.join(' or ')}`,
      );
      // Whether outcomes are expected is never a matter of taste.
      assert.equal(kind.value === 'workplace', label.kind === 'workplace');
      assert.equal(kind.auto, true);
      assert.ok(kind.reason.length > 20, kind.reason);
    });
  }

  test('every Carpentries episode is a workshop, because of its divs or front matter', () => {
    const episodes = walk(path.join(corpus, 'carpentries'), /\.md$/);
    assert.ok(episodes.length >= 50);
    for (const file of episodes) {
      const { kind } = analyse(file);
      assert.equal(kind.value, 'workshop', path.relative(corpus, file));
      assert.match(kind.reason, /Carpentries/, path.relative(corpus, file));
    }
  });

  test('the reason names what was seen', () => {
    const { kind } = analyse(path.join(other, 'syllabus/andrewheiss-evalf22_syllabus.qmd'));
    assert.match(kind.reason, /syllabus/);
    const lab = analyse(
      path.join(other, 'workplace/MicrosoftLearning-AZ-104_LAB_04-Implement_Virtual_Networking.md'),
    );
    assert.match(lab.kind.reason, /job skills/);
  });

  test('the reason names the directives seen once', () => {
    const text = [
      '# Linear regression',
      '',
      '```{exercise}',
      ':label: ex-fit',
      '',
      'Fit a model of price on area and report the adjusted R squared.',
      '```',
      '',
      '```{solution} ex-fit',
      'Use ols.',
      '```',
      '',
    ].join('\n');
    const { kind } = analyse('/lesson.md', text);
    assert.match(kind.reason, /lesson directives \(exercise, solution\)/);
    assert.doesNotMatch(kind.reason, /\(exercise, solution\) \(/);
  });
});

describe('the kind in configuration', () => {
  const lesson = '# Loops\n\n## Objectives\n\n- Write a loop that sums a list without errors.\n';

  test('a kind set in .bloomline.json wins, and says so', () => {
    const { kind, findings } = analyse('l.md', lesson, resolveConfig({ kind: 'workplace' }).config);
    assert.deepEqual(kind, {
      value: 'workplace',
      reason: 'set in the configuration ("kind": "workplace")',
      auto: false,
    });
    assert.deepEqual(
      findings.map((f) => f.ruleId),
      ['missing-outcome'],
    );
  });

  test('the carpentries preset reads courses as workshops; "kind" overrides it', () => {
    assert.equal(resolveConfig({ preset: 'carpentries' }).config.kind, 'workshop');
    assert.equal(
      resolveConfig({ preset: 'carpentries', kind: 'academic' }).config.kind,
      'academic',
    );
    assert.equal(resolveConfig({}).config.kind, 'auto');
  });

  test('an unknown kind is an error, and the default is used', () => {
    const r = resolveConfig({ kind: 'university' });
    assert.equal(r.config.kind, 'auto');
    assert.deepEqual(r.errors, [
      'kind: must be "auto", "workplace", "academic" or "workshop", not "university"; using "auto"',
    ]);
    assert.deepEqual(resolveConfig({ kind: 'Academic' }).errors, [
      'kind: must be "auto", "workplace", "academic" or "workshop", not "Academic" (did you mean "academic"?); using "auto"',
    ]);
  });

  test('the outline JSON carries the kind and its reason', () => {
    const { ws } = analyse('l.md', lesson);
    assert.deepEqual(Object.keys(ws.outlineJson('l.md').kind).sort(), ['auto', 'reason', 'value']);
    assert.equal(ws.outlineJson('l.md').kind.value, 'workshop');
  });
});

test('a residency rotation (ACGME competencies, PGY level) is academic, not a lesson', () => {
  // Graduate medical education: residents assessed by milestone evaluations, no business KPIs.
  for (const text of [
    '# Cardiology Rotation: Goals and Objectives (PGY-1)\n\n## Patient Care\n\n- Interpret a 12-lead ECG.\n',
    '# Cardiology\n\n## Objectives by ACGME competency\n\n- Interpret a 12-lead ECG.\n',
    '# Surgery clerkship\n\n## Objectives\n\n- Suture a simple laceration.\n',
  ]) {
    const { kind } = analyse('r.md', text);
    assert.equal(kind.value, 'academic', text);
    assert.match(kind.reason, /graduate medical education|clerkship/, text);
  }
  // Not a job rotation, nor a rotation of a shape.
  const { kind } = analyse('j.md', '# Job rotation plan\n\n## Objectives\n\n- Rotate the image.\n');
  assert.notEqual(kind.value, 'academic');
});

describe('findings follow the kind', () => {
  const objectives = (n: number) =>
    Array.from({ length: n }, (_, i) => `- Configure VPN client ${i + 1} without assistance.`).join(
      '\n',
    );

  test('a workplace course with no outcome: one missing-outcome, on the course', () => {
    const text = `# Help-desk onboarding\n\n## Performance objectives\n\n${objectives(6)}\n`;
    const { findings, kind } = analyse('w.md', text);
    assert.equal(kind.value, 'workplace');
    const missing = findings.filter((f) => f.ruleId === 'missing-outcome');
    assert.equal(missing.length, 1);
    assert.equal(missing[0]!.span.start, 0, 'on the course title');
    assert.match(missing[0]!.message, /6 objectives/);
    assert.match(missing[0]!.message, /performance objectives/);
  });

  test('a lesson or a course with no outcome: no missing-outcome at all', () => {
    const text = `# Loops\n\n## Learning objectives\n\n${objectives(6)}\n`;
    assert.ok(!analyse('l.md', text).findings.some((f) => f.ruleId === 'missing-outcome'));
  });

  test('with outcomes present, every unmeasured objective is reported, whatever the kind', () => {
    const text = `# Loops\n\n## Learning objectives\n\n- **LO1:** Configure the VPN client without assistance.\n- **LO2:** Reset a password without assistance.\n\n## Outcomes\n\n- VPN tickets fall from 40 to 10 a month by Q3 (LO1).\n`;
    const missing = analyse('l.md', text).findings.filter((f) => f.ruleId === 'missing-outcome');
    assert.deepEqual(
      missing.map((f) => f.item?.id),
      ['LO2'],
    );
  });

  test('workplace fixtures and examples keep every finding: auto gives what workplace gives', () => {
    const files = [...fixtureFiles(), path.join(repoRoot, 'examples/course-outline.md')];
    let compared = 0;
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const auto = analyse(file, text);
      if (!auto.outline.outcomes.length) continue;
      const forced = analyse(file, text, { ...auto.ws.configOf(file), kind: 'workplace' });
      const key = (fs_: Finding[]) => fs_.map((f) => `${f.span.start}:${f.ruleId}`);
      assert.deepEqual(key(auto.findings), key(forced.findings), path.basename(file));
      compared++;
    }
    assert.ok(compared >= 15, `${compared} workplace outlines compared`);
  });
});

// ---------------------------------------------------------------------------------------------
// Noise: with no configuration, on the real outlines of every genre, how many findings are
// wrong or noise by a careful author's reading.

interface TruthObjective {
  line: number;
  end_line?: number;
  text: string;
  vague: boolean;
  criterion: boolean;
  compound: boolean;
}

/** Objectives the annotator did not label, read here: lfd121's later chapters each open with a
 * "Learning objectives:" list (the truth labels only the first). They are objectives; the ones
 * that start "Understand", "Get", "Take a look" are vague; none states a criterion. */
const TRUTH_OMISSIONS: Record<string, { from: number }> = {
  'self-paced/ossf-secure-sw-dev-fundamentals_lfd121.md': { from: 900 },
};

/** Findings of the two assessment rules on real outlines, each read and judged. */
const ASSESSMENT_FINDINGS: Record<string, 'ok' | 'noise'> = {};

function verdict(
  f: Finding,
  label: TruthObjective | undefined,
  omitted: string | null,
  kind: CourseKind,
): 'ok' | 'noise' | null {
  if (f.ruleId === 'missing-outcome')
    // One finding on a workplace course is right; one per objective, or on a lesson, is noise.
    return !f.item && kind === 'workplace' ? 'ok' : 'noise';
  if (f.ruleId === 'unassessed-objective' || f.ruleId === 'assessment-below-level') return null;
  if (!label && omitted !== null) {
    const vague = /^(?:understand|get|take a look|learn)\b/i.test(omitted);
    if (f.ruleId === 'vague-verb' || f.ruleId === 'no-verb') return vague ? 'ok' : 'noise';
    if (f.ruleId === 'missing-criterion') return 'ok';
    return null;
  }
  if (!label) return f.item?.kind === 'objective' ? 'noise' : null;
  switch (f.ruleId) {
    case 'vague-verb':
    case 'no-verb':
      return label.vague ? 'ok' : 'noise';
    case 'missing-criterion':
      return label.criterion ? 'noise' : 'ok';
    case 'compound-objective':
      return label.compound ? 'ok' : 'noise';
    default:
      return null;
  }
}

test('with no configuration, at most 10% of findings on the labelled real outlines are wrong or noise', () => {
  const other = path.join(corpus, 'other');
  const truth = JSON.parse(fs.readFileSync(path.join(other, 'truth.json'), 'utf8')) as {
    files: Record<string, { objectives: TruthObjective[] }>;
  };
  let total = 0;
  let noise = 0;
  const byRule: Record<string, { ok: number; noise: number }> = {};
  const unjudged: string[] = [];
  for (const [rel, t] of Object.entries(truth.files)) {
    // Notebooks: the truth's lines are lines of the JSON file, not of the Markdown read here.
    if (rel.endsWith('.ipynb')) continue;
    const file = path.join(other, rel);
    const { findings, outline } = analyse(file);
    const lines = new LineIndex(outline.text);
    const byLine = new Map<number, TruthObjective[]>();
    for (const o of t.objectives)
      for (let l = o.line; l <= (o.end_line ?? o.line); l++)
        byLine.set(l, [...(byLine.get(l) ?? []), o]);
    for (const f of findings) {
      const line = lines.position(f.span.start).line + 1;
      const item = f.item ? outline.objectives.find((o) => o.id === f.item!.id) : undefined;
      const candidates = byLine.get(line) ?? [];
      const label =
        candidates.length > 1 && item
          ? (candidates.find((c) =>
              item.text.toLowerCase().includes(
                c.text
                  .replace(/[`*_[\]]/g, '')
                  .slice(0, 15)
                  .toLowerCase(),
              ),
            ) ?? candidates[0])
          : candidates[0];
      const omission = TRUTH_OMISSIONS[rel];
      const omitted = omission && line >= omission.from && item ? item.text : null;
      let v = verdict(f, label, omitted, LABELS[rel]!.kind);
      if (
        v === null &&
        (f.ruleId === 'unassessed-objective' || f.ruleId === 'assessment-below-level')
      ) {
        v = ASSESSMENT_FINDINGS[`${rel}:${line}:${f.ruleId}`] ?? null;
        if (!v) unjudged.push(`${rel}:${line}:${f.ruleId}: ${f.message}`);
      }
      if (v === null) continue;
      total++;
      const r = (byRule[f.ruleId] ??= { ok: 0, noise: 0 });
      r[v]++;
      if (v === 'noise') noise++;
    }
  }
  assert.deepEqual(unjudged, [], 'read these findings and judge them in ASSESSMENT_FINDINGS');
  const rate = noise / total;
  console.log(
    `noise on labelled real outlines: ${noise} of ${total} findings (${(rate * 100).toFixed(1)}%)`,
    JSON.stringify(byRule),
  );
  assert.ok(total > 300, `${total} findings judged`);
  assert.equal(byRule['missing-outcome']?.noise ?? 0, 0, 'no missing-outcome per objective');
  assert.ok(rate <= 0.1, `${(rate * 100).toFixed(1)}% noise`);
});

test('on the Carpentries lessons: no missing-outcome, and every assessment finding judged', () => {
  const unjudged: string[] = [];
  for (const file of walk(path.join(corpus, 'carpentries'), /\.md$/)) {
    const rel = path.relative(corpus, file);
    const { findings, outline } = analyse(file);
    const lines = new LineIndex(outline.text);
    for (const f of findings) {
      assert.notEqual(f.ruleId, 'missing-outcome', rel);
      if (f.ruleId !== 'unassessed-objective' && f.ruleId !== 'assessment-below-level') continue;
      const key = `${rel}:${lines.position(f.span.start).line + 1}:${f.ruleId}`;
      if (ASSESSMENT_FINDINGS[key] !== 'ok') unjudged.push(`${key}: ${f.message}`);
    }
  }
  assert.deepEqual(unjudged, []);
});
