// Which `.bloomline.json` the language server applies to files it did not find by searching the
// workspace folders: the one above a workspace folder, and the one beside a file opened from
// outside every folder. Both are read ahead (the server reads files only asynchronously, on
// disk or through the client), and a document's first diagnostics already follow them.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { PublishDiagnosticsParams } from 'vscode-languageserver';
import { fileUri, LspClient } from './client.js';

const OUTLINE = `# Course

## Learning objectives

- **LO1:** Understand how to configure the VPN client.
`;

const codes = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => String(d.code)).sort();

describe('language server: config files outside the workspace folders', () => {
  let dir: string;
  let client: LspClient;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bloomline-config-'));
    fs.mkdirSync(path.join(dir, 'ws'));
    fs.mkdirSync(path.join(dir, 'elsewhere'));
    // Above the workspace folder: applies to its files.
    fs.writeFileSync(
      path.join(dir, '.bloomline.json'),
      '{ "kind": "workplace", "rules": { "vague-verb": "off" }, "ignores": ["ws/drafts"] }\n',
    );
    fs.mkdirSync(path.join(dir, 'ws', 'drafts'));
    fs.writeFileSync(path.join(dir, 'ws', 'drafts', 'draft.md'), OUTLINE);
    fs.writeFileSync(path.join(dir, 'ws', 'other.md'), OUTLINE);
    fs.writeFileSync(
      path.join(dir, 'elsewhere', '.bloomline.json'),
      '{ "kind": "workplace", "rules": { "missing-criterion": "off" } }\n',
    );
    fs.writeFileSync(path.join(dir, 'ws', 'course.md'), OUTLINE);
    fs.writeFileSync(path.join(dir, 'elsewhere', 'lone.md'), OUTLINE);
    client = new LspClient();
    await client.request('initialize', {
      processId: process.pid,
      rootUri: fileUri(dir, 'ws'),
      workspaceFolders: [{ uri: fileUri(dir, 'ws'), name: 'ws' }],
      capabilities: { textDocument: { publishDiagnostics: { versionSupport: true } } },
    });
    await client.notify('initialized', {});
  });

  after(async () => {
    await client?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('applies the .bloomline.json above a workspace folder', async () => {
    const u = fileUri(dir, 'ws', 'course.md');
    const first = client.next<PublishDiagnosticsParams>(
      'textDocument/publishDiagnostics',
      (p) => p.uri === u,
    );
    await client.notify('textDocument/didOpen', {
      textDocument: { uri: u, languageId: 'markdown', version: 1, text: OUTLINE },
    });
    // Cross-file rules wait for the index; the first diagnostics may come before it.
    assert.ok(!codes(await first).includes('vague-verb'), JSON.stringify(codes(await first)));
    const p = await client.diagnostics(u, (x) => codes(x).includes('missing-outcome'));
    assert.deepEqual(codes(p), ['missing-criterion', 'missing-outcome']);
  });

  it('leaves out of the index what the .bloomline.json above a workspace folder ignores', async () => {
    const entries = await client.request<{ uri: string }[]>('bloomline/outline', {});
    assert.deepEqual(entries.map((e) => path.relative(dir, new URL(e.uri).pathname)).sort(), [
      path.join('ws', 'course.md'),
      path.join('ws', 'other.md'),
    ]);
  });

  it("gives a file opened from outside every folder its own .bloomline.json's findings, from the first", async () => {
    const u = fileUri(dir, 'elsewhere', 'lone.md');
    const first = client.next<PublishDiagnosticsParams>(
      'textDocument/publishDiagnostics',
      (p) => p.uri === u,
    );
    await client.notify('textDocument/didOpen', {
      textDocument: { uri: u, languageId: 'markdown', version: 1, text: OUTLINE },
    });
    // missing-criterion is off beside it; vague-verb (off above the workspace folder only) is on.
    assert.deepEqual(codes(await first), ['missing-outcome', 'vague-verb']);
  });
});

describe('language server: a folder named .bloomline.json', () => {
  let dir: string;
  let client: LspClient;

  before(async () => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'bloomline-config-dir-')));
    fs.writeFileSync(path.join(dir, '.bloomline.json'), '{ "rules": { "vague-verb": "off" } }\n');
    fs.mkdirSync(path.join(dir, 'lessons', '.bloomline.json'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'lessons', 'week1.md'), OUTLINE);
    client = new LspClient();
    await client.initializeFolder(dir);
    await client.notify('initialized', {});
  });

  after(async () => {
    await client?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('is said where it is, and the files under it get the defaults, as on the command line', async () => {
    const folder = fileUri(dir, 'lessons', '.bloomline.json');
    const said = await client.diagnostics(folder, (p) => p.diagnostics.length > 0, 10_000);
    assert.match(
      said.diagnostics[0]!.message,
      /^Invalid \.bloomline\.json: cannot read it \(is a directory\)/,
    );
    const u = fileUri(dir, 'lessons', 'week1.md');
    await client.notify('textDocument/didOpen', {
      textDocument: { uri: u, languageId: 'markdown', version: 1, text: OUTLINE },
    });
    // The root file turns vague-verb off; under the folder the defaults apply, as `check` does.
    const p = await client.diagnostics(u, (x) => codes(x).includes('vague-verb'), 10_000);
    assert.ok(codes(p).includes('vague-verb'));
  });
});
