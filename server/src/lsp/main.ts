// Starting the language server on a connection chosen from the command line: `--stdio`,
// `--node-ipc` (what VS Code uses), `--socket=PORT` or `--pipe=NAME`, as vscode-languageserver
// reads them. With `--stdio`, the input is re-framed first (framing.ts: a bad frame is skipped,
// never left to silence the server), and console output goes to the client's log, never into
// the protocol. The workspace is read from the disk, or through the client
// (`--files-from-client`: VS Code reads it with its own file system, for a virtual workspace).
import { format } from 'node:util';
import * as v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import {
  createConnection,
  ProposedFeatures,
  StreamMessageWriter,
  type Connection,
  type MessageReader,
} from 'vscode-languageserver/node.js';
import { offerCachesToHeapProbe } from '../core/caches.js';
import { ClientFiles } from './clientFiles.js';
import { DiagnosticsEncoder } from './encode.js';
import { FrameSanitizer } from './framing.js';
import { NodeFiles } from './nodeFiles.js';
import { createServer } from './server.js';

export interface StartOptions {
  /** Read the workspace through the client instead of from the disk. */
  filesFromClient?: boolean;
}

export function startLanguageServer(options: StartOptions = {}): void {
  let connection: Connection | undefined;
  const report = (line: string) => {
    try {
      if (connection) connection.console.error(line);
      else process.stderr.write(`${line}\n`);
    } catch {
      process.stderr.write(`${line}\n`);
    }
  };
  if (process.argv.includes('--stdio')) {
    const input = process.stdin.pipe(
      new FrameSanitizer((problem) => report(`bloomline: protocol: ${problem}`)),
    );
    // Each diagnostic's JSON kept across publications (encode.ts): a long outline's edit
    // publishes about 10,800 diagnostics, most of them the same objects as last time.
    connection = createConnection(
      ProposedFeatures.all,
      // The input as a stream (its typings take a stream or a reader, with a stream or a writer;
      // at run time it reads either): vscode-languageserver then ends the process when it ends.
      input as unknown as MessageReader,
      new StreamMessageWriter(process.stdout, {
        charset: 'utf-8',
        contentTypeEncoder: new DiagnosticsEncoder(),
      }),
    );
    routeConsole(connection);
  } else {
    connection = createConnection(ProposedFeatures.all);
  }
  const log = (what: string) => (err: unknown) => {
    const detail = err instanceof Error ? (err.stack ?? err.message) : String(err);
    report(`bloomline: ${what}: ${detail}`);
  };
  // The server keeps running: one failed piece of work must not end the editor's session.
  process.on('uncaughtException', log('uncaught exception'));
  process.on('unhandledRejection', log('unhandled rejection'));
  createServer(
    connection,
    options.filesFromClient ? new ClientFiles(connection) : new NodeFiles(),
    { collectGarbage: collectGarbage ?? undefined },
  );
  // A leak test's heap probe empties the bounded caches before it measures (core/caches.ts).
  offerCachesToHeapProbe();
  connection.listen();
}

/** A full garbage collection, where Node lets a program ask for one (null where it does not):
 * the server runs it after a large file's analysis. */
const collectGarbage: (() => void) | null = (() => {
  try {
    v8.setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('gc');
    return typeof gc === 'function' ? (gc as () => void) : null;
  } catch {
    return null;
  }
})();

/** stdout carries the protocol: console output goes to the client's log instead (what
 * vscode-languageserver does when it opens stdio itself). */
function routeConsole(connection: Connection): void {
  const to =
    (send: (message: string) => void) =>
    (...args: unknown[]) => {
      try {
        send(format(...args));
      } catch {
        // Nothing else to tell.
      }
    };
  console.log = to((m) => connection.console.log(m));
  console.info = to((m) => connection.console.info(m));
  console.debug = to((m) => connection.console.log(m));
  console.warn = to((m) => connection.console.warn(m));
  console.error = to((m) => connection.console.error(m));
}
