// Node built-ins that only some runs need, loaded on their first use: a cold `check` of one
// file does not load node:crypto (about 40 M instructions, 2% of it), which only --fix (the
// names of temporary files) and SARIF (fingerprints) use; nor node:worker_threads (about 16 M
// instructions), which only `check` with a worker thread uses (pool.ts).
import { createRequire } from 'node:module';

const load = createRequire(import.meta.url);

export function nodeCrypto(): typeof import('node:crypto') {
  return load('node:crypto') as typeof import('node:crypto');
}

export function nodeWorkerThreads(): typeof import('node:worker_threads') {
  return load('node:worker_threads') as typeof import('node:worker_threads');
}
