// Catalogue benchmark (run by `npm run bench`, or alone): `bloomline check` against
// markdownlint-cli2, side by side in one run, on
// - a catalogue of lessons: the Carpentries corpus (test/corpus/carpentries) copied N times
//   (default 8: 464 lessons, 7 MB) into bench-out/catalogue/, checked as `check .` there;
// - one small file, cold: examples/course-outline.md (Node start-up and loading included).
// Each command is a separate process, run once to warm up and then N times, interleaved; wall
// time from spawn to exit, peak RSS and CPU time as the child measures them at exit
// (scripts/bench/measure.mjs). Results go to the `bench-catalogue` section of BENCHMARKS.md.
// Exit 1 when a target fails.
//
//   node scripts/bench/catalogue.mjs [--runs N] [--copies N] [--no-write]
import { spawn } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MEASURE = path.join(ROOT, 'scripts', 'bench', 'measure.mjs');
const BIN = path.join(ROOT, 'bin', 'bloomline.js');
const CORPUS = path.join(ROOT, 'test', 'corpus', 'carpentries');
const EXAMPLE = path.join(ROOT, 'examples', 'course-outline.md');
const CATALOGUE = path.join(ROOT, 'bench-out', 'catalogue');
const BENCHMARKS_MD = path.join(ROOT, 'BENCHMARKS.md');
const START = '<!-- bench-catalogue:start -->';
const END = '<!-- bench-catalogue:end -->';
const TARGETS = { catalogueTime: 0.5, catalogueRss: 1.0, coldTime: 0.5 };

const options = { runs: 5, copies: 8, write: true };
for (let i = 2; i < process.argv.length; i++) {
  const [flag, inline] = process.argv[i].split(/=(.*)/s);
  const number = () => {
    const n = Number(inline ?? process.argv[++i]);
    if (!Number.isInteger(n) || n < 1) fail(`${flag} needs a positive integer`);
    return n;
  };
  if (flag === '--runs') options.runs = number();
  else if (flag === '--copies') options.copies = number();
  else if (flag === '--no-write') options.write = false;
  else fail(`unknown argument ${process.argv[i]}`);
}

function fail(message) {
  process.stderr.write(`catalogue bench: ${message}\n`);
  process.exit(2);
}

const median = (values) => {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmt = (n) => Math.round(n).toLocaleString('en-US');
const range = (values, f = fmt) => `${f(Math.min(...values))}–${f(Math.max(...values))}`;
const mb = (kb) => (kb / 1024).toFixed(1);

/** The catalogue: the corpus copied `copies` times. Its own `.git` folder makes it the top of
 * a repository, as a catalogue cloned from GitHub is: this repository's .gitignore, which leaves
 * out bench-out/, is not read by the walk (it would skip every lesson). */
function generate() {
  rmSync(CATALOGUE, { recursive: true, force: true });
  mkdirSync(path.join(CATALOGUE, '.git'), { recursive: true });
  for (let i = 1; i <= options.copies; i++)
    cpSync(CORPUS, path.join(CATALOGUE, `copy-${i}`), { recursive: true });
  // markdownlint-cli2 reads configuration from its working folder: default rules only.
  writeFileSync(
    path.join(CATALOGUE, '.markdownlint-cli2.jsonc'),
    JSON.stringify({ config: { default: true } }, null, 2) + '\n',
  );
  let files = 0;
  let bytes = 0;
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.md')) {
        files++;
        bytes += statSync(p).size;
      }
    }
  };
  walk(CATALOGUE);
  return { files, bytes };
}

