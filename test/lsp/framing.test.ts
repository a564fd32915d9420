// The stdio input re-framing (server/src/lsp/framing.ts) on its own: good frames pass through
// unchanged however they are split, bad ones are skipped up to the next good one.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FrameSanitizer } from '../../server/src/lsp/framing.js';

const frame = (json: string) => `Content-Length: ${Buffer.byteLength(json)}\r\n\r\n${json}`;

/** Feeds `input` in pieces of `size` bytes; returns the bodies that come out and the reports. */
function run(input: string | Buffer, size = Infinity): { bodies: string[]; problems: string[] } {
  const problems: string[] = [];
  const s = new FrameSanitizer((p) => problems.push(p));
  const out: Buffer[] = [];
  s.on('data', (b: Buffer) => out.push(b));
  const bytes = typeof input === 'string' ? Buffer.from(input) : input;
  for (let i = 0; i < bytes.length; i += Math.min(size, bytes.length))
    s.write(bytes.subarray(i, Math.min(bytes.length, i + size)));
  const text = Buffer.concat(out).toString('utf8');
  const bodies: string[] = [];
  const re = /Content-Length: (\d+)\r\n\r\n/y;
  let at = 0;
  while (at < text.length) {
    re.lastIndex = at;
    const m = re.exec(text);
    assert.ok(m, `output is framed at ${at}: ${JSON.stringify(text.slice(at, at + 40))}`);
    const start = at + m[0].length;
    const body = Buffer.from(text.slice(start)).subarray(0, Number(m[1])).toString('utf8');
    bodies.push(body);
    at = start + body.length;
  }
  return { bodies, problems };
}

const A = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'a', params: { text: 'é 😀 \\r\\n' } });
const B = JSON.stringify({
  jsonrpc: '2.0',
  method: 'b',
  params: { s: 'Content-Length: 5\r\n\r\n' },
});

test('good frames pass unchanged, whole or split at every byte', () => {
  for (const size of [Infinity, 1, 2, 7, 64]) {
    const r = run(frame(A) + frame(B) + `content-length: 2\r\nContent-Type: x\r\n\r\n{}`, size);
    assert.deepEqual(r.bodies, [A, B, '{}'], `pieces of ${size}`);
    assert.deepEqual(r.problems, []);
  }
});

test('"Content-Length: abc", a header line without a colon, an empty message: skipped to the next frame', () => {
  for (const size of [Infinity, 3]) {
    for (const bad of [
      `Content-Length: abc\r\n\r\n${A}`,
      'Garbage\r\n\r\n',
      'Content-Length: 0\r\n\r\n',
      `Content-Length: 99999999999999\r\n\r\n${A}`,
      `Content-Type: application/json\r\n\r\n${A}`,
    ]) {
      const r = run(frame(A) + bad + frame(B), size);
      assert.deepEqual(
        r.bodies,
        [A, B],
        `${JSON.stringify(bad.slice(0, 30))} in pieces of ${size}`,
      );
      assert.equal(r.problems.length, 1, r.problems.join('\n'));
    }
  }
});

test('a Content-Length larger than the body: the body is cut where the next frame starts', () => {
  for (const size of [Infinity, 5]) {
    const r = run(`Content-Length: ${A.length + 500}\r\n\r\n${A}` + frame(B) + frame(A), size);
    assert.deepEqual(r.bodies, [B, A], `pieces of ${size}`);
    assert.match(r.problems.join('\n'), /declared \d+ bytes/);
  }
});

test('a Content-Length smaller than the body: the rest is skipped to the next frame', () => {
  const r = run(`Content-Length: 10\r\n\r\n${A}` + frame(B));
  assert.deepEqual(r.bodies, [A.slice(0, 10), B]);
  assert.equal(r.problems.length, 1);
});

test('a large message in small pieces is framed in linear time', () => {
  const big = JSON.stringify({ text: 'x'.repeat(8 * 1024 * 1024) });
  const started = performance.now();
  const r = run(frame(big), 16 * 1024);
  assert.equal(r.bodies[0]!.length, big.length);
  assert.ok(performance.now() - started < 5000, `${performance.now() - started} ms`);
});
