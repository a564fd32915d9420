// The end-to-end suite's results, in the shape the harness prints (scripts/e2e/harness.mjs):
// collected from a Mocha runner's events, the same whether Mocha runs in VS Code's Node
// extension host (index.ts) or in its web worker extension host (web/index.ts).

export interface TestResult {
  /** The suite's title path, e.g. "Quick fixes". */
  suite: string;
  title: string;
  state: 'passed' | 'failed' | 'pending';
  error: string | null;
  durationMs: number | null;
}
export interface Results {
  passed: number;
  failed: number;
  pending: number;
  tests: TestResult[];
}
export interface RunOptions {
  /** Only tests whose full title matches (Mocha's grep). */
  grep?: string;
  resultsFile?: string;
  /** Called as each test starts and ends: what the harness says while it waits, and what it
   * prints when the suite never ends. */
  onProgress?: (progress: Progress) => void;
}
/** The results so far and the test being run ("Suite › title"), or null between tests. */
export interface Progress extends Results {
  running: string | null;
}

function errorText(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return String(error);
}

/** Starts `run` (Mocha's run, given the callback for its end) and resolves with what its
 * runner reported. */
export function collectResults(
  run: (done: () => void) => Mocha.Runner,
  onProgress?: (progress: Progress) => void,
): Promise<Results> {
  const results: Results = { passed: 0, failed: 0, pending: 0, tests: [] };
  let running: string | null = null;
  const report = () => {
    try {
      onProgress?.({ ...results, tests: [...results.tests], running });
    } catch {
      // progress is for the reader only: never a reason to stop the suite
    }
  };
  return new Promise<Results>((resolve) => {
    const runner = run(() => resolve(results));
    const suiteOf = (test: Mocha.Runnable) => test.parent?.fullTitle() ?? '';
    runner.on('test', (test) => {
      running = `${suiteOf(test)} › ${test.title}`;
      report();
    });
    runner.on('hook', (hook) => {
      running = `${suiteOf(hook)} › ${hook.title}`;
      report();
    });
    runner.on('hook end', () => {
      running = null;
      report();
    });
    runner.on('test end', () => {
      running = null;
      report();
    });
    runner.on('pass', (test) => {
      results.passed++;
      results.tests.push({
        suite: suiteOf(test),
        title: test.title,
        state: 'passed',
        error: null,
        durationMs: test.duration ?? null,
      });
    });
    runner.on('fail', (test, error) => {
      results.failed++;
      results.tests.push({
        suite: suiteOf(test),
        // A failed hook is reported under the hook's title ("before each" hook for ...).
        title: test.title,
        state: 'failed',
        error: errorText(error),
        durationMs: test.duration ?? null,
      });
    });
    runner.on('pending', (test) => {
      results.pending++;
      results.tests.push({
        suite: suiteOf(test),
        title: test.title,
        state: 'pending',
        error: null,
        durationMs: null,
      });
    });
  });
}
