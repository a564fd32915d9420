// The language server under input that is wrong, odd or hostile (issue 13): it never dies, never
// goes silent, and never disagrees with `bloomline check` on the same text. Each case is a fault
// an independent soak and protocol-abuse run found; each test failed before its fix.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, CompletionList, Range } from 'vscode-languageserver';
import { applyTextEdits, checkKeys, diagnosticKeys, fileUri, LspClient, ROOT } from './client.js';

const at = (line: number, character: number) => ({ line, character });

let dir: string;
let client: LspClient;
const texts = new Map<string, string>();
const versions = new Map<string, number>();

async function open(name: string, text: string): Promise<string> {
  const u = fileUri(dir, name);
  texts.set(u, text);
  versions.set(u, 1);
  await client.notify('textDocument/didOpen', {
    textDocument: { uri: u, languageId: 'markdown', version: 1, text },
  });
  return u;
}

/** Sends raw content changes (as given, valid or not); returns the version sent. */
async function send(u: string, contentChanges: unknown[]): Promise<number> {
  const version = versions.get(u)! + 1;
  versions.set(u, version);
  await client.notify('textDocument/didChange', {
    textDocument: { uri: u, version },
    contentChanges,
  });
  return version;
}

/** The server's diagnostics for that version, and `check`'s for the text the test expects. */
async function sameAsCheck(u: string, version: number, expected: string): Promise<string[]> {
  const p = await client.diagnostics(u, (x) => x.version === version, 10_000);
  const name = path.basename(new URL(u).pathname);
  const fromCheck = checkKeys({ [name]: expected })[name]!;
  assert.deepEqual(diagnosticKeys(p.diagnostics), fromCheck, 'server and check disagree');
  return fromCheck;
}

