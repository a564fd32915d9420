// What docs/editors.md's setups rely on, with the client behaving as those editors do:
// Neovim sends a Quarto buffer as `quarto` and an R Markdown one as `rmd`; Helix sends its
// `config` table as initializationOptions and answers workspace/configuration from it; many
// servers' Neovim setups put settings in `init_options`, and some clients answer nothing to
// workspace/configuration. Settings given as initializationOptions apply when the client's
// answer gives none.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, it } from 'node:test';
import type { PublishDiagnosticsParams } from 'vscode-languageserver';
import { fileURLToPath } from 'node:url';
import { fileUri, LspClient } from './client.js';

const OUTLINE = `# Course

## Performance objectives

- **LO1:** Understand how to configure the VPN client.
`;

const codes = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => String(d.code));

describe('language server: the setups of docs/editors.md', () => {
  let dir: string | undefined;
  let client: LspClient | undefined;

  afterEach(async () => {
    await client?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  async function start(
    init: Record<string, unknown>,
    capabilities: Record<string, unknown>,
    settings: unknown,
  ): Promise<{ client: LspClient; dir: string }> {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'bloomline-editors-')));
    client = new LspClient();
    client.settings = settings;
    await client.request('initialize', {
      processId: process.pid,
      rootUri: fileUri(dir),
      workspaceFolders: [{ uri: fileUri(dir), name: 'course' }],
      capabilities,
      ...init,
    });
    await client.notify('initialized', {});
    return { client, dir };
  }

  async function open(c: LspClient, uri: string, languageId: string): Promise<void> {
    await c.notify('textDocument/didOpen', {
      textDocument: { uri, languageId, version: 1, text: OUTLINE },
    });
  }

  it('Neovim: Quarto and R Markdown buffers (filetypes quarto, rmd) are checked', async () => {
    const { client: c, dir: d } = await start(
      {},
      { workspace: { configuration: true } },
      { rules: { 'missing-criterion': 'off' } },
    );
    for (const [name, languageId] of [
      ['week1.qmd', 'quarto'],
      ['week2.Rmd', 'rmd'],
    ] as const) {
      const u = fileUri(d, name);
      await open(c, u, languageId);
      // The settings apply (diagnostics made before they came are published again).
      await c.diagnostics(
        u,
        (x) => codes(x).includes('vague-verb') && !codes(x).includes('missing-criterion'),
      );
    }
  });

  it('settings given as initializationOptions apply when workspace/configuration answers none', async () => {
    // Neovim answers vim.NIL (null) for a section its `settings` does not have.
    const { client: c, dir: d } = await start(
      { initializationOptions: { rules: { 'vague-verb': 'off' } } },
      { workspace: { configuration: true } },
      null,
    );
    const u = fileUri(d, 'week1.md');
    await open(c, u, 'markdown');
    await c.diagnostics(
      u,
      (x) => !codes(x).includes('vague-verb') && codes(x).includes('missing-criterion'),
    );
  });

  it('a client without workspace/configuration: initializationOptions under "bloomline" apply from the start', async () => {
    const { client: c, dir: d } = await start(
      { initializationOptions: { bloomline: { rules: { 'missing-criterion': 'off' } } } },
      {},
      { rules: { 'vague-verb': 'off' } }, // never asked for
    );
    const u = fileUri(d, 'week1.md');
    await open(c, u, 'markdown');
    await c.diagnostics(
      u,
      (x) => codes(x).includes('vague-verb') && !codes(x).includes('missing-criterion'),
    );
    assert.equal(c.configurationItems.length, 0);
  });

  it('what workspace/configuration answers wins over initializationOptions', async () => {
    const { client: c, dir: d } = await start(
      { initializationOptions: { bloomline: { rules: { 'vague-verb': 'off' } } } },
      { workspace: { configuration: true } },
      { rules: { 'missing-criterion': 'off' } },
    );
    const u = fileUri(d, 'week1.md');
    await open(c, u, 'markdown');
    await c.diagnostics(
      u,
      (x) => codes(x).includes('vague-verb') && !codes(x).includes('missing-criterion'),
    );
  });
});

// The workspace root the Neovim setups pick: with nested .bloomline.json files (a course folder's
// own settings), a root marker list that tries .bloomline.json first roots the server in that
// course folder, so references to other courses' IDs are unknown there while `bloomline check`
// at the repository's root resolves them. The repository (.git) comes first; .bloomline.json
// only outside Git.
describe('docs/editors.md: the Neovim setups root the server at the repository', () => {
  it('every root marker list tries .git before .bloomline.json', () => {
    const docs = fs.readFileSync(
      fileURLToPath(new URL('../../../docs/editors.md', import.meta.url)),
      'utf8',
    );
    const lists = [
      ...docs.matchAll(/root_markers = \{([^}]*)\}|vim\.fs\.root\([^,]+, \{([^}]*)\}\)/g),
    ];
    const pattern = [...docs.matchAll(/root_pattern\(([^)]*)\)/g)];
    assert.ok(lists.length >= 2 && pattern.length >= 1, 'the three Neovim setups');
    const order = (m: string, needsGit: boolean) => {
      const names = [...m.matchAll(/'([^']+)'/g)].map((n) => n[1]);
      if (needsGit) assert.ok(names.includes('.git'), m);
      if (names.includes('.git') && names.includes('.bloomline.json'))
        assert.ok(names.indexOf('.git') < names.indexOf('.bloomline.json'), m);
    };
    for (const l of lists) order(l[1] ?? l[2]!, true);
    for (const p of pattern) order(p[1]!, false);
    assert.ok(
      pattern.some((p) => p[1] === "'.git'"),
      'root_pattern asks for .git first, alone',
    );
    // nvim-lspconfig's root_pattern takes the nearest folder with any marker: .git is asked alone.
    assert.doesNotMatch(docs, /root_pattern\('\.bloomline\.json', '\.git'\)/);
  });
});
