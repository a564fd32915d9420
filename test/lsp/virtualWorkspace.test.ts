// The language server on a workspace it cannot read from the disk: github.dev's virtual file
// system (`vscode-vfs://github/owner/repo`), read through the client (bloomline/findFiles,
// bloomline/readFile, bloomline/statFile), as VS Code answers them (client/src/files.ts). The
// same scenario for both ways the server runs there:
// - `bloomline lsp --files-from-client`, what the desktop extension starts for a virtual
//   workspace;
// - the web build (dist/web/server.js) in a web worker's globals (test/support/workerHost.ts),
//   what VS Code for the Web runs: no Node at all.
// The virtual files exist nowhere on disk, so every finding that needs them proves the server
// read them through the client.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver';
import { matchGlob } from '../../server/src/cli/glob.js';
import { LspClient, ROOT, type LspClientOptions } from './client.js';

const FOLDER = 'vscode-vfs://github/bloomline/course';

const WEEK1 = `# Week 1: Connecting

## Learning objectives

- **LO1:** Configure the VPN client on a work laptop without assistance.
- **LO2:** Understand how to configure the VPN client.

## Outcomes

- VPN tickets fall from 120 to 40 a month within 90 days (LO1, LO3, LO9).
`;
const WEEK2 = `# Week 2: Phishing

## Learning objectives

- **LO3:** Classify 20 sample emails as phishing or legitimate with at least 90% accuracy.

## Outcomes

- Phishing clicks fall from 12% to 4% within two quarters (LO2).
`;
const WEEK3 = `# Semaine 3 — réseaux

## Learning objectives

- **LO4:** Diagnose a failed Wi-Fi connection from its logs within 10 minutes.

## Outcomes

- Network tickets fall from 50 to 20 a month within a quarter (LO4).
`;
const NOTES = `# Draft notes

## Learning objectives

- **LO5:** Understand DNS.
`;

/** A virtual file system as VS Code's findFiles / fs answer for it: URIs as VS Code writes
 * them (percent-encoded), a modification time per file. */
class VirtualFs {
  readonly files = new Map<string, { text: string; mtime: number }>();
  readonly requests: { method: string; uri: string }[] = [];

  write(rel: string, text: string, mtime = Date.UTC(2026, 0, 15, 9, 30)): string {
    const uri = this.uri(rel);
    this.files.set(uri, { text, mtime });
    return uri;
  }

  uri(rel: string): string {
    return `${FOLDER}/${rel.split('/').map(encodeURIComponent).join('/')}`;
  }

  /** Answers the server's file requests on the client's connection. */
  serve(client: LspClient): void {
    const c = client.connection;
    c.onRequest('bloomline/findFiles', (p: { base: string; include: string; exclude: string }) => {
      this.requests.push({ method: 'findFiles', uri: p.base });
      const base = p.base.endsWith('/') ? p.base : `${p.base}/`;
      return [...this.files.keys()].filter((uri) => {
        if (!uri.startsWith(base)) return false;
        const rel = decodeURIComponent(uri.slice(base.length));
        return matchGlob(p.include, rel) && !matchGlob(p.exclude, rel);
      });
    });
    c.onRequest('bloomline/readFile', (p: { uri: string; maxBytes: number }) => {
      this.requests.push({ method: 'readFile', uri: p.uri });
      const file = this.files.get(this.normal(p.uri));
      return file ? { text: file.text } : { missing: true, reason: 'no such file or directory' };
    });
    c.onRequest('bloomline/statFile', (p: { uri: string }) => {
      this.requests.push({ method: 'statFile', uri: p.uri });
      const file = this.files.get(this.normal(p.uri));
      return file ? { mtime: file.mtime } : null;
    });
  }

  /** A URI the server built itself, spelled as this file system spells it. */
  private normal(uri: string): string {
    if (!uri.startsWith(`${FOLDER}/`)) return uri;
    return this.uri(decodeURIComponent(uri.slice(FOLDER.length + 1)));
  }
}

interface Entry {
  uri: string;
  title: string | null;
  objectives: { id: string }[];
}

const rules = (ds: readonly Diagnostic[]) =>
  ds.map((d) => `${String(d.code)}@${d.range.start.line + 1}`).sort();