function runOnce(command) {
  const result = path.join(os.tmpdir(), `bloomline-catalogue-${process.pid}.json`);
  rmSync(result, { force: true });
  return new Promise((resolve) => {
    const start = performance.now();
    const child = spawn(process.execPath, [MEASURE, result, command.script, ...command.args], {
      cwd: command.cwd,
      env: { ...process.env, ...command.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out = [];
    let stderr = '';
    child.stdout.on('data', (c) => out.push(c));
    child.stderr.on('data', (c) => {
      if (stderr.length < 65536) stderr += c;
    });
    child.on('close', (code) => {
      const ms = performance.now() - start;
      let measured = null;
      try {
        measured = JSON.parse(readFileSync(result, 'utf8'));
      } catch {
        // Reported below.
      }
      rmSync(result, { force: true });
      resolve({
        ms,
        code,
        rssKB: measured?.maxRSSKB ?? NaN,
        cpuMs: measured?.cpuMs ?? NaN,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr,
      });
    });
  });
}

async function main() {
  const { files, bytes } = generate();
  const mdlPackage = path.join(ROOT, 'node_modules', 'markdownlint-cli2');
  const mdlBin = path.join(
    mdlPackage,
    JSON.parse(readFileSync(path.join(mdlPackage, 'package.json'), 'utf8')).bin[
      'markdownlint-cli2'
    ],
  );
  // The cold file, for markdownlint-cli2 in a folder of its own with the same configuration.
  const coldDir = mkdtempSync(path.join(os.tmpdir(), 'bloomline-cold-'));
  copyFileSync(EXAMPLE, path.join(coldDir, 'course-outline.md'));
  copyFileSync(
    path.join(CATALOGUE, '.markdownlint-cli2.jsonc'),
    path.join(coldDir, '.markdownlint-cli2.jsonc'),
  );

  const ok = (run) => run.code === 0 || run.code === 1;
  const commands = [
    {
      key: 'check',
      label: '`bloomline check .` (stylish)',
      script: BIN,
      args: ['check', '.', '--no-color'],
      cwd: CATALOGUE,
      note: (run) => /✖ ([\d,]+) problems?/.exec(run.stdout)?.[0]?.slice(2) ?? 'no findings',
    },
    {
      key: 'json',
      label: '`bloomline check --format json .`',
      script: BIN,
      args: ['check', '--format', 'json', '.'],
      cwd: CATALOGUE,
      note: (run) => {
        const out = JSON.parse(run.stdout);
        return `${out.length} files, ${fmt(out.reduce((n, f) => n + f.messages.length, 0))} findings`;
      },
    },
    {
      // A worker thread checks files from the end of the list (server/src/cli/pool.ts), which
      // `check` does only when asked: measured beside the default on any machine.
      key: 'jsonWorker',
      label: '`bloomline check --format json .` with a worker thread (`BLOOMLINE_WORKERS=1`)',
      script: BIN,
      args: ['check', '--format', 'json', '.'],
      cwd: CATALOGUE,
      env: { BLOOMLINE_WORKERS: '1' },
      note: (run) => {
        const out = JSON.parse(run.stdout);
        return `${out.length} files, ${fmt(out.reduce((n, f) => n + f.messages.length, 0))} findings`;
      },
    },
    {
      key: 'parse',
      label: 'read + remark-parse of every lesson (the floor of a remark-based checker)',
      script: path.join(ROOT, 'scripts', 'bench', 'parse-only.mjs'),
      args: ['.'],
      cwd: CATALOGUE,
      note: (run) => run.stdout.trim(),
    },
    {
      key: 'mdl',
      label: 'markdownlint-cli2 `**/*.md` (default rules)',
      script: mdlBin,
      args: ['**/*.md'],
      cwd: CATALOGUE,
      note: (run) => /Summary: (\d+) error/.exec(run.stdout)?.[0] ?? '',
    },
    {
      key: 'coldCheck',
      label: '`bloomline check examples/course-outline.md`',
      script: BIN,
      args: ['check', EXAMPLE, '--no-color'],
      cwd: ROOT,
      note: (run) => /✖ ([\d,]+) problems?/.exec(run.stdout)?.[0]?.slice(2) ?? 'no findings',
    },
    {
      key: 'coldMdl',
      label: 'markdownlint-cli2 `course-outline.md`',
      script: mdlBin,
      args: ['course-outline.md'],
      cwd: coldDir,
      note: (run) => /Summary: (\d+) error/.exec(run.stdout)?.[0] ?? '',
    },
  ];

  const loadBefore = os.loadavg()[0];
  const state = new Map(commands.map((c) => [c.key, { runs: [], problem: null, note: '' }]));
  console.log(
    `Catalogue: ${files} lessons, ${(bytes / 1024 / 1024).toFixed(1)} MB (${options.copies} copies of test/corpus/carpentries); warm-up, then ${options.runs} runs each, interleaved`,
  );
  try {
    for (let i = 0; i <= options.runs; i++) {
      for (const command of commands) {
        const s = state.get(command.key);
        if (s.problem) continue;
        const run = await runOnce(command);
        if (!ok(run) || !Number.isFinite(run.rssKB)) {
          s.problem = `exit ${run.code}: ${run.stderr.split('\n')[0]}`;
          console.log(`  ${command.key}: FAILED: ${s.problem}`);
          continue;
        }
        if (i === 0) {
          try {
            s.note = command.note(run);
          } catch (error) {
            s.problem = `unexpected output (${error.message})`;
          }
          console.log(`  warm-up ${command.key}: ${fmt(run.ms)} ms, ${mb(run.rssKB)} MB`);
          continue;
        }
        s.runs.push(run);
        console.log(
          `  ${command.key} run ${i}/${options.runs}: ${fmt(run.ms)} ms, CPU ${fmt(run.cpuMs)} ms, ${mb(run.rssKB)} MB`,
        );
      }
    }
  } finally {
    rmSync(coldDir, { recursive: true, force: true });
  }
  const loadAfter = os.loadavg()[0];

  const rows = new Map();
  for (const command of commands) {
    const s = state.get(command.key);
    if (s.problem || !s.runs.length) {
      rows.set(command.key, { command, problem: s.problem ?? 'no runs' });
      continue;
    }
    const ms = s.runs.map((r) => r.ms);
    const cpu = s.runs.map((r) => r.cpuMs);
    const rss = s.runs.map((r) => r.rssKB);
    rows.set(command.key, {
      command,
      ms,
      cpu,
      rss,
      time: median(ms),
      cpuMs: median(cpu),
      rssKB: median(rss),
      note: s.note,
    });
  }
  const ratio = (a, b, field) => {
    const x = rows.get(a);
    const y = rows.get(b);
    return x.problem || y.problem ? null : x[field] / y[field];
  };
  const targets = [
    [
      'catalogue: check time / markdownlint-cli2',
      ratio('check', 'mdl', 'time'),
      TARGETS.catalogueTime,
    ],
    [
      'catalogue: check peak RSS / markdownlint-cli2',
      ratio('check', 'mdl', 'rssKB'),
      TARGETS.catalogueRss,
    ],
    [
      'cold single file: check time / markdownlint-cli2',
      ratio('coldCheck', 'coldMdl', 'time'),
      TARGETS.coldTime,
    ],
  ].map(([name, value, target]) => ({
    name,
    value,
    target,
    pass: value !== null && value <= target,
  }));
  const info = [
    ['catalogue: CPU time, check / markdownlint-cli2', ratio('check', 'mdl', 'cpuMs')],
    ['catalogue: JSON time / markdownlint-cli2', ratio('json', 'mdl', 'time')],
    ['catalogue: remark-parse alone / markdownlint-cli2, time', ratio('parse', 'mdl', 'time')],
    ['catalogue: remark-parse alone / markdownlint-cli2, CPU', ratio('parse', 'mdl', 'cpuMs')],
    ['catalogue: check / remark-parse alone, time', ratio('check', 'parse', 'time')],
    ['catalogue: JSON peak RSS / markdownlint-cli2', ratio('json', 'mdl', 'rssKB')],
    ['catalogue: JSON with a worker / markdownlint-cli2, time', ratio('jsonWorker', 'mdl', 'time')],
    ['catalogue: JSON with a worker / markdownlint-cli2, CPU', ratio('jsonWorker', 'mdl', 'cpuMs')],
    [
      'catalogue: JSON with a worker / markdownlint-cli2, peak RSS',
      ratio('jsonWorker', 'mdl', 'rssKB'),
    ],
    ['catalogue: JSON with a worker / without, time', ratio('jsonWorker', 'json', 'time')],
    ['catalogue: JSON with a worker / without, CPU', ratio('jsonWorker', 'json', 'cpuMs')],
    [
      'cold single file: CPU time, check / markdownlint-cli2',
      ratio('coldCheck', 'coldMdl', 'cpuMs'),
    ],
  ];

  const header = ['Command', 'Time ms', 'CPU ms', 'Peak RSS MB', 'Output'];
  const line = (row) =>
    row.problem
      ? [row.command.label, `failed: ${row.problem}`, '', '', '']
      : [
          row.command.label,
          `${fmt(row.time)} [${range(row.ms)}]`,
          `${fmt(row.cpuMs)} [${range(row.cpu)}]`,
          `${mb(row.rssKB)} [${range(row.rss, mb)}]`,
          row.note,
        ];
  const table = (keys) => [
    `| ${header.join(' | ')} |`,
    `| --- | ---: | ---: | ---: | --- |`,
    ...keys.map(
      (k) =>
        `| ${line(rows.get(k))
          .map((c) => c.replace(/\|/g, '\\|'))
          .join(' | ')} |`,
    ),
  ];
  const verdict = (t) =>
    t.value === null
      ? `- FAIL: ${t.name}: n/a (a command failed)`
      : `- ${t.pass ? 'PASS' : 'FAIL'}: ${t.name} ${t.value.toFixed(2)}x (target <= ${t.target}x)`;
  const cpus = os.cpus();
  const md = [
    START,
    '## Catalogue and cold start, against markdownlint-cli2',
    '',
    `- Date: ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}`,
    `- Machine: ${cpus[0]?.model.trim().split(/\s+/).slice(0, 2).join(' ')}, ${cpus.length} cores, Node ${process.version} (load average ${loadBefore.toFixed(2)} before, ${loadAfter.toFixed(2)} after)`,
    `- Command: \`node scripts/bench/catalogue.mjs\` (run by \`npm run bench\`); ${options.runs} run${options.runs === 1 ? '' : 's'} per command after a warm-up, interleaved; median [min–max]; peak RSS and CPU (user + system) as the child measures them at exit`,
    `- Catalogue: \`bench-out/catalogue/\`, ${files} lessons, ${(bytes / 1024 / 1024).toFixed(1)} MB: test/corpus/carpentries copied ${options.copies} times`,
    '',
    ...table(['check', 'json', 'jsonWorker', 'parse', 'mdl']),
    '',
    `Cold, one file (\`examples/course-outline.md\`, ${fmt(statSync(EXAMPLE).size)} bytes):`,
    '',
    ...table(['coldCheck', 'coldMdl']),
    '',
    ...targets.map(verdict),
    ...info.map(([name, value]) => `- ${name}: ${value === null ? 'n/a' : `${value.toFixed(2)}x`}`),
    END,
  ].join('\n');
  console.log(`\n${md}\n`);
  if (options.write) {
    const text = existsSync(BENCHMARKS_MD) ? readFileSync(BENCHMARKS_MD, 'utf8') : '';
    const a = text.indexOf(START);
    const b = text.indexOf(END, a);
    const next =
      a >= 0 && b >= 0
        ? text.slice(0, a) + md + text.slice(b + END.length)
        : text.replace('<!-- bench-lsp:start -->', `${md}\n\n<!-- bench-lsp:start -->`);
    writeFileSync(BENCHMARKS_MD, next.includes(START) ? next : `${text.trimEnd()}\n\n${md}\n`);
  }
  process.exitCode = targets.every((t) => t.pass) ? 0 : 1;
}

await main();
