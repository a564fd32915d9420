// The built extension bundle (dist/extension.cjs, made by `npm run build`) outside VS Code: it
// loads as CommonJS with `vscode` left external, activate() registers every contributed command
// and the view, and it starts `dist/bloomline.js lsp --node-ipc`. `vscode` is a stub that
// records calls; anything the stub does not model answers with a harmless do-nothing value.
// The server process itself is not started: fork is intercepted once the arguments are known.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import childProcess from 'node:child_process';
import fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BUNDLE = path.join(ROOT, 'dist/extension.cjs');

type Callable = (...args: unknown[]) => unknown;
/** A value that is everything at once: callable, constructible, with any property. */
function anything(): unknown {
  const target = function () {} as unknown as Callable;
  return new Proxy(target, {
    get: (_t, key) => {
      if (key === 'then') return undefined; // not a promise
      if (key === Symbol.toPrimitive) return () => 0;
      if (key === 'dispose') return () => undefined;
      return anything();
    },
    set: () => true,
    apply: () => anything(),
    construct: () => anything() as object,
  });
}

class EventEmitter<T> {
  private listeners: ((e: T) => void)[] = [];
  event = (listener: (e: T) => void) => {
    this.listeners.push(listener);
    return { dispose: () => (this.listeners = this.listeners.filter((l) => l !== listener)) };
  };
  fire(e: T) {
    for (const l of this.listeners) l(e);
  }
  dispose() {
    this.listeners = [];
  }
}

interface Recorded {
  commands: string[];
  views: { id: string; options: { showCollapseAll?: boolean } }[];
  outputChannels: string[];
  statusBarItems: string[];
  contexts: Map<string, unknown>;
  forks: { module: string; args: string[] }[];
}

