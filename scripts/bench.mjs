// The benchmark (`npm run bench`): generates a large course outline, then times three separate
// Node processes on it — a remark-parse-only baseline, `bloomline check --format json` and
// markdownlint-cli2 — and reports median wall time and median peak RSS, the check/baseline
// ratios against their targets (time 1.0x, peak RSS 0.6x), and writes the results into
// BENCHMARKS.md. Then it runs the catalogue (464 lessons and a cold single file against
// markdownlint-cli2), folder walk, language server and scaling (10,000 vs 80,000 headings)
// benchmarks (scripts/bench/catalogue.mjs, walk.mjs, lsp.mjs, scaling.mjs), so that
// `npm run bench -- --runs 9` reaches this script: npm appends extra arguments to the end of
// the script line only.
//
//   node scripts/bench.mjs [--runs N] [--strict] [--objectives N] [--no-write] [--no-lsp]
//                          [--no-walk] [--no-scaling] [--no-catalogue]
//
// --runs N        measured runs per command (default 5), after one warm-up run each
// --strict        exit 1 when a target fails (otherwise the exit code is 0)
// --objectives N  outline size (default 6000); other sizes are for trials only
// --no-write      do not touch BENCHMARKS.md (passed on to the language server benchmark)
// --no-lsp        skip the language server benchmark
// --no-walk       skip the folder walk benchmark (scripts/bench/walk.mjs)
// --no-catalogue  skip the catalogue benchmark (scripts/bench/catalogue.mjs)
// --no-scaling    skip the scaling benchmark
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { generateOutline } from './bench/generate.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT_DIR = path.join(ROOT, 'bench-out');
const MEASURE = path.join(ROOT, 'scripts', 'bench', 'measure.mjs');
const BENCHMARKS_MD = path.join(ROOT, 'BENCHMARKS.md');
const START_MARKER = '<!-- bench:start -->';
const END_MARKER = '<!-- bench:end -->';
const DEFAULT_OBJECTIVES = 6000;
const SEED = 20240611;
/** `check` against the parse-only process (issue 15): at most as long, at most 0.6x the memory. */
const TARGET_TIME = 1.0;
const TARGET_RSS = 0.6;

function parseArgs(argv) {
  const options = {
    runs: 5,
    strict: false,
    objectives: DEFAULT_OBJECTIVES,
    write: true,
    lsp: true,
    walk: true,
    scaling: true,
    catalogue: true,
  };
  for (let i = 0; i < argv.length; i++) {
    // Both `--runs 9` and `--runs=9`.
    const [flag, inline] = argv[i].split(/=(.*)/s);
    const number = () => {
      const value = Number(inline ?? argv[++i]);
      if (!Number.isInteger(value) || value < 1) fail(`${flag} needs a positive integer`);
      return value;
    };
    if (flag === '--runs') options.runs = number();
    else if (flag === '--objectives') options.objectives = number();
    else if (flag === '--strict') options.strict = true;
    else if (flag === '--no-write') options.write = false;
    else if (flag === '--no-lsp') options.lsp = false;
    else if (flag === '--no-walk') options.walk = false;
    else if (flag === '--no-scaling') options.scaling = false;
    else if (flag === '--no-catalogue') options.catalogue = false;
    else fail(`unknown argument: ${argv[i]}`);
  }
  return options;
}

