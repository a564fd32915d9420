// The workspace: every outline the CLI or the server knows, linked together. References are
// resolved in their own file first, then across the workspace where the ID is unique there;
// links (nesting, references, section scope) are made here, and rules run per file.
import { DEFAULT_CONFIG, type Config } from './config.js';
import { lexiconFor } from './language/lexicon.js';
import type {
  Assessment,
  Finding,
  Fix,
  Item,
  ItemBase,
  ItemKind,
  KindDecision,
  Link,
  Objective,
  Outcome,
  Outline,
  Reference,
  Severity,
  TextEdit,
} from './model.js';
import { courseKind } from './kind.js';
import {
  idLetters,
  LEARNING_OUTCOME_CODE,
  letteredId,
  meantAsId,
  objectiveByCode,
} from './recognise/ids.js';
import { itemsOf, itemsOfKind } from './model.js';
import { analyseText, emptyOutline } from './outline.js';
import type { Parsed } from './parse.js';
import { RULES } from './rules/index.js';
import { findingOf, findingWith, type Rule, type RuleContext } from './rules/rule.js';
import { dependsOnOtherFiles, summariseOutline } from './summary.js';
import { isOutline } from './is-outline.js';

export { isOutline };
import { LineIndex, LinePositions } from './text.js';
import { outlineToJson, type OutlineJson, type JsonPositions } from './json.js';
import { IdentityView, type SourceView } from './formats/view.js';
import { flat, NO_LINKS, notesOf } from './recognise/noted.js';

interface Entry {
  text: string;
  config: Config;
  outline: Outline;
  /** Kept so that the next edit re-parses only the sections it touched (null when the text
   * was declined, see limits.ts). */
  parsed: Parsed | null;
  /** How the analysed text stands in the file as stored (a notebook's cells in its JSON). */
  view: SourceView | null;
  /** Line index of the stored text, made when first asked for. */
  storedLines?: LineIndex;
  /** Closed (`addClosed`): only the summary other files link with is kept (summary.ts). */
  closed?: true;
  /** Of a closed file given with its text: where its lines start, for `positions`. */
  lines?: LinePositions;
  /** Findings of the item rules per item, from the last lint (`reuseFindings`). */
  itemFindings?: ItemFindings;
}

interface Target {
  filePath: string;
  kind: ItemKind;
  id: string;
  index: number;
}

export interface WorkspaceOptions {
  /** Called when a rule throws; the other rules still report. */
  onRuleError?: (ruleId: string, filePath: string, error: unknown) => void;
  /** Files are analysed once and not edited (the CLI): no parse is kept for the next edit,
   * and a short file is parsed in one go (outline.ts). */
  once?: boolean;
  /**
   * Keep each file's item-rule findings per item, so that the next lint of that file after an
   * edit runs the item rules only on items that changed (the language server: a file is linted
   * after every edit). Off for a single pass (the CLI), where it would only cost memory.
   */
  reuseFindings?: boolean;
  /**
   * Closed files (`addClosed`) keep, beside what linking needs, what the tree, the report and
   * the export show of their items (summary.ts, `entries`), so that `outlineJson`, `buildReport`
   * and `buildExport` answer of a closed file as of its whole outline, without analysing it
   * again (the language server: the tree of the whole workspace). Off for `check`, which needs
   * only the links.
   */
  closedEntries?: boolean;
}

/** The partners of an objective linking looks through one by one (more: a set). */
const FEW_PARTNERS = 8;

export class Workspace {
  private readonly entries = new Map<string, Entry>();
  private linked = false;
  /** Explicit IDs (lowercased) across the workspace. */
  private ids = new Map<string, Target[]>();
  /** IDs that resolve in their own file only, by file: a standard's KSB codes quoted as
   * objectives ("K3" in the standard's file), which another file's "(K3)" tags of another
   * standard must not reach (model.ts Block.standard). */
  private localIds = new Map<string, Map<string, Target>>();
  /** The letters of the IDs in `ids` ("lo" for LO1.2), made when first asked after a link. */
  private idPrefixes: Set<string> | null = null;
  private idsLettered: boolean | null = null;
  /** Pairs linked in this linking pass (across files, one reference may be seen from both): an
   * objective's one partner so far, a short list once it has two, a set once it has more than
   * FEW_PARTNERS (most objectives of a long outline have one or two: a set each was thousands
   * of sets made per edit). */
  private linkedPairs = new Map<
    Objective,
    Outcome | Assessment | (Outcome | Assessment)[] | Set<Outcome | Assessment>
  >();
  /** The files linked with each file (a link between items of two files), from this linking
   * pass. */
  private partners = new Map<string, Set<string>>();
  /** Each item's link by section scope as others hold it (`{ id, implied: true, via: 'scope' }`),
   * kept across linking passes while its ID is the same: links are never changed once made, so
   * one object stands for it on every list (a long outline's course-level blocks made one per
   * pair and block, 24,000 back links per edit on the benchmark's outline). */
  private readonly scopeLinks = new WeakMap<Item, Link>();

  constructor(
    private config: Config = DEFAULT_CONFIG,
    private readonly options: WorkspaceOptions = {},
  ) {}

  /** The configuration new files get, and files updated without one. */
  setConfig(config: Config): void {
    this.config = config;
    for (const [filePath, e] of this.entries) {
      // A closed file has no text to analyse again: it takes the configuration for linking.
      if (e.closed) {
        e.config = config;
        this.linked = false;
      } else this.update(filePath, e.text, config);
    }
  }

  /**
   * Analyses a file's text. `view` says how that text stands in the file as stored, when they
   * differ (a notebook's Markdown cells: formats/); positions in `outlineJson` are then those
   * of the stored file.
   */
  update(
    filePath: string,
    text: string,
    config: Config = this.config,
    view: SourceView | null = null,
  ): Outline {
    const prev = this.entries.get(filePath);
    if (prev && !prev.closed && prev.text === text && sameWords(prev.config, config)) {
      // The same text, perhaps another copy of it (a file opened after it was read from disk):
      // one copy is kept.
      prev.text = text;
      prev.outline.text = text;
      prev.config = config;
      if (prev.view !== view) {
        prev.view = view;
        delete prev.storedLines;
      }
      this.linked = false;
      return prev.outline;
    }
    // The old outline is let go while the new one is built (only its parse is reused), so that a
    // large file does not hold two outlines at once. If the analysis throws, the file is
    // forgotten, to be analysed afresh next time.
    if (prev) prev.outline = placeholder(filePath);
    this.linked = false;
    let analysed;
    try {
      analysed = this.options.once
        ? analyseText(text, filePath, config, null, { once: true })
        : analyseText(text, filePath, config, prev?.parsed);
    } catch (err) {
      this.entries.delete(filePath);
      throw err;
    }
    const { outline } = analysed;
    const parsed = this.options.once ? null : analysed.parsed;
    const entry: Entry = { text, config, outline, parsed, view };
    if (prev?.itemFindings && !prev.closed && prev.config === config)
      entry.itemFindings = prev.itemFindings;
    this.entries.set(filePath, entry);
    return outline;
  }

  /** Lets go of the findings kept for reuse of a file no longer linted after edits (a document
   * closed in the editor): the memory is the file's, not the next lint's. */
  forgetFindings(filePath: string): void {
    const entry = this.entries.get(filePath);
    if (entry) delete entry.itemFindings;
  }

  remove(filePath: string): void {
    if (this.entries.delete(filePath)) this.linked = false;
  }

