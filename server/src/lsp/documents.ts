// The open documents, as the editor has them: what `TextDocuments` of vscode-languageserver does,
// with every notification checked first. A client may send what the protocol does not allow
// (found by a protocol-abuse run): a `didOpen` whose URI is a number made every later change
// fail until that document was closed, and a change whose range starts past the end left holes
// in the document's line table, so that later edits landed in the wrong place. Here a
// notification that is not well formed is refused with a message (the other documents carry on),
// and a change is applied as LSP says: a position past the end of a line is its end, past the
// last line the end of the document, before the start the start; a change without a range (or
// with `"range": null`) replaces the whole text.
import type {
  Connection,
  DidChangeTextDocumentParams,
  DidCloseTextDocumentParams,
  DidOpenTextDocumentParams,
  Position,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';

export interface DocumentEvents {
  /** A document was opened or its text changed. */
  changed(doc: TextDocument): void;
  closed(doc: TextDocument): void;
  /** A notification was refused or a change left out, and why (for the log). */
  refused(message: string): void;
}

export class DocumentStore {
  private readonly docs = new Map<string, TextDocument>();

  constructor(private readonly events: DocumentEvents) {}

  get(uri: string): TextDocument | undefined {
    return typeof uri === 'string' ? this.docs.get(uri) : undefined;
  }

  all(): TextDocument[] {
    return [...this.docs.values()];
  }

  listen(connection: Connection): void {
    connection.onDidOpenTextDocument((p) => this.open(p));
    connection.onDidChangeTextDocument((p) => this.change(p));
    connection.onDidCloseTextDocument((p) => this.close(p));
  }

  open(params: DidOpenTextDocumentParams): void {
    const td: unknown = (params as unknown as { textDocument?: unknown } | null)?.textDocument;
    if (!isRecord(td) || typeof td.uri !== 'string' || typeof td.text !== 'string') {
      this.events.refused(
        'textDocument/didOpen ignored: it needs textDocument.uri and textDocument.text as strings',
      );
      return;
    }
    const doc = TextDocument.create(
      td.uri,
      typeof td.languageId === 'string' ? td.languageId : '',
      isVersion(td.version) ? td.version : 0,
      td.text,
    );
    this.docs.set(td.uri, doc);
    this.events.changed(doc);
  }

  change(params: DidChangeTextDocumentParams): void {
    const p: unknown = params;
    const td = isRecord(p) ? p.textDocument : undefined;
    const uri = isRecord(td) ? td.uri : undefined;
    const doc = typeof uri === 'string' ? this.docs.get(uri) : undefined;
    if (!doc) {
      this.events.refused(
        typeof uri === 'string'
          ? `textDocument/didChange ignored: ${uri} is not open`
          : 'textDocument/didChange ignored: it needs textDocument.uri as a string',
      );
      return;
    }
    const changes = isRecord(p) ? p.contentChanges : undefined;
    if (!Array.isArray(changes)) {
      this.events.refused(`textDocument/didChange ignored: no contentChanges list for ${doc.uri}`);
      return;
    }
    const version = isRecord(td) && isVersion(td.version) ? td.version : doc.version + 1;
    // One change at a time: each change's range is in the text the previous ones left.
    for (const change of changes) {
      if (!isRecord(change) || typeof change.text !== 'string') {
        this.events.refused(`a change to ${doc.uri} was left out: it has no text`);
        continue;
      }
      if (change.range === undefined || change.range === null) {
        TextDocument.update(doc, [{ text: change.text }], doc.version);
        continue;
      }
      const range = isRecord(change.range) ? change.range : {};
      const start = position(range.start);
      const end = position(range.end);
      if (!start || !end) {
        this.events.refused(`a change to ${doc.uri} was left out: its range is not a range`);
        continue;
      }
      // offsetAt clamps to the text (and keeps a position out of the middle of a CRLF); the
      // range is then rebuilt from the clamped offsets, in order.
      const a = doc.offsetAt(start);
      const b = doc.offsetAt(end);
      TextDocument.update(
        doc,
        [
          {
            range: { start: doc.positionAt(Math.min(a, b)), end: doc.positionAt(Math.max(a, b)) },
            text: change.text,
          },
        ],
        doc.version,
      );
    }
    TextDocument.update(doc, [], version);
    this.events.changed(doc);
  }

  close(params: DidCloseTextDocumentParams): void {
    const td: unknown = (params as unknown as { textDocument?: unknown } | null)?.textDocument;
    const uri = isRecord(td) ? td.uri : undefined;
    const doc = typeof uri === 'string' ? this.docs.get(uri) : undefined;
    if (!doc) return;
    this.docs.delete(doc.uri);
    this.events.closed(doc);
  }
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null;
}

function isVersion(x: unknown): x is number {
  return typeof x === 'number' && Number.isInteger(x);
}

/** A position with numeric line and character (fractions cut, infinities kept: offsetAt
 * clamps them), or null. */
function position(x: unknown): Position | null {
  if (!isRecord(x)) return null;
  const { line, character } = x;
  if (typeof line !== 'number' || typeof character !== 'number') return null;
  if (Number.isNaN(line) || Number.isNaN(character)) return null;
  const clamp = (n: number) => (Number.isFinite(n) ? Math.trunc(n) : n > 0 ? 2 ** 31 - 1 : -1);
  return { line: clamp(line), character: clamp(character) };
}
