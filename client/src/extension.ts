// The VS Code extension on the desktop (and any Node extension host: code-server, a remote):
// the language server is the `bloomline lsp` command of dist/bloomline.js over Node IPC. It
// reads the workspace from the disk; in a virtual workspace (a folder that is not on disk:
// GitHub Repositories) it reads it through VS Code's file system instead (--files-from-client).
// Everything else is activate.ts, shared with the web build (browser.ts).
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { activateBloomline, deactivateBloomline, type BloomlineApi } from './activate.js';

export type { BloomlineApi } from './activate.js';

export function activate(context: vscode.ExtensionContext): BloomlineApi {
  const virtual = (vscode.workspace.workspaceFolders ?? []).some((f) => f.uri.scheme !== 'file');
  // The server bundle is ESM (the package is "type": "module"); fork runs it as such. The
  // client appends --node-ipc (and --clientProcessId=PID) to these arguments.
  const serverOptions: ServerOptions = {
    module: context.asAbsolutePath('dist/bloomline.js'),
    transport: TransportKind.ipc,
    args: virtual ? ['lsp', '--files-from-client'] : ['lsp'],
  };
  return activateBloomline(context, {
    createClient: (options) => ({
      client: new LanguageClient('bloomline', 'Bloomline', serverOptions, options),
    }),
    restartsInPlace: true,
  });
}

export function deactivate(): Thenable<void> | undefined {
  return deactivateBloomline();
}
