// A preload (`node --expose-gc --import <this file's URL>`) for the editing soak: on SIGUSR2 the
// process collects its garbage and writes its live heap (bytes used after a full GC) to the file
// named by BLOOMLINE_HEAP_PROBE. RSS moves with V8's heap sizing by a third from one sample to
// the next; the live heap after a GC does not, so a leak shows in it alone.
import { writeFileSync } from 'node:fs';

const file = process.env.BLOOMLINE_HEAP_PROBE;
const gc = (globalThis as { gc?: () => void }).gc;
if (file && gc) {
  process.on('SIGUSR2', () => {
    gc();
    writeFileSync(file, String(process.memoryUsage().heapUsed));
  });
}
