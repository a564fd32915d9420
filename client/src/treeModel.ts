// The objective-to-outcome-and-assessment tree as plain data: `bloomline/outline` entries plus
// the file's diagnostics in, tree nodes with their labels, descriptions, tooltips and status
// out. Under each objective stand the outcomes that measure it and the assessments that check
// it (with the level each asks for; implied links marked); the file node says the kind of
// course and why. No import of `vscode` (types from the protocol only), so the unit tests run it
// under Node; the view (outlineTree.ts) only turns these nodes into TreeItems.
import type {
  AssessmentJson,
  LinkJson,
  ObjectiveJson,
  OutcomeJson,
  SectionJson,
} from '../../server/src/core/json.js';
import type { OutlineEntry } from '../../server/src/protocol.js';

export type Severity = 'error' | 'warning' | 'information' | 'hint';
/** The worst finding on an item, or `ok` when it has none. */
export type Status = Severity | 'ok';

/** A diagnostic of the file, reduced to what the tree needs. Lines are 1-based, as in the
 * outline JSON. */
export interface Finding {
  line: number;
  endLine: number;
  severity: Severity;
  message: string;
  /** The rule ID (the diagnostic's code), when there is one. */
  rule: string | null;
  /** The rule's documentation page. */
  href: string | null;
}

/** Where clicking a node goes: 1-based lines and columns, as in the outline JSON. */
export interface Location {
  uri: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  /** A notebook read from disk: the cell (0-based index) to show; `line` is the cell's. */
  cell?: number;
}

interface NodeBase {
  /** Unique in the tree and stable across refreshes, so expansion state survives them. */
  key: string;
  label: string;
  description: string;
  /** Markdown, with `$(icon)` codicons. */
  tooltip: string;
  status: Status;
  location: Location | null;
  children: TreeNode[];
}

export interface FileNode extends NodeBase {
  kind: 'file';
  uri: string;
  filePath: string;
  findingCount: number;
}
export interface SectionNode extends NodeBase {
  kind: 'section';
}
export interface ObjectiveNode extends NodeBase {
  kind: 'objective';
  objective: ObjectiveJson;
  findings: Finding[];
}
export interface OutcomeNode extends NodeBase {
  kind: 'outcome';
  /** Null when the link names an outcome of another file that is not loaded. */
  outcome: OutcomeJson | null;
  /** The link this node stands for; null in the "measure nothing" group. */
  link: LinkJson | null;
  findings: Finding[];
}
export interface AssessmentNode extends NodeBase {
  kind: 'assessment';
  /** Null when the link names an assessment of another file that is not loaded. */
  assessment: AssessmentJson | null;
  /** The link this node stands for; null in the "check nothing" group. */
  link: LinkJson | null;
  findings: Finding[];
}
export interface UnmeasuredGroupNode extends NodeBase {
  kind: 'unmeasured';
}
export interface UncheckedGroupNode extends NodeBase {
  kind: 'unchecked';
}
export type TreeNode =
  | FileNode
  | SectionNode
  | ObjectiveNode
  | OutcomeNode
  | AssessmentNode
  | UnmeasuredGroupNode
  | UncheckedGroupNode;

export interface BuildOptions {
  /** Keep only objectives and outcomes with findings (and what leads to them). */
  problemsOnly: boolean;
  /** The findings of a file, by the entry's `uri`. */
  findingsFor: (uri: string) => readonly Finding[];
  /** How to name the file in its node's description (e.g. a workspace-relative path). */
  describePath?: (entry: OutlineEntry) => string;
}

export const UNMEASURED_LABEL = 'Outcomes that measure nothing';
export const UNCHECKED_LABEL = 'Assessments that check nothing';

const SEVERITY_ORDER: readonly Status[] = ['ok', 'hint', 'information', 'warning', 'error'];

export function worstStatus(statuses: Iterable<Status>): Status {
  let worst: Status = 'ok';
  for (const s of statuses)
    if (SEVERITY_ORDER.indexOf(s) > SEVERITY_ORDER.indexOf(worst)) worst = s;
  return worst;
}

