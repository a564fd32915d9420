// The kind of course an outline is (OUTLINE-CONVENTIONS.md section 10), from the outline model
// alone: the signs recognition recorded (headings, divs, front matter) and what the items show
// (outcomes with targets: workplace; ILO IDs and a grading breakdown: academic; job words in
// the objectives). A kind set in configuration wins. Where the signs do not decide it, the kind
// that asks for the least wins: no business outcomes are expected (workshop).
import type {
  CourseKind,
  KindDecision,
  KindSetting,
  KindSignal,
  Objective,
  Outline,
} from './model.js';
import { forText, lazy, testText } from './language/ascii.js';
import { notesOf } from './recognise/noted.js';
import data from './recognise/vocabulary/kind-signals.json' with { type: 'json' };

const JOB_WORDS = new Set(data.jobWords.split(/\s+/));
const AUDIENCE: [CourseKind, Set<string>][] = [
  ['academic', new Set(data.audiences.academic.split(/\s+/))],
  ['workplace', new Set(data.audiences.workplace.split(/\s+/))],
];
const PRACTICE =
  /\b(?:exercises?|challenges?|quiz(?:zes)?|knowledge checks?|try it|your turn|practice|self-check)\b/i;
const ACADEMIC_ID = /^(?:ilo|clo|slo|plo|co)[-_.]?\d/i;
/** An assessment that certifies: "required for certification", "to be certified". */
const CERTIFIES =
  /\b(?:(?:required|needed|necessary)\s+(?:for|before)\s+(?:certification|being\s+certified)|to\s+(?:be|become|get)\s+certified)\b/i;
/** Texts read for job words, at most (the decision needs a few, not all). */
const MAX_TEXTS = 300;

const cache = new WeakMap<Outline, Map<KindSetting, KindDecision>>();

export function courseKind(outline: Outline, setting: KindSetting = 'auto'): KindDecision {
  let byOutline = cache.get(outline);
  if (!byOutline) {
    byOutline = new Map();
    cache.set(outline, byOutline);
  }
  const known = byOutline.get(setting);
  if (known) return known;
  const decided = decide(outline, setting);
  byOutline.set(setting, decided);
  return decided;
}

/**
 * Keeps a kind decided from a whole outline (`auto`) as that of an outline made from it without
 * what it was read from (a closed file's summary: summary.ts), so that `courseKind` answers of
 * the summary as of the whole outline.
 */
export function rememberKind(outline: Outline, auto: KindDecision): void {
  let byOutline = cache.get(outline);
  if (!byOutline) cache.set(outline, (byOutline = new Map()));
  byOutline.set('auto', auto);
}

function decide(outline: Outline, setting: KindSetting): KindDecision {
  if (setting !== 'auto')
    return {
      value: setting,
      reason: `set in the configuration ("kind": "${setting}")`,
      auto: false,
    };
  const signs = [...outline.signals, ...itemSigns(outline)];
  const score: Record<CourseKind, number> = { workplace: 0, academic: 0, workshop: 0 };
  for (const s of signs) score[s.kind] += s.weight;
  const best = Math.max(score.academic, score.workshop);
  // Workplace asks for most (an outcome for every objective): it must win outright. Between
  // the other two, which ask the same, lessons are the commoner and win a tie.
  let value: CourseKind;
  if (score.workplace >= 2 && score.workplace > best) value = 'workplace';
  else if (score.academic > score.workshop) value = 'academic';
  else value = 'workshop';
  const why = signs
    .filter((s) => s.kind === value)
    .sort((a, b) => b.weight - a.weight)
    .slice(0, 3)
    .map((s) => s.what);
  const reason = why.length
    ? `read from the outline: ${why.join('; ')}`
    : 'nothing in the outline says which kind it is, so it is read as the kind that asks least: a lesson (workshop), which expects no business outcomes';
  return { value, reason, auto: true };
}

