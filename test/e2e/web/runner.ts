// The test-runner extension for VS Code's web worker extension host, installed beside
// Bloomline's web build by scripts/e2e/web.mjs (web-only too: a `browser` entry, no `main`).
// At startup it runs the web suite (web/index.ts, bundled in with it) against the open
// workspace and writes `{ passed, failed, pending, tests }` to the results file through VS
// Code's file system (a worker has no disk; code-server's remote file system writes it where
// the script waits), whole: written beside it, then renamed into place.
import * as vscode from 'vscode';
import { runSuite, type Progress, type Results } from './index';

export function activate(): void {
  const config = vscode.workspace.getConfiguration('bloomlineE2e');
  const resultsFile = config.get<string>('resultsFile') ?? '';
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!resultsFile || !folder) return;
  void runOnce(folder.with({ path: resultsFile }), config.get<string>('grep') ?? '');
}

export function deactivate(): void {}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

async function runOnce(target: vscode.Uri, grep: string): Promise<void> {
  // One run per results file: a window that reloads must not run the suite again over the
  // files the first run edited.
  const started = target.with({ path: `${target.path}.started` });
  if (await exists(started)) return;
  await vscode.workspace.fs.writeFile(started, new TextEncoder().encode('started\n'));
  // The results so far and the test being run, for the script to show while it waits: written
  // whole, one write after another (the last one wins).
  const progressFile = target.with({ path: `${target.path}.progress` });
  let writing = Promise.resolve();
  const onProgress = (progress: Progress) => {
    const bytes = new TextEncoder().encode(JSON.stringify(progress) + '\n');
    writing = writing
      .then(() => vscode.workspace.fs.writeFile(progressFile, bytes))
      .catch(() => undefined);
  };
  let results: Results;
  try {
    results = await runSuite(grep ? { grep, onProgress } : { onProgress });
  } catch (error) {
    results = {
      passed: 0,
      failed: 1,
      pending: 0,
      tests: [
        {
          suite: 'Runner',
          title: 'load and run the web suite',
          state: 'failed',
          error: error instanceof Error ? (error.stack ?? error.message) : String(error),
          durationMs: null,
        },
      ],
    };
  }
  const partial = target.with({ path: `${target.path}.partial` });
  await vscode.workspace.fs.writeFile(
    partial,
    new TextEncoder().encode(JSON.stringify(results, null, 2) + '\n'),
  );
  await vscode.workspace.fs.rename(partial, target, { overwrite: true });
}
