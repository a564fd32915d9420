// The language server: one factory, `createServer(connection)`, in the style of
// unified-language-server. All checking stays in the core; this layer keeps the workspace index
// (every outline under the workspace folders, open documents from the editor, the rest from
// disk), analyses a document shortly after each change, publishes diagnostics for the version it
// analysed, and converts the core's answers for each request. Every handler is guarded: an
// exception is logged and answered with an empty result, never a dead process.
// No Node here: files are read through `WorkspaceFiles` (files.ts; the disk under Node, the
// client in a browser worker), so this runs in VS Code for the Web too.
import {
  DiagnosticSeverity,
  type TextEdit as LspTextEdit,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  FileChangeType,
  LSPErrorCodes,
  ResponseError,
  TextDocumentSyncKind,
  type CancellationToken,
  type Connection,
  type Diagnostic,
  type DidChangeWatchedFilesParams,
  type InitializeParams,
  type InitializeResult,
  type Location,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  buildReport,
  combineReports,
  itemsOf,
  isNotebookName,
  isOutline,
  isOutlineName,
  lexiconFor,
  LineIndex,
  readOutlineSource,
  Workspace,
  type CourseReport,
  type Finding,
  type Lexicon,
  type Outline,
  type ReportJson,
  type SourceView,
  type Span,
  type TextEdit,
} from '../core/index.js';
import { exportWorkspace } from './export.js';
import {
  EXPORT_REQUEST,
  OUTLINE_CHANGED_NOTIFICATION,
  OUTLINE_REQUEST,
  REPORT_REQUEST,
  DIAGNOSTIC_SOURCE,
  type ExportParams,
  type ExportResult,
  type OutlineChangedParams,
  type OutlineResult,
} from '../protocol.js';
import { CODE_ACTION_KINDS, codeActions } from './actions.js';
import { completion, TRIGGER_CHARACTERS } from './completion.js';
import {
  CONFIG_FILE,
  ConfigStore,
  initializationSettings,
  noSettings,
  type ConfigProblem,
  type FileConfig,
} from './config.js';
import { baseName, type WorkspaceFiles } from './files.js';
import type { DocumentView, ServerContext } from './context.js';
import { ReusedDiagnostics, sameDiagnostics, spanToRange, toDiagnostic } from './convert.js';
import { hover } from './hover.js';
import { codeLenses } from './lens.js';
import { DocumentStore } from './documents.js';
import { definition, prepareRename, references, rename } from './navigation.js';
import { CellLayout, inCells, NOTEBOOK_SELECTOR, NotebookSync, type Lines } from './notebooks.js';
import { SUPPRESSIONS_FILE, SuppressionStore } from './suppressions.js';
import { documentSymbols, workspaceSymbols } from './symbols.js';
import { digest, digestJson } from './digest.js';

export interface ServerOptions {
  /** The longest delay between a change and its analysis, in milliseconds (default 100, at
   * most 150). Changes in a burst wait as long as the document's last analysis took, up to
   * this; a small file, and the first change after a pause, are analysed at once (schedule). */
  debounceMs?: number;
  /** A full garbage collection, where the runtime lets the server ask for one (Node: main.ts);
   * run after a large file's analysis. */
  collectGarbage?: () => void;
}

const DEFAULT_DEBOUNCE_MS = 100;
/** An analysis quicker than this is not waited for at all. */
const MIN_DEBOUNCE_MS = 10;
const MAX_DEBOUNCE_MS = 150;
/** Files read per turn of the event loop while indexing, so requests are answered between. */
const INDEX_BATCH = 25;
/** Rules whose findings depend on other files: held back until the workspace is indexed, so
 * an ID defined in a file not read yet is not reported as unknown for a moment. */
const CROSS_FILE_RULES = new Set(['unknown-reference', 'missing-outcome', 'orphan-outcome']);
/** A text this long is followed by a garbage collection once analysed. */
const LARGE_TEXT = 1024 * 1024;
/** Closed files analysed again for a request are kept whole, the most recently asked for, up to
 * this many files and this much text; the others are summaries again (`trimCache`). */
const CACHED_FILES = 8;
const CACHED_CHARS = 2 * 1024 * 1024;

const SKIPPED_DIRS = /[\\/](?:node_modules|\.git|\.ipynb_checkpoints)[\\/]/;
/** Editor languages Bloomline reads (Quarto's and R Markdown's ids, from their extensions). */
const LANGUAGES = new Set(['markdown', 'quarto', 'rmd']);

export function createServer(
  connection: Connection,
  files: WorkspaceFiles,
  options: ServerOptions = {},
): BloomlineServer {
  return new BloomlineServer(connection, files, options);
}

export class BloomlineServer implements ServerContext {
  readonly ws: Workspace;
  private readonly documents = new DocumentStore({
    changed: (doc) =>
      this.guard('change', () => {
        if (this.analysed.has(doc.uri)) this.schedule(doc.uri);
        else return this.opened(doc.uri);
      }),
    closed: (doc) => this.guard('close', () => this.closed(doc)),
    refused: (message) => this.connection.console.error(`bloomline: ${message}`),
  });
  /** Open notebooks (notebook document sync) and where their cells lie in the joined text. */
  private readonly notebooks = new NotebookSync();
  private readonly layouts = new Map<string, CellLayout>();
  /** How indexed files' analysed text stands in the stored file (notebooks read from disk). */
  private readonly views = new Map<string, SourceView>();
  private readonly configs: ConfigStore;
  private readonly suppressions: SuppressionStore;
  /** What the Workspace holds, by key: the same strings the outlines were built from, or null
   * for a closed file, of which the Workspace keeps only a summary (Workspace.updateClosed):
   * a file read from disk that no editor has open. The summary holds what links, the tree, the
   * report and the export need (`closedEntries`); a request on the file itself reads it again
   * (`materialise`). */
  private readonly texts = new Map<string, string | null>();
  /** Of each file read from disk (closed, or analysed again for a request): a hash of its
   * text, which says whether it changed since it was indexed. */
  private readonly storedHashes = new Map<string, string>();
  /** Closed files analysed again for a request and kept whole for the next, oldest first. */
  private cached: string[] = [];
  /** The URI a client used for a key. */
  private readonly uris = new Map<string, string>();
  private folders: string[] = [];
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();
  /** Per open document: the version last analysed. */
  private readonly analysed = new Map<string, number>();
  /** Per open document: the findings last published. */
  private readonly openFindings = new Map<string, Finding[]>();
  /** Per open document: the diagnostics last published, reused where unchanged. */
  private readonly openDiagnostics = new Map<string, ReusedDiagnostics>();
  /** Per open document: how long its last analysis took (ms), the next debounce. */
  private readonly costs = new Map<string, number>();
  /** Per open document: when its last change came and its last analysis ended
   * (performance.now()). */
  private readonly lastChange = new Map<string, number>();
  private readonly lastAnalysed = new Map<string, number>();
  /** Per URI: what was last published, to publish only changes (kept as published: the
   * diagnostics are never changed once made, and an open document's are the ones its
   * ReusedDiagnostics keeps anyway). */
  private readonly published = new Map<string, readonly Diagnostic[]>();
  private readonly outlineHashes = new Map<string, string>();
  private readonly lineCache = new Map<string, { text: string; index: LineIndex }>();
  /** Files each file links to or from (cross-file links), from the last change. */
  private partners: ReadonlyMap<string, ReadonlySet<string>> = new Map();
  private scanGeneration = 0;
  /** Documents waiting for the config files above them to be read (`opened`). */
  private readonly lookingAbove = new Set<string>();
  /** The settings the client gave in initializationOptions: the window's when
   * workspace/configuration gives none (or the client cannot be asked). */
  private initSettings: Record<string, unknown> | null = null;
  /** The URIs of the workspace folders as the client sent them, by key. */
  private readonly folderUris = new Map<string, string>();
  /** The settings' validation errors last reported (reported once each). */
  private settingsErrors = '';
  /** Per config file URI: the problems last said about it. */
  private readonly configProblemsSaid = new Map<string, string>();
  private indexed = true;
  private readonly debounceMs: number;
  private readonly can = {
    configuration: false,
    configurationChange: false,
    watchers: false,
    folders: false,
    /** Workspace edits as versioned text document edits (the client refuses a stale one). */
    documentChanges: false,
  };