describe('language server under odd and hostile input', { timeout: 60_000 }, () => {
  before(async () => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'bloomline-robust-')));
    client = new LspClient();
    await client.initializeNoFolder();
    await client.notify('initialized', {});
  });

  after(async () => {
    await client?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('typing front matter at the top: the server reads what check reads (a thematic break, then the rest)', async () => {
    const text = '## Learning objectives\n\n- Understand loops.\n- Know the shell.\n';
    const u = await open('front.md', text);
    await sameAsCheck(u, 1, text);
    const typed = `---\n${text}`;
    const v = await send(u, [{ range: { start: at(0, 0), end: at(0, 0) }, text: '---\n' }]);
    const found = await sameAsCheck(u, v, typed);
    // CommonMark: a thematic break, a heading and a list: both items are read as objectives.
    assert.equal(
      found.filter((k) => /^(vague-verb|missing-criterion) /.test(k)).length,
      4,
      found.join('\n'),
    );

    // The smallest case: "---\noutcome\n- e", then "# " typed at the start of line 2.
    const small = await open('small.md', '---\noutcome\n- e');
    await sameAsCheck(small, 1, '---\noutcome\n- e');
    const v2 = await send(small, [{ range: { start: at(1, 0), end: at(1, 0) }, text: '# ' }]);
    await sameAsCheck(small, v2, '---\n# outcome\n- e');
  });

  it('clamps a change whose range lies past the end of the document to the end (LSP)', async () => {
    const text = '## Objectives\n\n- Explain DNS within 5 minutes.\n- Know the shell.';
    const u = await open('past-end.md', text);
    await sameAsCheck(u, 1, text);
    // Range 10:0-11:0 on a 4-line document: past the end means the end.
    let expected = `${text}\n- Understand loops.`;
    await send(u, [{ range: { start: at(10, 0), end: at(11, 0) }, text: '\n- Understand loops.' }]);
    // A later valid edit lands where it says, not at the start.
    const line = expected.split('\n').length - 1;
    expected = expected.replace(/loops\.$/, 'pipes.');
    let v = await send(u, [{ range: { start: at(line, 13), end: at(line, 19) }, text: 'pipes.' }]);
    assert.ok((await sameAsCheck(u, v, expected)).some((k) => k.includes('"Understand"')));
    // A character past the end of a line is the line's end.
    expected = expected.replace('- Know the shell.', '- Know the shell. Daily.');
    v = await send(u, [{ range: { start: at(3, 99), end: at(3, 120) }, text: ' Daily.' }]);
    await sameAsCheck(u, v, expected);
    // Negative positions are the start.
    expected = `# Course\n${expected}`;
    v = await send(u, [{ range: { start: at(-1, -5), end: at(0, -1) }, text: '# Course\n' }]);
    await sameAsCheck(u, v, expected);
  });

  it('a didOpen with a URI that is not a string is refused and stops nothing', async () => {
    await client.notify('textDocument/didOpen', {
      textDocument: { uri: 5, languageId: 'markdown', version: 1, text: '- Understand DNS.\n' },
    });
    await client.notify('textDocument/didOpen', {
      textDocument: { uri: fileUri(dir, 'no-text.md'), languageId: 'markdown', version: 1 },
    });
    const text = '## Objectives\n\n- Understand DNS.\n';
    const u = await open('after-bad-open.md', text);
    await sameAsCheck(u, 1, text);
    const v = await send(u, [{ range: { start: at(2, 2), end: at(2, 12) }, text: 'Explain' }]);
    await sameAsCheck(u, v, '## Objectives\n\n- Explain DNS.\n');
  });

  it('a request with a malformed position, document or new name is InvalidParams, not a wrong answer', async () => {
    const text = '# Week 1\n\n## Learning objectives\n\n- **LO1:** Understand DNS.\n';
    const u = await open('malformed-requests.md', text);
    await sameAsCheck(u, 1, text);
    const doc = { textDocument: { uri: u } };
    const bad: [string, unknown, RegExp][] = [
      // Before, the course title's hover answered a position of line -1.
      [
        'textDocument/hover',
        { ...doc, position: { line: -1, character: 'a' } },
        /^hover: "position" must be \{ "line", "character" \} of whole numbers 0 or more, not \{"line":-1,"character":"a"\}$/,
      ],
      ['textDocument/definition', { ...doc, position: null }, /^definition: "position" must be/],
      ['textDocument/completion', { ...doc, position: { line: 1.5, character: 0 } }, /"position"/],
      [
        'textDocument/hover',
        { textDocument: { uri: 7 }, position: { line: 0, character: 0 } },
        /^hover: "textDocument" must be \{ "uri": string \}, not \{"uri":7\}$/,
      ],
      // Before, a TypeError logged with its stack and a null answer.
      [
        'textDocument/rename',
        { ...doc, position: { line: 4, character: 5 }, newName: 42 },
        /^rename: "newName" must be a string, not 42$/,
      ],
      ['workspace/symbol', { query: 5 }, /^workspaceSymbol: "query" must be a string, not 5$/],
      [
        'textDocument/codeAction',
        {
          ...doc,
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          context: null,
        },
        /^codeAction: "context" must be an object, not null$/,
      ],
      [
        'textDocument/codeAction',
        { ...doc, range: { start: { line: 0 } }, context: { diagnostics: [] } },
        /^codeAction: "range" must be \{ "start", "end" \} positions of whole numbers 0 or more, not \{"start":\{"line":0\}\}$/,
      ],
    ];
    for (const [method, params, message] of bad) {
      await assert.rejects(client.request(method, params), (err: unknown) => {
        const e = err as { code: number; message: string };
        assert.equal(e.code, -32602, `${method} ${JSON.stringify(params)}`);
        assert.match(e.message, message);
        return true;
      });
    }
    // Notifications cannot be answered: malformed ones are passed over, with nothing logged as
    // an internal error (before: a TypeError and its stack for each).
    await client.notify('workspace/didChangeConfiguration', null);
    await client.notify('workspace/didChangeWatchedFiles', null);
    await client.notify('workspace/didChangeWatchedFiles', {
      changes: [{ uri: 42, type: 9 }, null],
    });
    await client.request('textDocument/hover', { ...doc, position: { line: 0, character: 0 } });
    const logged = client.received
      .filter((n) => n.method === 'window/logMessage')
      .map((n) => (n.params as { message: string }).message);
    assert.ok(!logged.some((m) => /TypeError/.test(m)), logged.join('\n'));
    // Well-formed requests still answer, a position past the end of a line among them.
    const hover = await client.request<{ contents: { value: string } } | null>(
      'textDocument/hover',
      {
        ...doc,
        position: { line: 4, character: 12 },
      },
    );
    assert.match(hover!.contents.value, /Understand/);
    assert.ok(
      await client.request('textDocument/completion', {
        ...doc,
        position: { line: 4, character: 900 },
      }),
    );
  });

  it('a change with "range": null replaces the whole text, even as the second change', async () => {
    const text = '## Objectives\n\n- Explain DNS within 5 minutes.\n';
    const u = await open('null-range.md', text);
    await sameAsCheck(u, 1, text);
    const replaced = '## Objectives\n\n- Understand DNS.\n- Know the shell.\n';
    const v = await send(u, [
      { range: { start: at(2, 2), end: at(2, 9) }, text: 'Describe' },
      { range: null, text: replaced },
    ]);
    const found = await sameAsCheck(u, v, replaced);
    assert.equal(found.filter((k) => /^(vague-verb|missing-criterion) /.test(k)).length, 4);
  });

  it('no quick fix splits a surrogate pair ("how to 😀configure", in an item and after a lead-in)', async () => {
    const wellFormed = (x: string) =>
      !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(x);
    for (const [name, text] of [
      ['astral-item.md', '## Learning objectives\n\n- Understand how to 😀configure the client.\n'],
      [
        'astral-lead.md',
        '## Learning objectives\n\nYou will understand:\n\n- how to 😀configure it.\n',
      ],
    ] as const) {
      const u = await open(name, text);
      const p = await client.diagnostics(u, (x) => x.version === 1);
      const vague = p.diagnostics.filter((d) => d.code === 'vague-verb');
      assert.ok(vague.length > 0, name);
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri: u },
        range: { start: at(0, 0), end: at(10, 0) },
        context: { diagnostics: p.diagnostics },
      });
      const edits = actions.flatMap((a) =>
        Object.values(a.edit?.changes ?? {}).map((e) => ({ title: a.title, edits: e })),
      );
      assert.ok(edits.length > 0, `${name}: quick fixes offered`);
      for (const { title, edits: list } of edits) {
        for (const e of list)
          assert.ok(wellFormed(e.newText), `${name} "${title}": lone surrogate`);
        assert.ok(wellFormed(applyTextEdits(text, list)), `${name} "${title}" splits a pair`);
      }
    }
  });

  it('completion at a position past the end of its line answers with a range inside the line', async () => {
    const text = '## Objectives\n\n- Und';
    const u = await open('completion.md', text);
    await client.diagnostics(u, (x) => x.version === 1);
    const list = await client.request<CompletionList>('textDocument/completion', {
      textDocument: { uri: u },
      position: at(2, 40),
    });
    assert.ok(list.items.length > 0, 'verbs are offered at the end of "- Und"');
    for (const item of list.items) {
      const range = (item.textEdit as { range: Range }).range;
      assert.deepEqual(range, { start: at(2, 2), end: at(2, 5) }, item.label);
    }
    // Applying one gives a well-formed line.
    const first = list.items[0]!;
    const edited = applyTextEdits(text, [
      { range: (first.textEdit as { range: Range }).range, newText: first.label },
    ]);
    assert.equal(edited, `## Objectives\n\n- ${first.label}`);
  });
});

