// What both in-browser test runs share (`npm run test:e2e`: the extension in code-server's Node
// extension host; `npm run test:web`: its web build in code-server's web worker extension host,
// as in VS Code for the Web): install code-server and Node 24 into .vscode-test/ once, start
// code-server on a fresh copy of test/e2e/workspace with a fresh extensions folder, open the
// workbench in headless Chromium (playwright-core), wait for the suite's results file (the
// test-runner extension writes it), check in the page what only a person sees, print the
// results Mocha-style with a last line `N passed, N failed`, and end every process started, by
// PID, pass or fail. Each run says how to build and lay out its extensions and what to check.
import { spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readdirSync,
  rmSync,
  watch,
  writeFileSync,
} from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { copyWorkspace, ROOT } from './build-suite.mjs';
import { ensureAll } from './install.mjs';

export { ROOT };
export const CACHE = path.resolve(
  process.env.BLOOMLINE_E2E_CACHE ?? path.join(ROOT, '.vscode-test'),
);
const SERVER_START_MS = 90_000;
const RESULTS_MS = 8 * 60_000;
/** A suite not started by then (no `.started` file: the runner extension was not activated)
 * gets the workbench reloaded, once. */
const SUITE_START_MS = 2 * 60_000;
/** How often the wait says how far the suite has got. */
const PROGRESS_MS = 30_000;
/** Lines of Chromium's output and of the page's console kept for a crash's report. */
const CRASH_LINES = 40;
/** How often the wait checks that the extension host running the suite is alive. */
const HOST_CHECK_MS = 2_000;

/** The options both runs take. */
export function parseArgs(argv) {
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

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Resolves when `logFile` holds a line matching `pattern`; rejects when `child` exits first
 * or at the deadline. */
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

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null; // not there, or being written
  }
}

/** How far the runner extension has got: whether it started the suite (its `.started` file)
 * and its progress file (the results so far and the test being run). */
function suiteState(resultsFile) {
  return {
    started: existsSync(`${resultsFile}.started`),
    progress: readJson(`${resultsFile}.progress`),
  };
}

/** One line on how far the suite has got. */
function progressLine({ started, progress }) {
  if (!started) return 'the suite has not started (the test-runner extension is not active yet)';
  if (!progress) return 'the suite has started';
  const done = `${progress.tests.length} tests done, ${progress.failed} failed`;
  return progress.running ? `${done}; running: ${progress.running}` : done;
}

/** The last `count` lines of the extension host's logs and Bloomline's output channel under
 * `logsDir`: what a run that never ended leaves to read in CI's output. Lines are cut at 400
 * characters (the extension host's first lines list every extension). */
function logTails(logsDir, count = 25) {
  const found = [];
  const walk = (dir) => {
    let entries = [];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/exthost\.log$|remoteagent\.log$|Bloomline\.log$/i.test(entry.name))
        found.push(full);
    }
  };
  walk(logsDir);
  return found
    .map((file) => [file, readFileSync(file, 'utf8').trimEnd()])
    .filter(([, text]) => text)
    .map(([file, text]) => {
      const lines = text.split('\n').slice(-count).map(cut);
      return `--- last ${lines.length} lines of ${path.relative(logsDir, file)}\n${lines.join('\n')}`;
    })
    .join('\n');
}

function cut(line) {
  return line.length > 400 ? `${line.slice(0, 400)}...` : line;
}

/** What code-server itself logged about its extension hosts and connections (an extension
 * host's exit code and signal, its stderr: a V8 out-of-memory report; a client that
 * disconnected or timed out), the last `count` such lines of `logFile`. */
export function serverLogTail(logFile, count = 30) {
  let text = '';
  try {
    text = readFileSync(logFile, 'utf8');
  } catch {
    return `--- ${logFile}: not readable`;
  }
  const lines = text
    .split('\n')
    .filter((l) =>
      /exited|stderr|error|fatal|memory|disconnect|reconnect|timeout|terminat|kill/i.test(l),
    )
    .slice(-count)
    .map(cut);
  return `--- code-server's last ${lines.length} lines on its extension hosts and connections\n${lines.join('\n') || '(none)'}`;
}

/** The machine's state: available memory, load, and any out-of-memory kill the kernel logged
 * (dmesg, where readable). */
export function machineState({ kernel = false } = {}) {
  let memory = '?';
  try {
    const info = readFileSync('/proc/meminfo', 'utf8');
    const kb = (key) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(info)?.[1] ?? NaN);
    memory = `${(kb('MemAvailable') / 1048576).toFixed(1)} of ${(kb('MemTotal') / 1048576).toFixed(1)} GB available`;
  } catch {
    // not Linux
  }
  const load = os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
  let line = `machine: ${memory}, load ${load}`;
  if (kernel) {
    const dmesg = spawnSync('dmesg', [], { encoding: 'utf8', timeout: 5000 });
    const kills = (dmesg.stdout ?? '')
      .split('\n')
      .filter((l) => /out of memory|oom|killed process/i.test(l))
      .slice(-10)
      .map(cut);
    line +=
      dmesg.status === 0
        ? `\n--- the kernel's out-of-memory lines: ${kills.length ? `\n${kills.join('\n')}` : 'none'}`
        : '\n--- the kernel log is not readable here';
  }
  return line;
}

