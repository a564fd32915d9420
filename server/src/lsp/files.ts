// The language server's file access, behind one small interface, so that the protocol handling
// (server.ts) has no Node in it and runs in a browser worker too (VS Code for the Web), as
// vscode-css-languageservice and vscode-markdown-languageserver do it:
// - NodeFiles (nodeFiles.ts) reads the disk as the CLI does (the same folder walk, .gitignore
//   honoured, the same UTF-8 decoding);
// - ClientFiles (clientFiles.ts) asks the client, which reads through VS Code's own file
//   system (`workspace.findFiles`, `workspace.fs`): github.dev's virtual file system, a
//   code-server's remote disk, or a desktop virtual workspace.
// Everything here is asynchronous; the server keeps what it read (outline texts, config files,
// suppressions) and answers the editor's requests from that, never waiting on a read.
//
// Files are known by a key: the core's Workspace and the messages name files by it. A document
// of a file system has a path-like key (an absolute path on disk; the URI's decoded path in
// the browser) on which the path operations below work; any other document (an unsaved one) is
// known by its URI.

/** What a folder search looks for: the config files (`.bloomline.json`), the files read by
 * default (Markdown, Quarto, R Markdown and notebooks, by name, any case), or every file (when
 * a configuration's `files` selects more than those). The server filters what comes back. */
export type FileSearch = 'config' | 'outlines' | 'all';

export type ReadResult =
  | { ok: true; text: string }
  /** `missing`: there is no such file (as against one that cannot be read). */
  | { ok: false; missing: boolean; reason: string };

export interface WorkspaceFiles {
  /** The key of a document's URI. */
  keyOf(uri: string): string;
  /** The URI of a key (for a key of a file system; any other key is its URI already). */
  uriOf(key: string): string;
  /** Is this the key of a file in a file system (not an unsaved document)? */
  isFile(key: string): boolean;
  /** The folder a file key is in (the key itself at the root). */
  dirname(key: string): string;
  join(folder: string, name: string): string;
  /** `key` relative to `folder`, with forward slashes ("" for the folder itself). */
  relative(folder: string, key: string): string;
  /** Is `key` the folder `folder` or inside it? */
  isInside(key: string, folder: string): boolean;
  /** The files under a folder that a search looks for, skipping node_modules, .git and
   * .ipynb_checkpoints (and, on disk, what .gitignore files ignore). Rejects when the folder
   * cannot be read. `note`, when given, is told of what the search passed over that a user
   * should know (a broken symbolic link with an outline file's name), one line each. */
  find(folder: string, what: FileSearch, note?: (message: string) => void): Promise<string[]>;
  /** A file's text, decoded as UTF-8, without a BOM; files over the core's size limit are not
   * read. */
  read(key: string): Promise<ReadResult>;
  /** When the file last changed (ms since 1970), or null when that cannot be told. */
  modified(key: string): Promise<number | null>;
}

/** A file's name: the last part of its key, whatever the separator. */
export function baseName(key: string): string {
  return key.slice(Math.max(key.lastIndexOf('/'), key.lastIndexOf('\\')) + 1);
}
