// assessment-below-level: every assessment that checks the objective asks for a lower Bloom
// level than the objective does ("Design a field study" checked only by "Define 'hypothesis'"):
// learners are never asked to show what the objective promises. Only where the gap is clear:
// every linked assessment's level is known (a task verb or a question form; an unread level
// may be the objective's), and the highest of them is below every level the objective's verb
// is commonly given ("choose" is evaluate, but also apply: an apply task may be what it means;
// "create a repository" follows a procedure).
import { BLOOM_LEVELS, type Assessment, type BloomLevel } from '../model.js';
import type { Rule } from './rule.js';
import { assessmentSkeleton, nestedItem, shortTitle } from './edits.js';

export const assessmentBelowLevel: Rule = {
  id: 'assessment-below-level',
  description:
    'The assessments that check an objective ask for its Bloom level (not only lower ones).',
  appliesTo: 'objective',
  defaultSeverity: 'information',
  check(ctx) {
    const { outline } = ctx;
    if (!outline.assessments.length) return;
    const byId = new Map<string, Assessment>();
    for (const a of outline.assessments) if (!byId.has(a.id)) byId.set(a.id, a);
    for (const o of outline.objectives) {
      const level = o.analysis.level;
      if (!level || o.analysis.vague || !o.assessments.length) continue;
      const checks: Assessment[] = [];
      let unknown = false;
      for (const link of o.assessments) {
        const a = link.filePath ? undefined : byId.get(link.id);
        if (!a || !a.analysis.level) {
          unknown = true;
          break;
        }
        checks.push(a);
      }
      if (unknown || !checks.length) continue;
      const best = checks.reduce((m, a) =>
        rank(a.analysis.level!) > rank(m.analysis.level!) ? a : m,
      );
      const highest = best.analysis.level!;
      // The behaviour that gives the objective its level ("... and create a plan": create).
      const top = o.analysis.behaviours.find((b) => b.level === level) ?? null;
      const alternatives = top ? top.alternatives : o.analysis.alternatives;
      let floor = Math.min(rank(level), ...alternatives.map(rank));
      // "Create a repository", "Evaluate the expression": verbs whose level depends on what
      // they act on follow a procedure (apply) unless the object showed more.
      const verb = top?.verb.text ?? o.analysis.verb?.text ?? '';
      if (SENSE_DEPENDENT.has(verb) && ctx.lex.verb(verb)?.level === level)
        floor = Math.min(floor, rank('apply'));
      if (rank(highest) >= floor) continue;
      const edit = nestedItem(outline.text, o, assessmentSkeleton(o));
      const what = verb ? `"${verb}" (${level})` : level;
      const n = checks.length;
      const task = best.analysis.task?.text ?? best.text;
      ctx.report({
        ruleId: 'assessment-below-level',
        message:
          `This objective asks for ${what}, but ${n === 1 ? 'the one assessment that checks it asks' : `the ${n} assessments that check it ask`} ` +
          `for ${n === 1 ? '' : 'at most '}${highest} ("${shortTitle(task)}"): add a task at the objective's level, or lower its verb to what is assessed.`,
        span:
          top && !o.analysis.verbFromLeadIn
            ? top.verb.span
            : o.analysis.verb && !o.analysis.verbFromLeadIn
              ? o.analysis.verb.span
              : o.textSpan,
        fixes: edit
          ? [
              {
                title: `Add an assessment skeleton at the objective's level (${level})`,
                isPreferred: false,
                edits: [edit],
              },
            ]
          : [],
        related: checks.slice(0, 5).map((a) => ({
          message: `checks it at ${a.analysis.level}: ${shortTitle(a.text)}`,
          filePath: outline.filePath,
          span: a.textSpan,
        })),
        item: { kind: 'objective', id: o.id },
      });
    }
  },
};

/** Verbs whose Bloom level depends on their object: an original work or judgement, or a
 * standard artefact made by procedure (OUTLINE-CONVENTIONS.md section 9). */
const SENSE_DEPENDENT = new Set([
  'create',
  'generate',
  'build',
  'produce',
  'make',
  'construct',
  'develop',
  'assemble',
  'set up',
  'evaluate',
]);

function rank(level: BloomLevel): number {
  return BLOOM_LEVELS.indexOf(level);
}
