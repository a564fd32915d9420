// The language server over --stdio writes its messages with lsp/encode.ts: a publication's
// diagnostics put together from each one's JSON kept by object. Its bytes must be what
// vscode-jsonrpc's own encoder writes (JSON.stringify of the message, UTF-8) for every message,
// through publications that hand on some diagnostics as the same objects, make others anew and
// drop or reorder the rest, as the server does edit after edit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver';
import { DiagnosticsEncoder } from '../../server/src/lsp/encode.js';
import { mulberry32 } from '../support/random.js';

/** What vscode-jsonrpc's encoder for application/json writes (node/ril.js). */
const stock = (msg: object) => Buffer.from(JSON.stringify(msg, undefined, 0), 'utf-8');

/** The tests' seeded PRNG (test/support/random.ts). */
const rng = mulberry32;

const WORDS = [
  'within',
  'later',
  'café',
  '"quoted"',
  'back\\slash',
  'tab\there',
  '😀',
  'line\nbreak',
  'ß',
];

function diagnostic(r: () => number): Diagnostic {
  const line = Math.floor(r() * 5000);
  const pick = () => WORDS[Math.floor(r() * WORDS.length)]!;
  const d: Diagnostic = {
    range: {
      start: { line, character: Math.floor(r() * 80) },
      end: { line: line + Math.floor(r() * 2), character: Math.floor(r() * 80) },
    },
    severity: (1 + Math.floor(r() * 4)) as Diagnostic['severity'],
    code: r() < 0.5 ? 'missing-criterion' : 'missing-outcome',
    codeDescription: { href: 'https://github.com/bloomline/bloomline/blob/main/docs/rules/x.md' },
    source: 'bloomline',
    message: `No ${pick()} criterion ${pick()}.`,
  };
  if (r() < 0.05)
    d.relatedInformation = [
      {
        location: { uri: 'file:///a%20b.md', range: d.range },
        message: `Also ${pick()}`,
      },
    ];
  return d;
}

const publish = (uri: string, diagnostics: Diagnostic[], version?: number) => ({
  jsonrpc: '2.0',
  method: 'textDocument/publishDiagnostics',
  params: { uri, diagnostics, ...(version !== undefined ? { version } : {}) },
});

test('publications encode to the stock bytes while their diagnostics are kept, remade and dropped', () => {
  for (const seed of [1, 2, 3, 4]) {
    const r = rng(seed);
    const encoder = new DiagnosticsEncoder();
    const uris = ['file:///course.md', 'file:///d%C3%A9j%C3%A0/"x".md', 'untitled:Untitled-1'];
    const last = new Map<string, Diagnostic[]>();
    for (let round = 0; round < 60; round++) {
      const uri = uris[Math.floor(r() * uris.length)]!;
      const before = last.get(uri) ?? [];
      const next: Diagnostic[] = [];
      // Sometimes a line added above them all: every diagnostic remade (most of the list new).
      const moveAll = r() < 0.2;
      for (const d of before) {
        const x = moveAll ? 0.75 : r();
        if (x < 0.7)
          next.push(d); // handed on as the same object
        else if (x < 0.85)
          next.push({
            ...d,
            range: { start: { ...d.range.start, line: d.range.start.line + 1 }, end: d.range.end },
          });
        else if (x < 0.9) next.push({ ...d, message: `${d.message}!` });
        // else dropped
      }
      const fresh = Math.floor(r() * (round === 0 ? 200 : 20));
      for (let i = 0; i < fresh; i++)
        next.splice(Math.floor(r() * (next.length + 1)), 0, diagnostic(r));
      // A diagnostic handed on twice in one list, and one moved to another place in it.
      if (next.length > 2 && r() < 0.3) next.push(next[0]!);
      if (next.length > 3 && r() < 0.3) next.unshift(next.splice(2, 1)[0]!);
      last.set(uri, next);
      const version = r() < 0.8 ? round + 1 : undefined;
      const msg = publish(uri, next, version);
      assert.deepEqual(encoder.bytes(msg as never), stock(msg), `seed ${seed}, round ${round}`);
    }
  }
});

test('other messages, an empty list and other charsets encode as the stock encoder does', () => {
  const encoder = new DiagnosticsEncoder();
  const messages: object[] = [
    { jsonrpc: '2.0', id: 1, result: { capabilities: { hoverProvider: true } } },
    {
      jsonrpc: '2.0',
      method: 'window/logMessage',
      params: { type: 3, message: 'héllo "diagnostics":[' },
    },
    publish('file:///x.md', []),
    publish('file:///"diagnostics":[]/x.md', [], 4),
    // A request with the method's name is not a publication.
    {
      jsonrpc: '2.0',
      id: 7,
      method: 'textDocument/publishDiagnostics',
      params: { uri: 'u', diagnostics: [] },
    },
    {
      jsonrpc: '2.0',
      method: 'textDocument/publishDiagnostics',
      params: { uri: 'u', diagnostics: [null, 3] },
    },
  ];
  for (const msg of messages) assert.deepEqual(encoder.bytes(msg as never), stock(msg));
  const msg = publish('file:///x.md', [diagnostic(rng(9))]);
  assert.deepEqual(encoder.bytes(msg as never, 'ascii'), Buffer.from(JSON.stringify(msg), 'ascii'));
});

test('a kept diagnostic is frozen: changing it throws instead of publishing stale bytes', () => {
  const encoder = new DiagnosticsEncoder();
  const d = diagnostic(rng(5));
  delete d.relatedInformation;
  encoder.bytes(publish('file:///x.md', [d]) as never);
  assert.throws(() => {
    d.message = 'changed';
  }, TypeError);
  assert.throws(() => {
    d.range.start.line = 1;
  }, TypeError);
});

test('encode resolves with the bytes, as a content-type encoder', async () => {
  const encoder = new DiagnosticsEncoder();
  const msg = publish('file:///x.md', [diagnostic(rng(6))], 2);
  assert.deepEqual(
    Buffer.from(await encoder.encode(msg as never, { charset: 'utf-8' })),
    stock(msg),
  );
});