function scenario(name: string, options: LspClientOptions, skip: string | false = false): void {
  describe(name, { skip }, () => {
    let client: LspClient;
    const vfs = new VirtualFs();
    const week1 = vfs.write('week1.md', WEEK1);
    vfs.write('week2.md', WEEK2);
    const week3 = vfs.write('Semaine 3 — réseaux.md', WEEK3);
    const notes = vfs.write('drafts/notes.md', NOTES);
    vfs.write('drafts/.bloomline.json', '{ "rules": { "vague-verb": "off" } }\n');
    const modules = vfs.write('node_modules/pkg/readme.md', NOTES);
    const bad = vfs.write('bad/.bloomline.json', '{ "rules": { "vague-verb": "loud" } }\n');

    before(async () => {
      client = new LspClient([], options);
      vfs.serve(client);
      await client.request('initialize', {
        processId: process.pid,
        rootUri: FOLDER,
        workspaceFolders: [{ uri: FOLDER, name: 'course' }],
        capabilities: {
          workspace: {
            configuration: true,
            didChangeWatchedFiles: { dynamicRegistration: true },
            workspaceFolders: true,
          },
          textDocument: { publishDiagnostics: { versionSupport: true } },
        },
      });
      await client.notify('initialized', {});
    });

    after(async () => {
      await client?.stop();
    });

    it('checks an open outline against the files it has not opened', async () => {
      await client.notify('textDocument/didOpen', {
        textDocument: { uri: week1, languageId: 'markdown', version: 1, text: WEEK1 },
      });
      // unknown-reference waits for the whole workspace: LO3 (in week2.md) is known, LO9 is
      // not, and the suggestions name IDs from every file read (LO5 in drafts/, LO4 in the
      // file whose name needs percent-encoding); LO2 is measured in week2.md.
      const p = await client.diagnostics(
        week1,
        (x) => x.diagnostics.some((d) => d.code === 'unknown-reference'),
        15_000,
      );
      assert.deepEqual(rules(p.diagnostics), [
        'missing-criterion@6',
        'unknown-reference@10',
        'vague-verb@6',
      ]);
      const unknown = p.diagnostics.find((d) => d.code === 'unknown-reference')!;
      assert.equal(
        unknown.message,
        'No objective, outcome or assessment has the ID "LO9"; did you mean "LO5" or "LO4" or "LO3"?',
      );
      assert.equal(client.stderr.includes('Error'), false, client.stderr);
    });

    it('lists every outline of the workspace by the URIs the client gave, none in node_modules', async () => {
      const entries = await client.request<Entry[]>('bloomline/outline', {});
      const byUri = new Map(entries.map((e) => [e.uri, e]));
      assert.deepEqual([...byUri.keys()].sort(), [notes, week3, week1, vfs.uri('week2.md')].sort());
      assert.equal(byUri.get(week3)?.title, 'Semaine 3 — réseaux');
      assert.ok(!vfs.requests.some((r) => r.uri === modules), 'read a file in node_modules');
    });

    it('applies the nearest .bloomline.json, and reports an invalid one on its own URI', async () => {
      await client.notify('textDocument/didOpen', {
        textDocument: { uri: notes, languageId: 'markdown', version: 1, text: NOTES },
      });
      const p = await client.diagnostics(notes, (x) => x.diagnostics.length > 0, 15_000);
      // vague-verb is off in drafts/.bloomline.json; the notes have no outcomes and are no
      // workplace course, so no outcome is asked for.
      assert.deepEqual(rules(p.diagnostics), ['missing-criterion@5']);
      const problem = await client.diagnostics(bad, (x) => x.diagnostics.length === 1);
      assert.match(problem.diagnostics[0]!.message, /^Invalid \.bloomline\.json: .*vague-verb/);
    });

    it('follows a .bloomline.json written later (a watched change)', async () => {
      const config = vfs.write('.bloomline.json', '{ "rules": { "missing-criterion": "off" } }\n');
      await client.notify('workspace/didChangeWatchedFiles', {
        changes: [{ uri: config, type: 1 }],
      });
      const p = await client.diagnostics(
        week1,
        (x) => !x.diagnostics.some((d) => d.code === 'missing-criterion'),
        15_000,
      );
      assert.deepEqual(rules(p.diagnostics), ['unknown-reference@10', 'vague-verb@6']);
    });

    it('follows an outline changed and one deleted outside the editor', async () => {
      vfs.write('week2.md', WEEK2.replace('LO3', 'LO9'));
      vfs.files.delete(week3);
      await client.notify('workspace/didChangeWatchedFiles', {
        changes: [
          { uri: vfs.uri('week2.md'), type: 2 },
          { uri: week3, type: 3 },
        ],
      });
      // LO9 now exists, LO3 does not.
      const p = await client.diagnostics(week1, (x) =>
        x.diagnostics.some((d) =>
          d.message.startsWith('No objective, outcome or assessment has the ID "LO3"'),
        ),
      );
      assert.deepEqual(rules(p.diagnostics), ['unknown-reference@10', 'vague-verb@6']);
      const entries = await client.request<Entry[]>('bloomline/outline', {});
      assert.ok(
        !entries.some((e) => e.uri === week3),
        `the deleted file is still listed: ${entries.map((e) => e.uri).join(' ')}`,
      );
    });

    it('exports the workspace, dated by the files the client stats', async () => {
      const result = await client.request<{ text: string; courses: number }>('bloomline/export', {
        format: 'case',
      });
      assert.equal(result.courses, 3);
      const json = JSON.parse(result.text) as { CFDocument: { lastChangeDateTime: string } };
      assert.equal(json.CFDocument.lastChangeDateTime, '2026-01-15T09:30:00Z');
      assert.ok(vfs.requests.some((r) => r.method === 'statFile'));
    });
  });
}

scenario('language server on a virtual workspace: bloomline lsp --files-from-client', {
  serverArgs: ['--files-from-client'],
});
scenario(
  'language server on a virtual workspace: the web build in a web worker',
  { webWorker: true },
  !fs.existsSync(path.join(ROOT, 'dist/web/server.js')) && 'run npm run build first',
);
