// Folder-walk benchmark (run by `npm run bench`, or alone): does a walk that reads Quarto,
// R Markdown and notebooks besides Markdown cost more per byte? Two generated course folders
// hold the same lessons (scripts/bench/generate.mjs, 40 objectives each) and the same
// non-outline files (Python, CSV, text): one as .md files only, one with the lessons spread
// over .md, .qmd, .Rmd and .ipynb (a notebook's lesson split into Markdown cells with code cells
// and outputs between them, written as Jupyter writes it). `bloomline check --format json` runs
// on each, interleaved, and the medians are compared per byte read and per byte of Markdown
// analysed. Results go to the `bench-walk` section of BENCHMARKS.md.
//
//   node scripts/bench/walk.mjs [--runs N] [--lessons N] [--no-write]
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { writeSection } from './section.mjs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { generateOutline } from './generate.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
// Outside the repository: its .gitignore leaves out bench-out/, and a walk honours it.
const OUT = path.join(os.tmpdir(), `bloomline-walk-bench-${process.pid}`);
const MEASURE = path.join(ROOT, 'scripts', 'bench', 'measure.mjs');
const BIN = path.join(ROOT, 'bin', 'bloomline.js');
const BENCHMARKS_MD = path.join(ROOT, 'BENCHMARKS.md');
const START = '<!-- bench-walk:start -->';
const END = '<!-- bench-walk:end -->';

const options = { runs: 5, lessons: 160, write: true };
for (let i = 2; i < process.argv.length; i++) {
  const [flag, inline] = process.argv[i].split(/=(.*)/s);
  const number = () => Number(inline ?? process.argv[++i]);
  if (flag === '--runs') options.runs = number();
  else if (flag === '--lessons') options.lessons = number();
  else if (flag === '--no-write') options.write = false;
  else {
    process.stderr.write(`walk bench: unknown argument ${process.argv[i]}\n`);
    process.exit(2);
  }
}