function fail(message) {
  process.stderr.write(`bench: ${message}\n`);
  process.exit(2);
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** The line of stderr that says what went wrong: for an uncaught exception Node prints the
 * source location and code first, so prefer the "SomeError: message" line. */
const firstLine = (text) => {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  return lines.find((l) => /^([A-Z]\w*)?Error\b/.test(l)) ?? lines[0] ?? '';
};

/**
 * Runs `node measure.mjs <result> <script> ...args` once. Wall time is taken in this process
 * around spawn → exit, so it includes Node start-up; peak RSS comes from the child itself.
 */
function runOnce(command, resultFile, keepOutput) {
  rmSync(resultFile, { force: true });
  return new Promise((resolve) => {
    const stdout = [];
    const stderr = [];
    let stdoutBytes = 0;
    let stderrBytes = 0;
    let wallMs = 0;
    let exitCode = null;
    let signal = null;
    const start = performance.now();
    const child = spawn(process.execPath, [MEASURE, resultFile, command.script, ...command.args], {
      cwd: command.cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (chunk) => {
      stdoutBytes += chunk.length;
      if (keepOutput) stdout.push(chunk);
    });
    child.stderr.on('data', (chunk) => {
      // Keep the start of stderr for error messages; markdownlint writes every finding there.
      if (keepOutput || stderrBytes < 65536) stderr.push(chunk);
      stderrBytes += chunk.length;
    });
    child.on('exit', (code, sig) => {
      wallMs = performance.now() - start;
      exitCode = code;
      signal = sig;
    });
    child.on('error', (error) => {
      resolve({ error: `could not start: ${error.message}` });
    });
    child.on('close', () => {
      let measured = null;
      try {
        measured = JSON.parse(readFileSync(resultFile, 'utf8'));
      } catch {
        // No result file: the process died before its exit handler ran (signal, abort).
      }
      resolve({
        wallMs,
        exitCode,
        signal,
        maxRSSKB: measured ? measured.maxRSSKB : null,
        childMs: measured ? measured.sinceProcessStartMs : null,
        cpuMs: measured ? measured.cpuMs : null,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
        stdoutBytes,
        stderrBytes,
      });
    });
  });
}

/** Why a run does not count, or null when it is fine. */
function runProblem(command, run) {
  if (run.error) return run.error;
  const stderrLine = firstLine(run.stderr);
  if (run.signal) return `killed by ${run.signal}${stderrLine ? `: ${stderrLine}` : ''}`;
  if (!command.okCodes.includes(run.exitCode)) {
    return stderrLine || `exit code ${run.exitCode} and no message`;
  }
  if (run.maxRSSKB === null) return 'no measurement written (the process died in an unusual way)';
  return null;
}

/** Parses `--format json` output: one JSON document, or JSON lines. */
function parseJsonOutput(text) {
  try {
    return JSON.parse(text);
  } catch {
    const lines = text.split('\n').filter((l) => l.trim());
    if (lines.length === 0) throw new Error('empty output');
    return lines.map((l) => JSON.parse(l));
  }
}

/** Best-effort count of findings in the check's JSON, whatever its exact shape. */
function countFindings(json) {
  const sum = (list) => list.reduce((n, x) => n + (countFindings(x) ?? 0), 0);
  if (Array.isArray(json)) {
    return json.some((x) => x && typeof x === 'object' && ('findings' in x || 'messages' in x))
      ? sum(json)
      : json.length;
  }
  if (json && typeof json === 'object') {
    if (Array.isArray(json.findings)) return json.findings.length;
    if (Array.isArray(json.messages)) return json.messages.length;
    if (Array.isArray(json.files)) return sum(json.files);
    if (Array.isArray(json.results)) return sum(json.results);
  }
  return null;
}

const fmtInt = (n) => Math.round(n).toLocaleString('en-US');
const fmtMB = (kb) => (kb / 1024).toFixed(1);
const fmtRatio = (r) => `${r.toFixed(2)}x`;
const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;

function describeInput(outline, bytes) {
  return `${fmtInt(bytes)} bytes (${(bytes / 1024).toFixed(0)} KB), ${fmtInt(outline.objectives)} objectives, ${fmtInt(outline.outcomes)} outcomes, ${fmtInt(outline.modules)} modules, ${fmtInt(outline.lessons)} lessons`;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));

  // 1. The outline.
  mkdirSync(OUT_DIR, { recursive: true });
  const outline = generateOutline({ objectives: options.objectives, seed: SEED });
  // Trial sizes get their own file, and the file is replaced atomically, so a second bench
  // running at the same time never changes the input under the first one's feet.
  const outlineName =
    options.objectives === DEFAULT_OBJECTIVES ? 'outline.md' : `outline-${options.objectives}.md`;
  const outlinePath = path.join(OUT_DIR, outlineName);
  writeFileSync(`${outlinePath}.${process.pid}.tmp`, outline.text);
  renameSync(`${outlinePath}.${process.pid}.tmp`, outlinePath);
  const bytes = Buffer.byteLength(outline.text);
  console.log(`Outline: ${path.relative(ROOT, outlinePath)}: ${describeInput(outline, bytes)}`);

  // markdownlint-cli2 reads configuration files from its working directory down to the file's
  // directory, so it runs in a fresh temp dir holding a copy of the outline and a config that
  // only says "default rules": the repo's own config files can never apply.
  const mdlDir = mkdtempSync(path.join(os.tmpdir(), 'bloomline-bench-'));
  copyFileSync(outlinePath, path.join(mdlDir, 'outline.md'));
  writeFileSync(
    path.join(mdlDir, '.markdownlint-cli2.jsonc'),
    JSON.stringify({ config: { default: true } }, null, 2) + '\n',
  );
  const mdlPackage = path.join(ROOT, 'node_modules', 'markdownlint-cli2');
  const mdlBin = JSON.parse(readFileSync(path.join(mdlPackage, 'package.json'), 'utf8')).bin[
    'markdownlint-cli2'
  ];

  const commands = [
    {
      key: 'baseline',
      label: 'baseline: read + remark-parse',
      script: path.join(ROOT, 'scripts', 'bench', 'parse-only.mjs'),
      args: [outlinePath],
      cwd: ROOT,
      okCodes: [0],
    },
    {
      key: 'check',
      label: 'bloomline check --format json',
      script: path.join(ROOT, 'bin', 'bloomline.js'),
      args: ['check', outlinePath, '--format', 'json'],
      cwd: ROOT,
      // 1 = findings reported, which this outline has plenty of; 2 = usage/config error.
      okCodes: [0, 1],
      validate(run) {
        let json;
        try {
          json = parseJsonOutput(run.stdout);
        } catch (error) {
          const line = firstLine(run.stderr);
          return { problem: line || `output is not JSON (${error.message})` };
        }
        const findings = countFindings(json);
        return {
          note: `exit ${run.exitCode}${findings === null ? '' : `, ${fmtInt(findings)} findings`}, ${fmtInt(run.stdoutBytes / 1024)} KB of JSON`,
        };
      },
    },
    {
      key: 'markdownlint',
      label: 'markdownlint-cli2 (default rules)',
      script: path.join(mdlPackage, mdlBin),
      args: ['outline.md'],
      cwd: mdlDir,
      okCodes: [0, 1],
      validate(run) {
        const summary = /Summary: (\d+) error/.exec(run.stdout);
        return {
          note: `exit ${run.exitCode}${summary ? `, ${fmtInt(Number(summary[1]))} errors` : ''}`,
        };
      },
    },
  ];

  const resultFile = path.join(OUT_DIR, `measure-${process.pid}.json`);
  const loadBefore = os.loadavg();
  // Taken before the runs: `npm run bench` has just built the product from this state.
  const build = buildDescription();
  const bundleBefore = bundleHash();
  const state = new Map(commands.map((c) => [c.key, { runs: [], problem: null, note: '' }]));

  try {
    // 2. One warm-up run each (file cache, and a check that the command works at all), then
    // the measured runs, interleaved so that background load hits every command alike.
    console.log(
      `\nWarm-up (1 run each), then ${plural(options.runs, 'measured run')} each, interleaved:`,
    );
    for (const command of commands) {
      const s = state.get(command.key);
      const run = await runOnce(command, resultFile, true);
      s.problem = runProblem(command, run);
      if (!s.problem && command.validate) {
        const { problem, note } = command.validate(run);
        s.problem = problem ?? null;
        s.note = note ?? '';
      }
      console.log(
        `  warm-up ${command.key}: ${s.problem ? `FAILED: ${s.problem}` : `${fmtInt(run.wallMs)} ms, ${fmtMB(run.maxRSSKB)} MB${s.note ? ` (${s.note})` : ''}`}`,
      );
    }
    if (state.get('baseline').problem)
      fail(`the baseline does not run: ${state.get('baseline').problem}`);

    for (let i = 1; i <= options.runs; i++) {
      for (const command of commands) {
        const s = state.get(command.key);
        if (s.problem) continue;
        const run = await runOnce(command, resultFile, false);
        const problem = runProblem(command, run);
        if (problem) {
          s.problem = `run ${i}: ${problem}`;
          console.log(`  ${command.key} run ${i}/${options.runs}: FAILED: ${problem}`);
          continue;
        }
        s.runs.push(run);
        console.log(
          `  ${command.key} run ${i}/${options.runs}: ${fmtInt(run.wallMs)} ms (in-process ${fmtInt(run.childMs)} ms, CPU ${fmtInt(run.cpuMs)} ms), ${fmtMB(run.maxRSSKB)} MB`,
        );
      }
    }
  } finally {
    rmSync(mdlDir, { recursive: true, force: true });
    rmSync(resultFile, { force: true });
  }
  const loadAfter = os.loadavg();
  // In a shared work tree someone's `npm test` can rebuild the bundle halfway through.
  const bundleChanged = bundleHash() !== bundleBefore;
  const warning = bundleChanged
    ? 'Warning: dist/bloomline.js was rebuilt during the run, so the check row mixes two builds.'
    : null;

  // 3. Report.
  const rows = commands.map((command) => {
    const s = state.get(command.key);
    if (s.problem) return { command, problem: s.problem };
    const times = s.runs.map((r) => r.wallMs);
    const rss = s.runs.map((r) => r.maxRSSKB);
    const cpu = s.runs.map((r) => r.cpuMs);
    return {
      command,
      timeMs: median(times),
      timeRange: [Math.min(...times), Math.max(...times)],
      rssKB: median(rss),
      rssRange: [Math.min(...rss), Math.max(...rss)],
      cpuMs: median(cpu),
      note: s.note,
    };
  });
  const base = rows[0];
  for (const row of rows) {
    if (row.problem) continue;
    row.timeRatio = row.timeMs / base.timeMs;
    row.rssRatio = row.rssKB / base.rssKB;
    row.cpuRatio = row.cpuMs / base.cpuMs;
  }
  const check = rows.find((r) => r.command.key === 'check');
  const targets = [
    { name: 'Time', ratio: check.problem ? null : check.timeRatio, target: TARGET_TIME },
    { name: 'Peak RSS', ratio: check.problem ? null : check.rssRatio, target: TARGET_RSS },
  ].map((t) => ({ ...t, pass: t.ratio !== null && t.ratio <= t.target }));

  const cpus = os.cpus();
  const info = {
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    machine: `${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores, Node ${process.version}, ${os.platform()} ${os.arch()}`,
    build,
    load: `load average ${loadBefore[0].toFixed(2)} before, ${loadAfter[0].toFixed(2)} after`,
    input: `\`bench-out/${outlineName}\`, ${describeInput(outline, bytes)} (seed ${SEED})`,
    runs: `${plural(options.runs, 'measured run')} per command after one warm-up run, interleaved; median shown, min–max in brackets`,
  };

  const cells = (row) =>
    row.problem
      ? [row.command.label, `failed: ${row.problem}`, '', '', '', '', '', '']
      : [
          row.command.label,
          `${fmtInt(row.timeMs)} (${fmtInt(row.timeRange[0])}–${fmtInt(row.timeRange[1])})`,
          `${fmtMB(row.rssKB)} (${fmtMB(row.rssRange[0])}–${fmtMB(row.rssRange[1])})`,
          fmtRatio(row.timeRatio),
          fmtRatio(row.rssRatio),
          fmtInt(row.cpuMs),
          fmtRatio(row.cpuRatio),
          row.note,
        ];
  const header = [
    'Command',
    'Time ms',
    'Peak RSS MB',
    'Time / baseline',
    'RSS / baseline',
    'CPU ms',
    'CPU / baseline',
    'Notes',
  ];
  const targetLines = targets.map((t) =>
    t.ratio === null
      ? `${t.name}: check/baseline n/a (the check did not run) — FAIL`
      : `${t.name}: check/baseline ${fmtRatio(t.ratio)} (target <= ${t.target}x) — ${t.pass ? 'PASS' : 'FAIL'}`,
  );

  // Console table.
  // A failed row's message does not widen the columns: it runs on after the command's name.
  const table = [header, ...rows.filter((r) => !r.problem).map(cells)];
  const widths = header.map((_, i) => Math.max(...table.map((r) => r[i].length)));
  console.log(`\n${info.date}  ${info.machine}  (${info.load})`);
  console.log(`Input: ${describeInput(outline, bytes)}\n`);
  if (warning) console.log(`${warning}\n`);
  console.log(
    header
      .map((c, j) => c.padEnd(widths[j]))
      .join('  ')
      .trimEnd(),
  );
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) {
    const r = cells(row);
    console.log(
      row.problem
        ? `${r[0].padEnd(widths[0])}  ${r[1]}`
        : r
            .map((c, j) => c.padEnd(widths[j]))
            .join('  ')
            .trimEnd(),
    );
  }
  console.log('');
  for (const line of targetLines) console.log(line);

  // BENCHMARKS.md.
  if (options.write && options.objectives !== DEFAULT_OBJECTIVES) {
    console.log(`\nBENCHMARKS.md not written: --objectives ${options.objectives} is a trial size.`);
  } else if (options.write) {
    const md = [
      START_MARKER,
      '## Latest run',
      '',
      `- Date: ${info.date}`,
      `- Machine: ${info.machine} (${info.load})`,
      `- Build: ${info.build}`,
      `- Input: ${info.input}`,
      `- Runs: ${info.runs}`,
      ...(warning ? [`- ${warning}`] : []),
      '',
      `| ${header.join(' | ')} |`,
      `| ${header.map((_, i) => (i === 0 || i === header.length - 1 ? '---' : '---:')).join(' | ')} |`,
      ...rows.map(
        (row) =>
          `| ${cells(row)
            .map((c) => c.replace(/\|/g, '\\|'))
            .join(' | ')} |`,
      ),
      '',
      `Targets (\`bloomline check\` at most ${TARGET_TIME}x the parse-only process's time and ${TARGET_RSS}x its peak RSS):`,
      '',
      ...targetLines.map((l) => `- ${l}`),
      ...(check.problem
        ? [
            '',
            '`bloomline check` did not run (see its row), so its numbers and the targets are pending.',
          ]
        : []),
      END_MARKER,
    ].join('\n');
    writeFileSync(BENCHMARKS_MD, replaceSection(md));
    console.log(`\nWrote ${path.relative(ROOT, BENCHMARKS_MD)}.`);
  }

  const failed = targets.some((t) => !t.pass);
  if (options.strict && failed) process.exitCode = 1;

  // The catalogue and the cold single file, against markdownlint-cli2.
  const catalogueBench = path.join(ROOT, 'scripts', 'bench', 'catalogue.mjs');
  if (options.catalogue && options.objectives === DEFAULT_OBJECTIVES) {
    console.log('\nCatalogue benchmark (scripts/bench/catalogue.mjs):');
    const code = await new Promise((resolve) => {
      const child = spawn(
        process.execPath,
        [catalogueBench, '--runs', String(options.runs), ...(options.write ? [] : ['--no-write'])],
        { cwd: ROOT, stdio: 'inherit' },
      );
      child.on('error', () => resolve(2));
      child.on('exit', (c, sig) => resolve(sig ? 2 : (c ?? 2)));
    });
    if (code === 1) {
      console.log('A catalogue target failed.');
      if (options.strict) process.exitCode = 1;
    } else if (code !== 0) {
      console.log(`The catalogue benchmark failed (exit ${code}).`);
      process.exitCode = 2;
    }
  }

  // The folder walk: every kind of outline file against Markdown only, per byte.
  const walkBench = path.join(ROOT, 'scripts', 'bench', 'walk.mjs');
  if (options.walk && options.objectives === DEFAULT_OBJECTIVES && existsSync(walkBench)) {
    console.log('\nFolder walk benchmark (scripts/bench/walk.mjs):');
    const code = await new Promise((resolve) => {
      const child = spawn(
        process.execPath,
        [walkBench, '--runs', String(options.runs), ...(options.write ? [] : ['--no-write'])],
        { cwd: ROOT, stdio: 'inherit' },
      );
      child.on('error', () => resolve(2));
      child.on('exit', (c, sig) => resolve(sig ? 2 : (c ?? 2)));
    });
    if (code !== 0) {
      console.log(`The folder walk benchmark failed (exit ${code}).`);
      process.exitCode = 2;
    }
  }

  const lspBench = path.join(ROOT, 'scripts', 'bench', 'lsp.mjs');
  if (options.lsp && options.objectives === DEFAULT_OBJECTIVES && existsSync(lspBench)) {
    console.log('\nLanguage server benchmark (scripts/bench/lsp.mjs):');
    const code = await new Promise((resolve) => {
      const child = spawn(process.execPath, [lspBench, ...(options.write ? [] : ['--no-write'])], {
        cwd: ROOT,
        stdio: 'inherit',
      });
      child.on('error', () => resolve(2));
      child.on('exit', (c, sig) => resolve(sig ? 2 : (c ?? 2)));
    });
    if (code !== 0) {
      console.log(`The language server benchmark failed (exit ${code}).`);
      process.exitCode = 2;
    }
  }

  const scaling = path.join(ROOT, 'scripts', 'bench', 'scaling.mjs');
  if (options.scaling && options.objectives === DEFAULT_OBJECTIVES) {
    console.log('\nScaling benchmark (scripts/bench/scaling.mjs):');
    const code = await new Promise((resolve) => {
      const child = spawn(process.execPath, [scaling, ...(options.write ? [] : ['--no-write'])], {
        cwd: ROOT,
        stdio: 'inherit',
      });
      child.on('error', () => resolve(2));
      child.on('exit', (c, sig) => resolve(sig ? 2 : (c ?? 2)));
    });
    if (code === 1) {
      console.log('The scaling target failed.');
      if (options.strict) process.exitCode = 1;
    } else if (code !== 0) {
      console.log(`The scaling benchmark failed (exit ${code}).`);
      process.exitCode = 2;
    }
  }
}

