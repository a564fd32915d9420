// The outline model: what Bloomline knows about one course outline, in the course author's
// words. Built once from the text (see outline.ts); the rules, the CLI, the language server, the
// tree view and the report all read it, none of them parse Markdown again.
//
// Positions are UTF-16 offsets into the exact text that was analysed (a BOM counts as one
// character); `LineIndex` (text.ts) turns them into 1-based lines and UTF-16 columns.

export const BLOOM_LEVELS = [
  'remember',
  'understand',
  'apply',
  'analyze',
  'evaluate',
  'create',
] as const;
export type BloomLevel = (typeof BLOOM_LEVELS)[number];

/** Half-open range [start, end) of UTF-16 offsets into the analysed text. */
export interface Span {
  start: number;
  end: number;
}

export type ItemKind = 'objective' | 'outcome' | 'assessment';

/** The kinds of course (OUTLINE-CONVENTIONS.md section 10): what a sound outline of each holds.
 * - workplace: training measured on the job; every objective should be measured by an outcome;
 * - academic: courses with learning outcomes, assessments and grading; no business outcomes;
 * - workshop: hands-on lessons and tutorials with exercises; no business outcomes. */
export const COURSE_KINDS = ['workplace', 'academic', 'workshop'] as const;
export type CourseKind = (typeof COURSE_KINDS)[number];
/** The `kind` setting: one of the kinds, or `auto` (read from the outline). */
export type KindSetting = CourseKind | 'auto';

/** Evidence of a course's kind, found while the outline was read: a Carpentries div, a
 * "Grading" heading, a "Job skills" section. `kind.ts` weighs it with what the items show. */
export interface KindSignal {
  kind: CourseKind;
  /** What was seen, in words for the reason shown to the user ("a Grading section"). */
  what: string;
  /** How much it says: 1 a hint, 2 a clear sign, 3 unmistakable. */
  weight: 1 | 2 | 3;
  span: Span | null;
}

/** The kind a course is read as, and why (shown on hover, in the report and the tree). */
export interface KindDecision {
  value: CourseKind;
  reason: string;
  /** True when read from the outline (`auto`), false when set in configuration. */
  auto: boolean;
}

/** How a block of objectives or outcomes was recognised (OUTLINE-CONVENTIONS.md §3, §4):
 * named by a heading, a lead-in, front matter, a pandoc div or Quarto callout, a MyST
 * directive, an MkDocs admonition, a GitHub alert, a label; nested under an item; a table with
 * an objective column; an HTML list; sentences of a paragraph; a code chunk's alt text; the
 * file's own name. */
export type BlockSource =
  | 'heading'
  | 'lead-in'
  | 'front-matter'
  | 'div'
  | 'directive'
  | 'admonition'
  | 'alert'
  | 'label'
  | 'nested'
  | 'table'
  | 'html'
  | 'prose'
  | 'chunk'
  | 'file';

export interface Section {
  /** Index in `Outline.sections`; 0 is the course (the whole file). */
  index: number;
  title: string;
  /** Heading depth (1-6); 0 for the course root when it has no H1. */
  depth: number;
  /** Titles from the course down to this section. */
  path: string[];
  parent: number | null;
  /** The heading's span, or null for a root built from front matter / nothing. */
  heading: Span | null;
  /** Start of the heading to the start of the next heading of the same or a higher level. */
  span: Span;
  children: number[];
}

