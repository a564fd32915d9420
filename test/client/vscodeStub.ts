// A stand-in for the `vscode` module, for loading the extension's bundles outside VS Code
// (bundle.test.ts: the desktop bundle; webBundle.test.ts: the web one). It records what an
// extension registers; anything it does not model answers with a harmless do-nothing value.
type Callable = (...args: unknown[]) => unknown;
/** A value that is everything at once: callable, constructible, with any property. */
export function anything(): unknown {
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

export class EventEmitter<T> {
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

export interface Recorded {
  commands: string[];
  views: { id: string; options: { showCollapseAll?: boolean } }[];
  outputChannels: string[];
  statusBarItems: string[];
  contexts: Map<string, unknown>;
  forks: { module: string; args: string[] }[];
  /** Files `workspace.fs.readFile` finds, by URI. */
  files?: Map<string, string>;
}

export function stubVscode(recorded: Recorded): Record<string, unknown> {
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
    Uri: {
      parse: uri,
      file: (p: string) => uri(`file://${p}`),
      joinPath: (base: { toString(): string }, ...parts: string[]) =>
        uri([base.toString().replace(/\/$/, ''), ...parts].join('/')),
    },
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
      workspaceFolders: undefined as unknown,
      // What an extension reads through VS Code: the files of `recorded.files`, by URI.
      fs: {
        readFile: async (u: { toString(): string }) => {
          const text = recorded.files?.get(u.toString());
          if (text === undefined) throw new Error(`no file ${u.toString()}`);
          return new TextEncoder().encode(text);
        },
      },
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
