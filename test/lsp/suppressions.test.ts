// The language server honours bloomline-suppressions.json at the root of the workspace folder,
// as `bloomline check` does: findings the counts cover are shown as hints (severity 4) saying
// they are suppressed, a rule over its count is shown at its own severity, a change of the file
// re-publishes, and an invalid file is one diagnostic on itself with every finding shown.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { PublishDiagnosticsParams } from 'vscode-languageserver';
import { fileUri, LspClient } from './client.js';

const LESSON = `# Lesson

## Learning objectives

- Understand how to configure the VPN client.
- Know the password policy.
- Configure the firewall.
`;

let dir: string;
let client: LspClient;
const FILE = 'bloomline-suppressions.json';

const severities = (p: PublishDiagnosticsParams, code: string) =>
  p.diagnostics.filter((d) => d.code === code).map((d) => d.severity);

async function fileChanged(name: string): Promise<void> {
  await client.notify('workspace/didChangeWatchedFiles', {
    changes: [{ uri: fileUri(dir, name), type: 2 }],
  });
}

describe('language server and bulk suppressions', { timeout: 20_000 }, () => {
  before(async () => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'bloomline-lsp-supp-')));
    fs.mkdirSync(path.join(dir, 'lessons'));
    fs.writeFileSync(path.join(dir, 'lessons', 'one.md'), LESSON);
    // As `bloomline check --suppress-rule vague-verb` writes it from the folder's root.
    fs.writeFileSync(
      path.join(dir, FILE),
      JSON.stringify({ 'lessons/one.md': { 'vague-verb': { count: 2 } } }, null, 2) + '\n',
    );
    client = new LspClient();
    await client.request('initialize', {
      processId: process.pid,
      rootUri: fileUri(dir),
      workspaceFolders: [{ uri: fileUri(dir), name: 'course' }],
      capabilities: {
        workspace: { didChangeWatchedFiles: { dynamicRegistration: true } },
        textDocument: { publishDiagnostics: { versionSupport: true } },
      },
    });
    await client.notify('initialized', {});
  });

  after(() => {
    client?.kill();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('shows findings the counts cover as hints that say so; other rules keep their severity', async () => {
    const u = fileUri(dir, 'lessons', 'one.md');
    await client.notify('textDocument/didOpen', {
      textDocument: { uri: u, languageId: 'markdown', version: 1, text: LESSON },
    });
    const p = await client.diagnostics(u, (x) => severities(x, 'vague-verb').length === 2);
    assert.deepEqual(severities(p, 'vague-verb'), [4, 4]);
    for (const d of p.diagnostics.filter((x) => x.code === 'vague-verb'))
      assert.match(d.message, /\(Suppressed in bloomline-suppressions\.json\.\)$/);
    assert.ok(severities(p, 'missing-criterion').every((s) => s === 2));
    assert.ok(severities(p, 'missing-criterion').length >= 2);
    // The quick fixes are still there for a suppressed finding.
    const vague = p.diagnostics.find((d) => d.code === 'vague-verb')!;
    const actions = await client.request<{ title: string }[]>('textDocument/codeAction', {
      textDocument: { uri: u },
      range: vague.range,
      context: { diagnostics: [vague], only: ['quickfix'] },
    });
    assert.ok(actions.length > 0);
  });

  it('shows a rule over its count at full severity, and follows changes of the file', async () => {
    const u = fileUri(dir, 'lessons', 'one.md');
    fs.writeFileSync(
      path.join(dir, FILE),
      JSON.stringify({ 'lessons/one.md': { 'vague-verb': { count: 1 } } }) + '\n',
    );
    const over = client.diagnostics(u, (x) => severities(x, 'vague-verb').join() === '2,2');
    await fileChanged(FILE);
    await over;

    fs.writeFileSync(path.join(dir, FILE), '{ "lessons/one.md": { "vague-verb": 2 } }\n');
    const problem = client.diagnostics(fileUri(dir, FILE), (x) => x.diagnostics.length === 1);
    await fileChanged(FILE);
    const bad = await problem;
    assert.equal(bad.diagnostics[0]!.severity, 1);
    assert.match(bad.diagnostics[0]!.message, /^Invalid bloomline-suppressions\.json: /);
    assert.deepEqual(severities(client.latestDiagnostics(u)!, 'vague-verb'), [2, 2]);

    fs.writeFileSync(
      path.join(dir, FILE),
      JSON.stringify({ 'lessons/one.md': { 'vague-verb': { count: 3 } } }) + '\n',
    );
    const cleared = client.diagnostics(fileUri(dir, FILE), (x) => x.diagnostics.length === 0);
    const hinted = client.diagnostics(u, (x) => severities(x, 'vague-verb').join() === '4,4');
    await fileChanged(FILE);
    await cleared;
    await hinted;
  });
});
