// unknown-verb: the objective's behaviour verb is an English verb that Bloomline's Bloom
// lexicon does not place ("Subset a data frame", "Stream data from S3"), so its level cannot be
// told. It is still a behaviour (never `no-verb`); this hint says so and offers the nearest
// verbs the lexicon knows (WordNet synonyms and hypernyms), or the project's own verb list.
import type { Rule } from './rule.js';

export const unknownVerb: Rule = {
  id: 'unknown-verb',
  description: 'The Bloom level of a behaviour verb Bloomline does not know cannot be told.',
  appliesTo: 'objective',
  defaultSeverity: 'hint',
  check(ctx) {
    for (const o of ctx.outline.objectives) {
      const a = o.analysis;
      // Only where the objective has no level at all: "Subset a data frame and plot it" has
      // one (plot), and one hint per objective is enough.
      if (a.level || a.vague) continue;
      const b = a.behaviours.find((x) => !x.known && !x.vague);
      if (!b) continue;
      const verb = b.verb.text;
      const near = ctx.lex.nearest(verb).map((v) => `${v} (${ctx.lex.verb(v)!.level})`);
      ctx.report({
        ruleId: 'unknown-verb',
        message:
          `Bloomline cannot tell the Bloom level of "${verb}": it is not in its Bloom verb list.` +
          (near.length ? ` Nearest known verbs: ${near.join(', ')}.` : '') +
          ` If "${verb}" names a skill of your field, add it to "verbs" in .bloomline.json with its level.`,
        span: b.verb.span,
        item: { kind: 'objective', id: o.id },
      });
    }
  },
};
