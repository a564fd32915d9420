// A second thread for `check` of many files, when BLOOMLINE_WORKERS=1 asks for it: a worker
// (node:worker_threads) takes files from the end of the list while the main thread takes them
// from the start, so a catalogue is read on two cores. The main thread writes every file's output and messages, in the order of the
// files, as before: it checks its own files as it always has (the same code, in order), then
// takes the worker's results in order. Nothing the worker does is needed: a file whose result
// has not come back when the main thread reaches it (the one the worker is still reading, or
// every one if the worker failed to start) is checked on the main thread, and the worker's
// result, if it comes, is dropped. BENCHMARKS.md, "A second core for a catalogue".
//
// Claims: the main thread owns indices below `lo`, the worker those at and above `hi`; the
// main thread moves `lo` up, the worker `hi` down, each checking the other's mark after moving
// its own (sequentially consistent Atomics), so no index is checked by both, and one may be
// checked by neither (then the main thread does it when it reaches it).
import { writeFileSync } from 'node:fs';
import type { MessagePort, Worker } from 'node:worker_threads';
import { nodeWorkerThreads } from './builtins.js';
import type { Target } from './files.js';

/** What a worker is started with (workerData). */
export interface CheckWorkerData {
  kind: 'bloomline-check-worker';
  cwd: string;
  configPath?: string;
  targets: Target[];
  /** Int32Array over it: [lo, hi]. */
  claims: SharedArrayBuffer;
  port: MessagePort;
  /** What the worker needs of the check's options and suppressions (check.ts). */
  check: unknown;
}

/** A file the worker checked: what the main thread writes for it, or 'linked' (a file with an
 * ID or a reference, which the main thread checks itself: it keeps such files' summaries). */
export interface WorkerResult {
  index: number;
  /** 'skip': not taken (its configuration) or not readable: nothing to write but its lines. */
  kind: 'done' | 'skip' | 'linked';
  /** What the file's check said on stderr, in order, and whether any of it fails the run. */
  lines: string[];
  failed: boolean;
  /** check.ts's FileResult for 'done'. */
  result?: unknown;
}

const LO = 0;
const HI = 1;

/**
 * Whether `check` of `files` files starts a worker: only when BLOOMLINE_WORKERS=1 asks for one
 * and there are two files or more. Not by default: on the two-core machine the benchmarks run
 * on, one check already keeps about 1.3 cores busy (V8 compiles and collects on helper
 * threads), and a worker is a second isolate that compiles and collects again: 30-40% more CPU
 * time and 75-80 MB more memory on the catalogue, for at best the same wall time there
 * (BENCHMARKS.md, "A second core for a catalogue"). A default for larger machines is for a
 * measurement on one to decide.
 */
export function wantsWorker(files: number, env: NodeJS.ProcessEnv): boolean {
  return files >= 2 && env.BLOOMLINE_WORKERS === '1';
}

/** The script a worker runs: the command's own entry point, which sees it is a worker. In the
 * bundle (dist/bloomline.cjs) that is dist/bloomline.js, which loads the bundle with its code
 * cache; from the compiled modules (tests), main.js beside this file. */
function workerEntry(): URL {
  const here = import.meta.url;
  return new URL(here.endsWith('.cjs') ? './bloomline.js' : './main.js', here);
}

export class CheckPool {
  private readonly claims: Int32Array;
  private readonly worker: Worker | null;
  private readonly port: MessagePort | null;
  private readonly received = new Map<number, WorkerResult>();
  /** The first index the main thread has not claimed. */
  private next = 0;

  constructor(
    targets: readonly Target[],
    cwd: string,
    configPath: string | undefined,
    check: unknown,
  ) {
    const buffer = new SharedArrayBuffer(8);
    this.claims = new Int32Array(buffer);
    this.claims[LO] = 0;
    this.claims[HI] = targets.length;
    let worker: Worker | null = null;
    let port: MessagePort | null = null;
    try {
      const { MessageChannel, Worker } = nodeWorkerThreads();
      const { port1, port2 } = new MessageChannel();
      const data: CheckWorkerData = {
        kind: 'bloomline-check-worker',
        cwd,
        ...(configPath === undefined ? {} : { configPath }),
        targets: [...targets],
        claims: buffer,
        port: port2,
        check,
      };
      worker = new Worker(workerEntry(), {
        workerData: data,
        argv: [WORKER_ARGUMENT],
        transferList: [port2],
        // Its messages come through the port; it writes nothing itself.
        stdout: true,
        stderr: true,
      });
      // The run ends when the main thread is done: a worker still reading its last file
      // (which the main thread has then checked itself) does not hold the process.
      worker.unref();
      // A worker that fails leaves its files to the main thread; its error is not the run's.
      worker.on('error', () => {});
      port = port1;
    } catch {
      // No worker: the main thread claims every file.
      this.claims[HI] = 0;
      worker = null;
    }
    this.worker = worker;
    this.port = port;
  }

  /** The next index for the main thread, or -1 once it reaches the worker's. */
  claim(): number {
    const index = this.next;
    Atomics.store(this.claims, LO, index + 1);
    if (index >= Atomics.load(this.claims, HI) || !this.worker) return -1;
    this.next = index + 1;
    this.stats.main++;
    return index;
  }

  /** Where the main thread stopped claiming: from here on it takes the worker's results. */
  get stoppedAt(): number {
    return this.next;
  }

  /** The worker's result for `index`, if it has come; undefined: check it on the main thread. */
  take(index: number): WorkerResult | undefined {
    const { receiveMessageOnPort } = nodeWorkerThreads();
    if (this.port)
      for (let m = receiveMessageOnPort(this.port); m; m = receiveMessageOnPort(this.port)) {
        const result = m.message as WorkerResult;
        this.received.set(result.index, result);
      }
    const result = this.received.get(index);
    this.received.delete(index);
    if (result?.kind === 'done' || result?.kind === 'skip') this.stats.taken++;
    else this.stats.redone++;
    return result;
  }

  /** Files the main thread claimed, results of the worker's it took, files it checked in the
   * worker's place (BLOOMLINE_WORKER_STATS). */
  readonly stats = { main: 0, taken: 0, redone: 0 };

  /** Ends the worker (its last file, if it is still on one, is not needed). With
   * BLOOMLINE_WORKER_STATS=FILE (the tests), writes who checked what to FILE. */
  close(env: NodeJS.ProcessEnv = process.env): void {
    if (env.BLOOMLINE_WORKER_STATS)
      writeFileSync(env.BLOOMLINE_WORKER_STATS, JSON.stringify(this.stats));
    this.port?.close();
    void this.worker?.terminate();
  }
}

/** The worker's side of the claims: the next index from the end, or -1 when the main thread
 * has reached it. */
export function claimFromEnd(claims: Int32Array): number {
  const index = Atomics.sub(claims, HI, 1) - 1;
  if (index < 0 || index < Atomics.load(claims, LO)) return -1;
  return index;
}

/** The last argument a worker is started with, so that the command's entry point knows it
 * may be one without loading node:worker_threads on every start. */
const WORKER_ARGUMENT = '--bloomline-check-worker';

/** In a check worker (the argument, not the main thread, and its data): what it was given. */
export function checkWorkerData(argv: readonly string[]): CheckWorkerData | null {
  if (argv[argv.length - 1] !== WORKER_ARGUMENT) return null;
  const { isMainThread, workerData } = nodeWorkerThreads();
  const data = workerData as unknown;
  return !isMainThread &&
    typeof data === 'object' &&
    data !== null &&
    (data as { kind?: unknown }).kind === 'bloomline-check-worker'
    ? (data as CheckWorkerData)
    : null;
}
