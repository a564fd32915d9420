// The end-to-end suite's entry point, loaded by VS Code's extension host with require():
// - `run()` is what @vscode/test-electron calls (its `extensionTestsPath`); it rejects when a
//   test fails, and also writes the results file when BLOOMLINE_E2E_RESULTS names one;
// - `runSuite()` is what the test-runner extension under code-server calls; it returns the
//   results, which that extension writes where scripts/e2e/run.mjs waits for them.
// The test files are required only after Mocha has put its TDD globals (suite, test...) in
// place; esbuild bundles them into this file, so `require` here is resolved at build time.
import { writeFileSync } from 'node:fs';
import Mocha from 'mocha';
import { collectResults, type Results, type RunOptions } from './results';

export type { Progress, Results, RunOptions, TestResult } from './results';

function loadTests(): void {
  /* eslint-disable @typescript-eslint/no-require-imports */
  require('./activation.test');
  require('./diagnostics.test');
  require('./quickfix.test');
  require('./language.test');
  require('./tree.test');
  require('./assessments.test');
  require('./config.test');
  require('./large.test');
  require('./formats.test');
  /* eslint-enable @typescript-eslint/no-require-imports */
}

export async function runSuite(options: RunOptions = {}): Promise<Results> {
  const grep = options.grep ?? process.env.BLOOMLINE_E2E_GREP;
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 30_000, reporter: 'spec' });
  if (grep) mocha.grep(grep);
  mocha.suite.emit('pre-require', globalThis, 'bloomline-e2e', mocha);
  loadTests();

  const results = await collectResults((done) => mocha.run(done), options.onProgress);
  const file = options.resultsFile ?? process.env.BLOOMLINE_E2E_RESULTS;
  if (file) writeFileSync(file, JSON.stringify(results, null, 2) + '\n');
  return results;
}

export async function run(): Promise<void> {
  const results = await runSuite();
  if (results.failed > 0) {
    throw new Error(`${results.failed} of ${results.tests.length} end-to-end tests failed`);
  }
}
