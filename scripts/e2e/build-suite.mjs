// Builds the end-to-end suite for VS Code's extension host: type-checks test/e2e (its own
// tsconfig, with Mocha's and VS Code's types) and bundles it with esbuild into
// out/e2e/suite.cjs, CommonJS as the extension host requires it. `vscode` is the host's and
// Mocha is loaded from the repository's node_modules at run time. Also the workspace copy
// both hosts open.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SUITE = path.join(ROOT, 'out', 'e2e', 'suite.cjs');
export const FIXTURE_WORKSPACE = path.join(ROOT, 'test', 'e2e', 'workspace');

/** A fresh copy of the fixture workspace, which the tests may edit. Returns its path. */
export function copyWorkspace(target) {
  mkdirSync(path.dirname(target), { recursive: true });
  cpSync(FIXTURE_WORKSPACE, target, { recursive: true });
  return target;
}

export async function buildSuite({ typecheck = true } = {}) {
  if (typecheck) {
    const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    const result = spawnSync(process.execPath, [tsc, '-p', 'test/e2e'], {
      cwd: ROOT,
      stdio: 'inherit',
    });
    if (result.status !== 0) throw new Error('test/e2e does not type-check');
  }
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

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await buildSuite({ typecheck: !process.argv.includes('--no-typecheck') }));
}
