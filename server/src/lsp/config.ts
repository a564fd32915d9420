// Configuration in the editor: the `bloomline` settings (workspace/configuration), with the
// `.bloomline.json` files up the tree from each file merged over them as the command line merges
// them (core cascadeConfig: the nearest wins, up to one that says "root": true). The JSON file is read
// and parsed, never executed. Each problem in a file is reported as a diagnostic on the file
// itself, where it is; a bad setting is then left out (the editor's settings or the defaults
// fill it in) and the rest of the file applies. A file that is not JSON is ignored whole.
// Config files are read ahead (files.ts does the reading, on disk or through the client):
// every one in the workspace folders and those above them, and, for a file outside the
// folders, those above it; a file's configuration is then worked out without waiting.
import {
  CONFIG_KEYS,
  cascadeConfig,
  formatJsonPath,
  parseLocatedJson,
  resolveConfig,
  duplicateKeyIssues,
  type Config,
  type ConfigLayer,
  type PatternList,
} from '../core/index.js';
import { matchGlob, matchGlobOrParent } from '../cli/glob.js';
import { baseName, type WorkspaceFiles } from './files.js';

export const CONFIG_FILE = '.bloomline.json';

/** The settings that reach the core; anything else under `bloomline` (trace...) is the
 * client's own. `root` is a config file's word about the files above it. */
const CORE_KEYS = CONFIG_KEYS.filter((k) => k !== '$schema' && k !== 'root');

/** Does a client's answer for the `bloomline` section hold no settings (null, as Neovim
 * answers for a section it has not; an empty object)? */
export function noSettings(answer: unknown): boolean {
  return (
    !answer ||
    typeof answer !== 'object' ||
    Array.isArray(answer) ||
    Object.keys(answer).length === 0
  );
}

/** The settings in a client's initializationOptions: under `bloomline` (Helix sends its
 * `config` table, which docs/editors.md nests so), or the keys themselves (`init_options = {
 * rules = ... }`); null when they hold none. */
export function initializationSettings(options: unknown): Record<string, unknown> | null {
  if (noSettings(options)) return null;
  const o = options as Record<string, unknown>;
  if (!noSettings(o.bloomline)) return o.bloomline as Record<string, unknown>;
  return CORE_KEYS.some((k) => k in o) ? o : null;
}

export interface FileConfig {
  config: Config;
  /** `files` (null: the default selection) and `ignores`, each relative to the folder of the
   * config file that gives it, or the workspace folder for the settings (null: no folder). */
  files: PatternList<string | null> | null;
  ignores: PatternList<string | null>[];
  /** The nearest `.bloomline.json` in effect, or null. */
  source: string | null;
}

/** One thing wrong with a `.bloomline.json`: a message, and where (UTF-16 offsets). */
export interface ConfigProblem {
  message: string;
  text: string;
  start: number;
  end: number;
}

interface Loaded {
  /** The valid part of the file (its bad settings left out), or null when it is not JSON or
   * cannot be read. */
  raw: Record<string, unknown> | null;
  /** What is wrong with it, in the order of the file (empty: nothing). */
  problems: ConfigProblem[];
}

export class ConfigStore {
  /** The editor's settings for the whole window (no folder), valid part. */
  private settings: Record<string, unknown> = {};
  /** The settings of single workspace folders (a multi-root workspace's folder settings,
   * asked for with the folder as scopeUri), by folder key. */
  private readonly folderSettings = new Map<string, Record<string, unknown>>();
  /** Folder -> the nearest config file at or above it (null: none). */
  private readonly nearest = new Map<string, string | null>();
  private readonly merged = new Map<string, FileConfig>();
  /** Every config file read, by key. */
  private loaded = new Map<string, Loaded>();
  /** Folders searched for config files (all the ones in them are in `loaded`). */
  private searched: string[] = [];
  /** Single folders looked in for a config file (above the searched ones, or above a file
   * outside them). */
  private looked = new Set<string>();
  private generation = 0;

  constructor(
    private readonly files: WorkspaceFiles,
    /** Told each time a config file is read: its problems (none when it is valid, or gone). */
    private readonly onProblem: (file: string, problems: readonly ConfigProblem[]) => void,
  ) {}

