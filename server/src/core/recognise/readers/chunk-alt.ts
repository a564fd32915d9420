// Reader: objectives in the alt text of an R Markdown chunk that shows a slide, the way courses
// built with the ottr templates write them: ```{r, fig.alt = "This chapter will demonstrate how
// to: Identify ... Set up ..."}```. The code itself is never read, only the chunk's `fig.alt`
// option, and only when its text is a learning lead-in followed by the objectives.
import type { Code } from 'mdast';
import { off } from '../context.js';
import { addItem, newSink } from '../items.js';
import { readLeadIn } from '../leadins.js';
import type { PlainText } from '../plain.js';
import type { Scope } from '../scope.js';

const ALT = /\bfig\.alt\s*=\s*(["'])/;

export function readChunkAlt(s: Scope, node: Code): void {
  const b = s.b;
  if (!node.lang?.startsWith('{')) return;
  const span = off(b, node);
  const eol = b.text.indexOf('\n', span.start);
  const fenceEnd = eol < 0 || eol > span.end ? span.end : eol;
  const fence = b.text.slice(span.start, fenceEnd);
  const m = ALT.exec(fence);
  if (!m) return;
  const quote = m[1]!;
  const from = m.index + m[0].length;
  const to = fence.indexOf(quote, from);
  if (to < 0) return;
  const alt = fence.slice(from, to);
  const colon = alt.indexOf(':');
  if (colon < 0) return;
  const lead = readLeadIn(alt.slice(0, colon + 1), b.lex);
  if (lead?.class !== 'learning') return;
  const base = span.start + from;
  const sink = newSink(s.section, 'chunk', span, 'objective');
  // The objectives follow the colon, as sentences ("Identify ... . Set up ...") or as a list
  // separated by commas before capitals ("Understanding why ..., Identifying your users").
  const body = alt.slice(colon + 1);
  const split = /\.\s+(?=\p{Lu})|,\s+(?=\p{Lu})|;\s+/gu;
  let start = 0;
  const parts: [number, number][] = [];
  for (let p = split.exec(body); p; p = split.exec(body)) {
    parts.push([start, p.index]);
    start = p.index + p[0].length;
  }
  parts.push([start, body.length]);
  for (const [ps, pe] of parts) {
    let a = ps;
    let e = pe;
    while (a < e && /\s/.test(body[a]!)) a++;
    while (e > a && /[\s.]/.test(body[e - 1]!)) e--;
    if (e <= a) continue;
    const offsets: number[] = [];
    for (let k = a; k <= e; k++) offsets.push(base + colon + 1 + k);
    const plain: PlainText = { text: body.slice(a, e), offsets };
    const made = addItem(
      b,
      sink,
      plain,
      { start: offsets[0]!, end: offsets[offsets.length - 1]! },
      {
        insertion: null,
        labels: false,
      },
    );
    if (made && s.naming) s.naming.read++;
  }
}