/** True when the entry is a course outline: Bloomline found an objective or an outcome. */
export function isOutlineEntry(entry: OutlineEntry): boolean {
  return entry.objectives.length > 0 || entry.outcomes.length > 0;
}

export function countLabel(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** Escapes text for a Markdown tooltip, including `$(` so that no text turns into an icon. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~$]/g, '\\$&');
}

const KIRKPATRICK: Record<number, string> = {
  1: 'reaction',
  2: 'learning',
  3: 'behaviour',
  4: 'results',
};

const STATUS_ICON: Record<Severity, string> = {
  error: '$(error)',
  warning: '$(warning)',
  information: '$(info)',
  hint: '$(lightbulb)',
};

const VIA: Record<LinkJson['via'], string> = {
  nesting: 'nesting',
  reference: 'reference',
  row: 'table row',
  scope: 'section scope',
  tag: 'shared tag',
};

/** The findings on an item: those that start on one of its lines. When items share a line,
 * the one that starts last (the innermost) takes the finding. */
export function findingsByItem(
  items: readonly { line: number; endLine: number }[],
  findings: readonly Finding[],
): Finding[][] {
  const result: Finding[][] = items.map(() => []);
  const owner = new Map<number, number>();
  items.forEach((item, i) => {
    for (let line = item.line; line <= Math.max(item.line, item.endLine); line++) {
      const current = owner.get(line);
      if (current === undefined || item.line >= items[current]!.line) owner.set(line, i);
    }
  });
  for (const f of findings) {
    const i = owner.get(f.line);
    if (i !== undefined) result[i]!.push(f);
  }
  return result;
}

function findingLines(findings: readonly Finding[]): string[] {
  if (findings.length === 0) return [];
  return [
    '---',
    ...findings.map((f) => {
      const rule = f.rule ? (f.href ? `[${f.rule}](${f.href})` : `\`${f.rule}\``) + ': ' : '';
      return `${STATUS_ICON[f.severity]} ${rule}${escapeMarkdown(f.message)}`;
    }),
  ];
}

function paragraphs(lines: (string | null)[]): string {
  return lines.filter((l): l is string => l !== null).join('\n\n');
}

export function objectiveDescription(o: ObjectiveJson): string {
  const what = o.vague ? 'vague' : o.verb === null ? 'no verb' : (o.level ?? '');
  return [o.explicitId ? o.id : null, what || null].filter(Boolean).join(' · ');
}

/** What the tree shows of an objective's links: outcomes where the course expects or has them,
 * assessments where it has them; the level of an assessment by ID. */
export interface LinkContext {
  outcomes: boolean;
  assessments: boolean;
  levelOf?: (link: LinkJson) => string | null;
}

const LEVELS = ['remember', 'understand', 'apply', 'analyze', 'evaluate', 'create'];

/** "Checked by 2 assessments, highest: apply (implied, by section scope)". */
export function checkedBy(o: ObjectiveJson, levelOf?: (link: LinkJson) => string | null): string {
  const links = o.assessments ?? [];
  if (!links.length) return 'Checked by no assessment';
  let top = -1;
  for (const l of links) {
    const level = levelOf?.(l) ?? null;
    if (level) top = Math.max(top, LEVELS.indexOf(level));
  }
  return (
    `Checked by ${countLabel(links.length, 'assessment')}` +
    (top >= 0 ? `, highest: **${LEVELS[top]}**` : '') +
    (links.every((l) => l.implied) ? ' (implied, by section scope)' : '')
  );
}

