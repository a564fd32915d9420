// The language server's workspace index on a catalogue: how long `bloomline lsp --stdio` takes
// to index a workspace of lessons (the Carpentries corpus copied N times, as the catalogue
// benchmark makes it) and what it then holds: its live heap (bytes used after a full GC, the
// caches emptied: test/support/heap-probe.ts) and its RSS. No document is open, so every file is
// a closed one. Index time: from `initialized` to the last `bloomline/outlineChanged` of the
// burst the server sends when the scan ends (one per outline file); the burst is over when no
// notification came for 1.5 s. Then the tree (`bloomline/outline {}`) and the report of the whole
// workspace, each asked for twice, and the live heap and RSS once more. Each time is given with
// the server's CPU time over it (user + system, from /proc: the machine may be shared) and each
// run with the load average when it started.
//
// Needs the build (`npm run build`: bin/ and out/test/support/heap-probe.js). With
// `--baseline DIR` (a checkout of another revision, built), its server is measured too, runs
// interleaved, and the ratios printed.
//
//   node scripts/bench/lsp-index.mjs [--copies N] [--runs N] [--baseline DIR]
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver/node.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CORPUS = path.join(ROOT, 'test', 'corpus', 'carpentries');
const PROBE = pathToFileURL(path.join(ROOT, 'out', 'test', 'support', 'heap-probe.js')).href;

const options = { copies: 8, runs: 3, baseline: null };
for (let i = 2; i < process.argv.length; i++) {
  const flag = process.argv[i];
  if (flag === '--baseline') {
    options.baseline = path.resolve(process.argv[++i]);
    continue;
  }
  const n = Number(process.argv[++i]);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} needs a positive integer`);
  if (flag === '--copies') options.copies = n;
  else if (flag === '--runs') options.runs = n;
  else throw new Error(`unknown argument ${flag}`);
}

/** The catalogue, with its own `.git` so this repository's .gitignore (bench-out/) is not read. */
export function generateCatalogue(dir, copies) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, '.git'), { recursive: true });
  for (let i = 1; i <= copies; i++)
    cpSync(CORPUS, path.join(dir, `copy-${i}`), { recursive: true });
  let files = 0;
  let bytes = 0;
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.md')) {
        files++;
        bytes += statSync(p).size;
      }
    }
  };
  walk(dir);
  return { files, bytes };
}

/** The CPU time (user + system) a process has used, in ms (Linux /proc, clock ticks of 10 ms). */
function cpuMs(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function rssKBOf(pid) {
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]);
}

async function measure(dir, root = ROOT) {
  const load = os.loadavg()[0];
  const heapFile = path.join(os.tmpdir(), `bloomline-lsp-index-heap-${process.pid}`);
  rmSync(heapFile, { force: true });
  const child = spawn(
    process.execPath,
    [
      ...(process.env.BLOOMLINE_LSP_PROFILE
        ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BLOOMLINE_LSP_PROFILE}`]
        : []),
      '--expose-gc',
      '--import',
      PROBE,
      path.join(root, 'bin', 'bloomline.js'),
      'lsp',
      '--stdio',
    ],
    { stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env, BLOOMLINE_HEAP_PROBE: heapFile } },
  );
  const connection = createMessageConnection(
    new StreamMessageReader(child.stdout),
    new StreamMessageWriter(child.stdin),
  );
  let last = 0;
  let count = 0;
  connection.onNotification('bloomline/outlineChanged', () => {
    last = performance.now();
    count++;
  });
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('workspace/configuration', (p) => p.items.map(() => ({})));
  connection.listen();
  try {
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(dir).href,
      capabilities: {},
    });
    const cpu0 = cpuMs(child.pid);
    const t0 = performance.now();
    await connection.sendNotification('initialized', {});
    while (count === 0 || performance.now() - last < 1500) await sleep(100);
    const indexMs = last - t0;
    const indexCpuMs = cpuMs(child.pid) - cpu0;
    const heap = await probe(child.pid, heapFile);
    const rssKB = rssKBOf(child.pid);
    // What the tree and the report of the whole workspace cost, asked for twice: wall time and
    // the server's CPU time.
    const timed = async (method) => {
      const c = cpuMs(child.pid);
      const t = performance.now();
      const answer = await connection.sendRequest(method, {});
      const ms = performance.now() - t;
      const size = JSON.stringify(answer).length;
      return { ms, cpuMs: cpuMs(child.pid) - c, size };
    };
    const tree = [await timed('bloomline/outline'), await timed('bloomline/outline')];
    const report = [await timed('bloomline/report'), await timed('bloomline/report')];
    const heapAfter = await probe(child.pid, heapFile);
    const rssAfterKB = rssKBOf(child.pid);
    return {
      load,
      indexMs,
      indexCpuMs,
      heap,
      rssKB,
      heapAfter,
      rssAfterKB,
      outlines: count,
      tree,
      report,
    };
  } finally {
    // Politely (a CPU profile is written at exit), then by PID if it has not gone.
    const exited = new Promise((r) => child.once('exit', r));
    try {
      await Promise.race([connection.sendRequest('shutdown'), sleep(2000)]);
      await connection.sendNotification('exit');
    } catch {
      // Gone already.
    }
    await Promise.race([exited, sleep(5000)]);
    connection.dispose();
    if (child.exitCode === null && child.signalCode === null) process.kill(child.pid);
  }
}

