// The VS Code extension: starts the Bloomline language server (the `bloomline lsp` command of
// dist/bloomline.js over Node IPC), and adds the objectives-and-outcomes tree, the commands
// and the status bar item. Everything it registers goes into context.subscriptions.
// activate() returns an API for tests: the client, the tree, and a promise for the server.
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  State,
  TransportKind,
  type CloseHandlerResult,
  type ErrorHandler,
  type ErrorHandlerResult,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
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
import { OutlineProvider, revealItem, type OutlineSource } from './outlineTree.js';
import { exportReport, ReportPanel, type ReportSource } from './reportPanel.js';
import { RestartPolicy } from './restartPolicy.js';
import { FindingsStatus } from './statusBar.js';
import { showBloomVerbs, writeObjective } from './writeObjective.js';

export interface BloomlineApi {
  /** The current client (a new one after "Restart server" recovers from a failed start). */
  readonly client: LanguageClient;
  outlineProvider: OutlineProvider;
  /** Resolves when the server has started (rejects if it could not). */
  readonly ready: Promise<void>;
}

const SERVER_STATE = 'bloomline.serverState';

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
 * The language client, replaced by a new one when "Restart server" finds it failed to start:
 * vscode-languageclient cannot start again a client whose first start failed. The events
 * outlive the clients.
 */
class Server implements vscode.Disposable {
  private _client!: LanguageClient;
  private _ready!: Promise<void>;
  private listeners: vscode.Disposable[] = [];
  private readonly outlineChanged = new vscode.EventEmitter<string>();
  private readonly running = new vscode.EventEmitter<void>();
  /** `bloomline/outlineChanged`: the URI of the file whose outline changed. */
  readonly onDidChangeOutline = this.outlineChanged.event;
  /** The server is (again) up: after the start, a crash or a restart. */
  readonly onDidStart = this.running.event;

  constructor(private readonly create: () => LanguageClient) {
    this.start();
  }

  get client(): LanguageClient {
    return this._client;
  }
  /** Resolves when the current client has started; rejects if it could not. */
  get ready(): Promise<void> {
    return this._ready;
  }

  async restart(): Promise<void> {
    if (this._client.needsStop()) {
      await this._client.restart();
      this._ready = Promise.resolve();
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
    const client = this.create();
    this._client = client;
    this.listeners = [
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
    this._client.dispose().catch(() => undefined);
  }
}

let server: Server | undefined;

export function activate(context: vscode.ExtensionContext): BloomlineApi {
  const subscriptions = context.subscriptions;
  const output = vscode.window.createOutputChannel('Bloomline');
  subscriptions.push(output);

  // The server bundle is ESM (the package is "type": "module"); fork runs it as such. The
  // client appends --node-ipc (and --clientProcessId=PID) to these arguments.
  const serverOptions: ServerOptions = {
    module: context.asAbsolutePath('dist/bloomline.js'),
    transport: TransportKind.ipc,
    args: ['lsp'],
  };
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
    // Markdown, Quarto and R Markdown by their language ids (Quarto's and R's extensions own
    // `quarto` and `rmd`; Bloomline registers no language), `.qmd` and `.Rmd` files by name
    // where those extensions are not installed and they open as plain text, and the Markdown
    // cells of Jupyter notebooks (synchronised as notebooks: the server's notebookDocumentSync).
    documentSelector: [
      ...['markdown', 'quarto', 'rmd'].flatMap((language) => [
        { scheme: 'file', language },
        { scheme: 'untitled', language },
      ]),
      { scheme: 'file', pattern: '**/*.{qmd,Rmd,rmd}' },
      { notebook: 'jupyter-notebook', language: 'markdown' },
    ],
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
  const current = new Server(
    () => new LanguageClient('bloomline', 'Bloomline', serverOptions, clientOptions),
  );
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

export function deactivate(): Thenable<void> | undefined {
  const running = server?.client;
  server = undefined;
  return running?.needsStop() ? running.stop() : undefined;
}
