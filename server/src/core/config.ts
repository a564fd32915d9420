// Configuration: presets, per-rule severities and word lists, validated from plain JSON data.
// Nothing here reads files: callers (CLI, language server) parse `.bloomline.json` and pass
// the value in. Every problem is reported with its JSON path; only the bad parts fall back to
// their defaults, so one typo does not throw away the rest of an author's settings.
import {
  BLOOM_LEVELS,
  COURSE_KINDS,
  type BloomLevel,
  type KindSetting,
  type Severity,
  type SeveritySetting,
} from './model.js';
import { formatJsonPath, type JsonPath, type JsonSpan, type LocatedJson } from './located-json.js';

export type PresetName = 'recommended' | 'strict' | 'carpentries';
export type Linking = 'sections' | 'explicit';

export interface Config {
  preset: PresetName;
  /** Effective severity of every rule (preset, then overrides). */
  rules: Record<string, SeveritySetting>;
  /** The kind of course (OUTLINE-CONVENTIONS.md section 10), or `auto`: read from the outline. */
  kind: KindSetting;
  linking: Linking;
  files: string[];
  ignores: string[];
  vaguePhrases: string[];
  verbs: Partial<Record<BloomLevel, string[]>>;
}

/** Default severities: the table of INTERFACES.md. */
export const RULE_DEFAULTS: Readonly<Record<string, Severity>> = {
  'missing-outcome': 'warning',
  'vague-verb': 'warning',
  'no-verb': 'warning',
  'unknown-verb': 'hint',
  'missing-criterion': 'warning',
  'compound-objective': 'information',
  'unmeasurable-outcome': 'warning',
  'missing-timeframe': 'information',
  'vanity-metric': 'warning',
  'output-not-outcome': 'information',
  'orphan-outcome': 'warning',
  'unknown-reference': 'error',
  'duplicate-id': 'error',
  'unassessed-objective': 'warning',
  'assessment-below-level': 'information',
  'unread-block': 'information',
};

export const RULE_IDS: readonly string[] = Object.keys(RULE_DEFAULTS);

const SEVERITIES: readonly SeveritySetting[] = ['off', 'hint', 'information', 'warning', 'error'];

function presetRules(name: PresetName): Record<string, SeveritySetting> {
  const rules: Record<string, SeveritySetting> = { ...RULE_DEFAULTS };
  if (name === 'strict') {
    for (const id of RULE_IDS) if (rules[id] !== 'error') rules[id] = 'warning';
  } else if (name === 'carpentries') {
    rules['missing-outcome'] = 'off';
  }
  return rules;
}

/** The kind each preset reads courses as, unless `kind` is set. */
export const PRESET_KINDS: Readonly<Record<PresetName, KindSetting>> = {
  recommended: 'auto',
  strict: 'auto',
  carpentries: 'workshop',
};

export const PRESETS: Readonly<Record<PresetName, Readonly<Record<string, SeveritySetting>>>> = {
  recommended: presetRules('recommended'),
  strict: presetRules('strict'),
  carpentries: presetRules('carpentries'),
};

export const DEFAULT_CONFIG: Config = Object.freeze({
  preset: 'recommended',
  rules: presetRules('recommended'),
  kind: 'auto',
  linking: 'sections',
  files: [],
  ignores: [],
  vaguePhrases: [],
  verbs: {},
}) as Config;

/** The keys of `.bloomline.json`. */
export const CONFIG_KEYS: readonly string[] = [
  '$schema',
  'preset',
  'rules',
  'kind',
  'linking',
  'files',
  'ignores',
  'vaguePhrases',
  'verbs',
  'root',
];
const KINDS: readonly string[] = ['auto', ...COURSE_KINDS];
const PRESET_NAMES: readonly PresetName[] = ['recommended', 'strict', 'carpentries'];
const LINKINGS: readonly Linking[] = ['sections', 'explicit'];

