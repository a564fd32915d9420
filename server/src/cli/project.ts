// The files a command works on, read and analysed: arguments expanded, each file's
// configuration found and its `files`/`ignores` applied, bytes read and decoded, and every
// file put into one Workspace with its own configuration (so references between files
// resolve, as they do in the editor).
import * as path from 'node:path';
import { isOutline, Workspace, type Outline } from '../core/index.js';
import { ConfigResolver } from './config.js';
import { expandArgs, type Target } from './files.js';
import { describeError, fsReason, type Log } from './log.js';
import { readSource, type Source } from './source.js';

export interface LoadedFile {
  target: Target;
  source: Source;
  ws: Workspace;
}

export interface Project {
  files: LoadedFile[];
  /** The path to show for a workspace path (absolute), e.g. in a link to another file. */
  display(abs: string): string;
}

export function loadProject(
  args: readonly string[],
  cwd: string,
  log: Log,
  configPath?: string,
): Project {
  const resolver = new ConfigResolver(cwd, log, configPath);
  const shown = new Map<string, string>();
  const display = (abs: string): string =>
    shown.get(abs) ?? (path.isAbsolute(abs) ? path.relative(cwd, abs) || abs : abs);
  // A rule that fails is a bug to report (exit 2); the other rules still run.
  const ws = new Workspace(undefined, {
    onRuleError: (ruleId, abs, err) =>
      log.error(`${display(abs)}: rule ${ruleId} failed: ${describeError(err)}`),
  });
  const files: LoadedFile[] = [];
  for (const target of expandArgs(args, cwd, log)) {
    const resolved = resolver.forFile(target.abs);
    if (!target.explicit && !resolver.accepts(resolved, target.abs)) continue;
    let source: Source;
    try {
      const read = readSource(target.abs);
      if (!read.ok) {
        log.error(`${target.display}: ${read.reason}`);
        continue;
      }
      source = read.source;
    } catch (err) {
      log.error(`${target.display}: ${fsReason(err)}`);
      continue;
    }
    if (!source.validUtf8)
      log.note(`${target.display}: not valid UTF-8; invalid bytes read as U+FFFD`);
    const outline = ws.update(target.abs, source.text, resolved.config);
    // Too deeply nested (core/limits.ts): one line, exit 2, like a file that is too large.
    if (outline.declined)
      log.error(`${target.display}: ${outline.declined.replace(/^Not analysed/, 'not analysed')}`);
    files.push({ target, source, ws });
    shown.set(target.abs, target.display);
  }
  return { files, display };
}

/** A file with no recognised objective or outcome is not a course outline: it stays quiet. */
export function hasOutline(file: LoadedFile): boolean {
  const outline: Outline | undefined = file.ws.get(file.target.abs);
  return outline !== undefined && isOutline(outline);
}
