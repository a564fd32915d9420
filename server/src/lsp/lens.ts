// Code lenses: above each objective, how many outcomes measure it and its Bloom level ("2
// outcomes · apply", "no outcome · vague"); above each section heading with objectives, its
// Bloom distribution ("remember 1 · apply 3 · create 1").
import type { CodeLens, CodeLensParams, Command } from 'vscode-languageserver';
import { BLOOM_LEVELS, type Objective } from '../core/index.js';
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
  const outcomes = new Map<string, Map<string, Item>>();
  const outcomeOf = (file: string, id: string): Item | undefined => {
    let ids = outcomes.get(file);
    if (!ids) {
      ids = new Map();
      const other = file === key ? outline : ctx.outline(file);
      for (const o of other ? itemsByKind(other, 'outcome') : [])
        if (!ids.has(o.id)) ids.set(o.id, o);
      outcomes.set(file, ids);
    }
    return ids.get(id);
  };
  for (const objective of outline.objectives) {
    if (!view.contains(objective.span)) continue;
    const start = lines.position(objective.span.start);
    lenses.push({
      range: { start, end: start },
      command: objectiveCommand(ctx, key, objective, outcomeOf),
    });
  }
  return lenses;
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

/** The lens of an objective; clicking it shows its first outcome (`bloomline.revealItem`, the
 * VS Code extension's command; other editors show the lens as text). */
function objectiveCommand(
  ctx: ServerContext,
  key: string,
  objective: Objective,
  outcomeOf: (file: string, id: string) => Item | undefined,
): Command {
  const n = objective.outcomes.length;
  const title = `${n === 0 ? 'no outcome' : n === 1 ? '1 outcome' : `${n} outcomes`} · ${levelOf(objective)}`;
  const first = objective.outcomes[0];
  if (!first) return { title, command: '' };
  const file = first.filePath ?? key;
  const outcome = outcomeOf(file, first.id);
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