/** PIDs of every descendant of `pid`, from /proc. */
export function descendants(pid) {
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

/** The last `count` lines pushed (each chunk split into lines, each line cut at 400 chars). */
function keepLast(count) {
  const lines = [];
  return {
    push(chunk) {
      for (const line of chunk.split('\n')) {
        if (!line.trim()) continue;
        lines.push(line.length > 400 ? `${line.slice(0, 400)}...` : line);
        if (lines.length > count) lines.shift();
      }
    },
    text: () => (lines.length ? lines.join('\n') : '(none)'),
  };
}

/** The resident memory of Chromium's renderers under `pid` (the largest, and all of them), from
 * /proc: the progress lines say how close the page came to a limit before any crash. */
function rendererMemory(pid) {
  if (!pid) return 'no browser';
  const sizes = [];
  for (const child of descendants(pid)) {
    try {
      if (!readFileSync(`/proc/${child}/cmdline`, 'utf8').includes('--type=renderer')) continue;
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child}/status`, 'utf8'));
      if (rss) sizes.push(Number(rss[1]) / 1024);
    } catch {
      // gone meanwhile
    }
  }
  if (!sizes.length) return 'no renderer';
  const total = sizes.reduce((a, b) => a + b, 0);
  return `largest ${Math.max(...sizes).toFixed(0)} MB of ${sizes.length}, ${total.toFixed(0)} MB in all`;
}

/** The resident memory of code-server's extension hosts and Bloomline's language servers under
 * `pid`, from /proc ("extension host 140 MB, server 310 MB"). */
function hostMemory(pid) {
  if (!pid) return 'no code-server';
  const parts = [];
  for (const child of descendants(pid)) {
    try {
      const args = readFileSync(`/proc/${child}/cmdline`, 'utf8').split('\0');
      const role = args.includes('--type=extensionHost')
        ? 'extension host'
        : args.some((a) => a.endsWith('dist/bloomline.js')) && args.includes('lsp')
          ? 'server'
          : '';
      if (!role) continue;
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child}/status`, 'utf8'));
      if (rss) parts.push(`${role} ${child} ${(Number(rss[1]) / 1024).toFixed(0)} MB`);
    } catch {
      // gone meanwhile
    }
  }
  return parts.join(', ') || 'no extension host';
}

/** The PID the runner extension wrote into its `.started` file, if it is a process under
 * code-server (the Node extension host; a web worker has none). */
function runnerPid(resultsFile, codeServerPid) {
  let text = '';
  try {
    text = readFileSync(`${resultsFile}.started`, 'utf8').trim();
  } catch {
    return undefined;
  }
  const pid = Number(text);
  return Number.isInteger(pid) && pid > 0 && descendants(codeServerPid).includes(pid)
    ? pid
    : undefined;
}

