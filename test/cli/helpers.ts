// Helpers for the CLI tests: each test writes a small project into a fresh temporary folder
// and runs the real command, `node bin/bloomline.js` (built by `npm run build`), in it.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import assert from 'node:assert/strict';
import type { TestContext } from 'node:test';
import { fileURLToPath } from 'node:url';

/** The repository root (this file runs from out/test/cli/). */
export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const BIN = path.join(ROOT, 'bin', 'bloomline.js');

/** The outline the brief's examples use: one vague objective, nothing else. */
/** A workplace outline (its heading says so) with one vague objective and no outcome. */
export const VAGUE = '## Performance objectives\n\n- Understand how to configure the VPN client\n';

/** A notebook whose one Markdown cell holds the vague objective (and a code cell). */
export const NOTEBOOK = JSON.stringify(
  {
    cells: [
      { cell_type: 'markdown', metadata: {}, source: VAGUE.split(/(?<=\n)/) },
      { cell_type: 'code', metadata: {}, execution_count: null, outputs: [], source: ['x = 1'] },
    ],
    metadata: {},
    nbformat: 4,
    nbformat_minor: 5,
  },
  null,
  1,
);

export interface RunResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs `bloomline ARGS` in `cwd`. Colour variables are cleared unless `env` sets them. */
export function run(
  args: readonly string[],
  cwd: string,
  env: Record<string, string> = {},
): RunResult {
  const childEnv: NodeJS.ProcessEnv = { ...process.env };
  delete childEnv.FORCE_COLOR;
  delete childEnv.NO_COLOR;
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    env: { ...childEnv, ...env },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (r.error) throw r.error;
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export interface JsonMessage {
  ruleId: string;
  severity: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fixes: {
    title: string;
    isPreferred: boolean;
    edits: { line: number; column: number; endLine: number; endColumn: number; newText: string }[];
  }[];
}

export interface JsonFile {
  filePath: string;
  messages: JsonMessage[];
}

/** Runs `check --format json` and parses what it prints. */
export function checkJson(args: readonly string[], cwd: string): RunResult & { files: JsonFile[] } {
  const r = run(['check', '--format', 'json', ...args], cwd);
  let files: JsonFile[];
  try {
    files = JSON.parse(r.stdout) as JsonFile[];
  } catch {
    assert.fail(`check --format json printed no JSON (status ${r.status}): ${r.stdout}${r.stderr}`);
  }
  return { ...r, files };
}

/** A temporary folder holding `files` (paths with "/"), removed when the test ends. */
export function project(t: TestContext, files: Record<string, string | Buffer>): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'bloomline-cli-')));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, ...name.split('/'));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
  return dir;
}

/** stderr holds exactly one line, in Bloomline's form, and no stack trace. */
export function assertOneErrorLine(stderr: string, pattern?: RegExp): void {
  const lines = stderr.split('\n').filter((l) => l !== '');
  assert.equal(lines.length, 1, `expected one line on stderr, got:\n${stderr}`);
  assert.match(lines[0]!, /^bloomline: /);
  assert.doesNotMatch(stderr, /^\s+at /m, 'no stack trace');
  if (pattern) assert.match(lines[0]!, pattern);
}

export function ruleIds(file: JsonFile | undefined): string[] {
  return (file?.messages ?? []).map((m) => m.ruleId);
}
