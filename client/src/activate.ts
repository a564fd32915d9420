// The VS Code extension, the same on every host: starts the Bloomline language server through
// the host's `ServerHost` (extension.ts: `bloomline lsp` in Node; browser.ts: a web worker in
// VS Code for the Web), and adds the objectives-and-outcomes tree, the commands and the status
// bar item. Everything it registers goes into context.subscriptions. activateBloomline()
// returns an API for tests: the client, the tree, and a promise for the server.
// `vscode-languageclient` is imported by its bare name: esbuild takes its Node build for the
// Node bundle and its browser build for the web one (the package's `browser` field).
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  State,
  type BaseLanguageClient,
  type CloseHandlerResult,
  type DocumentSelector,
  type ErrorHandler,
  type ErrorHandlerResult,
  type LanguageClientOptions,
} from 'vscode-languageclient';
import {
  EXPORT_REQUEST,
  OUTLINE_CHANGED_NOTIFICATION,
  OUTLINE_REQUEST,
  REPORT_REQUEST,
  type ExportParams,
  type ExportResult,
  type OutlineChangedParams,
  type OutlineParams,
  type OutlineResult,
  type ReportParams,
} from '../../server/src/protocol.js';
import type { ReportJson } from '../../server/src/core/report.js';
import { exportObjectives, type ExportSource } from './exportObjectives.js';
import { answerFileRequests } from './files.js';
import { OutlineProvider, revealItem, type OutlineSource } from './outlineTree.js';
import { exportReport, ReportPanel, type ReportSource } from './reportPanel.js';
import { RestartPolicy } from './restartPolicy.js';
import { FindingsStatus } from './statusBar.js';
import { showBloomVerbs, writeObjective } from './writeObjective.js';

export interface BloomlineApi {
  /** The current client (a new one after "Restart server" recovers from a failed start). */
  readonly client: BaseLanguageClient;
  outlineProvider: OutlineProvider;
  /** Resolves when the server has started (rejects if it could not). */
  readonly ready: Promise<void>;
}

/** How a host runs the language server. */
export interface ServerHost {
  /** A new client for a new server. `end` is called when the client is let go. */
  createClient(options: LanguageClientOptions): { client: BaseLanguageClient; end?: () => void };
  /** Can a stopped client start again on the same server (false: a new one each time)? */
  readonly restartsInPlace: boolean;
}

const SERVER_STATE = 'bloomline.serverState';
const LANGUAGES = ['markdown', 'quarto', 'rmd'];

/** The documents the server reads: Markdown, Quarto and R Markdown by their language ids
 * (Quarto's and R's extensions own `quarto` and `rmd`; Bloomline registers no language),
 * `.qmd` and `.Rmd` files by name where those extensions are not installed and they open as
 * plain text, and the Markdown cells of Jupyter notebooks (synchronised as notebooks: the
 * server's notebookDocumentSync). On disk, and on the workspace's own file system when it is
 * another (github.dev's `vscode-vfs:`, a code-server's `vscode-remote:`), never a diff's or a
 * git history's side. */
export function documentSelector(folderSchemes: readonly string[]): DocumentSelector {
  const schemes = [...new Set(['file', ...folderSchemes])];
  return [
    ...LANGUAGES.flatMap((language) => [
      ...schemes.map((scheme) => ({ scheme, language })),
      { scheme: 'untitled', language },
    ]),
    ...schemes.map((scheme) => ({ scheme, pattern: '**/*.{qmd,Rmd,rmd}' })),
    { notebook: 'jupyter-notebook', language: 'markdown' },
  ];
}

/**
 * Restarts the server whenever it stops, and says so. From the fifth crash within three
 * minutes on, each restart waits longer (restartPolicy.ts), so a server that dies on start does
 * not spin; vscode-languageclient's own handler would give up for good instead.
 */
class RestartingErrorHandler implements ErrorHandler {
  private readonly policy = new RestartPolicy();
  private noticeOpen = false;

  constructor(private readonly output: vscode.OutputChannel) {}

  error(_error: Error, _message: unknown, count: number | undefined): ErrorHandlerResult {
    // As the default handler: a few broken messages are survivable, many are not.
    return {
      action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown,
    };
  }

