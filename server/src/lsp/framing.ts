// The language server's input over a stream (--stdio), checked frame by frame before
// vscode-jsonrpc reads it. Its reader trusts the headers: after `Content-Length: abc` it reported
// one error and then read the following body as headers, and after a `Content-Length` larger
// than the body it waited for bytes that were the next messages; either way the server stayed
// alive and answered nothing again (found by a protocol-abuse run), so a client's restart logic
// never replaced it. Here every frame is re-framed: a header block without a usable
// Content-Length, or bytes where a header should start, are skipped up to the next
// "Content-Length:"; a body that runs into the next frame's header is cut there (no JSON can
// hold that header: it ends in a raw line break after its digits, and JSON allows a raw line
// break neither inside a string nor next to a bare word). What is skipped is reported; the next
// valid frame is answered.
import { Transform, type TransformCallback } from 'node:stream';

/** A message larger than this is refused (a 20 MB outline is about 40 MB of JSON at worst). */
export const MAX_MESSAGE_BYTES = 256 * 1024 * 1024;
/** A header block is a few dozen bytes; this many without its end is no header. */
const MAX_HEADER_BYTES = 64 * 1024;

const CRLFCRLF = Buffer.from('\r\n\r\n');
const HEADER_NAME = 'content-length:';
/** A frame header where a body should be: "Content-Length:", spaces, digits, spaces, CR. */
const HEADER_IN_BODY = /Content-Length:[ \t]*\d+[ \t]*\r/i;
/** Bytes of a body scanned again with the next chunk, so a header cut in two is still seen. */
const OVERLAP = 48;

export class FrameSanitizer extends Transform {
  /** Bytes not yet framed, while reading headers. */
  private head: Buffer = Buffer.alloc(0);
  /** The body being read: its declared length, the chunks so far and their size. */
  private length = -1;
  private body: Buffer[] = [];
  private bodySize = 0;
  /** Input is being skipped: one report for the whole run. */
  private skipping = false;

  constructor(private readonly report: (problem: string) => void) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    try {
      this.accept(chunk);
    } catch (err) {
      // Never let a framing problem end the stream: drop what is buffered and start over.
      this.report(`input dropped (${err instanceof Error ? err.message : String(err)})`);
      this.head = Buffer.alloc(0);
      this.length = -1;
      this.body = [];
      this.bodySize = 0;
    }
    done();
  }

  private accept(chunk: Buffer): void {
    let data: Buffer | null = chunk;
    while (data && data.length) {
      if (this.length < 0) {
        this.head = this.head.length ? Buffer.concat([this.head, data]) : data;
        data = null;
        if (!this.readHeaders()) return;
        data = this.head;
        this.head = Buffer.alloc(0);
      }
      data = this.readBody(data);
    }
  }

  /** Reads a header block from `head`; true when a body is to be read (from `head`). */
  private readHeaders(): boolean {
    for (;;) {
      const end = this.head.indexOf(CRLFCRLF);
      if (end < 0) {
        if (this.head.length > MAX_HEADER_BYTES) this.skip('a header block that never ends', 1);
        return false;
      }
      const length = contentLength(this.head.subarray(0, end).toString('latin1'));
      if (typeof length === 'string') {
        // The next frame may start inside this block (after the tail of a body cut short).
        this.skip(length, 1);
        continue;
      }
      this.head = this.head.subarray(end + CRLFCRLF.length);
      if (length === 0) {
        if (!this.skipping) this.report('unreadable input skipped: a message of 0 bytes');
        this.skipping = true;
        continue;
      }
      this.length = length;
      this.body = [];
      this.bodySize = 0;
      return true;
    }
  }

  /** Adds `data` to the body; returns what follows the body (the next frame), or null. */
  private readBody(data: Buffer): Buffer | null {
    // Look for a frame header in the new part of the body (and a little before it).
    const before = Math.min(OVERLAP, this.bodySize);
    const want = Math.min(data.length, this.length - this.bodySize);
    const window = Buffer.concat([this.lastBytes(before), data.subarray(0, want)]);
    const m = HEADER_IN_BODY.exec(window.toString('latin1'));
    if (m) {
      const at = this.bodySize - before + m.index;
      if (!this.skipping)
        this.report(
          `a message declared ${this.length} bytes, but the next message starts after ${at}; it was dropped`,
        );
      this.skipping = true;
      const rest = Buffer.concat([window.subarray(m.index), data.subarray(want)]);
      this.length = -1;
      this.body = [];
      this.bodySize = 0;
      return rest;
    }
    this.body.push(data.subarray(0, want));
    this.bodySize += want;
    if (this.bodySize < this.length) return null;
    // The body goes on in the pieces it came in (one copy less of a large message).
    this.push(Buffer.from(`Content-Length: ${this.bodySize}\r\n\r\n`, 'latin1'));
    for (const piece of this.body) this.push(piece);
    this.skipping = false;
    this.length = -1;
    this.body = [];
    this.bodySize = 0;
    return data.subarray(want);
  }

  private lastBytes(n: number): Buffer {
    const parts: Buffer[] = [];
    let need = n;
    for (let i = this.body.length - 1; i >= 0 && need > 0; i--) {
      const b = this.body[i]!;
      parts.unshift(b.subarray(Math.max(0, b.length - need)));
      need -= b.length;
    }
    return Buffer.concat(parts);
  }

  /** Skips `head` to the next "Content-Length:" at or after `from` (a frame's own header, or
   * one in a JSON string, which is then skipped in turn), keeping a tail that may be the start
   * of one cut in two; reports why, once for a run of unreadable input. */
  private skip(why: string, from: number): void {
    if (!this.skipping) this.report(`unreadable input skipped: ${why}`);
    this.skipping = true;
    const rest = this.head.subarray(from);
    const text = rest.toString('latin1').toLowerCase();
    const next = text.indexOf(HEADER_NAME);
    if (next >= 0) {
      this.head = rest.subarray(next);
      return;
    }
    let keep = Math.min(text.length, HEADER_NAME.length - 1);
    while (keep > 0 && !HEADER_NAME.startsWith(text.slice(text.length - keep))) keep--;
    this.head = rest.subarray(rest.length - keep);
  }
}

/** The Content-Length of a header block, or why there is none to trust. */
function contentLength(headers: string): number | string {
  let length: number | string = 'a header block without Content-Length';
  for (const line of headers.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0)
      return `a header line that is not "Name: value": ${JSON.stringify(line.slice(0, 80))}`;
    if (line.slice(0, colon).trim().toLowerCase() !== 'content-length') continue;
    const value = line.slice(colon + 1).trim();
    if (!/^\d{1,12}$/.test(value))
      return `Content-Length is not a number: ${JSON.stringify(value.slice(0, 40))}`;
    const n = Number(value);
    if (n > MAX_MESSAGE_BYTES) return `Content-Length ${n} is over ${MAX_MESSAGE_BYTES}`;
    length = n;
  }
  return length;
}
