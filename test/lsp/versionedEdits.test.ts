// Quick fixes carry the version of the document they were made for, when the client can check
// it (`workspace.workspaceEdit.documentChanges`, as VS Code, Neovim and Helix can): a fix
// applied twice, or after the line changed, is refused by the editor instead of cutting into
// text it was not made for ("Understand DNS" -> "Explain DNS" -> "ExplainS").
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type {
  CodeAction,
  PublishDiagnosticsParams,
  TextDocumentEdit,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver';
import { applyTextEdits, fileUri, LspClient } from './client.js';

const VAGUE = '## Learning objectives\r\n\r\n- \ud83d\ude00\tUnderstand DNS.\r\n- Know TCP.\r\n';

describe('quick fixes name the document version they were made for', { timeout: 60_000 }, () => {
  let dir: string;
  let client: LspClient;
  let plain: LspClient;

  before(async () => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'bloomline-versioned-')));
    client = new LspClient();
    await client.request('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: {
        workspace: { workspaceEdit: { documentChanges: true } },
        textDocument: { publishDiagnostics: { versionSupport: true } },
      },
    });
    await client.notify('initialized', {});
    plain = new LspClient();
    await plain.initializeNoFolder();
    await plain.notify('initialized', {});
  });

  after(async () => {
    await client?.stop();
    await plain?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  async function actionsAt(c: LspClient, uri: string, version: number): Promise<CodeAction[]> {
    const p = await c.diagnostics(uri, (x) => x.version === version);
    return c.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 2, character: 0 }, end: { line: 2, character: 20 } },
      context: { diagnostics: p.diagnostics },
    });
  }

  it('as a versioned text document edit, with the version after each change', async () => {
    const uri = fileUri(dir, 'crlf.md');
    const opened = client.next(
      'textDocument/publishDiagnostics',
      (x: PublishDiagnosticsParams) => x.uri === uri,
    );
    await client.notify('textDocument/didOpen', {
      textDocument: { uri, languageId: 'markdown', version: 7, text: VAGUE },
    });
    await opened;
    let actions = await actionsAt(client, uri, 7);
    const explain = actions.find((a) => a.title === 'Replace "Understand" with "Explain"')!;
    assert.ok(explain, actions.map((a) => a.title).join(' | '));
    assert.equal(explain.edit!.changes, undefined);
    const [doc] = explain.edit!.documentChanges as TextDocumentEdit[];
    assert.deepEqual(doc!.textDocument, { uri, version: 7 });
    const fixed = applyTextEdits(VAGUE, doc!.edits as TextEdit[]);
    assert.equal(
      fixed,
      '## Learning objectives\r\n\r\n- \ud83d\ude00\tExplain DNS.\r\n- Know TCP.\r\n',
    );
    // The editor applies it: version 8. Fixes asked for now are for version 8.
    const next = client.next(
      'textDocument/publishDiagnostics',
      (x: PublishDiagnosticsParams) => x.uri === uri && x.version === 8,
    );
    await client.notify('textDocument/didChange', {
      textDocument: { uri, version: 8 },
      contentChanges: [{ text: fixed }],
    });
    await next;
    actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } },
      context: { diagnostics: [] },
    });
    const all = actions.flatMap((a) => (a.edit?.documentChanges ?? []) as TextDocumentEdit[]);
    assert.ok(all.length > 0);
    assert.ok(all.every((d) => d.textDocument.version === 8 && d.textDocument.uri === uri));
  });

  it('source.fixAll too; a client without documentChanges gets plain changes, as before', async () => {
    const uri = fileUri(dir, 'all.md');
    const text = '## Learning objectives\n\n- Understand DNS.\n- Know TCP.\n';
    for (const c of [client, plain]) {
      const opened = c.next(
        'textDocument/publishDiagnostics',
        (x: PublishDiagnosticsParams) => x.uri === uri,
      );
      await c.notify('textDocument/didOpen', {
        textDocument: { uri, languageId: 'markdown', version: 3, text },
      });
      await opened;
      const [all] = await c.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: [], only: ['source.fixAll.bloomline'] },
      });
      const edits =
        c === client
          ? ((all!.edit!.documentChanges as TextDocumentEdit[])[0]!.edits as TextEdit[])
          : all!.edit!.changes![uri]!;
      if (c === client)
        assert.equal(
          (all!.edit!.documentChanges as TextDocumentEdit[])[0]!.textDocument.version,
          3,
        );
      else assert.equal(all!.edit!.documentChanges, undefined);
      assert.equal(
        applyTextEdits(text, edits),
        '## Learning objectives\n\n- Explain DNS.\n- Identify TCP.\n',
      );
    }
  });
});

describe('a rename names the version of each open document it edits', { timeout: 60_000 }, () => {
  const WEEK1 = '## Learning objectives\n\n- **LO1:** Configure DNS within 5 minutes.\n';
  const WEEK2 = '## Outcomes\n\n- Tickets fall from 40 to 10 a month by Q3 (LO1).\n';
  let dir: string;
  let client: LspClient;
  let plain: LspClient;

  before(async () => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'bloomline-versioned-rename-')));
    fs.writeFileSync(path.join(dir, 'week1.md'), WEEK1);
    fs.writeFileSync(path.join(dir, 'week2.md'), WEEK2);
    const start = async (documentChanges: boolean): Promise<LspClient> => {
      const c = new LspClient();
      await c.request('initialize', {
        processId: process.pid,
        rootUri: fileUri(dir),
        workspaceFolders: [{ uri: fileUri(dir), name: 'course' }],
        capabilities: {
          workspace: documentChanges ? { workspaceEdit: { documentChanges: true } } : {},
          textDocument: { rename: { prepareSupport: true } },
        },
      });
      const indexed = c.next<{ uri: string }>('bloomline/outlineChanged', (p) =>
        p.uri.endsWith('week2.md'),
      );
      await c.notify('initialized', {});
      await indexed;
      return c;
    };
    client = await start(true);
    plain = await start(false);
  });

  after(async () => {
    await client?.stop();
    await plain?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('the open file with its version, the closed one with none; plain changes without the capability', async () => {
    const u1 = fileUri(dir, 'week1.md');
    const u2 = fileUri(dir, 'week2.md');
    const params = {
      textDocument: { uri: u1 },
      position: { line: 2, character: 5 },
      newName: 'LO7',
    };
    for (const c of [client, plain]) {
      const opened = c.next(
        'textDocument/publishDiagnostics',
        (x: PublishDiagnosticsParams) => x.uri === u1,
      );
      await c.notify('textDocument/didOpen', {
        textDocument: { uri: u1, languageId: 'markdown', version: 4, text: WEEK1 },
      });
      await opened;
    }
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', params);
    assert.equal(edit.changes, undefined);
    const docs = edit.documentChanges as TextDocumentEdit[];
    assert.deepEqual(
      docs.map((d) => d.textDocument),
      [
        { uri: u1, version: 4 },
        { uri: u2, version: null },
      ],
    );
    assert.equal(applyTextEdits(WEEK1, docs[0]!.edits as TextEdit[]), WEEK1.replace('LO1', 'LO7'));
    assert.equal(applyTextEdits(WEEK2, docs[1]!.edits as TextEdit[]), WEEK2.replace('LO1', 'LO7'));
    const old = await plain.request<WorkspaceEdit>('textDocument/rename', params);
    assert.equal(old.documentChanges, undefined);
    assert.deepEqual(Object.keys(old.changes!).sort(), [u1, u2].sort());
  });
});