  constructor(
    private readonly connection: Connection,
    private readonly files: WorkspaceFiles,
    private readonly options: ServerOptions = {},
  ) {
    this.debounceMs = Math.min(
      MAX_DEBOUNCE_MS,
      Math.max(0, options.debounceMs ?? DEFAULT_DEBOUNCE_MS),
    );
    this.ws = new Workspace(undefined, {
      onRuleError: (ruleId, filePath, error) =>
        this.logError(`rule ${ruleId} failed on ${filePath}`, error),
      // Open documents are linted after every edit: the item rules run on changed items only.
      reuseFindings: true,
      // Closed files keep their tree's, report's and export's entries: the tree of the whole
      // workspace is made from the index, not by analysing every closed file again.
      closedEntries: true,
    });
    this.configs = new ConfigStore(files, (file, problems) =>
      this.publishConfigProblems(file, problems, true),
    );
    this.suppressions = new SuppressionStore(files, (file, problem) =>
      this.publishConfigProblems(
        file,
        problem ? [{ message: problem.message, text: '', start: 0, end: 0 }] : [],
      ),
    );
    this.register();
  }

  // -------------------------------------------------------------------------------------------
  // ServerContext

  fresh(uri: string): string | null {
    const notebook = this.notebooks.isOpen(uri) ? uri : this.notebooks.notebookOf(uri);
    if (notebook !== undefined) {
      if (
        this.pending.has(notebook) ||
        this.analysed.get(notebook) !== this.notebooks.version(notebook)
      )
        this.analyseNow(notebook);
      const key = this.files.keyOf(notebook);
      const known = notebook === uri || this.layouts.get(key)?.cell(uri) !== undefined;
      return this.texts.has(key) && known ? key : null;
    }
    const doc = this.documents.get(uri);
    if (doc && (this.pending.has(uri) || this.analysed.get(uri) !== doc.version))
      this.analyseNow(uri);
    const key = this.files.keyOf(uri);
    return this.texts.has(key) ? key : null;
  }

  view(uri: string): DocumentView | null {
    const key = this.fresh(uri);
    if (key === null) return null;
    const layout = this.layouts.get(key);
    const cell = layout?.cell(uri);
    if (layout && cell) {
      const lines = layout.linesOf(cell);
      return { key, lines, contains: lines.contains, whole: false };
    }
    return { key, lines: this.lines(key), contains: () => true, whole: true };
  }

  lineText(uri: string, line: number): string | null {
    const doc = this.documents.get(uri) ?? this.notebooks.cellDocument(uri);
    if (doc) {
      const text = doc.getText({
        start: { line, character: 0 },
        end: { line: line + 1, character: 0 },
      });
      return text.replace(/\r?\n$|\r$/, '');
    }
    const key = this.files.keyOf(uri);
    return this.texts.has(key) ? this.lines(key).lineText(line) : null;
  }

  outline(key: string): Outline | undefined {
    return this.texts.has(key) ? this.ws.get(key) : undefined;
  }

  lines(key: string): LineIndex {
    const text = this.texts.get(key) ?? '';
    const cached = this.lineCache.get(key);
    if (cached && cached.text === text) return cached.index;
    const index = new LineIndex(text);
    this.lineCache.set(key, { text, index });
    return index;
  }

  uriOf(key: string): string {
    return this.uris.get(key) ?? this.files.uriOf(key);
  }

  location(key: string, span: Span): Location {
    const inCell = this.layouts.get(key)?.locate(span);
    if (inCell) return inCell;
    // A closed file: its lines (or a notebook's as stored) from what the Workspace kept.
    if (this.texts.get(key) === null)
      return { uri: this.uriOf(key), range: this.ws.positions(key).range(span) };
    const view = this.views.get(key);
    // A notebook read from disk: lines of the file as stored, as the CLI gives them.
    if (view)
      return {
        uri: this.uriOf(key),
        range: spanToRange(this.storedLines(key, view), view.toStored(span)),
      };
    return { uri: this.uriOf(key), range: spanToRange(this.lines(key), span) };
  }

  edit(key: string, edits: readonly TextEdit[]): Record<string, LspTextEdit[]> | null {
    const layout = this.layouts.get(key);
    if (!layout && this.views.has(key)) return null; // A notebook's JSON is not edited as text.
    const closed = this.texts.get(key) === null ? this.ws.positions(key) : null;
    const changes: Record<string, LspTextEdit[]> = {};
    for (const e of edits) {
      const at = layout
        ? layout.locateWithin(e.span)
        : {
            uri: this.uriOf(key),
            range: closed ? closed.range(e.span) : spanToRange(this.lines(key), e.span),
          };
      if (!at) return null; // It spans two cells.
      (changes[at.uri] ??= []).push({ range: at.range, newText: e.newText });
    }
    return changes;
  }

  workspaceEdit(changes: Record<string, LspTextEdit[]>): WorkspaceEdit {
    if (!this.can.documentChanges) return { changes };
    // The version of an open document (a notebook's cells: none, as its cells are versioned
    // with the notebook); a file that is not open has none either.
    return {
      documentChanges: Object.entries(changes).map(([uri, edits]) => ({
        textDocument: { uri, version: this.documents.get(uri)?.version ?? null },
        edits,
      })),
    };
  }

  findings(uri: string): Finding[] {
    return this.openFindings.get(uri) ?? [];
  }

  diagnostic(key: string, finding: Finding): Diagnostic {
    return toDiagnostic(finding, this.linesAt(key, finding.span), (filePath, span) =>
      this.texts.has(filePath) ? this.location(filePath, span) : null,
    );
  }

  /** The lines a span is shown in: its notebook cell's, or the document's. */
  private linesAt(key: string, span: Span): Lines {
    const layout = this.layouts.get(key);
    const cell = layout?.cellAt(span.start);
    return layout && cell ? layout.linesOf(cell) : this.lines(key);
  }

  private storedLines(key: string, view: SourceView): LineIndex {
    const cached = this.lineCache.get(`${key}\0stored`);
    if (cached && cached.text === view.stored) return cached.index;
    const index = new LineIndex(view.stored);
    this.lineCache.set(`${key}\0stored`, { text: view.stored, index });
    return index;
  }

