// Disable comments in markdownlint's style: <!-- bloomline-disable-next-line RULE -->,
// <!-- bloomline-disable RULE --> ... <!-- bloomline-enable RULE -->, bloomline-disable-file.
import { didYouMean, RULE_IDS } from '../config.js';
import type { DisableDirective } from '../model.js';
import { LineIndex } from '../text.js';
import type { Builder } from './context.js';

// The comment's end is found with indexOf: `([^]*?)-->` scans to the end of the text from every
// unclosed "<!-- bloomline-" (quadratic).
const DIRECTIVE =
  /<!--\s*bloomline-(disable-next-line|disable-line|disable-file|disable|enable)\b/g;

export function readDisableComments(b: Builder): void {
  const text = b.text;
  if (!text.includes('bloomline-')) return;
  DIRECTIVE.lastIndex = 0;
  const lines = new LineIndex(text);
  for (let m = DIRECTIVE.exec(text); m; m = DIRECTIVE.exec(text)) {
    const at = m.index;
    const close = text.indexOf('-->', at + m[0].length);
    if (close < 0) break;
    DIRECTIVE.lastIndex = close + 3;
    if (b.codeSpans.some((s) => at >= s.start && at < s.end)) continue;
    const line = lines.position(at).line;
    const rules: string[] = [];
    const list = /[^\s,]+/g;
    const body = text.slice(at + m[0].length, close);
    for (let r = list.exec(body); r; r = list.exec(body)) {
      rules.push(r[0]);
      if (!KNOWN.has(r[0])) unknownRule(b, r[0], at + m[0].length + r.index);
    }
    b.outline.directives.push({ kind: m[1] as DisableDirective['kind'], rules, line });
  }
}

const KNOWN = new Set(RULE_IDS);

/** A name in a disable comment that is no rule turns nothing off: said where it stands (the
 * CLI on stderr, the editor as information), with the rule probably meant, as a typo in
 * `.bloomline.json` is. */
function unknownRule(b: Builder, name: string, start: number): void {
  const meant = didYouMean(name, RULE_IDS);
  const message = meant
    ? `No rule is named "${name}" (did you mean "${meant}"?): this comment turns nothing off for it.`
    : `No rule is named "${name}": this comment turns nothing off for it. The rules are listed in docs/rules/.`;
  b.outline.notes.push({ message, span: { start, end: start + name.length }, editor: true });
}
