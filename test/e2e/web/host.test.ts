// The extension under test is its web build, running where VS Code for the Web runs it: the
// manifest installed has a `browser` entry and no `main`, the workbench is the web one, and
// this suite runs in the same (web worker) extension host, so it sees the extension's API.
// (That no Node language server runs is checked from outside: scripts/e2e/web.mjs.)
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { bloomline, EXTENSION_ID } from '../helpers';

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
});
