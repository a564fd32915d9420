// Launcher used by the benchmark: runs a Node script in this same process and, when the process
// exits, records its peak RSS and elapsed time in a JSON file, so the parent gets the child's
// own high-water mark (getrusage ru_maxrss), not a sampled guess.
//
//   node scripts/bench/measure.mjs <result.json> <script> [args...]
//
// The script sees process.argv as if it had been started as `node <script> [args...]`.
import { realpathSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

const launcherStart = performance.now();
const [resultFile, script, ...args] = process.argv.slice(2);
if (!resultFile || !script) {
  process.stderr.write('usage: node scripts/bench/measure.mjs <result.json> <script> [args...]\n');
  process.exit(2);
}
const target = realpathSync(script);

process.on('exit', (code) => {
  const now = performance.now();
  const usage = process.resourceUsage();
  writeFileSync(
    resultFile,
    JSON.stringify({
      // ru_maxrss of this process, in KB on Linux.
      maxRSSKB: usage.maxRSS,
      // User + system CPU time (all threads, GC included), from microseconds.
      cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
      // Pages touched for the first time (minor faults): on a virtual machine each costs
      // microseconds, so memory newly touched is a large part of a short run's time.
      minorPageFaults: usage.minorPageFault,
      // performance.now() counts from the process's time origin, i.e. includes Node start-up.
      sinceProcessStartMs: now,
      sinceLauncherStartMs: now - launcherStart,
      exitCode: code,
    }),
  );
});

process.argv = [process.argv[0], target, ...args];
await import(pathToFileURL(target).href);
