// A strict JSON reader (RFC 8259) that keeps where every value stands in the text, so a
// notebook's Markdown can be mapped back to the lines of the file as stored and its fixes
// written into the right string literals. JSON.parse gives values without positions; this
// gives both. Nesting is limited (a hostile file cannot overflow the stack), and a syntax error
// is a JsonError with the offset where reading stopped, never anything else.

export type JsonNode = JsonObject | JsonArray | JsonString | JsonScalar;

interface NodeBase {
  /** Offset of the value's first character. */
  start: number;
  /** Offset just past the value's last character. */
  end: number;
}

export interface JsonObject extends NodeBase {
  type: 'object';
  /** Members in the order written; for a key written twice the last one counts, as in
   * JSON.parse (see `member`). */
  members: { key: string; value: JsonNode }[];
}

export interface JsonArray extends NodeBase {
  type: 'array';
  items: JsonNode[];
}

export interface JsonString extends NodeBase {
  type: 'string';
  /** The decoded value. `start` is the opening quote, `end` is just past the closing one. */
  value: string;
  /** False when the literal has no escape: the value is then the text between the quotes. */
  escaped: boolean;
}

export interface JsonScalar extends NodeBase {
  type: 'number' | 'boolean' | 'null';
}

export class JsonError extends Error {
  constructor(
    message: string,
    /** Offset where the text stopped being JSON. */
    readonly offset: number,
  ) {
    super(message);
  }
}

/** Deeper nesting than this is refused (notebooks nest about six levels). */
export const MAX_JSON_DEPTH = 512;

/** The last value written for a key (JSON.parse's rule for duplicate keys). */
export function member(node: JsonObject, key: string): JsonNode | undefined {
  for (let i = node.members.length - 1; i >= 0; i--)
    if (node.members[i]!.key === key) return node.members[i]!.value;
  return undefined;
}

export function parseJson(text: string): JsonNode {
  const reader = new Reader(text);
  reader.space();
  const value = reader.value(0);
  reader.space();
  if (reader.pos < text.length) reader.fail('unexpected text after the JSON value');
  return value;
}

/** JSON's one-character escapes (shared with located-json.ts). */
export const ESCAPES: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f]/;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

class Reader {
  pos = 0;

  constructor(private readonly text: string) {}

  fail(what: string, at = this.pos): never {
    throw new JsonError(what, at);
  }

  space(): void {
    const t = this.text;
    let c = t.charCodeAt(this.pos);
    while (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) c = t.charCodeAt(++this.pos);
  }

  value(depth: number): JsonNode {
    if (depth > MAX_JSON_DEPTH) this.fail(`nested more than ${MAX_JSON_DEPTH} levels deep`);
    const c = this.text[this.pos];
    if (c === '{') return this.object(depth);
    if (c === '[') return this.array(depth);
    if (c === '"') return this.string();
    if (c === undefined) this.fail('unexpected end of the file');
    const start = this.pos;
    for (const [word, type] of [
      ['true', 'boolean'],
      ['false', 'boolean'],
      ['null', 'null'],
    ] as const) {
      if (this.text.startsWith(word, start)) {
        this.pos += word.length;
        return { type, start, end: this.pos };
      }
    }
    NUMBER.lastIndex = start;
    if (NUMBER.test(this.text)) {
      this.pos = NUMBER.lastIndex;
      return { type: 'number', start, end: this.pos };
    }
    return this.fail(`unexpected ${describe(c)}`);
  }

