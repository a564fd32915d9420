// The `bloomline.outline` view: objectives with their outcomes and assessments, built only from the server's
// `bloomline/outline` answers and the file's diagnostics (treeModel.ts does the building).
// It follows the active editor ("current file") or shows every outline ("workspace"), can hide
// what has no findings, and refreshes on `bloomline/outlineChanged`, editor changes and
// diagnostics, debounced so that typing does not flood the server.
import * as vscode from 'vscode';
import type { OutlineEntry } from '../../server/src/protocol.js';
import { DIAGNOSTIC_SOURCE } from '../../server/src/protocol.js';
import {
  buildTree,
  isOutlineEntry,
  type FileNode,
  type Finding,
  type Severity,
  type Status,
  type TreeNode,
} from './treeModel.js';

export type OutlineMode = 'current' | 'workspace';

/** Where outlines come from: the language server's `bloomline/outline` request. */
export interface OutlineSource {
  fetch(uri?: string): Promise<OutlineEntry[]>;
}

export const CONTEXT = {
  mode: 'bloomline.outlineMode',
  problemsOnly: 'bloomline.problemsOnly',
  hasOutline: 'bloomline.hasOutline',
} as const;

const STATE_MODE = 'bloomline.outline.mode';
const STATE_PROBLEMS_ONLY = 'bloomline.outline.problemsOnly';
const REFRESH_DELAY_MS = 150;
/** Above this many changed files in one burst, one workspace request is cheaper. */
const MAX_SINGLE_REFRESHES = 10;

const SEVERITY: Record<vscode.DiagnosticSeverity, Severity> = {
  [vscode.DiagnosticSeverity.Error]: 'error',
  [vscode.DiagnosticSeverity.Warning]: 'warning',
  [vscode.DiagnosticSeverity.Information]: 'information',
  [vscode.DiagnosticSeverity.Hint]: 'hint',
};

/** The Bloomline diagnostics of a file, as the tree model wants them. */
export function findingsOf(uri: vscode.Uri): Finding[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === DIAGNOSTIC_SOURCE)
    .map((d) => {
      const code = d.code;
      const rule = code === undefined ? null : typeof code === 'object' ? code.value : code;
      return {
        line: d.range.start.line + 1,
        endLine: d.range.end.line + 1,
        severity: SEVERITY[d.severity],
        message: d.message,
        rule: rule === null ? null : String(rule),
        href: typeof code === 'object' ? code.target.toString() : null,
      };
    });
}

/** Compares URIs the way VS Code prints them, whatever escaping the server used. */
export function sameUri(a: string, b: vscode.Uri | string): boolean {
  const normal = (u: vscode.Uri | string) =>
    (typeof u === 'string' ? vscode.Uri.parse(u) : u).toString();
  return normal(a) === normal(b);
}

const LANGUAGES = new Set(['markdown', 'quarto', 'rmd']);

/** A document of the workspace's own file system (on disk, or github.dev's, a code-server's...)
 * or an unsaved one; not a diff's side, an output or a git history's version. */
export function isWorkspaceDocument(uri: vscode.Uri): boolean {
  const scheme = uri.scheme;
  if (scheme === 'file' || scheme === 'untitled') return true;
  return (vscode.workspace.workspaceFolders ?? []).some((f) => f.uri.scheme === scheme);
}

/** A document Bloomline reads: Markdown, Quarto or R Markdown (by language, or by name where
 * Quarto's or R's extension is not installed), saved or not. */
export function isOutlineCandidate(document: vscode.TextDocument): boolean {
  if (!isWorkspaceDocument(document.uri)) return false;
  return LANGUAGES.has(document.languageId) || /\.(?:qmd|rmd)$/i.test(document.uri.path);
}

/** The notebook a cell's document belongs to. */
function notebookOf(document: vscode.TextDocument): vscode.NotebookDocument | undefined {
  if (document.uri.scheme !== 'vscode-notebook-cell') return undefined;
  return vscode.workspace.notebookDocuments.find((nb) =>
    nb.getCells().some((cell) => cell.document === document),
  );
}