  /**
   * Adds (or replaces) a file as closed: of its outline only what other files' links and
   * references need is kept (its IDs and references: summary.ts), not its text, parse or model;
   * with `closedEntries`, also what its tree, report and export show (`outlineJson` answers of
   * it as of the whole outline). Its findings cannot be computed until `update` analyses it
   * again; it keeps its place in the
   * order in which files are linked, so the links of the others are made as before. The CLI
   * lints a file alone, then adds it closed to link it with files read later.
   */
  addClosed(
    filePath: string,
    outline: Outline,
    config: Config,
    stored?: { text: string; view: SourceView | null },
  ): void {
    const entry: Entry = {
      text: '',
      config,
      outline: summariseOutline(outline, { entries: this.options.closedEntries === true }),
      parsed: null,
      view: stored?.view ?? null,
      closed: true,
    };
    // With its text, a closed file still answers `positions` (a notebook through its view).
    if (stored && !stored.view) entry.lines = new LinePositions(stored.text);
    this.entries.set(filePath, entry);
    this.linked = false;
  }

  /** A file's text analysed in one go (no parse kept for an edit); on an error the file is
   * dropped from the workspace and the error thrown. */
  private analyseOnce(filePath: string, text: string, config: Config): Outline {
    try {
      return analyseText(text, filePath, config, null, { once: true }).outline;
    } catch (err) {
      this.remove(filePath);
      throw err;
    }
  }

  /**
   * Analyses a file's text and keeps it closed (`addClosed`): a file no editor has open, which
   * the language server indexes for the others. The text is parsed in one go, as the CLI does,
   * and let go with the model; the summary is returned.
   */
  updateClosed(
    filePath: string,
    text: string,
    config: Config = this.config,
    view: SourceView | null = null,
  ): Outline {
    const outline = this.analyseOnce(filePath, text, config);
    this.addClosed(filePath, outline, config, { text, view });
    return this.entries.get(filePath)!.outline;
  }

  /**
   * Analyses a file's text in one go, as `updateClosed` does, and keeps its whole model (not
   * closed) but no parse for an edit: a closed file read again for a request that needs its
   * model (the language server's hover, code lenses ... on the file), to be closed again
   * (`close`).
   */
  reopen(
    filePath: string,
    text: string,
    config: Config = this.config,
    view: SourceView | null = null,
  ): Outline {
    const outline = this.analyseOnce(filePath, text, config);
    this.entries.set(filePath, { text, config, outline, parsed: null, view });
    this.linked = false;
    return outline;
  }

  /** Keeps only the summary of a file `update` analysed (the language server: a file read
   * again for a request, then let go). Nothing when the file is unknown or closed already. */
  close(filePath: string): void {
    const entry = this.entries.get(filePath);
    if (!entry || entry.closed) return;
    this.addClosed(filePath, entry.outline, entry.config, { text: entry.text, view: entry.view });
  }

  /** Whether a file is kept closed (`addClosed`). */
  isClosed(filePath: string): boolean {
    return this.entries.get(filePath)?.closed === true;
  }

  /**
   * Gives a closed file another configuration, where that needs no new analysis (the same
   * words: what else the configuration says is read when files are linked and linted); false
   * when its text must be analysed again (`updateClosed`).
   */
  reconfigureClosed(filePath: string, config: Config): boolean {
    const entry = this.entries.get(filePath);
    if (!entry?.closed || !sameWords(entry.config, config)) return false;
    if (entry.config !== config) {
      entry.config = config;
      this.linked = false;
    }
    return true;
  }

  /** The files whose findings depend on other files of the workspace (a link or a reference
   * across files, or a reference that resolves nowhere), closed ones included. */
  dependentFiles(): Set<string> {
    this.ensureLinked();
    const out = new Set<string>();
    for (const [filePath, { outline }] of this.entries)
      if (dependsOnOtherFiles(outline)) out.add(filePath);
    return out;
  }

  get(filePath: string): Outline | undefined {
    this.ensureLinked();
    return this.entries.get(filePath)?.outline;
  }

  /** Every outline, linked (for reports and the tree of the whole workspace). */
  outlines(): Outline[] {
    this.ensureLinked();
    return [...this.entries.values()].map((e) => e.outline);
  }

  files(): string[] {
    return [...this.entries.keys()];
  }

  /** How a file's analysed text stands in the file as stored (the text itself for Markdown). */
  view(filePath: string): SourceView {
    const entry = this.entries.get(filePath);
    return entry?.view ?? new IdentityView(entry?.text ?? '');
  }

  /** Positions in the file as stored, for offsets of its analysed text. */
  positions(filePath: string): JsonPositions {
    const entry = this.entries.get(filePath);
    const closedLines = entry?.lines;
    if (closedLines)
      return {
        range: (s) => ({ start: closedLines.position(s.start), end: closedLines.position(s.end) }),
      };
    if (!entry?.view) {
      const lines = new LineIndex(entry?.text ?? '');
      return { range: (s) => ({ start: lines.position(s.start), end: lines.position(s.end) }) };
    }
    const view = entry.view;
    const lines = (entry.storedLines ??= new LineIndex(view.stored));
    return {
      range: (span) => {
        const s = view.toStored(span);
        return { start: lines.position(s.start), end: lines.position(s.end) };
      },
      cell: (o) => view.cellPosition(o),
    };
  }

  configOf(filePath: string): Config {
    return this.entries.get(filePath)?.config ?? this.config;
  }

  /** Findings for one file: severities from its configuration, disabled ones removed. With
   * `reuseFindings`, findings of items an edit did not touch are the same objects as last time:
   * read them, never change them. */
  lint(filePath: string): Finding[] {
    this.ensureLinked();
    const entry = this.entries.get(filePath);
    if (!entry) return [];
    if (entry.closed) throw new Error(`${filePath} is closed: update it before linting it`);
    const { outline, config } = entry;
    // A file that is not an outline gets no findings, except the one signal that a name of
    // objectives has nothing readable under it (OUTLINE-CONVENTIONS.md section 12).
    const rules = isOutline(outline) ? RULES : RULES.filter((r) => r.id === 'unread-block');
    if (!isOutline(outline) && !outline.unread.length) return [];
    const findings: Finding[] = [];
    const lex = lexiconFor(config.vaguePhrases, config.verbs);
    const kind = courseKind(outline, config.kind);
    // Findings made with another configuration (severities, words) are not reused.
    const before = entry.itemFindings?.config === config ? entry.itemFindings : undefined;
    const reuse = this.options.reuseFindings
      ? new ItemReuse(outline, before, (ruleId, error) =>
          this.options.onRuleError?.(ruleId, filePath, error),
        )
      : null;
    const contextFor = (severity: Severity): RuleContext => ({
      outline,
      config,
      lex,
      kind,
      knownIds: () => this.knownIds(filePath),
      report: (f) => findings.push(findingOf(f, severity)),
    });
    // With reuse, the item rules run together below, item by item; their findings go into the
    // list at another point than in a run rule by rule, which the sort at the end undoes (two
    // findings of different rules never tie, and one rule's stay in item order).
    const itemRules: { rule: Rule; severity: Severity }[] = [];
    for (const rule of rules) {
      const severity = config.rules[rule.id] ?? rule.defaultSeverity;
      if (severity === 'off') continue;
      if (reuse && ITEM_RULES.has(rule.id)) {
        itemRules.push({ rule, severity });
        continue;
      }
      try {
        rule.check(contextFor(severity));
      } catch (error) {
        this.options.onRuleError?.(rule.id, filePath, error);
      }
    }
    if (reuse) {
      const ofObjectives = itemRules.filter((r) => r.rule.appliesTo !== 'outcome');
      const vague = ofObjectives.find((r) => r.rule.id === 'vague-verb');
      reuse.run(ofObjectives, contextFor(vague?.severity ?? 'warning'), findings, false);
      const ofOutcomes = itemRules.filter((r) => r.rule.appliesTo === 'outcome');
      reuse.run(ofOutcomes, contextFor('warning'), findings, true);
    }
    if (reuse) entry.itemFindings = reuse.done(config);
    // (The IDs of objectives read from prose, noted by the item rules' pass over the objectives
    // when it ran: another pass over every objective cost an edit of a long outline a few ms.)
    withoutProseFixes(outline, findings, reuse?.proseIds() ?? null);
    const kept = applyDirectives(outline, findings);
    // The last line of defence for the text: a fix with an edit that would split a surrogate pair
    // or a CRLF, or insert a lone surrogate, is not offered (each rule is written not to make
    // one; test/support/properties.ts checks all of them on text full of astral characters).
    // (Findings are replaced, never changed: the item rules' ones are reused by the next lint.)
    // (Loops, not `every` with a closure per finding: a long outline's ~10,800 findings are
    // checked on every lint.)
    const text = outline.text;
    for (let i = 0; i < kept.length; i++) {
      const f = kept[i]!;
      if (f.fixes.length && !safeFixes(text, f.fixes))
        kept[i] = findingWith(
          f,
          f.severity,
          f.fixes.filter((fix) => fix.edits.every((e) => safeEdit(outline.text, e))),
          f.related,
        );
    }
    // Rule IDs by code unit, not localeCompare: the same order for these lowercase ASCII IDs
    // (test/cli/cold-start.test.ts), without loading a collator (about 15 ms of a cold
    // `check`).
    kept.sort(
      (a, b) =>
        a.span.start - b.span.start ||
        a.span.end - b.span.end ||
        (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0),
    );
    return kept;
  }

