// Shared helpers for the fixture-driven tests: where the fixtures are, how a fixture names its
// configuration, and how to lint one text in a fresh workspace.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  DEFAULT_CONFIG,
  LineIndex,
  Workspace,
  resolveConfig,
  type Config,
  type Finding,
} from '../../server/src/core/index.js';

/** The repository root (tests run from out/test/unit). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const fixtureDir = path.join(repoRoot, 'test/fixtures/rules');

export function fixtureFiles(): string[] {
  return fs
    .readdirSync(fixtureDir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => path.join(fixtureDir, f));
}

/** A first-line comment `<!-- config: {...} -->` names the fixture's configuration. */
export function configOf(text: string): Config {
  const m = /^\uFEFF?<!--\s*config:\s*(\{.*\})\s*-->/.exec(text);
  if (!m) return DEFAULT_CONFIG;
  const { config, errors } = resolveConfig(JSON.parse(m[1]!));
  if (errors.length) throw new Error(`invalid fixture config: ${errors.join('; ')}`);
  return config;
}

export function lintText(
  text: string,
  filePath: string,
  config: Config = configOf(text),
): { ws: Workspace; findings: Finding[] } {
  const ws = new Workspace(config);
  ws.update(filePath, text, config);
  return { ws, findings: ws.lint(filePath) };
}

/** Expected (line -> rule IDs) from `<!-- expect: a b -->` markers, and lines marked
 * `<!-- todo: why -->` (a known engine bug: compared in a separate todo test). */
export function markersOf(text: string): {
  expected: Map<number, string[]>;
  todo: Map<number, string>;
} {
  const expected = new Map<number, string[]>();
  const todo = new Map<number, string>();
  text.split(/\r\n|\r|\n/).forEach((line, i) => {
    const e = /<!--\s*expect:\s*([^>]*?)\s*-->/.exec(line);
    if (e)
      expected.set(
        i,
        e[1]!
          .split(/[\s,]+/)
          .filter(Boolean)
          .sort(),
      );
    const t = /<!--\s*todo:\s*([^]*?)\s*-->/.exec(line);
    if (t) todo.set(i, t[1]!);
  });
  return { expected, todo };
}

export function actualByLine(text: string, findings: Finding[]): Map<number, Finding[]> {
  const lines = new LineIndex(text);
  const out = new Map<number, Finding[]>();
  for (const f of findings) {
    const l = lines.position(f.span.start).line;
    const list = out.get(l) ?? [];
    list.push(f);
    out.set(l, list);
  }
  return out;
}
