// What a rule is: an ID, what it checks, its default severity, and a check that reports
// findings (with fixes as data) on one outline. Rules never parse Markdown: they read the model.
import type { Config } from '../config.js';
import type { Lexicon } from '../language/lexicon.js';
import type { Finding, ItemKind, KindDecision, Outcome, Outline, Severity } from '../model.js';

export interface RuleContext {
  outline: Outline;
  config: Config;
  lex: Lexicon;
  /** The kind of course the outline is read as (kind.ts): rules follow it. */
  kind: KindDecision;
  /** Every explicit ID known in this file and the workspace, for "did you mean". */
  knownIds(): { id: string; filePath: string; kind: ItemKind }[];
  report(
    finding: Omit<Finding, 'severity' | 'related' | 'fixes'> &
      Partial<Pick<Finding, 'fixes' | 'related'>>,
  ): void;
}

/** What a rule reports: a finding without its severity (the configuration's). */
export type Reported = Parameters<RuleContext['report']>[0];

/** Reported objects a rule keeps to report again (kept), with the finding last made of each
 * (null: none yet). */
const KEPT = new WeakMap<Reported, Finding | null>();

/**
 * Marks what a rule reports as kept by the rule, to be reported again, unchanged, as the same
 * object while what it says still holds (missing-outcome keeps one per objective the edit left
 * alone). Reported again with the same severity, it gives the same finding object (findingOf):
 * the language server converts and fingerprints a finding object once, and reads the findings
 * of a long outline after every edit. The object must never be changed once reported.
 */
export function kept<T extends Reported>(reported: T): T {
  KEPT.set(reported, null);
  return reported;
}

/** The finding a reported object makes with a severity: the one made last time for an object
 * a rule keeps (kept), a new one otherwise. */
export function findingOf(reported: Reported, severity: Severity): Finding {
  const known = KEPT.get(reported);
  if (known && known.severity === severity) return known;
  const made = findingWith(reported, severity, reported.fixes ?? [], reported.related ?? []);
  if (known !== undefined) KEPT.set(reported, made);
  return made;
}

/**
 * A finding of what was reported, with a severity, fixes and related locations: made by one
 * literal per shape with every field in it, so that all findings share two shapes (with an item,
 * without), their fields in the object itself. (Made by spreading what was reported, a finding
 * kept three of its fields in a separate property array, one more object to reach on each read,
 * and findings made by different rules had different shapes: a long outline's edit reads its
 * ~10,000 findings several times, in lint's sort and the server's conversion.) `span`: where
 * it stands, when not where it was reported (a kept finding moved by an edit).
 */
export function findingWith(
  reported: Reported | Finding,
  severity: Severity,
  fixes: Finding['fixes'],
  related: Finding['related'],
  span: Finding['span'] = reported.span,
): Finding {
  return reported.item
    ? {
        ruleId: reported.ruleId,
        severity,
        message: reported.message,
        span,
        fixes,
        related,
        item: reported.item,
      }
    : {
        ruleId: reported.ruleId,
        severity,
        message: reported.message,
        span,
        fixes,
        related,
      };
}

export interface Rule {
  id: string;
  description: string;
  appliesTo: ItemKind | 'reference' | 'item';
  defaultSeverity: Severity;
  check(ctx: RuleContext): void;
}

const DOCS_BASE = 'https://github.com/bloomline/bloomline/blob/main/docs/rules/';

/** The rule's documentation page (linked from every diagnostic). */
export function docsUrl(ruleId: string): string {
  return `${DOCS_BASE}${ruleId}.md`;
}

export function capitalise(word: string): string {
  return word ? word[0]!.toUpperCase() + word.slice(1) : word;
}

/** Whether an objective is a statement of a published standard its author quotes (an
 * apprenticeship's "K1: ...", model.ts Block.standard): its wording is not the author's to
 * change, so the rules on how objectives are written pass it by. */
export function quotedStatement(outline: Outline, o: { block: number }): boolean {
  return outline.blocks[o.block]?.standard === true;
}

/** Whether an outcome is one that output-not-outcome or vanity-metric (either on) already asks to
 * be replaced whole ("Deliver three workshops by Q3", "95% of staff complete the course"): the
 * rules on how an outcome is measured (its target, its timeframe, the objective it measures) pass
 * it by, since what they would ask for belongs to the outcome that replaces it, and one line with
 * four findings is a nag (OUTLINE-CONVENTIONS.md section 11, said once). With both rules off,
 * the author takes such items as outcomes, and they are checked as outcomes. */
export function replacedWhole(config: Config, o: Outcome): boolean {
  const a = o.analysis;
  return (
    (a.output !== null && config.rules['output-not-outcome'] !== 'off') ||
    (a.vanity !== null && config.rules['vanity-metric'] !== 'off')
  );
}
