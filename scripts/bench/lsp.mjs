// The language server benchmark (part of `npm run bench`): edit-to-diagnostics latency and
// memory of `bloomline lsp --stdio`, driven over real JSON-RPC like an editor would.
//
// On the generated 6,000-objective outline it measures, in one run: one remark-parse of the
// whole file in this process (the yardstick), the time from didOpen to the first diagnostics,
// the server's RSS after opening, and the median time from a one-line didChange to the
// diagnostics of that version. The same latency is measured on a typical 50-objective outline.
// Results go to the `bench-lsp` section of BENCHMARKS.md.
//
//   node scripts/bench/lsp.mjs [--edits N] [--no-write]
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { generateOutline } from './generate.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BENCHMARKS_MD = path.join(ROOT, 'BENCHMARKS.md');
const START = '<!-- bench-lsp:start -->';
const END = '<!-- bench-lsp:end -->';
/** The server's default debounce (DEFAULT_DEBOUNCE_MS in server/src/lsp/server.ts). */
const DEBOUNCE_MS = 100;

const args = process.argv.slice(2);
const edits = Number(args[args.indexOf('--edits') + 1]) || 21;
const write = !args.includes('--no-write');

/** A minimal LSP client over the child's stdio (Content-Length framing). */
function startServer() {
  const child = spawn(
    process.execPath,
    [
      ...(process.env.BLOOMLINE_LSP_PROFILE
        ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BLOOMLINE_LSP_PROFILE}`]
        : []),
      path.join(ROOT, 'bin/bloomline.js'),
      'lsp',
      '--stdio',
    ],
    {
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  let buffer = Buffer.alloc(0);
  let nextId = 1;
  const pending = new Map();
  const listeners = new Set();
  child.stdout.on('data', (chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const headerEnd = buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(
        /Content-Length: (\d+)/i.exec(buffer.subarray(0, headerEnd).toString())?.[1],
      );
      if (buffer.length < headerEnd + 4 + length) return;
      const message = JSON.parse(
        buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8'),
      );
      buffer = buffer.subarray(headerEnd + 4 + length);
      if (message.id !== undefined && message.method === undefined) {
        pending.get(message.id)?.(message);
        pending.delete(message.id);
      } else if (message.id !== undefined) {
        // A request from the server (configuration, registration): answer it plainly.
        const result =
          message.method === 'workspace/configuration'
            ? message.params.items.map(() => null)
            : null;
        send({ jsonrpc: '2.0', id: message.id, result });
      } else {
        for (const l of listeners) l(message);
      }
    }
  });
  const send = (message) => {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    child.stdin.write(body);
  };
  return {
    pid: child.pid,
    request: (method, params) =>
      new Promise((resolve) => {
        const id = nextId++;
        pending.set(id, resolve);
        send({ jsonrpc: '2.0', id, method, params });
      }),
    notify: (method, params) => send({ jsonrpc: '2.0', method, params }),
    /** Resolves with the next notification matching `test`. */
    next: (test, timeoutMs = 120_000) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          listeners.delete(listener);
          reject(new Error('timed out waiting for the server'));
        }, timeoutMs);
        const listener = (m) => {
          if (!test(m)) return;
          clearTimeout(timer);
          listeners.delete(listener);
          resolve(m);
        };
        listeners.add(listener);
      }),
    /** Waits up to 5 s for the server to exit after `exit`, then ends it by its PID. */
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        await new Promise((resolve) => {
          const timer = setTimeout(resolve, 5000);
          child.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
      try {
        process.kill(child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    },
  };
}

function rssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024;
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Opens `text` in a fresh server, then makes `edits` one-line edits spread over the file. */
async function measure(text, label) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bloomline-lsp-bench-'));
  const file = path.join(dir, 'outline.md');
  writeFileSync(file, text);
  const uri = pathToFileURL(file).href;
  const server = startServer();
  try {
    await server.request('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(dir).href,
      workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'bench' }],
      capabilities: { textDocument: { publishDiagnostics: { versionSupport: true } } },
    });
    server.notify('initialized', {});
    const forVersion = (version) => (m) =>
      m.method === 'textDocument/publishDiagnostics' &&
      m.params.uri === uri &&
      (m.params.version === undefined || m.params.version === version);
    let t0 = performance.now();
    const opened = server.next(forVersion(1));
    server.notify('textDocument/didOpen', {
      textDocument: { uri, languageId: 'markdown', version: 1, text },
    });
    const first = await opened;
    process.stderr.write(`${label}: opened in ${(performance.now() - t0).toFixed(0)} ms\n`);
    const openMs = performance.now() - t0;
    const rss = rssMb(server.pid);
    const lines = text.split('\n');
    const candidates = lines
      .map((l, i) => (/^- .*\bwithin\b/.test(l) ? i : -1))
      .filter((i) => i >= 0);
    const latencies = [];
    let version = 1;
    for (let k = 0; k < edits; k++) {
      const line = candidates[Math.floor(((k + 0.5) * candidates.length) / edits)];
      const col = lines[line].indexOf('within');
      version++;
      const done = server.next(forVersion(version));
      t0 = performance.now();
      // Alternate between breaking and restoring the criterion, so findings really change.
      const newText = k % 2 === 0 ? 'later ' : 'within';
      server.notify('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [
          {
            range: { start: { line, character: col }, end: { line, character: col + 6 } },
            text: newText,
          },
        ],
      });
      await done;
      latencies.push(performance.now() - t0);
      if (k % 2 === 0)
        lines[line] = lines[line].slice(0, col) + 'later ' + lines[line].slice(col + 6);
      else lines[line] = lines[line].slice(0, col) + 'within' + lines[line].slice(col + 6);
    }
    await server.request('shutdown', null);
    server.notify('exit', null);
    return {
      label,
      openMs,
      rss,
      findings: first.params.diagnostics.length,
      latency: median(latencies),
      latencies,
    };
  } finally {
    await server.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}

const big = generateOutline({ objectives: Number(process.env.BLOOMLINE_BENCH_OBJECTIVES) || 6000 });
const typical = generateOutline({ objectives: 50, seed: 7 });
const bigText = typeof big === 'string' ? big : big.text;
const typicalText = typeof typical === 'string' ? typical : typical.text;

// The yardstick: one remark-parse of the whole file, here, in this run (median of 3).
const processor = unified().use(remarkParse);
processor.parse(bigText.slice(0, 10_000));
const parses = [];
for (let i = 0; i < 3; i++) {
  const t = performance.now();
  processor.parse(bigText);
  parses.push(performance.now() - t);
}
const parseMs = median(parses);

const results = [
  await measure(bigText, '6,000 objectives'),
  await measure(typicalText, '50 objectives'),
];
const [large, small] = results;
const ratio = large.latency / parseMs;
const checks = [
  [
    'edit-to-diagnostics on 6,000 objectives <= 1.0x one remark-parse',
    ratio <= 1.0,
    `${ratio.toFixed(2)}x`,
  ],
  [
    'server RSS after opening 6,000 objectives < 300 MB',
    large.rss < 300,
    `${large.rss.toFixed(0)} MB`,
  ],
  [
    'edit-to-diagnostics on 50 objectives < 50 ms + the 100 ms debounce',
    small.latency < 50 + DEBOUNCE_MS,
    `${small.latency.toFixed(0)} ms`,
  ],
];

const lines = [
  START,
  '## Language server',
  '',
  `- Date: ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}`,
  `- Machine: ${os.cpus()[0]?.model ?? 'unknown'}, ${os.cpus().length} cores, Node ${process.version} (load average ${os.loadavg()[0].toFixed(2)})`,
  `- Command: \`node scripts/bench/lsp.mjs\` (run by \`npm run bench\`); ${edits} one-line edits per outline, spread over the file; the latency is from sending \`didChange\` to receiving the diagnostics of that version, debounce included`,
  `- Yardstick: one remark-parse of the 6,000-objective outline in the benchmark process: ${parseMs.toFixed(0)} ms (median of 3)`,
  '',
  '| Outline | didOpen to diagnostics ms | Server RSS after open MB | Median edit-to-diagnostics ms | Edit / one parse | Findings |',
  '| --- | ---: | ---: | ---: | ---: | ---: |',
  ...results.map(
    (r) =>
      `| ${r.label} | ${r.openMs.toFixed(0)} | ${r.rss.toFixed(0)} | ${r.latency.toFixed(0)} (${Math.min(...r.latencies).toFixed(0)}–${Math.max(...r.latencies).toFixed(0)}) | ${(r.latency / parseMs).toFixed(2)}x | ${r.findings} |`,
  ),
  '',
  ...checks.map(([what, ok, value]) => `- ${ok ? 'PASS' : 'FAIL'}: ${what} (${value})`),
  END,
];
const section = lines.join('\n');
process.stdout.write(`${section}\n`);
if (write) {
  let md = '';
  try {
    md = readFileSync(BENCHMARKS_MD, 'utf8');
  } catch {
    md = '# Benchmarks\n';
  }
  const a = md.indexOf(START);
  const b = md.indexOf(END);
  md =
    a >= 0 && b > a
      ? md.slice(0, a) + section + md.slice(b + END.length)
      : `${md.trimEnd()}\n\n${section}\n`;
  writeFileSync(BENCHMARKS_MD, md);
}
