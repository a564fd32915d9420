// Starting the language server on a connection chosen from the command line: `--stdio`,
// `--node-ipc` (what VS Code uses), `--socket=PORT` or `--pipe=NAME`, as vscode-languageserver
// reads them. With `--stdio`, console output goes to the client's log, never into the protocol.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node.js';
import { createServer } from './server.js';

export function startLanguageServer(): void {
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
  createServer(connection);
  connection.listen();
}
