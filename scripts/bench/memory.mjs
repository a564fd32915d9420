// Memory benchmark: the peak memory of `bloomline check` and of the language server on large
// files of several shapes, as a multiple of the file size (the bound in RELIABILITY.md,
// "Memory"). For each shape and size it generates bench-out/memory-SHAPE-SIZE.md, then:
// - check: `bloomline check --format json FILE` under scripts/bench/measure.mjs (the child's own
//   ru_maxrss);
// - server: `bloomline lsp --stdio` on a workspace folder holding the file (it indexes it), the
//   file opened, one line typed at the top, and a small outline opened after it (the server must
//   still answer); the peak is the server's VmHWM from /proc.
// Results go to the `memory` section of RELIABILITY.md. Takes minutes: run it alone, at low
// priority on a shared machine.
//
//   node scripts/bench/memory.mjs [--sizes 1,19] [--shapes objectives,notes,...] [--no-write]
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { writeSection } from './section.mjs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const OUT_DIR = path.join(ROOT, 'bench-out');
const MEASURE = path.join(ROOT, 'scripts', 'bench', 'measure.mjs');
const RELIABILITY_MD = path.join(ROOT, 'RELIABILITY.md');
const START = '<!-- memory:start -->';
const END = '<!-- memory:end -->';
const MB = 1024 * 1024;

/** Shapes: a header and a repeated unit (i: its number). */
const SHAPES = {
  objectives: {
    what: 'one list of objectives under "## Learning objectives"',
    head: '## Learning objectives\n\n',
    unit: (i) => `- Explain topic ${i} to a colleague within 5 minutes.\n`,
  },
  notes: {
    what: 'one list of notes (not an outline) under "# Notes"',
    head: '# Notes\n\n',
    unit: (i) => `- Explain topic ${i} to a colleague within 5 minutes.\n`,
  },
  sections: {
    what: 'sections: a heading and a sentence each',
    head: '# Course\n\n',
    unit: (i) =>
      `## Module ${i}: Configuring the client\n\nParticipants practise it within a week.\n\n`,
  },
  paragraphs: {
    what: 'paragraphs',
    head: '# Notes\n\n',
    unit: (i) => `Explain topic ${i} to a colleague within 5 minutes, then check it.\n\n`,
  },
  course: {
    what: 'modules of 8 objectives and 2 outcomes, with IDs and references',
    head: '# Course\n\n',
    unit: (i) =>
      `## Module ${i}\n\nBy the end of this module, participants will be able to:\n\n${Array.from(
        { length: 8 },
        (_, k) => `- **LO${i}.${k}:** Configure the client for case ${k} within 10 minutes.\n`,
      ).join(
        '',
      )}\n### Outcomes\n\n- Tickets fall from 40 to 20 a month within 90 days (LO${i}.1).\n- Resets drop by 30% by Q3 (LO${i}.2).\n\n`,
  },
  code: {
    what: 'one code block',
    head: '# Listing\n\n```\n',
    unit: (i) => `configure(client, ${i}) # within 5 minutes\n`,
  },
};

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : fallback;
};
const sizes = option('--sizes', '1,19').split(',').map(Number);
const shapes = option('--shapes', Object.keys(SHAPES).join(',')).split(',');
const write = !args.includes('--no-write');

function generate(shape, mb) {
  const s = SHAPES[shape];
  const limit = mb * MB;
  const parts = [s.head];
  let size = Buffer.byteLength(s.head);
  for (let i = 1; ; i++) {
    const u = s.unit(i);
    if (size + u.length > limit) break;
    parts.push(u);
    size += u.length;
  }
  const file = path.join(OUT_DIR, `memory-${shape}-${mb}.md`);
  writeFileSync(file, parts.join(''));
  return { file, bytes: size };
}

function child(args, options = {}) {
  return spawn(process.execPath, args, { cwd: ROOT, ...options });
}

/** Peak RSS of `check` on the file, and what it said. */
function measureCheck(file) {
  const result = path.join(OUT_DIR, `memory-${process.pid}.json`);
  rmSync(result, { force: true });
  return new Promise((resolve) => {
    const c = child(
      [MEASURE, result, path.join(ROOT, 'bin', 'bloomline.js'), 'check', file, '--format', 'json'],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    c.stderr.on('data', (d) => (stderr += d));
    c.on('exit', (code, signal) => {
      let peak = NaN;
      try {
        peak = JSON.parse(readFileSync(result, 'utf8')).maxRSSKB / 1024;
      } catch {
        // No result: the process died.
      }
      rmSync(result, { force: true });
      const said = stderr.trim().split('\n').pop() ?? '';
      resolve({ peak, code: signal ?? code, said: said.replace(/^bloomline: [^:]+: /, '') });
    });
  });
}

/** A minimal LSP client over stdio: requests by id, notifications by method. */
class Client {
  constructor() {
    this.proc = child([path.join(ROOT, 'bin', 'bloomline.js'), 'lsp', '--stdio'], {
      stdio: ['pipe', 'pipe', 'ignore'],
    });
    this.buffer = Buffer.alloc(0);
    this.waiters = [];
    this.id = 0;
    this.proc.stdout.on('data', (d) => this.data(d));
  }
  data(d) {
    this.buffer = Buffer.concat([this.buffer, d]);
    for (;;) {
      const end = this.buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, end))[1]);
      if (this.buffer.length < end + 4 + length) return;
      const msg = JSON.parse(this.buffer.subarray(end + 4, end + 4 + length).toString('utf8'));
      this.buffer = this.buffer.subarray(end + 4 + length);
      if (msg.method && msg.id !== undefined)
        this.send({ jsonrpc: '2.0', id: msg.id, result: null });
      for (const w of [...this.waiters]) {
        if (w.test(msg)) {
          this.waiters = this.waiters.filter((x) => x !== w);
          w.resolve(msg);
        }
      }
    }
  }
  send(msg) {
    const json = JSON.stringify(msg);
    this.proc.stdin.write(`Content-Length: ${Buffer.byteLength(json)}\r\n\r\n${json}`);
  }
  wait(test, ms = 900_000) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no answer')), ms);
      this.waiters.push({ test, resolve: (m) => (clearTimeout(timer), resolve(m)) });
    });
  }
  request(method, params) {
    const id = ++this.id;
    this.send({ jsonrpc: '2.0', id, method, params });
    return this.wait((m) => m.id === id && m.method === undefined);
  }
  notify(method, params) {
    this.send({ jsonrpc: '2.0', method, params });
  }
  hwmMB() {
    const status = readFileSync(`/proc/${this.proc.pid}/status`, 'utf8');
    return Number(/VmHWM:\s+(\d+)/.exec(status)[1]) / 1024;
  }
}

