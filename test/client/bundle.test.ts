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
import { stubVscode, type Recorded } from './vscodeStub.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BUNDLE = path.join(ROOT, 'dist/extension.cjs');

type Callable = (...args: unknown[]) => unknown;

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
    let activate: (context: unknown) => typeof api;
    let stub: Record<string, unknown>;
    const extensionContext = (subs: { dispose(): unknown }[]) => ({
      subscriptions: subs,
      asAbsolutePath: (p: string) => path.join(ROOT, p),
      workspaceState: { get: () => undefined, update: async () => undefined },
      globalState: { get: () => undefined, update: async () => undefined },
      extensionPath: ROOT,
    });
    const realFork = childProcess.fork;
    const resolve = (Module as unknown as { _resolveFilename: Callable })._resolveFilename;
    const load = (Module as unknown as { _load: Callable })._load;

    before(() => {
      stub = stubVscode(recorded);
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
      activate = extension.activate;
      api = activate(extensionContext(subscriptions));
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

    test('in a virtual workspace (not on disk) the server reads it through VS Code', async () => {
      const workspace = stub['workspace'] as { workspaceFolders: unknown };
      workspace.workspaceFolders = [
        { uri: { scheme: 'vscode-vfs', toString: () => 'vscode-vfs://github/o/r' }, index: 0 },
      ];
      const subs: { dispose(): unknown }[] = [];
      try {
        await assert.rejects(activate(extensionContext(subs)).ready);
      } finally {
        workspace.workspaceFolders = undefined;
        for (const s of subs) s.dispose();
      }
      const fork = recorded.forks.at(-1);
      assert.deepEqual(fork!.args.slice(0, 3), ['lsp', '--files-from-client', '--node-ipc']);
    });
  },
);