  /** The kind a file's course is read as, and why (its configuration's `kind`, or `auto`). */
  kindOf(filePath: string): KindDecision {
    this.ensureLinked();
    const entry = this.entries.get(filePath);
    if (!entry) throw new Error(`unknown file ${filePath}`);
    return courseKind(entry.outline, entry.config.kind);
  }

  outlineJson(filePath: string): OutlineJson {
    this.ensureLinked();
    const entry = this.entries.get(filePath);
    if (!entry) throw new Error(`unknown file ${filePath}`);
    const kind = courseKind(entry.outline, entry.config.kind);
    // Lines of linked items, by file and ID, computed once per file that links point into.
    const located = new Map<string, Map<string, { line: number; text: string }>>();
    return outlineToJson(
      entry.outline,
      (link) => {
        const file = link.filePath ?? filePath;
        let ids = located.get(file);
        if (!ids) {
          ids = new Map();
          const outline = this.entries.get(file)?.outline;
          if (outline) {
            const positions = this.positions(file);
            for (const item of itemsOf(outline)) {
              if (!ids.has(item.id))
                ids.set(item.id, {
                  line: positions.range(item.textSpan).start.line + 1,
                  text: item.text,
                });
            }
          }
          located.set(file, ids);
        }
        return ids.get(link.id) ?? null;
      },
      this.positions(filePath),
      kind,
    );
  }

  /** The IDs a reference in `filePath` may name: the workspace's, and its own file's local ones. */
  private knownIds(filePath: string): { id: string; filePath: string; kind: ItemKind }[] {
    const out: { id: string; filePath: string; kind: ItemKind }[] = [];
    for (const targets of this.ids.values()) for (const t of targets) out.push(t);
    const own = this.localIds.get(filePath);
    if (own) for (const t of own.values()) out.push(t);
    return out;
  }

  private ensureLinked(): void {
    if (this.linked) return;
    this.linked = true;
    const ids = new Map<string, Target[]>();
    const localIds = new Map<string, Map<string, Target>>();
    const known = (filePath: string, item: Item, outline: Outline) => {
      const key = item.id.toLowerCase();
      const target = { filePath, kind: item.kind, id: item.id, index: item.index };
      if (item.kind === 'objective' && outline.blocks[item.block]?.standard) {
        let own = localIds.get(filePath);
        if (!own) localIds.set(filePath, (own = new Map()));
        own.set(key, target);
        return;
      }
      const list = ids.get(key);
      if (list) list.push(target);
      else ids.set(key, [target]);
    };
    // Explicit IDs, and the links made again from nothing (an empty list is kept: the builder
    // makes new ones), in one pass over the items: each pass over the ~9,000 items of a long
    // outline costs an edit a few milliseconds, mostly in reaching the items (memory, not work).
    // An outline just built, never linked, has no links to clear, and its builder noted the
    // items with explicit IDs (recognise/noted.ts): its items are not visited at all.
    for (const [filePath, { outline }] of this.entries) {
      const notes = notesOf(outline);
      if (notes) notes.assessed = false;
      if (notes?.unlinked) {
        notes.unlinked = false;
        for (const items of notes.explicit)
          for (const item of items) known(filePath, item, outline);
        continue;
      }
      if (notes) notes.unlinked = false;
      for (const o of outline.objectives) {
        if (o.explicitId) known(filePath, o, outline);
        if (o.outcomes !== NO_LINKS) o.outcomes = NO_LINKS;
        if (o.assessments !== NO_LINKS) o.assessments = NO_LINKS;
      }
      for (const o of outline.outcomes) {
        if (o.explicitId) known(filePath, o, outline);
        if (o.objectives !== NO_LINKS) o.objectives = NO_LINKS;
      }
      for (const a of outline.assessments) {
        if (a.explicitId) known(filePath, a, outline);
        if (a.objectives !== NO_LINKS) a.objectives = NO_LINKS;
      }
    }
    this.ids = ids;
    this.localIds = localIds;
    this.idPrefixes = null;
    this.idsLettered = null;
    this.linkedPairs = new Map();
    this.partners = new Map();
    for (const { outline, config } of this.entries.values()) this.linkOutline(outline, config);
  }

  /**
   * For each file, the files its items are linked with (an objective measured or checked by an
   * item of another file), both ways: what the language server re-lints and announces again
   * when one of them changes. Noted by the linker as it makes the links (a pass over every
   * objective's links per edit cost a long outline's edit a few milliseconds). A new map after
   * each linking; never changed once returned.
   */
  linkPartners(): ReadonlyMap<string, ReadonlySet<string>> {
    this.ensureLinked();
    return this.partners;
  }

  private partner(a: string, b: string): void {
    let set = this.partners.get(a);
    if (!set) this.partners.set(a, (set = new Set()));
    set.add(b);
  }

  private resolve(id: string, filePath: string): Target | null {
    const local = this.localIds.get(filePath)?.get(id.toLowerCase());
    if (local) return local;
    const targets = this.ids.get(id.toLowerCase());
    if (!targets) return null;
    const own = targets.find((t) => t.filePath === filePath);
    if (own) return own;
    return targets.length === 1 ? targets[0]! : null;
  }

  private item(t: Target): Item | undefined {
    const o = this.entries.get(t.filePath)?.outline;
    return o ? itemsOfKind(o, t.kind)[t.index] : undefined;
  }

