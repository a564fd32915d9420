// Reading and writing outline files. Files are read as bytes and decoded as UTF-8 here, so the
// core sees exactly the text it analyses: the BOM is taken off (and put back on write), line
// endings are left as they are. Writes are atomic: a temporary file in the same folder, then a
// rename, so an interrupted run never leaves half a file.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MAX_OUTLINE_BYTES } from '../core/index.js';
import { isInside } from './files.js';
import { nodeCrypto } from './builtins.js';

/** Files larger than the core analyses are not even read. */
export const MAX_BYTES = MAX_OUTLINE_BYTES;

export interface Source {
  /** The text to analyse: decoded, BOM removed. */
  text: string;
  bom: boolean;
  /** False when the bytes were not valid UTF-8 (decoded with U+FFFD): never rewritten. */
  validUtf8: boolean;
  /** The bytes as read, to notice a file that changed on disk before a fix is written. */
  bytes: Buffer;
}

export type ReadResult = { ok: true; source: Source } | { ok: false; reason: string };

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

export function readSource(abs: string): ReadResult {
  const size = fs.statSync(abs).size;
  if (size > MAX_BYTES) return { ok: false, reason: 'skipped, larger than 20 MB' };
  return decodeSource(fs.readFileSync(abs));
}

/** A file's bytes (or standard input's) as its text, as readSource reads them. */
export function decodeSource(bytes: Buffer): ReadResult {
  if (bytes.length > MAX_BYTES) return { ok: false, reason: 'skipped, larger than 20 MB' };
  let text: string;
  let validUtf8 = true;
  try {
    text = strict.decode(bytes);
  } catch {
    text = lenient.decode(bytes);
    validUtf8 = false;
  }
  const bom = text.charCodeAt(0) === 0xfeff;
  return { ok: true, source: { text: bom ? text.slice(1) : text, bom, validUtf8, bytes } };
}

/**
 * Writes the fixed text of a file atomically. A symlink is never written through: its target
 * is replaced (the link stays a link) only when the target is inside `root`, the folder named
 * on the command line; otherwise the file is refused. Returns a reason when nothing was written.
 */
export function writeFixed(abs: string, root: string, source: Source, text: string): string | null {
  let target = abs;
  if (fs.lstatSync(abs).isSymbolicLink()) {
    target = fs.realpathSync(abs);
    if (!isInside(target, root))
      return 'not fixed: it is a symbolic link to a file outside the folder being checked';
  }
  const current = fs.readFileSync(target);
  if (!current.equals(source.bytes))
    return 'not fixed: the file changed on disk while it was being checked';
  const mode = fs.statSync(target).mode & 0o7777;
  writeAtomic(target, Buffer.from((source.bom ? '\uFEFF' : '') + text, 'utf8'), mode);
  return null;
}

/**
 * Writes `data` to `target` atomically: a temporary file in the same folder, then a rename over
 * the target, so a reader never sees half a file. `mode` is kept exactly when given (the umask
 * may have narrowed it); otherwise a new file gets the usual 0o666 less the umask. Throws the
 * file-system error; the temporary file is removed.
 */
export function writeAtomic(target: string, data: Buffer | string, mode?: number): void {
  const tmp = path.join(
    path.dirname(target),
    `.${path.basename(target)}.${process.pid}.${nodeCrypto().randomBytes(4).toString('hex')}.tmp`,
  );
  try {
    fs.writeFileSync(tmp, data, { flag: 'wx', mode: mode ?? 0o666 });
    if (mode !== undefined) fs.chmodSync(tmp, mode);
    fs.renameSync(tmp, target);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw err;
  }
}

/**
 * Writes a command's result to the file its --output names, atomically, making the folders it
 * needs (as ESLint's --output-file does). A file written over keeps its permissions. Throws
 * the file-system error.
 */
export function writeOutput(target: string, text: string): void {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  writeAtomic(target, text, existingMode(target));
}

/** The permissions of a regular file there, if there is one. */
function existingMode(file: string): number | undefined {
  try {
    const stat = fs.statSync(file);
    return stat.isFile() ? stat.mode & 0o7777 : undefined;
  } catch {
    return undefined;
  }
}
