// Reader: HTML lists (`<ul><li>...</li></ul>`), as MOOC and edX pages write "What you'll learn".
// The list is a block when a scope names it, like a Markdown list; each `<li>` is one item, its
// text the characters outside tags, each at its exact source offset.
import type { Html, RootContent } from 'mdast';
import { off } from '../context.js';
import { addItem, newSink } from '../items.js';
import { CHAR_REF, type PlainText } from '../plain.js';
import { decodeReferences } from '../html-blocks.js';
import { placementFor, type Scope } from '../scope.js';
import { leadVerbOf } from '../leadins.js';

// `[^<>]*`: "<li<li<li..." with no ">" stays linear.
const ITEM = /<li\b[^<>]*>/gi;

export function readHtmlList(s: Scope, node: Html, siblings: RootContent[], index: number): void {
  const b = s.b;
  if (!/<li\b/i.test(node.value)) return;
  const span = off(b, node);
  // Offsets are exact only where the node's value is the source itself (not inside a quote).
  if (b.text.slice(span.start, span.end) !== node.value) return;
  const placement = placementFor(s, siblings, index);
  if (!placement || placement.weak) return;
  const sink = newSink(s.section, placement.source, span, placement.rule, placement.leadIn);
  const leadVerb = leadVerbOf(placement.leadIn);
  const value = node.value;
  ITEM.lastIndex = 0;
  for (let m = ITEM.exec(value); m; m = ITEM.exec(value)) {
    const from = m.index + m[0].length;
    let to = value.length;
    const close = /<\/li\s*>|<li\b|<\/?[uo]l\b/gi;
    close.lastIndex = from;
    const c = close.exec(value);
    if (c) to = c.index;
    const plain = textOutsideTags(value, from, to, span.start);
    const made = addItem(
      b,
      sink,
      plain,
      { start: span.start + m.index, end: span.start + to },
      {
        leadVerb,
        insertion: null,
      },
    );
    if (made && placement.naming) placement.naming.read++;
  }
}

/** The characters of value[from, to) outside tags, each with its offset in the text. */
function textOutsideTags(value: string, from: number, to: number, base: number): PlainText {
  let text = '';
  const offsets: number[] = [];
  let inTag = false;
  for (let i = from; i < to; i++) {
    const c = value[i]!;
    if (inTag) {
      if (c === '>') inTag = false;
      continue;
    }
    if (c === '<' && /[A-Za-z/!]/.test(value[i + 1] ?? '')) {
      inTag = true;
      continue;
    }
    if (c === '&') {
      // A character reference ("&amp;") reads as its character, at the reference's offset.
      CHAR_REF.lastIndex = i;
      const ref = CHAR_REF.exec(value);
      const decoded = ref && ref.index + ref[0].length <= to ? decodeReferences(ref[0]) : null;
      if (ref && decoded !== null && decoded !== ref[0]) {
        for (let k = 0; k < decoded.length; k++) {
          text += decoded[k];
          offsets.push(base + i);
        }
        i += ref[0].length - 1;
        continue;
      }
    }
    text += c === '\n' || c === '\r' || c === '\t' ? ' ' : c;
    offsets.push(base + i);
  }
  offsets.push(offsets.length ? offsets[offsets.length - 1]! + 1 : base + to);
  return { text, offsets };
}
