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
//
// --grep TEXT  run only the suite's tests whose title matches
// --skip-build use the extension and suite as last built
// --keep       keep the temporary folder (workspace copy, logs) and print where it is
// --trace      log the messages between VS Code and the language server (bloomline.trace.server)
//              into the Bloomline output's log under the kept folder's user-data/logs
import { spawn, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  watch,
  writeFileSync,
} from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { buildSuite, copyWorkspace, ROOT } from './build-suite.mjs';
import { ensureAll } from './install.mjs';
import { checkUi } from './ui.mjs';

const STARTED = Date.now();
const CACHE = path.resolve(process.env.BLOOMLINE_E2E_CACHE ?? path.join(ROOT, '.vscode-test'));
const SERVER_START_MS = 90_000;
const RESULTS_MS = 8 * 60_000;
const RUNNER_DIR = path.join(ROOT, 'test', 'e2e', 'runner-extension');

function parseArgs(argv) {
  const options = { grep: '', build: true, keep: false, updateScreenshots: false, trace: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--grep') options.grep = argv[++i] ?? '';
    else if (arg === '--skip-build') options.build = false;
    else if (arg === '--keep') options.keep = true;
    else if (arg === '--update-screenshots') options.updateScreenshots = true;
    else if (arg === '--trace') options.trace = true;
    else {
      console.error(`Unknown option ${arg}`);
      process.exit(2);
    }
  }
  return options;
}

const elapsed = () => `${((Date.now() - STARTED) / 1000).toFixed(0)} s`;
const log = (message) => console.log(`[e2e ${elapsed()}] ${message}`);

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

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Resolves when `stream` has printed a line matching `pattern`; rejects when `child` exits
 * first or at the deadline. */
function waitForOutput(child, logFile, pattern, timeoutMs, what) {
  return new Promise((resolve, reject) => {
    let done = false;
    const finish = (settle) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      watcher.close();
      child.off('exit', onExit);
      settle();
    };
    const check = () => {
      const text = existsSync(logFile) ? readFileSync(logFile, 'utf8') : '';
      if (pattern.test(text)) finish(resolve);
    };
    const onExit = (code, signal) =>
      finish(() => reject(new Error(`${what}: the process exited (${signal ?? code})`)));
    child.on('exit', onExit);
    const watcher = watch(logFile, check);
    const timer = setTimeout(
      () => finish(() => reject(new Error(`${what}: nothing after ${timeoutMs / 1000} s`))),
      timeoutMs,
    );
    check();
  });
}

/** Resolves with the parsed results file once it exists; rejects on `abort` or the deadline. */
function waitForResults(file, timeoutMs, abort) {
  return new Promise((resolve, reject) => {
    let done = false;
    const finish = (settle) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      watcher.close();
      settle();
    };
    const check = () => {
      if (existsSync(file)) finish(() => resolve(JSON.parse(readFileSync(file, 'utf8'))));
    };
    // The runner renames the finished file into place: one event in its folder.
    const watcher = watch(path.dirname(file), check);
    const timer = setTimeout(
      () => finish(() => reject(new Error(`no test results after ${timeoutMs / 1000} s`))),
      timeoutMs,
    );
    abort.then((error) => finish(() => reject(error)));
    check();
  });
}