/** A word list entry: letters, digits, spaces, hyphens and apostrophes only (never a pattern). */
function isWordPhrase(s: string): boolean {
  return /^[\p{L}\p{N}][\p{L}\p{N}' -]*$/u.test(s.trim()) && s.trim().length <= 80;
}

/** One problem in configuration data: where it is (a JSON path), what is wrong, and what is
 * used instead (`fallback`: "ignored", `using "recommended"` ...). */
export interface ConfigIssue {
  path: JsonPath;
  /** True when the problem is the key itself (an unknown setting or rule), not its value. */
  atKey: boolean;
  message: string;
  fallback: string;
}

export interface ResolvedConfigData {
  config: Config;
  /** The issues as single lines: "path: message; fallback". */
  errors: string[];
  issues: ConfigIssue[];
  /** The data with the bad parts left out: what the config was made from. */
  valid: Record<string, unknown>;
}

/** "a", "b" or "c" */
function quotedList(values: readonly string[]): string {
  const q = values.map((v) => `"${v}"`);
  return q.length > 1 ? `${q.slice(0, -1).join(', ')} or ${q[q.length - 1]}` : q.join('');
}

/** How a wrong value looks in a message: short, on one line. */
function shown(v: unknown): string {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
}

/** The type of a JSON value, in words. */
function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return 'a string';
  if (typeof v === 'number') return 'a number';
  if (typeof v === 'boolean') return 'true or false';
  return typeof v;
}

/** ESLint's numeric severities, which a CI engineer coming from ESLint may write. */
const ESLINT_SEVERITIES: Readonly<Record<number, SeveritySetting>> = {
  0: 'off',
  1: 'warning',
  2: 'error',
};
/** Severity words of other linters. */
const SEVERITY_ALIASES: Readonly<Record<string, SeveritySetting>> = {
  warn: 'warning',
  info: 'information',
  note: 'information',
  suggestion: 'hint',
  none: 'off',
  disabled: 'off',
  ignore: 'off',
  err: 'error',
};

/**
 * The candidate a mistyped name most likely meant, or null: the same but for case, `_` and
 * spaces; an abbreviation (a prefix of three letters or more, of one candidate only); or the
 * one candidate nearest by edit distance, when near enough for the name's length.
 */
export function didYouMean(name: string, candidates: readonly string[]): string | null {
  const norm = (s: string) => s.toLowerCase().replace(/[\s_]+/g, '-');
  const n = norm(name);
  if (!n) return null;
  const same = candidates.find((c) => norm(c) === n);
  if (same) return same;
  const prefixed = candidates.filter((c) => n.length >= 3 && norm(c).startsWith(n));
  if (prefixed.length === 1) return prefixed[0]!;
  const limit = Math.min(3, Math.max(1, Math.floor(n.length / 3)));
  let best: string | null = null;
  let bestD = Infinity;
  let tie = false;
  for (const c of candidates) {
    const d = editDistance(n, norm(c));
    if (d < bestD) {
      best = c;
      bestD = d;
      tie = false;
    } else if (d === bestD) tie = true;
  }
  return best !== null && bestD <= limit && !tie ? best : null;
}

/** The severity a value that is none probably means: a near name ("warn"), ESLint's number
 * (2) or its array form (["error", options]: its first element). */
function severityMeant(sev: unknown): string | null | undefined {
  if (Array.isArray(sev)) return sev.length ? severityMeant(sev[0]) : null;
  if (typeof sev === 'string')
    return (SEVERITIES as string[]).includes(sev)
      ? sev
      : (SEVERITY_ALIASES[sev.toLowerCase()] ?? didYouMean(sev, SEVERITIES));
  return typeof sev === 'number' ? ESLINT_SEVERITIES[sev] : null;
}

function meant(suggestion: string | null | undefined): string {
  return suggestion ? ` (did you mean "${suggestion}"?)` : '';
}

/**
 * Validates configuration data (parsed JSON). Every problem is listed, with its path, and only
 * the bad parts fall back to their defaults: an unknown key or rule is ignored, a bad value
 * leaves its setting as the preset has it, a bad entry of a list is left out. Unknown keys
 * and unknown rule names are problems, since a typo there would otherwise silently do nothing.
 */
