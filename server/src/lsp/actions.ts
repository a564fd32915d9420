// Code actions: every fix of each finding under the cursor (the preferred one marked), "Fix all
// <rule> problems in this file" (that rule's preferred fixes that do not overlap), and
// `source.fixAll.bloomline`, every preferred fix that can be applied together (what the editor
// runs on save with `editor.codeActionsOnSave`).
import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { compatiblePreferredFixes, type Finding, type TextEdit } from '../core/index.js';
import { touches } from './convert.js';
import type { ServerContext } from './context.js';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.bloomline`;

export const CODE_ACTION_KINDS = [
  CodeActionKind.QuickFix,
  CodeActionKind.SourceFixAll,
  FIX_ALL_KIND,
];

export function codeActions(ctx: ServerContext, params: CodeActionParams): CodeAction[] {
  const uri = params.textDocument.uri;
  const view = ctx.view(uri);
  if (view === null) return [];
  const key = view.key;
  const findings = ctx.findings(uri);
  if (!findings.length) return [];
  const only = params.context.only;
  const wanted = (kind: string) =>
    !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
  // A notebook's edits go to the cells they stand in; a fix the editor cannot make (spanning
  // two cells) is not offered.
  const edit = (edits: readonly TextEdit[]): WorkspaceEdit | null => {
    const changes = ctx.edit(key, edits);
    return changes ? ctx.workspaceEdit(changes) : null;
  };
  const actions: CodeAction[] = [];

  if (wanted(CodeActionKind.QuickFix)) {
    const rulesHere = new Set<string>();
    for (const finding of findings) {
      const diagnostic = ctx.diagnostic(key, finding);
      if (!touches(diagnostic.range, params.range)) continue;
      for (const fix of finding.fixes) {
        const changes = fix.edits.length ? edit(fix.edits) : null;
        if (!changes) continue;
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          isPreferred: fix.isPreferred,
          diagnostics: [diagnostic],
          edit: changes,
        });
      }
      if (finding.fixes.some((f) => f.isPreferred)) rulesHere.add(finding.ruleId);
    }
    for (const rule of rulesHere) {
      const ofRule = findings.filter((f) => f.ruleId === rule);
      const fixes = compatiblePreferredFixes(ofRule).filter((f) => edit(f) !== null);
      // With one fixable problem, "fix all" would only repeat the quick fix above.
      if (fixes.length < 2) continue;
      actions.push({
        title: `Fix all ${rule} problems in this file`,
        kind: CodeActionKind.QuickFix,
        diagnostics: diagnosticsOf(ctx, key, ofRule),
        edit: edit(fixes.flat())!,
      });
    }
    // VS Code's light bulb (Ctrl+.) leaves source actions out, so the fix-all of every rule is
    // offered there as a quick fix too (as ESLint's "Fix all auto-fixable problems" is), where
    // it does more than the quick fix or a rule's own fix-all above: fixes of two rules or more.
    if (rulesHere.size) {
      const all = fixAll(ctx, key, findings, edit, CodeActionKind.QuickFix);
      const rules = new Set(all?.diagnostics?.map((d) => String(d.code)));
      if (all && rules.size > 1 && editCount(all.edit!) > 1) actions.push(all);
    }
  }

  if (wanted(FIX_ALL_KIND)) {
    const all = fixAll(ctx, key, findings, edit, FIX_ALL_KIND);
    if (all) actions.push(all);
  }
  return actions;
}

/** Every preferred fix that can be applied together, as one action of `kind`; null if none. */
function fixAll(
  ctx: ServerContext,
  key: string,
  findings: Finding[],
  edit: (edits: readonly TextEdit[]) => WorkspaceEdit | null,
  kind: string,
): CodeAction | null {
  const fixes = compatiblePreferredFixes(findings).filter((f) => edit(f) !== null);
  if (!fixes.length) return null;
  return {
    title: 'Fix all auto-fixable Bloomline problems',
    kind,
    diagnostics: diagnosticsOf(
      ctx,
      key,
      findings.filter((f) => f.fixes.some((x) => x.isPreferred)),
    ),
    edit: edit(fixes.flat())!,
  };
}

function editCount(e: WorkspaceEdit): number {
  const lists = e.documentChanges
    ? e.documentChanges.map((d) => ('edits' in d ? d.edits : []))
    : Object.values(e.changes ?? {});
  return lists.reduce((n, list) => n + list.length, 0);
}

function diagnosticsOf(ctx: ServerContext, key: string, findings: Finding[]): Diagnostic[] {
  return findings.map((f) => ctx.diagnostic(key, f));
}
