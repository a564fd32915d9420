// The language server's file access on Node (files.ts): the disk, read as the CLI reads it. A
// `file:` URI's key is its file-system path; any other URI (an unsaved `untitled:` document) is
// its own key. Folders are walked by the CLI's walk (cli/files.ts: .gitignore honoured,
// node_modules, .git and .ipynb_checkpoints skipped, no symlink followed out of the folder) and
// files decoded by its reader (cli/source.ts), so the editor sees what `bloomline check` sees.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isOutlineName } from '../core/index.js';
import { brokenLink, expandArgs } from '../cli/files.js';
import { toPosix } from '../cli/glob.js';
import { fsReason, Log } from '../cli/log.js';
import { readSource } from '../cli/source.js';
import { CONFIG_FILE } from './config.js';
import type { FileSearch, ReadResult, WorkspaceFiles } from './files.js';

const SELECT: Record<FileSearch, (abs: string) => boolean> = {
  config: (abs) => path.basename(abs) === CONFIG_FILE,
  outlines: (abs) => isOutlineName(abs),
  all: () => true,
};

export class NodeFiles implements WorkspaceFiles {
  keyOf(uri: string): string {
    if (!uri.startsWith('file:')) return uri;
    try {
      return fileURLToPath(uri);
    } catch {
      return uri;
    }
  }

  uriOf(key: string): string {
    return path.isAbsolute(key) ? pathToFileURL(key).href : key;
  }

  isFile(key: string): boolean {
    return path.isAbsolute(key);
  }

  dirname(key: string): string {
    return path.dirname(key);
  }

  join(folder: string, name: string): string {
    return path.join(folder, name);
  }

  relative(folder: string, key: string): string {
    return toPosix(path.relative(folder, key));
  }

  isInside(key: string, folder: string): boolean {
    const rel = path.relative(folder, key);
    return (
      rel === '' || (rel !== '..' && !rel.startsWith('..' + path.sep) && !path.isAbsolute(rel))
    );
  }

  async find(
    folder: string,
    what: FileSearch,
    note?: (message: string) => void,
  ): Promise<string[]> {
    const problems: string[] = [];
    const log = new Log((line) => problems.push(line.trim()));
    // A folder named .bloomline.json, or a broken link of that name, is found too: reading it
    // fails, and the configuration store says so where it is (and gives the files under it the
    // defaults, as `check` does). A broken link to an outline file is said, as `check` says it.
    const broken: string[] = [];
    const options =
      what === 'config'
        ? { foldersNamed: CONFIG_FILE, reportBroken: (abs: string) => void broken.push(abs) }
        : { reportBroken: (abs: string, why: string) => note?.(`${abs}: skipped: ${why}`) };
    const found = expandArgs(['.'], folder, log, SELECT[what], options).map((t) => t.abs);
    if (log.failed) throw new Error(problems.join('; '));
    return broken.length ? [...found, ...broken].sort() : found;
  }

  async read(key: string): Promise<ReadResult> {
    try {
      const read = readSource(key);
      if (!read.ok) return { ok: false, missing: false, reason: read.reason };
      return { ok: true, text: read.source.text };
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      const link = code === 'ENOENT' || code === 'ELOOP' ? brokenLink(key) : null;
      if (link) return { ok: false, missing: false, reason: link };
      return {
        ok: false,
        missing: code === 'ENOENT' || code === 'ENOTDIR',
        reason: code ? fsReason(err) : String(err),
      };
    }
  }

  async modified(key: string): Promise<number | null> {
    try {
      return fs.statSync(key).mtimeMs;
    } catch {
      return null;
    }
  }
}
