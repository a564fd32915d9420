// The status bar item "$(checklist) Bloomline: N findings" for the outline in the active
// editor; a click opens the Problems panel. Hidden for Markdown that is not a course outline
// (no findings and no objectives or outcomes) and for every other file.
import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE } from '../../server/src/protocol.js';
import { isOutlineCandidate, type OutlineProvider } from './outlineTree.js';
import { countLabel, isOutlineEntry } from './treeModel.js';

export class FindingsStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem(
    'bloomline.findings',
    vscode.StatusBarAlignment.Left,
    50,
  );
  private readonly disposables: vscode.Disposable[] = [this.item];

  constructor(private readonly outlines: OutlineProvider) {
    this.item.name = 'Bloomline findings';
    this.item.command = 'workbench.actions.view.problems';
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.languages.onDidChangeDiagnostics((e) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (e.uris.some((u) => u.toString() === active)) this.update();
      }),
      outlines.onDidRefresh(() => this.update()),
    );
    this.update();
  }

  update(): void {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || !isOutlineCandidate(document)) {
      this.item.hide();
      return;
    }
    const diagnostics = vscode.languages
      .getDiagnostics(document.uri)
      .filter((d) => d.source === DIAGNOSTIC_SOURCE);
    const outline = this.outlines.outlineFor(document.uri);
    if (diagnostics.length === 0 && !(outline && isOutlineEntry(outline))) {
      this.item.hide();
      return;
    }
    const count = (severity: vscode.DiagnosticSeverity) =>
      diagnostics.filter((d) => d.severity === severity).length;
    const S = vscode.DiagnosticSeverity;
    this.item.text = `$(checklist) Bloomline: ${countLabel(diagnostics.length, 'finding')}`;
    this.item.tooltip =
      diagnostics.length === 0
        ? 'No findings in this course outline.'
        : `${countLabel(count(S.Error), 'error')}, ${countLabel(count(S.Warning), 'warning')}, ` +
          `${count(S.Information) + count(S.Hint)} information and hints in this course outline. ` +
          'Click to show them in Problems.';
    this.item.show();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
