// The client's side of the server's file access (server/src/lsp/clientFiles.ts): where the
// server cannot read the disk (in a browser worker, or for a virtual workspace), it asks, and
// this answers with VS Code's own file system, whatever the workspace's scheme (github.dev's
// `vscode-vfs:`, a code-server's `vscode-remote:`, a local `file:` folder).
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import {
  FIND_FILES_REQUEST,
  READ_FILE_REQUEST,
  STAT_FILE_REQUEST,
  type FindFilesParams,
  type FindFilesResult,
  type ReadFileParams,
  type ReadFileResult,
  type StatFileParams,
  type StatFileResult,
} from '../../server/src/protocol.js';

/** Registers the answers on a client (before it starts; they outlive its restarts). */
export function answerFileRequests(client: BaseLanguageClient): vscode.Disposable[] {
  return [
    client.onRequest(FIND_FILES_REQUEST, findFiles),
    client.onRequest(READ_FILE_REQUEST, readFile),
    client.onRequest(STAT_FILE_REQUEST, statFile),
  ];
}

export async function findFiles(params: FindFilesParams): Promise<FindFilesResult> {
  const base = vscode.Uri.parse(params.base);
  const found = await vscode.workspace.findFiles(
    new vscode.RelativePattern(base, params.include),
    params.exclude,
  );
  return found.map((uri) => uri.toString());
}

export async function readFile(params: ReadFileParams): Promise<ReadFileResult> {
  const uri = vscode.Uri.parse(params.uri);
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.type & vscode.FileType.Directory) return { missing: false, reason: 'is a directory' };
    if (stat.size > params.maxBytes)
      return {
        missing: false,
        reason: `skipped, larger than ${Math.round(params.maxBytes / 1024 / 1024)} MB`,
      };
    const bytes = await vscode.workspace.fs.readFile(uri);
    // Lenient, as the CLI reads a file that is not valid UTF-8 (U+FFFD for what cannot be read).
    return { text: new TextDecoder('utf-8').decode(bytes) };
  } catch (err) {
    if (err instanceof vscode.FileSystemError) {
      const missing = err.code === 'FileNotFound' || err.code === 'FileNotADirectory';
      return { missing, reason: missing ? 'no such file or directory' : err.code || err.message };
    }
    return { missing: false, reason: err instanceof Error ? err.message : String(err) };
  }
}

export async function statFile(params: StatFileParams): Promise<StatFileResult> {
  try {
    const stat = await vscode.workspace.fs.stat(vscode.Uri.parse(params.uri));
    return { mtime: stat.mtime };
  } catch {
    return null;
  }
}