  /** New settings, of one workspace folder or (null) of the whole window: their validation
   * errors (the bad settings are then left out, the others apply), and whether they differ
   * from the ones in use there. */
  setSettings(raw: unknown, folder: string | null = null): { errors: string[]; changed: boolean } {
    const picked: Record<string, unknown> = {};
    if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
      for (const k of CORE_KEYS) {
        const v = (raw as Record<string, unknown>)[k];
        if (v !== undefined && v !== null) picked[k] = v;
      }
    }
    const { errors, valid } = resolveConfig(picked);
    const next = errors.length ? valid : picked;
    const changed = JSON.stringify(next) !== JSON.stringify(this.settingsOf(folder));
    if (folder === null) this.settings = next;
    else this.folderSettings.set(folder, next);
    if (changed) this.forget();
    return { errors, changed };
  }

  /** Forgets the settings of folders not among these (gone from the workspace; none: the
   * client pushes one set of settings for all); true when a file's settings may change. */
  keepFolderSettings(folders: readonly string[]): boolean {
    let changed = false;
    for (const [folder, settings] of [...this.folderSettings]) {
      if (folders.includes(folder)) continue;
      this.folderSettings.delete(folder);
      if (JSON.stringify(settings) !== JSON.stringify(this.settings)) changed = true;
    }
    if (changed) this.forget();
    return changed;
  }

  /** The settings in effect in a workspace folder (or, null, outside every folder). */
  private settingsOf(folder: string | null): Record<string, unknown> {
    return (folder !== null ? this.folderSettings.get(folder) : undefined) ?? this.settings;
  }

  /** Reads again every config file the files of these (workspace) folders can use: those in
   * the folders and those above them. What was read before stays in use until this is done; a
   * newer call supersedes one still running (false then). */
  async loadFolders(folders: readonly string[]): Promise<boolean> {
    const generation = ++this.generation;
    const loaded = new Map<string, Loaded>();
    const looked = new Set<string>();
    for (const folder of folders) {
      let found: string[] = [];
      try {
        found = await this.files.find(folder, 'config');
      } catch {
        // An unreadable folder has no config files to offer; the outline scan says why.
      }
      for (const file of found) {
        const read = await this.files.read(file);
        loaded.set(
          file,
          read.ok ? parseConfig(read.text) : unreadable(read.missing ? 'it is gone' : read.reason),
        );
      }
      for (const dir of this.above(this.files.dirname(folder), folders)) {
        if (looked.has(dir)) continue;
        looked.add(dir);
        const file = this.files.join(dir, CONFIG_FILE);
        const read = await this.files.read(file);
        // Only a file that is there counts: a folder above the workspace that cannot be
        // read (or a virtual file system's root) is no config problem.
        if (read.ok) loaded.set(file, parseConfig(read.text));
      }
    }
    if (generation !== this.generation) return false;
    for (const file of this.loaded.keys()) if (!loaded.has(file)) this.onProblem(file, []);
    this.loaded = loaded;
    this.searched = [...folders];
    this.looked = looked;
    this.forget();
    for (const [file, result] of loaded) this.onProblem(file, result.problems);
    return true;
  }

  /** Would the configuration of a file (outside the searched folders) depend on a folder not
   * looked in yet? */
  needsLook(key: string): boolean {
    return this.unlooked(key).length > 0;
  }

  /** Looks for the config files above a file outside the searched folders; true when one was
   * found (its configuration may have changed). */
  async lookAbove(key: string): Promise<boolean> {
    let found = false;
    for (const dir of this.unlooked(key)) {
      const file = this.files.join(dir, CONFIG_FILE);
      const read = await this.files.read(file);
      this.looked.add(dir);
      if (!read.ok || this.loaded.has(file)) continue;
      const result = parseConfig(read.text);
      this.loaded.set(file, result);
      this.onProblem(file, result.problems);
      found = true;
    }
    if (found) this.forget();
    return found;
  }

  /** The configuration of a file (workspace key) in a workspace folder (or none). */
  forFile(key: string, folder: string | null): FileConfig {
    const source = this.files.isFile(key) ? this.findNearest(this.files.dirname(key)) : null;
    const cacheKey = `${source ?? ''}\0${folder ?? ''}`;
    let fc = this.merged.get(cacheKey);
    if (!fc) {
      fc = this.merge(source, folder);
      this.merged.set(cacheKey, fc);
    }
    return fc;
  }

  /** Does a configuration (the settings or a config file) name files in `files` that a search
   * for the files read by default would not find ("**\/*.txt")? */
  selectsOtherFiles(): boolean {
    const others = (files: unknown) =>
      Array.isArray(files) && files.some((g) => typeof g !== 'string' || !namesOutlines(g));
    if (others(this.settings.files)) return true;
    for (const settings of this.folderSettings.values()) if (others(settings.files)) return true;
    for (const { raw } of this.loaded.values()) if (others(raw?.files)) return true;
    return false;
  }

  /** Do the configuration's `files` (when set) and `ignores` let this file be checked? An
   * unsaved document is always checked; a file outside every workspace folder and every
   * config file's folder is matched by its name alone. */
  accepts(fc: FileConfig, key: string): boolean {
    const { files, ignores } = fc;
    if ((!files?.patterns.length && !ignores.length) || !this.files.isFile(key)) return true;
    const rel = (dir: string | null) =>
      dir === null ? baseName(key) : this.files.relative(dir, key);
    if (files?.patterns.length && !files.patterns.some((g) => matchGlob(g, rel(files.dir))))
      return false;
    return !ignores.some((list) => list.patterns.some((g) => matchGlobOrParent(g, rel(list.dir))));
  }

  private forget(): void {
    this.nearest.clear();
    this.merged.clear();
  }

  /** The folders from `dir` up to the root, but none inside one of `trees`. */
  private above(dir: string, trees: readonly string[]): string[] {
    const out: string[] = [];
    for (let d = dir; ; d = this.files.dirname(d)) {
      if (!trees.some((t) => this.files.isInside(d, t))) out.push(d);
      if (this.files.dirname(d) === d) return out;
    }
  }

  private unlooked(key: string): string[] {
    if (!this.files.isFile(key)) return [];
    return this.above(this.files.dirname(key), this.searched).filter((d) => !this.looked.has(d));
  }

  /** The settings of the workspace folder, with the config files from `source` (the nearest)
   * up merged over them: up to one that says "root": true, or one that cannot be read (not
   * JSON: it may have said "root"), which gives the settings alone. */
  private merge(source: string | null, folder: string | null): FileConfig {
    const layers: ConfigLayer<string | null>[] = [];
    for (let file = source; file !== null;) {
      const data = this.loaded.get(file)?.raw ?? null;
      if (data === null) break;
      layers.unshift({ data, dir: this.files.dirname(file) });
      if (data.root === true) break;
      const dir = this.files.dirname(file);
      const parent = this.files.dirname(dir);
      file = parent === dir ? null : this.findNearest(parent);
    }
    const { config, files, ignores } = cascadeConfig(layers, {
      data: this.settingsOf(folder),
      dir: folder,
    });
    return { config, files, ignores, source };
  }

  /** The nearest config file read at or above `dir`. */
  private findNearest(dir: string): string | null {
    const known = this.nearest.get(dir);
    if (known !== undefined) return known;
    let found: string | null = null;
    const candidate = this.files.join(dir, CONFIG_FILE);
    if (this.loaded.has(candidate)) found = candidate;
    else {
      const parent = this.files.dirname(dir);
      found = parent === dir ? null : this.findNearest(parent);
    }
    this.nearest.set(dir, found);
    return found;
  }
}

