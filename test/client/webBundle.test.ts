// The web build of the extension (dist/web/extension.cjs, the manifest's `browser`) outside VS
// Code: it loads in a context with a web worker's globals and no Node (no `process`, no
// `require` but VS Code's own `vscode`), activate() registers every contributed command and the
// view, and its language server is a web worker started from dist/web/server.js, to which the
// client sends `initialize` with the workspace's folders. An extension installed on a remote
// server (code-server: a `vscode-remote:` location, from which VS Code starts no worker) starts
// the worker from a blob of the script read through VS Code. `npm run test:web` runs the same
// build in a real browser.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as vm from 'node:vm';
import { stubVscode, type Recorded } from './vscodeStub.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BUNDLE = path.join(ROOT, 'dist/web/extension.cjs');

interface Message {
  method?: string;
  params?: { workspaceFolders?: { uri: string }[] | null };
}

/** A Worker as the extension host offers it: records its URL and what the client posts. */
class FakeWorker {
  static all: FakeWorker[] = [];
  readonly messages: Message[] = [];
  terminated = false;
  onmessage: unknown = null;
  constructor(readonly url: string) {
    FakeWorker.all.push(this);
  }
  postMessage(message: unknown): void {
    this.messages.push(JSON.parse(JSON.stringify(message)) as Message);
  }
  addEventListener(): void {}
  removeEventListener(): void {}
  terminate(): void {
    this.terminated = true;
  }
}

interface Api {
  ready: Promise<void>;
  client: unknown;
  outlineProvider: unknown;
}

/** Loads the bundle in a fresh context with a worker's globals; returns its exports. */
function load(stub: Record<string, unknown>): { activate(context: unknown): Promise<Api> } {
  const module = { exports: {} as Record<string, unknown> };
  const context = vm.createContext({
    module,
    exports: module.exports,
    require: (id: string) => {
      if (id === 'vscode') return stub;
      throw new Error(`require("${id}"): a browser has no such module`);
    },
    Worker: FakeWorker,
    console,
    setTimeout,
    clearTimeout,
    setInterval,
    clearInterval,
    queueMicrotask,
    TextEncoder,
    TextDecoder,
    URL,
    Blob,
    crypto: globalThis.crypto,
    performance,
  });
  vm.runInContext(fs.readFileSync(BUNDLE, 'utf8'), context, { filename: BUNDLE });
  return module.exports as unknown as { activate(context: unknown): Promise<Api> };
}

function recorder(): Recorded {
  return {
    commands: [],
    views: [],
    outputChannels: [],
    statusBarItems: [],
    contexts: new Map(),
    forks: [],
    files: new Map(),
  };
}

const folderUri = 'vscode-vfs://github/bloomline/course';

async function activate(recorded: Recorded, extensionUri: string) {
  const stub = stubVscode(recorded);
  (stub['workspace'] as { workspaceFolders: unknown }).workspaceFolders = [
    {
      uri: { scheme: 'vscode-vfs', path: '/bloomline/course', toString: () => folderUri },
      name: 'course',
      index: 0,
    },
  ];
  const subscriptions: { dispose(): unknown }[] = [];
  const uri = (value: string) => ({
    scheme: value.split(':')[0],
    toString: () => value,
  });
  const api = await load(stub).activate({
    subscriptions,
    extensionUri: uri(extensionUri),
    workspaceState: { get: () => undefined, update: async () => undefined },
    globalState: { get: () => undefined, update: async () => undefined },
  });
  return { api, subscriptions };
}

/** Resolves once the worker has been sent a message with this method. */
async function sent(worker: FakeWorker, method: string): Promise<Message> {
  for (let i = 0; i < 200; i++) {
    const found = worker.messages.find((m) => m.method === method);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`no ${method} sent; sent: ${worker.messages.map((m) => m.method).join(', ')}`);
}

describe(
  'the web extension bundle',
  { skip: !fs.existsSync(BUNDLE) && 'run npm run build first' },
  () => {
    test('activates without Node, registers the contributed commands, and starts its server as a web worker', async () => {
      FakeWorker.all = [];
      const recorded = recorder();
      const { api, subscriptions } = await activate(recorded, 'https://cdn.example/bloomline');
      try {
        assert.ok(api.client && api.outlineProvider);
        const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
          contributes: { commands: { command: string }[] };
        };
        assert.deepEqual(
          [...recorded.commands].sort(),
          manifest.contributes.commands.map((c) => c.command).sort(),
        );
        assert.deepEqual(
          recorded.views.map((v) => v.id),
          ['bloomline.outline'],
        );
        assert.equal(FakeWorker.all.length, 1);
        const [worker] = FakeWorker.all;
        assert.equal(worker!.url, 'https://cdn.example/bloomline/dist/web/server.js');
        const initialize = await sent(worker!, 'initialize');
        assert.deepEqual(
          initialize.params?.workspaceFolders?.map((f) => f.uri),
          [folderUri],
        );
      } finally {
        for (const s of subscriptions) s.dispose();
      }
    });

    test('installed on a remote server, it starts the worker from the script read through VS Code', async () => {
      FakeWorker.all = [];
      const recorded = recorder();
      const location = 'vscode-remote://127.0.0.1:8080/home/me/.extensions/bloomline';
      recorded.files!.set(`${location}/dist/web/server.js`, '/* the server */');
      const { subscriptions } = await activate(recorded, location);
      try {
        assert.equal(FakeWorker.all.length, 1);
        const url = FakeWorker.all[0]!.url;
        assert.match(url, /^blob:/);
        const blob = await fetch(url).then((r) => r.text());
        assert.equal(blob, '/* the server */');
      } finally {
        for (const s of subscriptions) s.dispose();
      }
    });
  },
);
