// What "Write an objective..." and "Show Bloom verbs" offer and insert: the Bloom levels and
// verbs of the engine's own lexicon (bundled from the server's JSON, so the client suggests
// exactly the verbs the linter accepts), the ABCD sentence, and where it goes in the line.
// No import of `vscode`, so the unit tests run it under Node.
import lexicon from '../../server/src/core/language/data/bloom-verbs.json' with { type: 'json' };
import type { BloomLevel } from '../../server/src/core/model.js';

export interface LevelInfo {
  level: BloomLevel;
  order: number;
  meaning: string;
  asks: string;
}

export interface VerbInfo {
  verb: string;
  level: BloomLevel;
  alternatives: BloomLevel[];
}

const levelData = lexicon.levels as Record<BloomLevel, Omit<LevelInfo, 'level'>>;

/** The six levels, from remember to create. */
export const LEVELS: readonly LevelInfo[] = (Object.keys(levelData) as BloomLevel[])
  .map((level) => ({ level, ...levelData[level] }))
  .sort((a, b) => a.order - b.order);

/** Every single-word verb of the lexicon, in the lexicon's order. The lexicon's phrasal verbs
 * ("back up", "come up with") are left out until the engine reads them: today it reports an
 * objective that starts with one as having no verb (test/client/objectiveText.test.ts checks
 * that every verb offered is accepted at its level). */
export const VERBS: readonly VerbInfo[] = lexicon.verbs.map((v) => ({
  verb: v.verb,
  level: v.level as BloomLevel,
  alternatives: (v.alternatives ?? []) as BloomLevel[],
}));

export function verbsOfLevel(level: BloomLevel): VerbInfo[] {
  return VERBS.filter((v) => v.level === level);
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export const AUDIENCES = ['Participants', 'Learners', 'You'] as const;

export const DEGREE_EXAMPLES = [
  'within 10 minutes',
  'without errors',
  'with at least 90% accuracy',
  'meeting all items of the checklist',
];

export interface ObjectiveParts {
  verb: string;
  content: string;
  condition?: string;
  degree?: string;
}

/** Trims a part and the punctuation a writer tends to leave at its ends. */
function clean(part: string | undefined): string {
  return (part ?? '')
    .trim()
    .replace(/^[,;\s]+/, '')
    .replace(/[.,;\s]+$/, '');
}

/** "<Verb> <content>, <condition>, <degree>." with the empty parts left out. */
export function composeObjective(parts: ObjectiveParts): string {
  const head = [capitalize(clean(parts.verb)), clean(parts.content)].filter(Boolean).join(' ');
  return [head, clean(parts.condition), clean(parts.degree)].filter(Boolean).join(', ') + '.';
}

/** The lead-in that makes a list a list of objectives: "Participants will be able to:". */
export function leadIn(audience: string): string {
  return `${capitalize(audience.trim() || 'Participants')} will be able to:`;
}

const LIST_ITEM = /^(\s*)(?:[-*+]|\d{1,9}[.)])(?:[ \t]+\[[ xX]\])?[ \t]*$/;
const ANY_LIST_ITEM = /^\s*(?:[-*+]|\d{1,9}[.)])[ \t]/;

export interface Insertion {
  /** Text to put at the cursor (or in place of the selection). */
  text: string;
  /** Replace the whole line instead of inserting at the cursor. */
  replaceLine: boolean;
}

/**
 * How to insert an objective at the cursor:
 * - with a selection, the objective replaces it;
 * - on an empty line, it becomes a list item (`- `), indented like the line; when the line
 *   above is neither a list item nor a lead-in ending in ":", a lead-in naming the audience
 *   comes first, so that Bloomline reads the item as an objective;
 * - on a line that is only a list marker (`- `, `1. `, `- [ ] `), it completes that item;
 * - anywhere else, it goes in at the cursor.
 */
export function planInsertion(
  objective: string,
  context: { lineText: string; previousLines: readonly string[]; hasSelection: boolean },
  audience: string,
): Insertion {
  if (context.hasSelection) return { text: objective, replaceLine: false };
  const line = context.lineText;
  if (LIST_ITEM.test(line))
    return { text: line.replace(/[ \t]*$/, ' ') + objective, replaceLine: true };
  if (line.trim() !== '') return { text: objective, replaceLine: false };
  const indent = /^\s*/.exec(line)![0];
  const above = [...context.previousLines].reverse().find((l) => l.trim() !== '') ?? '';
  const inList = ANY_LIST_ITEM.test(above) || /^\s+\S/.test(above);
  const afterLeadIn = above.trimEnd().endsWith(':');
  if (inList || afterLeadIn || indent)
    return { text: `${indent}- ${objective}`, replaceLine: true };
  return { text: `${leadIn(audience)}\n\n- ${objective}`, replaceLine: true };
}

/** A verb as it goes into the text: capitalised at the start of a line or list item (after
 * its ID, if any). */
export function verbForPosition(verb: string, textBeforeCursor: string): string {
  const atStart =
    /^\s*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?)?(?:(?:\*\*)?[A-Za-z]+\d+(?:\.\d+)*:?(?:\*\*)?:?[ \t]+)?$/.test(
      textBeforeCursor,
    );
  return atStart ? capitalize(verb) : verb;
}