  /**
   * Links objectives with the outcomes that measure them and the assessments that check them,
   * one mechanism for both (OUTLINE-CONVENTIONS.md section 6): nesting, references either way,
   * the same table row, and section scope.
   */
  private linkOutline(outline: Outline, config: Config): void {
    const fp = outline.filePath;
    // Each pair is linked once: `linkedPairs` replaces a scan of the links per new link, which is
    // quadratic when a course-level block measures thousands of objectives.
    const connect = (
      objective: Objective,
      other: Outcome | Assessment,
      via: Link['via'],
      implied: boolean,
    ) => {
      // (By the items themselves, one object each per file and index: a key made of their
      // files and indices cost a string per link.)
      const pairs = this.linkedPairs.get(objective);
      if (pairs === undefined) this.linkedPairs.set(objective, other);
      else if (pairs instanceof Set) {
        if (pairs.has(other)) return;
        pairs.add(other);
      } else if (Array.isArray(pairs)) {
        if (pairs.includes(other)) return;
        if (pairs.length < FEW_PARTNERS) pairs.push(other);
        else this.linkedPairs.set(objective, new Set([...pairs, other]));
      } else {
        if (pairs === other) return;
        this.linkedPairs.set(objective, [pairs, other]);
      }
      const objFile = this.fileOf(objective, fp);
      const otherFile = this.fileOf(other, fp);
      if (otherFile !== objFile && otherFile && objFile) {
        this.partner(objFile, otherFile);
        this.partner(otherFile, objFile);
      }
      // (An item with no link yet holds the shared empty list, NO_LINKS: it gets one of its own.)
      // (Written out, not spread: a spread after the first property is a runtime call.)
      const link: Link =
        otherFile !== objFile
          ? { id: other.id, implied, via, filePath: otherFile }
          : { id: other.id, implied, via };
      if (other.kind === 'outcome') {
        if (objective.outcomes === NO_LINKS) objective.outcomes = [link];
        else objective.outcomes.push(link);
      } else {
        if (objective.assessments === NO_LINKS) objective.assessments = [link];
        else objective.assessments.push(link);
        const notes = notesOf(objFile === fp ? outline : this.entries.get(objFile)?.outline);
        if (notes) notes.assessed = true;
      }
      const back: Link =
        otherFile !== objFile
          ? { id: objective.id, implied, via, filePath: objFile }
          : { id: objective.id, implied, via };
      if (other.objectives === NO_LINKS) other.objectives = [back];
      else other.objectives.push(back);
    };
    const explicit = new Set<Outcome | Assessment>();
    let unresolved: [Item, Reference][] | null = null;
    // Only items with a reference or a parent link here: those the builder noted, where it did
    // (recognise/noted.ts), in the same order (objectives, outcomes, assessments).
    const notes = notesOf(outline);
    const linking = notes ? flat(notes.linking) : itemsOf(outline);
    for (const item of linking) {
      for (const ref of item.references) {
        const byNumber = ref.ordinal === undefined ? undefined : outline.objectives[ref.ordinal];
        const t: Target | null = byNumber
          ? { filePath: fp, kind: 'objective', id: byNumber.id, index: byNumber.index }
          : (this.resolve(ref.id, fp) ?? byOrdinalWord(outline, ref.id, fp));
        ref.target = t;
        if (ref.tag) delete ref.tag;
        if (!t) {
          if (ref.syntactic) (unresolved ??= []).push([item, ref]);
          continue;
        }
        if (t.kind === item.kind) continue;
        const other = this.item(t);
        if (!other) continue;
        if (item.kind === 'objective') {
          // An objective naming the outcome or assessment that measures or checks it.
          connect(item, other as Outcome | Assessment, 'reference', false);
          if (t.filePath === fp) explicit.add(other as Outcome | Assessment);
        } else if (other.kind === 'objective') {
          connect(other, item, 'reference', false);
          explicit.add(item);
        }
        // An outcome naming an assessment (or the reverse) links neither to an objective.
      }
      if (item.kind !== 'objective' && item.parent?.kind === 'objective') {
        const via = item.source === 'table' ? 'row' : 'nesting';
        connect(outline.objectives[item.parent.index]!, item, via, false);
        // The other objectives of the row's cell (several sentences split by `<br>`).
        for (const index of item.rowObjectives ?? []) {
          const mate = outline.objectives[index];
          if (mate) connect(mate, item, via, false);
        }
        explicit.add(item);
      }
    }
    if (unresolved) this.linkTags(outline, unresolved, connect);
    // An assessment that names an item meant to link explicitly, also when the name is wrong
    // (unknown-reference says so): it does not fall back on section scope. A name that only looks
    // like an ID ("(CO2)", "tonnes of CO2e", "see Fig3": ids.ts, meantAsId) is not one.
    for (const item of linking) {
      if (item.kind !== 'assessment' || explicit.has(item)) continue;
      for (const r of item.references) {
        if (r.syntactic && (r.target || r.tag || this.meantAsId(r))) {
          explicit.add(item);
          break;
        }
      }
    }
    if (config.linking !== 'sections') return;
    // Section scope: an outcome or assessment block in which no item links explicitly measures
    // (or checks) every objective of its section, subsections included; an assessment whose
    // own section has none checks those of the nearest enclosing section that has some (a
    // Carpentries episode's challenges check the episode's objectives); an outcome whose own
    // section has none measures those of the nearest enclosing section that states some itself
    // (a plan's "## Adoption metrics" measure the plan's objectives).
    const scope = new SectionScope(outline, notes?.sections);
    // Blocks of one kind that reach the same objectives (the same array: SectionScope keeps one
    // per section), one after another among that kind's blocks, are linked as one block with
    // their items in order: each objective gets their items in block order, each item the
    // objectives in order, as block by block (a long outline's course-level assessment blocks,
    // each in its own section, all check every objective). A block of the same kind with
    // other objectives ends the run; the other kind's lists are others.
    type Run = { inScope: Objective[]; items: (Outcome | Assessment)[] };
    let outcomes: Run | null = null as Run | null;
    let assessments: Run | null = null as Run | null;
    for (const block of outline.blocks) {
      if (block.kind === 'objective' || block.source === 'nested' || block.labelledAside) continue;
      const list = itemsOfKind(outline, block.kind) as (Outcome | Assessment)[];
      const items = block.items.map((i) => list[i]!);
      if (!items.length || items.some((o) => explicit.has(o) || o.parent)) continue;
      const inScope =
        block.kind === 'assessment' ? scope.nearest(block.section) : scope.measured(block.section);
      const run: Run | null = block.kind === 'outcome' ? outcomes : assessments;
      if (run && run.inScope === inScope) {
        for (const item of items) run.items.push(item);
        continue;
      }
      if (run) this.linkScope(outline, run.inScope, run.items);
      if (block.kind === 'outcome') outcomes = { inScope, items };
      else assessments = { inScope, items };
    }
    if (outcomes) this.linkScope(outline, outcomes.inScope, outcomes.items);
    if (assessments) this.linkScope(outline, assessments.inScope, assessments.items);
  }

  /** An item's link by section scope (scopeLinks). */
  private scopeLink(item: Item): Link {
    const known = this.scopeLinks.get(item);
    if (known !== undefined && known.id === item.id) return known;
    const link: Link = { id: item.id, implied: true, via: 'scope' };
    this.scopeLinks.set(item, link);
    return link;
  }

