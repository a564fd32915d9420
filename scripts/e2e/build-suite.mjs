// Builds the end-to-end suite for VS Code's extension host: type-checks test/e2e (its own
// tsconfig, with Mocha's and VS Code's types) and bundles it with esbuild into
// out/e2e/suite.cjs, CommonJS as the extension host requires it. `vscode` is the host's and
// Mocha is loaded from the repository's node_modules at run time. Also the workspace copy
// both hosts open. And the web suite (buildWebSuite): the test-runner extension for VS Code's
// web worker extension host with the suite's Node-free tests inside, for `npm run test:web`.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SUITE = path.join(ROOT, 'out', 'e2e', 'suite.cjs');
export const WEB_RUNNER = path.join(ROOT, 'out', 'e2e', 'web-runner');
export const FIXTURE_WORKSPACE = path.join(ROOT, 'test', 'e2e', 'workspace');

/** A fresh copy of the fixture workspace, which the tests may edit. Returns its path. */
export function copyWorkspace(target) {
  mkdirSync(path.dirname(target), { recursive: true });
  cpSync(FIXTURE_WORKSPACE, target, { recursive: true });
  return target;
}

function typecheckSuite() {
  const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', 'test/e2e'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('test/e2e does not type-check');
}

export async function buildSuite({ typecheck = true } = {}) {
  if (typecheck) typecheckSuite();
  await build({
    entryPoints: [path.join(ROOT, 'test', 'e2e', 'index.ts')],
    outfile: SUITE,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    external: ['vscode', 'mocha'],
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  return SUITE;
}

/** The web test-runner extension, built into out/e2e/web-runner/ (its manifest and one
 * bundle: the runner, the web suite and Mocha's browser build; `vscode` left to the host).
 * Returns its folder. */
export async function buildWebSuite({ typecheck = true } = {}) {
  if (typecheck) typecheckSuite();
  rmSync(WEB_RUNNER, { recursive: true, force: true });
  mkdirSync(WEB_RUNNER, { recursive: true });
  copyFileSync(
    path.join(ROOT, 'test', 'e2e', 'web-runner', 'package.json'),
    path.join(WEB_RUNNER, 'package.json'),
  );
  await build({
    entryPoints: [path.join(ROOT, 'test', 'e2e', 'web', 'runner.ts')],
    outfile: path.join(WEB_RUNNER, 'extension.js'),
    bundle: true,
    platform: 'browser',
    // A web worker has no DOM: packages' worker builds (as scripts/build.mjs does).
    conditions: ['worker'],
    format: 'cjs',
    target: 'es2022',
    external: ['vscode'],
    // The tests' assertions, without Node.
    alias: { 'node:assert/strict': path.join(ROOT, 'test', 'e2e', 'web', 'assert.ts') },
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  return WEB_RUNNER;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const typecheck = !process.argv.includes('--no-typecheck');
  console.log(await buildSuite({ typecheck }));
  console.log(await buildWebSuite({ typecheck: false }));
}