const median = (values) => {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Jupyter's layout: indent 1, `source` as a list of lines. */
function notebookOf(markdown) {
  const parts = markdown.split(/\n(?=#{2,3} )/);
  const lines = (s) => s.match(/[^\n]*\n|[^\n]+$/g) ?? [];
  const cells = [];
  parts.forEach((part, i) => {
    cells.push({ cell_type: 'markdown', metadata: {}, source: lines(part) });
    cells.push({
      cell_type: 'code',
      execution_count: i + 1,
      metadata: {},
      outputs: [
        {
          name: 'stdout',
          output_type: 'stream',
          text: lines(`step ${i}: ${'0.125 '.repeat(60)}\n`.repeat(4)),
        },
      ],
      source: lines(`import pandas as pd\ndf = pd.read_csv("data/lesson-${i}.csv")\ndf.describe()`),
    });
  });
  const nb = {
    cells,
    metadata: { kernelspec: { display_name: 'Python 3', language: 'python', name: 'python3' } },
    nbformat: 4,
    nbformat_minor: 5,
  };
  return JSON.stringify(nb, null, 1) + '\n';
}

function generate() {
  rmSync(OUT, { recursive: true, force: true });
  const trees = { markdown: path.join(OUT, 'markdown'), mixed: path.join(OUT, 'mixed') };
  const bytes = { markdown: 0, mixed: 0 };
  const analysed = { markdown: 0, mixed: 0 };
  const kinds = { md: 0, qmd: 0, Rmd: 0, ipynb: 0 };
  for (let i = 0; i < options.lessons; i++) {
    const { text } = generateOutline({ objectives: 40, seed: 1000 + i });
    const module = `module-${String(Math.floor(i / 8) + 1).padStart(2, '0')}`;
    const name = `lesson-${String(i + 1).padStart(3, '0')}`;
    const write = (tree, file, content, markdownBytes) => {
      const full = path.join(trees[tree], module, file);
      mkdirSync(path.dirname(full), { recursive: true });
      writeFileSync(full, content);
      bytes[tree] += Buffer.byteLength(content);
      analysed[tree] += markdownBytes;
    };
    const mdBytes = Buffer.byteLength(text);
    write('markdown', `${name}.md`, text, mdBytes);
    const kind = ['md', 'qmd', 'Rmd', 'ipynb'][i % 4];
    kinds[kind]++;
    if (kind === 'md') write('mixed', `${name}.md`, text, mdBytes);
    else if (kind === 'ipynb') write('mixed', `${name}.ipynb`, notebookOf(text), mdBytes);
    else {
      const chunk =
        kind === 'qmd' ? '```{python}\nprint(1)\n```\n' : '```{r}\nsummary(cars)\n```\n';
      const doc = `---\ntitle: "Lesson ${i + 1}"\n---\n\n${text}\n${chunk}`;
      write('mixed', `${name}.${kind}`, doc, Buffer.byteLength(doc));
    }
    // The same files that are not outlines, in both trees: a walk passes them by.
    for (const tree of Object.keys(trees)) {
      const dir = path.join(trees[tree], module, 'data');
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, `lesson-${i}.csv`), 'a,b,c\n1,2,3\n'.repeat(50));
      writeFileSync(path.join(dir, `lesson-${i}.py`), 'print("hello")\n'.repeat(20));
      writeFileSync(path.join(dir, `notes-${i}.txt`), 'Notes.\n'.repeat(20));
    }
  }
  return { trees, bytes, analysed, kinds };
}

function runOnce(tree) {
  const result = path.join(os.tmpdir(), `bloomline-walk-${process.pid}.json`);
  rmSync(result, { force: true });
  return new Promise((resolve) => {
    const start = performance.now();
    const out = [];
    const child = spawn(
      process.execPath,
      [MEASURE, result, BIN, 'check', '--format', 'json', tree],
      {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    child.stdout.on('data', (c) => out.push(c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('exit', (code) => {
      const ms = performance.now() - start;
      let rss = NaN;
      let cpu = NaN;
      try {
        const measured = JSON.parse(readFileSync(result, 'utf8'));
        rss = measured.maxRSSKB / 1024;
        cpu = measured.cpuMs;
      } catch {
        // Reported below as a failure.
      }
      let files = -1;
      try {
        files = JSON.parse(Buffer.concat(out).toString('utf8')).length;
      } catch {
        // Reported by the caller.
      }
      resolve({ ms, rss, cpu, code, files, stderr });
    });
  });
}

function countFiles(dir) {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true }))
    n += e.isDirectory() ? countFiles(path.join(dir, e.name)) : 1;
  return n;
}

async function main() {
  statSync(BIN);
  const g = generate();
  const samples = { markdown: [], mixed: [] };
  const rss = { markdown: [], mixed: [] };
  const cpu = { markdown: [], mixed: [] };
  for (let run = 0; run <= options.runs; run++) {
    for (const tree of ['markdown', 'mixed']) {
      const r = await runOnce(g.trees[tree]);
      // Every lesson must have been checked (json lists every file checked).
      if ((r.code !== 0 && r.code !== 1) || r.files !== options.lessons) {
        process.stderr.write(
          `walk bench: check on ${tree} exited ${r.code} with ${r.files} files (want ${options.lessons}): ${r.stderr}\n`,
        );
        rmSync(OUT, { recursive: true, force: true });
        process.exit(2);
      }
      if (run > 0) {
        samples[tree].push(r.ms);
        rss[tree].push(r.rss);
        cpu[tree].push(r.cpu);
      }
    }
  }
  const row = (tree) => {
    const ms = median(samples[tree]);
    const cpuMs = median(cpu[tree]);
    return {
      cpuMs,
      cpuPerMb: cpuMs / (g.bytes[tree] / 1e6),
      cpuPerMarkdownMb: cpuMs / (g.analysed[tree] / 1e6),
      tree,
      files: countFiles(g.trees[tree]),
      mb: g.bytes[tree] / 1e6,
      markdownMb: g.analysed[tree] / 1e6,
      ms,
      min: Math.min(...samples[tree]),
      max: Math.max(...samples[tree]),
      rss: median(rss[tree]),
      perMb: ms / (g.bytes[tree] / 1e6),
      perMarkdownMb: ms / (g.analysed[tree] / 1e6),
    };
  };
  const a = row('markdown');
  const b = row('mixed');
  // CPU time is the measure: on a shared machine wall time moves with the load, CPU time much
  // less (BENCHMARKS.md). Wall time is shown too.
  const perByte = b.cpuPerMb / a.cpuPerMb;
  const perMarkdown = b.cpuPerMarkdownMb / a.cpuPerMarkdownMb;
  const wallPerByte = b.perMb / a.perMb;
  const fmt = (n, d = 0) =>
    n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
  const lines = [
    START,
    '## Folder walk: Markdown only vs every kind of file',
    '',
    `- Date: ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}`,
    `- Machine: ${os.cpus()[0]?.model.trim().split(/\s+/).slice(0, 2).join(' ')}, ${os.cpus().length} cores, Node ${process.version} (load average ${os.loadavg()[0].toFixed(2)})`,
    `- Command: \`node scripts/bench/walk.mjs\` (run by \`npm run bench\`): \`bloomline check --format json FOLDER\` on two generated folders of ${options.lessons} lessons (40 objectives each) and the same ${options.lessons * 3} data files (.csv, .py, .txt); one with every lesson as .md, one with the lessons as ${g.kinds.md} .md, ${g.kinds.qmd} .qmd, ${g.kinds.Rmd} .Rmd and ${g.kinds.ipynb} .ipynb (Markdown cells, code cells with outputs); ${options.runs} runs each after a warm-up, interleaved, median [min–max]`,
    '',
    '| Folder | Files | Outline MB read | Markdown MB analysed | Time ms | CPU ms | Peak RSS MB | CPU ms per MB read | CPU ms per MB of Markdown |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...[a, b].map(
      (r) =>
        `| ${r.tree === 'markdown' ? '.md only' : '.md, .qmd, .Rmd, .ipynb'} | ${r.files} | ${fmt(r.mb, 2)} | ${fmt(r.markdownMb, 2)} | ${fmt(r.ms)} [${fmt(r.min)}–${fmt(r.max)}] | ${fmt(r.cpuMs)} | ${fmt(r.rss, 1)} | ${fmt(r.cpuPerMb)} | ${fmt(r.cpuPerMarkdownMb)} |`,
    ),
    '',
    `- Every kind / Markdown only, CPU per MB read: ${perByte.toFixed(2)}x (target <= 1.0x) — ${perByte <= 1.0 ? 'PASS' : 'FAIL'}; wall time per MB read: ${wallPerByte.toFixed(2)}x`,
    `- Per MB of Markdown analysed (what a notebook's JSON, code cells and outputs add): ${perMarkdown.toFixed(2)}x CPU`,
    END,
  ];
  rmSync(OUT, { recursive: true, force: true });
  const section = lines.join('\n');
  console.log(section);
  if (options.write) writeSection(BENCHMARKS_MD, START, END, section);
}

await main();