  lexicon(key: string): Lexicon {
    const config = this.ws.configOf(key);
    return lexiconFor(config.vaguePhrases, config.verbs);
  }

  keys(): string[] {
    return [...this.texts.keys()];
  }

  // -------------------------------------------------------------------------------------------
  // Protocol

  private register(): void {
    const c = this.connection;
    c.onInitialize((params) => {
      try {
        return this.initialize(params);
      } catch (err) {
        this.logError('initialize', err);
        return { capabilities: {} };
      }
    });
    c.onInitialized(() => this.guard('initialized', () => this.initialized()));
    c.onDidChangeConfiguration((params) =>
      this.guard('configuration', () =>
        this.configurationChanged((params as { settings?: unknown } | null)?.settings),
      ),
    );
    c.onDidChangeWatchedFiles((params) =>
      this.guard('watched files', () => this.watchedFilesChanged(params)),
    );

    this.documents.listen(c);
    this.notebooks.documents.onDidOpen((nb) =>
      this.guard('notebook open', () => this.opened(nb.uri)),
    );
    this.notebooks.documents.onDidChange((e) =>
      this.guard('notebook change', () => this.schedule(e.notebookDocument.uri)),
    );
    this.notebooks.documents.onDidClose((nb) =>
      this.guard('notebook close', () => this.closedNotebook(nb.uri)),
    );
    this.notebooks.listen(c);

    c.onCodeAction(this.request('codeAction', [], (p) => codeActions(this, p)));
    c.onCompletion(
      this.request('completion', { isIncomplete: false, items: [] }, (p) => completion(this, p)),
    );
    c.onHover(this.request('hover', null, (p) => hover(this, p)));
    c.onDocumentSymbol(this.request('documentSymbol', [], (p) => documentSymbols(this, p)));
    c.onWorkspaceSymbol(this.request('workspaceSymbol', [], (p) => workspaceSymbols(this, p)));
    c.onDefinition(this.request('definition', null, (p) => definition(this, p)));
    c.onReferences(this.request('references', [], (p) => references(this, p)));
    c.onPrepareRename(this.request('prepareRename', null, (p) => prepareRename(this, p), true));
    c.onRenameRequest(this.request('rename', null, (p) => rename(this, p), true));
    c.onCodeLens(this.request('codeLens', [], (p) => codeLenses(this, p)));
    c.onRequest(
      OUTLINE_REQUEST,
      this.request<unknown, OutlineResult>(
        'outline',
        [],
        (p) => this.outlineRequest(uriParam(OUTLINE_REQUEST, p)),
        true,
      ),
    );
    c.onRequest(
      EXPORT_REQUEST,
      this.request<ExportParams | undefined, ExportResult | null>(
        'export',
        null,
        async (p) => {
          const keys = this.selected(undefined);
          // Of every outline at once, closed ones from their summaries (which keep what the
          // export shows).
          return await exportWorkspace(
            p,
            keys.flatMap((key) => {
              const outline = this.outline(key);
              if (!outline) return [];
              // Lines of the file as stored (a notebook's JSON), as the CLI's export gives them.
              const positions = this.ws.positions(key);
              return [{ key, outline, folder: this.folderOf(key), positions }];
            }),
            this.folders,
            this.files,
          );
        },
        true,
      ),
    );
    c.onRequest(
      REPORT_REQUEST,
      this.request<unknown, ReportJson | null>(
        'report',
        null,
        (p) => this.reportRequest(uriParam(REPORT_REQUEST, p)),
        true,
      ),
    );
  }

