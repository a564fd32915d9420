// Document identity: the core's Workspace knows files by path, the protocol by URI. A `file:`
// URI becomes its file-system path; any other URI (an unsaved `untitled:` document) is its own
// key. The URI a client sent is remembered, so answers name documents exactly as it does.
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const MARKDOWN_NAME = /\.(md|markdown)$/i;

export function keyOfUri(uri: string): string {
  if (!uri.startsWith('file:')) return uri;
  try {
    return fileURLToPath(uri);
  } catch {
    return uri;
  }
}

export function uriOfPath(key: string): string {
  return path.isAbsolute(key) ? pathToFileURL(key).href : key;
}

export function isMarkdownName(name: string): boolean {
  return MARKDOWN_NAME.test(name);
}

/** Is `child` the folder `parent` or inside it? */
export function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (rel !== '..' && !rel.startsWith('..' + path.sep) && !path.isAbsolute(rel));
}
