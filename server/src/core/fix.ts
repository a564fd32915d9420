// Applying fixes: edits are data (spans and new text); they are applied from the end so that
// earlier offsets stay valid, and edits that overlap are refused rather than guessed at.
import type { Finding, TextEdit } from './model.js';
import type { Workspace } from './workspace.js';

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  for (let i = 0; i < sorted.length; i++) {
    const e = sorted[i]!;
    if (e.span.start < 0 || e.span.end > text.length || e.span.start > e.span.end) {
      throw new RangeError(
        `edit [${e.span.start}, ${e.span.end}) is outside the text (length ${text.length})`,
      );
    }
    const prev = sorted[i - 1];
    if (
      prev &&
      (prev.span.end > e.span.start ||
        (prev.span.start === e.span.start &&
          prev.span.end === prev.span.start &&
          e.span.end === e.span.start))
    ) {
      throw new RangeError(`edits overlap at offset ${e.span.start}`);
    }
  }
  let out = '';
  let last = 0;
  for (const e of sorted) {
    out += text.slice(last, e.span.start) + e.newText;
    last = e.span.end;
  }
  return out + text.slice(last);
}

function overlaps(a: readonly TextEdit[], b: readonly TextEdit[]): boolean {
  for (const x of a) {
    for (const y of b) {
      if (x.span.start < y.span.end && y.span.start < x.span.end) return true;
      if (
        x.span.start === y.span.start &&
        (x.span.start === x.span.end || y.span.start === y.span.end)
      )
        return true;
    }
  }
  return false;
}

/** The preferred fixes of these findings that can be applied together (first come, first
 * served; a fix overlapping one already chosen waits for the next pass). */
export function compatiblePreferredFixes(findings: readonly Finding[]): TextEdit[][] {
  const chosen: TextEdit[][] = [];
  const seen = new Set<string>();
  for (const f of findings) {
    const fix = f.fixes.find((x) => x.isPreferred);
    if (!fix || !fix.edits.length) continue;
    const key = JSON.stringify(fix.edits);
    if (seen.has(key)) continue;
    seen.add(key);
    if (chosen.some((c) => overlaps(c, fix.edits))) continue;
    chosen.push(fix.edits);
  }
  return chosen;
}

/**
 * Applies preferred fixes until nothing fixable is left (at most `maxPasses` passes), keeping
 * the workspace up to date. Returns the new text and how many fixes were applied.
 */
export function fixFile(
  ws: Workspace,
  filePath: string,
  maxPasses = 10,
): { text: string; applied: number } {
  let outline = ws.get(filePath);
  if (!outline) throw new Error(`unknown file ${filePath}`);
  let text = outline.text;
  let applied = 0;
  for (let pass = 0; pass < maxPasses; pass++) {
    const fixes = compatiblePreferredFixes(ws.lint(filePath));
    if (!fixes.length) break;
    text = applyEdits(text, fixes.flat());
    applied += fixes.length;
    outline = ws.update(filePath, text, ws.configOf(filePath));
  }
  return { text, applied };
}