  private initialize(params: InitializeParams): InitializeResult {
    const caps = params.capabilities ?? {};
    this.can.configuration = caps.workspace?.configuration === true;
    this.can.configurationChange =
      caps.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    this.can.watchers = caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    this.can.folders = caps.workspace?.workspaceFolders === true;
    this.can.documentChanges = caps.workspace?.workspaceEdit?.documentChanges === true;
    this.initSettings = initializationSettings(params.initializationOptions);
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? [];
    if (!folders.length && params.rootUri) folders.push(params.rootUri);
    this.folders = folders.map((f) => this.files.keyOf(f)).filter((k) => this.files.isFile(k));
    for (const f of folders) this.folderUris.set(this.files.keyOf(f), f);
    // rootPath (deprecated): only an absolute path means anything.
    if (!folders.length && params.rootPath && this.files.isFile(params.rootPath))
      this.folders = [params.rootPath];
    this.indexed = this.folders.length === 0;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        notebookDocumentSync: { notebookSelector: NOTEBOOK_SELECTOR },
        codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS, resolveProvider: false },
        completionProvider: { triggerCharacters: TRIGGER_CHARACTERS, resolveProvider: false },
        hoverProvider: true,
        documentSymbolProvider: { label: 'Bloomline' },
        workspaceSymbolProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        codeLensProvider: { resolveProvider: false },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'bloomline' },
    };
  }

  private async initialized(): Promise<void> {
    const c = this.connection;
    if (this.can.configurationChange)
      void c.client.register(DidChangeConfigurationNotification.type, { section: 'bloomline' });
    if (this.can.watchers) {
      void c.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [
          { globPattern: '**/*.{md,markdown,qmd,Rmd,rmd,ipynb}' },
          { globPattern: `**/${CONFIG_FILE}` },
          { globPattern: `**/${SUPPRESSIONS_FILE}` },
        ],
      });
    }
    if (this.can.folders) {
      c.workspace.onDidChangeWorkspaceFolders((e) =>
        this.guard('workspace folders', () => {
          const removed = new Set(e.removed.map((f) => this.files.keyOf(f.uri)));
          for (const f of e.added) this.folderUris.set(this.files.keyOf(f.uri), f.uri);
          this.folders = this.folders
            .filter((f) => !removed.has(f))
            .concat(
              e.added.map((f) => this.files.keyOf(f.uri)).filter((k) => this.files.isFile(k)),
            );
          // The new folders' own settings first, so their files are read with them.
          return this.loadSettings().then(() => this.rescan());
        }),
      );
    }
    if (this.can.configuration) await this.loadSettings();
    else if (this.initSettings) this.applySettings(this.initSettings);
    await this.rescan();
  }

  /** Asks the client for the `bloomline` settings, of the window and of each workspace folder
   * (its URI as scopeUri: a multi-root workspace's folders may each have their own); true when
   * they changed. */
  private async loadSettings(): Promise<boolean> {
    if (!this.can.configuration) return false;
    const folders = [...this.folders];
    let answers: unknown[];
    try {
      answers = await this.connection.workspace.getConfiguration([
        { section: 'bloomline' },
        ...folders.map((f) => ({ scopeUri: this.folderUri(f), section: 'bloomline' })),
      ]);
    } catch (err) {
      this.logError('reading the bloomline settings', err);
      return false;
    }
    if (!Array.isArray(answers)) answers = [];
    // An answer with no settings: the window's are initializationOptions' (if any), and a
    // folder's are the window's.
    const window = this.configs.setSettings(
      noSettings(answers[0]) ? this.initSettings : answers[0],
    );
    let changed = window.changed;
    const errors = [...window.errors];
    const own: string[] = [];
    folders.forEach((folder, i) => {
      const answer = answers[i + 1];
      if (noSettings(answer)) return;
      own.push(folder);
      const result = this.configs.setSettings(answer, folder);
      if (result.changed) changed = true;
      for (const e of result.errors) if (!errors.includes(e)) errors.push(e);
    });
    if (this.configs.keepFolderSettings(own)) changed = true;
    this.saySettingsErrors(errors);
    return changed;
  }

  /** Settings the client pushed (no workspace/configuration): the same for every folder. */
  private applySettings(settings: unknown): boolean {
    const { errors, changed } = this.configs.setSettings(settings);
    this.saySettingsErrors(errors);
    return this.configs.keepFolderSettings([]) || changed;
  }

  private saySettingsErrors(errors: readonly string[]): void {
    const said = errors.join('; ');
    if (said === this.settingsErrors) return;
    this.settingsErrors = said;
    if (!said) return;
    const message = `Bloomline settings: ${said}. The other settings apply.`;
    this.connection.console.error(message);
    void this.connection.window.showWarningMessage(message);
  }

  /** The URI of a workspace folder as the client named it. */
  private folderUri(folder: string): string {
    return this.folderUris.get(folder) ?? this.files.uriOf(folder);
  }

  private async configurationChanged(settings: unknown): Promise<void> {
    const changed = this.can.configuration
      ? await this.loadSettings()
      : this.applySettings(
          noSettings((settings as { bloomline?: unknown } | null)?.bloomline)
            ? this.initSettings
            : (settings as { bloomline: unknown }).bloomline,
        );
    // Clients send the same settings again at start and on unrelated changes.
    if (changed) await this.rescan();
  }

  private request<P, R>(
    name: string,
    fallback: R,
    handler: (params: P) => R | Promise<R>,
    rethrowResponseErrors = false,
  ): (params: P, token?: CancellationToken) => Promise<R | ResponseError<void>> {
    return async (params, token) => {
      if (token?.isCancellationRequested)
        return new ResponseError(LSPErrorCodes.RequestCancelled, `${name} was cancelled`);
      // A client's mistake is said to it, not answered as if the request meant something.
      const malformed = malformedParams(params);
      if (malformed) return new ResponseError(ErrorCodes.InvalidParams, `${name}: ${malformed}`);
      try {
        // A request on a document the editor does not have open (a closed file): its whole
        // model first.
        const uri = (params as { textDocument?: { uri?: unknown } } | undefined)?.textDocument?.uri;
        const key = typeof uri === 'string' ? this.files.keyOf(uri) : null;
        if (key !== null && this.texts.get(key) === null) {
          await this.materialise([key]);
          try {
            return await handler(params);
          } finally {
            this.trimCache();
          }
        }
        return await handler(params);
      } catch (err) {
        if (rethrowResponseErrors && err instanceof ResponseError) return err;
        this.logError(name, err);
        return fallback;
      }
    };
  }

  /** Runs a notification handler; an exception is logged, never thrown at the connection. */
  private guard(name: string, fn: () => unknown): void {
    try {
      const result = fn();
      if (result instanceof Promise) result.catch((err) => this.logError(name, err));
    } catch (err) {
      this.logError(name, err);
    }
  }

  private logError(what: string, err: unknown): void {
    const detail = err instanceof Error ? (err.stack ?? err.message) : String(err);
    this.connection.console.error(`bloomline: ${what}: ${detail}`);
  }

  // -------------------------------------------------------------------------------------------
  // Documents

  /**
   * Analyses a changed document, at once or after a wait as long as its last analysis took (at
   * most the debounce). A small file (an analysis under 10 ms) is analysed at once after every
   * change. A longer one is analysed at once after a pause (no change, and no analysis, for as
   * long as the wait), so that the first keystroke after a pause gets its diagnostics as soon
   * as they are made; changes that come in a burst wait until it pauses for as long as the
   * wait, each change starting it again: while typing goes on, the server spends at most about
   * half its time on analyses the next keystroke makes stale.
   */
  private schedule(uri: string): void {
    const prev = this.pending.get(uri);
    if (prev) clearTimeout(prev);
    const cost = this.costs.get(uri) ?? this.debounceMs;
    const wait = cost < MIN_DEBOUNCE_MS ? 0 : Math.min(this.debounceMs, Math.round(cost));
    const now = performance.now();
    const quiet =
      prev === undefined &&
      now - (this.lastChange.get(uri) ?? -Infinity) > wait &&
      now - (this.lastAnalysed.get(uri) ?? -Infinity) > wait;
    this.lastChange.set(uri, now);
    const delay = quiet ? 0 : wait;
    this.pending.set(
      uri,
      setTimeout(() => {
        this.pending.delete(uri);
        this.guard('analysis', () => this.analyseNow(uri));
      }, delay),
    );
  }

  /** A document analysed for the first time. One outside the workspace folders waits for the
   * config files above it to be read (the folders' were read by the scan), so that its first
   * diagnostics are those of its configuration. */
  private opened(uri: string): void | Promise<void> {
    const key = this.files.keyOf(uri);
    if (!this.configs.needsLook(key)) return this.analyseNow(uri);
    if (this.lookingAbove.has(uri)) return;
    this.lookingAbove.add(uri);
    return this.configs.lookAbove(key).then(
      (found) => {
        this.lookingAbove.delete(uri);
        // Analysed meanwhile (a request came): again only when a config file turned up.
        const open = this.documents.get(uri) !== undefined || this.notebooks.isOpen(uri);
        if (open && (found || !this.analysed.has(uri))) this.analyseNow(uri);
      },
      (err: unknown) => {
        this.lookingAbove.delete(uri);
        throw err;
      },
    );
  }

  /** Analyses an open document's current text now and publishes what changed. */
  private analyseNow(uri: string): void {
    const t0 = performance.now();
    const key = this.files.keyOf(uri);
    const before = this.texts.get(key);
    this.analyseDocument(uri);
    this.afterChange([key], uri, before !== this.texts.get(key));
    const t1 = performance.now();
    this.costs.set(uri, t1 - t0);
    this.lastAnalysed.set(uri, t1);
  }

  private analyseDocument(uri: string): void {
    const timer = this.pending.get(uri);
    if (timer) clearTimeout(timer);
    this.pending.delete(uri);
    if (this.notebooks.isOpen(uri)) {
      this.analyseNotebook(uri);
      return;
    }
    const doc = this.documents.get(uri);
    if (!doc) return;
    const key = this.files.keyOf(uri);
    this.uris.set(key, uri);
    this.analysed.set(uri, doc.version);
    const fc = this.configFor(key);
    if (isMarkdownDocument(doc, key) && this.configs.accepts(fc, key))
      this.setFile(key, doc.getText(), fc);
    else this.removeFile(key);
  }

  /** Joins an open notebook's Markdown cells and analyses them under the notebook's key. */
  private analyseNotebook(uri: string): void {
    const key = this.files.keyOf(uri);
    this.uris.set(key, uri);
    this.analysed.set(uri, this.notebooks.version(uri) ?? 0);
    const layout = new CellLayout(this.notebooks.markdownCells(uri));
    const before = this.layouts.get(key);
    // Cells that went away keep no diagnostics.
    for (const cell of before?.cells ?? []) if (!layout.cell(cell.uri)) this.clearCell(cell.uri);
    this.layouts.set(key, layout);
    this.views.delete(key);
    const fc = this.configFor(key);
    if (this.configs.accepts(fc, key)) this.setFile(key, layout.text, fc);
    else this.removeFile(key);
  }

  private closedNotebook(uri: string): void | Promise<void> {
    const timer = this.pending.get(uri);
    if (timer) clearTimeout(timer);
    this.pending.delete(uri);
    this.analysed.delete(uri);
    this.forgetTimes(uri);
    const key = this.files.keyOf(uri);
    this.ws.forgetFindings(key);
    for (const cell of this.layouts.get(key)?.cells ?? []) this.clearCell(cell.uri);
    this.layouts.delete(key);
    return this.restoreStored(key);
  }

  private forgetTimes(uri: string): void {
    this.costs.delete(uri);
    this.lastChange.delete(uri);
    this.lastAnalysed.delete(uri);
  }

  private clearCell(cellUri: string): void {
    this.openFindings.delete(cellUri);
    if (this.published.has(cellUri)) this.publish(cellUri, []);
    this.published.delete(cellUri);
  }

  private closed(doc: TextDocument): void | Promise<void> {
    const uri = doc.uri;
    const timer = this.pending.get(uri);
    if (timer) clearTimeout(timer);
    this.pending.delete(uri);
    this.analysed.delete(uri);
    this.openFindings.delete(uri);
    this.openDiagnostics.delete(uri);
    this.forgetTimes(uri);
    this.ws.forgetFindings(this.files.keyOf(uri));
    // Diagnostics of another kind of document (a .bloomline.json problem) stay.
    if (isMarkdownDocument(doc, this.files.keyOf(uri))) {
      this.publish(uri, []);
      this.published.delete(uri);
    }
    return this.restoreStored(this.files.keyOf(uri));
  }

  private isOpen(key: string): boolean {
    if (this.layouts.has(key)) return true;
    const uri = this.uris.get(key);
    return uri !== undefined && this.documents.get(uri) !== undefined;
  }

  private inFolders(key: string): boolean {
    return this.folders.some((f) => this.files.isInside(key, f));
  }

  private folderOf(key: string): string | null {
    let best: string | null = null;
    for (const f of this.folders)
      if (this.files.isInside(key, f) && (!best || f.length > best.length)) best = f;
    return best;
  }

  private configFor(key: string): FileConfig {
    return this.configs.forFile(key, this.folderOf(key));
  }

  private setFile(
    key: string,
    text: string,
    fc: FileConfig = this.configFor(key),
    view: SourceView | null = this.views.get(key) ?? null,
  ): void {
    const before = this.texts.get(key);
    this.ws.update(key, text, fc.config, view);
    this.texts.set(key, text);
    // After a large file's analysis, its garbage (a parse makes many times the file's size) is
    // collected at once, so that the next large message or analysis starts from a compact heap
    // rather than on top of it (the server's peak on a 19 MB file was 10% lower).
    if (text.length > LARGE_TEXT && text !== before) this.options.collectGarbage?.();
  }

  private removeFile(key: string): void {
    this.views.delete(key);
    this.storedHashes.delete(key);
    if (!this.texts.delete(key)) return;
    this.ws.remove(key);
    this.lineCache.delete(key);
    this.lineCache.delete(`${key}\0stored`);
  }

  /** Would a folder walk take this file? The configuration's `files` (when set), else the
   * outline files read by default (Markdown, Quarto, R Markdown, notebooks); never `ignores`. */
  private takesFromDisk(key: string): boolean {
    if (!this.files.isFile(key) || SKIPPED_DIRS.test(key)) return false;
    const fc = this.configFor(key);
    return (fc.config.files.length > 0 || isOutlineName(key)) && this.configs.accepts(fc, key);
  }

  /** Sets a file's text as stored (read by `readStored`) into the index, closed: the Workspace
   * keeps the summary that other files link with, not the text or the model. */
  private setStored(key: string, read: Stored, fc: FileConfig = this.configFor(key)): void {
    if (read.view) this.views.set(key, read.view);
    else this.views.delete(key);
    this.storedHashes.set(key, digest(read.text));
    this.ws.updateClosed(key, read.text, fc.config, read.view);
    this.texts.set(key, null);
    this.lineCache.delete(key);
    this.lineCache.delete(`${key}\0stored`);
    this.cached = this.cached.filter((k) => k !== key);
  }

  /**
   * Analyses closed files whole again, from the file as stored, for a request that needs their
   * models (a request on the file itself: hover, code lenses ...). They stay whole
   * until `trimCache` lets them go. A file that changed on disk since it was indexed is indexed
   * anew (what a watcher would say soon); one that cannot be read stays a summary.
   */
  private async materialise(keys: readonly string[]): Promise<void> {
    const wanted = keys.filter((key) => this.texts.get(key) === null);
    for (const key of keys) {
      // Asked for again: the most recently used.
      const at = this.cached.indexOf(key);
      if (at >= 0) this.cached.push(...this.cached.splice(at, 1));
    }
    if (!wanted.length) return;
    const reads = await Promise.all(wanted.map((key) => this.readStored(key)));
    const changed: string[] = [];
    wanted.forEach((key, i) => {
      const read = reads[i];
      // Opened, removed or read again meanwhile: what the index has now stands.
      if (!read || this.texts.get(key) !== null) return;
      const hash = digest(read.text);
      if (hash !== this.storedHashes.get(key)) changed.push(key);
      this.storedHashes.set(key, hash);
      if (read.view) this.views.set(key, read.view);
      else this.views.delete(key);
      // Parsed in one go, no parse kept: it is not edited here.
      this.ws.reopen(key, read.text, this.configFor(key).config, read.view);
      this.texts.set(key, read.text);
      this.cached.push(key);
    });
    if (changed.length) this.afterChange(changed);
  }

  /** Lets the closed files analysed again for requests go back to summaries, but for the most
   * recently asked for (CACHED_FILES, CACHED_CHARS). */
  private trimCache(): void {
    let chars = 0;
    const keep: string[] = [];
    for (let i = this.cached.length - 1; i >= 0; i--) {
      const key = this.cached[i]!;
      const text = this.texts.get(key);
      // Opened meanwhile (the editor's now), removed, or closed again: not the cache's.
      if (typeof text !== 'string' || this.isOpen(key)) continue;
      if (keep.length < CACHED_FILES && chars + text.length <= CACHED_CHARS) {
        chars += text.length;
        keep.unshift(key);
        continue;
      }
      this.ws.close(key);
      this.texts.set(key, null);
      this.lineCache.delete(key);
      this.lineCache.delete(`${key}\0stored`);
    }
    this.cached = keep;
  }

  /** Once a document is closed, the file as stored is what the workspace knows again (or
   * nothing, for a document that was never saved or lies outside the workspace folders). Until
   * it is read, the editor's last text stands. */
  private restoreStored(key: string): void | Promise<void> {
    if (!this.inFolders(key) || !this.takesFromDisk(key)) {
      this.removeFile(key);
      this.afterChange([key]);
      return;
    }
    return this.readStored(key).then((read) => {
      if (this.isOpen(key)) return; // Opened again meanwhile: the editor's text wins.
      if (read) this.setStored(key, read);
      else this.removeFile(key);
      this.afterChange([key]);
    });
  }

  /** A file's analysed text (a notebook's Markdown cells) and, for a notebook, its view; null
   * when it cannot be read. */
  private async readStored(key: string): Promise<Stored | null> {
    const read = await this.files.read(key);
    if (!read.ok) return null;
    const source = readOutlineSource(key, read.text);
    if (source.problem) {
      this.connection.console.warn(`bloomline: ${key}: ${source.problem.message}`);
      return null;
    }
    return { text: source.text, view: isNotebookName(key) ? source.view : null };
  }

  // -------------------------------------------------------------------------------------------
  // After a change: diagnostics of open documents, outline notifications

  /**
   * Re-lints every open document (a change in one file can resolve or break references in
   * another) and publishes those whose diagnostics changed; tells the client about outlines
   * that changed among the changed files, the files linked to or from them, and open ones.
   */
  private afterChange(changed: Iterable<string>, analysedUri?: string, textChanged = false): void {
    const affected = new Set(changed);
    const before = this.partners;
    this.partners = this.ws.linkPartners();
    for (const key of [...affected]) {
      for (const p of before.get(key) ?? []) affected.add(p);
      for (const p of this.partners.get(key) ?? []) affected.add(p);
    }
    for (const doc of this.documents.all()) {
      const uri = doc.uri;
      const key = this.files.keyOf(uri);
      affected.add(key);
      if (!isMarkdownDocument(doc, key)) continue;
      // A document with an analysis pending publishes when that runs.
      if (this.pending.has(uri) || this.analysed.get(uri) !== doc.version) continue;
      this.publishFindings(uri, key, doc.version, uri === analysedUri);
    }
    for (const uri of this.notebooks.all()) {
      const key = this.files.keyOf(uri);
      affected.add(key);
      if (this.pending.has(uri) || this.analysed.get(uri) !== this.notebooks.version(uri)) continue;
      this.publishNotebook(key, uri === analysedUri);
    }
    const analysedKey = analysedUri === undefined ? undefined : this.files.keyOf(analysedUri);
    for (const key of affected) {
      // The document just edited: its outline is announced as changed without comparing it
      // (its JSON, made only to be compared, cost as much as the rest of the analysis of a long
      // outline); the client asks for it only when its tree is shown.
      if (key === analysedKey && textChanged) this.announceOutline(key);
      else this.notifyOutline(key);
    }
  }

  /** Publishes an open document's findings: always for the document just analysed (each
   * version it was analysed at gets its diagnostics), otherwise only when they changed. */
  private publishFindings(uri: string, key: string, version: number, always: boolean): void {
    const outline = this.outline(key);
    if (outline?.declined) {
      // Too large or nested too deep (core/limits.ts): one notice instead of silence, so the
      // author knows why this file has no findings.
      this.openFindings.set(uri, []);
      this.publish(uri, [declinedDiagnostic(this.lines(key), outline)], version, always);
      return;
    }
    let findings = this.texts.has(key) ? this.ws.lint(key) : [];
    if (!this.indexed) findings = findings.filter((f) => !CROSS_FILE_RULES.has(f.ruleId));
    findings = this.suppressions.apply(key, this.folderOf(key), findings);
    this.openFindings.set(uri, findings);
    let reuse = this.openDiagnostics.get(uri);
    if (!reuse) this.openDiagnostics.set(uri, (reuse = new ReusedDiagnostics()));
    const lines = this.lines(key);
    const diagnostics = reuse.convert(findings, lines, (filePath, span) =>
      this.texts.has(filePath) ? this.location(filePath, span) : null,
    );
    // What the author is told once for the file (objectives in another language), as the CLI
    // says it on stderr: after the findings, so that the reused ones keep their order.
    const notes = outline ? noteDiagnostics(outline, (span) => spanToRange(lines, span)) : [];
    this.publish(uri, notes.length ? [...diagnostics, ...notes] : diagnostics, version, always);
  }

  /** Publishes an open notebook's findings on the cells they stand in (each cell's own lines). */
  private publishNotebook(key: string, always: boolean): void {
    const layout = this.layouts.get(key);
    if (!layout) return;
    const outline = this.outline(key);
    const byCell = new Map<string, Finding[]>(layout.cells.map((c) => [c.uri, []]));
    const declined = outline?.declined
      ? [declinedDiagnostic(layout.linesOf(layout.cells[0]!), outline)]
      : null;
    if (!declined) {
      let findings = this.texts.has(key) ? this.ws.lint(key) : [];
      if (!this.indexed) findings = findings.filter((f) => !CROSS_FILE_RULES.has(f.ruleId));
      findings = this.suppressions.apply(key, this.folderOf(key), findings);
      for (const f of findings) {
        const cell = layout.cellAt(f.span.start);
        if (cell) byCell.get(cell.uri)!.push(f);
      }
    }
    // Notes for the editor (objectives in another language), on the cell they stand in.
    const notes = new Map<string, Diagnostic[]>();
    if (!declined && outline)
      for (const note of outline.notes) {
        if (!note.editor) continue;
        const at = layout.locate(note.span);
        if (!at) continue;
        const [d] = noteDiagnostics({ notes: [note] }, () => at.range);
        if (d) notes.set(at.uri, [...(notes.get(at.uri) ?? []), d]);
      }
    layout.cells.forEach((cell, i) => {
      const findings = byCell.get(cell.uri)!;
      this.openFindings.set(cell.uri, findings);
      const version = this.notebooks.cellDocument(cell.uri)?.version;
      const diagnostics =
        declined && i === 0
          ? declined
          : [...findings.map((f) => this.diagnostic(key, f)), ...(notes.get(cell.uri) ?? [])];
      this.publish(cell.uri, diagnostics, version, always);
    });
  }

  private publish(uri: string, diagnostics: Diagnostic[], version?: number, always = false): void {
    const last = this.published.get(uri);
    if (!always && last !== undefined && sameDiagnostics(last, diagnostics)) return;
    this.published.set(uri, diagnostics);
    void this.connection.sendDiagnostics({
      uri,
      diagnostics,
      ...(version !== undefined ? { version } : {}),
    });
  }

  private notifyOutline(key: string): void {
    const outline = this.outline(key);
    const hash =
      outline && isOutline(outline)
        ? this.storedHashes.has(key) && !this.isOpen(key)
          ? this.storedFingerprint(key, outline)
          : digestJson(this.ws.outlineJson(key))
        : '';
    if ((this.outlineHashes.get(key) ?? '') === hash) return;
    if (hash) this.outlineHashes.set(key, hash);
    else this.outlineHashes.delete(key);
    const params: OutlineChangedParams = { uri: this.uriOf(key) };
    void this.connection.sendNotification(OUTLINE_CHANGED_NOTIFICATION, params);
  }

  /**
   * What the tree of a file read from disk shows changes with, without its whole model (a
   * closed file has only its summary): its text, its configuration, and its links with where
   * and what the linked items are (as `outlineJson` locates them). Equal fingerprints, equal
   * trees; it is compared only with the file's own last one.
   */
  private storedFingerprint(key: string, outline: Outline): string {
    const located = new Map<string, Map<string, string>>();
    const locate = (file: string, id: string): string => {
      let ids = located.get(file);
      if (!ids) {
        ids = new Map();
        const other = this.ws.get(file);
        if (other) {
          const positions = this.ws.positions(file);
          for (const item of itemsOf(other))
            if (!ids.has(item.id))
              ids.set(item.id, `${positions.range(item.textSpan).start.line}:${item.text}`);
        }
        located.set(file, ids);
      }
      return ids.get(id) ?? '';
    };
    const links: unknown[] = [];
    for (const item of itemsOf(outline)) {
      const list =
        item.kind === 'objective' ? [...item.outcomes, ...item.assessments] : item.objectives;
      links.push(
        list.map((l) => [
          l.id,
          l.implied,
          l.via,
          l.filePath ?? '',
          locate(l.filePath ?? key, l.id),
        ]),
      );
    }
    return digestJson([this.storedHashes.get(key), this.ws.configOf(key), links]);
  }

  /** Tells the client an outline changed, without comparing (its fingerprint is forgotten, so
   * the next comparison announces it once more at most). */
  private announceOutline(key: string): void {
    const outline = this.outline(key);
    const was = this.outlineHashes.delete(key);
    if (!was && !(outline && isOutline(outline))) return;
    const params: OutlineChangedParams = { uri: this.uriOf(key) };
    void this.connection.sendNotification(OUTLINE_CHANGED_NOTIFICATION, params);
  }

  /** A diagnostic on an invalid `.bloomline.json` for each of its problems (none once it is
   * valid again). A config file's new problems are also said in a window message: the file is
   * seldom open, and a setting that silently does nothing is what the diagnostics prevent. */
  private publishConfigProblems(
    file: string,
    problems: readonly ConfigProblem[],
    tell = false,
  ): void {
    const uri = this.uriOf(file);
    const said = problems.map((p) => p.message).join('\n');
    const before = this.configProblemsSaid.get(uri) ?? '';
    if (said) this.configProblemsSaid.set(uri, said);
    else this.configProblemsSaid.delete(uri);
    if (!problems.length) {
      if (this.published.has(uri)) this.publish(uri, []);
      return;
    }
    this.publish(
      uri,
      problems.map((problem) => ({
        range: spanToRange(new LineIndex(problem.text), { start: problem.start, end: problem.end }),
        severity: DiagnosticSeverity.Error,
        source: DIAGNOSTIC_SOURCE,
        message: problem.message,
      })),
    );
    if (tell && said !== before) {
      const n = problems.length;
      const message =
        n === 1
          ? `Bloomline: ${file}: ${problems[0]!.message}`
          : `Bloomline: ${file} has ${n} problems (listed in the Problems panel): its bad settings are left out, the rest of the file applies.`;
      this.connection.console.error(message);
      void this.connection.window.showWarningMessage(message);
    }
  }

  // -------------------------------------------------------------------------------------------
  // The workspace index

  /** Indexes the workspace folders again (at start, and after settings or a config file
   * changed); a newer scan supersedes one still running. */
  private rescan(): Promise<void> {
    const generation = ++this.scanGeneration;
    return this.scan(generation).catch((err) => this.logError('indexing', err));
  }

  private async scan(generation: number): Promise<void> {
    const current = () => generation === this.scanGeneration;
    // First what decides which files are read and how: the config files, the suppressions.
    const folders = [...this.folders];
    await Promise.all([this.configs.loadFolders(folders), this.suppressions.loadFolders(folders)]);
    if (!current()) return;
    const search = this.configs.selectsOtherFiles() ? 'all' : 'outlines';
    const seen = new Set<string>();
    for (const folder of folders) {
      let found: string[];
      try {
        found = await this.files.find(folder, search, (message) =>
          this.connection.console.warn(`bloomline: ${message}`),
        );
      } catch (err) {
        this.connection.console.warn(
          `bloomline: cannot read the workspace folder ${folder}: ${errorText(err)}`,
        );
        continue;
      }
      if (!current()) return;
      const keys = found.filter((key) => this.takesFromDisk(key));
      for (let i = 0; i < keys.length; i += INDEX_BATCH) {
        const batch = keys.slice(i, i + INDEX_BATCH);
        for (const key of batch) seen.add(key);
        // Files read before are kept up to date by the watchers: not read again, but for a
        // closed one whose new configuration reads its text otherwise (other words).
        const reads = await Promise.all(
          batch.map((key) =>
            this.isOpen(key) ||
            (this.texts.has(key) &&
              (this.texts.get(key) !== null ||
                this.ws.reconfigureClosed(key, this.configFor(key).config)))
              ? null
              : this.readStored(key),
          ),
        );
        if (!current()) return;
        batch.forEach((key, j) => {
          if (this.isOpen(key)) return;
          const read = reads[j];
          const fc = this.configFor(key);
          const text = this.texts.get(key);
          if (read) this.setStored(key, read, fc);
          else if (typeof text === 'string')
            this.setFile(key, text, fc, this.views.get(key) ?? null);
          else if (text === null && !this.ws.reconfigureClosed(key, fc.config))
            this.removeFile(key); // Could not be read again: gone.
        });
        // Requests are answered between batches.
        await nextTurn();
        if (!current()) return;
      }
    }
    for (const key of [...this.texts.keys()])
      if (!seen.has(key) && !this.isOpen(key) && this.inFolders(key)) this.removeFile(key);
    // Open documents: their configuration may have changed too.
    for (const doc of this.documents.all()) this.analyseDocument(doc.uri);
    for (const uri of this.notebooks.all()) this.analyseNotebook(uri);
    this.indexed = true;
    this.afterChange(this.texts.keys());
  }

  private async watchedFilesChanged(params: DidChangeWatchedFilesParams | null): Promise<void> {
    let configChanged = false;
    const suppressions = new Set<string>();
    const changed: string[] = [];
    const deleted = new Set<string>();
    // A malformed notification (no changes, a change without a string URI) is passed over:
    // there is no one to answer.
    const changes: unknown[] = Array.isArray(params?.changes) ? params.changes : [];
    for (const change of changes as DidChangeWatchedFilesParams['changes']) {
      if (typeof change?.uri !== 'string') continue;
      const key = this.files.keyOf(change.uri);
      if (!this.files.isFile(key)) continue;
      const name = baseName(key);
      if (name === SUPPRESSIONS_FILE) {
        this.uris.set(key, change.uri);
        const folder = this.files.dirname(key);
        if (this.folders.includes(folder)) suppressions.add(folder);
        continue;
      }
      if (name === CONFIG_FILE) {
        configChanged = true;
        this.uris.set(key, change.uri);
        continue;
      }
      if (this.isOpen(key)) continue;
      if (!this.texts.has(key) && !(this.inFolders(key) && this.takesFromDisk(key))) continue;
      if (!changed.includes(key)) changed.push(key);
      if (change.type === FileChangeType.Deleted) deleted.add(key);
      else deleted.delete(key);
    }
    if (configChanged) return this.rescan();
    const [reads] = await Promise.all([
      Promise.all(
        changed.map((key) =>
          !deleted.has(key) && this.inFolders(key) && this.takesFromDisk(key)
            ? this.readStored(key)
            : null,
        ),
      ),
      ...[...suppressions].map((folder) => this.suppressions.reload(folder)),
    ]);
    changed.forEach((key, i) => {
      if (this.isOpen(key)) return; // Opened meanwhile: the editor's text wins.
      const read = reads[i];
      if (read) this.setStored(key, read);
      else this.removeFile(key);
    });
    if (changed.length || suppressions.size) this.afterChange(changed);
  }

  // -------------------------------------------------------------------------------------------
  // Custom requests

  /** The tree entries of a file, or of every file: closed ones made from their summaries (the
   * index keeps what the tree shows: `closedEntries`), none analysed again. */
  private outlineRequest(uri: string | undefined): OutlineResult {
    const entries: OutlineResult = [];
    for (const key of this.selected(uri)) {
      const outline = this.outline(key);
      if (!outline || !isOutline(outline)) continue;
      const json = this.ws.outlineJson(key);
      const layout = this.layouts.get(key);
      entries.push({ ...(layout ? inCells(json, outline, layout) : json), uri: this.uriOf(key) });
    }
    return entries;
  }

  /** The report of a file, or of every file: closed ones from their summaries. */
  private reportRequest(uri: string | undefined): ReportJson {
    const courses: CourseReport[] = [];
    for (const key of this.selected(uri)) {
      const outline = this.outline(key);
      if (!outline || !isOutline(outline)) continue;
      // Lines of the file as stored (a notebook's JSON), as the tree gives them.
      const made = buildReport(
        [outline],
        () => this.ws.positions(key),
        () => this.ws.kindOf(key),
      );
      courses.push(...made.courses);
    }
    return combineReports([{ courses }]);
  }

  /** The file a request names (brought up to date), or every indexed file. */
  private selected(uri: string | undefined): string[] {
    if (uri === undefined) {
      for (const doc of this.documents.all())
        if (this.pending.has(doc.uri)) this.analyseNow(doc.uri);
      return this.keys();
    }
    const key = this.fresh(uri);
    return key === null ? [] : [key];
  }
}

