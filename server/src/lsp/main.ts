// Starting the language server on a connection chosen from the command line: `--stdio`,
// `--node-ipc` (what VS Code uses), `--socket=PORT` or `--pipe=NAME`, as vscode-languageserver
// reads them. With `--stdio`, console output goes to the client's log, never into the protocol.
// The workspace is read from the disk, or through the client (`--files-from-client`: VS Code
// reads it with its own file system, for a virtual workspace).
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node.js';
import { ClientFiles } from './clientFiles.js';
import { NodeFiles } from './nodeFiles.js';
import { createServer } from './server.js';

export interface StartOptions {
  /** Read the workspace through the client instead of from the disk. */
  filesFromClient?: boolean;
}

export function startLanguageServer(options: StartOptions = {}): void {
  const connection = createConnection(ProposedFeatures.all);
  const log = (what: string) => (err: unknown) => {
    const detail = err instanceof Error ? (err.stack ?? err.message) : String(err);
    try {
      connection.console.error(`bloomline: ${what}: ${detail}`);
    } catch {
      process.stderr.write(`bloomline: ${what}: ${detail}\n`);
    }
  };
  // The server keeps running: one failed piece of work must not end the editor's session.
  process.on('uncaughtException', log('uncaught exception'));
  process.on('unhandledRejection', log('unhandled rejection'));
  createServer(connection, options.filesFromClient ? new ClientFiles(connection) : new NodeFiles());
  connection.listen();
}