  async closed(): Promise<CloseHandlerResult> {
    const delay = this.policy.crashed(Date.now());
    const message =
      delay > 0
        ? `Bloomline's server keeps stopping; restarting it in ${Math.round(delay / 1000)} s.`
        : "Bloomline's server stopped and was restarted.";
    this.output.appendLine(`[${new Date().toISOString()}] ${message}`);
    this.notify(message);
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    return { action: CloseAction.Restart, handled: true };
  }

  private notify(message: string): void {
    // One notice at a time: a crash loop should not stack up a column of toasts.
    if (this.noticeOpen) return;
    this.noticeOpen = true;
    void vscode.window.showInformationMessage(message, 'Show output').then((choice) => {
      this.noticeOpen = false;
      if (choice) this.output.show(true);
    });
  }
}

/**
 * The language client, replaced by a new one when "Restart server" finds it failed to start
 * (vscode-languageclient cannot start again a client whose first start failed), and on every
 * restart where the host cannot restart a server in place (a web worker). The events outlive
 * the clients.
 */
class Server implements vscode.Disposable {
  private _client!: BaseLanguageClient;
  private endClient: (() => void) | undefined;
  private _ready!: Promise<void>;
  private listeners: vscode.Disposable[] = [];
  private readonly outlineChanged = new vscode.EventEmitter<string>();
  private readonly running = new vscode.EventEmitter<void>();
  /** `bloomline/outlineChanged`: the URI of the file whose outline changed. */
  readonly onDidChangeOutline = this.outlineChanged.event;
  /** The server is (again) up: after the start, a crash or a restart. */
  readonly onDidStart = this.running.event;

  constructor(
    private readonly host: ServerHost,
    private readonly options: LanguageClientOptions,
  ) {
    this.start();
  }

  get client(): BaseLanguageClient {
    return this._client;
  }
  /** Resolves when the current client has started; rejects if it could not. */
  get ready(): Promise<void> {
    return this._ready;
  }

  async restart(): Promise<void> {
    if (this.host.restartsInPlace && this._client.needsStop()) {
      await this._client.stop();
      this._ready = this._client.start();
      await this._ready;
      return;
    }
    this.disposeClient();
    this.start();
    await this._ready;
  }

  dispose(): void {
    this.disposeClient();
    this.outlineChanged.dispose();
    this.running.dispose();
  }

  private start(): void {
    const { client, end } = this.host.createClient(this.options);
    this._client = client;
    this.endClient = end;
    this.listeners = [
      ...answerFileRequests(client),
      client.onNotification(OUTLINE_CHANGED_NOTIFICATION, (params: OutlineChangedParams) =>
        this.outlineChanged.fire(params.uri),
      ),
      client.onDidChangeState((e) => {
        const state =
          e.newState === State.Running
            ? 'running'
            : e.newState === State.Starting
              ? 'starting'
              : 'stopped';
        void vscode.commands.executeCommand('setContext', SERVER_STATE, state);
        if (e.newState === State.Running) this.running.fire();
      }),
    ];
    this._ready = client.start();
    // Reported by initializationFailedHandler; whoever awaits `ready` still sees the rejection.
    this._ready.catch(() => undefined);
  }

  private disposeClient(): void {
    for (const d of this.listeners) d.dispose();
    this.listeners = [];
    // A client whose start failed refuses to stop; there is no process left to stop then.
    const end = this.endClient;
    this.endClient = undefined;
    this._client.dispose().then(
      () => end?.(),
      () => end?.(),
    );
  }
}

let server: Server | undefined;

