// The JSON of the messages the server writes to its output with --stdio (what editors other than
// VS Code start it with), each diagnostic's JSON kept across publications. On a long outline every edit publishes the
// whole list again (`publishDiagnostics` carries all of a document's diagnostics): about 10,800
// diagnostics, 4.2 MB of JSON, made with one JSON.stringify and copied into a Buffer, 10-12% of
// the server's work per edit in its profile. Most of the list is the same diagnostic objects as
// last time (convert.ts hands an unchanged one on as the same object), so the bytes of each are
// kept by object and the message is put together from them: only new diagnostics are encoded.
//
// The bytes written are exactly what vscode-jsonrpc's own encoder writes (JSON.stringify of the
// message, UTF-8). A diagnostic is never changed once made (convert.ts makes a new object for a
// new range, message or severity); the kept bytes rely on that, so a diagnostic is frozen when
// it is first encoded, and a change after that throws instead of publishing stale bytes.
//
// VS Code's client talks to the server over Node IPC (--node-ipc), where `process.send`
// serialises the message itself: this encoder does not apply there (nor to --socket and --pipe,
// which vscode-languageserver sets up with its own writer).
import type { ContentTypeEncoderOptions, Diagnostic, Message } from 'vscode-languageserver/node.js';

const PUBLISH = 'textDocument/publishDiagnostics';
const KEY = '"diagnostics":[';
const COMMA = Buffer.from(',');

export class DiagnosticsEncoder {
  readonly name = 'application/json';
  /** Each published diagnostic's JSON, by the diagnostic object. */
  private readonly kept = new WeakMap<object, Buffer>();

  encode(msg: Message, options: ContentTypeEncoderOptions): Promise<Uint8Array> {
    try {
      return Promise.resolve(this.bytes(msg, options.charset));
    } catch (err) {
      return Promise.reject(err);
    }
  }

  /** The message's JSON as vscode-jsonrpc's encoder makes it: JSON.stringify, in `charset`. */
  bytes(msg: Message, charset: BufferEncoding | string = 'utf-8'): Buffer {
    const list = charset === 'utf-8' || charset === 'utf8' ? diagnosticsOf(msg) : undefined;
    if (!list) return Buffer.from(JSON.stringify(msg, undefined, 0), charset as BufferEncoding);
    const params = (msg as unknown as { params: object }).params;
    // The message with an empty list, cut where the list's items go. Every double quote inside
    // a JSON string is escaped, so `"diagnostics":[` with bare quotes is the key itself.
    const shell = JSON.stringify({ ...msg, params: { ...params, diagnostics: [] } }, undefined, 0);
    const at = shell.indexOf(KEY + ']');
    if (at < 0) return Buffer.from(JSON.stringify(msg, undefined, 0), 'utf-8');
    const parts: Buffer[] = [Buffer.from(shell.slice(0, at + KEY.length), 'utf-8')];
    for (let i = 0; i < list.length; i++) {
      if (i > 0) parts.push(COMMA);
      parts.push(this.of(list[i] as object));
    }
    parts.push(Buffer.from(shell.slice(at + KEY.length), 'utf-8'));
    return Buffer.concat(parts);
  }

  private of(diagnostic: object): Buffer {
    let b = this.kept.get(diagnostic);
    if (b === undefined) {
      const json = JSON.stringify(diagnostic);
      const d = diagnostic as Partial<Diagnostic>;
      // One with related locations is made afresh for each publication (they lie in other
      // files' lines): not kept, and what it points at is not the encoder's to freeze.
      if (d.relatedInformation !== undefined) return Buffer.from(json, 'utf-8');
      freeze(d);
      // Not a slice of Buffer's shared pool: a kept slice would hold its whole 8 KB pool alive.
      b = Buffer.allocUnsafeSlow(Buffer.byteLength(json, 'utf-8'));
      b.write(json, 'utf-8');
      this.kept.set(diagnostic, b);
    }
    return b;
  }
}

/** The diagnostics of a `publishDiagnostics` notification whose every diagnostic is a plain
 * object (the JSON of anything else inside an array can differ from its own: `undefined`, a
 * function or a `toJSON`); undefined for any other message. */
function diagnosticsOf(msg: Message): readonly unknown[] | undefined {
  const m = msg as { method?: unknown; params?: unknown; id?: unknown; toJSON?: unknown };
  if (m.method !== PUBLISH || m.id !== undefined || typeof m.toJSON === 'function') return;
  const params = m.params as { diagnostics?: unknown; toJSON?: unknown } | undefined;
  if (!params || typeof params !== 'object' || typeof params.toJSON === 'function') return;
  const list = params.diagnostics;
  if (!Array.isArray(list) || typeof (list as { toJSON?: unknown }).toJSON === 'function') return;
  for (const d of list) {
    if (d === null || typeof d !== 'object' || Array.isArray(d)) return;
    if (typeof (d as { toJSON?: unknown }).toJSON === 'function') return;
  }
  return list;
}

/** The diagnostic and the objects convert.ts makes for it: a change after its bytes are kept
 * throws (strict mode) instead of leaving them stale. */
function freeze(d: Partial<Diagnostic>): void {
  if (d.range) {
    Object.freeze(d.range.start);
    Object.freeze(d.range.end);
    Object.freeze(d.range);
  }
  if (d.codeDescription) Object.freeze(d.codeDescription);
  if (d.data !== null && typeof d.data === 'object') Object.freeze(d.data);
  if (d.tags) Object.freeze(d.tags);
  Object.freeze(d);
}