describe(
  'a workspace holding a large list never takes the server down',
  { timeout: 120_000 },
  () => {
    // Before the parse in pieces, indexing such a file took 300-600 bytes of memory per byte: in a
    // 250 MB heap the server died, and was restarted into the same death.
    let folder: string;
    let server: LspClient;
    after(async () => {
      await server?.stop();
      if (folder) fs.rmSync(folder, { recursive: true, force: true });
    });

    it('indexes a 3 MB list of 55,000 objectives in a 250 MB heap, declines it in one diagnostic, answers', async () => {
      folder = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'bloomline-large-')));
      const big =
        '## Learning objectives\n\n' +
        Array.from(
          { length: 55_000 },
          (_, i) => `- Explain topic ${i} to a colleague within 5 minutes.\n`,
        ).join('');
      fs.writeFileSync(path.join(folder, 'big.md'), big);
      const small = '## Objectives\n\n- Understand DNS.\n';
      fs.writeFileSync(path.join(folder, 'small.md'), small);
      server = new LspClient(['--max-old-space-size=250']);
      await server.request('initialize', {
        processId: process.pid,
        rootUri: fileUri(folder),
        workspaceFolders: [{ uri: fileUri(folder), name: 'large' }],
        capabilities: { textDocument: { publishDiagnostics: { versionSupport: true } } },
      });
      const indexed = server.next(
        'bloomline/outlineChanged',
        (n: { uri: string }) => n.uri === fileUri(folder, 'small.md'),
        90_000,
      );
      await server.notify('initialized', {});
      await indexed;
      const bigUri = fileUri(folder, 'big.md');
      await server.notify('textDocument/didOpen', {
        textDocument: { uri: bigUri, languageId: 'markdown', version: 1, text: big },
      });
      const p = await server.diagnostics(bigUri, (x) => x.version === 1, 60_000);
      assert.equal(p.diagnostics.length, 1);
      assert.match(p.diagnostics[0]!.message, /did not analyse this file: .*more than 20,000/);
      const smallUri = fileUri(folder, 'small.md');
      await server.notify('textDocument/didOpen', {
        textDocument: { uri: smallUri, languageId: 'markdown', version: 1, text: small },
      });
      const d = await server.diagnostics(smallUri, (x) => x.version === 1, 30_000);
      assert.ok(d.diagnostics.some((x) => x.code === 'vague-verb'));
      assert.equal(server.exitCode, null, 'still running');
    });
  },
);

