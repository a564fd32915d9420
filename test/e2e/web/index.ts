// The end-to-end suite for VS Code's web worker extension host (VS Code for the Web), where
// Bloomline's web build runs: every test file of the Node suite (index.ts) but the runner
// itself, run by Mocha's browser build, plus what only the web build has to show (host.test).
// `node:assert/strict` is web/assert.ts here (scripts/e2e/build-suite.mjs).
import 'mocha/mocha.js';
import { collectResults, type Results, type RunOptions } from '../results';

export type { Progress, Results, RunOptions, TestResult } from '../results';

function loadTests(): void {
  /* eslint-disable @typescript-eslint/no-require-imports */
  require('../activation.test');
  require('./host.test');
  require('../diagnostics.test');
  require('../quickfix.test');
  require('../language.test');
  require('../tree.test');
  require('../config.test');
  require('../large.test');
  require('../formats.test');
  /* eslint-enable @typescript-eslint/no-require-imports */
}

export async function runSuite(options: RunOptions = {}): Promise<Results> {
  // No reporter output: the results go back to the harness, which prints them.
  mocha.setup({ ui: 'tdd', timeout: 30_000, reporter: function Silent() {} as never });
  if (options.grep) mocha.grep(options.grep);
  loadTests();
  return collectResults((done) => mocha.run(done), options.onProgress);
}