export function objectiveTooltip(
  o: ObjectiveJson,
  findings: readonly Finding[],
  context: LinkContext = { outcomes: true, assessments: false },
): string {
  const verb =
    o.verb === null
      ? 'Verb: none found'
      : `Verb: *${escapeMarkdown(o.verb)}*` +
        (o.vague
          ? ' (not observable)'
          : o.level
            ? ` · Bloom level: **${o.level}**` +
              (o.alternativeLevels.length ? ` (also ${o.alternativeLevels.join(', ')})` : '')
            : '');
  const measured = o.outcomes.length
    ? `Measured by ${countLabel(o.outcomes.length, 'outcome')}` +
      (o.outcomes.every((l) => l.implied) ? ' (implied, by section scope)' : '')
    : 'Measured by no outcome';
  return paragraphs([
    `**Objective${o.explicitId ? ' ' + escapeMarkdown(o.id) : ''}** · line ${o.line}`,
    escapeMarkdown(o.text),
    verb,
    o.criterion ? `Criterion: ${escapeMarkdown(o.criterion)}` : 'Criterion: none found',
    o.compound.length > 1
      ? `Behaviours: ${o.compound.map((v) => escapeMarkdown(v)).join(', ')}`
      : null,
    context.outcomes || o.outcomes.length ? measured : null,
    context.assessments || (o.assessments ?? []).length ? checkedBy(o, context.levelOf) : null,
    ...findingLines(findings),
  ]);
}

export function assessmentDescription(a: AssessmentJson | null, link: LinkJson | null): string {
  return [
    a?.explicitId ? a.id : null,
    a ? (a.level ?? 'level not read') : null,
    link?.implied ? 'implied' : null,
    link?.filePath ? baseName(link.filePath) : null,
  ]
    .filter(Boolean)
    .join(' · ');
}

export function assessmentTooltip(
  a: AssessmentJson,
  link: LinkJson | null,
  findings: readonly Finding[],
): string {
  const checks = a.objectives.length
    ? 'Checks ' +
      a.objectives.map((l) => escapeMarkdown(l.id) + (l.implied ? ' (implied)' : '')).join(', ')
    : 'Checks no objective';
  const asks = a.level
    ? `Asks for: **${a.level}**` +
      (a.task
        ? a.form === 'question'
          ? ` (the question *${escapeMarkdown(a.task)}*)`
          : ` (the task *${escapeMarkdown(a.task)}*)`
        : '')
    : 'Asks for: level not read (no task verb or question form found)';
  return paragraphs([
    `**Assessment${a.explicitId ? ' ' + escapeMarkdown(a.id) : ''}** · line ${a.line}`,
    escapeMarkdown(a.text),
    asks,
    a.weight ? `Weight: ${escapeMarkdown(a.weight)} (a line of a grading breakdown)` : null,
    link
      ? `Linked by ${VIA[link.via]}${link.implied ? ' (implied)' : ''}` +
        (link.filePath ? ` from ${escapeMarkdown(link.filePath)}` : '')
      : null,
    checks,
    ...findingLines(findings),
  ]);
}

export function outcomeDescription(o: OutcomeJson | null, link: LinkJson | null): string {
  return [
    o?.explicitId ? o.id : null,
    link?.implied ? 'implied' : null,
    o?.kirkpatrick ? `Kirkpatrick ${o.kirkpatrick}` : null,
    link?.filePath ? baseName(link.filePath) : null,
  ]
    .filter(Boolean)
    .join(' · ');
}

export function outcomeTooltip(
  o: OutcomeJson,
  link: LinkJson | null,
  findings: readonly Finding[],
): string {
  const measures = o.objectives.length
    ? 'Measures ' +
      o.objectives.map((l) => escapeMarkdown(l.id) + (l.implied ? ' (implied)' : '')).join(', ')
    : 'Measures no objective';
  return paragraphs([
    `**Outcome${o.explicitId ? ' ' + escapeMarkdown(o.id) : ''}** · line ${o.line}`,
    escapeMarkdown(o.text),
    o.target ? `Target: ${escapeMarkdown(o.target)}` : 'Target: none found',
    o.timeframe ? `Timeframe: ${escapeMarkdown(o.timeframe)}` : 'Timeframe: none found',
    o.kirkpatrick ? `Kirkpatrick level ${o.kirkpatrick} (${KIRKPATRICK[o.kirkpatrick]})` : null,
    o.vanity ? `Vanity metric${o.vanityMetric ? ': ' + escapeMarkdown(o.vanityMetric) : ''}` : null,
    o.output ? `An output, not a change: ${escapeMarkdown(o.output)}` : null,
    link
      ? `Linked by ${VIA[link.via]}${link.implied ? ' (implied)' : ''}` +
        (link.filePath ? ` from ${escapeMarkdown(link.filePath)}` : '')
      : null,
    measures,
    ...findingLines(findings),
  ]);
}