export interface Block {
  index: number;
  kind: ItemKind;
  source: BlockSource;
  section: number;
  /** Items of this block, as indices into `Outline.objectives` or `Outline.outcomes`. */
  items: number[];
  /** The lead-in paragraph ("You will be able to:"), when one introduced the list. */
  leadIn: LeadIn | null;
  span: Span;
  /** Labelled items standing among items of another kind ("- Outcome: ..." in a list of
   * objectives): they link only by nesting and references, never by section scope. */
  labelledAside?: boolean;
  /** A school's success criteria ("I can ..."): its objectives state the degree of the
   * learning intentions of their section. */
  criteria?: boolean;
  /** Named only by an everyday name its items bore out ("Goals", "Results"): such blocks
   * alone do not make a design document or a roadmap an outline (workspace.ts isOutline). */
  weak?: boolean;
  /** The statements of a published standard (an apprenticeship's knowledge, skills and
   * behaviours, "K1: ..."): the author quotes them, so their wording is not checked (verb,
   * degree, compound); that each is assessed is. */
  standard?: boolean;
  /** A session plan's "Success indicators": what the learners will be seen doing when its
   * objectives are met, outcomes observed in the session (rules/missing-timeframe.ts). */
  indicators?: boolean;
}

export interface LeadIn {
  text: string;
  span: Span;
  /** A behaviour verb the lead-in carries ("you will understand:"), with where it stands and
   * the edit that turns it into "be able to" (null where the source is not plain text). */
  verb: { lemma: string; span: Span; toAbleTo: TextEdit | null } | null;
}

/** A word or phrase in an item's text, located in the source. */
export interface Located {
  text: string;
  span: Span;
}

export interface Reference {
  /** The ID as written. */
  id: string;
  span: Span;
  /** True when written in reference syntax ("(LO1)", "supports LO1"); false when it is a bare
   * token that only counts because an item with that ID exists. */
  syntactic: boolean;
  /** How it was written: in parentheses or brackets, after a keyword or arrow, or bare. */
  form: 'parenthesised' | 'keyword' | 'bare';
  /** What it resolves to (set when the workspace links outlines). */
  target?: { filePath: string; kind: ItemKind; id: string; index: number } | null;
  /** For an objective named by its number ("1, 2" in an assessment table's "Learning outcomes"
   * column): the objective's index in the same file, resolved when the file was read. Such a
   * reference is never renamed. */
  ordinal?: number;
  /** Implied by a range and not written ("CO2" in "(CO1-CO3)", "LO5" in "LO4-6"): its span is
   * the range's; or made by a mark of an alignment matrix ("X" under "CLO 2"): its span is the
   * mark's. Such a reference is never renamed. */
  inRange?: true;
  /** Set when linking finds it names a tag: a code of a framework no item defines, named twice
   * in the file ("(K3)" on an objective and "mapped to K3" on an assessment). */
  tag?: boolean;
}

export interface Link {
  /** The linked item's ID (explicit or generated). */
  id: string;
  /** Set when the linked item is in another file. */
  filePath?: string;
  implied: boolean;
  /** Nested under the item, a reference to its ID, the same table row, section scope, or a tag
   * both name ("(K3)"). */
  via: 'nesting' | 'reference' | 'row' | 'scope' | 'tag';
}

export interface ItemBase {
  kind: ItemKind;
  index: number;
  id: string;
  explicitId: boolean;
  /** Where the explicit ID is written (the token itself, without markup). */
  idSpan: Span | null;
  /** The item's text as a reader sees it: markup, checkbox, ID and label removed. */
  text: string;
  /** The whole item as written (first paragraph of the list item, or the YAML string). */
  span: Span;
  /** The text that is analysed (after ID and label), in source positions. */
  textSpan: Span;
  section: number;
  block: number;
  source: BlockSource;
  label: string | null;
  references: Reference[];
  /** For an item nested under another item: the parent's kind and index. */
  parent: { kind: ItemKind; index: number } | null;
  /** For a table row's outcome or assessment whose objectives cell holds several objective
   * sentences (split by `<br>`): the indexes of the objectives after the first (`parent`), which
   * it measures or checks the same way, by the row. */
  rowObjectives?: number[];
  /** Plain text of the analysed part and, for each of its UTF-16 units, its source offset
   * (plus one past the end). A fix is only offered where plain and source agree. */
  plain: string;
  offsets: number[];
  /** Where a nested item would be inserted after this one (end of its first paragraph) and
   * the indentation a nested list item needs there; null where no safe place exists. */
  insertion: { at: number; indent: string } | null;
}