  /**
   * Section scope's links: each item of a block (both kinds, the block's) with each objective
   * of its scope, the same links in the same lists in the same order as `connect` made them one
   * pair at a time (each objective gets the block's items in order, each item the objectives in
   * order). All are items of this one outline (no file on the links, no partners), and a pair
   * made here is made nowhere else: an item stands in one block, a scope holds an objective
   * once, and another file's linking pairs at least one of its own items. So a pair is checked
   * only against the pairs made before (references, nesting, rows, tags: `linkedPairs`, read
   * once per objective per block), and not noted there. Links are never changed once made, so
   * one object stands for an item's link on every objective of the scope and for an
   * objective's on every item of the block, and a list with nothing before it is made whole at
   * its size (a course-level assessment block checked every objective of a long outline with a
   * link object each way per pair, and lists grown a push at a time, on every edit).
   */
  private linkScope(
    outline: Outline,
    inScope: readonly Objective[],
    block: readonly (Outcome | Assessment)[],
  ): void {
    // A line of a grading breakdown ("Quizzes 30%") names assessments but checks nothing.
    const items = block.filter((i) => !(i.kind === 'assessment' && i.analysis.weight));
    if (!inScope.length || !items.length) return;
    const outcome = items[0]!.kind === 'outcome';
    const links: Link[] = items.map((i) => this.scopeLink(i));
    const backs: Link[] = new Array<Link>(inScope.length);
    type Pairs = Outcome | Assessment | (Outcome | Assessment)[] | Set<Outcome | Assessment>;
    let before: (Pairs | undefined)[] | null = null;
    const paired = (pairs: Pairs | undefined, item: Outcome | Assessment) =>
      pairs !== undefined &&
      (pairs === item ||
        (pairs instanceof Set ? pairs.has(item) : Array.isArray(pairs) && pairs.includes(item)));
    let made = false;
    for (let j = 0; j < inScope.length; j++) {
      const objective = inScope[j]!;
      backs[j] = this.scopeLink(objective);
      const pairs = this.linkedPairs.get(objective);
      if (pairs !== undefined) (before ??= new Array<Pairs | undefined>(inScope.length))[j] = pairs;
      const list = outcome ? objective.outcomes : objective.assessments;
      if (pairs === undefined && list === NO_LINKS) {
        if (outcome) objective.outcomes = links.slice();
        else objective.assessments = links.slice();
        made = true;
        continue;
      }
      for (let i = 0; i < items.length; i++) {
        if (paired(pairs, items[i]!)) continue;
        const now = outcome ? objective.outcomes : objective.assessments;
        if (now === NO_LINKS) {
          if (outcome) objective.outcomes = [links[i]!];
          else objective.assessments = [links[i]!];
        } else now.push(links[i]!);
        made = true;
      }
    }
    for (let k = 0; k < items.length; k++) {
      const item = items[k]!;
      if (!before && item.objectives === NO_LINKS) {
        // (The last takes the list itself: nothing else holds it.)
        item.objectives = k === items.length - 1 ? backs : backs.slice();
        continue;
      }
      for (let j = 0; j < inScope.length; j++) {
        if (before && paired(before[j], item)) continue;
        if (item.objectives === NO_LINKS) item.objectives = [backs[j]!];
        else item.objectives.push(backs[j]!);
      }
    }
    if (made && !outcome) {
      const notes = notesOf(outline);
      if (notes) notes.assessed = true;
    }
  }

  /** The letters of the workspace's IDs ("lo" for LO1.2), made when first asked after a link. */
  private knownLetters(): Set<string> {
    return (this.idPrefixes ??= new Set([...this.ids.keys()].map(idLetters)));
  }

  /** meantAsId over the workspace's IDs (their letters and lettered ones known once per linking). */
  private meantAsId(ref: Reference): boolean {
    this.idsLettered ??= [...this.ids.keys()].some(letteredId);
    return meantAsId(ref, this.knownLetters(), this.idsLettered);
  }

  /**
   * Tags: codes of a framework that no item defines, written as references ("(K3, S2)", "mapped
   * to S2": an apprenticeship's knowledge, skills and behaviours; a programme's outcomes kept in
   * another document). A code counts as a tag when its letters are not those of any item's ID
   * nor an objective's (so "LO9" stays a broken reference) and it is named twice in the file (by two
   * items, or by an item and a table or list that defines it). unknown-reference leaves tags
   * alone, and an assessment or outcome that names a tag checks or measures the objectives that
   * name it, as implied links.
   */
  private linkTags(
    outline: Outline,
    unresolved: [Item, Reference][],
    connect: (
      o: Objective,
      other: Outcome | Assessment,
      via: Link['via'],
      implied: boolean,
    ) => void,
  ): void {
    const known = this.knownLetters();
    const byTag = new Map<string, [Item, Reference][]>();
    for (const pair of unresolved) {
      const key = pair[1].id.toLowerCase();
      const prefix = idLetters(key);
      if (known.has(prefix) || OBJECTIVE_PREFIX.test(prefix)) continue;
      const list = byTag.get(key);
      if (list) list.push(pair);
      else byTag.set(key, [pair]);
    }
    for (const [key, named] of byTag) {
      const items = new Set(named.map(([item]) => item));
      if (items.size < 2 && !namedElsewhere(outline.text, key, named)) continue;
      for (const [, ref] of named) ref.tag = true;
      const objectives = [...items].filter((i): i is Objective => i.kind === 'objective');
      if (!objectives.length) continue;
      for (const other of items)
        if (other.kind !== 'objective')
          for (const objective of objectives) connect(objective, other, 'tag', true);
    }
  }

  /** The file an item belongs to (usually `hint`, the file being linked). */
  private fileOf(item: ItemBase, hint: string): string {
    const own = this.entries.get(hint)?.outline;
    if (own && itemsOfKind(own, item.kind)[item.index] === item) return hint;
    for (const [filePath, { outline }] of this.entries) {
      if (itemsOfKind(outline, item.kind)[item.index] === item) return filePath;
    }
    return '';
  }
}

/**
 * Rules whose findings on an objective or outcome depend on nothing but that item: its text as
 * written, its plain text and reading, its ID, and the file's configuration (severities, words).
 * Each loops over the objectives or the outcomes and reports on the one it looks at (vague-verb's
 * one finding per lead-in that carries a vague verb excepted: see ItemReuse). The other rules
 * (missing-outcome, unknown-reference, duplicate-id ...) read links, IDs or sections across
 * items and run whole on every lint.
 */
export const ITEM_RULES: ReadonlySet<string> = new Set([
  'vague-verb',
  'no-verb',
  'unknown-verb',
  'missing-criterion',
  'compound-objective',
  'unmeasurable-outcome',
  'missing-timeframe',
  'vanity-metric',
  'output-not-outcome',
]);

/** The item rules' findings on one item (all rules, in the order of RULES, without a lead-in's
 * vague verb: see ItemReuse), made where the item started. Never changed once made: a moved
 * item gets a new memo. */
interface ItemMemo {
  start: number;
  /** The item's plain text (compared in full before the memo is reused by signature). */
  plain: string;
  findings: Finding[];
}

/** What the last lint knew of an item object: its memo, and its ID, source and signature then. */
interface ItemState {
  memo: ItemMemo;
  id: string;
  source: string;
  /** Whether success criteria state its degree: set by the builder on reused items too. */
  criteria: boolean;
  /** Whether its verb came from its lead-in (its analysis's `verbFromLeadIn`). */
  lead: boolean;
  signature: string;
}

/** Whether its degree is stated outside its text: by success criteria, or by an ABCD "Degree:"
 * line under it (missing-criterion's findings differ by it). */