export function resolveConfig(raw: unknown): ResolvedConfigData {
  const issues: ConfigIssue[] = [];
  const issue = (path: JsonPath, message: string, fallback: string, atKey = false) =>
    issues.push({ path, atKey, message, fallback });
  const valid: Record<string, unknown> = {};
  const done = (config: Config): ResolvedConfigData => ({
    config,
    issues,
    errors: issues.map((x) => `${formatJsonPath(x.path)}: ${x.message}; ${x.fallback}`),
    valid,
  });
  if (raw === undefined || raw === null) return done(DEFAULT_CONFIG);
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    issue(
      [],
      `the configuration must be a JSON object, not ${typeName(raw)}`,
      'using the defaults',
    );
    return done(DEFAULT_CONFIG);
  }
  const o = raw as Record<string, unknown>;
  for (const k of Object.keys(o)) {
    if (CONFIG_KEYS.includes(k)) continue;
    const guess = didYouMean(k, CONFIG_KEYS.slice(1));
    const known = ` (known: ${CONFIG_KEYS.slice(1).join(', ')})`;
    issue([k], `unknown setting "${k}"${guess ? meant(guess) : known}`, 'ignored', true);
  }
  if (o.$schema !== undefined) valid.$schema = o.$schema;
  if (o.root !== undefined) {
    if (typeof o.root === 'boolean') valid.root = o.root;
    else
      issue(
        ['root'],
        `must be true or false, not ${shown(o.root)}`,
        'using false: the files above apply too',
      );
  }
  let preset: PresetName = 'recommended';
  if (o.preset !== undefined) {
    if (o.preset === 'recommended' || o.preset === 'strict' || o.preset === 'carpentries') {
      preset = o.preset;
      valid.preset = preset;
    } else {
      const guess = typeof o.preset === 'string' ? didYouMean(o.preset, PRESET_NAMES) : null;
      issue(
        ['preset'],
        `must be ${quotedList(PRESET_NAMES)}, not ${shown(o.preset)}${meant(guess)}`,
        'using "recommended"',
      );
    }
  }
  const rules = presetRules(preset);
  if (o.rules !== undefined) {
    if (typeof o.rules !== 'object' || o.rules === null || Array.isArray(o.rules)) {
      issue(
        ['rules'],
        `must be an object of rule IDs and severities, not ${typeName(o.rules)}`,
        `ignored: every rule as the "${preset}" preset has it`,
      );
    } else {
      const validRules: Record<string, unknown> = {};
      valid.rules = validRules;
      for (const [id, value] of Object.entries(o.rules as Record<string, unknown>)) {
        if (!(id in RULE_DEFAULTS)) {
          const guess = didYouMean(id, RULE_IDS);
          issue(['rules', id], `unknown rule "${id}"${meant(guess)}`, 'ignored', true);
          continue;
        }
        const isObject = typeof value === 'object' && value !== null && !Array.isArray(value);
        const sev = isObject ? (value as Record<string, unknown>).severity : value;
        if (typeof sev === 'string' && (SEVERITIES as string[]).includes(sev))
          rules[id] = sev as SeveritySetting;
        else if (sev === false) rules[id] = 'off';
        else if (sev === true) rules[id] = RULE_DEFAULTS[id]!;
        else {
          const guess = severityMeant(sev);
          const at: JsonPath =
            isObject && sev !== undefined ? ['rules', id, 'severity'] : ['rules', id];
          issue(
            at,
            `${sev === undefined ? 'no "severity"' : shown(sev)} is not a severity: use ${quotedList(SEVERITIES)}${meant(guess)}`,
            `"${id}" stays "${rules[id]}"`,
          );
          continue;
        }
        validRules[id] = value;
      }
    }
  }
  // The carpentries preset is for lessons: the workshop kind, unless `kind` says otherwise.
  let kind: KindSetting = PRESET_KINDS[preset];
  if (o.kind !== undefined) {
    if (typeof o.kind === 'string' && KINDS.includes(o.kind)) {
      kind = o.kind as KindSetting;
      valid.kind = kind;
    } else {
      const guess = typeof o.kind === 'string' ? didYouMean(o.kind, KINDS) : null;
      issue(
        ['kind'],
        `must be ${quotedList(KINDS)}, not ${shown(o.kind)}${meant(guess)}`,
        `using "${kind}"`,
      );
    }
  }
  let linking: Linking = 'sections';
  if (o.linking !== undefined) {
    if (o.linking === 'sections' || o.linking === 'explicit') {
      linking = o.linking;
      valid.linking = linking;
    } else {
      const guess = typeof o.linking === 'string' ? didYouMean(o.linking, LINKINGS) : null;
      issue(
        ['linking'],
        `must be ${quotedList(LINKINGS)}, not ${shown(o.linking)}${meant(guess)}`,
        'using "sections"',
      );
    }
  }
  const lists: Record<string, string[]> = { files: [], ignores: [], vaguePhrases: [] };
  for (const key of ['files', 'ignores', 'vaguePhrases']) {
    const v = o[key];
    if (v === undefined) continue;
    const what = key === 'vaguePhrases' ? 'phrases' : 'glob patterns';
    if (!Array.isArray(v)) {
      const hint = typeof v === 'string' ? ` (write [${JSON.stringify(v)}])` : '';
      issue([key], `must be a list of ${what} (strings), not ${typeName(v)}${hint}`, 'ignored');
      continue;
    }
    const kept: string[] = [];
    v.forEach((entry: unknown, index) => {
      if (typeof entry !== 'string') {
        issue([key, index], `must be a string, not ${typeName(entry)}`, 'ignored');
      } else if (key === 'vaguePhrases' && !isWordPhrase(entry)) {
        issue(
          [key, index],
          `vague phrase "${entry}" must be plain words (letters, digits, spaces, hyphens, apostrophes; up to 80 characters)`,
          'ignored',
        );
      } else kept.push(entry);
    });
    lists[key] = kept;
    valid[key] = kept;
  }
  const verbs: Partial<Record<BloomLevel, string[]>> = {};
  if (o.verbs !== undefined) {
    if (typeof o.verbs !== 'object' || o.verbs === null || Array.isArray(o.verbs)) {
      issue(
        ['verbs'],
        `must be an object of Bloom levels and word lists, not ${typeName(o.verbs)}`,
        'ignored',
      );
    } else {
      const validVerbs: Record<string, string[]> = {};
      valid.verbs = validVerbs;
      for (const [level, words] of Object.entries(o.verbs as Record<string, unknown>)) {
        if (!(BLOOM_LEVELS as readonly string[]).includes(level)) {
          const guess = didYouMean(level.replace(/ys(e|ing|is)$/i, 'yz$1'), BLOOM_LEVELS);
          const known = ` (${BLOOM_LEVELS.join(', ')})`;
          issue(
            ['verbs', level],
            `unknown Bloom level "${level}"${guess ? meant(guess) : known}`,
            'ignored',
            true,
          );
        } else if (!Array.isArray(words)) {
          issue(['verbs', level], `must be a list of words, not ${typeName(words)}`, 'ignored');
        } else {
          const kept: string[] = [];
          words.forEach((w: unknown, index) => {
            if (typeof w !== 'string')
              issue(['verbs', level, index], `must be a string, not ${typeName(w)}`, 'ignored');
            else if (!/^[\p{L}][\p{L}'-]*$/u.test(w.trim()))
              issue(['verbs', level, index], `verb "${w}" must be one word`, 'ignored');
            else kept.push(w);
          });
          if (kept.length || !words.length)
            verbs[level as BloomLevel] = kept.map((w) => w.trim().toLowerCase());
          validVerbs[level] = kept;
        }
      }
    }
  }
  return done({
    preset,
    rules,
    kind,
    linking,
    files: lists.files!,
    ignores: lists.ignores!,
    vaguePhrases: lists.vaguePhrases!.map((p) => p.trim().toLowerCase().replace(/\s+/g, ' ')),
    verbs,
  });
}

/** One source of settings: a `.bloomline.json`'s valid data (resolveConfig's `valid`), or the
 * editor's settings, and the folder its `files` and `ignores` patterns are relative to. */
export interface ConfigLayer<D> {
  data: Record<string, unknown>;
  dir: D;
}

/** Glob patterns and the folder they are relative to. */
export interface PatternList<D> {
  dir: D;
  patterns: string[];
}

export interface CascadedConfig<D> {
  /** The settings in effect; its `files` are those of `files`, its `ignores` all of `ignores`. */
  config: Config;
  /** The `files` of the nearest layer that gives them, or null (the default selection). */
  files: PatternList<D> | null;
  /** The `ignores` of every layer, farthest first, each relative to its own folder. */
  ignores: PatternList<D>[];
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Nested `.bloomline.json` files, merged as ESLint merged its `.eslintrc` files. `layers` are
 * the files from the farthest to the nearest; only those from the nearest that says `"root":
 * true` on apply. `base` (the editor's settings) lies under them all. `preset`, `kind`,
 * `linking` and `files`: the nearest layer's that gives one; `rules`: rule by rule, the nearest
 * that names the rule, over the preset; `vaguePhrases`, `verbs` (by level) and `ignores`: every
 * file's. `base` only fills in: a key that a file gives replaces its value whole (`rules`: rule
 * by rule), as the editor's settings always did. Each layer's data is valid on its own
 * (resolveConfig's `valid`), so the merge is.
 */
export function cascadeConfig<D>(
  layers: readonly ConfigLayer<D>[],
  base?: ConfigLayer<D>,
): CascadedConfig<D> {
  let first = 0;
  for (let i = layers.length - 1; i >= 0; i--)
    if (layers[i]!.data.root === true) {
      first = i;
      break;
    }
  const chain = layers.slice(first);
  // The editor's settings fill in what no file says: a key a file gives replaces theirs whole
  // (rules: rule by rule).
  const filled = base && {
    dir: base.dir,
    data: Object.fromEntries(
      Object.entries(base.data).filter(
        ([key]) => key === 'rules' || !chain.some((l) => l.data[key] !== undefined),
      ),
    ),
  };
  const used = filled ? [filled, ...chain] : chain;
  const merged: Record<string, unknown> = {};
  const rules: Record<string, unknown> = {};
  const vaguePhrases: string[] = [];
  const verbs: Record<string, unknown[]> = {};
  let files: PatternList<D> | null = null;
  const ignores: PatternList<D>[] = [];
  for (const { data, dir } of used) {
    for (const key of ['preset', 'kind', 'linking'])
      if (data[key] !== undefined) merged[key] = data[key];
    if (isRecord(data.rules)) Object.assign(rules, data.rules);
    if (Array.isArray(data.vaguePhrases))
      for (const p of data.vaguePhrases) if (!vaguePhrases.includes(p)) vaguePhrases.push(p);
    if (isRecord(data.verbs))
      for (const [level, words] of Object.entries(data.verbs))
        if (Array.isArray(words)) verbs[level] = [...(verbs[level] ?? []), ...words];
    if (Array.isArray(data.files)) files = { dir, patterns: data.files as string[] };
    if (Array.isArray(data.ignores) && data.ignores.length)
      ignores.push({ dir, patterns: data.ignores as string[] });
  }
  if (Object.keys(rules).length) merged.rules = rules;
  if (vaguePhrases.length) merged.vaguePhrases = vaguePhrases;
  if (Object.keys(verbs).length) merged.verbs = verbs;
  const config: Config = {
    ...resolveConfig(merged).config,
    files: files ? [...files.patterns] : [],
    ignores: ignores.flatMap((list) => list.patterns),
  };
  return { config, files, ignores };
}

/**
 * A problem for each key given twice in one object of a config file ("vague-verb" set to "off",
 * then to "error"), at the key that is dropped: JSON.parse keeps the last silently, so one of
 * the author's two settings would do nothing unsaid. `text` is the file's, for the line number.
 */
export function duplicateKeyIssues(
  json: Pick<LocatedJson, 'duplicates'>,
  text: string,
): { issue: ConfigIssue; span: JsonSpan }[] {
  return json.duplicates.map((d) => {
    let line = 1;
    for (let i = text.indexOf('\n'); i >= 0 && i < d.used.start; i = text.indexOf('\n', i + 1))
      line++;
    return {
      issue: {
        path: d.path,
        atKey: true,
        message: `given again on line ${line}, which is the one used`,
        fallback: 'ignored',
      },
      span: d.key,
    };
  });
}

/** Levenshtein distance, for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}