/** One behaviour of an objective ("Identify and explain X" has two: identify, explain). */
export interface Behaviour {
  /** The verb's lemma ("identify", "set up"; for a vague behaviour its phrase, "be familiar
   * with"), located where it is written. */
  verb: Located;
  /** Its Bloom level in context; for "learn how to X" the level of X; null for a vague verb
   * with nothing observable after it. A verb outside the Bloom lists is read as apply
   * (`known` false). */
  level: BloomLevel | null;
  alternatives: BloomLevel[];
  vague: boolean;
  /** The vague phrase ("understand", "learn how to"), when it is vague. */
  vaguePhrase: (Located & { key: string; meant: BloomLevel; how: boolean }) | null;
  /** After "learn how to", "know how to", "learn about" + gerund: the behaviour meant. */
  realVerb: Located | null;
  /** False for a verb only the English lexicon knows ("subset", "stream"): its level cannot
   * be told. */
  known: boolean;
}

export interface ObjectiveAnalysis {
  /** Lemma of the (first) behaviour verb, or null. */
  verb: Located | null;
  /** The highest level of its behaviours. */
  level: BloomLevel | null;
  alternatives: BloomLevel[];
  /** Some behaviour is vague. */
  vague: boolean;
  /** The first vague phrase ("understand how to", "be familiar with"). */
  vaguePhrase: (Located & { key: string; meant: BloomLevel; how: boolean }) | null;
  /** The verb came from the lead-in, not the item. */
  verbFromLeadIn: boolean;
  criterion: Located | null;
  placeholderCriterion: Located | null;
  /** Every behaviour, in order: two or more make the objective compound. */
  behaviours: Behaviour[];
  /** The leading condition ("Given a CSV of sales", "With a partner"): ABCD "C". */
  condition: Located | null;
  /** With no level read, the level the author most likely meant, for the fixes' verbs (never
   * the objective's level): a vague phrase's, or a topic's stated in place of an objective
   * ("Care and use of hand tools": apply). */
  meantLevel: BloomLevel | null;
}

export interface Objective extends ItemBase {
  kind: 'objective';
  analysis: ObjectiveAnalysis;
  /** Its degree is stated by a school's success criteria: it is one, or it stands in their
   * section (a learning intention). Set afresh on every build (recognise/walk.ts). */
  degreeByCriteria?: boolean;
  /** Its ABCD parts written as sub-items ("- Condition: given a new laptop", "- Degree: within
   * 10 minutes"): the condition, and the measurable degree found in the degree's line (null
   * where that line states none). Set afresh on every read of the item (recognise/items.ts). */
  abcd?: { condition: Located | null; degree: Located | null } | null;
  outcomes: Link[];
  /** The assessments that check it (OUTLINE-CONVENTIONS.md section 6). */
  assessments: Link[];
}

export type KirkpatrickLevel = 1 | 2 | 3 | 4;

export interface OutcomeAnalysis {
  target: Located | null;
  timeframe: Located | null;
  /** The vanity measure named ("completion rate"), set only when it is the only measure. */
  vanity: Located | null;
  /** The trainer's deliverable named ("Deliver three workshops"). */
  output: Located | null;
  kirkpatrick: KirkpatrickLevel | null;
  placeholder: Located | null;
}

export interface Outcome extends ItemBase {
  kind: 'outcome';
  analysis: OutcomeAnalysis;
  objectives: Link[];
}

/** What an assessment asks learners to do (OUTLINE-CONVENTIONS.md section 5): read from its
 * task verb ("Write a loop that ...") or its question form ("Why ...?"), the highest demand
 * among the sentences of its task. */
