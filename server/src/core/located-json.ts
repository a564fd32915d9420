// Strict JSON (RFC 8259), parsed with the place of every value, so that a problem in a
// `.bloomline.json` can be shown where it is: a syntax error at its line and column, a bad
// setting at its key or value. The value is the one JSON.parse gives (the last of duplicate
// keys wins). Pure: no file access.

import { ESCAPES } from './formats/json.js';

/** A path into a JSON value: object keys and array indexes. */
export type JsonPath = readonly (string | number)[];

export interface JsonSpan {
  start: number;
  end: number;
}

export interface JsonSyntaxError {
  message: string;
  /** UTF-16 offset into the text. */
  offset: number;
}

export interface LocatedJson {
  /** The value, or undefined after a syntax error. */
  value: unknown;
  error: JsonSyntaxError | null;
  /** Where the value at a path is (its key, for an object member, when `key` is asked). */
  locate(path: JsonPath, key?: boolean): JsonSpan | null;
}

interface Place {
  key?: JsonSpan;
  value: JsonSpan;
}

class SyntaxProblem extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** Deeper than any configuration needs; keeps the recursion far from the stack's limit. */
const MAX_DEPTH = 200;

const pathKey = (path: JsonPath): string => JSON.stringify(path);

/** Parses JSON text (a leading BOM is skipped), keeping where each value is. */
export function parseLocatedJson(text: string): LocatedJson {
  const places = new Map<string, Place>();
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;

  const describe = (at: number): string => {
    if (at >= text.length) return 'the end of the file';
    const c = text[at]!;
    return /[\w$]/.test(c) ? `"${/^[\w$.+-]+/.exec(text.slice(at))![0].slice(0, 20)}"` : `'${c}'`;
  };
  const fail = (expected: string, at = i): never => {
    if (text.startsWith('//', at) || text.startsWith('/*', at))
      throw new SyntaxProblem('comments are not allowed in JSON', at);
    if (text[at] === "'") throw new SyntaxProblem('strings must use double quotes', at);
    throw new SyntaxProblem(`expected ${expected}, found ${describe(at)}`, at);
  };
  const space = (): void => {
    while (i < text.length && /[ \t\n\r]/.test(text[i]!)) i++;
  };

  const string = (): string => {
    const start = i;
    i++; // the opening quote
    let out = '';
    for (;;) {
      if (i >= text.length) throw new SyntaxProblem('unterminated string', start);
      const c = text[i]!;
      if (c === '"') {
        i++;
        return out;
      }
      if (c === '\\') {
        const e = text[i + 1];
        if (e !== undefined && e in ESCAPES) {
          out += ESCAPES[e];
          i += 2;
        } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
        } else throw new SyntaxProblem('invalid escape in a string', i);
        continue;
      }
      if (c < ' ') {
        throw new SyntaxProblem(
          c === '\n' ? 'unterminated string' : 'control character in a string',
          c === '\n' ? start : i,
        );
      }
      out += c;
      i++;
    }
  };

  const value = (path: (string | number)[], key?: JsonSpan): unknown => {
    space();
    const start = i;
    let comma = i;
    if (path.length > MAX_DEPTH) throw new SyntaxProblem('nested too deeply', i);
    const c = text[i];
    let v: unknown;
    if (c === '{') {
      i++;
      const o: Record<string, unknown> = {};
      space();
      if (text[i] === '}') i++;
      else {
        for (;;) {
          space();
          if (text[i] !== '"') {
            if (text[i] === '}') throw new SyntaxProblem("trailing comma before '}'", comma);
            fail('a property name in double quotes');
          }
          const keyStart = i;
          const k = string();
          const keySpan = { start: keyStart, end: i };
          space();
          if (text[i] !== ':') fail(`':' after the property name "${k}"`);
          i++;
          path.push(k);
          // Defined as an own property even for "__proto__", as JSON.parse does.
          Object.defineProperty(o, k, {
            value: value(path, keySpan),
            enumerable: true,
            writable: true,
            configurable: true,
          });
          path.pop();
          space();
          if (text[i] === ',') {
            comma = i++;
            continue;
          }
          if (text[i] === '}') {
            i++;
            break;
          }
          fail("',' or '}' after a property value");
        }
      }
      v = o;
    } else if (c === '[') {
      i++;
      const a: unknown[] = [];
      space();
      if (text[i] === ']') i++;
      else {
        for (;;) {
          space();
          if (text[i] === ']') throw new SyntaxProblem("trailing comma before ']'", comma);
          path.push(a.length);
          a.push(value(path));
          path.pop();
          space();
          if (text[i] === ',') {
            comma = i++;
            continue;
          }
          if (text[i] === ']') {
            i++;
            break;
          }
          fail("',' or ']' after an array element");
        }
      }
      v = a;
    } else if (c === '"') v = string();
    else {
      const m = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)(?![\w$.])/.exec(
        text.slice(i, i + 400),
      );
      if (!m) fail('a value');
      const word = m![0];
      v = word === 'true' ? true : word === 'false' ? false : word === 'null' ? null : Number(word);
      i += word.length;
    }
    places.set(pathKey(path), { key, value: { start, end: i } });
    return v;
  };

  try {
    const v = value([]);
    space();
    if (i < text.length) fail('the end of the file after the value');
    return { value: v, error: null, locate };
  } catch (err) {
    if (!(err instanceof SyntaxProblem)) throw err;
    return { value: undefined, error: { message: err.message, offset: err.offset }, locate };
  }

  function locate(path: JsonPath, key = false): JsonSpan | null {
    const place = places.get(pathKey(path));
    if (!place) return null;
    return key && place.key ? place.key : place.value;
  }
}

/** A path as people read it: `rules.vague-verb`, `files[2]`, `rules["a b"]`; the whole value is
 * "the top level". */
export function formatJsonPath(path: JsonPath): string {
  if (!path.length) return 'the top level';
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(part)) out += out ? `.${part}` : part;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out;
}
