// `bloomline/export`: the language server's LMS export is byte for byte what `bloomline export`
// writes from the folder's root, for each format (one outline model, one set of writers).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { run } from '../cli/helpers.js';
import { fileUri, LspClient } from './client.js';

const COURSE = `# Course

## Module 1

You will be able to:

- **LO1:** Configure the VPN client within 5 minutes.
- **LO1:** Understand DNS.

### Success measures

- VPN tickets fall from 120 to 40 a month within 90 days (LO1).
`;

let dir: string;
let client: LspClient;

describe('language server: bloomline/export', { timeout: 20_000 }, () => {
  before(async () => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'bloomline-lsp-export-')));
    fs.mkdirSync(path.join(dir, 'lessons'));
    fs.writeFileSync(path.join(dir, 'lessons', 'course.md'), COURSE);
    fs.writeFileSync(path.join(dir, 'README.md'), '# Notes\n');
    client = new LspClient();
    await client.request('initialize', {
      processId: process.pid,
      rootUri: fileUri(dir),
      workspaceFolders: [{ uri: fileUri(dir), name: 'course' }],
      capabilities: {},
    });
    // The index is built after `initialized`; it announces the outline when it has read it.
    const indexed = client.next<{ uri: string }>('bloomline/outlineChanged', (p) =>
      p.uri.endsWith('course.md'),
    );
    await client.notify('initialized', {});
    await indexed;
  });

  after(() => {
    client?.kill();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('returns what the CLI writes, with the duplicate ID said', async () => {
    for (const format of ['canvas', 'moodle', 'case']) {
      const result = await client.request<{
        text: string;
        fileName: string;
        warnings: string[];
        courses: number;
      }>('bloomline/export', { format });
      const cli = run(['export', '--format', format], dir);
      assert.equal(cli.status, 0, cli.stderr);
      assert.equal(result.courses, 1);
      assert.equal(result.text, cli.stdout, format);
      assert.deepEqual(result.warnings, [
        'lessons/course.md: the ID "LO1" is used 2 times; exported as "LO1", "LO1-2"',
      ]);
      assert.match(result.fileName, format === 'case' ? /\.json$/ : /\.csv$/);
    }
  });

  it('refuses a format it does not write with InvalidParams that says which it writes', async () => {
    for (const params of [{ format: 'pdf' }, {}, null]) {
      await assert.rejects(client.request('bloomline/export', params), (err: unknown) => {
        const e = err as { code: number; message: string };
        assert.equal(e.code, -32602, JSON.stringify(params));
        assert.match(
          e.message,
          /^bloomline\/export: "format" must be "canvas", "moodle" or "case", not (?:"pdf"|undefined)$/,
        );
        return true;
      });
    }
    // The server goes on answering.
    const ok = await client
      .request<{ courses: number }>('bloomline/export', { format: 'csv' })
      .catch(() => null);
    assert.equal(ok, null);
    assert.equal(
      (await client.request<{ courses: number }>('bloomline/export', { format: 'canvas' })).courses,
      1,
    );
  });

  it('bloomline/outline and bloomline/report refuse params of the wrong shape with InvalidParams', async () => {
    const course = fileUri(dir, 'lessons', 'course.md');
    const bad: [unknown, RegExp][] = [
      [
        { uri: 42 },
        /"uri" must be a string \(a document URI such as "file:\/\/\/course\/week1\.md"\), not 42$/,
      ],
      [{ uri: null }, /"uri" must be a string .*, not null$/],
      [{ uri: ['a'] }, /"uri" must be a string .*, not \["a"\]$/],
      [
        { uri: 'lessons/course.md' },
        /"uri" must be a URI such as "file:\/\/\/course\/week1\.md", not the path "lessons\/course\.md"$/,
      ],
      [{ uri: 'C:\\course\\week1.md' }, /not the path "C:\\\\course\\\\week1\.md"$/],
      // A bare string (vscode-jsonrpc sends it as a one-item array, which the handler is given
      // as the string).
      [
        'file:///x.md',
        /params must be an object \(\{ "uri"\?: string \}\), not "file:\/\/\/x\.md"$/,
      ],
    ];
    for (const method of ['bloomline/outline', 'bloomline/report']) {
      for (const [params, message] of bad) {
        await assert.rejects(client.request(method, params), (err: unknown) => {
          const e = err as { code: number; message: string };
          assert.equal(e.code, -32602, `${method} ${JSON.stringify(params)}`);
          assert.match(e.message, new RegExp(`^${method.replace('/', '\\/')}: `));
          assert.match(e.message, message, `${method} ${JSON.stringify(params)}`);
          return true;
        });
      }
      // What the contract allows still answers: no params, {}, a known file, a file the
      // server does not know (the editor's active file may be anything: nothing, not an error).
      for (const params of [undefined, null, {}, { uri: course }, { uri: fileUri(dir, 'none.md') }])
        assert.ok(await client.request(method, params), `${method} ${JSON.stringify(params)}`);
    }
    const one = await client.request<{ filePath: string }[]>('bloomline/outline', { uri: course });
    assert.equal(one.length, 1);
  });
});