/** PIDs of the Bloomline language servers among `pid`'s descendants (`dist/bloomline.js lsp`). */
export function languageServers(pid) {
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
async function endProcessTree(pid, name, log) {
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

function printResults(results, elapsed) {
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

/** The workbench's user settings: quiet, no tips or experiments, the suite's paths. */
function userSettings(options, extra) {
  return {
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
    ...extra,
  };
}

/**
 * One run: `prepare` builds (when options.build); `layOut({ extensionsDir, resultsFile,
 * tmp })` installs the extensions and returns `{ settings, env }` for code-server; `checkUi(
 * page, { workspace, codeServerPid, screenshotDirs, log })` returns the page's test results.
 * Exits 1 when anything failed (or nothing passed).
 */
export async function runInCodeServer({ name, options, prepare, layOut, checkUi }) {
  const started = Date.now();
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;
  const log = (message) => console.log(`[${name} ${elapsed()}] ${message}`);
  const results = { tests: [] };
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
        if (pid) await endProcessTree(pid, 'Chromium', log);
      }
      if (codeServer?.pid) await endProcessTree(codeServer.pid, 'code-server', log);
    })());
  for (const sig of ['SIGINT', 'SIGTERM']) {
    process.on(sig, () => {
      log(`${sig}: ending code-server and Chromium`);
      void endAll().then(() => process.exit(130));
    });
  }
  let tmp;
  try {
    log(`installing into ${CACHE} what is missing`);
    const tools = await ensureAll(CACHE, log);
    await prepare({ log });

    tmp = mkdtempSync(path.join(os.tmpdir(), `bloomline-${name}-`));
    const workspace = copyWorkspace(path.join(tmp, 'workspace'));
    const userData = path.join(tmp, 'user-data');
    const extensionsDir = path.join(tmp, 'extensions');
    const resultsFile = path.join(tmp, 'results', 'results.json');
    const logFile = path.join(tmp, 'code-server.log');
    mkdirSync(path.join(userData, 'User'), { recursive: true });
    mkdirSync(path.dirname(resultsFile), { recursive: true });
    mkdirSync(extensionsDir, { recursive: true });
    const { settings, env } = await layOut({ extensionsDir, resultsFile, tmp, log });
    writeFileSync(
      path.join(userData, 'User', 'settings.json'),
      JSON.stringify(userSettings(options, settings), null, 2),
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
        ...env,
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
        // Shared memory in /tmp, not /dev/shm, which containers often size at 64 MB: a renderer
        // that cannot map a large buffer there (a 730 KB document, a screenshot) crashes.
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    // What a crash leaves to read in CI's output: Chromium's own last lines (a renderer's fatal
    // error, an out-of-memory report) and the page's last console messages.
    let lastMemory = 'not read yet';
    const chromiumLines = keepLast(CRASH_LINES);
    browserServer.process()?.stderr?.on('data', (data) => chromiumLines.push(String(data)));
    browser = await chromium.connect(browserServer.wsEndpoint());
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const consoleLines = keepLast(CRASH_LINES);
    page.on('console', (message) => consoleLines.push(`${message.type()}: ${message.text()}`));
    const crashed = new Promise((resolve) =>
      page.on('crash', () =>
        resolve(
          new Error(
            `the page crashed (its renderer's memory when last read: ${lastMemory})\n` +
              `--- Chromium's last output\n${chromiumLines.text()}\n` +
              `--- the page's last console messages\n${consoleLines.text()}`,
          ),
        ),
      ),
    );
    const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`;
    log(`opening ${url} in Chromium`);
    await page.goto(url);

    log('waiting for the suite to run in the extension host');
    const waitStarted = Date.now();
    let reloaded = false;
    const ticker = setInterval(() => {
      const state = suiteState(resultsFile);
      if (!state.started && !reloaded && Date.now() - waitStarted >= SUITE_START_MS) {
        // The workbench came up without starting the extension host's extensions (seen once
        // in CI): a reload starts them; the runner runs the suite once whatever happens.
        reloaded = true;
        log(`${progressLine(state)} after ${SUITE_START_MS / 1000} s: reloading the workbench`);
        page.reload().catch((error) => log(`the reload failed: ${error.message}`));
        return;
      }
      lastMemory = rendererMemory(browserServer.process()?.pid);
      log(
        `${progressLine(state)} (renderer ${lastMemory}; ${hostMemory(codeServer.pid)}; ` +
          `${machineState()})`,
      );
    }, PROGRESS_MS);
    // The extension host that runs the suite can die under it (seen once in CI, in the large
    // outline's test: the workbench started a new one, which does not run the suite again):
    // say so at once, not after RESULTS_MS.
    let watchedPid;
    let hostTimer;
    const hostGone = new Promise((resolve) => {
      hostTimer = setInterval(() => {
        watchedPid ??= runnerPid(resultsFile, codeServer.pid);
        if (watchedPid === undefined || alive(watchedPid)) return;
        resolve(new Error(`the extension host running the suite (pid ${watchedPid}) exited`));
      }, HOST_CHECK_MS);
    });
    let suiteResults;
    try {
      suiteResults = await waitForResults(
        resultsFile,
        RESULTS_MS,
        Promise.race([exited, crashed, hostGone]),
      );
    } catch (error) {
      // What the suite got through is printed with the rest, and the failure says where it
      // stopped, with the logs that say why: the workbench's logs, then (last, as CI shows the
      // end of the output) the machine's memory, any out-of-memory kill and code-server's own
      // lines on its extension hosts (an exit code and signal, an extension host's stderr).
      const state = suiteState(resultsFile);
      results.tests.push(...(state.progress?.tests ?? []));
      throw new Error(
        `${error.message}: ${progressLine(state)}\n` +
          `${logTails(path.join(userData, 'logs'), 15)}\n` +
          `--- memory when last read: renderer ${lastMemory}; ${hostMemory(codeServer.pid)}\n` +
          `${machineState({ kernel: true })}\n${serverLogTail(logFile)}`,
      );
    } finally {
      clearInterval(ticker);
      clearInterval(hostTimer);
    }
    results.tests.push(...suiteResults.tests);

    log('checking the workbench in the page');
    const shots = path.join(CACHE, name === 'e2e' ? 'screenshots' : `screenshots-${name}`);
    const ui = await checkUi(page, {
      workspace,
      codeServerPid: codeServer.pid,
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
    fail('Harness', `run the ${name} tests in code-server`, error);
  } finally {
    await endAll();
  }

  const { passed, failed } = printResults(results, elapsed);
  if (tmp) {
    if (options.keep || failed > 0)
      log(`kept ${tmp} (workspace copy, code-server.log, user-data/logs)`);
    else rmSync(tmp, { recursive: true, force: true });
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
}