function baseName(filePath: string): string {
  return filePath.split(/[\\/]/).pop() ?? filePath;
}

/** An item's place: in its file, in the notebook cell it stands in (an open notebook's items
 * name their cell's document), or in a notebook's cell by index (one read from disk). */
function itemLocation(uri: string, item: ObjectiveJson | OutcomeJson | AssessmentJson): Location {
  const cell = item.cell;
  if (cell?.uri) return { ...itemRange(item), uri: cell.uri };
  if (cell?.index !== undefined)
    return { uri, line: cell.line, column: cell.column, cell: cell.index };
  return { ...itemRange(item), uri };
}

function itemRange(item: ObjectiveJson | OutcomeJson | AssessmentJson): Omit<Location, 'uri'> {
  return { line: item.line, column: item.column, endLine: item.endLine, endColumn: item.endColumn };
}

/** Findings by item, each item's looked up in the document it stands in: the file, or for an
 * open notebook the cell (`cell.uri`), whose diagnostics carry the cell's own lines. */
function findingsOfItems(
  items: readonly (ObjectiveJson | OutcomeJson | AssessmentJson)[],
  uri: string,
  findingsFor: (uri: string) => readonly Finding[],
): Finding[][] {
  const byDocument = new Map<string, number[]>();
  items.forEach((item, i) => {
    const doc = item.cell?.uri ?? uri;
    byDocument.set(doc, [...(byDocument.get(doc) ?? []), i]);
  });
  const result: Finding[][] = items.map(() => []);
  for (const [doc, indices] of byDocument) {
    const found = findingsByItem(
      indices.map((i) => items[i]!),
      findingsFor(doc),
    );
    indices.forEach((i, j) => (result[i] = found[j]!));
  }
  return result;
}

/** Looks an item up by ID as the engine matches IDs: exactly first, then without regard to
 * case. */
function lookup<T extends { id: string }>(items: readonly T[], id: string): T | undefined {
  return (
    items.find((i) => i.id === id) ?? items.find((i) => i.id.toLowerCase() === id.toLowerCase())
  );
}

/** Gives every key one owner: a second node with the same key gets a numbered suffix. */
class Keys {
  private readonly seen = new Map<string, number>();
  make(key: string): string {
    const n = (this.seen.get(key) ?? 0) + 1;
    this.seen.set(key, n);
    return n === 1 ? key : `${key}~${n}`;
  }
}

/** Builds the nodes of every outline entry: one file node per entry that is an outline. */
export function buildTree(entries: readonly OutlineEntry[], options: BuildOptions): FileNode[] {
  const files: FileNode[] = [];
  for (const entry of entries) {
    if (!isOutlineEntry(entry)) continue;
    const node = buildFile(entry, entries, options);
    if (options.problemsOnly && node.children.length === 0) continue;
    files.push(node);
  }
  return files;
}