const STATUS_ICON: Record<Status, vscode.ThemeIcon> = {
  ok: new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')),
  hint: new vscode.ThemeIcon('lightbulb', new vscode.ThemeColor('problemsInfoIcon.foreground')),
  information: new vscode.ThemeIcon('info', new vscode.ThemeColor('problemsInfoIcon.foreground')),
  warning: new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')),
  error: new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground')),
};

export class OutlineProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly refreshed = new vscode.EventEmitter<void>();
  /** Fires after each refresh has been applied to the tree (for tests and the status bar). */
  readonly onDidRefresh = this.refreshed.event;

  private entries: OutlineEntry[] = [];
  private roots: FileNode[] = [];
  private view: vscode.TreeView<TreeNode> | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private _mode: OutlineMode;
  private _problemsOnly: boolean;
  /** The file the "current file" mode shows (the last Markdown editor). */
  private current: vscode.Uri | undefined;
  /** Each fetch gets a number; answers to older fetches are dropped. */
  private generation = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pendingAll = false;
  private readonly pendingUris = new Set<string>();
  private rebuildTimer: ReturnType<typeof setTimeout> | undefined;
  private lastError: string | undefined;

  constructor(
    private readonly source: OutlineSource,
    private readonly state: vscode.Memento,
    private readonly log: vscode.OutputChannel,
  ) {
    this._mode = state.get<OutlineMode>(STATE_MODE) === 'workspace' ? 'workspace' : 'current';
    this._problemsOnly = state.get<boolean>(STATE_PROBLEMS_ONLY) === true;
    this.current = this.editorUri(vscode.window.activeTextEditor);
    this.disposables.push(
      this.changed,
      this.refreshed,
      vscode.window.onDidChangeActiveTextEditor((editor) => this.followEditor(editor)),
      vscode.languages.onDidChangeDiagnostics((e) => {
        // A notebook's diagnostics are its cells' (same path, the cell scheme).
        const shown = (u: vscode.Uri) =>
          this.entries.some(
            (entry) =>
              sameUri(entry.uri, u) ||
              (u.scheme === 'vscode-notebook-cell' && vscode.Uri.parse(entry.uri).path === u.path),
          );
        if (e.uris.some(shown)) this.scheduleRebuild();
      }),
    );
    void this.updateContext();
  }

  get mode(): OutlineMode {
    return this._mode;
  }
  get problemsOnly(): boolean {
    return this._problemsOnly;
  }

  /** The view this provider fills, for its description and messages. */
  attach(view: vscode.TreeView<TreeNode>): void {
    this.view = view;
    this.updateView();
  }

  async setMode(mode: OutlineMode): Promise<void> {
    if (mode === this._mode) return;
    this._mode = mode;
    await this.state.update(STATE_MODE, mode);
    await this.updateContext();
    await this.refresh();
  }

  async setProblemsOnly(on: boolean): Promise<void> {
    this._problemsOnly = on;
    await this.state.update(STATE_PROBLEMS_ONLY, on);
    await this.updateContext();
    this.rebuild();
  }

  /** The outline of a file, if the tree has it (for the status bar). */
  outlineFor(uri: vscode.Uri): OutlineEntry | undefined {
    return this.entries.find((e) => sameUri(e.uri, uri));
  }

  /** Asks the server again: for one file (after `bloomline/outlineChanged`) or for everything
   * the view shows. Calls within a short delay are merged. */
  scheduleRefresh(uri?: string): void {
    if (uri === undefined) this.pendingAll = true;
    else if (this.isShown(uri)) this.pendingUris.add(uri);
    else return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, REFRESH_DELAY_MS);
  }

  /** Refreshes now and resolves when the tree shows the result. */
  async refresh(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.pendingAll = true;
    await this.flush();
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    const expanded =
      node.kind === 'file'
        ? this._mode === 'current' || this.roots.length === 1
          ? vscode.TreeItemCollapsibleState.Expanded
          : vscode.TreeItemCollapsibleState.Collapsed
        : node.kind === 'objective'
          ? vscode.TreeItemCollapsibleState.Collapsed
          : vscode.TreeItemCollapsibleState.Expanded;
    const item = new vscode.TreeItem(
      node.label,
      node.children.length ? expanded : vscode.TreeItemCollapsibleState.None,
    );
    item.id = node.key;
    item.description = node.description;
    const tooltip = new vscode.MarkdownString(node.tooltip, true);
    item.tooltip = tooltip;
    item.contextValue = node.kind;
    switch (node.kind) {
      case 'file':
        item.resourceUri = vscode.Uri.parse(node.uri);
        item.iconPath = vscode.ThemeIcon.File;
        break;
      case 'section':
        item.iconPath = new vscode.ThemeIcon('list-tree');
        break;
      case 'unmeasured':
      case 'unchecked':
        item.iconPath = new vscode.ThemeIcon('circle-slash');
        break;
      case 'assessment':
        // An assessment reads as a task; one with a finding shows the finding's icon instead.
        item.iconPath =
          node.status === 'ok' ? new vscode.ThemeIcon('tasklist') : STATUS_ICON[node.status];
        break;
      default:
        item.iconPath = STATUS_ICON[node.status];
    }
    if (node.location) {
      const { uri, line, column, endLine, endColumn, cell } = node.location;
      item.command = {
        command: 'bloomline.revealItem',
        title: 'Reveal item',
        arguments: [uri, line, column, endLine, endColumn, cell],
      };
    }
    return item;
  }

  getChildren(node?: TreeNode): TreeNode[] {
    return node ? node.children : this.roots;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.rebuildTimer) clearTimeout(this.rebuildTimer);
    for (const d of this.disposables) d.dispose();
  }

  private editorUri(editor: vscode.TextEditor | undefined): vscode.Uri | undefined {
    if (!editor) return undefined;
    // A notebook cell's editor stands for its notebook.
    const notebook = notebookOf(editor.document);
    if (notebook) return notebook.notebookType === 'jupyter-notebook' ? notebook.uri : undefined;
    return isOutlineCandidate(editor.document) ? editor.document.uri : undefined;
  }

  private followEditor(editor: vscode.TextEditor | undefined): void {
    // The Output panel, diff views and the like are editors too: they do not change the file
    // the tree follows. Another file, or no editor at all, does.
    if (
      editor &&
      !isWorkspaceDocument(editor.document.uri) &&
      editor.document.uri.scheme !== 'vscode-notebook-cell'
    )
      return;
    const uri = this.editorUri(editor);
    if (uri?.toString() === this.current?.toString()) return;
    this.current = uri;
    if (this._mode !== 'current') return;
    this.scheduleRefresh();
  }

  private isShown(uri: string): boolean {
    if (this._mode === 'workspace') return true;
    return this.current !== undefined && sameUri(uri, this.current);
  }

  private async flush(): Promise<void> {
    const all = this.pendingAll || this.pendingUris.size > MAX_SINGLE_REFRESHES;
    const uris = [...this.pendingUris];
    this.pendingAll = false;
    this.pendingUris.clear();
    const generation = ++this.generation;
    try {
      let entries: OutlineEntry[];
      if (this._mode === 'current') {
        const current = this.current;
        entries = current ? await this.source.fetch(current.toString()) : [];
      } else if (all) {
        entries = await this.source.fetch();
      } else {
        entries = this.entries.slice();
        for (const uri of uris) {
          const fresh = await this.source.fetch(uri);
          entries = entries.filter((e) => !sameUri(e.uri, uri)).concat(fresh);
        }
      }
      if (generation !== this.generation) return;
      this.entries = entries
        .filter(isOutlineEntry)
        .sort((a, b) => a.filePath.localeCompare(b.filePath));
      this.lastError = undefined;
    } catch (error) {
      if (generation !== this.generation) return;
      const message = error instanceof Error ? error.message : String(error);
      // One line per distinct problem: a server without outlines would otherwise log on
      // every keystroke.
      if (message !== this.lastError) this.log.appendLine(`Outline request failed: ${message}`);
      this.lastError = message;
      this.entries = [];
    }
    this.rebuild();
    this.refreshed.fire();
  }

  private scheduleRebuild(): void {
    if (this.rebuildTimer) clearTimeout(this.rebuildTimer);
    this.rebuildTimer = setTimeout(() => {
      this.rebuildTimer = undefined;
      this.rebuild();
      this.refreshed.fire();
    }, REFRESH_DELAY_MS);
  }

  private rebuild(): void {
    this.roots = buildTree(this.entries, {
      problemsOnly: this._problemsOnly,
      findingsFor: (uri) => findingsOf(vscode.Uri.parse(uri)),
      describePath:
        this._mode === 'workspace'
          ? (entry) => vscode.workspace.asRelativePath(vscode.Uri.parse(entry.uri))
          : undefined,
    });
    this.changed.fire(undefined);
    void this.updateContext();
    this.updateView();
  }

  private updateView(): void {
    if (!this.view) return;
    this.view.description =
      this._mode === 'workspace'
        ? 'Workspace'
        : this.current
          ? this.current.path.slice(this.current.path.lastIndexOf('/') + 1)
          : undefined;
    this.view.message =
      this.entries.length > 0 && this.roots.length === 0 && this._problemsOnly
        ? 'No findings: every objective and outcome here passes.'
        : this.lastError && this.entries.length === 0
          ? 'The outline could not be loaded. See the Bloomline output for details.'
          : undefined;
  }

  private async updateContext(): Promise<void> {
    await vscode.commands.executeCommand('setContext', CONTEXT.mode, this._mode);
    await vscode.commands.executeCommand('setContext', CONTEXT.problemsOnly, this._problemsOnly);
    await vscode.commands.executeCommand('setContext', CONTEXT.hasOutline, this.entries.length > 0);
  }
}