/**
 * The `uri` of `bloomline/outline` and `bloomline/report` params (`{ uri?: string }`; none,
 * null or `{}`: every outline). Params of another shape are an InvalidParams error that says
 * what was expected, so a client's mistake is not taken for "no outline here". A URI the
 * server does not know is no error: it answers for no file.
 */
export function uriParam(method: string, params: unknown): string | undefined {
  const refuse = (message: string): never => {
    throw new ResponseError(ErrorCodes.InvalidParams, `${method}: ${message}`);
  };
  if (params === undefined || params === null) return undefined;
  if (typeof params !== 'object' || Array.isArray(params))
    refuse(`params must be an object ({ "uri"?: string }), not ${shownValue(params)}`);
  const uri = (params as { uri?: unknown }).uri;
  if (uri === undefined) return undefined;
  const example = '"file:///course/week1.md"';
  if (typeof uri !== 'string')
    refuse(`"uri" must be a string (a document URI such as ${example}), not ${shownValue(uri)}`);
  // A scheme of two letters or more ("C:" is a drive, not a scheme).
  if (!/^[A-Za-z][A-Za-z0-9+.-]+:/.test(uri as string))
    refuse(`"uri" must be a URI such as ${example}, not the path ${shownValue(uri)}`);
  return uri as string;
}

