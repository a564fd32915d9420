// The rules, in the order of INTERFACES.md (unknown-verb, added by issue 12, after no-verb).
import { assessmentBelowLevel } from './assessment-below-level.js';
import { compoundObjective } from './compound-objective.js';
import { duplicateId } from './duplicate-id.js';
import { missingCriterion } from './missing-criterion.js';
import { missingOutcome } from './missing-outcome.js';
import { missingTimeframe } from './missing-timeframe.js';
import { noVerb } from './no-verb.js';
import { orphanOutcome } from './orphan-outcome.js';
import { outputNotOutcome } from './output-not-outcome.js';
import type { Rule } from './rule.js';
import { unassessedObjective } from './unassessed-objective.js';
import { unknownReference } from './unknown-reference.js';
import { unknownVerb } from './unknown-verb.js';
import { unmeasurableOutcome } from './unmeasurable-outcome.js';
import { unreadBlock } from './unread-block.js';
import { vagueVerb } from './vague-verb.js';
import { vanityMetric } from './vanity-metric.js';

export const RULES: readonly Rule[] = [
  missingOutcome,
  vagueVerb,
  noVerb,
  unknownVerb,
  missingCriterion,
  compoundObjective,
  unmeasurableOutcome,
  missingTimeframe,
  vanityMetric,
  outputNotOutcome,
  orphanOutcome,
  unknownReference,
  duplicateId,
  unassessedObjective,
  assessmentBelowLevel,
  unreadBlock,
];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}

export { docsUrl, type Rule, type RuleContext } from './rule.js';