function stubVscode(recorded: Recorded): Record<string, unknown> {
  const event = () => () => ({ dispose() {} });
  const uri = (value: string) => ({
    scheme: value.split(':')[0],
    path: value.replace(/^file:\/\//, ''),
    fsPath: value.replace(/^file:\/\//, ''),
    toString: () => value,
  });
  const base = {
    version: '1.90.0',
    EventEmitter,
    Disposable: class {
      constructor(private readonly fn: () => void) {}
      static from(...items: { dispose(): void }[]) {
        return { dispose: () => items.forEach((i) => i.dispose()) };
      }
      dispose() {
        this.fn();
      }
    },
    Uri: { parse: uri, file: (p: string) => uri(`file://${p}`) },
    DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
    TreeItemCollapsibleState: { None: 0, Collapsed: 1, Expanded: 2 },
    StatusBarAlignment: { Left: 1, Right: 2 },
    ThemeIcon: class {
      static File = {};
      constructor(
        readonly id: string,
        readonly color?: unknown,
      ) {}
    },
    ThemeColor: class {
      constructor(readonly id: string) {}
    },
    commands: {
      registerCommand: (id: string) => {
        recorded.commands.push(id);
        return { dispose() {} };
      },
      executeCommand: async (id: string, key?: string, value?: unknown) => {
        if (id === 'setContext' && key) recorded.contexts.set(key, value);
      },
    },
    window: {
      activeTextEditor: undefined,
      visibleTextEditors: [],
      createOutputChannel: (name: string) => {
        recorded.outputChannels.push(name);
        return anything();
      },
      createTreeView: (id: string, options: { showCollapseAll?: boolean }) => {
        recorded.views.push({ id, options });
        return anything();
      },
      createStatusBarItem: (id: string) => {
        recorded.statusBarItems.push(id);
        return anything();
      },
      onDidChangeActiveTextEditor: event(),
      showInformationMessage: async () => undefined,
      showErrorMessage: async () => undefined,
      showWarningMessage: async () => undefined,
    },
    workspace: {
      workspaceFolders: undefined,
      textDocuments: [],
      createFileSystemWatcher: () => anything(),
      getConfiguration: () => ({ get: (_key: string, fallback?: unknown) => fallback }),
      onDidChangeConfiguration: event(),
    },
    languages: {
      getDiagnostics: () => [],
      onDidChangeDiagnostics: event(),
      createDiagnosticCollection: () => anything(),
    },
  };
  // Any other part of the API: the do-nothing value.
  const wrap = (object: Record<string, unknown>): Record<string, unknown> =>
    new Proxy(object, {
      get: (t, key: string) => {
        if (key in t) {
          const value = t[key];
          return value && typeof value === 'object' && !Array.isArray(value) && key !== 'Uri'
            ? wrap(value as Record<string, unknown>)
            : value;
        }
        return anything();
      },
    });
  return wrap(base);
}

describe(
  'the extension bundle',
  { skip: !fs.existsSync(BUNDLE) && 'run npm run build first' },
  () => {
    const recorded: Recorded = {
      commands: [],
      views: [],
      outputChannels: [],
      statusBarItems: [],
      contexts: new Map(),
      forks: [],
    };
    const subscriptions: { dispose(): unknown }[] = [];
    let api: { ready: Promise<void>; outlineProvider: unknown; client: unknown };
    let deactivate: () => unknown;
    const realFork = childProcess.fork;
    const resolve = (Module as unknown as { _resolveFilename: Callable })._resolveFilename;
    const load = (Module as unknown as { _load: Callable })._load;

    before(() => {
      const stub = stubVscode(recorded);
      (Module as unknown as { _load: Callable })._load = function (request: unknown, ...rest) {
        if (request === 'vscode') return stub;
        return load.call(this, request, ...rest);
      };
      (childProcess as { fork: unknown }).fork = (module: string, args: string[]) => {
        recorded.forks.push({ module, args });
        throw new Error('not starting the server in this test');
      };
      const extension = createRequire(import.meta.url)(BUNDLE) as {
        activate: (context: unknown) => typeof api;
        deactivate: () => unknown;
      };
      deactivate = extension.deactivate;
      api = extension.activate({
        subscriptions,
        asAbsolutePath: (p: string) => path.join(ROOT, p),
        workspaceState: { get: () => undefined, update: async () => undefined },
        globalState: { get: () => undefined, update: async () => undefined },
        extensionPath: ROOT,
      });
    });

    after(() => {
      (childProcess as { fork: unknown }).fork = realFork;
      (Module as unknown as { _load: Callable })._load = load;
      void resolve;
      void deactivate();
      for (const s of subscriptions) s.dispose();
    });

    test('activate() returns the API for tests', () => {
      assert.ok(api.client);
      assert.ok(api.outlineProvider);
      assert.ok(api.ready instanceof Promise);
    });

    test('it registers every contributed command, and only those', () => {
      const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
        contributes: { commands: { command: string }[] };
      };
      assert.deepEqual(
        [...recorded.commands].sort(),
        manifest.contributes.commands.map((c) => c.command).sort(),
      );
    });

    test('the view, the output channel and the status bar item', () => {
      assert.deepEqual(
        recorded.views.map((v) => [v.id, v.options.showCollapseAll]),
        [['bloomline.outline', true]],
      );
      assert.deepEqual(recorded.outputChannels, ['Bloomline']);
      assert.deepEqual(recorded.statusBarItems, ['bloomline.findings']);
      assert.equal(recorded.contexts.get('bloomline.outlineMode'), 'current');
      assert.equal(recorded.contexts.get('bloomline.problemsOnly'), false);
    });

    test('everything it registers is handed to context.subscriptions', () => {
      // 12 commands + output, two watchers, server, tree provider, view, status bar, 2 events
      assert.ok(subscriptions.length >= recorded.commands.length + 8, String(subscriptions.length));
    });

    test('the server is dist/bloomline.js, started as `lsp --node-ipc`', async () => {
      await assert.rejects(api.ready);
      assert.equal(recorded.forks.length, 1);
      const [fork] = recorded.forks;
      assert.equal(fork!.module, path.join(ROOT, 'dist/bloomline.js'));
      assert.deepEqual(fork!.args.slice(0, 2), ['lsp', '--node-ipc']);
      assert.match(fork!.args[2] ?? '', /^--clientProcessId=\d+$/);
    });
  },
);
