// Configuration: presets, per-rule severities and word lists, validated from plain JSON data.
// Nothing here reads files: callers (CLI, language server) parse `.bloomline.json` and pass
// the value in. An invalid configuration yields errors and the defaults, never a half-applied
// mix, so the author sees one clear message and predictable behaviour.
import {
  BLOOM_LEVELS,
  COURSE_KINDS,
  type BloomLevel,
  type KindSetting,
  type Severity,
  type SeveritySetting,
} from './model.js';

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
];
const KINDS: readonly string[] = ['auto', ...COURSE_KINDS];

function isStringList(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((s) => typeof s === 'string');
}

/** A word list entry: letters, digits, spaces, hyphens and apostrophes only (never a pattern). */
function isWordPhrase(s: string): boolean {
  return /^[\p{L}\p{N}][\p{L}\p{N}' -]*$/u.test(s.trim()) && s.trim().length <= 80;
}

/**
 * Validates configuration data (parsed JSON). Any error makes the whole result the defaults,
 * with every problem listed; unknown keys and unknown rule names are errors, since a typo
 * there would otherwise silently do nothing.
 */
export function resolveConfig(raw: unknown): { config: Config; errors: string[] } {
  const errors: string[] = [];
  if (raw === undefined || raw === null) return { config: DEFAULT_CONFIG, errors };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { config: DEFAULT_CONFIG, errors: ['the configuration must be a JSON object'] };
  }
  const o = raw as Record<string, unknown>;
  for (const k of Object.keys(o)) {
    if (!CONFIG_KEYS.includes(k))
      errors.push(`unknown setting "${k}" (known: ${CONFIG_KEYS.slice(1).join(', ')})`);
  }
  let preset: PresetName = 'recommended';
  if (o.preset !== undefined) {
    if (o.preset === 'recommended' || o.preset === 'strict' || o.preset === 'carpentries')
      preset = o.preset;
    else errors.push(`"preset" must be "recommended", "strict" or "carpentries"`);
  }
  const rules = presetRules(preset);
  if (o.rules !== undefined) {
    if (typeof o.rules !== 'object' || o.rules === null || Array.isArray(o.rules)) {
      errors.push('"rules" must be an object of rule names and severities');
    } else {
      for (const [id, value] of Object.entries(o.rules as Record<string, unknown>)) {
        if (!(id in RULE_DEFAULTS)) {
          errors.push(`unknown rule "${id}"${suggestRule(id)}`);
          continue;
        }
        const sev =
          typeof value === 'object' && value !== null && !Array.isArray(value)
            ? (value as Record<string, unknown>).severity
            : value;
        if (typeof sev === 'string' && (SEVERITIES as string[]).includes(sev))
          rules[id] = sev as SeveritySetting;
        else if (sev === false) rules[id] = 'off';
        else if (sev === true) rules[id] = RULE_DEFAULTS[id]!;
        else
          errors.push(`rule "${id}" must be one of ${SEVERITIES.map((s) => `"${s}"`).join(', ')}`);
      }
    }
  }
  // The carpentries preset is for lessons: the workshop kind, unless `kind` says otherwise.
  let kind: KindSetting = PRESET_KINDS[preset];
  if (o.kind !== undefined) {
    if (typeof o.kind === 'string' && KINDS.includes(o.kind)) kind = o.kind as KindSetting;
    else errors.push(`"kind" must be ${KINDS.map((k) => `"${k}"`).join(', ')}`);
  }
  let linking: Linking = 'sections';
  if (o.linking !== undefined) {
    if (o.linking === 'sections' || o.linking === 'explicit') linking = o.linking;
    else errors.push(`"linking" must be "sections" or "explicit"`);
  }
  const lists: Record<string, string[]> = { files: [], ignores: [], vaguePhrases: [] };
  for (const key of ['files', 'ignores', 'vaguePhrases']) {
    const v = o[key];
    if (v === undefined) continue;
    if (!isStringList(v)) errors.push(`"${key}" must be a list of strings`);
    else lists[key] = v;
  }
  for (const p of lists.vaguePhrases!) {
    if (!isWordPhrase(p))
      errors.push(`vague phrase "${p}" must be plain words (letters, spaces, hyphens)`);
  }
  const verbs: Partial<Record<BloomLevel, string[]>> = {};
  if (o.verbs !== undefined) {
    if (typeof o.verbs !== 'object' || o.verbs === null || Array.isArray(o.verbs)) {
      errors.push('"verbs" must be an object of Bloom levels and word lists');
    } else {
      for (const [level, words] of Object.entries(o.verbs as Record<string, unknown>)) {
        if (!(BLOOM_LEVELS as readonly string[]).includes(level)) {
          errors.push(`"verbs" has unknown Bloom level "${level}" (${BLOOM_LEVELS.join(', ')})`);
        } else if (!isStringList(words)) errors.push(`"verbs.${level}" must be a list of strings`);
        else {
          for (const w of words)
            if (!/^[\p{L}][\p{L}'-]*$/u.test(w.trim())) errors.push(`verb "${w}" must be one word`);
          verbs[level as BloomLevel] = words.map((w) => w.trim().toLowerCase());
        }
      }
    }
  }
  if (errors.length) return { config: DEFAULT_CONFIG, errors };
  return {
    config: {
      preset,
      rules,
      kind,
      linking,
      files: lists.files!,
      ignores: lists.ignores!,
      vaguePhrases: lists.vaguePhrases!.map((p) => p.trim().toLowerCase().replace(/\s+/g, ' ')),
      verbs,
    },
    errors,
  };
}

function suggestRule(id: string): string {
  let best = '';
  let bestD = 4;
  for (const r of RULE_IDS) {
    const d = editDistance(id, r);
    if (d < bestD) {
      bestD = d;
      best = r;
    }
  }
  return best ? ` (did you mean "${best}"?)` : '';
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
