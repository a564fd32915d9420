// The language server in a browser worker (VS Code for the Web): the same server as
// `bloomline lsp`, over the worker's messages, reading the workspace through the client
// (clientFiles.ts), since a worker has no disk. Bundled alone into dist/web/server.js.
import {
  BrowserMessageReader,
  BrowserMessageWriter,
  createConnection,
  ProposedFeatures,
} from 'vscode-languageserver/browser.js';
import { ClientFiles } from './clientFiles.js';
import { createServer } from './server.js';

/** The worker's global scope, as far as this uses it (no DOM types in this project). */
interface WorkerScope {
  addEventListener(type: 'unhandledrejection' | 'error', listener: (event: unknown) => void): void;
}
declare const self: WorkerScope & ConstructorParameters<typeof BrowserMessageReader>[0];

const connection = createConnection(
  ProposedFeatures.all,
  new BrowserMessageReader(self),
  new BrowserMessageWriter(self),
);
const log = (what: string) => (event: unknown) => {
  const reason = (event as { reason?: unknown; error?: unknown }).reason ?? event;
  const error = (event as { error?: unknown }).error ?? reason;
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  try {
    connection.console.error(`bloomline: ${what}: ${detail}`);
  } catch {
    // Nowhere else to tell.
  }
};
// The server keeps running: one failed piece of work must not end the editor's session.
self.addEventListener('unhandledrejection', log('unhandled rejection'));
self.addEventListener('error', log('uncaught exception'));
createServer(connection, new ClientFiles(connection));
connection.listen();
