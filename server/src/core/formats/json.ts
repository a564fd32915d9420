// The one strict JSON reader (RFC 8259). It keeps where every value and key stands in the
// text, so a notebook's Markdown can be mapped back to the lines of the file as stored and its
// fixes written into the right string literals, and a `.bloomline.json` problem shown where it
// is (located-json.ts builds its value from this tree). JSON.parse gives values without
// positions; this gives both. Nesting is limited (a hostile file cannot overflow the stack),
// and a syntax error is a JsonError with the offset where reading stopped and what was expected
// there ("trailing comma before '}'", "comments are not allowed in JSON"), never anything else.

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
  members: { key: string; value: JsonNode; keyStart: number; keyEnd: number }[];
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

/** Deeper nesting than this is refused (notebooks nest about six levels, configuration three). */
export const MAX_JSON_DEPTH = 512;

/** The last value written for a key (JSON.parse's rule for duplicate keys). */
export function member(node: JsonObject, key: string): JsonNode | undefined {
  for (let i = node.members.length - 1; i >= 0; i--)
    if (node.members[i]!.key === key) return node.members[i]!.value;
  return undefined;
}

/** Parses JSON text from `from` (1 skips a byte-order mark the caller has seen). */
export function parseJson(text: string, from = 0): JsonNode {
  const reader = new Reader(text);
  reader.pos = from;
  reader.space();
  const value = reader.value(0);
  reader.space();
  if (reader.pos < text.length) reader.expected('the end of the file after the value');
  return value;
}

/** JSON's one-character escapes. */
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
/** A number or literal, ending where a word does (`tru`, `01`, `1.` are not JSON values). */
const SCALAR = /(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)(?![\w$.])/y;

class Reader {
  pos = 0;

  constructor(private readonly text: string) {}

  fail(what: string, at = this.pos): never {
    throw new JsonError(what, at);
  }

  /** Fails saying what was expected at `at` and what stands there; a comment or a single
   * quote, the usual slips in a hand-written file, is named as such. */
  expected(what: string, at = this.pos): never {
    const t = this.text;
    if (t.startsWith('//', at) || t.startsWith('/*', at))
      this.fail('comments are not allowed in JSON', at);
    if (t[at] === "'") this.fail('strings must use double quotes', at);
    return this.fail(`expected ${what}, found ${describe(t, at)}`, at);
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
    const start = this.pos;
    SCALAR.lastIndex = start;
    if (!SCALAR.test(this.text)) this.expected('a value');
    this.pos = SCALAR.lastIndex;
    const type = c === 't' || c === 'f' ? 'boolean' : c === 'n' ? 'null' : 'number';
    return { type, start, end: this.pos };
  }

  private object(depth: number): JsonObject {
    const start = this.pos++;
    const members: JsonObject['members'] = [];
    this.space();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return { type: 'object', start, end: this.pos, members };
    }
    let comma = -1;
    for (;;) {
      if (this.text[this.pos] !== '"') {
        if (comma >= 0 && this.text[this.pos] === '}')
          this.fail("trailing comma before '}'", comma);
        this.expected('a property name in double quotes');
      }
      const keyStart = this.pos;
      const key = this.string().value;
      const keyEnd = this.pos;
      this.space();
      if (this.text[this.pos] !== ':') this.expected(`':' after the property name "${key}"`);
      this.pos++;
      this.space();
      members.push({ key, value: this.value(depth + 1), keyStart, keyEnd });
      this.space();
      const c = this.text[this.pos];
      if (c === ',') {
        comma = this.pos++;
        this.space();
        continue;
      }
      if (c === '}') {
        this.pos++;
        return { type: 'object', start, end: this.pos, members };
      }
      this.expected("',' or '}' after a property value");
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
    let comma = -1;
    for (;;) {
      if (comma >= 0 && this.text[this.pos] === ']') this.fail("trailing comma before ']'", comma);
      items.push(this.value(depth + 1));
      this.space();
      const c = this.text[this.pos];
      if (c === ',') {
        comma = this.pos++;
        this.space();
        continue;
      }
      if (c === ']') {
        this.pos++;
        return { type: 'array', start, end: this.pos, items };
      }
      this.expected("',' or ']' after an array element");
    }
  }

  string(): JsonString {
    const t = this.text;
    const start = this.pos;
    const close = t.indexOf('"', start + 1);
    const backslash = close < 0 ? -1 : t.indexOf('\\', start + 1);
    if (close >= 0 && (backslash < 0 || backslash > close)) {
      // The common case: no escapes, the value is the text between the quotes.
      const value = t.slice(start + 1, close);
      if (!CONTROL.test(value)) {
        this.pos = close + 1;
        return { type: 'string', start, end: this.pos, value, escaped: false };
      }
    }
    // Escapes, or a problem: read character by character, to report the first problem.
    let value = '';
    let i = start + 1;
    let from = i;
    let escaped = false;
    for (;;) {
      const c = t.charCodeAt(i);
      // A line break in a string most often means its closing quote is missing.
      if (Number.isNaN(c) || c === 0x0a) this.fail('unterminated string', start);
      if (c === 0x22) break;
      if (c < 0x20) this.fail('control character in a string (it must be escaped)', i);
      if (c !== 0x5c) {
        i++;
        continue;
      }
      escaped = true;
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
    return { type: 'string', start, end: this.pos, value, escaped };
  }
}

/** What stands at `at`, for a message: a word in double quotes, another character in single
 * quotes (or its code point when it cannot be seen), or the end of the file. */
function describe(text: string, at: number): string {
  if (at >= text.length) return 'the end of the file';
  const c = text[at]!;
  if (/[\w$]/.test(c)) return `"${/^[\w$.+-]+/.exec(text.slice(at, at + 40))![0].slice(0, 20)}"`;
  return /^[\x21-\x7e]$/.test(c) ? `'${c}'` : `character U+${c.codePointAt(0)!.toString(16)}`;
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
