// Reader: Markdown lists (bullets, numbers, task lists). A list is a block of objectives or
// outcomes when a scope names it (scope.ts); otherwise only its labelled items count
// ("Objective: ..."). A list continued after an HTML comment joins the block before it.
import type { List, RootContent } from 'mdast';
import { readObjective } from '../../language/objective.js';
import { readsAsChange } from '../../language/outcome.js';
import { off, type Builder } from '../context.js';
import { findLabelledItems, newSink, readItem, skipPrefix, type ItemSink } from '../items.js';
import { plainOf } from '../plain.js';
import { placementFor, type Placement, type Scope } from '../scope.js';

export function readList(s: Scope, list: List, siblings: RootContent[], index: number): void {
  const b = s.b;
  // A list split by an HTML comment (a disable comment between items) continues its block.
  let k = index - 1;
  while (
    k >= 0 &&
    siblings[k]!.type === 'html' &&
    /^<!--/.test((siblings[k] as { value: string }).value)
  )
    k--;
  const before = siblings[k];
  if (k < index - 1 && before?.type === 'list') {
    const continued = b.listSinks.get(before);
    if (continued) {
      b.listSinks.set(list, continued);
      for (const item of list.children)
        if (readItem(b, item, continued.sink, null, continued.leadVerb))
          if (continued.placement.naming) continued.placement.naming.read++;
      return;
    }
  }
  const placement = placementFor(s, siblings, index);
  if (!placement || (placement.weak && !bearsOut(b, list, placement))) {
    findLabelledItems(b, list, s.section, null);
    return;
  }
  const sink = newSink(s.section, placement.source, off(b, list), placement.rule, placement.leadIn);
  const leadVerb = placement.leadIn?.verb?.lemma ?? null;
  b.listSinks.set(list, { sink, leadVerb, placement });
  for (const item of list.children)
    if (readItem(b, item, sink, null, leadVerb) && placement.naming) placement.naming.read++;
}

export interface ListSink {
  sink: ItemSink;
  leadVerb: string | null;
  placement: Placement;
}

/**
 * Whether a list under a weak name ("Goals", "Results") is what the name says: most items are
 * learner statements (for objectives) or measured changes (for outcomes). "## Goals" over
 * "- Fast" and "- Simple" in a software README is not a block of objectives.
 */
function bearsOut(b: Builder, list: List, placement: Placement): boolean {
  let yes = 0;
  let all = 0;
  for (const item of list.children) {
    const first = item.children[0];
    if (first?.type !== 'paragraph') continue;
    const text = plainOf(b, first.children).text;
    const body = text.slice(skipPrefix(text));
    all++;
    if (placement.rule === 'outcome-unless-learner' || placement.rule === 'outcome') {
      if (readsAsChange(body)) yes++;
    } else {
      const r = readObjective(body, b.lex, null);
      if (r.verb && !r.verbFromLeadIn) yes++;
    }
  }
  return all > 0 && yes * 2 >= all;
}