function buildFile(
  entry: OutlineEntry,
  entries: readonly OutlineEntry[],
  options: BuildOptions,
): FileNode {
  const keys = new Keys();
  const uri = entry.uri;
  const assessments = entry.assessments ?? [];
  const items = [...entry.objectives, ...entry.outcomes, ...assessments];
  const itemFindings = findingsOfItems(items, uri, options.findingsFor);
  // The file's findings: its own, and for an open notebook those of the cells with items.
  const documents = new Set([uri, ...items.flatMap((i) => (i.cell?.uri ? [i.cell.uri] : []))]);
  const findings = [...documents].flatMap((doc) => options.findingsFor(doc));
  const findingsOf = new Map<ObjectiveJson | OutcomeJson | AssessmentJson, Finding[]>();
  items.forEach((item, i) => findingsOf.set(item, itemFindings[i]!));
  const keep = (node: TreeNode): boolean =>
    !options.problemsOnly || node.status !== 'ok' || node.children.length > 0;

  const outcomeNode = (
    parentKey: string,
    outcome: OutcomeJson | null,
    link: LinkJson | null,
    outcomeUri: string,
    outcomeFindings: readonly Finding[],
  ): OutcomeNode => {
    const own = outcomeFindings.slice();
    return {
      kind: 'outcome',
      key: keys.make(`${parentKey}>outcome:${outcome?.id ?? link?.id ?? '?'}`),
      label: outcome ? outcome.text : (link?.text ?? link?.id ?? ''),
      description: outcomeDescription(outcome, link),
      tooltip: outcome
        ? outcomeTooltip(outcome, link, own)
        : `Outcome **${escapeMarkdown(link?.id ?? '')}**` +
          (link?.filePath ? ` in ${escapeMarkdown(link.filePath)} (not loaded)` : ''),
      status: worstStatus(own.map((f) => f.severity)),
      location: outcome ? itemLocation(outcomeUri, outcome) : null,
      children: [],
      outcome,
      link,
      findings: own,
    };
  };

  const assessmentNode = (
    parentKey: string,
    assessment: AssessmentJson | null,
    link: LinkJson | null,
    assessmentUri: string,
    assessmentFindings: readonly Finding[],
  ): AssessmentNode => {
    const own = assessmentFindings.slice();
    return {
      kind: 'assessment',
      key: keys.make(`${parentKey}>assessment:${assessment?.id ?? link?.id ?? '?'}`),
      label: assessment ? assessment.text : (link?.text ?? link?.id ?? ''),
      description: assessmentDescription(assessment, link),
      tooltip: assessment
        ? assessmentTooltip(assessment, link, own)
        : `Assessment **${escapeMarkdown(link?.id ?? '')}**` +
          (link?.filePath ? ` in ${escapeMarkdown(link.filePath)} (not loaded)` : ''),
      status: worstStatus(own.map((f) => f.severity)),
      location: assessment ? itemLocation(assessmentUri, assessment) : null,
      children: [],
      assessment,
      link,
      findings: own,
    };
  };

  /** The assessment a link names: in this file, or in another loaded entry. */
  const resolveAssessment = (
    link: LinkJson,
  ): { assessment: AssessmentJson; uri: string; findings: readonly Finding[] } | null => {
    if (!link.filePath || link.filePath === entry.filePath) {
      const assessment = lookup(assessments, link.id);
      return assessment ? { assessment, uri, findings: findingsOf.get(assessment) ?? [] } : null;
    }
    const other = entries.find((e) => e.filePath === link.filePath);
    const list = other?.assessments ?? [];
    const assessment = other && lookup(list, link.id);
    if (!other || !assessment) return null;
    const otherFindings = findingsOfItems(list, other.uri, options.findingsFor);
    return {
      assessment,
      uri: other.uri,
      findings: otherFindings[list.indexOf(assessment)] ?? [],
    };
  };
  const context: LinkContext = {
    outcomes:
      entry.kind?.value === 'workplace' ||
      entry.outcomes.length > 0 ||
      entry.objectives.some((o) => o.outcomes.length > 0),
    assessments: entry.objectives.some((o) => (o.assessments ?? []).length > 0),
    levelOf: (link) => resolveAssessment(link)?.assessment.level ?? null,
  };

  /** The outcome a link names: in this file, or in another loaded entry for a cross-file link. */
  const resolveOutcome = (
    link: LinkJson,
  ): { outcome: OutcomeJson; uri: string; findings: readonly Finding[] } | null => {
    if (!link.filePath || link.filePath === entry.filePath) {
      const outcome = lookup(entry.outcomes, link.id);
      return outcome ? { outcome, uri, findings: findingsOf.get(outcome) ?? [] } : null;
    }
    const other = entries.find((e) => e.filePath === link.filePath);
    const outcome = other && lookup(other.outcomes, link.id);
    if (!other || !outcome) return null;
    const otherFindings = findingsOfItems(other.outcomes, other.uri, options.findingsFor);
    return {
      outcome,
      uri: other.uri,
      findings: otherFindings[other.outcomes.indexOf(outcome)] ?? [],
    };
  };

  const objectiveNode = (parentKey: string, objective: ObjectiveJson): ObjectiveNode => {
    const key = keys.make(`${parentKey}>objective:${objective.id}`);
    const own = findingsOf.get(objective) ?? [];
    const children: TreeNode[] = [];
    for (const sub of subObjectives.get(objective.id) ?? []) {
      if (sub === objective) continue;
      const node = objectiveNode(key, sub);
      if (keep(node)) children.push(node);
    }
    for (const link of objective.outcomes) {
      const target = resolveOutcome(link);
      const node = outcomeNode(
        key,
        target?.outcome ?? null,
        link,
        target?.uri ?? uri,
        target?.findings ?? [],
      );
      if (keep(node)) children.push(node);
    }
    for (const link of objective.assessments ?? []) {
      const target = resolveAssessment(link);
      const node = assessmentNode(
        key,
        target?.assessment ?? null,
        link,
        target?.uri ?? uri,
        target?.findings ?? [],
      );
      if (keep(node)) children.push(node);
    }
    return {
      kind: 'objective',
      key,
      label: objective.text,
      description: objectiveDescription(objective),
      tooltip: objectiveTooltip(objective, own, context),
      status: worstStatus(own.map((f) => f.severity)),
      location: itemLocation(uri, objective),
      children,
      objective,
      findings: own,
    };
  };

  const objectiveIds = new Set(entry.objectives.map((o) => o.id));
  const subObjectives = new Map<string, ObjectiveJson[]>();
  // Sections list their objectives by ID; IDs can repeat (duplicate-id), so each section takes
  // the next objective with that ID in document order, the order sections are visited in.
  const unplaced = new Map<string, ObjectiveJson[]>();
  for (const o of entry.objectives) {
    if (o.parent !== null && objectiveIds.has(o.parent)) {
      subObjectives.set(o.parent, [...(subObjectives.get(o.parent) ?? []), o]);
    }
    unplaced.set(o.id, [...(unplaced.get(o.id) ?? []), o]);
  }
  const topLevelObjectives = (section: SectionJson): TreeNode[] => {
    const nodes: TreeNode[] = [];
    for (const id of section.objectives) {
      const objective = unplaced.get(id)?.shift();
      // A sub-objective is shown under the objective it belongs to.
      if (!objective || (objective.parent !== null && objectiveIds.has(objective.parent))) {
        continue;
      }
      const node = objectiveNode(sectionKey(section), objective);
      if (keep(node)) nodes.push(node);
    }
    return nodes;
  };
  const sectionKey = (section: SectionJson) => `${uri}#section:${section.path.join('/')}`;
  const sectionChildren = (section: SectionJson): TreeNode[] => [
    ...topLevelObjectives(section),
    ...section.sections.map(sectionNode).filter((n): n is SectionNode => n !== null),
  ];
  const sectionNode = (section: SectionJson): SectionNode | null => {
    const children = sectionChildren(section);
    // Sections without objectives (an introduction, an outcomes-only page) are left out.
    if (children.length === 0) return null;
    const shown = [...subtreeFindings(children)];
    const count = shown.length;
    return {
      kind: 'section',
      key: keys.make(sectionKey(section)),
      label: section.title || '(untitled section)',
      description: count ? countLabel(count, 'finding') : '',
      tooltip: paragraphs([
        `**${escapeMarkdown(section.title || '(untitled section)')}**` +
          (section.line !== null ? ` · line ${section.line}` : ''),
        countLabel(section.objectives.length, 'objective') +
          ', ' +
          countLabel(section.outcomes.length, 'outcome'),
      ]),
      status: worstStatus(shown.map((f) => f.severity)),
      location: section.line !== null ? { uri, line: section.line, column: 1 } : null,
      children,
    };
  };

  // The course heading (the H1 that is the title) is the file node itself: its sections go
  // straight under the file rather than one level deeper.
  const top = entry.sections;
  const only = top.length === 1 ? top[0]! : null;
  const children: TreeNode[] =
    only && (only.depth <= 1 || only.title === entry.title)
      ? sectionChildren(only)
      : top.map(sectionNode).filter((n): n is SectionNode => n !== null);

  const unmeasured = entry.outcomes
    .filter((o) => o.objectives.length === 0)
    .map((o) => outcomeNode(`${uri}#unmeasured`, o, null, uri, findingsOf.get(o) ?? []))
    .filter(keep);
  if (unmeasured.length) {
    children.push({
      kind: 'unmeasured',
      key: keys.make(`${uri}#unmeasured`),
      label: UNMEASURED_LABEL,
      description: String(unmeasured.length),
      tooltip:
        'Outcomes linked to no objective: nest them under an objective, name its ID ' +
        '(`\\(LO1\\)`), or put them in the section of the objectives they measure.',
      status: worstStatus(unmeasured.map((n) => n.status)),
      location: null,
      children: unmeasured,
    });
  }

  const unchecked = assessments
    .filter((a) => a.objectives.length === 0)
    .map((a) => assessmentNode(`${uri}#unchecked`, a, null, uri, findingsOf.get(a) ?? []))
    .filter(keep);
  if (unchecked.length) {
    children.push({
      kind: 'unchecked',
      key: keys.make(`${uri}#unchecked`),
      label: UNCHECKED_LABEL,
      description: String(unchecked.length),
      tooltip:
        'Assessments linked to no objective: name the objectives they check (`\\(LO1\\)`), ' +
        'nest them under the objective, or put them in the section of the objectives they ' +
        'check. A line of a grading breakdown (`Quizzes 30%`) checks nothing by itself.',
      status: worstStatus(unchecked.map((n) => n.status)),
      location: null,
      children: unchecked,
    });
  }

  const title = entry.title || baseName(entry.filePath);
  const where = options.describePath?.(entry) ?? '';
  const severities = findings.map((f) => f.severity);
  const kind = entry.kind;
  return {
    kind: 'file',
    key: keys.make(uri),
    uri,
    filePath: entry.filePath,
    label: title,
    description: [
      where || null,
      kind ? kind.value : null,
      findings.length ? countLabel(findings.length, 'finding') : null,
    ]
      .filter(Boolean)
      .join(' · '),
    tooltip: paragraphs([
      `**${escapeMarkdown(title)}**`,
      escapeMarkdown(entry.filePath),
      kind
        ? `Kind: **${kind.value}**, ${escapeMarkdown(kind.auto ? kind.reason : `${kind.reason}`)}`
        : null,
      `${countLabel(entry.objectives.length, 'objective')}, ` +
        `${countLabel(entry.outcomes.length, 'outcome')}, ` +
        `${countLabel(assessments.length, 'assessment')}, ` +
        `${countLabel(findings.length, 'finding')}`,
    ]),
    status: worstStatus(severities),
    location: { uri, line: 1, column: 1 },
    children,
    findingCount: findings.length,
  };
}

/** The findings shown in a subtree, each once (an outcome that measures two objectives
 * appears twice). */
function subtreeFindings(nodes: readonly TreeNode[], into = new Set<Finding>()): Set<Finding> {
  for (const node of nodes) {
    if (node.kind === 'objective' || node.kind === 'outcome' || node.kind === 'assessment') {
      for (const f of node.findings) into.add(f);
    }
    subtreeFindings(node.children, into);
  }
  return into;
}

/** Every node of the trees, depth first (for tests and look-ups). */
export function* walk(nodes: readonly TreeNode[]): Generator<TreeNode> {
  for (const node of nodes) {
    yield node;
    yield* walk(node.children);
  }
}
