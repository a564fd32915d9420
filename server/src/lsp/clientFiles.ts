// The language server's file access through the client (files.ts): the server asks, the client
// reads with VS Code's own file system (`workspace.findFiles`, `workspace.fs`) and answers. This
// is how the server reads the workspace in a browser worker (VS Code for the Web: github.dev's
// virtual file system, vscode.dev, a code-server's remote disk), and in a desktop virtual
// workspace. No Node here.
//
// Keys: a URI with the scheme and authority of the workspace (those of the first URI with a
// path that the server asks about: it asks about the workspace folders first) is known by its
// decoded path ("/owner/repo/week1.md"), on which the path operations below work as on a POSIX
// disk, and messages show file names as the author sees them. Any other URI (an unsaved
// document, a notebook cell, another authority) is its own key, and is not read from here.
import type { Connection } from 'vscode-languageserver';
import { MAX_OUTLINE_BYTES } from '../core/index.js';
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
} from '../protocol.js';
import type { FileSearch, ReadResult, WorkspaceFiles } from './files.js';

/** `findFiles` globs for each search. VS Code's globs are case-sensitive: the usual spellings
 * of the extensions are listed (the server takes any case of what comes back). */
const INCLUDE: Record<FileSearch, string> = {
  config: '**/.bloomline.json',
  outlines: '**/*.{md,MD,Md,markdown,Markdown,MARKDOWN,qmd,QMD,Qmd,rmd,Rmd,RMD,ipynb,IPYNB,Ipynb}',
  all: '**/*',
};
const EXCLUDE = '**/{node_modules,.git,.ipynb_checkpoints}/**';

/** scheme://authority/path, without a query or fragment. */
const HIERARCHICAL = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/([^/?#]*)(\/[^?#]*)?$/;

/** The part of the client's connection this needs (a test may pass its own). */
export type Requester = Pick<Connection, 'sendRequest'>;

export class ClientFiles implements WorkspaceFiles {
  /** `scheme://authority` of the workspace's files. */
  private origin: string | undefined;
  /** The URI the client used for a key, so that answers name files exactly as it does. */
  private readonly uris = new Map<string, string>();

  constructor(private readonly client: Requester) {}

  keyOf(uri: string): string {
    const m = HIERARCHICAL.exec(uri);
    if (!m) return uri;
    const origin = `${m[1]!.toLowerCase()}://${m[2]}`;
    this.origin ??= origin;
    if (origin !== this.origin) return uri;
    let key: string;
    try {
      key = decodeURIComponent(m[3] || '/');
    } catch {
      return uri; // Not valid percent-encoding: not a path to work with.
    }
    if (key.length > 1) key = key.replace(/\/+$/, '');
    this.uris.set(key, uri);
    return key;
  }

  uriOf(key: string): string {
    if (!this.isFile(key) || this.origin === undefined) return key;
    return this.uris.get(key) ?? this.origin + key.split('/').map(encodeURIComponent).join('/');
  }

  isFile(key: string): boolean {
    return key.startsWith('/');
  }

  dirname(key: string): string {
    const i = key.lastIndexOf('/');
    return i <= 0 ? '/' : key.slice(0, i);
  }

  join(folder: string, name: string): string {
    return folder.endsWith('/') ? folder + name : `${folder}/${name}`;
  }

  relative(folder: string, key: string): string {
    const from = folder.split('/').filter(Boolean);
    const to = key.split('/').filter(Boolean);
    let common = 0;
    while (common < from.length && common < to.length && from[common] === to[common]) common++;
    return [...from.slice(common).map(() => '..'), ...to.slice(common)].join('/');
  }

  isInside(key: string, folder: string): boolean {
    return key === folder || key.startsWith(folder.endsWith('/') ? folder : `${folder}/`);
  }

  async find(folder: string, what: FileSearch): Promise<string[]> {
    const params: FindFilesParams = {
      base: this.uriOf(folder),
      include: INCLUDE[what],
      exclude: EXCLUDE,
    };
    const uris = await this.client.sendRequest<FindFilesResult>(FIND_FILES_REQUEST, params);
    if (!Array.isArray(uris)) throw new Error(`the client found no files in ${folder}`);
    const keys = uris
      .filter((u): u is string => typeof u === 'string')
      .map((u) => this.keyOf(u))
      .filter((k) => this.isFile(k) && this.isInside(k, folder));
    return [...new Set(keys)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }

  async read(key: string): Promise<ReadResult> {
    const params: ReadFileParams = { uri: this.uriOf(key), maxBytes: MAX_OUTLINE_BYTES };
    let result: ReadFileResult | null;
    try {
      result = await this.client.sendRequest<ReadFileResult | null>(READ_FILE_REQUEST, params);
    } catch (err) {
      return {
        ok: false,
        missing: false,
        reason: err instanceof Error ? err.message : String(err),
      };
    }
    if (result && 'text' in result && typeof result.text === 'string') {
      const text = result.text;
      return { ok: true, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
    }
    if (result && 'reason' in result)
      return { ok: false, missing: result.missing === true, reason: String(result.reason) };
    return { ok: false, missing: false, reason: 'the editor did not say' };
  }

  async modified(key: string): Promise<number | null> {
    const params: StatFileParams = { uri: this.uriOf(key) };
    try {
      const stat = await this.client.sendRequest<StatFileResult>(STAT_FILE_REQUEST, params);
      return stat && typeof stat.mtime === 'number' ? stat.mtime : null;
    } catch {
      return null;
    }
  }
}