function criteriaOf(item: Objective | Outcome): boolean {
  return item.kind === 'objective' && (item.degreeByCriteria === true || !!item.abcd?.degree);
}

/** The item rules' findings of one file's last lint; the configuration they were made with
 * (another one, and nothing is reused). */
interface ItemFindings {
  config: Config;
  /** By item object: the outline builder hands on the items of unchanged list items as the same
   * objects (recognise/reuse.ts), whose findings are then known, unless the things of an item
   * the builder may change (its generated ID, its source, its success criteria) changed. Weak: an item no
   * outline holds any more is let go with its findings. */
  byItem: WeakMap<Objective | Outcome, ItemState>;
  /** By signature (itemSignature), for an item read again (a new object: its paragraph was
   * re-parsed, or the same text stands elsewhere): the state of an item of that signature, whose
   * memo is the one last moved (so an item read again where it stood gets the same findings).
   * Only new items add to it; it is made again from the current items when it has grown to
   * twice their number. */
  bySignature: Map<string, ItemState>;
}

/**
 * One lint's reuse of the item rules' findings, in one pass over the objectives and one over the
 * outcomes (a pass per rule cost a long outline's edit 9 visits of every item). An item object
 * the last lint saw, with the same ID and source, gets its findings again: the same objects
 * where it has not moved, moved copies (kept for the lints after) where it has. An item read
 * again whose signature (itemSignature) is that of an item of an earlier lint gets that memo's
 * findings, moved to where it stands. The others are checked, one at a time, by every item rule
 * on a view of the outline that holds only them. So after an edit the item rules run on the
 * items the edit touched. The result is the same as a full run, in the same order once sorted
 * (lint sorts by span and rule, and a rule's findings stay in item order):
 * test/unit/incremental.test.ts compares both after random edits.
 */
class ItemReuse {
  private readonly byItem: WeakMap<Objective | Outcome, ItemState>;
  private readonly bySignature: Map<string, ItemState>;
  private readonly view: Outline;
  private prose: Set<string> | null = null;

  constructor(
    private readonly outline: Outline,
    previous: ItemFindings | undefined,
    private readonly onError: (ruleId: string, error: unknown) => void,
  ) {
    this.byItem = previous?.byItem ?? new WeakMap();
    this.bySignature = previous?.bySignature ?? new Map();
    // The outline with other item lists: everything else read through to the real one.
    this.view = Object.create(outline) as Outline;
    this.view.assessments = [];
  }

  /** Runs the item rules (each with its severity, none off) on the objectives or the outcomes,
   * adding their findings to `findings`. */
  run(
    rules: readonly { rule: Rule; severity: Severity }[],
    ctx: RuleContext,
    findings: Finding[],
    outcomes: boolean,
  ): void {
    if (!rules.length) return;
    const items: readonly (Objective | Outcome)[] = outcomes
      ? this.outline.outcomes
      : this.outline.objectives;
    // vague-verb reports a lead-in's vague verb once per block, on the first objective that
    // takes its verb from it: those objectives are checked together by it, in order, every
    // time; their memos hold the other rules' findings only.
    const fromLeadIn: Objective[] = [];
    const vague = rules.find((r) => r.rule.id === 'vague-verb');
    const prose = outcomes ? null : (this.prose = new Set());
    for (let i = 0; i < items.length; i++) {
      const item = items[i]!;
      if (prose && (item.source === 'prose' || item.source === 'chunk')) prose.add(item.id);
      const start = item.span.start;
      // A session plan's success indicators are dated by the plan's stated length, text outside
      // them (rules/missing-timeframe.ts): checked again on every lint, never reused.
      const context = outcomes && this.outline.blocks[item.block]?.indicators === true;
      const known = context ? undefined : this.byItem.get(item);
      const same =
        known !== undefined &&
        known.id === item.id &&
        known.source === item.source &&
        known.criteria === criteriaOf(item) &&
        known.memo.plain === item.plain;
      // Whether its verb is its lead-in's: kept with what the last lint knew of the same item (the
      // builder hands on an item only when read under the same lead-in verb, and never changes
      // its analysis), so that its analysis, one more object per item, is not reached.
      const lead = same ? known.lead : item.kind === 'objective' && item.analysis.verbFromLeadIn;
      if (lead && vague) fromLeadIn.push(item as Objective);
      let memo: ItemMemo;
      if (same) {
        // The same object, its ID, source and success criteria unchanged: its signature is too
        // (the builder reuses an item only for the same paragraph text, kind rule and lead-in
        // verb, and moves every span of it by one distance; the plain text, the same string
        // object, is compared as a memo by signature is).
        memo = known.memo;
        if (memo.start !== start) {
          memo = movedMemo(memo, start);
          known.memo = memo;
        }
      } else {
        const signature = this.signature(item);
        const bySignature = context ? undefined : this.bySignature.get(signature)?.memo;
        if (bySignature && bySignature.plain === item.plain)
          memo = bySignature.start === start ? bySignature : movedMemo(bySignature, start);
        else {
          const checked = this.check(item, rules, vague && lead ? vague : null, ctx);
          if (!checked) continue;
          memo = checked;
        }
        const state = {
          memo,
          id: item.id,
          source: item.source,
          criteria: criteriaOf(item),
          lead,
          signature,
        };
        this.byItem.set(item, state);
        // The memo last made or moved stands for its signature: an item read again where it
        // stood (a short file is parsed whole, its items read again) then gets the same objects.
        if (memo !== bySignature) this.bySignature.set(signature, state);
      }
      const found = memo.findings;
      for (let f = 0; f < found.length; f++) findings.push(found[f]!);
    }
    if (fromLeadIn.length) {
      const view = this.view;
      view.objectives = fromLeadIn;
      view.outcomes = [];
      try {
        vague!.rule.check({ ...ctx, outline: view });
      } catch (error) {
        this.onError(vague!.rule.id, error);
      }
    }
  }

  /** An item checked alone by every rule (but `skip`). Null, and the findings so far lost, if a
   * rule throws: not kept, so the item is checked again next time. */
  private check(
    item: Objective | Outcome,
    rules: readonly { rule: Rule; severity: Severity }[],
    skip: { rule: Rule } | null,
    ctx: RuleContext,
  ): ItemMemo | null {
    const view = this.view;
    view.objectives = [];
    view.outcomes = [];
    if (item.kind === 'outcome') view.outcomes.push(item);
    else view.objectives.push(item);
    const out: Finding[] = [];
    for (const { rule, severity } of rules) {
      if (rule === skip?.rule) continue;
      try {
        rule.check({
          ...ctx,
          outline: view,
          report: (f) => out.push(findingWith(f, severity, f.fixes ?? [], f.related ?? [])),
        });
      } catch (error) {
        this.onError(rule.id, error);
        return null;
      }
    }
    return { start: item.span.start, plain: item.plain, findings: out };
  }

  /** The IDs of the objectives read from prose or a code chunk (withoutProseFixes), noted by the
   * pass over the objectives (null: it did not run). */
  proseIds(): ReadonlySet<string> | null {
    return this.prose;
  }

  /** What the next lint reuses. The signatures of items gone are let go when they have come to
   * outnumber the items (one or two are added per edit). */
  done(config: Config): ItemFindings {
    const live = this.outline.objectives.length + this.outline.outcomes.length;
    if (this.bySignature.size > 2 * live + 64) {
      this.bySignature.clear();
      for (const items of [this.outline.objectives, this.outline.outcomes] as const)
        for (const item of items) {
          const state = this.byItem.get(item);
          if (state && !this.bySignature.has(state.signature))
            this.bySignature.set(state.signature, state);
        }
    }
    return { config, byItem: this.byItem, bySignature: this.bySignature };
  }

