// Runs a web worker script (the language server's web build, dist/web/server.js) as a browser
// would, in a process of its own that the LSP tests talk to over stdio like any server:
//
//   node out/test/support/workerHost.js dist/web/server.js
//
// The script runs in a fresh V8 context (node:vm) whose globals are a dedicated worker's and no
// more: `self`, `postMessage`, `onmessage`, `addEventListener`, timers, `console`,
// `TextEncoder`/`TextDecoder`, `URL`, `crypto`, `performance`, `queueMicrotask`,
// `structuredClone`. No `process`, `require`, `Buffer`, `setImmediate` or `import()` of Node
// modules: a bundle that reaches for Node fails here as it would in VS Code for the Web.
// Messages cross as JSON, as postMessage clones them (nothing shares objects with this side).
import * as fs from 'node:fs';
import * as vm from 'node:vm';
import { StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node.js';

type Listener = (event: unknown) => void;

// `node --test out/test/` loads every file under it, this one too: then, with no script named,
// it does nothing.
const script = process.argv[2];
if (script) host(script);

function host(script: string): void {
  const reader = new StreamMessageReader(process.stdin);
  const writer = new StreamMessageWriter(process.stdout);
  const listeners = new Map<string, Listener[]>();
  const emit = (type: string, event: unknown) => {
    for (const l of listeners.get(type) ?? []) l(event);
  };

  const scope: Record<string, unknown> = {
    console: {
      // stdout carries the protocol.
      log: (...args: unknown[]) => process.stderr.write(`${args.join(' ')}\n`),
      info: (...args: unknown[]) => process.stderr.write(`${args.join(' ')}\n`),
      warn: (...args: unknown[]) => process.stderr.write(`${args.join(' ')}\n`),
      error: (...args: unknown[]) => process.stderr.write(`${args.join(' ')}\n`),
      debug: () => undefined,
    },
    setTimeout,
    clearTimeout,
    setInterval,
    clearInterval,
    queueMicrotask,
    structuredClone,
    TextEncoder,
    TextDecoder,
    URL,
    crypto: globalThis.crypto,
    performance,
    addEventListener: (type: string, listener: Listener) =>
      listeners.set(type, [...(listeners.get(type) ?? []), listener]),
    removeEventListener: (type: string, listener: Listener) =>
      listeners.set(
        type,
        (listeners.get(type) ?? []).filter((l) => l !== listener),
      ),
    postMessage: (message: unknown) => {
      void writer.write(JSON.parse(JSON.stringify(message)));
    },
    onmessage: null,
  };
  const context = vm.createContext(scope, { name: 'web worker' });
  scope.self = context;
  scope.globalThis = context;

  // Delivers a message to the worker, parsed inside its own context (as a clone would be).
  const deliver = vm.runInContext(
    `(json) => {
      const event = { data: JSON.parse(json) };
      if (typeof self.onmessage === 'function') self.onmessage(event);
    }`,
    context,
  ) as (json: string) => void;

  vm.runInContext(fs.readFileSync(script, 'utf8'), context, { filename: script });
  // What a worker does with an error no one caught: an `error` event; the worker goes on.
  process.on('uncaughtException', (error) => {
    process.stderr.write(`worker: uncaught: ${error.stack ?? String(error)}\n`);
    emit('error', { error, message: String(error) });
  });
  process.on('unhandledRejection', (reason) => {
    process.stderr.write(`worker: unhandled rejection: ${String(reason)}\n`);
    emit('unhandledrejection', { reason });
  });
  reader.listen((message) => deliver(JSON.stringify(message)));
  // The client ends the session with `exit`, which a worker ignores (it is terminated): end when
  // the input does.
  process.stdin.on('end', () => process.exit(0));
}
