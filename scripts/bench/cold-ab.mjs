// A/B of the cold single-file check: `bloomline check examples/course-outline.md` of two or
// more built trees and markdownlint-cli2 on the same file (as scripts/bench/catalogue.mjs runs
// it), started in turn, one of each per round, through scripts/bench/measure.mjs. Prints the
// medians of wall time (measured here), CPU time and page faults (measured by the child), and
// the ratios to markdownlint-cli2. Writes nothing.
//
//   node scripts/bench/cold-ab.mjs [--runs N] LABEL=TREE [LABEL=TREE ...]
//
// TREE is a checkout with `npm run build` done (for example a detached worktree of main).
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const MEASURE = path.join(ROOT, 'scripts', 'bench', 'measure.mjs');
const EXAMPLE = path.join(ROOT, 'examples', 'course-outline.md');
const MDL = path.join(ROOT, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');

let runs = 15;
const trees = [];
for (let i = 2; i < process.argv.length; i++) {
  const arg = process.argv[i];
  if (arg === '--runs') runs = Number(process.argv[++i]);
  else if (arg.includes('=')) {
    const [label, tree] = arg.split(/=(.*)/s);
    trees.push({
      label,
      cwd: path.resolve(tree),
      args: [path.join(path.resolve(tree), 'bin', 'bloomline.js'), 'check', EXAMPLE],
    });
  } else throw new Error(`unknown argument ${arg}`);
}
if (!trees.length || !(runs > 0)) throw new Error('usage: cold-ab.mjs [--runs N] LABEL=TREE ...');

const dir = mkdtempSync(path.join(os.tmpdir(), 'bloomline-cold-ab-'));
copyFileSync(EXAMPLE, path.join(dir, 'course-outline.md'));
writeFileSync(path.join(dir, '.markdownlint-cli2.jsonc'), '{ "config": { "default": true } }\n');
const arms = [...trees, { label: 'markdownlint-cli2', cwd: dir, args: [MDL, 'course-outline.md'] }];
const results = new Map(arms.map((a) => [a.label, []]));
const out = path.join(dir, 'result.json');
const load = [os.loadavg()[0]];
try {
  for (let round = -1; round < runs; round++)
    for (const arm of arms) {
      const start = process.hrtime.bigint();
      const run = spawnSync(process.execPath, [MEASURE, out, ...arm.args], {
        cwd: arm.cwd,
        encoding: 'utf8',
      });
      const wall = Number(process.hrtime.bigint() - start) / 1e6;
      if (run.status !== 0 && run.status !== 1)
        throw new Error(`${arm.label}: exit ${run.status}: ${run.stderr}`);
      if (round < 0) continue; // a warm-up round
      const m = JSON.parse(readFileSync(out, 'utf8'));
      results.get(arm.label).push({ wall, cpu: m.cpuMs, faults: m.minorPageFaults });
    }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
load.push(os.loadavg()[0]);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const h = s.length >> 1;
  return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
};
const med = new Map(
  arms.map((a) => {
    const r = results.get(a.label);
    return [
      a.label,
      {
        wall: median(r.map((x) => x.wall)),
        cpu: median(r.map((x) => x.cpu)),
        faults: median(r.map((x) => x.faults)),
      },
    ];
  }),
);
const mdl = med.get('markdownlint-cli2');
console.log(
  `${runs} runs each, interleaved; load average ${load.map((l) => l.toFixed(1)).join(' -> ')}`,
);
console.log('| Command | Wall ms | CPU ms | Page faults | Wall / mdl | CPU / mdl |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
for (const a of arms) {
  const m = med.get(a.label);
  console.log(
    `| ${a.label} | ${m.wall.toFixed(0)} | ${m.cpu.toFixed(0)} | ${m.faults.toFixed(0)} | ${(m.wall / mdl.wall).toFixed(2)}x | ${(m.cpu / mdl.cpu).toFixed(2)}x |`,
  );
}