  /**
   * What an item rule's findings on an item depend on, as a string: two items with the same
   * signature get the same findings, moved by the distance between them. The text the item
   * stands in (the rules read the source between its offsets for fixes), its plain text and
   * offsets within it (from which its reading follows: the lexicon is the configuration's, the
   * same for both), its ID and kind, and where its text and ID lie in it. A verb inherited from
   * a lead-in is the one thing of its reading not in its own text: such items are not reused.
   * The source text and the offsets go in as 64-bit hashes (two 32-bit ones), which keeps the
   * signature short; a memo keeps the plain text, compared in full before it is reused.
   */
  private signature(item: Objective | Outcome): string {
    const text = this.outline.text;
    const base = item.span.start;
    const start = Math.min(base, item.textSpan.start);
    const end = Math.max(item.span.end, item.textSpan.end);
    const offsets = item.offsets;
    let h1 = 0x811c9dc5;
    let h2 = offsets.length;
    for (let i = 0; i < offsets.length; i++) {
      const d = offsets[i]! - base;
      h1 = Math.imul(h1 ^ d, 16777619);
      h2 = Math.imul(h2 ^ d, 2246822507) + i;
    }
    return [
      item.kind,
      item.id,
      item.explicitId ? 1 : 0,
      item.source,
      item.label ?? '',
      start - base,
      end - base,
      item.span.end - base,
      item.textSpan.start - base,
      item.textSpan.end - base,
      item.idSpan ? `${item.idSpan.start - base}:${item.idSpan.end - base}` : '',
      item.kind === 'objective' && item.analysis.verbFromLeadIn ? 'lead' : '',
      criteriaOf(item) ? 'criteria' : '',
      // An outcome's timeframe may stand outside its text (a label paragraph over its table,
      // recognise/timing.ts; a Timing column): where it is, relative to the item, is part of
      // what the rules read.
      item.kind === 'outcome' && item.analysis.timeframe
        ? `t${item.analysis.timeframe.span.start - base}:${item.analysis.timeframe.span.end - base}`
        : '',
      // (The plain text is compared in full before a memo is reused: see slotsOf.)
      hashRange(text, start, end),
      item.plain.length,
      `${h1 >>> 0}:${h2 >>> 0}`,
    ].join('|');
  }
}

/** A memo's findings moved to an item that starts at `start` (a new memo: the old one's
 * findings may be in use as they are). */
function movedMemo(memo: ItemMemo, start: number): ItemMemo {
  const delta = start - memo.start;
  return { start, plain: memo.plain, findings: memo.findings.map((f) => moved(f, delta)) };
}

/** Two 32-bit hashes of text[start, end), with its length. */
function hashRange(text: string, start: number, end: number): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x41c6ce57;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 16777619);
    h2 = Math.imul(h2 ^ c, 2654435761);
  }
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ h1;
  return `${end - start}.${h1 >>> 0}.${h2 >>> 0}`;
}

/** A copy of a finding moved by `delta` (its spans and its fixes' edits). */
function moved(f: Finding, delta: number): Finding {
  const span = { start: f.span.start + delta, end: f.span.end + delta };
  const fixes = f.fixes.length
    ? f.fixes.map((x) => ({
        title: x.title,
        isPreferred: x.isPreferred,
        edits: x.edits.map((e) => ({
          span: { start: e.span.start + delta, end: e.span.end + delta },
          newText: e.newText,
        })),
      }))
    : [];
  const related = f.related.length ? f.related.map((r) => ({ ...r })) : [];
  return findingWith(f, f.severity, fixes, related, span);
}

/**
 * The objectives under each section (subsections included), answered without walking the
 * section tree for every block: sections numbered in depth-first order, objectives sorted by
 * that order, so a section's subtree is one range.
 */
class SectionScope {
  private readonly first: number[];
  private readonly last: number[];
  private readonly sorted: Objective[];
  private readonly keys: number[];
  /** The sections that state objectives themselves (not only in their subsections). */
  private readonly stating: Set<number>;
  private readonly cache = new Map<number, Objective[]>();

  /** `sections`: each objective's section by its index, when the builder noted them (read
   * from the objectives otherwise). */
  constructor(
    private readonly outline: Outline,
    sections?: readonly number[],
  ) {
    const n = outline.sections.length;
    this.first = new Array<number>(n).fill(0);
    this.last = new Array<number>(n).fill(0);
    let counter = 0;
    // Iterative depth-first numbering: sections can nest as deep as headings go, and there can
    // be very many of them.
    const stack: { s: number; child: number }[] = n ? [{ s: 0, child: 0 }] : [];
    if (n) this.first[0] = counter++;
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      const kids = outline.sections[top.s]!.children;
      if (top.child < kids.length) {
        const c = kids[top.child++]!;
        this.first[c] = counter++;
        stack.push({ s: c, child: 0 });
      } else {
        this.last[top.s] = counter;
        stack.pop();
      }
    }
    // Objectives mostly stand in that order already (a block's items belong to its section):
    // they are sorted only when they do not.
    const first = this.first;
    const objectives = outline.objectives;
    const sectionOf = sections ?? objectives.map((o) => o.section);
    this.stating = new Set(sectionOf);
    let inOrder = true;
    for (let i = 1; i < sectionOf.length && inOrder; i++)
      inOrder = first[sectionOf[i - 1]!]! <= first[sectionOf[i]!]!;
    this.sorted = inOrder
      ? objectives
      : [...objectives].sort((a, b) => first[a.section]! - first[b.section]! || a.index - b.index);
    this.keys = inOrder
      ? sectionOf.map((s) => first[s]!)
      : this.sorted.map((o) => first[o.section]!);
  }

  /** The objectives of a section and its subsections, in document order. */
  objectivesUnder(section: number): Objective[] {
    const known = this.cache.get(section);
    if (known) return known;
    const lo = lowerBound(this.keys, this.first[section] ?? 0);
    const hi = lowerBound(this.keys, this.last[section] ?? 0);
    const found = this.sorted.slice(lo, hi).sort((a, b) => a.index - b.index);
    this.cache.set(section, found);
    return found;
  }

  /** The objectives under the section, or under the nearest enclosing section with any. */
  nearest(section: number): Objective[] {
    for (let s: number | null = section; s !== null; s = this.outline.sections[s]?.parent ?? null) {
      const found = this.objectivesUnder(s);
      if (found.length) return found;
    }
    return [];
  }

  /** The objectives under the section or, where it has none, under the nearest enclosing
   * section that states objectives itself (a plan's own objectives, measured in a section of
   * its own: "## Adoption metrics"); none where the enclosing sections only hold other
   * modules' objectives (a module with no objectives measures nothing). */
  measured(section: number): Objective[] {
    const own = this.objectivesUnder(section);
    if (own.length) return own;
    let top: number | null = null;
    for (let s: number | null = section; s !== null;) {
      const parent: number | null = this.outline.sections[s]?.parent ?? null;
      if (s !== section && this.stating.has(s)) return this.objectivesUnder(s);
      if (parent === 0) top = s;
      s = parent;
    }
    // A course-level section that names the course's measurement ("## Training metrics &
    // evaluation", "## Measurement") and holds no objectives of its own: its metrics measure
    // every objective of the course, wherever the course states them (a workplace plan's
    // objectives by role, in subsections of "## Training overview").
    if (top !== null && !this.objectivesUnder(top).length && measuresCourse(this.title(top)))
      return this.objectivesUnder(0);
    return [];
  }

  private title(section: number): string {
    return this.outline.sections[section]?.title ?? '';
  }
}

