// `check`'s bulk suppressions on disk: where `bloomline-suppressions.json` is, reading it (a
// file that is not the documented shape stops the run with exit 2 and is never written over),
// and writing it atomically. What the counts mean is in core/suppressions.ts.
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  formatSuppressions,
  parseSuppressions,
  SUPPRESSIONS_FILE,
  type Suppressions,
} from '../core/index.js';
import { toPosix } from './glob.js';
import { CliError, fsReason } from './log.js';
import { writeAtomic } from './source.js';

export interface SuppressionsFile {
  /** Absolute path. */
  abs: string;
  /** As shown in messages. */
  shown: string;
  /** The project root: paths in the file are relative to it (the folder bloomline runs in). */
  root: string;
  /** What the file holds (empty when it does not exist yet). */
  suppressions: Suppressions;
  exists: boolean;
}

/**
 * Reads the suppressions file: `location` (from --suppressions-location) or
 * bloomline-suppressions.json in `cwd`. A missing default file is an empty one; a missing
 * --suppressions-location file is an error unless the run is about to record it.
 */
export function readSuppressionsFile(
  cwd: string,
  location: string | undefined,
  recording: boolean,
): SuppressionsFile {
  const shown = location ?? SUPPRESSIONS_FILE;
  const abs = path.resolve(cwd, shown);
  let text: string;
  try {
    text = fs.readFileSync(abs, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && (location === undefined || recording))
      return { abs, shown, root: cwd, suppressions: new Map(), exists: false };
    if (code === 'ENOENT')
      throw new CliError(
        `${shown}: the suppressions file does not exist; create it with --suppress-all or --suppress-rule RULE`,
      );
    throw new CliError(`${shown}: cannot read the suppressions file: ${fsReason(err)}`);
  }
  const parsed = parseSuppressions(text);
  if (!parsed.ok) {
    throw new CliError(
      `${shown}: not a valid suppressions file: ${parsed.reason}. Fix it or delete it; it was left unchanged`,
    );
  }
  return { abs, shown, root: cwd, suppressions: parsed.suppressions, exists: true };
}

/** Writes the file atomically, keeping an existing file's permissions. */
export function writeSuppressionsFile(file: SuppressionsFile, next: Suppressions): void {
  let mode: number | undefined;
  try {
    mode = fs.statSync(file.abs).mode & 0o7777;
  } catch {
    mode = undefined;
  }
  try {
    writeAtomic(file.abs, formatSuppressions(next), mode);
  } catch (err) {
    throw new CliError(`${file.shown}: cannot write the suppressions file: ${fsReason(err)}`);
  }
  file.suppressions = next;
  file.exists = true;
}

/** A checked file's key in the suppressions file: relative to the root, "/" separators. */
export function suppressionKey(root: string, abs: string): string {
  return toPosix(path.relative(root, abs));
}

/** Does a key of the file still name a file? */
export function keyExists(root: string, key: string): boolean {
  try {
    return fs.statSync(path.resolve(root, ...key.split('/'))).isFile();
  } catch {
    return false;
  }
}
