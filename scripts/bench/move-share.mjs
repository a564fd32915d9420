// What moving the rest of the outline costs an edit, in one process: two Workspaces of the same
// build open the 6,000-objective outline; each of the benchmark's one-line edits is made in
// both, alternating which goes first: in one "within" becomes "later" and back (the line's
// length changes, everything after it moves: scripts/bench/lsp.mjs's edits), in the other
// "within" becomes "inside" and back (six letters: nothing after the edit moves). Prints the
// CPU per edit of each (update + lint, findings reused, as the language server does), the
// ratio of the medians and the median of the per-edit ratios. (Both share one heap, so a
// collection one caused may be paid by the other; the interleaving is what makes the ratio
// stand on a shared machine, where two runs one after the other did not.)
//
//   npm run build && npx tsc -b
//   node scripts/bench/move-share.mjs [--root DIR] [--edits 61]
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateOutline } from './generate.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 && at + 1 < args.length ? args[at + 1] : fallback;
};
const root = path.resolve(option('--root', fileURLToPath(new URL('../..', import.meta.url))));
const edits = Number(option('--edits', 61));
const core = await import(pathToFileURL(path.join(root, 'out/server/src/core/index.js')).href);
const generated = generateOutline({ objectives: 6000 });
const text = typeof generated === 'string' ? generated : generated.text;
const file = '/move-share/outline.md';
const side = (other) => {
  const ws = new core.Workspace(undefined, { reuseFindings: true });
  ws.update(file, text);
  ws.lint(file);
  return { ws, lines: text.split('\n'), other, cpu: [] };
};
const sides = [side('later'), side('inside')];
const candidates = text
  .split('\n')
  .map((l, i) => (/^- .*\bwithin\b/.test(l) ? i : -1))
  .filter((i) => i >= 0);
const pairs = Math.ceil(edits / 2);
const load = [os.loadavg()[0]];
for (let k = 0; k < edits; k++) {
  const line = candidates[Math.floor(((Math.floor(k / 2) + 0.5) * candidates.length) / pairs)];
  for (const s of k % 2 ? [1, 0] : [0, 1]) {
    const { ws, lines, other, cpu } = sides[s];
    const [from, to] = k % 2 === 0 ? ['within', other] : [other, 'within'];
    const col = lines[line].indexOf(from);
    lines[line] = lines[line].slice(0, col) + to + lines[line].slice(col + from.length);
    const c = process.cpuUsage();
    ws.update(file, lines.join('\n'));
    ws.lint(file);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
  }
}
load.push(os.loadavg()[0]);
const median = (list) => [...list].sort((a, b) => a - b)[list.length >> 1];
const [moving, still] = sides.map((s) => median(s.cpu));
const ratios = sides[0].cpu.map((c, i) => c / sides[1].cpu[i]);
process.stdout.write(
  `${edits} edits, ${root}: edits that move what follows ${moving.toFixed(1)} ms, ` +
    `edits that move nothing ${still.toFixed(1)} ms per edit (CPU, median): ` +
    `${(moving / still).toFixed(2)}x (per-edit ratios ${median(ratios).toFixed(2)}), ` +
    `load average ${load.map((l) => l.toFixed(1)).join(' → ')}\n`,
);