/**
 * What is wrong with the parts of a request's params that every request shares, or null: a
 * `textDocument` without a string `uri`, a `position` that is not two whole numbers 0 or more
 * (one past a line's end is fine: LSP clamps it) or a `range` not two such positions, a
 * `context` that is no object, a `newName` or `query` that is no string.
 */
function malformedParams(params: unknown): string | null {
  if (params === null || typeof params !== 'object') return null;
  const p = params as Record<string, unknown>;
  if ('textDocument' in p) {
    const doc = p.textDocument as { uri?: unknown } | null;
    if (!doc || typeof doc !== 'object' || typeof doc.uri !== 'string')
      return `"textDocument" must be { "uri": string }, not ${shownValue(p.textDocument)}`;
  }
  if ('position' in p && !isPosition(p.position))
    return `"position" must be { "line", "character" } of whole numbers 0 or more, not ${shownValue(p.position)}`;
  if ('range' in p && !isRange(p.range))
    return `"range" must be { "start", "end" } positions of whole numbers 0 or more, not ${shownValue(p.range)}`;
  if ('context' in p && (!p.context || typeof p.context !== 'object'))
    return `"context" must be an object, not ${shownValue(p.context)}`;
  for (const key of ['newName', 'query'])
    if (key in p && typeof p[key] !== 'string')
      return `"${key}" must be a string, not ${shownValue(p[key])}`;
  return null;
}

