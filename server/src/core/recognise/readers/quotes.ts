// Reader: block quotes, and GitHub alerts (`> [!NOTE]`) as a kind of them. A quote's own title
// (an alert's title line, a heading or bold label first in it) names what is in it; otherwise
// it is read under the scope around it, unless a sentence before it introduces something else
// ("... four reasons why it matters:" and then a quoted list).
import type { Blockquote, RootContent } from 'mdast';
import type { BlockSource, Span } from '../../model.js';
import { finishCurrent, openAssessment } from '../assessments.js';
import { off } from '../context.js';
import { blockName, type BlockName } from '../names.js';
import { plainOf, plainTextOf } from '../plain.js';
import {
  adjacentParagraph,
  introducesOther,
  newNaming,
  type Naming,
  type Scope,
  type WalkChild,
} from '../scope.js';

/** A block quote: its own title (a GitHub alert's, a heading's, a bold label's) names what is in
 * it; otherwise it is read under the scope around it. */
export function readQuote(
  s: Scope,
  node: Blockquote,
  siblings: RootContent[],
  index: number,
  walk: WalkChild,
  close: (naming: Naming) => void,
): void {
  const b = s.b;
  const inner: Scope = { ...s, label: null };
  // A quote introduced by "... four reasons why ...:" after other text quotes something else.
  const prev = adjacentParagraph(b, siblings, index);
  if (prev && s.naming && s.naming.content > 1 && introducesOther(b, prev)) inner.naming = null;
  const owned: Naming[] = [];
  const kids = node.children;
  for (let k = 0; k < kids.length; k++) {
    const child = kids[k]!;
    if (child.type === 'heading') {
      const titleText = plainOf(b, child.children);
      const title = titleText.text;
      const name = blockName(title);
      inner.naming = name ? newNaming(name, 'heading', off(b, child), title.trim()) : null;
      if (inner.naming) owned.push(inner.naming);
      if (name?.kind === 'assessment' && name.one)
        openQuoteAssessment(inner, s, name, 'heading', titleText, off(b, child));
      continue;
    }
    if (k === 0 && child.type === 'paragraph') {
      // "> [!NOTE]" + a title line, or "> **Learning objectives**".
      const text = plainTextOf(b, child.children);
      const alert = /^\s*\[!(\w+)\][ \t]*/.exec(text);
      const rest = alert
        ? text
            .slice(alert[0].length)
            .split(/\r?\n|\r/)[0]!
            .trim()
        : text.trim();
      const name = rest.length <= 80 ? blockName(rest) : null;
      if (name && (alert || rest === text.trim())) {
        inner.naming = newNaming(name, alert ? 'alert' : 'label', off(b, child), rest);
        owned.push(inner.naming);
        if (name.kind === 'assessment' && name.one) {
          const pt = plainOf(b, child.children);
          const at = Math.max(0, pt.text.indexOf(rest));
          const title = { text: rest, offsets: pt.offsets.slice(at, at + rest.length + 1) };
          openQuoteAssessment(inner, s, name, alert ? 'alert' : 'label', title, off(b, child));
        }
        continue;
      }
      if (alert && !rest) continue;
    }
    walk(inner, child, kids, k);
  }
  for (const n of owned) close(n);
  if (inner.assessment !== s.assessment) finishCurrent(inner);
}

/** A block quote titled with the name of one assessment ("> **Quiz**", "> [!TIP] Exercise"):
 * the quote's content is its task. */
function openQuoteAssessment(
  inner: Scope,
  outer: Scope,
  name: BlockName,
  source: BlockSource,
  title: { text: string; offsets: number[] },
  span: Span,
): void {
  if (inner.assessment !== outer.assessment) finishCurrent(inner);
  inner.assessment = openAssessment(source, name, outer.section, { title, titleSpan: span });
}
