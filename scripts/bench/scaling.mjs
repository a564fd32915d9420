// Scaling benchmark (run by `npm run bench`): `bloomline check` on an outline with 10,000
// headings and on one with 80,000 (each a module heading and a line of text), in separate Node
// processes, interleaved. Linear time grows 8 times; the target is at most 10 times (the time
// grew 17 times, 1.1 s to 19 s, while each section looked for its end among all headings).
// Reports wall time, CPU time and peak RSS (medians), and writes the `bench-scaling` section of
// BENCHMARKS.md.
//
//   node scripts/bench/scaling.mjs [--runs N] [--no-write]
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { writeSection } from './section.mjs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const OUT_DIR = path.join(ROOT, 'bench-out');
const MEASURE = path.join(ROOT, 'scripts', 'bench', 'measure.mjs');
const BENCHMARKS_MD = path.join(ROOT, 'BENCHMARKS.md');
const START = '<!-- bench-scaling:start -->';
const END = '<!-- bench-scaling:end -->';
const SIZES = [10_000, 80_000];
const TARGET = 10;

const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const RUNS = runsAt >= 0 ? Number(args[runsAt + 1]) : 3;
const write = !args.includes('--no-write');
if (!Number.isInteger(RUNS) || RUNS < 1) {
  process.stderr.write('scaling: --runs needs a positive integer\n');
  process.exit(2);
}

/** n top-level sections, each a heading and a sentence, under one course title. */
function outline(n) {
  const parts = ['# Course\n\n'];
  for (let i = 1; i <= n; i++)
    parts.push(`## Module ${i}: Configuring the client\n\nParticipants practise it.\n\n`);
  return parts.join('');
}

function runCheck(file) {
  const result = path.join(OUT_DIR, `scaling-${process.pid}.json`);
  rmSync(result, { force: true });
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(
      process.execPath,
      [MEASURE, result, path.join(ROOT, 'bin', 'bloomline.js'), 'check', file, '--format', 'json'],
      { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (c) => (stderr += c));
    child.on('exit', (code) => {
      const wallMs = performance.now() - start;
      if (code !== 0 && code !== 1) {
        reject(new Error(`check exited ${code}: ${stderr.trim().split('\n')[0]}`));
        return;
      }
      const m = JSON.parse(readFileSync(result, 'utf8'));
      rmSync(result, { force: true });
      resolve({ wallMs, cpuMs: m.cpuMs, rssMB: m.maxRSSKB / 1024 });
    });
  });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

mkdirSync(OUT_DIR, { recursive: true });
const files = SIZES.map((n) => {
  const file = path.join(OUT_DIR, `headings-${n}.md`);
  writeFileSync(file, outline(n));
  return file;
});
const loadBefore = os.loadavg()[0];
const runs = SIZES.map(() => []);
await runCheck(files[0]); // warm-up (file cache)
for (let r = 0; r < RUNS; r++) {
  for (let i = 0; i < SIZES.length; i++) {
    const m = await runCheck(files[i]);
    runs[i].push(m);
    console.log(
      `  ${SIZES[i].toLocaleString('en')} headings, run ${r + 1}/${RUNS}: ${m.wallMs.toFixed(0)} ms (CPU ${m.cpuMs.toFixed(0)} ms), ${m.rssMB.toFixed(0)} MB`,
    );
  }
}
const rows = SIZES.map((n, i) => ({
  n,
  bytes: Buffer.byteLength(outline(n)),
  wall: median(runs[i].map((m) => m.wallMs)),
  cpu: median(runs[i].map((m) => m.cpuMs)),
  rss: median(runs[i].map((m) => m.rssMB)),
}));
const wallRatio = rows[1].wall / rows[0].wall;
const cpuRatio = rows[1].cpu / rows[0].cpu;
const cpus = os.cpus();
const lines = [
  START,
  '## Scaling with headings',
  '',
  `- Date: ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}`,
  `- Machine: ${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores, Node ${process.version} (load average ${loadBefore.toFixed(2)} before, ${os.loadavg()[0].toFixed(2)} after)`,
  `- Command: \`node scripts/bench/scaling.mjs\` (run by \`npm run bench\`): \`bloomline check --format json\` on \`bench-out/headings-N.md\`, N sections of a heading and a sentence; ${RUNS} runs each after a warm-up, interleaved, medians`,
  '',
  '| Headings | Size | Time ms | CPU ms | Peak RSS MB |',
  '| ---: | ---: | ---: | ---: | ---: |',
  ...rows.map(
    (r) =>
      `| ${r.n.toLocaleString('en')} | ${(r.bytes / 1024).toFixed(0)} KB | ${r.wall.toFixed(0)} | ${r.cpu.toFixed(0)} | ${r.rss.toFixed(0)} |`,
  ),
  '',
  `- ${wallRatio <= TARGET ? 'PASS' : 'FAIL'}: 80,000 headings take ${wallRatio.toFixed(1)}x the time of 10,000 (target <= ${TARGET}x; linear is 8x), CPU ${cpuRatio.toFixed(1)}x`,
  END,
];
const section = lines.join('\n');
process.stdout.write(`${section}\n`);
if (write) writeSection(BENCHMARKS_MD, START, END, section);
if (wallRatio > TARGET) process.exitCode = 1;
