// Configuration in the editor: the `bloomline` settings (workspace/configuration), with the
// nearest `.bloomline.json` up the tree from each file merged over them. The JSON file is read
// and parsed, never executed. An invalid file is reported once, as one diagnostic on the file
// itself, and is then ignored: its files get the settings alone (the editor's defaults).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { resolveConfig, type Config } from '../core/index.js';
import { matchGlob, matchGlobOrParent, toPosix } from '../cli/glob.js';

export const CONFIG_FILE = '.bloomline.json';

/** The settings that reach the core; anything else under `bloomline` (trace...) is the
 * client's own. */
const CORE_KEYS = [
  'preset',
  'rules',
  'kind',
  'linking',
  'files',
  'ignores',
  'vaguePhrases',
  'verbs',
];

export interface FileConfig {
  config: Config;
  /** The folder `files` and `ignores` are relative to (null: no folder, for unsaved documents). */
  baseDir: string | null;
  /** The `.bloomline.json` in effect, or null. */
  source: string | null;
}

/** What is wrong with a `.bloomline.json`: one message, and where (UTF-16 offsets). */
export interface ConfigProblem {
  message: string;
  text: string;
  start: number;
  end: number;
}

interface Loaded {
  /** The parsed and validated object, or null when the file is invalid or unreadable. */
  raw: Record<string, unknown> | null;
  problem: ConfigProblem | null;
}

export class ConfigStore {
  private settings: Record<string, unknown> = {};
  /** Folder -> the nearest config file at or above it (null: none). */
  private readonly nearest = new Map<string, string | null>();
  private readonly loaded = new Map<string, Loaded>();
  private readonly merged = new Map<string, FileConfig>();

  constructor(
    /** Told each time a config file is read: its problem, or null when it is valid. */
    private readonly onProblem: (file: string, problem: ConfigProblem | null) => void,
  ) {}

  /** New settings: their validation errors (the settings are then ignored), and whether they
   * differ from the ones in use. */
  setSettings(raw: unknown): { errors: string[]; changed: boolean } {
    const picked: Record<string, unknown> = {};
    if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
      for (const k of CORE_KEYS) {
        const v = (raw as Record<string, unknown>)[k];
        if (v !== undefined && v !== null) picked[k] = v;
      }
    }
    const { errors } = resolveConfig(picked);
    const next = errors.length ? {} : picked;
    const changed = JSON.stringify(next) !== JSON.stringify(this.settings);
    this.settings = next;
    if (changed) this.clear();
    return { errors, changed };
  }

  /** Forgets every config file read (one was created, changed or deleted). */
  clear(): void {
    this.nearest.clear();
    this.loaded.clear();
    this.merged.clear();
  }

  /** Reads one config file again now (after it changed), reporting its problem or none. */
  reload(file: string): void {
    this.clear();
    if (fs.existsSync(file)) this.load(file);
    else this.onProblem(file, null);
  }

  /** The configuration of a file (workspace key) in a workspace folder (or none). */
  forFile(key: string, folder: string | null): FileConfig {
    const source = path.isAbsolute(key) ? this.findNearest(path.dirname(key)) : null;
    const cacheKey = `${source ?? ''}\0${folder ?? ''}`;
    let fc = this.merged.get(cacheKey);
    if (!fc) {
      fc = this.merge(source, folder);
      this.merged.set(cacheKey, fc);
    }
    return fc;
  }

  /** Do the configuration's `files` (when set) and `ignores` let this file be checked? An
   * unsaved document is always checked; a file outside every workspace folder and every
   * config file's folder is matched by its name alone. */
  accepts(fc: FileConfig, key: string): boolean {
    const { files, ignores } = fc.config;
    if ((!files.length && !ignores.length) || !path.isAbsolute(key)) return true;
    const rel = toPosix(fc.baseDir === null ? path.basename(key) : path.relative(fc.baseDir, key));
    if (files.length && !files.some((g) => matchGlob(g, rel))) return false;
    return !ignores.some((g) => matchGlobOrParent(g, rel));
  }

  private merge(source: string | null, folder: string | null): FileConfig {
    const file = source ? this.load(source).raw : null;
    const settings = this.settings;
    if (!file) {
      const { config } = resolveConfig(settings);
      return { config, baseDir: folder, source: null };
    }
    const rules = {
      ...(settings.rules as Record<string, unknown> | undefined),
      ...(file.rules as Record<string, unknown> | undefined),
    };
    const merged: Record<string, unknown> = { ...settings, ...file };
    if (Object.keys(rules).length) merged.rules = rules;
    const attempt = resolveConfig(merged);
    const config = attempt.errors.length ? resolveConfig(file).config : attempt.config;
    // `files` and `ignores` written in the file are relative to its folder; the settings' to
    // the workspace folder.
    const fromFile = file.files !== undefined || file.ignores !== undefined;
    const baseDir = fromFile || !folder ? path.dirname(source!) : folder;
    return { config, baseDir, source };
  }

  private findNearest(dir: string): string | null {
    const known = this.nearest.get(dir);
    if (known !== undefined) return known;
    let found: string | null = null;
    const candidate = path.join(dir, CONFIG_FILE);
    try {
      if (fs.statSync(candidate).isFile()) found = candidate;
    } catch {
      // No config file here.
    }
    if (!found) {
      const parent = path.dirname(dir);
      found = parent === dir ? null : this.findNearest(parent);
    }
    this.nearest.set(dir, found);
    return found;
  }

  private load(file: string): Loaded {
    const known = this.loaded.get(file);
    if (known) return known;
    const result = readConfigFile(file);
    this.loaded.set(file, result);
    this.onProblem(file, result.problem);
    return result;
  }
}

function readConfigFile(file: string): Loaded {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code ?? String(err);
    return {
      raw: null,
      problem: { message: problem(`cannot read it (${reason})`), text: '', start: 0, end: 0 },
    };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    const message = (err as Error).message;
    const at = /at position (\d+)/.exec(message);
    const start = at ? Math.min(Number(at[1]), text.length) : text.length;
    const reason = message
      .replace(/\s*in JSON at position \d+.*$/s, '')
      .replace(/^JSON\.parse: /, '');
    return {
      raw: null,
      problem: {
        message: problem(`it is not valid JSON (${reason})`),
        text,
        start,
        end: Math.min(start + 1, text.length),
      },
    };
  }
  const { errors } = resolveConfig(raw);
  if (!errors.length) return { raw: raw as Record<string, unknown>, problem: null };
  const { start, end } = locate(text, errors[0]!);
  return { raw: null, problem: { message: problem(errors.join('; ')), text, start, end } };
}

function problem(what: string): string {
  return `Invalid ${CONFIG_FILE}: ${what}. Bloomline ignores this file until it is fixed and uses the editor's settings (or the defaults).`;
}

/** Where the first error is: the first name it quotes, as a key or a string in the JSON. */
function locate(text: string, error: string): { start: number; end: number } {
  const name = /"([^"]+)"/.exec(error)?.[1];
  if (name) {
    const quoted = JSON.stringify(name.split('.').pop());
    const asKey = new RegExp(`${escapeRe(quoted)}\\s*:`).exec(text);
    const at = asKey ? asKey.index : text.indexOf(quoted);
    if (at >= 0) return { start: at, end: at + quoted.length };
  }
  return { start: 0, end: 0 };
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
