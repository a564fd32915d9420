// "Open alignment report" and "Export alignment report...": the report of the whole workspace
// (the `bloomline/report` request) rendered in the extension host by the writers of
// server/src/report, shown in one webview panel or written to a file. The webview HTML and
// the checks on its messages are pure (reportHtml.ts).
import * as vscode from 'vscode';
import type { ReportJson } from '../../server/src/core/report.js';
import { formatReportHtml, renderReport } from '../../server/src/report/index.js';
import { revealItem } from './outlineTree.js';
import {
  classifyReportFile,
  EXPORT_FILTERS,
  exportFormatFor,
  makeNonce,
  parseRevealMessage,
  webviewHtml,
} from './reportHtml.js';

/** Where the report comes from: the language server, and its outline-changed events. */
export interface ReportSource {
  fetch(): Promise<ReportJson | null>;
  readonly onDidChangeOutline: vscode.Event<string>;
}

const REFRESH_DELAY_MS = 300;

/** One report panel at a time; "Open alignment report" again brings it to the front. */
export class ReportPanel {
  private static current: ReportPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private generation = 0;
  /** The page last shown, before its nonce: a refresh that would show the same page again does
   * not reload the webview (a reload loses the reader's scroll position, and a click made
   * while the frame reloads is lost). Outline-changed events come for edits that leave the
   * report as it was, and for files opened or closed. */
  private shown: string | undefined;

  static show(source: ReportSource, output: vscode.OutputChannel): void {
    if (ReportPanel.current) {
      ReportPanel.current.panel.reveal();
      ReportPanel.current.scheduleRefresh(0);
      return;
    }
    const panel = vscode.window.createWebviewPanel(
      'bloomline.report',
      'Alignment report',
      vscode.ViewColumn.Active,
      { enableScripts: true, localResourceRoots: [], retainContextWhenHidden: false },
    );
    ReportPanel.current = new ReportPanel(panel, source, output);
  }

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly source: ReportSource,
    private readonly output: vscode.OutputChannel,
  ) {
    panel.webview.html = message('Loading the alignment report…');
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m: unknown) => this.onMessage(m)),
      source.onDidChangeOutline(() => this.scheduleRefresh(REFRESH_DELAY_MS)),
    );
    void this.refresh();
  }

  private scheduleRefresh(delay: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.refresh();
    }, delay);
  }

  private async refresh(): Promise<void> {
    const generation = ++this.generation;
    let report: ReportJson | null;
    try {
      report = await this.source.fetch();
    } catch (error) {
      this.output.appendLine(`The alignment report failed: ${String(error)}`);
      report = null;
    }
    // A newer refresh started meanwhile, or the panel was closed.
    if (generation !== this.generation || ReportPanel.current !== this) return;
    const webview = this.panel.webview;
    const page = report
      ? formatReportHtml(report)
      : message('The alignment report is not available: is the language server running?');
    if (page === this.shown) return;
    this.shown = page;
    webview.html = report ? webviewHtml(page, makeNonce(), webview.cspSource) : page;
  }

  private async onMessage(raw: unknown): Promise<void> {
    const m = parseRevealMessage(raw);
    if (!m) return;
    const uri = resolveReportFile(m.file);
    if (!uri) return;
    try {
      await revealItem(uri, m.line);
    } catch (error) {
      void vscode.window.showWarningMessage(`Bloomline could not open ${m.file}: ${String(error)}`);
    }
  }

  private dispose(): void {
    if (ReportPanel.current === this) ReportPanel.current = undefined;
    this.generation++;
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
    this.disposables.length = 0;
  }
}

/** A report's `filePath` as a URI: URIs as they are; absolute paths on the workspace's file
 * system (the disk, or in VS Code for the Web github.dev's, a code-server's); relative paths
 * against the (first) workspace folder. */
function resolveReportFile(file: string): vscode.Uri | undefined {
  const named = classifyReportFile(file);
  if (named.kind === 'uri') return vscode.Uri.parse(named.uri);
  if (named.kind === 'absolute') {
    const folder = vscode.workspace.workspaceFolders?.find(
      (f) => f.uri.scheme !== 'file' && named.path.startsWith(f.uri.path),
    );
    return folder ? folder.uri.with({ path: named.path }) : vscode.Uri.file(named.path);
  }
  const folder = vscode.workspace.workspaceFolders?.[0];
  return folder ? vscode.Uri.joinPath(folder.uri, named.path) : undefined;
}

/** A page with one sentence, for loading and errors; no script at all. */
function message(text: string): string {
  return (
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">' +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'">` +
    `</head><body><p>${text}</p></body></html>`
  );
}

/** "Export alignment report...": the chosen format, by the same writers, to the chosen file. */
export async function exportReport(
  source: ReportSource,
  output: vscode.OutputChannel,
): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const target = await vscode.window.showSaveDialog({
    title: 'Export alignment report',
    saveLabel: 'Export',
    filters: EXPORT_FILTERS,
    ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, 'alignment-report.html') } : {}),
  });
  if (!target) return;
  let report: ReportJson | null;
  try {
    report = await source.fetch();
  } catch (error) {
    output.appendLine(`The alignment report failed: ${String(error)}`);
    report = null;
  }
  if (!report) {
    void vscode.window.showErrorMessage(
      'Bloomline could not make the alignment report: is the language server running?',
    );
    return;
  }
  const text = renderReport(report, exportFormatFor(target.path));
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
  void vscode.window.showInformationMessage(
    `Alignment report written to ${vscode.workspace.asRelativePath(target)}.`,
  );
}
