// Code lenses: above each objective, how many outcomes measure it (where outcomes are expected
// or present), how many assessments check it and the highest level they ask for (where the
// course has assessments), and its Bloom level ("2 outcomes · apply", "2 assessments, highest:
// apply · apply", "no outcome · vague"); above each assessment, the level it asks for and what
// it checks; above each section heading with objectives, its Bloom distribution ("remember 1 ·
// apply 3 · create 1").
import type { CodeLens, CodeLensParams, Command } from 'vscode-languageserver';
import {
  BLOOM_LEVELS,
  type Assessment,
  type BloomLevel,
  type Link,
  type Objective,
  type Outline,
} from '../core/index.js';
import { COMMANDS } from '../protocol.js';
import { itemsByKind, type Item, type ServerContext } from './context.js';

export function codeLenses(ctx: ServerContext, params: CodeLensParams): CodeLens[] {
  const view = ctx.view(params.textDocument.uri);
  if (view === null) return [];
  const { key, lines } = view;
  const outline = ctx.outline(key);
  if (!outline || !outline.objectives.length) return [];
  const lenses: CodeLens[] = [];
  const bySection = new Map<number, Objective[]>();
  for (const o of outline.objectives) {
    const list = bySection.get(o.section);
    if (list) list.push(o);
    else bySection.set(o.section, [o]);
  }
  for (const section of outline.sections) {
    const own = bySection.get(section.index);
    if (!own) continue;
    const at = section.heading ?? own[0]!.span;
    if (!view.contains(at)) continue; // In a notebook: the lenses of this cell only.
    const start = lines.position(at.start);
    lenses.push({
      range: { start, end: start },
      command: { title: distribution(own), command: '' },
    });
  }
  // Items by file, kind and ID, looked up once per file the links point into.
  const found = new Map<string, Map<string, Item>>();
  const itemOf = (file: string, kind: Item['kind'], id: string): Item | undefined => {
    const k = `${file}\u0000${kind}`;
    let ids = found.get(k);
    if (!ids) {
      ids = new Map();
      const other = file === key ? outline : ctx.outline(file);
      for (const o of other ? itemsByKind(other, kind) : []) if (!ids.has(o.id)) ids.set(o.id, o);
      found.set(k, ids);
    }
    return ids.get(id);
  };
  const show = {
    outcomes: ctx.ws.kindOf(key).value === 'workplace' || expectsOutcomes(outline),
    assessments: outline.objectives.some((o) => o.assessments.length > 0),
  };
  for (const objective of outline.objectives) {
    if (!view.contains(objective.span)) continue;
    const start = lines.position(objective.span.start);
    lenses.push({
      range: { start, end: start },
      command: objectiveCommand(ctx, key, objective, itemOf, show),
    });
  }
  for (const a of outline.assessments) {
    if (!view.contains(a.span)) continue;
    const start = lines.position(a.span.start);
    lenses.push({
      range: { start, end: start },
      command: { title: assessmentTitle(a), command: '' },
    });
  }
  return lenses;
}

/** Outcomes are shown where the file has some, or another file's measure its objectives. */
function expectsOutcomes(outline: Outline): boolean {
  return outline.outcomes.length > 0 || outline.objectives.some((o) => o.outcomes.length > 0);
}

/** "asks for apply · checks 3 objectives (implied)", "checks nothing". */
export function assessmentTitle(a: Assessment): string {
  const level = a.analysis.level ? `asks for ${a.analysis.level}` : 'level not read';
  const n = a.objectives.length;
  const checks =
    n === 0
      ? 'checks no objective'
      : `checks ${n === 1 ? '1 objective' : `${n} objectives`}${a.objectives.every((l) => l.implied) ? ' (implied)' : ''}`;
  return `${level} · ${checks}`;
}

/** "2 assessments, highest: apply", "1 assessment: remember", "no assessment". */
export function assessmentsPart(
  links: readonly Link[],
  levelOfLink: (l: Link) => BloomLevel | null,
): string {
  const n = links.length;
  if (!n) return 'no assessment';
  let top = -1;
  for (const l of links) {
    const level = levelOfLink(l);
    if (level) top = Math.max(top, BLOOM_LEVELS.indexOf(level));
  }
  const highest = top >= 0 ? BLOOM_LEVELS[top] : null;
  if (n === 1) return highest ? `1 assessment: ${highest}` : '1 assessment';
  return highest ? `${n} assessments, highest: ${highest}` : `${n} assessments`;
}

function levelOf(o: Objective): string {
  return o.analysis.vague ? 'vague' : (o.analysis.level ?? 'no verb');
}

export function distribution(objectives: readonly Objective[]): string {
  const counts = new Map<string, number>();
  for (const o of objectives) counts.set(levelOf(o), (counts.get(levelOf(o)) ?? 0) + 1);
  const order = [...BLOOM_LEVELS, 'vague', 'no verb'];
  return order
    .filter((l) => counts.has(l))
    .map((l) => `${l} ${counts.get(l)}`)
    .join(' · ');
}

/** The lens of an objective; clicking it shows its first outcome, else its first assessment
 * (`bloomline.revealItem`, the VS Code extension's command; other editors show the lens as
 * text). */
function objectiveCommand(
  ctx: ServerContext,
  key: string,
  objective: Objective,
  itemOf: (file: string, kind: Item['kind'], id: string) => Item | undefined,
  show: { outcomes: boolean; assessments: boolean },
): Command {
  const n = objective.outcomes.length;
  const parts: string[] = [];
  if (show.outcomes || n > 0)
    parts.push(n === 0 ? 'no outcome' : n === 1 ? '1 outcome' : `${n} outcomes`);
  if (show.assessments || objective.assessments.length > 0)
    parts.push(
      assessmentsPart(objective.assessments, (l) => {
        const a = itemOf(l.filePath ?? key, 'assessment', l.id);
        return a?.kind === 'assessment' ? a.analysis.level : null;
      }),
    );
  parts.push(levelOf(objective));
  const title = parts.join(' · ');
  const first = objective.outcomes[0] ?? objective.assessments[0];
  if (!first) return { title, command: '' };
  const file = first.filePath ?? key;
  const outcome = itemOf(file, objective.outcomes[0] ? 'outcome' : 'assessment', first.id);
  if (!outcome) return { title, command: '' };
  // Through ctx.location: an outcome in a notebook is shown in its cell.
  const { uri, range } = ctx.location(file, outcome.textSpan);
  const s = range.start;
  const e = range.end;
  return {
    title,
    command: COMMANDS.revealItem,
    arguments: [uri, s.line + 1, s.character + 1, e.line + 1, e.character + 1],
  };
}
