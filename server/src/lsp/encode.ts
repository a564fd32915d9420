// The JSON of the messages the server writes to its output with --stdio (what editors other
// than VS Code start it with, and the benchmarks), each diagnostic's JSON kept across
// publications. On a long outline every edit publishes the whole list again
// (`publishDiagnostics` carries all of a document's diagnostics): about 10,800 diagnostics, 4.2
// MB of JSON, made with one JSON.stringify and copied into a Buffer, 10-12% of the server's work
// per edit in its profile. After an edit inside a line most of the list is the same diagnostic
// objects as last time (convert.ts hands an unchanged one on as the same object): their bytes
// are kept, the new ones encoded together in one JSON.stringify of their list (a call per
// diagnostic costs more than one for the whole message), and the message is put together from
// the pieces. When most of the list is new (a line added or removed above it moves every
// diagnostic after it), the message is encoded whole as before and its list cut into the
// diagnostics' bytes for the next publication.
//
// The bytes written are exactly what vscode-jsonrpc's own encoder writes (JSON.stringify of the
// message, UTF-8). A diagnostic is never changed once made (convert.ts makes a new object for a
// new range, message or severity); the kept bytes rely on that, so a diagnostic is frozen when
// its bytes are kept, and a change after that throws instead of publishing stale bytes.
//
// VS Code's client talks to the server over Node IPC (--node-ipc), where `process.send`
// serialises the message itself: this encoder does not apply there (nor to --socket and --pipe,
// which vscode-languageserver sets up with its own writer).
import type { ContentTypeEncoderOptions, Diagnostic, Message } from 'vscode-languageserver/node.js';

const PUBLISH = 'textDocument/publishDiagnostics';
const KEY = '"diagnostics":[';
const COMMA = Buffer.from(',');
/** Between two diagnostics in a list's JSON: one ends with `}`, the next starts with `{"` (its
 * first key: a diagnostic has a message). Never inside a JSON string, where `"` is escaped. */
const BETWEEN = Buffer.from('},{"');

/** Where one diagnostic's JSON lies: bytes `start` to `end` of `batch`, the JSON of the list of
 * the diagnostics first published together with it. */
interface Kept {
  batch: Buffer;
  start: number;
  end: number;
}

/** What a diagnostic holds of its JSON (a hidden property: JSON.stringify and Object.keys skip
 * it): where it lies, for the document state and generation it was kept in. A WeakMap of some
 * 10,000 entries per document cost more to fill and to collect than the JSON it saved. */
interface Holder extends Kept {
  doc: DocumentState;
  gen: number;
}
const HOLDER = Symbol('bloomline.diagnosticJson');

function keptOf(doc: DocumentState, d: object): Kept | undefined {
  const h = (d as { [HOLDER]?: Holder })[HOLDER];
  return h !== undefined && h.doc === doc && h.gen === doc.gen ? h : undefined;
}

/** Keeps `k` for `d` (then frozen). */
function keep(doc: DocumentState, d: object, k: Kept): void {
  const h = (d as { [HOLDER]?: Holder })[HOLDER];
  if (h !== undefined) {
    h.doc = doc;
    h.gen = doc.gen;
    h.batch = k.batch;
    h.start = k.start;
    h.end = k.end;
    return;
  }
  const holder: Holder = { batch: k.batch, start: k.start, end: k.end, doc, gen: doc.gen };
  Object.defineProperty(d, HOLDER, { value: holder });
  freeze(d as Partial<Diagnostic>);
}

/** One document's kept JSON: by diagnostic object, and how many bytes of batches were made
 * since it was last emptied (a batch is held while any diagnostic of it is kept). */
interface DocumentState {
  /** Diagnostics kept with another generation are not kept (it grows to let go of them). */
  gen: number;
  made: number;
  /** The bytes of the list last published. */
  size: number;
}

