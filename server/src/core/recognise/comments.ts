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
    const unknown: { name: string; start: number }[] = [];
    const list = /[^\s,]+/g;
    const from = at + m[0].length;
    const body = text.slice(from, close);
    for (let r = list.exec(body); r; r = list.exec(body)) {
      if (r[0] === '--') break; // ESLint's "-- reason": what follows says why, names no rule
      rules.push(r[0]);
      if (!KNOWN.has(r[0])) unknown.push({ name: r[0], start: from + r.index });
    }
    if (unknown.length) unknownRules(b, unknown);
    b.outline.directives.push({ kind: m[1] as DisableDirective['kind'], rules, line });
  }
}

const KNOWN = new Set(RULE_IDS);

/** Names in a disable comment that are no rules turn nothing off: said once per comment where
 * they stand (the CLI on stderr, the editor as information), with the rule probably meant, as
 * a typo in `.bloomline.json` is; several words are likely a reason, which goes after "--". */
function unknownRules(b: Builder, unknown: readonly { name: string; start: number }[]): void {
  const first = unknown[0]!;
  const last = unknown[unknown.length - 1]!;
  const span = { start: first.start, end: last.start + last.name.length };
  let message: string;
  if (unknown.length === 1) {
    const meant = didYouMean(first.name, RULE_IDS);
    message = meant
      ? `No rule is named "${first.name}" (did you mean "${meant}"?): this comment turns nothing off for it.`
      : `No rule is named "${first.name}": this comment turns nothing off for it. The rules are listed in docs/rules/.`;
  } else {
    const names = unknown.map((u) => `"${u.name}"`).join(', ');
    message = `No rules are named ${names}: this comment turns nothing off for them. To say why a rule is off, write the reason after " -- ".`;
  }
  b.outline.notes.push({ message, span, editor: true });
}