/** PIDs of every descendant of `pid`, from /proc. */
function descendants(pid) {
  const children = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // gone meanwhile
    }
  }
  const found = [];
  const queue = [pid];
  while (queue.length) {
    for (const child of children.get(queue.shift()) ?? []) {
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}

/** PIDs of the Bloomline language servers among `pid`'s descendants (`dist/bloomline.js lsp`). */
function languageServers(pid) {
  return descendants(pid).filter((p) => {
    try {
      const args = readFileSync(`/proc/${p}/cmdline`, 'utf8').split('\0');
      return args.some((a) => a.endsWith('dist/bloomline.js')) && args.includes('lsp');
    } catch {
      return false;
    }
  });
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function signal(pid, name) {
  try {
    process.kill(pid, name);
  } catch {
    // already gone
  }
}

/** Ends a process we started, its process group and any descendant that left the group
 * (extension host, language server): SIGTERM, then SIGKILL for what is left after 5 s. */
async function endProcessTree(pid, name) {
  const pids = [pid, ...descendants(pid)];
  signal(-pid, 'SIGTERM');
  for (const p of pids) signal(p, 'SIGTERM');
  const deadline = Date.now() + 5000;
  while (pids.some(alive) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  const left = pids.filter(alive);
  if (left.length) {
    log(`${name}: ${left.length} process(es) ignored SIGTERM; killing ${left.join(' ')}`);
    signal(-pid, 'SIGKILL');
    for (const p of left) signal(p, 'SIGKILL');
  }
}

function printResults(results) {
  const bySuite = new Map();
  for (const t of results.tests) bySuite.set(t.suite, [...(bySuite.get(t.suite) ?? []), t]);
  const failures = [];
  console.log('');
  for (const [suite, tests] of bySuite) {
    console.log(`  ${suite}`);
    for (const t of tests) {
      const time = t.durationMs && t.durationMs > 75 ? ` (${t.durationMs}ms)` : '';
      if (t.state === 'passed') console.log(`    ✔ ${t.title}${time}`);
      else if (t.state === 'pending') console.log(`    - ${t.title}`);
      else {
        failures.push(t);
        console.log(`    ${failures.length}) ${t.title}`);
      }
    }
    console.log('');
  }
  const passed = results.tests.filter((t) => t.state === 'passed').length;
  const pending = results.tests.filter((t) => t.state === 'pending').length;
  console.log(`  ${passed} passing (${elapsed()})`);
  if (pending) console.log(`  ${pending} pending`);
  if (failures.length) console.log(`  ${failures.length} failing`);
  failures.forEach((t, i) => {
    console.log(`\n  ${i + 1}) ${t.suite}\n       ${t.title}:`);
    console.log(
      String(t.error ?? '')
        .split('\n')
        .map((l) => `     ${l}`)
        .join('\n'),
    );
  });
  console.log('');
  return { passed, failed: failures.length, pending };
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const results = { passed: 0, failed: 0, pending: 0, tests: [] };
  const fail = (suite, title, error) =>
    results.tests.push({
      suite,
      title,
      state: 'failed',
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });

  let codeServer;
  let browserServer;
  let browser;
  let ended;
  /** Ends what this run started, once: from the finally below, or on Ctrl+C / SIGTERM. */
  const endAll = () =>
    (ended ??= (async () => {
      if (browser) await browser.close().catch(() => undefined);
      if (browserServer) {
        const pid = browserServer.process()?.pid;
        await browserServer.close().catch(() => undefined);
        if (pid) await endProcessTree(pid, 'Chromium');
      }
      if (codeServer?.pid) await endProcessTree(codeServer.pid, 'code-server');
    })());
  for (const name of ['SIGINT', 'SIGTERM']) {
    process.on(name, () => {
      log(`${name}: ending code-server and Chromium`);
      void endAll().then(() => process.exit(130));
    });
  }
  let tmp;
  try {
    log(`installing into ${CACHE} what is missing`);
    const tools = await ensureAll(CACHE, log);
    if (options.build) {
      log('building the extension (npm run build) and the suite');
      npm(['run', 'build']);
    }
    const builtSuite = await buildSuite({ typecheck: options.build });

    tmp = mkdtempSync(path.join(os.tmpdir(), 'bloomline-e2e-'));
    const workspace = copyWorkspace(path.join(tmp, 'workspace'));
    const userData = path.join(tmp, 'user-data');
    const extensionsDir = path.join(tmp, 'extensions');
    const resultsFile = path.join(tmp, 'results', 'results.json');
    const logFile = path.join(tmp, 'code-server.log');
    mkdirSync(path.join(userData, 'User'), { recursive: true });
    mkdirSync(path.dirname(resultsFile), { recursive: true });
    const { target, files } = layOutExtension(extensionsDir);
    log(`extension laid out in ${target} (${files.length} files)`);
    const suite = layOutRunner(extensionsDir, builtSuite);
    writeFileSync(
      path.join(userData, 'User', 'settings.json'),
      JSON.stringify(
        {
          'workbench.startupEditor': 'none',
          'workbench.secondarySideBar.defaultVisibility': 'hidden',
          'workbench.tips.enabled': false,
          'workbench.enableExperiments': false,
          'security.workspace.trust.enabled': false,
          'telemetry.telemetryLevel': 'off',
          'update.mode': 'none',
          'extensions.autoCheckUpdates': false,
          'extensions.autoUpdate': false,
          'extensions.ignoreRecommendations': true,
          'chat.disableAIFeatures': true,
          'window.commandCenter': false,
          'editor.minimap.enabled': false,
          ...(options.trace ? { 'bloomline.trace.server': 'messages' } : {}),
          'bloomlineE2e.suite': suite,
          'bloomlineE2e.resultsFile': resultsFile,
        },
        null,
        2,
      ),
    );
    // code-server reads and writes its own config and logs under XDG folders: keep them here.
    const configFile = path.join(tmp, 'code-server.yaml');
    writeFileSync(configFile, 'bind-addr: 127.0.0.1:0\nauth: none\ncert: false\n');

    const port = await freePort();
    const entry = path.join(tools.codeServerDir, 'out', 'node', 'entry.js');
    const args = [
      entry,
      '--config',
      configFile,
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--auth',
      'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--user-data-dir',
      userData,
      '--extensions-dir',
      extensionsDir,
      workspace,
    ];
    const out = openSync(logFile, 'a');
    log(`starting code-server on 127.0.0.1:${port}`);
    codeServer = spawn(tools.node, args, {
      cwd: tmp,
      detached: true,
      stdio: ['ignore', out, out],
      env: {
        ...process.env,
        XDG_CONFIG_HOME: path.join(tmp, 'xdg-config'),
        XDG_DATA_HOME: path.join(tmp, 'xdg-data'),
        BLOOMLINE_E2E_SUITE: suite,
        BLOOMLINE_E2E_RESULTS: resultsFile,
        ...(options.grep ? { BLOOMLINE_E2E_GREP: options.grep } : {}),
      },
    });
    const exited = new Promise((resolve) =>
      codeServer.on('exit', (code, sig) =>
        resolve(new Error(`code-server exited (${sig ?? code}); see ${logFile}`)),
      ),
    );
    await waitForOutput(
      codeServer,
      logFile,
      /HTTP server listening on/,
      SERVER_START_MS,
      'code-server',
    );

    const { chromium } = await import('playwright-core');
    browserServer = await chromium.launchServer({
      executablePath: tools.chromium,
      headless: true,
      // This script ends Chromium itself (endAll), after code-server, on a signal too.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
      // Chromium keeps crash reports under XDG_CONFIG_HOME whatever its profile: keep them here.
      env: {
        ...process.env,
        XDG_CONFIG_HOME: path.join(tmp, 'xdg-config'),
        XDG_CACHE_HOME: path.join(tmp, 'xdg-cache'),
      },
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    browser = await chromium.connect(browserServer.wsEndpoint());
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const crashed = new Promise((resolve) =>
      page.on('crash', () => resolve(new Error('the page crashed'))),
    );
    const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`;
    log(`opening ${url} in Chromium`);
    await page.goto(url);

    log('waiting for the suite to run in the extension host');
    const suiteResults = await waitForResults(
      resultsFile,
      RESULTS_MS,
      Promise.race([exited, crashed]),
    );
    results.tests.push(...suiteResults.tests);

    log('checking the workbench in the page');
    const shots = path.join(CACHE, 'screenshots');
    const ui = await checkUi(page, {
      workspace,
      languageServers: () => languageServers(codeServer.pid),
      screenshotDirs: [
        shots,
        ...(options.updateScreenshots ? [path.join(ROOT, 'docs', 'images')] : []),
      ],
      log,
    });
    results.tests.push(...ui);
    log(`screenshots in ${shots}${options.updateScreenshots ? ' and docs/images' : ''}`);
    if (pageErrors.length) log(`errors in the page: ${pageErrors.slice(0, 5).join(' | ')}`);
  } catch (error) {
    fail('Harness', 'run the end-to-end tests in code-server', error);
  } finally {
    await endAll();
  }

  const { passed, failed } = printResults(results);
  if (tmp) {
    if (options.keep || failed > 0)
      log(`kept ${tmp} (workspace copy, code-server.log, user-data/logs)`);
    else rmSync(tmp, { recursive: true, force: true });
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
}

await main();
