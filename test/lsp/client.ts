// A small LSP client for the protocol tests: spawns `node bin/bloomline.js lsp --stdio`, speaks
// JSON-RPC over its stdio (vscode-jsonrpc's message connection, as vscode-languageserver/node
// re-exports it), answers the server's requests to the client, and lets a test wait for a
// notification (never for a fixed time).
import { spawn, type ChildProcess } from 'node:child_process';
import { checkJson } from '../cli/helpers.js';
import { buildOutline, LineIndex } from '../../server/src/core/index.js';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-languageserver/node.js';
import type { Diagnostic, PublishDiagnosticsParams, Range, TextEdit } from 'vscode-languageserver';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

interface Waiter {
  method: string;
  accept: (params: unknown) => boolean;
  resolve: (params: unknown) => void;
}

export interface LspClientOptions {
  /** More arguments of `bloomline lsp` (`--files-from-client`). */
  serverArgs?: string[];
  /** Run the web build of the server (dist/web/server.js) in a web worker's globals instead. */
  webWorker?: boolean;
}

export class LspClient {
  readonly child: ChildProcess;
  readonly connection: MessageConnection;
  /** Every notification received, in order. */
  readonly received: { method: string; params: unknown }[] = [];
  /** The messages the server asked to show (window/showMessageRequest). */
  readonly shownMessages: string[] = [];
  /** Registrations the server asked for (client/registerCapability). */
  readonly registrations: { method: string; registerOptions?: unknown }[] = [];
  /** What the client answers to workspace/configuration for the `bloomline` section. */
  settings: unknown = {};
  /** Settings of single workspace folders, by folder URI: answered for an item whose
   * `scopeUri` is that folder or a file in it (the folder with the longest URI wins), as
   * VS Code answers a multi-root workspace's folder settings; `settings` for the others. */
  folderSettings = new Map<string, unknown>();
  /** Every item of every workspace/configuration request, in order. */
  readonly configurationItems: { scopeUri?: string; section?: string }[] = [];
  stderr = '';
  exitCode: number | null = null;
  private readonly exited: Promise<number | null>;
  private waiters: Waiter[] = [];

  /** `nodeArgs` go to Node before the script (a preload, say). */
  constructor(nodeArgs: string[] = [], options: LspClientOptions = {}) {
    const server = options.webWorker
      ? // The web build, in a worker's globals (test/support/workerHost.ts).
        ['out/test/support/workerHost.js', 'dist/web/server.js']
      : ['bin/bloomline.js', 'lsp', '--stdio', ...(options.serverArgs ?? [])];
    this.child = spawn(process.execPath, [...nodeArgs, ...server], {
      cwd: ROOT,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.child.stderr!.setEncoding('utf8');
    this.child.stderr!.on('data', (chunk: string) => (this.stderr += chunk));
    this.exited = new Promise((resolve) =>
      this.child.on('exit', (code) => {
        this.exitCode = code;
        resolve(code);
      }),
    );
    this.connection = createMessageConnection(
      new StreamMessageReader(this.child.stdout!),
      new StreamMessageWriter(this.child.stdin!),
    );
    this.connection.onNotification((method, params) => {
      this.received.push({ method, params });
      for (const w of [...this.waiters]) {
        if (w.method === method && w.accept(params)) {
          this.waiters = this.waiters.filter((x) => x !== w);
          w.resolve(params);
        }
      }
    });
    this.connection.onRequest(
      'workspace/configuration',
      (params: { items: { scopeUri?: string; section?: string }[] }) => {
        this.configurationItems.push(...params.items);
        return params.items.map((item) => this.settingsFor(item.scopeUri));
      },
    );
    this.connection.onRequest(
      'client/registerCapability',
      (params: { registrations: { method: string; registerOptions?: unknown }[] }) => {
        this.registrations.push(...params.registrations);
        return null;
      },
    );
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onRequest('window/showMessageRequest', (params: { message: string }) => {
      this.shownMessages.push(params.message);
      return null;
    });
    this.connection.listen();
  }

  private settingsFor(scopeUri: string | undefined): unknown {
    let best: string | undefined;
    for (const folder of this.folderSettings.keys()) {
      const inside =
        scopeUri !== undefined &&
        (scopeUri === folder || scopeUri.startsWith(folder.replace(/\/?$/, '/')));
      if (inside && (best === undefined || folder.length > best.length)) best = folder;
    }
    return best === undefined ? this.settings : this.folderSettings.get(best);
  }

  request<R>(method: string, params?: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  notify(method: string, params?: unknown): Promise<void> {
    return this.connection.sendNotification(method, params);
  }

  /** `initialize` with no workspace folder, asking for diagnostics with their document version. */
  initializeNoFolder(): Promise<unknown> {
    return this.request('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: { textDocument: { publishDiagnostics: { versionSupport: true } } },
    });
  }

  /** `initialize` with one workspace folder, asking for Markdown hovers and rename with prepare. */
  initializeFolder(dir: string): Promise<unknown> {
    return this.request('initialize', {
      processId: process.pid,
      rootUri: fileUri(dir),
      workspaceFolders: [{ uri: fileUri(dir), name: 'course' }],
      capabilities: {
        textDocument: { hover: { contentFormat: ['markdown'] }, rename: { prepareSupport: true } },
      },
    });
  }

  /** The next notification (from now on) that `accept` takes; rejects after `ms`. */
  next<T>(method: string, accept: (params: T) => boolean = () => true, ms = 5000): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const waiter: Waiter = {
        method,
        accept: accept as (p: unknown) => boolean,
        resolve: (p) => {
          clearTimeout(timer);
          resolve(p as T);
        },
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((x) => x !== waiter);
        reject(
          new Error(`no ${method} notification matched within ${ms} ms; stderr: ${this.stderr}`),
        );
      }, ms);
      this.waiters.push(waiter);
    });
  }

  /** The latest diagnostics published for a URI, once they satisfy `accept` (already or later). */
  diagnostics(
    uri: string,
    accept: (p: PublishDiagnosticsParams) => boolean = () => true,
    ms = 5000,
  ): Promise<PublishDiagnosticsParams> {
    const latest = this.latestDiagnostics(uri);
    if (latest && accept(latest)) return Promise.resolve(latest);
    return this.next<PublishDiagnosticsParams>(
      'textDocument/publishDiagnostics',
      (p) => p.uri === uri && accept(p),
      ms,
    );
  }

  latestDiagnostics(uri: string): PublishDiagnosticsParams | undefined {
    for (let i = this.received.length - 1; i >= 0; i--) {
      const n = this.received[i]!;
      const p = n.params as PublishDiagnosticsParams;
      if (n.method === 'textDocument/publishDiagnostics' && p.uri === uri) return p;
    }
    return undefined;
  }

  /** Ends the server politely; kills it by PID if it has not exited (tests call this in after()). */
  async stop(): Promise<number | null> {
    if (this.exitCode === null && this.child.exitCode === null) {
      try {
        await Promise.race([
          (async () => {
            await this.request('shutdown');
            await this.notify('exit');
            await this.exited;
          })(),
          new Promise((resolve) => setTimeout(resolve, 2000).unref()),
        ]);
      } catch {
        // The server may be gone already.
      }
    }
    this.kill();
    this.connection.dispose();
    return this.exitCode;
  }

  kill(): void {
    if (this.child.exitCode === null && this.child.signalCode === null && this.child.pid) {
      try {
        process.kill(this.child.pid);
      } catch {
        // Already gone.
      }
    }
  }

  waitForExit(): Promise<number | null> {
    return this.exited;
  }
}

