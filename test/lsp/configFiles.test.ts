// Which `.bloomline.json` the language server applies to files it did not find by searching the
// workspace folders: the one above a workspace folder, and the one beside a file opened from
// outside every folder. Both are read ahead (the server reads files only asynchronously, on
// disk or through the client), and a document's first diagnostics already follow them.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { PublishDiagnosticsParams } from 'vscode-languageserver';
import { CASCADE_TREE } from '../support/cascade.js';
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
      '{ "root": true, "kind": "workplace", "rules": { "missing-criterion": "off" } }\n',
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
    // missing-criterion is off beside it; vague-verb (off in the file above, which "root": true
    // keeps out) is on.
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

// Nested files cascade (docs/configuration.md, "Nested files"): the server applies the same
// settings as `bloomline check`, file for file.
describe('language server: nested .bloomline.json files', () => {
  const tree = CASCADE_TREE;
  const SEVERITY = ['', 'error', 'warning', 'information', 'hint'];
  let dir: string;
  let client: LspClient;
  let cli: { filePath: string; messages: { ruleId: string; line: number; severity: string }[] }[];

  before(async () => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'bloomline-cascade-')));
    for (const [name, text] of Object.entries(tree)) {
      fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      fs.writeFileSync(path.join(dir, name), text);
    }
    const bin = fileURLToPath(new URL('../../../bin/bloomline.js', import.meta.url));
    const r = spawnSync(process.execPath, [bin, 'check', '--format', 'json'], {
      cwd: dir,
      encoding: 'utf8',
    });
    assert.equal(r.status, 1, r.stderr);
    cli = JSON.parse(r.stdout);
    client = new LspClient();
    await client.initializeFolder(dir);
    await client.notify('initialized', {});
  });

  after(async () => {
    await client?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('indexes the files check checks: both files ignores, none above "root": true', async () => {
    const entries = await client.request<{ uri: string }[]>('bloomline/outline', {});
    const found = entries.map((e) => path.relative(dir, fileURLToPath(e.uri))).sort();
    assert.deepEqual(found, cli.map((f) => f.filePath).sort());
    assert.deepEqual(found, [
      path.join('courses', 'a', 'week1.md'),
      path.join('courses', 'b', 'drafts', 'next.md'),
      path.join('courses', 'b', 'week1.md'),
    ]);
  });

  for (const name of ['courses/a/week1.md', 'courses/b/week1.md'])
    it(`gives ${name} the findings check gives it`, async () => {
      const expected = cli
        .find((f) => f.filePath === path.join(...name.split('/')))!
        .messages.map((m) => `${m.line}:${m.ruleId}:${m.severity}`)
        .sort();
      const u = fileUri(dir, ...name.split('/'));
      await client.notify('textDocument/didOpen', {
        textDocument: { uri: u, languageId: 'markdown', version: 1, text: tree[name] },
      });
      const shown = (p: PublishDiagnosticsParams) =>
        p.diagnostics
          .map((d) => `${d.range.start.line + 1}:${String(d.code)}:${SEVERITY[d.severity ?? 1]}`)
          .sort();
      let last: string[] = [];
      await client
        .diagnostics(
          u,
          (p) => JSON.stringify((last = shown(p))) === JSON.stringify(expected),
          10_000,
        )
        .catch(() => assert.deepEqual(last, expected));
    });
});

// Broken symbolic links in a workspace folder: the command line says each (a note for an outline
// file, an error for a .bloomline.json); the server passed over both in silence.
describe('language server: broken symbolic links', () => {
  let dir: string;
  let client: LspClient;
  let linked = true;

  before(async () => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'bloomline-config-link-')));
    fs.writeFileSync(path.join(dir, '.bloomline.json'), '{ "rules": { "vague-verb": "off" } }\n');
    fs.mkdirSync(path.join(dir, 'lessons'));
    fs.writeFileSync(path.join(dir, 'lessons', 'week1.md'), OUTLINE);
    try {
      fs.symlinkSync('../common/bloomline.json', path.join(dir, 'lessons', '.bloomline.json'));
      fs.symlinkSync('moved-away.md', path.join(dir, 'lessons', 'week2.md'));
    } catch {
      linked = false;
      return;
    }
    client = new LspClient();
    await client.initializeFolder(dir);
    await client.notify('initialized', {});
  });

  after(async () => {
    await client?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('says a broken .bloomline.json where it is; the files under it get the defaults, as check does', async (t) => {
    if (!linked) return t.skip('symbolic links are not available here');
    const link = fileUri(dir, 'lessons', '.bloomline.json');
    const said = await client.diagnostics(link, (p) => p.diagnostics.length > 0, 10_000);
    assert.match(
      said.diagnostics[0]!.message,
      /^Invalid \.bloomline\.json: cannot read it \(a broken symbolic link \(to "\.\.\/common\/bloomline\.json", which does not exist\)\)/,
    );
    const u = fileUri(dir, 'lessons', 'week1.md');
    await client.notify('textDocument/didOpen', {
      textDocument: { uri: u, languageId: 'markdown', version: 1, text: OUTLINE },
    });
    const p = await client.diagnostics(u, (x) => codes(x).includes('vague-verb'), 10_000);
    assert.ok(codes(p).includes('vague-verb'));
  });

  it('logs a warning naming a broken link to an outline file that the search passed over', async (t) => {
    if (!linked) return t.skip('symbolic links are not available here');
    const expected = `bloomline: ${path.join(dir, 'lessons', 'week2.md')}: skipped: a broken symbolic link (to "moved-away.md", which does not exist)`;
    const logged = () =>
      client.received.some(
        (n) =>
          n.method === 'window/logMessage' &&
          (n.params as { type: number; message: string }).type === 2 &&
          (n.params as { message: string }).message === expected,
      );
    for (let i = 0; i < 100 && !logged(); i++) await new Promise((r) => setTimeout(r, 100));
    assert.ok(
      logged(),
      JSON.stringify(client.received.filter((n) => n.method === 'window/logMessage')),
    );
  });
});