/** What the items say about the kind. */
/** What separates words (an apostrophe or a hyphen is in one). */
const NOT_A_LETTER = lazy(String.raw`[^\p{L}'-]+`, 'u');

function itemSigns(outline: Outline): KindSignal[] {
  const out: KindSignal[] = [];
  const measured = outline.outcomes.filter(
    (o) => o.analysis.target !== null || (o.analysis.kirkpatrick ?? 0) >= 3,
  );
  if (measured.length) {
    out.push({
      kind: 'workplace',
      weight: 3,
      what: `${measured.length === 1 ? 'an outcome' : `${measured.length} outcomes`} with a target`,
      span: measured[0]!.textSpan,
    });
  } else if (outline.outcomes.length) {
    out.push({
      kind: 'workplace',
      weight: 1,
      what: 'outcomes',
      span: outline.outcomes[0]!.textSpan,
    });
  }
  // (Among the objectives with explicit IDs, as the builder noted them where it did: a long
  // outline with none of these IDs had every objective looked at on every lint.)
  const explicit = (notesOf(outline)?.explicit[0] as Objective[] | undefined) ?? outline.objectives;
  const ilo = explicit.find((o) => o.explicitId && ACADEMIC_ID.test(o.id));
  if (ilo)
    out.push({
      kind: 'academic',
      weight: 2,
      what: `objective IDs such as ${ilo.id}`,
      span: ilo.idSpan,
    });
  const graded = outline.assessments.find((a) => a.analysis.weight !== null);
  if (graded)
    out.push({ kind: 'academic', weight: 2, what: 'a grading breakdown', span: graded.textSpan });
  // "A score of 3 or higher on each criterion is required for certification": a course that
  // certifies by an assessment (a docent's scored tour, an academy's required tests) is judged
  // by that assessment, not by business outcomes (as kind-signals.json's academy heading).
  const certifying = outline.assessments.find((a) => {
    const span = outline.blocks[a.block]?.span ?? a.span;
    return (
      span.end - span.start <= 4000 &&
      testText(CERTIFIES, outline.text.slice(Math.min(span.start, a.span.start), span.end))
    );
  });
  if (certifying)
    out.push({
      kind: 'academic',
      weight: 2,
      what: 'an assessment required for certification',
      span: certifying.textSpan,
    });
  // Many exercises, challenges or quizzes to practise on: a lesson.
  const practice = outline.assessments.filter(
    (a) => !a.analysis.weight && PRACTICE.test(`${a.label ?? ''} ${a.text}`),
  );
  if (practice.length >= 3)
    out.push({
      kind: 'workshop',
      weight: 2,
      what: `${practice.length} exercises and quizzes`,
      span: practice[0]!.textSpan,
    });
  const jobWords = new Set<string>();
  const audiences = new Map<CourseKind, string>();
  let texts = 0;
  for (const block of outline.blocks) {
    if (texts > MAX_TEXTS) break;
    const lead = block.leadIn?.text;
    if (lead) {
      texts++;
      const lower = lead.toLowerCase();
      for (const w of lower.split(forText(NOT_A_LETTER, lower))) {
        for (const [kind, words] of AUDIENCE)
          if (words.has(w) && !audiences.has(kind)) audiences.set(kind, w);
      }
    }
  }
  for (const o of outline.objectives) {
    if (++texts > MAX_TEXTS) break;
    const lower = o.text.toLowerCase();
    for (const w of lower.split(forText(NOT_A_LETTER, lower)))
      if (JOB_WORDS.has(w)) jobWords.add(w);
  }
  if (jobWords.size) {
    const shown = [...jobWords].slice(0, 3).join(', ');
    out.push({
      kind: 'workplace',
      weight: Math.min(3, jobWords.size) as 1 | 2 | 3,
      what: `job words in the objectives (${shown})`,
      span: null,
    });
  }
  for (const [kind, word] of audiences)
    out.push({ kind, weight: 1, what: `a lead-in for ${word}`, span: null });
  return out;
}
