// A multi-root workspace: each folder's own settings (workspace/configuration with the
// folder as scopeUri, as VS Code, Eglot and others answer per folder) and its own
// .bloomline.json apply to its documents; a change of one folder's settings reaches its files.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { PublishDiagnosticsParams } from 'vscode-languageserver';
import { fileUri, LspClient } from './client.js';

const OUTLINE = `# Course

## Performance objectives

- **LO1:** Understand how to configure the VPN client.
`;

const severity = (p: PublishDiagnosticsParams, code: string) =>
  p.diagnostics.find((d) => d.code === code)?.severity;
const codes = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => String(d.code));

describe('language server: a multi-root workspace', () => {
  let dir: string;
  let client: LspClient;
  let a: string;
  let b: string;
  let c: string;

  before(async () => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'bloomline-roots-')));
    for (const folder of ['a', 'b', 'c']) {
      fs.mkdirSync(path.join(dir, folder));
      fs.writeFileSync(path.join(dir, folder, 'course.md'), OUTLINE);
    }
    // Folder c has its own .bloomline.json, which wins over its folder's settings.
    fs.writeFileSync(
      path.join(dir, 'c', '.bloomline.json'),
      '{ "rules": { "vague-verb": "information" } }\n',
    );
    a = fileUri(dir, 'a', 'course.md');
    b = fileUri(dir, 'b', 'course.md');
    c = fileUri(dir, 'c', 'course.md');
    client = new LspClient();
    client.settings = { rules: { 'missing-criterion': 'off' } };
    client.folderSettings.set(fileUri(dir, 'a'), { rules: { 'vague-verb': 'error' } });
    client.folderSettings.set(fileUri(dir, 'b'), { rules: { 'vague-verb': 'off' } });
    client.folderSettings.set(fileUri(dir, 'c'), { rules: { 'vague-verb': 'error' } });
    await client.request('initialize', {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: ['a', 'b', 'c'].map((f) => ({ uri: fileUri(dir, f), name: f })),
      capabilities: { workspace: { configuration: true, workspaceFolders: true } },
    });
    await client.notify('initialized', {});
    for (const u of [a, b, c]) {
      await client.notify('textDocument/didOpen', {
        textDocument: { uri: u, languageId: 'markdown', version: 1, text: OUTLINE },
      });
    }
  });

  after(async () => {
    await client?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("asks for each folder's settings, with the folder as scopeUri", async () => {
    await client.diagnostics(a, (p) => p.diagnostics.length > 0);
    const scopes = client.configurationItems.map((i) => i.scopeUri);
    for (const f of ['a', 'b', 'c']) assert.ok(scopes.includes(fileUri(dir, f)), `${f}: ${scopes}`);
  });

  it("checks each document with its own folder's settings", async () => {
    await client.diagnostics(a, (p) => severity(p, 'vague-verb') === 1);
    await client.diagnostics(
      b,
      (p) => p.diagnostics.length > 0 && !codes(p).includes('vague-verb'),
    );
    // The folder's .bloomline.json wins over its settings, as it does in one folder.
    await client.diagnostics(c, (p) => severity(p, 'vague-verb') === 3);
    // The window's settings are not the folder's: missing-criterion is on in every folder.
    assert.ok(codes(client.latestDiagnostics(b)!).includes('missing-criterion'));
  });

  it("takes a change of one folder's settings", async () => {
    client.folderSettings.set(fileUri(dir, 'b'), { rules: { 'vague-verb': 'warning' } });
    const warned = client.diagnostics(b, (p) => severity(p, 'vague-verb') === 2);
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    await warned;
    assert.equal(severity(client.latestDiagnostics(a)!, 'vague-verb'), 1);
  });
});