export interface AssessmentAnalysis {
  /** The task verb's lemma ("write"), or the question's form ("why"), where it stands. */
  verb: Located | null;
  level: BloomLevel | null;
  /** Whether the level came from a task verb or a question form. */
  form: 'task' | 'question' | null;
  /** The sentence the level was read from. */
  task: Located | null;
  /** A grading weight ("30%", "20 points"): a line of a grading breakdown names an assessment
   * but links no objective by section scope. */
  weight: Located | null;
  /** The task under a heading, or a div's body, after the title (null for a one-line item). */
  body: Span | null;
}

export interface Assessment extends ItemBase {
  kind: 'assessment';
  analysis: AssessmentAnalysis;
  /** The objectives it checks. */
  objectives: Link[];
}

export type Item = Objective | Outcome | Assessment;

/** Every item of an outline: objectives, outcomes, assessments. */
export function itemsOf(outline: Outline): Item[] {
  return [...outline.objectives, ...outline.outcomes, ...outline.assessments];
}

/** The items of one kind. */
export function itemsOfKind(outline: Outline, kind: ItemKind): Item[] {
  return kind === 'objective'
    ? outline.objectives
    : kind === 'outcome'
      ? outline.outcomes
      : outline.assessments;
}

export interface DisableDirective {
  kind: 'disable' | 'enable' | 'disable-next-line' | 'disable-line' | 'disable-file';
  /** Rule IDs named; empty means every rule. */
  rules: string[];
  /** 0-based line the directive stands on. */
  line: number;
}

/** A heading, lead-in or directive that names objectives, outcomes or assessments, under which
 * nothing could be read (OUTLINE-CONVENTIONS.md section 12). */
export interface UnreadBlock {
  kind: 'objective' | 'outcome' | 'assessment';
  source: BlockSource;
  /** The name as written ("Learning objectives"). */
  name: string;
  /** The namer: the heading, the lead-in paragraph, the directive's opening line. */
  span: Span;
  /** What stands under it instead ("a paragraph", "an image", "nothing", STATEMENT_LIST). */
  found: string;
}

/** What unread-block says stood under an objectives heading whose list reads as statements
 * ("Objectives are statements of ...", "A good objective is specific"). */
export const STATEMENT_LIST = 'a list of statements about things, not of what learners will do,';
/** What stands under a heading whose list states a programme's aims for its trainees ("To have
 * trainees apply ...", "To produce graduates who ..."), not what the learners will do. */
export const AIM_LIST =
  "a list of the programme's aims (what it will do for its trainees), not of what learners will do,";

export interface Outline {
  filePath: string;
  /** The analysed text, unchanged. */
  text: string;
  title: string | null;
  sections: Section[];
  blocks: Block[];
  objectives: Objective[];
  outcomes: Outcome[];
  assessments: Assessment[];
  /** Evidence of the course's kind met while reading (kind.ts decides from it and the items). */
  signals: KindSignal[];
  directives: DisableDirective[];
  /** Names with nothing readable under them (the unread-block rule reports them). */
  unread: UnreadBlock[];
  /** Problems reading the file that are not findings (invalid front matter YAML...). The CLI
   * prints each; `editor` ones the language server shows too, as an information diagnostic
   * without a rule (objectives in another language: the author would otherwise see nothing). */
  notes: { message: string; span: Span; editor?: true }[];
  /** Set when the text was not analysed at all (larger than MAX_OUTLINE_BYTES, nested deeper
   * than MAX_NESTING_DEPTH: limits.ts): why, as in `notes`. The outline then has no items. */
  declined?: string;
  /** Set on a closed file's summary of a file that is no course outline (workspace.ts
   * isOutline), which the summary no longer holds what to tell from. */
  notOutline?: true;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeveritySetting = Severity | 'off';

export interface TextEdit {
  span: Span;
  newText: string;
}

export interface Fix {
  title: string;
  isPreferred: boolean;
  edits: TextEdit[];
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  span: Span;
  fixes: Fix[];
  /** Items this finding points at (linked objective, first use of a duplicated ID...). */
  related: { message: string; filePath: string; span: Span }[];
  /** What the finding is about, for editors and reports. */
  item?: { kind: ItemKind; id: string };
}
