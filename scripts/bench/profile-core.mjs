// Where an edit's time goes in the core: the 6,000-objective outline opened in one Workspace
// (update, then lint, findings reused, as the language server does), then the benchmark's
// one-line edits (scripts/bench/lsp.mjs: "within" becomes "later" and back, so everything after
// the edit moves), each updated and linted, with V8's sampling profiler (200 µs) running over
// the edits only. Prints this process's CPU per edit and the functions' shares of the samples
// (inclusive, then self); writes the profile for DevTools.
//
//   npm run build && npx tsc -b
//   node scripts/bench/profile-core.mjs [--root DIR] [--edits 61] [--out FILE.cpuprofile] [--top 60] [--same-length]
//
// `--same-length`: "within" becomes "inside" and back instead, so nothing after the edit moves:
// the difference from the default is what moving the rest of the outline costs an edit.
//
// DIR is a checkout with `out/` built (this one by default): the same edits profiled on main's
// build in a separate worktree give the before.
import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';
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
const out = option('--out', path.join(os.tmpdir(), 'bloomline-core.cpuprofile'));
const top = Number(option('--top', 60));
const sameLength = args.includes('--same-length');
const other = sameLength ? 'inside' : 'later';

const core = await import(pathToFileURL(path.join(root, 'out/server/src/core/index.js')).href);
const generated = generateOutline({ objectives: 6000 });
const text = typeof generated === 'string' ? generated : generated.text;
const lines = text.split('\n');
const candidates = lines.map((l, i) => (/^- .*\bwithin\b/.test(l) ? i : -1)).filter((i) => i >= 0);
const ws = new core.Workspace(undefined, { reuseFindings: true });
const file = '/profile/outline.md';
ws.update(file, text);
ws.lint(file);

const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 200 });
const load = [os.loadavg()[0]];
await session.post('Profiler.start');
const pairs = Math.ceil(edits / 2);
let cpu = 0;
for (let k = 0; k < edits; k++) {
  const line = candidates[Math.floor(((Math.floor(k / 2) + 0.5) * candidates.length) / pairs)];
  const [from, to] = k % 2 === 0 ? ['within', other] : [other, 'within'];
  const col = lines[line].indexOf(from);
  lines[line] = lines[line].slice(0, col) + to + lines[line].slice(col + from.length);
  const c = process.cpuUsage();
  ws.update(file, lines.join('\n'));
  ws.lint(file);
  const used = process.cpuUsage(c);
  cpu += (used.user + used.system) / 1000;
}
const { profile } = await session.post('Profiler.stop');
load.push(os.loadavg()[0]);
writeFileSync(out, JSON.stringify(profile));

// Shares: each sample counts once for every function on its stack (inclusive) and for the
// function it fell in (self); a function twice on one stack counts once.
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const counts = new Map();
for (const s of profile.samples) counts.set(s, (counts.get(s) ?? 0) + 1);
const name = (n) =>
  `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').slice(-2).join('/')}:${n.callFrame.lineNumber + 1}`;
const self = new Map();
const inclusive = new Map();
for (const [id, c] of counts) {
  const own = name(byId.get(id));
  self.set(own, (self.get(own) ?? 0) + c);
  const seen = new Set();
  for (let x = id; x !== undefined; x = parent.get(x)) {
    const k = name(byId.get(x));
    if (seen.has(k)) continue;
    seen.add(k);
    inclusive.set(k, (inclusive.get(k) ?? 0) + c);
  }
}
const total = profile.samples.length;
const list = (m) =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([k, c]) => `${((100 * c) / total).toFixed(1).padStart(5)}%  ${k}`)
    .join('\n');
process.stdout.write(
  `${edits} edits, CPU per edit ${(cpu / edits).toFixed(1)} ms, load average ` +
    `${load.map((l) => l.toFixed(1)).join(' → ')}; profile: ${out}\n\n` +
    `Inclusive:\n${list(inclusive)}\n\nSelf:\n${list(self)}\n`,
);
