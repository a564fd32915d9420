// Strict JSON (RFC 8259), parsed with the place of every value, so that a problem in a
// `.bloomline.json` can be shown where it is: a syntax error at its line and column, a bad
// setting at its key or value. The reading is formats/json.ts's (the one JSON reader, which
// notebooks use too); this gives its tree as the value JSON.parse gives (the last of duplicate
// keys wins) and the places by path. Pure: no file access.

import { JsonError, parseJson, type JsonNode } from './formats/json.js';

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
  /** Each key given again later in its object, which JSON.parse (and `value`) silently drops:
   * the key's place, and the place of the key's last occurrence, the one that applies. */
  duplicates: { path: JsonPath; key: JsonSpan; used: JsonSpan }[];
}

interface Place {
  key?: JsonSpan;
  value: JsonSpan;
}

const pathKey = (path: JsonPath): string => JSON.stringify(path);

/** Parses JSON text (a leading BOM is skipped), keeping where each value is. */
export function parseLocatedJson(text: string): LocatedJson {
  const places = new Map<string, Place>();
  const locate = (path: JsonPath, key = false): JsonSpan | null => {
    const place = places.get(pathKey(path));
    if (!place) return null;
    return key && place.key ? place.key : place.value;
  };
  let root: JsonNode;
  try {
    root = parseJson(text, text.charCodeAt(0) === 0xfeff ? 1 : 0);
  } catch (err) {
    if (!(err instanceof JsonError)) throw err;
    return {
      value: undefined,
      error: { message: err.message, offset: err.offset },
      locate,
      duplicates: [],
    };
  }

  const path: (string | number)[] = [];
  const duplicates: LocatedJson['duplicates'] = [];
  const valueOf = (node: JsonNode, key?: JsonSpan): unknown => {
    let v: unknown;
    switch (node.type) {
      case 'object': {
        const o: Record<string, unknown> = {};
        const last = new Map<string, JsonSpan>();
        for (const m of node.members) last.set(m.key, { start: m.keyStart, end: m.keyEnd });
        for (const m of node.members) {
          const used = last.get(m.key)!;
          if (used.start !== m.keyStart)
            duplicates.push({
              path: [...path, m.key],
              key: { start: m.keyStart, end: m.keyEnd },
              used,
            });
          path.push(m.key);
          // Defined as an own property even for "__proto__", as JSON.parse does.
          Object.defineProperty(o, m.key, {
            value: valueOf(m.value, { start: m.keyStart, end: m.keyEnd }),
            enumerable: true,
            writable: true,
            configurable: true,
          });
          path.pop();
        }
        v = o;
        break;
      }
      case 'array':
        v = node.items.map((item, index) => {
          path.push(index);
          const x = valueOf(item);
          path.pop();
          return x;
        });
        break;
      case 'string':
        v = node.value;
        break;
      case 'number':
        v = Number(text.slice(node.start, node.end));
        break;
      case 'boolean':
        v = text[node.start] === 't';
        break;
      case 'null':
        v = null;
    }
    places.set(pathKey(path), { key, value: { start: node.start, end: node.end } });
    return v;
  };
  const value = valueOf(root);
  return { value, error: null, locate, duplicates };
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
