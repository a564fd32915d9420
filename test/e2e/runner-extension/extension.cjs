// A test-runner extension for code-server, installed beside Bloomline by scripts/e2e/run.mjs.
// At startup it loads the end-to-end suite (out/e2e/suite.cjs), runs it in this extension host
// against the open workspace, and writes `{ passed, failed, pending, tests: [{ title, state,
// error }] }` to the results file, which the script waits for (and, as it goes, the results so
// far and the test being run to `<results file>.progress`). Then it stays idle: the script
// goes on to drive the browser, and ends code-server itself.
// Paths come from the environment (BLOOMLINE_E2E_SUITE, BLOOMLINE_E2E_RESULTS) or, where the
// host does not pass it on, from the settings bloomlineE2e.suite and bloomlineE2e.resultsFile.
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS, as the extension host loads it */
const fs = require('node:fs');
const vscode = require('vscode');

function setting(env, key) {
  return process.env[env] || vscode.workspace.getConfiguration('bloomlineE2e').get(key) || '';
}

function writeResults(file, results) {
  // Whole or not at all: the script reads the file as soon as it appears.
  const partial = `${file}.partial`;
  fs.writeFileSync(partial, JSON.stringify(results, null, 2) + '\n');
  fs.renameSync(partial, file);
}

async function runOnce(suitePath, resultsFile) {
  // One run per results file: a window that reloads must not run the suite again over the
  // files the first run edited.
  try {
    fs.writeFileSync(`${resultsFile}.started`, `${process.pid}\n`, { flag: 'wx' });
  } catch {
    return;
  }
  let results;
  try {
    const suite = require(suitePath);
    // '' : the suite writes no file itself; this extension writes it, whole. The progress
    // file (results so far, the test being run) is what the script shows while it waits, and
    // prints if the suite never ends.
    results = await suite.runSuite({
      resultsFile: '',
      onProgress: (progress) => writeResults(`${resultsFile}.progress`, progress),
    });
  } catch (error) {
    results = {
      passed: 0,
      failed: 1,
      pending: 0,
      tests: [
        {
          suite: 'Runner',
          title: 'load and run the end-to-end suite',
          state: 'failed',
          error: error instanceof Error ? (error.stack ?? error.message) : String(error),
          durationMs: null,
        },
      ],
    };
  }
  writeResults(resultsFile, results);
}

function activate() {
  const suitePath = setting('BLOOMLINE_E2E_SUITE', 'suite');
  const resultsFile = setting('BLOOMLINE_E2E_RESULTS', 'resultsFile');
  if (!suitePath || !resultsFile) return;
  void runOnce(suitePath, resultsFile);
}

function deactivate() {}

module.exports = { activate, deactivate };
