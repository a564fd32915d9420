// A preload (`node --expose-gc --import <this file's URL>`) for the editing soak: on SIGUSR2 the
// process collects its garbage and writes its live heap (bytes used after a full GC) to the file
// named by BLOOMLINE_HEAP_PROBE. RSS moves with V8's heap sizing by a third from one sample to
// the next; the live heap after a GC does not, so a leak shows in it alone.
//
// The figure leaves out V8's code spaces (the machine code its compilers make). Those hold 8-9 MB
// of the 24 MB, and move by a megabyte or more with when the JIT optimises or flushes a function,
// which depends on the machine's speed and load: on a loaded CI machine the heap grew 11.5%
// between the two samples while the same seed measured 2.3% on a quiet one. A leak keeps data,
// which lives in the other spaces (old, new, large objects).
import { renameSync, writeFileSync } from 'node:fs';
import { liveData } from './live-data.js';

// Before it collects, it empties the server's caches (each bounded by a count of entries; see
// server/src/core/caches.ts), which fill over a long session: without that, where the
// measurement falls in their fill-and-clear cycle moves the live heap by 15 MB.
const file = process.env.BLOOMLINE_HEAP_PROBE;
const gc = (globalThis as { gc?: () => void }).gc;
const hook: { clearCaches?: () => void } = {};
if (file && gc) {
  (globalThis as { __bloomlineHeapProbe?: typeof hook }).__bloomlineHeapProbe = hook;
  process.on('SIGUSR2', () => {
    // Written as "BYTES cleared" or "BYTES kept": the test fails on "kept" (a server that no
    // longer installs the hook would make the measurement depend on the caches again).
    const cleared = hook.clearCaches !== undefined;
    hook.clearCaches?.();
    gc();
    // Written whole, then renamed: a reader polling for the file never sees half of it.
    writeFileSync(`${file}.part`, `${liveData()} ${cleared ? 'cleared' : 'kept'}`);
    renameSync(`${file}.part`, file);
  });
}