export function activateBloomline(
  context: vscode.ExtensionContext,
  host: ServerHost,
): BloomlineApi {
  const subscriptions = context.subscriptions;
  const output = vscode.window.createOutputChannel('Bloomline');
  subscriptions.push(output);

  const configWatcher = vscode.workspace.createFileSystemWatcher('**/.bloomline.json');
  const markdownWatcher = vscode.workspace.createFileSystemWatcher(
    '**/*.{md,markdown,qmd,Rmd,rmd,ipynb}',
  );
  const suppressionsWatcher = vscode.workspace.createFileSystemWatcher(
    '**/bloomline-suppressions.json',
  );
  subscriptions.push(configWatcher, markdownWatcher, suppressionsWatcher);
  const errorHandler = new RestartingErrorHandler(output);
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(
      (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.scheme),
    ),
    synchronize: {
      configurationSection: 'bloomline',
      fileEvents: [configWatcher, markdownWatcher, suppressionsWatcher],
    },
    outputChannel: output,
    initializationFailedHandler: (error) => {
      const detail = error instanceof Error ? error.message : String(error);
      output.appendLine(`The server could not start: ${detail}`);
      void vscode.window
        .showErrorMessage(`Bloomline's server could not start: ${detail}`, 'Show output')
        .then((choice) => choice && output.show(true));
      // No retry: the same program would fail the same way. "Restart server" tries again.
      return false;
    },
    errorHandler,
  };

  void vscode.commands.executeCommand('setContext', SERVER_STATE, 'starting');
  const current = new Server(host, clientOptions);
  server = current;
  subscriptions.push(current);

  const source: OutlineSource = {
    async fetch(uri) {
      await current.ready;
      const params: OutlineParams = uri === undefined ? {} : { uri };
      return current.client.sendRequest<OutlineResult>(OUTLINE_REQUEST, params);
    },
  };
  const provider = new OutlineProvider(source, context.workspaceState, output);
  const view = vscode.window.createTreeView('bloomline.outline', {
    treeDataProvider: provider,
    showCollapseAll: true,
  });
  provider.attach(view);
  subscriptions.push(
    provider,
    view,
    new FindingsStatus(provider),
    current.onDidChangeOutline((uri) => provider.scheduleRefresh(uri)),
    // A (re)started server has a new view of the workspace.
    current.onDidStart(() => provider.scheduleRefresh()),
  );

  const reports: ReportSource = {
    async fetch() {
      await current.ready;
      const params: ReportParams = {};
      return current.client.sendRequest<ReportJson | null>(REPORT_REQUEST, params);
    },
    onDidChangeOutline: current.onDidChangeOutline,
  };

  const command = (id: string, run: (...args: never[]) => unknown) =>
    subscriptions.push(vscode.commands.registerCommand(id, run));
  command('bloomline.writeObjective', () => writeObjective(context.globalState));
  command('bloomline.showBloomVerbs', () => showBloomVerbs());
  command('bloomline.restartServer', async () => {
    output.appendLine('Restarting the server.');
    await current.restart();
  });
  command('bloomline.showOutput', () => output.show());
  command('bloomline.fixAll', () => fixAll());
  command('bloomline.revealItem', revealItem);
  command('bloomline.refreshOutline', () => provider.refresh());
  command('bloomline.showWorkspaceOutline', () => provider.setMode('workspace'));
  command('bloomline.showCurrentFileOutline', () => provider.setMode('current'));
  command('bloomline.showProblemsOnly', () => provider.setProblemsOnly(true));
  command('bloomline.showAllItems', () => provider.setProblemsOnly(false));
  command('bloomline.openReport', () => ReportPanel.show(reports, output));
  command('bloomline.exportReport', () => exportReport(reports, output));
  const exports: ExportSource = {
    async fetch(format) {
      await current.ready;
      const params: ExportParams = { format };
      return current.client.sendRequest<ExportResult | null>(EXPORT_REQUEST, params);
    },
  };
  command('bloomline.exportObjectives', () => exportObjectives(exports, output));

  return {
    get client() {
      return current.client;
    },
    get ready() {
      return current.ready;
    },
    outlineProvider: provider,
  };
}

/**
 * "Bloomline: Fix all auto-fixable problems" (as ESLint's and markdownlint's commands): applies
 * the server's `source.fixAll.bloomline` action to the active editor, or says there is nothing
 * to fix. Resolves with whether an edit was applied.
 */
async function fixAll(): Promise<boolean> {
  const kind = vscode.CodeActionKind.SourceFixAll.append('bloomline');
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage('Bloomline: open an outline to fix its problems.');
    return false;
  }
  const document = editor.document;
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[] | undefined>(
    'vscode.executeCodeActionProvider',
    document.uri,
    new vscode.Range(0, 0, 0, 0),
    kind.value,
  );
  const action = actions?.find((a) => a.edit && a.kind && kind.contains(a.kind));
  if (!action?.edit) {
    void vscode.window.showInformationMessage(
      'Bloomline: no problem in this file can be fixed automatically.',
    );
    return false;
  }
  return vscode.workspace.applyEdit(action.edit);
}

export function deactivateBloomline(): Thenable<void> | undefined {
  const running = server?.client;
  server = undefined;
  return running?.needsStop() ? running.stop() : undefined;
}
