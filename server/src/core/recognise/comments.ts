// Disable comments in markdownlint's style: <!-- bloomline-disable-next-line RULE -->,
// <!-- bloomline-disable RULE --> ... <!-- bloomline-enable RULE -->, bloomline-disable-file.
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
    b.outline.directives.push({
      kind: m[1] as DisableDirective['kind'],
      rules: text
        .slice(at + m[0].length, close)
        .split(/[\s,]+/)
        .map((r) => r.trim())
        .filter(Boolean),
      line,
    });
  }
}