/** Applies LSP text edits to a text (positions in UTF-16 code units, as LSP counts them). */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const offset = (p: Range['start']) => Math.min(starts[p.line]! + p.character, text.length);
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted)
    out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

export function fileUri(...parts: string[]): string {
  return pathToFileURL(path.join(...parts)).href;
}

const SEVERITY_NAMES = ['', 'error', 'warning', 'information', 'hint'];

/** A diagnostic as one comparable line: rule, severity, 0-based range, message. */
export function diagnosticKey(d: Diagnostic): string {
  const r = d.range;
  return `${String(d.code)} ${SEVERITY_NAMES[d.severity ?? 0]} ${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character} ${d.message}`;
}

/** Diagnostics as sorted comparable lines. */
export function diagnosticKeys(ds: readonly Diagnostic[]): string[] {
  return ds.map(diagnosticKey).sort();
}

/**
 * What `bloomline check --format json` (the real command) reports for these files, as the same
 * comparable lines as `diagnosticKeys`, per file name. The files are written (UTF-8) into a
 * fresh folder that is removed afterwards; `check` runs on that folder. With them, the notes
 * the editor shows (an outline's notes marked `editor`: objectives in another language, a
 * disable comment naming no rule), which `check` prints on stderr, outside its JSON: read from
 * a fresh build of each text, as the server shows them (information, no rule, on the note's
 * first line).
 */
export function checkKeys(files: Record<string, string>): Record<string, string[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bloomline-check-'));
  try {
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
    const r = checkJson(['.'], dir);
    if (r.status !== 0 && r.status !== 1)
      throw new Error(`bloomline check exited ${r.status}: ${r.stderr}`);
    const reports = r.files;
    const out: Record<string, string[]> = {};
    for (const name of Object.keys(files)) out[name] = [];
    for (const report of reports) {
      out[path.basename(report.filePath)] = report.messages
        .map(
          (m) =>
            `${m.ruleId} ${m.severity} ${m.line - 1}:${m.column - 1}-${m.endLine - 1}:${m.endColumn - 1} ${m.message}`,
        )
        .sort();
    }
    for (const [name, text] of Object.entries(files))
      out[name] = [...out[name]!, ...editorNoteKeys(text, name)].sort();
    return out;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The notes a fresh build of `text` gives that the editor shows, as `diagnosticKeys` lines. */
function editorNoteKeys(text: string, name: string): string[] {
  const lines = new LineIndex(text);
  return buildOutline(text, name)
    .notes.filter((n) => n.editor)
    .map((n) => {
      const start = lines.position(n.span.start);
      const last = lines.position(n.span.end);
      const end = last.line === start.line ? last : start;
      return `undefined information ${start.line}:${start.character}-${end.line}:${end.character} ${n.message}`;
    });
}