/** Hash of the built CLI bundle, or null when it is missing. */
function bundleHash() {
  try {
    return createHash('sha1')
      .update(readFileSync(path.join(ROOT, 'dist', 'bloomline.js')))
      .digest('hex');
  } catch {
    return null;
  }
}

/** Which code was measured: the commit, and whether the product's sources differed from it. */
function buildDescription() {
  try {
    const git = (...args) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
    const head = git('rev-parse', '--short', 'HEAD');
    const dirty = git(
      'status',
      '--porcelain',
      '--untracked-files=no',
      '--',
      'server',
      'bin',
      'scripts/build.mjs',
    );
    return `commit ${head}${dirty ? ' plus uncommitted changes to the product sources' : ''}`;
  } catch {
    return 'unknown (not a git checkout)';
  }
}

/** BENCHMARKS.md with the marked section replaced (file and markers created when missing). */
function replaceSection(section) {
  if (!existsSync(BENCHMARKS_MD)) return `${BENCHMARKS_HEADER}\n${section}\n`;
  const text = readFileSync(BENCHMARKS_MD, 'utf8');
  const start = text.indexOf(START_MARKER);
  const end = text.indexOf(END_MARKER, start);
  if (start === -1 || end === -1) return `${text.trimEnd()}\n\n${section}\n`;
  return text.slice(0, start) + section + text.slice(end + END_MARKER.length);
}