describe('language server framing: a bad frame never leaves it deaf', { timeout: 30_000 }, () => {
  const frame = (body: unknown) => {
    const json = JSON.stringify(body);
    return `Content-Length: ${Buffer.byteLength(json, 'utf8')}\r\n\r\n${json}`;
  };
  const initialize = (id: number) =>
    frame({
      jsonrpc: '2.0',
      id,
      method: 'initialize',
      params: { processId: null, rootUri: null, capabilities: {} },
    });

  /** Starts the server, writes `input` to it, and waits for the response with `id` (or exit). */
  function answerAfter(
    input: string[],
    id: number,
  ): Promise<{ answered: boolean; stderr: string }> {
    const child = spawn(process.execPath, ['bin/bloomline.js', 'lsp', '--stdio'], {
      cwd: ROOT,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (c: string) => (stderr += c));
    child.stdout.setEncoding('utf8');
    return new Promise((resolve) => {
      const done = (answered: boolean) => {
        clearTimeout(timer);
        if (child.exitCode === null && child.signalCode === null) child.kill();
        resolve({ answered, stderr });
      };
      const timer = setTimeout(() => done(false), 10_000);
      child.stdout.on('data', (c: string) => {
        out += c;
        if (out.includes(`"id":${id},"result"`)) done(true);
      });
      child.on('exit', () => done(out.includes(`"id":${id},"result"`)));
      (async () => {
        for (const piece of input) {
          child.stdin.write(piece);
          await new Promise((r) => setTimeout(r, 50));
        }
      })().catch(() => undefined);
    });
  }

  it('answers the next valid frame after "Content-Length: abc"', async () => {
    const bad = `Content-Length: abc\r\n\r\n${JSON.stringify({ jsonrpc: '2.0', method: 'x' })}`;
    const r = await answerAfter([bad, initialize(7)], 7);
    assert.ok(r.answered, `no answer to the valid frame; stderr: ${r.stderr}`);
  });

  it('answers the next valid frame after a Content-Length larger than its body', async () => {
    const body = JSON.stringify({ jsonrpc: '2.0', method: 'initialized', params: {} });
    const bad = `Content-Length: ${body.length + 500}\r\n\r\n${body}`;
    const r = await answerAfter([bad, initialize(8)], 8);
    assert.ok(r.answered, `no answer to the valid frame; stderr: ${r.stderr}`);
  });

  it('answers after a header line without a colon and after a body that is not JSON', async () => {
    const r = await answerAfter(
      ['Garbage line\r\n\r\n', 'Content-Length: 5\r\n\r\n{{{{{', initialize(9)],
      9,
    );
    assert.ok(r.answered, `no answer to the valid frame; stderr: ${r.stderr}`);
  });
});
