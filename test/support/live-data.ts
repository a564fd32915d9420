// The live heap a memory test compares: bytes used by V8's data spaces (every space but those
// holding compiled code). The code spaces move by a megabyte or more with when the JIT optimises
// or flushes a function, which depends on the machine's speed and load (a catalogue's 40 lessons
// measured 16.7 MB alone and 19.6 MB with the whole suite running beside it); a leak keeps data,
// which lives in the other spaces (old, new, large objects).
import { getHeapSpaceStatistics } from 'node:v8';

export function liveData(): number {
  let bytes = 0;
  for (const space of getHeapSpaceStatistics()) {
    if (!space.space_name.startsWith('code_')) bytes += space.space_used_size;
  }
  return bytes;
}