  private object(depth: number): JsonObject {
    const start = this.pos++;
    const members: JsonObject['members'] = [];
    this.space();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return { type: 'object', start, end: this.pos, members };
    }
    for (;;) {
      if (this.text[this.pos] !== '"') this.fail('expected a quoted property name');
      const key = this.string().value;
      this.space();
      if (this.text[this.pos] !== ':') this.fail(`expected ":" after the property name`);
      this.pos++;
      this.space();
      members.push({ key, value: this.value(depth + 1) });
      this.space();
      const c = this.text[this.pos];
      if (c === ',') {
        this.pos++;
        this.space();
        continue;
      }
      if (c === '}') {
        this.pos++;
        return { type: 'object', start, end: this.pos, members };
      }
      this.fail(`expected "," or "}" after a property value`);
    }
  }

  private array(depth: number): JsonArray {
    const start = this.pos++;
    const items: JsonNode[] = [];
    this.space();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return { type: 'array', start, end: this.pos, items };
    }
    for (;;) {
      items.push(this.value(depth + 1));
      this.space();
      const c = this.text[this.pos];
      if (c === ',') {
        this.pos++;
        this.space();
        continue;
      }
      if (c === ']') {
        this.pos++;
        return { type: 'array', start, end: this.pos, items };
      }
      this.fail(`expected "," or "]" after an array item`);
    }
  }

  string(): JsonString {
    const t = this.text;
    const start = this.pos;
    const close = t.indexOf('"', start + 1);
    if (close < 0) this.fail('a string that never closes', start);
    const backslash = t.indexOf('\\', start + 1);
    if (backslash < 0 || backslash > close) {
      // The common case: no escapes, the value is the text between the quotes.
      const value = t.slice(start + 1, close);
      if (CONTROL.test(value)) this.controlCharacter(start + 1, close);
      this.pos = close + 1;
      return { type: 'string', start, end: this.pos, value, escaped: false };
    }
    let value = '';
    let i = start + 1;
    let from = i;
    for (;;) {
      const c = t.charCodeAt(i);
      if (Number.isNaN(c)) this.fail('a string that never closes', start);
      if (c === 0x22) break;
      if (c < 0x20) this.controlCharacter(i, i + 1);
      if (c !== 0x5c) {
        i++;
        continue;
      }
      value += t.slice(from, i);
      const e = t[i + 1];
      if (e === 'u') {
        const hex = t.slice(i + 2, i + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('a \\u escape needs four hex digits', i);
        value += String.fromCharCode(parseInt(hex, 16));
        i += 6;
      } else if (e !== undefined && e in ESCAPES) {
        value += ESCAPES[e];
        i += 2;
      } else {
        this.fail(`invalid escape "\\${e ?? ''}" in a string`, i);
      }
      from = i;
    }
    value += t.slice(from, i);
    this.pos = i + 1;
    return { type: 'string', start, end: this.pos, value, escaped: true };
  }

  private controlCharacter(from: number, to: number): never {
    let i = from;
    while (i < to && this.text.charCodeAt(i) >= 0x20) i++;
    return this.fail('a line break or control character inside a string (it must be escaped)', i);
  }
}

function describe(c: string): string {
  return /^[\x21-\x7e]$/.test(c) ? `"${c}"` : `character U+${c.codePointAt(0)!.toString(16)}`;
}

/**
 * Where each UTF-16 unit of a string literal's value stands in the text: `starts[i]` is the
 * offset of the unit's first character in the literal (its escape, if escaped), and
 * `starts[value.length]` the closing quote. Calls `each(i, start, end)` for every unit.
 */
export function forEachStringUnit(
  text: string,
  node: JsonString,
  each: (index: number, start: number, end: number) => void,
): void {
  let i = node.start + 1;
  const stop = node.end - 1;
  let index = 0;
  if (!node.escaped) {
    for (; i < stop; i++) each(index++, i, i + 1);
    return;
  }
  while (i < stop) {
    if (text.charCodeAt(i) !== 0x5c) {
      each(index++, i, i + 1);
      i++;
    } else {
      const width = text[i + 1] === 'u' ? 6 : 2;
      each(index++, i, i + width);
      i += width;
    }
  }
}

/** A string as the content of a JSON string literal (without the quotes). */
export function escapeJsonContent(value: string): string {
  return JSON.stringify(value).slice(1, -1);
}
