// `npm run test:web`: Bloomline's web build (the manifest's `browser`: the extension in the
// browser's extension host, its language server in a web worker) in VS Code's web worker
// extension host, as VS Code for the Web (vscode.dev, github.dev) runs it. The workbench is
// code-server's (VS Code's web client, from the npm registry), driven by headless Chromium;
// `@vscode/test-web` would download a VS Code build, which these machines cannot.
//
//   node scripts/e2e/web.mjs [--grep TEXT] [--skip-build] [--keep] [--update-screenshots]
//
// 1. builds the package as published (`npm run package`: the .vsix, checked to be under 2 MB
//    with both builds in it) and the web suite (scripts/e2e/build-suite.mjs);
// 2. installs the .vsix's contents as a web-only extension (its manifest without `main`), so
//    that only the web worker extension host can run it, beside the web test-runner extension
//    (test/e2e/web-runner, web-only too);
// 3. starts code-server on a fresh copy of test/e2e/workspace and opens it in Chromium; the
//    runner runs the suite's Node-free tests (test/e2e/web/index.ts) in the web worker
//    extension host, through the extension's API, and writes the results file;
// 4. checks in the page what a person sees (the Bloomline view lists the objectives, the
//    Problems panel, squiggles and a hover, the quick-fix menu, the alignment report);
// 5. prints the results and a last line `N passed, N failed`, ending every process it
//    started, pass or fail (harness.mjs, shared with `npm run test:e2e`).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { checkPackage, readZip } from '../check-package.mjs';
import { buildWebSuite } from './build-suite.mjs';
import { parseArgs, ROOT, runInCodeServer } from './harness.mjs';
import { checkUi } from './ui.mjs';

const VSIX = path.join(ROOT, 'bloomline.vsix');
const SUITE = 'In the browser (web worker extension host)';

/** The .vsix's `extension/` folder, unpacked into `<extensionsDir>/<publisher>.<name>-<version>`
 * as a web-only extension. Returns its folder. */
function layOutWebExtension(vsix, extensionsDir) {
  const entries = readZip(readFileSync(vsix));
  const manifest = JSON.parse(entries.get('extension/package.json')().toString('utf8'));
  const target = path.join(
    extensionsDir,
    `${manifest.publisher}.${manifest.name}-${manifest.version}`.toLowerCase(),
  );
  for (const [name, read] of entries) {
    if (!name.startsWith('extension/') || name.endsWith('/')) continue;
    const rel = name.slice('extension/'.length);
    const file = path.join(target, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, read());
  }
  delete manifest.main;
  writeFileSync(path.join(target, 'package.json'), JSON.stringify(manifest, null, 2));
  return target;
}

const options = parseArgs(process.argv.slice(2));
let runner;
let packaged;
await runInCodeServer({
  name: 'web',
  options,
  async prepare({ log }) {
    if (options.build || !existsSync(VSIX)) {
      log('packaging the extension (npm run package: build, .vsix, size check)');
      const result = spawnSync('npm', ['run', 'package'], { cwd: ROOT, stdio: 'inherit' });
      if (result.status !== 0) throw new Error('npm run package failed');
    }
    const started = Date.now();
    const { size, problems } = checkPackage(VSIX);
    packaged = {
      suite: SUITE,
      title: `the .vsix serves both hosts and is under 2 MB (${Math.round(size / 1024)} KB)`,
      state: problems.length ? 'failed' : 'passed',
      error: problems.length ? problems.join('\n') : null,
      durationMs: Date.now() - started,
    };
    runner = await buildWebSuite({ typecheck: options.build });
  },
  async layOut({ extensionsDir, resultsFile, log }) {
    const target = layOutWebExtension(VSIX, extensionsDir);
    log(`web-only extension laid out in ${target}`);
    const runnerManifest = JSON.parse(readFileSync(path.join(runner, 'package.json'), 'utf8'));
    cpSync(
      runner,
      path.join(
        extensionsDir,
        `${runnerManifest.publisher}.${runnerManifest.name}-${runnerManifest.version}`,
      ),
      { recursive: true },
    );
    return {
      settings: {
        'bloomlineE2e.resultsFile': resultsFile,
        ...(options.grep ? { 'bloomlineE2e.grep': options.grep } : {}),
      },
      env: {},
    };
  },
  async checkUi(page, { codeServerPid: _, ...context }) {
    const steps = await checkUi(page, {
      ...context,
      suite: SUITE,
      only: ['tree', 'problems', 'hover', 'quickfix', 'report', 'report-refresh', 'export-report'],
    });
    return [packaged, ...steps];
  },
});
