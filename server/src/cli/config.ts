// Which configuration applies to a file: the `.bloomline.json` nearest up the tree from the
// file's folder, or the one file named with --config. The file is parsed as JSON and never
// executed (`.bloomline.js` and friends are not looked at). An invalid file is reported once,
// one line per problem with its line and column; a bad setting falls back to its default and
// the others apply (invalid JSON: the defaults). The run then exits 2.
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  DEFAULT_CONFIG,
  LineIndex,
  formatJsonPath,
  isOutlineName,
  parseLocatedJson,
  resolveConfig,
  duplicateKeyIssues,
  type Config,
} from '../core/index.js';
import { CliError, fsReason, type Log } from './log.js';
import { matchGlob, matchGlobOrParent, toPosix } from './glob.js';

export const CONFIG_FILE = '.bloomline.json';

export interface ResolvedConfig {
  config: Config;
  /** The config file, or null for the defaults. */
  source: string | null;
  /** The folder `files` and `ignores` patterns are relative to: the config file's folder, or
   * the current folder for --config and for the defaults (as ESLint does). */
  baseDir: string;
}

export class ConfigResolver {
  /** Per folder: the configuration that applies to files in it. */
  private readonly byDir = new Map<string, ResolvedConfig>();
  private readonly explicit: ResolvedConfig | null;
  private readonly defaults: ResolvedConfig;

  constructor(
    private readonly cwd: string,
    private readonly log: Log,
    configPath?: string,
  ) {
    this.defaults = { config: DEFAULT_CONFIG, source: null, baseDir: cwd };
    this.explicit = configPath === undefined ? null : this.load(configPath);
  }

  /** The configuration for a file (absolute path). */
  forFile(abs: string): ResolvedConfig {
    return this.explicit ?? this.forDir(path.dirname(abs));
  }

  /** Does the configuration let this file be checked? `files` chooses (it can name more
   * than the outline files read by default, or fewer), `ignores` removes. A file found by a
   * pattern naming its extension (`byPattern`) needs no choosing, only not to be removed. */
  accepts(resolved: ResolvedConfig, abs: string, byPattern = false): boolean {
    const rel = toPosix(path.relative(resolved.baseDir, abs));
    const { files, ignores } = resolved.config;
    if (files.length) {
      if (!files.some((g) => matchGlob(g, rel))) return false;
    } else if (!byPattern && !isOutlineName(abs)) return false;
    return !ignores.some((g) => matchGlobOrParent(g, rel));
  }

  /** Why the configuration leaves out a file named on the command line (`--force-exclude`):
   * "files" does not select it, or "ignores" leaves it out; null when it is checked. A named
   * file's name needs no choosing (`notes.txt`): only a `files` that is set narrows. */
  leftOut(abs: string): string | null {
    const resolved = this.forFile(abs);
    const rel = toPosix(path.relative(resolved.baseDir, abs));
    const { files, ignores } = resolved.config;
    const where = this.explicit ? 'the --config file' : CONFIG_FILE;
    if (files.length && !files.some((g) => matchGlob(g, rel)))
      return `"files" in ${where} does not select it`;
    if (ignores.some((g) => matchGlobOrParent(g, rel)))
      return `"ignores" in ${where} leaves it out`;
    return null;
  }

  /** The files a folder walk takes: those the configuration of their folder accepts. */
  readonly select = (abs: string): boolean => this.accepts(this.forFile(abs), abs);

