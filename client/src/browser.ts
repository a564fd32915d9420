// The VS Code extension in VS Code for the Web (vscode.dev, github.dev; code-server's web
// worker extension host): the language server runs in a web worker (dist/web/server.js, the
// same server as `bloomline lsp`), and reads the workspace through VS Code's file system, which
// activate.ts answers for it (files.ts). Everything else is activate.ts, shared with the
// desktop build (extension.ts). Bundled into dist/web/extension.cjs, the manifest's `browser`.
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { activateBloomline, deactivateBloomline, type BloomlineApi } from './activate.js';

export type { BloomlineApi } from './activate.js';

/** The web worker global of the extension host (no DOM types in this project). */
declare const Worker: new (url: string) => ConstructorParameters<typeof LanguageClient>[3] & {
  terminate(): void;
};

export async function activate(context: vscode.ExtensionContext): Promise<BloomlineApi> {
  const serverMain = await workerScript(
    vscode.Uri.joinPath(context.extensionUri, 'dist/web/server.js'),
  );
  return activateBloomline(context, {
    createClient: (options) => {
      const worker = new Worker(serverMain);
      return {
        client: new LanguageClient('bloomline', 'Bloomline', options, worker),
        end: () => worker.terminate(),
      };
    },
    // A worker whose server was shut down is not started again: a new worker each time.
    restartsInPlace: false,
  });
}

/** The URL a worker can start from. An extension from the Marketplace (vscode.dev, github.dev)
 * is served over https; one installed on a remote server (code-server) is at a
 * `vscode-remote:` URI, from which VS Code starts no worker: its script is read through VS
 * Code and started from a blob. */
async function workerScript(script: vscode.Uri): Promise<string> {
  if (script.scheme !== 'vscode-remote') return script.toString(true);
  const bytes = await vscode.workspace.fs.readFile(script);
  return URL.createObjectURL(new Blob([bytes], { type: 'application/javascript' }));
}

export function deactivate(): Thenable<void> | undefined {
  return deactivateBloomline();
}
