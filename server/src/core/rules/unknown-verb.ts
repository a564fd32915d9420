// unknown-verb: the objective's behaviour verb is an English verb that Bloomline's Bloom
// lexicon does not place ("Subset a data frame", "Stream data from S3"). It is still a
// behaviour (never `no-verb`), read as apply (a procedure carried out on what follows); this
// hint says the level is Bloomline's reading, not the Bloom lists', and offers the nearest
// verbs the lexicon knows (WordNet synonyms and hypernyms), or the project's own verb list.
import { quotedStatement, type Rule } from './rule.js';

export const unknownVerb: Rule = {
  id: 'unknown-verb',
  description:
    "A behaviour verb outside the Bloom lists: its level (read as apply) is not the lists' but Bloomline's reading.",
  appliesTo: 'objective',
  defaultSeverity: 'hint',
  check(ctx) {
    for (const o of ctx.outline.objectives) {
      const a = o.analysis;
      if (quotedStatement(ctx.outline, o)) continue;
      // Only where no known verb gives the objective its level: "Subset a data frame and plot
      // it" has one (plot), and one hint per objective is enough.
      if (a.vague || a.behaviours.some((x) => x.known && x.level)) continue;
      // A line of a block that says how well the objectives are met ("**Performance
      // Standard:**", "Completion standards") and states a degree itself: "Average task
      // completion time <2 minutes" is a measure, its first word no behaviour to place.
      if (a.criterion && ctx.outline.blocks[o.block]?.criteria) continue;
      const b = a.behaviours.find((x) => !x.known && !x.vague);
      if (!b) continue;
      const verb = b.verb.text;
      // "Leave with a working CI pipeline template", "Come away with a checklist": a workshop's
      // takeaway, the product the learner makes in the room; apply, as read, is its level. Read
      // where the verb is written ("Leaving with ..."; its lemma is "leave").
      if (TAKEAWAY.test(ctx.outline.text.slice(b.verb.span.start, o.textSpan.end))) continue;
      const near = ctx.lex.nearest(verb).map((v) => `${v} (${ctx.lex.verb(v)!.level})`);
      ctx.report({
        ruleId: 'unknown-verb',
        message:
          `"${verb}" is not in Bloomline's Bloom verb list: it is read as apply (carrying out a procedure), which its level may not be.` +
          (near.length ? ` Nearest known verbs: ${near.join(', ')}.` : '') +
          ` If "${verb}" names a skill of your field, add it to "verbs" in .bloomline.json with its level.`,
        span: b.verb.span,
        item: { kind: 'objective', id: o.id },
      });
    }
  },
};

/** A takeaway's phrasing: "leave with", "walk away with", "come away with", "go home with". */
const TAKEAWAY = /^(?:leav(?:e|es|ing)|(?:walk|come|go)(?:s|ing)?\s+(?:away|home))\s+with\b/i;
