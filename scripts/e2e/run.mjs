// `npm run test:e2e`: Bloomline's end-to-end suite inside a real VS Code workbench, here
// code-server (VS Code's own workbench and extension host, from the npm registry), driven by
// headless Chromium. No download from outside the npm registry and Debian's packages.
//
//   node scripts/e2e/run.mjs [--grep TEXT] [--skip-build] [--keep] [--update-screenshots]
//
// 1. installs what it needs into .vscode-test/ (scripts/e2e/install.mjs), once;
// 2. builds the extension (`npm run build`) and the suite (out/e2e/suite.cjs), and lays the
//    extension out as an unpacked .vsix (the files `vsce ls` lists) beside the test-runner
//    extension (test/e2e/runner-extension) in a fresh extensions folder;
// 3. starts code-server on a free loopback port on a fresh copy of test/e2e/workspace, opens it
//    in Chromium; the runner extension runs the suite and writes its results file;
// 4. checks in the page what only a person sees (the Bloomline view, the Problems panel, the
//    alignment report's webview, the notice after the language server is killed) and takes
//    screenshots (into .vscode-test/screenshots/; with --update-screenshots also into
//    docs/images/, for the README);
// 5. prints the results Mocha-style and a last line `N passed, N failed`, and ends every
//    process it started, pass or fail. Exit status 1 when anything failed.
// Steps 1, 3 and 5 are harness.mjs, shared with `npm run test:web` (web.mjs).
//
// --grep TEXT  run only the suite's tests whose title matches
// --skip-build use the extension and suite as last built
// --keep       keep the temporary folder (workspace copy, logs) and print where it is
// --trace      log the messages between VS Code and the language server (bloomline.trace.server)
//              into the Bloomline output's log under the kept folder's user-data/logs
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { buildSuite } from './build-suite.mjs';
import { languageServers, parseArgs, ROOT, runInCodeServer } from './harness.mjs';
import { checkUi } from './ui.mjs';

const RUNNER_DIR = path.join(ROOT, 'test', 'e2e', 'runner-extension');

function npm(args) {
  const result = spawnSync('npm', args, { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`npm ${args.join(' ')} failed`);
}

/** The files of the .vsix, as vsce lists them (package.json, dist/, media/ ... per
 * .vscodeignore), copied into `<extensionsDir>/<publisher>.<name>-<version>/`. */
function layOutExtension(extensionsDir) {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const target = path.join(
    extensionsDir,
    `${manifest.publisher}.${manifest.name}-${manifest.version}`.toLowerCase(),
  );
  const vsce = path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
  const listed = spawnSync(process.execPath, [vsce, 'ls', '--no-dependencies'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (listed.status !== 0) throw new Error(`vsce ls failed:\n${listed.stderr}`);
  const files = listed.stdout.split('\n').filter(Boolean);
  for (const file of files) {
    mkdirSync(path.dirname(path.join(target, file)), { recursive: true });
    copyFileSync(path.join(ROOT, file), path.join(target, file));
  }
  if (!files.includes('dist/extension.cjs'))
    throw new Error('the package has no dist/extension.cjs');
  return { target, files };
}

/** The test-runner extension, with the suite inside it: VS Code gives the suite's
 * `require('vscode')` the API of the extension whose folder holds the file. Mocha comes from
 * the repository's node_modules, linked in. Returns the suite's path there. */
function layOutRunner(extensionsDir, suite) {
  const runner = JSON.parse(readFileSync(path.join(RUNNER_DIR, 'package.json'), 'utf8'));
  const target = path.join(extensionsDir, `${runner.publisher}.${runner.name}-${runner.version}`);
  cpSync(RUNNER_DIR, target, { recursive: true });
  copyFileSync(suite, path.join(target, 'suite.cjs'));
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(target, 'node_modules'), 'dir');
  return path.join(target, 'suite.cjs');
}

const options = parseArgs(process.argv.slice(2));
let builtSuite;
await runInCodeServer({
  name: 'e2e',
  options,
  async prepare({ log }) {
    if (options.build) {
      log('building the extension (npm run build) and the suite');
      npm(['run', 'build']);
    }
    builtSuite = await buildSuite({ typecheck: options.build });
  },
  async layOut({ extensionsDir, resultsFile, log }) {
    const { target, files } = layOutExtension(extensionsDir);
    log(`extension laid out in ${target} (${files.length} files)`);
    const suite = layOutRunner(extensionsDir, builtSuite);
    return {
      settings: { 'bloomlineE2e.suite': suite, 'bloomlineE2e.resultsFile': resultsFile },
      env: { BLOOMLINE_E2E_SUITE: suite, BLOOMLINE_E2E_RESULTS: resultsFile },
    };
  },
  checkUi: (page, { codeServerPid, ...context }) =>
    checkUi(page, { ...context, languageServers: () => languageServers(codeServerPid) }),
});