/** Peak RSS of the server over: index a folder with the file, open it, type a line, open a
 * small outline (answered?). */
async function measureServer(file) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bloomline-memory-'));
  const big = path.join(dir, 'big.md');
  const small = path.join(dir, 'small.md');
  copyFileSync(file, big);
  const smallText = '## Objectives\n\n- Understand DNS.\n';
  writeFileSync(small, smallText);
  const c = new Client();
  const uri = (f) => pathToFileURL(f).href;
  const diagnostics = (u, version) =>
    c.wait(
      (m) =>
        m.method === 'textDocument/publishDiagnostics' &&
        m.params.uri === u &&
        m.params.version === version,
    );
  let answered = false;
  let said = '';
  try {
    await c.request('initialize', {
      processId: process.pid,
      rootUri: uri(dir),
      workspaceFolders: [{ uri: uri(dir), name: 'memory' }],
      capabilities: { textDocument: { publishDiagnostics: { versionSupport: true } } },
    });
    const indexed = c.wait(
      (m) => m.method === 'bloomline/outlineChanged' && m.params.uri === uri(small),
    );
    c.notify('initialized', {});
    await indexed;
    const text = readFileSync(big, 'utf8');
    const opened = diagnostics(uri(big), 1);
    c.notify('textDocument/didOpen', {
      textDocument: { uri: uri(big), languageId: 'markdown', version: 1, text },
    });
    const first = await opened;
    said = first.params.diagnostics.length === 1 ? first.params.diagnostics[0].message : '';
    const edited = diagnostics(uri(big), 2);
    c.notify('textDocument/didChange', {
      textDocument: { uri: uri(big), version: 2 },
      contentChanges: [
        { range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: 'x' },
      ],
    });
    await edited;
    const smallOpened = diagnostics(uri(small), 1);
    c.notify('textDocument/didOpen', {
      textDocument: { uri: uri(small), languageId: 'markdown', version: 1, text: smallText },
    });
    answered = (await smallOpened).params.diagnostics.length > 0;
  } catch (err) {
    said = `failed: ${err.message}`;
  }
  let peak = NaN;
  try {
    peak = c.hwmMB();
  } catch {
    // The server is gone.
  }
  c.proc.kill();
  rmSync(dir, { recursive: true, force: true });
  return { peak, answered, said };
}

mkdirSync(OUT_DIR, { recursive: true });
const rows = [];
for (const shape of shapes) {
  for (const mb of sizes) {
    const { file, bytes } = generate(shape, mb);
    const sizeMB = bytes / MB;
    const check = await measureCheck(file);
    const server = await measureServer(file);
    rmSync(file, { force: true });
    const declined = /not analysed/i.test(check.said) || /did not analyse/.test(server.said);
    const row = {
      shape,
      sizeMB,
      check,
      server,
      result: declined
        ? `declined: ${(check.said || server.said).replace(/^.*not analys(e|ed)( this file)?: /i, '')}`
        : `analysed (exit ${check.code})`,
    };
    rows.push(row);
    console.log(
      `${shape} ${sizeMB.toFixed(1)} MB: check ${check.peak.toFixed(0)} MB (${(check.peak / sizeMB).toFixed(1)}x), server ${server.peak.toFixed(0)} MB (${(server.peak / sizeMB).toFixed(1)}x), still answering: ${server.answered}; ${row.result}`,
    );
  }
}

const cpus = os.cpus();
const section = [
  START,
  `Measured ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')} on ${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores, Node ${process.version}, with \`node scripts/bench/memory.mjs\`. Peak RSS, the whole process (Node itself is about 50 MB):`,
  '',
  '| File | Size | `check` peak | × size | Server peak | × size | Server answers after | Result |',
  '| --- | ---: | ---: | ---: | ---: | ---: | --- | --- |',
  ...rows.map(
    (r) =>
      `| ${SHAPES[r.shape].what} | ${r.sizeMB.toFixed(1)} MB | ${r.check.peak.toFixed(0)} MB | ${(r.check.peak / r.sizeMB).toFixed(1)} | ${r.server.peak.toFixed(0)} MB | ${(r.server.peak / r.sizeMB).toFixed(1)} | ${r.server.answered ? 'yes' : 'NO'} | ${r.result} |`,
  ),
  END,
].join('\n');
console.log(`\n${section}`);
if (write) writeSection(RELIABILITY_MD, START, END, section);