/** A section title that names how the course is measured: metrics, KPIs, evaluation,
 * measurement ("Training metrics & evaluation", "How we'll measure success"). */
const MEASUREMENT_TITLE =
  /\b(?:metrics?|kpis?|key\s+performance\s+indicators?|evaluat(?:e|es|ed|ing|ion|ions)|measur(?:e|es|ed|ing|ement|ements))\b/i;
/** A title that names one part of the course ("Module 2 evaluation", "Week 3: metrics"): its
 * measures are that part's, not the course's. */
const PART_TITLE =
  /\b(?:module|unit|week|lesson|session|day|part|phase|chapter|topic|stage|sprint|episode|lecture)\s*(?:\d+|[ivx]+\b|[a-z]\b)/i;

function measuresCourse(title: string): boolean {
  return MEASUREMENT_TITLE.test(title) && !PART_TITLE.test(title);
}

function lowerBound(keys: number[], min: number): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (keys[mid]! < min) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function sameWords(a: Config, b: Config): boolean {
  return (
    a === b ||
    (JSON.stringify(a.vaguePhrases) === JSON.stringify(b.vaguePhrases) &&
      JSON.stringify(a.verbs) === JSON.stringify(b.verbs))
  );
}

/** Removes findings turned off by inline comments (markdownlint's style). */
function applyDirectives(outline: Outline, findings: Finding[]): Finding[] {
  const ds = outline.directives;
  if (!ds.length) return findings;
  const lines = new LineIndex(outline.text);
  const applies = (d: { rules: string[] }, rule: string) =>
    d.rules.length === 0 || d.rules.includes(rule);
  return findings.filter((f) => {
    const line = lines.position(f.span.start).line;
    let disabled = false;
    for (const d of ds) {
      if (!applies(d, f.ruleId)) continue;
      if (d.kind === 'disable-file') return false;
      if (d.kind === 'disable-next-line' && d.line + 1 === line) return false;
      if (d.kind === 'disable-line' && d.line === line) return false;
      if (d.line <= line) {
        if (d.kind === 'disable') disabled = true;
        else if (d.kind === 'enable') disabled = false;
      }
    }
    return !disabled;
  });
}

/**
 * Objectives read from running prose ("In this lab, you learn ...") or from a code chunk's alt
 * text get findings but no fixes: a rewrite made for a list item ("Explain ...", a criterion
 * placeholder) does not fit inside someone's sentence, and would stop it reading as one.
 */
function withoutProseFixes(
  outline: Outline,
  findings: Finding[],
  known: ReadonlySet<string> | null,
): void {
  let fixless = known;
  if (!fixless) {
    const ids = new Set<string>();
    for (const o of outline.objectives)
      if (o.source === 'prose' || o.source === 'chunk') ids.add(o.id);
    fixless = ids;
  }
  if (!fixless.size) return;
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i]!;
    if (f.item?.kind === 'objective' && fixless.has(f.item.id) && f.fixes.length)
      findings[i] = findingWith(f, f.severity, [], f.related);
  }
}

/** Whether every edit of every fix is safe (safeEdit). */
export function safeFixes(text: string, fixes: readonly Fix[]): boolean {
  for (let i = 0; i < fixes.length; i++) {
    const edits = fixes[i]!.edits;
    for (let j = 0; j < edits.length; j++) if (!safeEdit(text, edits[j]!)) return false;
  }
  return true;
}

/** An edit that keeps the text well formed where it was: it starts and ends between characters
 * (not inside a surrogate pair or a CRLF) and inserts no lone surrogate. */
export function safeEdit(text: string, edit: TextEdit): boolean {
  const { start, end } = edit.span;
  if (start < 0 || end > text.length || start > end) return false;
  return between(text, start) && between(text, end) && !LONE_SURROGATE.test(edit.newText);
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function between(text: string, at: number): boolean {
  if (at <= 0 || at >= text.length) return true;
  const before = text.charCodeAt(at - 1);
  const after = text.charCodeAt(at);
  if (before === 13 && after === 10) return false;
  return !(before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff);
}

/** What an entry holds while its new outline is being built. */
function placeholder(filePath: string): Outline {
  return emptyOutline(filePath, '');
}

/** Letters that name the course's own objectives ("LO7", "CLO2", "OBJ3"): such a code is a
 * reference to one, broken when no objective has it, never a tag. A programme's outcomes
 * ("PLO2"), kept in another document, may be one. */
const OBJECTIVE_PREFIX = /^(?:(?!plo$)[a-z]{0,2}lo|obj)$/;

/** "Objective 2" (`Objective2`) where no item has that ID: the second objective of the file,
 * when it has no ID of its own ("1. Explain ..." then "Quiz 1 assesses Objective 2"). */
function byOrdinalWord(outline: Outline, id: string, filePath: string): Target | null {
  if (LEARNING_OUTCOME_CODE.test(id)) {
    // "LO3" in a module descriptor whose learning outcomes are a numbered list with no IDs:
    // the third of the course's list (its first block of objectives), not of the weekly
    // objectives after it. Only where no objective of the file has an ID of its own (checked
    // first: the code was looked up by ID already, and a file of thousands of IDs and of
    // references to a missing one stays linear).
    if (outline.objectives.some((o) => o.explicitId)) return null;
    // "CO2" is carbon dioxide as often as a course's second outcome: a CO code names one by its
    // number only where the outline writes CO codes of two numbers or more ("CO1" ... "CO4").
    if (/^co\d/i.test(id) && !writesCourseOutcomeCodes(outline)) return null;
    const block = outline.blocks.find((b) => b.kind === 'objective');
    const list = block ? block.items.map((i) => outline.objectives[i]!) : [];
    const item = objectiveByCode(outline.objectives, id, list);
    return item ? { filePath, kind: 'objective', id: item.id, index: item.index } : null;
  }
  const m = /^(objective|outcome)(\d+)$/i.exec(id);
  if (!m) return null;
  const kind = m[1]!.toLowerCase() === 'objective' ? 'objective' : 'outcome';
  const item = (kind === 'objective' ? outline.objectives : outline.outcomes)[Number(m[2]) - 1];
  if (!item || item.explicitId) return null;
  return { filePath, kind, id: item.id, index: item.index };
}

const courseOutcomeCodes = new WeakMap<Outline, boolean>();

/** Whether the outline writes CO codes of two numbers or more ("CO1", "CO-3"). */
function writesCourseOutcomeCodes(outline: Outline): boolean {
  let known = courseOutcomeCodes.get(outline);
  if (known === undefined) {
    const numbers = new Set<string>();
    for (const m of outline.text.matchAll(/\bCO-?(\d{1,2})\b/gi)) numbers.add(m[1]!);
    known = numbers.size > 1;
    courseOutcomeCodes.set(outline, known);
  }
  return known;
}

/** True when the code is written in the text outside the references to it (a table or list
 * that defines "K3"). */
function namedElsewhere(text: string, key: string, refs: [Item, Reference][]): boolean {
  const re = new RegExp(
    `(?<![\\w.-])${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-]|\\.\\d)`,
    'gi',
  );
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const at = m.index;
    if (!refs.some(([, r]) => r.span.start <= at && at < r.span.end)) return true;
  }
  return false;
}
