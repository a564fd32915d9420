// Which configuration applies to a file: the `.bloomline.json` files from the file's folder up
// the tree, merged (core cascadeConfig: the nearest wins, up to one that says "root": true), or
// the one file named with --config. The files are parsed as JSON and never executed
// (`.bloomline.js` and friends are not looked at). An invalid file is reported once, one line
// per problem with its line and column; a bad setting falls back to what the files above (or
// the defaults) say and the others apply; a file that is not JSON, or cannot be read, gives the
// defaults and ends the chain there. The run then exits 2.
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  DEFAULT_CONFIG,
  LineIndex,
  cascadeConfig,
  formatJsonPath,
  isOutlineName,
  parseLocatedJson,
  resolveConfig,
  duplicateKeyIssues,
  type Config,
  type ConfigLayer,
  type PatternList,
} from '../core/index.js';
import { CliError, fsReason, type Log } from './log.js';
import { brokenLink } from './files.js';
import { matchGlob, matchGlobOrParent, toPosix } from './glob.js';

export const CONFIG_FILE = '.bloomline.json';

export interface ResolvedConfig {
  config: Config;
  /** The config file nearest to the file, or null for the defaults. */
  source: string | null;
  /** Every config file whose settings apply, nearest first (`source` first). */
  sources: string[];
  /** Their valid data, farthest first, each with its folder. */
  layers: ConfigLayer<string>[];
  /** `files` (null: the default selection) and `ignores`, each relative to the folder of the
   * file that gives it: the config file's folder, or the current folder for --config (as
   * ESLint does). */
  files: PatternList<string> | null;
  ignores: PatternList<string>[];
}

/** The settings of config files' layers (farthest first; none: the defaults), `sources`
 * nearest first. */
function resolvedFrom(layers: ConfigLayer<string>[], sources: string[]): ResolvedConfig {
  const source = sources[0] ?? null;
  if (!layers.length)
    return { config: DEFAULT_CONFIG, source, sources, layers, files: null, ignores: [] };
  return { ...cascadeConfig(layers), source, sources, layers };
}

/** Why `files` and `ignores` leave a file out ("files": it is not among the files chosen;
 * "ignores"), or null. `rel`: the file's path from a folder, with `/`. A file found by a
 * pattern naming its extension, or named (`chosen`), needs no choosing by name when no `files`
 * is set. */
export function leftOutBy(
  resolved: Pick<ResolvedConfig, 'files' | 'ignores'>,
  abs: string,
  rel: (dir: string) => string,
  chosen: boolean,
): 'files' | 'ignores' | null {
  const { files, ignores } = resolved;
  if (files && files.patterns.length) {
    const from = rel(files.dir);
    if (!files.patterns.some((g) => matchGlob(g, from))) return 'files';
  } else if (!chosen && !isOutlineName(abs)) return 'files';
  for (const list of ignores) {
    const from = rel(list.dir);
    if (list.patterns.some((g) => matchGlobOrParent(g, from))) return 'ignores';
  }
  return null;
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
    this.defaults = resolvedFrom([], []);
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
    return leftOutBy(resolved, abs, (dir) => toPosix(path.relative(dir, abs)), byPattern) === null;
  }

  /** Why the configuration leaves out a file named on the command line (`--force-exclude`):
   * "files" does not select it, or "ignores" leaves it out; null when it is checked. A named
   * file's name needs no choosing (`notes.txt`): only a `files` that is set narrows. */
  leftOut(abs: string): string | null {
    const resolved = this.forFile(abs);
    const why = leftOutBy(resolved, abs, (dir) => toPosix(path.relative(dir, abs)), true);
    const where = this.explicit ? 'the --config file' : CONFIG_FILE;
    if (why === 'files') return `"files" in ${where} does not select it`;
    if (why === 'ignores') return `"ignores" in ${where} leaves it out`;
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
      const code = (err as NodeJS.ErrnoException).code;
      // A link to a shared file that has moved is where a configuration was meant to be too.
      if (code !== 'ENOENT' && code !== 'ENOTDIR') readError = err;
      else if (code === 'ENOENT') notAFile = brokenLink(file);
    }
    const shown = this.shown(file);
    const parent = path.dirname(dir);
    const above = (): ResolvedConfig => (parent === dir ? this.defaults : this.forDir(parent));
    if (readError) {
      this.log.error(`${shown}: cannot read: ${fsReason(readError)}; using defaults`);
      resolved = resolvedFrom([], [file]);
    } else if (notAFile) {
      const what = notAFile.startsWith('is ') ? `${notAFile}, not a configuration file` : notAFile;
      this.log.error(`${shown}: ${what}; using the defaults`);
      resolved = resolvedFrom([], [file]);
    } else if (text !== null) {
      const data = this.parse(shown, text);
      const layer = { data: data ?? {}, dir };
      // Not JSON: the defaults, and nothing from above (the file may have said "root").
      if (data === null || data.root === true) resolved = resolvedFrom(data ? [layer] : [], [file]);
      else {
        const up = above();
        resolved = resolvedFrom([...up.layers, layer], [file, ...up.sources]);
      }
    } else {
      resolved = above();
    }
    this.byDir.set(dir, resolved);
    return resolved;
  }

  /** The --config file: one that cannot be read stops the run (exit 2). Its `root` says
   * nothing: it is the only file read. */
  private load(configPath: string): ResolvedConfig {
    const abs = path.resolve(this.cwd, configPath);
    let text: string;
    try {
      text = fs.readFileSync(abs, 'utf8');
    } catch (err) {
      throw new CliError(`${configPath}: cannot read the configuration file: ${fsReason(err)}`);
    }
    const data = this.parse(configPath, text);
    return resolvedFrom(data ? [{ data, dir: this.cwd }] : [], [abs]);
  }

  /** Parses and validates; reports each problem on its own line, at its line and column.
   * The valid part of the file (a bad setting left out, the others kept), or null when it
   * is not JSON. */
  private parse(shown: string, text: string): Record<string, unknown> | null {
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
      return null;
    }
    const { issues, valid } = resolveConfig(json.value);
    const located = issues.map((x) => ({ x, span: json.locate(x.path, x.atKey) }));
    for (const d of duplicateKeyIssues(json, text)) located.push({ x: d.issue, span: d.span });
    located.sort((a, b) => (a.span?.start ?? 0) - (b.span?.start ?? 0));
    for (const { x, span } of located) {
      const at = span ? where(span.start) : shown;
      this.log.error(`${at}: ${formatJsonPath(x.path)}: ${x.message}; ${x.fallback}`);
    }
    return valid;
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
    resolved.sources.length
      ? `${shown}: settings from ${resolved.sources.map((s) => resolver.shown(s)).join(', then ')}`
      : `${shown}: no ${CONFIG_FILE} applies; the defaults`,
  );
  const { preset, rules, kind, linking, files, ignores, vaguePhrases, verbs } = resolved.config;
  const printed = { preset, rules, kind, linking, files, ignores, vaguePhrases, verbs };
  stdout(`${JSON.stringify(printed, null, 2)}\n`);
  return log.failed ? 2 : 0;
}
