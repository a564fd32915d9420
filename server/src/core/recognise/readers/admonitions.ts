// Reader: Python-Markdown / MkDocs admonitions (`!!! note "Learning objectives"` and an indented
// body). containers.ts masks each one as an ordered-list item, so its body parses as Markdown;
// here such an item is walked as a container, its title (a div record) naming what is in it.
import type { List, RootContent } from 'mdast';
import type { Div } from '../containers.js';
import type { Scope, WalkChild } from '../scope.js';

/** MkDocs admonitions are masked as ordered-list items (containers.ts): walk their bodies. */
export function readAdmonitions(s: Scope, list: List, walk: WalkChild): boolean {
  const b = s.b;
  const divs = b.parsed.divs.filter((d) => d.syntax === 'admonition');
  if (!divs.length) return false;
  const byLine = new Map<number, Div>();
  for (const d of divs) byLine.set(lineStartOf(b.parsed.source, d.start), d);
  const first = list.children[0];
  if (!first || !byLine.has(lineStartOf(b.parsed.source, first.position!.start.offset!)))
    return false;
  for (const item of list.children) {
    const div = byLine.get(lineStartOf(b.parsed.source, item.position!.start.offset!));
    let kids = item.children as RootContent[];
    // With a blank line after "!!! note "Title"", the title line is the item's first paragraph.
    // (By offsets: the parse keeps no line numbers, parse.ts.)
    if (div && kids[0]?.type === 'paragraph') {
      const firstLine = lineStartOf(b.parsed.source, kids[0].position!.start.offset!);
      if (firstLine === lineStartOf(b.parsed.source, item.position!.start.offset!))
        kids = kids.slice(1);
    }
    const inner: Scope = { ...s, label: null };
    for (let k = 0; k < kids.length; k++) walk(inner, kids[k]!, kids, k);
  }
  return true;
}

function lineStartOf(src: string, at: number): number {
  let i = at;
  while (i > 0 && src[i - 1] !== '\n' && src[i - 1] !== '\r') i--;
  return i;
}