const BENCHMARKS_HEADER = `# Benchmarks

How fast and how lean \`bloomline check\` is on a large outline, compared with the least any
remark-based tool must do (read the file and parse it) and with markdownlint-cli2.

## Reproduce

\`\`\`sh
npm run bench                  # build, then 5 measured runs per command
npm run bench -- --runs 9      # more runs for steadier medians
npm run bench -- --strict      # exit 1 when a target below fails
\`\`\`

\`scripts/bench.mjs\` generates \`bench-out/outline.md\` (gitignored): a deterministic (seeded)
course outline with 6,000 learning objectives, about 730 KB — modules and lessons, each with a
"participants will be able to:" lead-in and objectives in real-world shapes (good ones with a
Bloom verb and a criterion, vague "Understand how to ...", compound "Identify and explain ...",
bold \`**LO12:**\` IDs, task-list items), "#### Outcomes" sections with measured, vanity and
output-only outcomes, prose, links and code fences. It then rewrites the section between the
markers below; the rest of this file is kept.

## What each row measures

Each row is a separate \`node\` process, started once to warm up and then N times, the three
commands interleaved. **Time** is wall time measured by the parent from spawn to exit, so it
includes Node start-up and module loading. **Peak RSS** is the child's own high-water mark
(\`process.resourceUsage().maxRSS\`), written when it exits by \`scripts/bench/measure.mjs\`, a
small launcher that imports the command's script in-process. Medians are reported. **CPU** is
the child's user + system CPU time (same source), shown for information: it moves much less than
wall time when other work shares the machine, so it tells a real slowdown from a busy machine.

- **baseline**: \`scripts/bench/parse-only.mjs\` reads the file and runs
  \`unified().use(remarkParse).parse(text)\`, nothing else — the floor for a remark-based checker.
- **bloomline check**: the real CLI, \`node bin/bloomline.js check bench-out/outline.md --format json\`,
  output drained through a pipe. Exit code 0 or 1 is fine (1 = findings over the warning limit);
  2, a crash or output that is not JSON makes the row "failed: <first line of stderr>".
- **markdownlint-cli2**: its own bin, default rules only, run in a temp directory with an explicit
  \`.markdownlint-cli2.jsonc\` so no configuration of this repo applies. For scale, not a target.

Targets: \`bloomline check\` at most 1.0x the baseline's time and 0.6x its peak RSS. The machine is
shared (2 cores), so look at the load average and the min–max range before trusting a small
difference.

Why the baseline takes seconds: micromark (under remark-parse) copies its whole event list each
time a list ends (\`EditMap.consume\` in \`micromark/lib/initialize/document.js\`), so parse
time grows faster than the file — at 6,000 objectives most of the baseline's time goes there,
and half the outline parses in about a third of the time. Anything built on remark pays this.
`;

await main();