/** `bloomline.revealItem (uri, line, column, endLine?, endColumn?, cell?)`, 1-based as in the
 * outline JSON: opens the file and selects the item (or, without an end, the rest of its
 * line). A notebook cell's URI opens its notebook at the cell; a notebook's URI with a cell
 * index opens the notebook and shows that cell. */
export async function revealItem(
  uri: string | vscode.Uri,
  line: number,
  column = 1,
  endLine?: number,
  endColumn?: number,
  cell?: number,
): Promise<void> {
  const target = typeof uri === 'string' ? vscode.Uri.parse(uri) : uri;
  if (/\.ipynb$/i.test(target.path) && target.scheme !== 'vscode-notebook-cell') {
    const notebook = await vscode.workspace.openNotebookDocument(target);
    const range = new vscode.NotebookRange(cell ?? 0, (cell ?? 0) + 1);
    const editor = await vscode.window.showNotebookDocument(notebook, { selections: [range] });
    editor.revealRange(range, vscode.NotebookEditorRevealType.InCenterIfOutsideViewport);
    const cellDoc = cell !== undefined ? notebook.cellAt(cell)?.document : undefined;
    if (!cellDoc) return;
    // The cell's own text: `line` and `column` are the cell's.
    return revealItem(cellDoc.uri, line, column, endLine, endColumn);
  }
  const document = await vscode.workspace.openTextDocument(target);
  const visible = vscode.window.visibleTextEditors.find(
    (e) => e.document.uri.toString() === document.uri.toString(),
  );
  const editor = await vscode.window.showTextDocument(document, {
    viewColumn: visible?.viewColumn,
    preserveFocus: false,
  });
  const start = document.validatePosition(new vscode.Position(line - 1, column - 1));
  const end =
    endLine !== undefined && endColumn !== undefined
      ? document.validatePosition(new vscode.Position(endLine - 1, endColumn - 1))
      : document.lineAt(start.line).range.end;
  editor.selection = new vscode.Selection(start, end);
  editor.revealRange(
    new vscode.Range(start, end),
    vscode.TextEditorRevealType.InCenterIfOutsideViewport,
  );
}