export class DiagnosticsEncoder {
  readonly name = 'application/json';
  private readonly documents = new Map<string, DocumentState>();

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
    const params = (msg as unknown as { params: { uri?: unknown } }).params;
    // The message with an empty list, cut where the list's items go. Every double quote inside
    // a JSON string is escaped, so `"diagnostics":[` with bare quotes is the key itself.
    const shell = JSON.stringify({ ...msg, params: { ...params, diagnostics: [] } }, undefined, 0);
    const at = shell.indexOf(KEY + ']');
    const uri = typeof params.uri === 'string' ? params.uri : undefined;
    if (at < 0 || uri === undefined) return Buffer.from(JSON.stringify(msg, undefined, 0), 'utf-8');
    if (!list.length) {
      // A document's diagnostics cleared (closed, fixed, deleted): nothing of it is kept.
      this.documents.delete(uri);
      return Buffer.from(shell, 'utf-8');
    }
    let doc = this.documents.get(uri);
    if (!doc) this.documents.set(uri, (doc = { gen: 0, made: 0, size: 0 }));
    const objects = list as readonly object[];
    let fresh = 0;
    for (const d of objects) if (keptOf(doc, d) === undefined) fresh++;
    if (fresh * 2 > objects.length) {
      const head = Buffer.byteLength(shell.slice(0, at + KEY.length), 'utf-8');
      const tail = Buffer.byteLength(shell.slice(at + KEY.length), 'utf-8');
      return this.whole(doc, msg, objects, head, tail);
    }
    const found = this.find(doc, objects);
    const parts: Buffer[] = [Buffer.from(shell.slice(0, at + KEY.length), 'utf-8')];
    // Runs of diagnostics that lie one after the other in one batch go as one part.
    let run = found[0]!;
    let runEnd = run.end;
    for (let i = 1; i < found.length; i++) {
      const k = found[i]!;
      if (k.batch === run.batch && k.start === runEnd + 1) {
        runEnd = k.end;
        continue;
      }
      parts.push(run.batch.subarray(run.start, runEnd), COMMA);
      run = k;
      runEnd = k.end;
    }
    parts.push(run.batch.subarray(run.start, runEnd));
    parts.push(Buffer.from(shell.slice(at + KEY.length), 'utf-8'));
    return Buffer.concat(parts);
  }

  /** Most of the list is new (a line added or removed above moves every diagnostic after it):
   * the stock encoding, whose list is cut into the diagnostics' bytes kept for the next
   * publication (the message's buffer is their batch; what was kept before is let go). */
  private whole(
    doc: DocumentState,
    msg: Message,
    list: readonly object[],
    head: number,
    tail: number,
  ): Buffer {
    const whole = Buffer.from(JSON.stringify(msg, undefined, 0), 'utf-8');
    doc.gen++;
    doc.made = whole.length;
    doc.size = whole.length;
    // The message is the shell with the list filled in: the same bytes before and after it.
    const open = head - 1; // the list's `[`
    const close = whole.length - tail; // its `]`
    if (!list.every((d) => typeof (d as { message?: unknown }).message === 'string')) return whole;
    const cuts = cutsOf(whole.subarray(open, close + 1), list.length);
    if (!cuts) return whole;
    for (let i = 0; i < list.length; i++) {
      const d = list[i]!;
      if (!batchable(d) || keptOf(doc, d) !== undefined) continue;
      const start = open + (i === 0 ? 1 : cuts[i - 1]! + 2);
      const end = i === list.length - 1 ? close : open + cuts[i]! + 1;
      keep(doc, d, { batch: whole, start, end });
    }
    return whole;
  }

  /** Where each diagnostic's JSON lies: kept, or in a batch made now of those not kept (one
   * JSON.stringify of their list, cut where one ends and the next starts). */
  private find(doc: DocumentState, list: readonly object[]): Kept[] {
    const found: (Kept | undefined)[] = [];
    let fresh: object[] = [];
    for (const d of list) {
      const k = keptOf(doc, d);
      found.push(k);
      if (k === undefined && batchable(d)) fresh.push(d);
    }
    if (fresh.length && doc.made > 2 * doc.size + 65536) {
      // Batches are held while any of their diagnostics is kept: once more bytes were made
      // than twice what the last list took, start again from nothing (every batch let go).
      doc.gen++;
      doc.made = 0;
      found.fill(undefined);
      fresh = list.filter(batchable);
    }
    let cuts: number[] | null = null;
    let batch = EMPTY;
    if (fresh.length) {
      batch = Buffer.from(JSON.stringify(fresh), 'utf-8');
      cuts = cutsOf(batch, fresh.length);
      if (cuts) doc.made += batch.length;
    }
    let f = 0;
    let size = 0;
    for (let i = 0; i < found.length; i++) {
      let k = found[i];
      if (k === undefined) {
        const d = list[i]!;
        if (cuts && f < fresh.length && fresh[f] === d) {
          const start = f === 0 ? 1 : cuts[f - 1]! + 2;
          const end = f === fresh.length - 1 ? batch.length - 1 : cuts[f]! + 1;
          f++;
          k = keptOf(doc, d) ?? { batch, start, end }; // the same object twice: its first bytes
        } else {
          // Not batched (related locations, data) or the batch not cut: its own JSON.
          const own = Buffer.from(JSON.stringify(d), 'utf-8');
          k = { batch: own, start: 0, end: own.length };
          if (fresh[f] === d) f++;
          if (batchable(d)) doc.made += own.length;
        }
        if (batchable(d) && keptOf(doc, d) === undefined) keep(doc, d, k);
        found[i] = k;
      }
      size += k.end - k.start + 1;
    }
    doc.size = size;
    return found as Kept[];
  }
}

const EMPTY = Buffer.alloc(0);

/** Where each diagnostic of a batch ends (the `}` before `,{"`): the JSON of `[d1,d2,...]` of
 * `count` diagnostics that each have a key and hold no list of objects has exactly count - 1
 * such places. Null if it has not (then each is encoded alone). */
function cutsOf(batch: Buffer, count: number): number[] | null {
  const cuts: number[] = [];
  for (let at = batch.indexOf(BETWEEN, 1); at >= 0; at = batch.indexOf(BETWEEN, at + 1)) {
    if (cuts.length === count - 1) return null;
    cuts.push(at);
  }
  return cuts.length === count - 1 ? cuts : null;
}

/** A diagnostic whose JSON is batched and kept: its JSON has a key (a message) and holds no
 * list of objects. One with related locations is also made afresh for each publication (they
 * lie in other files' lines), and what they point at is not the encoder's to freeze. */
function batchable(d: object): boolean {
  const x = d as Partial<Diagnostic>;
  return (
    typeof x.message === 'string' && x.relatedInformation === undefined && x.data === undefined
  );
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
  if (d.tags) Object.freeze(d.tags);
  Object.freeze(d);
}