/** Does a glob take only files with the names read by default ("**\/*.md", "*.{qmd,Rmd}")? */
function namesOutlines(glob: string): boolean {
  const last = glob.slice(glob.lastIndexOf('/') + 1);
  const m = /\.(?:\{([\w,]+)\}|(\w+))$/.exec(last);
  if (!m) return false;
  const extensions = m[1] !== undefined ? m[1].split(',') : [m[2]!];
  return extensions.every((e) => OUTLINE_EXTENSION.test(e));
}
const OUTLINE_EXTENSION = /^(?:md|markdown|qmd|rmd|ipynb)$/i;

function unreadable(reason: string): Loaded {
  return {
    raw: null,
    problems: [
      {
        message: `Invalid ${CONFIG_FILE}: cannot read it (${reason}). ${IGNORED}`,
        text: '',
        start: 0,
        end: 0,
      },
    ],
  };
}

const IGNORED =
  "Bloomline ignores this file until it is fixed and uses the editor's settings (or the defaults).";

/** A config file's text, parsed and validated: its valid part and every problem, where it is. */
function parseConfig(text: string): Loaded {
  const json = parseLocatedJson(text);
  if (json.error) {
    const start = Math.min(json.error.offset, text.length);
    return {
      raw: null,
      problems: [
        {
          message: `Invalid ${CONFIG_FILE}: it is not valid JSON (${json.error.message}). ${IGNORED}`,
          text,
          start,
          end: Math.min(start + 1, text.length),
        },
      ],
    };
  }
  const { issues, valid } = resolveConfig(json.value);
  const located = issues.map((x) => ({ x, span: json.locate(x.path, x.atKey) }));
  for (const d of duplicateKeyIssues(json, text)) located.push({ x: d.issue, span: d.span });
  const problems = located.map(({ x, span: at }): ConfigProblem => {
    const span = at ?? { start: 0, end: 0 };
    const path = x.path.length ? `${formatJsonPath(x.path)}: ` : '';
    return {
      message: `Invalid ${CONFIG_FILE}: ${path}${x.message}; ${x.fallback}. The rest of the file applies.`,
      text,
      start: span.start,
      end: span.end,
    };
  });
  problems.sort((a, b) => a.start - b.start);
  const usable =
    json.value !== null && typeof json.value === 'object' && !Array.isArray(json.value);
  return { raw: usable ? valid : null, problems };
}
