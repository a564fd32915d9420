// The extension under test is its web build, running where VS Code for the Web runs it: the
// manifest installed has a `browser` entry and no `main`, the workbench is the web one, and
// this suite runs in the same (web worker) extension host, so it sees the extension's API.
// "Restart server" replaces the worker.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { bloomline, EXTENSION_ID, ruleOf, waitForDiagnostics } from '../helpers';

suite('Web build', () => {
  test('the web-only extension runs in the browser, beside this suite', async () => {
    assert.equal(vscode.env.uiKind, vscode.UIKind.Web, 'not the web workbench');
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not installed`);
    const manifest = extension.packageJSON as { main?: string; browser?: string };
    assert.equal(manifest.main, undefined, 'the installed copy has a Node entry');
    assert.equal(manifest.browser, './dist/web/extension.cjs');
    // Its API is seen from here: the two run in the same extension host.
    const api = await bloomline();
    assert.ok(api.client, 'no language client');
  });

  test('"Restart server" starts a new worker, which checks what is opened next', async () => {
    const api = await bloomline();
    const before = api.client;
    await vscode.commands.executeCommand('bloomline.restartServer');
    // On the web a stopped worker is not started again: a new client, a new worker.
    assert.notEqual(api.client, before, 'the same client after the restart');
    await api.ready;
    const document = await vscode.workspace.openTextDocument({
      language: 'markdown',
      content: '## Learning objectives\n\n- Understand DNS.\n',
    });
    try {
      const diagnostics = await waitForDiagnostics(
        document.uri,
        (ds) => ds.some((d) => ruleOf(d) === 'vague-verb'),
        'the new server to check an unsaved outline',
      );
      assert.ok(diagnostics.length > 0);
    } finally {
      // Gone again, unsaved: the tests after this one see the workspace as it was.
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });
});