  private forDir(dir: string): ResolvedConfig {
    const known = this.byDir.get(dir);
    if (known) return known;
    const file = path.join(dir, CONFIG_FILE);
    let resolved: ResolvedConfig;
    let text: string | null = null;
    let readError: unknown = null;
    let notAFile: string | null = null;
    try {
      const stat = fs.statSync(file);
      // A folder (or a device) of that name is no configuration, but it is where one was
      // meant to be: said, with the defaults, never passed over for the file further up.
      if (stat.isFile()) text = fs.readFileSync(file, 'utf8');
      else notAFile = stat.isDirectory() ? 'is a folder' : 'is not a regular file';
    } catch (err) {
      if (
        (err as NodeJS.ErrnoException).code !== 'ENOENT' &&
        (err as NodeJS.ErrnoException).code !== 'ENOTDIR'
      ) {
        readError = err;
      }
    }
    const shown = this.shown(file);
    if (readError) {
      this.log.error(`${shown}: cannot read: ${fsReason(readError)}; using defaults`);
      resolved = { config: DEFAULT_CONFIG, source: file, baseDir: dir };
    } else if (notAFile) {
      this.log.error(`${shown}: ${notAFile}, not a configuration file; using the defaults`);
      resolved = { config: DEFAULT_CONFIG, source: file, baseDir: dir };
    } else if (text !== null) {
      resolved = { config: this.parse(shown, text), source: file, baseDir: dir };
    } else {
      const parent = path.dirname(dir);
      resolved = parent === dir ? this.defaults : this.forDir(parent);
    }
    this.byDir.set(dir, resolved);
    return resolved;
  }

  /** The --config file: one that cannot be read stops the run (exit 2). */
  private load(configPath: string): ResolvedConfig {
    const abs = path.resolve(this.cwd, configPath);
    let text: string;
    try {
      text = fs.readFileSync(abs, 'utf8');
    } catch (err) {
      throw new CliError(`${configPath}: cannot read the configuration file: ${fsReason(err)}`);
    }
    return { config: this.parse(configPath, text), source: abs, baseDir: this.cwd };
  }

  /** Parses and validates; reports each problem on its own line, at its line and column.
   * Invalid JSON gives the defaults; a bad setting falls back alone, the others apply. */
  private parse(shown: string, text: string): Config {
    const json = parseLocatedJson(text);
    const lines = new LineIndex(text);
    const where = (offset: number) => {
      const p = lines.position(offset);
      return `${shown}:${p.line + 1}:${p.character + 1}`;
    };
    if (json.error) {
      this.log.error(
        `${where(json.error.offset)}: not valid JSON: ${json.error.message}; using the defaults`,
      );
      return DEFAULT_CONFIG;
    }
    const { config, issues } = resolveConfig(json.value);
    const located = issues.map((x) => ({ x, span: json.locate(x.path, x.atKey) }));
    for (const d of duplicateKeyIssues(json, text)) located.push({ x: d.issue, span: d.span });
    located.sort((a, b) => (a.span?.start ?? 0) - (b.span?.start ?? 0));
    for (const { x, span } of located) {
      const at = span ? where(span.start) : shown;
      this.log.error(`${at}: ${formatJsonPath(x.path)}: ${x.message}; ${x.fallback}`);
    }
    return config;
  }

  /** A path as messages show it: relative to the current folder when it is inside it. */
  shown(file: string): string {
    const rel = path.relative(this.cwd, file);
    return rel && !path.isAbsolute(rel) ? rel : file;
  }
}

/**
 * `check --print-config FILE` (ESLint's flag): the settings that apply to FILE (which need not
 * exist), printed as a `.bloomline.json` that says everything (every rule's severity), with a
 * note of the file they come from. The configuration's problems are said as a check says them
 * (exit 2), and what is printed is what the check would then use.
 */
export function printConfig(
  file: string,
  cwd: string,
  log: Log,
  stdout: (text: string) => void,
  configPath?: string,
): number {
  const resolver = new ConfigResolver(cwd, log, configPath);
  const resolved = resolver.forFile(path.resolve(cwd, file));
  const shown = path.normalize(file);
  log.note(
    resolved.source
      ? `${shown}: settings from ${resolver.shown(resolved.source)}`
      : `${shown}: no ${CONFIG_FILE} applies; the defaults`,
  );
  const { preset, rules, kind, linking, files, ignores, vaguePhrases, verbs } = resolved.config;
  const printed = { preset, rules, kind, linking, files, ignores, vaguePhrases, verbs };
  stdout(`${JSON.stringify(printed, null, 2)}\n`);
  return log.failed ? 2 : 0;
}
