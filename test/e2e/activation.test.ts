// The extension is installed, activates when an outline of the workspace opens, and its
// language server starts.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { bloomline, EXTENSION_ID, fileUri, open, poll } from './helpers';

suite('Activation', () => {
  test('bloomline.bloomline activates on a workspace of outlines and its server starts', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not installed`);
    // onLanguage:markdown: opening an outline is what activates it, nothing the test calls.
    const editor = await open(fileUri('course.md'));
    assert.equal(editor.document.languageId, 'markdown');
    await poll(() => extension.isActive, `${EXTENSION_ID} to activate`);
    const api = await bloomline();
    assert.ok(api.client, 'the API has no language client');
    assert.ok(api.outlineProvider, 'the API has no outline provider');
  });
});
