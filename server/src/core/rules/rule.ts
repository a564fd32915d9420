// What a rule is: an ID, what it checks, its default severity, and a check that reports
// findings (with fixes as data) on one outline. Rules never parse Markdown: they read the model.
import type { Config } from '../config.js';
import type { Lexicon } from '../language/lexicon.js';
import type { Finding, ItemKind, KindDecision, Outline, Severity } from '../model.js';

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
