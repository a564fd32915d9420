// A generated outline of 6,000 objectives (the benchmark's) opens and gets its diagnostics
// within the deadline. It is an untitled document: closing it closes it in the server too, so
// its thousands of findings leave the Problems panel for the tests and screenshots after it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
// A plain ES module (typed by its JSDoc), bundled into the suite by esbuild.
import { generateOutline } from '../../scripts/bench/generate.mjs';
import { bloomline, bloomlineDiagnostics, waitForDiagnostics, waitForEvent } from './helpers';

const OBJECTIVES = 6000;
const DEADLINE_MS = 120_000;

suite('Large outline', () => {
  test(`an outline of ${OBJECTIVES} objectives gets diagnostics without a timeout`, async function () {
    this.timeout(DEADLINE_MS + 30_000);
    await bloomline();
    const { text, objectives } = generateOutline({ objectives: OBJECTIVES });
    assert.equal(objectives, OBJECTIVES);
    const started = Date.now();
    const document = await vscode.workspace.openTextDocument({
      language: 'markdown',
      content: text,
    });
    await vscode.window.showTextDocument(document);
    assert.ok(document.lineCount > OBJECTIVES, 'the whole outline is open');
    const diagnostics = await waitForDiagnostics(
      document.uri,
      // VS Code keeps at most 1,000 diagnostics per file; the outline has about 10,000.
      (ds) => ds.length >= 1000,
      `diagnostics for ${OBJECTIVES} objectives`,
      DEADLINE_MS,
    );
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      `    ${diagnostics.length} diagnostics for ${OBJECTIVES} objectives in ${seconds} s`,
    );

    // Closed without saving: the server drops it and clears its diagnostics.
    const closed = waitForEvent(
      vscode.workspace.onDidCloseTextDocument,
      () => document.isClosed,
      'the untitled outline to close',
      () => '',
      DEADLINE_MS,
    );
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await closed;
    await waitForDiagnostics(
      document.uri,
      (ds) => ds.length === 0,
      'its diagnostics to be cleared',
    );
    assert.deepEqual(bloomlineDiagnostics(document.uri), []);
  });
});