async function probe(pid, file) {
  process.kill(pid, 'SIGUSR2');
  for (let i = 0; i < 100; i++) {
    await sleep(100);
    try {
      const [bytes, state] = readFileSync(file, 'utf8').split(' ');
      if (state !== 'cleared') throw new Error('the server did not offer its caches to the probe');
      return Number(bytes);
    } catch (err) {
      if (err.code !== 'ENOENT') throw err;
    }
  }
  throw new Error('no heap probe answer');
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = path.join(ROOT, 'bench-out', 'lsp-index');
  const { files, bytes } = generateCatalogue(dir, options.copies);
  const servers = { this: ROOT, ...(options.baseline ? { baseline: options.baseline } : {}) };
  const runs = Object.fromEntries(Object.keys(servers).map((k) => [k, []]));
  for (let i = 0; i < options.runs; i++)
    for (const [name, root] of Object.entries(servers)) runs[name].push(await measure(dir, root));
  const mb = (b) => (b / 1024 / 1024).toFixed(1);
  const load = os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
  console.log(
    `catalogue: ${files} lessons, ${mb(bytes)} MB; load ${load}; ${os.cpus().length} CPUs`,
  );
  const summary = {};
  for (const [name, list] of Object.entries(runs)) {
    const timing = (xs) =>
      xs.map((x) => `${x.ms.toFixed(0)} ms (CPU ${x.cpuMs.toFixed(0)})`).join(', then ');
    for (const r of list)
      console.log(
        `  ${name} (load ${r.load.toFixed(2)}): index ${r.indexMs.toFixed(0)} ms (CPU ${r.indexCpuMs}), live heap ${mb(r.heap)} MB, RSS ${mb(r.rssKB * 1024)} MB, ${r.outlines} outlines; ` +
          `tree ${timing(r.tree)}, ${mb(r.tree[0].size)} MB of JSON; report ${timing(r.report)}; ` +
          `then live heap ${mb(r.heapAfter)} MB, RSS ${mb(r.rssAfterKB * 1024)} MB`,
      );
    const stat = (f, show) => {
      const xs = list.map(f);
      return {
        median: median(xs),
        text: `${show(median(xs))} [${show(Math.min(...xs))}-${show(Math.max(...xs))}]`,
      };
    };
    summary[name] = {
      index: stat(
        (r) => r.indexMs,
        (x) => `${x.toFixed(0)} ms`,
      ),
      heap: stat(
        (r) => r.heap,
        (x) => `${mb(x)} MB`,
      ),
      rss: stat(
        (r) => r.rssKB * 1024,
        (x) => `${mb(x)} MB`,
      ),
      tree: stat(
        (r) => r.tree[0].ms,
        (x) => `${x.toFixed(0)} ms`,
      ),
      treeCpu: stat(
        (r) => r.tree[0].cpuMs,
        (x) => `${x.toFixed(0)} ms`,
      ),
      report: stat(
        (r) => r.report[0].ms,
        (x) => `${x.toFixed(0)} ms`,
      ),
      reportCpu: stat(
        (r) => r.report[0].cpuMs,
        (x) => `${x.toFixed(0)} ms`,
      ),
      heapAfter: stat(
        (r) => r.heapAfter,
        (x) => `${mb(x)} MB`,
      ),
      rssAfter: stat(
        (r) => r.rssAfterKB * 1024,
        (x) => `${mb(x)} MB`,
      ),
    };
    const s = summary[name];
    console.log(
      `${name}, median [min-max]: index ${s.index.text}, live heap ${s.heap.text}, RSS ${s.rss.text}; ` +
        `first tree ${s.tree.text} (CPU ${s.treeCpu.text}), first report ${s.report.text} (CPU ${s.reportCpu.text}); ` +
        `after them live heap ${s.heapAfter.text}, RSS ${s.rssAfter.text}`,
    );
  }
  if (summary.baseline)
    for (const k of Object.keys(summary.this))
      console.log(
        `${k}: this / baseline ${(summary.this[k].median / summary.baseline[k].median).toFixed(2)}x`,
      );
}
