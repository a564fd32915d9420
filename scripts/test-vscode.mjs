// `npm run test:vscode`: the end-to-end suite in desktop VS Code through @vscode/test-electron,
// the standard runner for contributors' machines and CI that can reach Microsoft's downloads.
// With VSCODE_EXECUTABLE set it uses that VS Code binary and downloads nothing; unset, it
// downloads VS Code (VSCODE_VERSION, default "stable") into .vscode-test/. Machines without
// that download use `npm run test:e2e` (code-server) instead; both run the same suite.
//
//   VSCODE_EXECUTABLE=/usr/share/code/code npm run test:vscode [-- --grep TEXT] [-- --skip-build]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { buildSuite, copyWorkspace, ROOT } from './e2e/build-suite.mjs';

const args = process.argv.slice(2);
const grep = args.includes('--grep') ? (args[args.indexOf('--grep') + 1] ?? '') : '';

if (!args.includes('--skip-build')) {
  const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) process.exit(1);
}
const suite = await buildSuite({ typecheck: !args.includes('--skip-build') });

const tmp = mkdtempSync(path.join(os.tmpdir(), 'bloomline-vscode-'));
const workspace = copyWorkspace(path.join(tmp, 'workspace'));
const resultsFile = path.join(tmp, 'results.json');
mkdirSync(path.join(tmp, 'user-data'), { recursive: true });

let exitCode = 1;
try {
  exitCode = await runTests({
    vscodeExecutablePath: process.env.VSCODE_EXECUTABLE ?? undefined,
    version: process.env.VSCODE_VERSION ?? 'stable',
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: suite,
    extensionTestsEnv: {
      BLOOMLINE_E2E_RESULTS: resultsFile,
      ...(grep ? { BLOOMLINE_E2E_GREP: grep } : {}),
    },
    // runTests adds --disable-workspace-trust, --skip-welcome and --extensions-dir itself.
    launchArgs: [workspace, '--disable-extensions', '--user-data-dir', path.join(tmp, 'user-data')],
  });
} catch (error) {
  // runTests rejects when VS Code exits non-zero: the suite's run() rejected on a failure.
  console.error(error instanceof Error ? error.message : String(error));
}

let passed = 0;
let failed = 0;
if (existsSync(resultsFile)) {
  const results = JSON.parse(readFileSync(resultsFile, 'utf8'));
  passed = results.passed;
  failed = results.failed;
} else {
  failed = 1;
  console.error('The suite wrote no results: VS Code did not start, or did not run it.');
}
rmSync(tmp, { recursive: true, force: true });
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = exitCode === 0 && failed === 0 && passed > 0 ? 0 : 1;
