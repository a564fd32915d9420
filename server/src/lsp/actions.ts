// Code actions: every fix of each finding under the cursor (the preferred one marked), "Fix all
// <rule> problems in this file" (that rule's preferred fixes that do not overlap), and
// `source.fixAll.bloomline`, every preferred fix that can be applied together (what the editor
// runs on save with `editor.codeActionsOnSave`).
import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type TextEdit as LspTextEdit,
} from 'vscode-languageserver';
import { compatiblePreferredFixes, type Finding, type TextEdit } from '../core/index.js';
import { toTextEdits, touches } from './convert.js';
import type { ServerContext } from './context.js';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.bloomline`;

export const CODE_ACTION_KINDS = [
  CodeActionKind.QuickFix,
  CodeActionKind.SourceFixAll,
  FIX_ALL_KIND,
];

export function codeActions(ctx: ServerContext, params: CodeActionParams): CodeAction[] {
  const uri = params.textDocument.uri;
  const key = ctx.fresh(uri);
  if (key === null) return [];
  const findings = ctx.findings(uri);
  if (!findings.length) return [];
  const only = params.context.only;
  const wanted = (kind: string) =>
    !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
  const lines = ctx.lines(key);
  const edit = (edits: readonly TextEdit[]) => ({
    changes: { [uri]: toTextEdits(lines, edits) as LspTextEdit[] },
  });
  const actions: CodeAction[] = [];

  if (wanted(CodeActionKind.QuickFix)) {
    const rulesHere = new Set<string>();
    for (const finding of findings) {
      const diagnostic = ctx.diagnostic(key, finding);
      if (!touches(diagnostic.range, params.range)) continue;
      for (const fix of finding.fixes) {
        if (!fix.edits.length) continue;
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          isPreferred: fix.isPreferred,
          diagnostics: [diagnostic],
          edit: edit(fix.edits),
        });
      }
      if (finding.fixes.some((f) => f.isPreferred)) rulesHere.add(finding.ruleId);
    }
    for (const rule of rulesHere) {
      const ofRule = findings.filter((f) => f.ruleId === rule);
      const fixes = compatiblePreferredFixes(ofRule);
      // With one fixable problem, "fix all" would only repeat the quick fix above.
      if (fixes.length < 2) continue;
      actions.push({
        title: `Fix all ${rule} problems in this file`,
        kind: CodeActionKind.QuickFix,
        diagnostics: diagnosticsOf(ctx, key, ofRule),
        edit: edit(fixes.flat()),
      });
    }
  }

  if (wanted(FIX_ALL_KIND)) {
    const fixes = compatiblePreferredFixes(findings);
    if (fixes.length) {
      actions.push({
        title: 'Fix all auto-fixable Bloomline problems',
        kind: FIX_ALL_KIND,
        diagnostics: diagnosticsOf(
          ctx,
          key,
          findings.filter((f) => f.fixes.some((x) => x.isPreferred)),
        ),
        edit: edit(fixes.flat()),
      });
    }
  }
  return actions;
}

function diagnosticsOf(ctx: ServerContext, key: string, findings: Finding[]): Diagnostic[] {
  return findings.map((f) => ctx.diagnostic(key, f));
}