function isPosition(value: unknown): boolean {
  const pos = value as { line?: unknown; character?: unknown } | null;
  const whole = (n: unknown) => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
  return !!pos && typeof pos === 'object' && whole(pos.line) && whole(pos.character);
}

function isRange(value: unknown): boolean {
  const range = value as { start?: unknown; end?: unknown } | null;
  return !!range && typeof range === 'object' && isPosition(range.start) && isPosition(range.end);
}

/** A value in an error message: its JSON, cut short. */
function shownValue(value: unknown): string {
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 80 ? `${json.slice(0, 77)}...` : json;
}

/** The notes of an outline that the editor shows (Outline['notes'] `editor`): information, with
 * no rule, on the first line of where the note stands. */
function noteDiagnostics(
  outline: Pick<Outline, 'notes'>,
  range: (span: Span) => Diagnostic['range'],
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const note of outline.notes) {
    if (!note.editor) continue;
    const r = range(note.span);
    const end = r.end.line === r.start.line ? r.end : r.start;
    out.push({
      range: { start: r.start, end },
      severity: DiagnosticSeverity.Information,
      source: DIAGNOSTIC_SOURCE,
      message: note.message,
    });
  }
  return out;
}

/** The one diagnostic of a document the core declined: why, where (the line nested too deep,
 * or the start), as information. */
function declinedDiagnostic(lines: Lines, outline: Outline): Diagnostic {
  const note = outline.notes[0];
  const span = note?.span ?? { start: 0, end: 0 };
  const reason = (outline.declined ?? '').replace(/^Not analysed: /, '');
  return {
    range: spanToRange(lines, { start: span.start, end: span.start }),
    severity: DiagnosticSeverity.Information,
    source: DIAGNOSTIC_SOURCE,
    message: `Bloomline did not analyse this file: ${reason}`,
  };
}

/** A Markdown, Quarto or R Markdown document: by language, or by file name (a `.qmd` opened as
 * plain text where the Quarto extension is not installed). A notebook's JSON opened as text
 * is not one: its cells come through notebook sync. */
function isMarkdownDocument(doc: TextDocument, name: string): boolean {
  if (LANGUAGES.has(doc.languageId)) return true;
  return isOutlineName(name) && !isNotebookName(name);
}

/** A file's text as stored and, for a notebook, how its analysed text stands in it. */
interface Stored {
  text: string;
  view: SourceView | null;
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Resolves on a later turn of the event loop, so that messages waiting are handled first. */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
