// A preload (`node --expose-gc --import <this file's URL>`) for the catalogue memory test: each
// time the process writes to stdout (`check` writes a file's output when it is done, or all of
// it at the end), it collects its garbage and notes the live heap, which is then what the
// command holds at that point. At exit it writes the largest of these, the number of writes and
// the peak RSS to the file named by BLOOMLINE_CHECK_HEAP.
import { writeFileSync } from 'node:fs';
import { liveData } from './live-data.js';

// Before it collects, it empties the core's caches (bounded by a count of entries; see
// server/src/core/caches.ts): they fill with the readings of every lesson's objectives, which
// is not memory held per file.
const file = process.env.BLOOMLINE_CHECK_HEAP;
const gc = (globalThis as { gc?: () => void }).gc;
const hook: { clearCaches?: () => void } = {};
if (file && gc) {
  (globalThis as { __bloomlineHeapProbe?: typeof hook }).__bloomlineHeapProbe = hook;
  let maxLive = 0;
  let writes = 0;
  let cleared = true;
  const write = process.stdout.write.bind(process.stdout) as (...args: unknown[]) => boolean;
  process.stdout.write = ((...args: unknown[]) => {
    if (hook.clearCaches) hook.clearCaches();
    else cleared = false;
    gc();
    writes++;
    // The data spaces only: see live-data.ts.
    maxLive = Math.max(maxLive, liveData());
    return write(...args);
  }) as typeof process.stdout.write;
  process.on('exit', () => {
    writeFileSync(
      file,
      JSON.stringify({ maxLive, writes, cleared, maxRSSKB: process.resourceUsage().maxRSS }),
    );
  });
}
