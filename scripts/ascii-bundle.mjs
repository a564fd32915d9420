// Makes the command bundle (dist/bloomline.cjs) ASCII, so that cli/boot.ts can read it as
// Latin-1: V8 then holds its 2 MB one byte a character, where decoding it from UTF-8 to two
// bytes a character cost 3% of a cold `check` of a small file (BENCHMARKS.md, "Cold start").
//
// esbuild already escapes strings, identifiers and untagged templates; what it leaves is
// non-ASCII text in comments, regular expression literals and String.raw templates. Each is
// rewritten without changing what the code does:
// - in a comment, each UTF-16 unit becomes "?" (same length: no column moves);
// - in a regular expression literal, and in a String.raw template (used here for the sources
//   of regular expressions), a character becomes \uXXXX (two for an astral character, which a
//   pattern reads as one character with the u flag and as its two halves without, as it read
//   the character itself).
// The source map's generated columns after an escape are moved by what it added. Any other
// non-ASCII character (a template with another tag) fails the build, with where it is.
import { tokenizer } from 'acorn';

const NON_ASCII = /[^\p{ASCII}]/gu;
const HAS_NON_ASCII = /[^\p{ASCII}]/u;

/** \uXXXX for each UTF-16 unit of a non-ASCII character. */
function escapeUnits(text) {
  return text.replace(NON_ASCII, (c) =>
    [...Array(c.length).keys()]
      .map((i) => `\\u${c.charCodeAt(i).toString(16).padStart(4, '0')}`)
      .join(''),
  );
}

/**
 * The bundle as ASCII and its source map moved to match.
 * @param {string} code
 * @param {{ mappings: string }} map the bundle's source map (changed in place)
 * @param {string} name for error messages
 */
export function asciiBundle(code, map, name) {
  if (!HAS_NON_ASCII.test(code)) return code;
  /** Ranges to rewrite: [start, end, 'comment' | 'escape'], in order. */
  const edits = [];
  const tokens = [
    ...tokenizer(code, {
      ecmaVersion: 'latest',
      sourceType: 'script',
      allowHashBang: true,
      allowReturnOutsideFunction: true,
      onComment: (_block, _text, start, end) => edits.push([start, end, 'comment']),
    }),
  ];
  // A template's text is a `template` token, or an `invalidTemplate` one where it holds an
  // escape only a tagged template may (String.raw`\1`).
  const isText = (t) => t?.type.label === 'template' || t?.type.label === 'invalidTemplate';
  const rawTemplates = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type.label === 'regexp') edits.push([t.start, t.end, 'escape']);
    else if (t.type.label === '`') {
      const closes = isText(tokens[i - 1]);
      if (closes) rawTemplates.pop();
      else {
        const p = tokens.slice(Math.max(0, i - 3), i);
        rawTemplates.push(
          p.length === 3 &&
            p[0].value === 'String' &&
            p[1].type.label === '.' &&
            p[2].value === 'raw',
        );
      }
    } else if (isText(t) && rawTemplates.at(-1)) edits.push([t.start, t.end, 'escape']);
  }
  edits.sort((a, b) => a[0] - b[0]);

  let out = '';
  let at = 0;
  for (const [start, end, kind] of edits) {
    out += code.slice(at, start);
    const text = code.slice(start, end);
    out +=
      kind === 'comment' ? text.replace(NON_ASCII, (c) => '?'.repeat(c.length)) : escapeUnits(text);
    at = end;
  }
  out += code.slice(at);
  const left = out.search(HAS_NON_ASCII);
  if (left >= 0) {
    const line = out.slice(0, left).split('\n').length;
    throw new Error(
      `${name}:${line}: a non-ASCII character outside a comment, a regular expression or a String.raw template; escape it in the source (\\u${out.charCodeAt(left).toString(16)})`,
    );
  }
  map.mappings = moveColumns(map.mappings, columnShifts(code, edits));
  return out;
}

/** Per generated line (0-based), the columns where an escape adds characters and how many. */
function columnShifts(code, edits) {
  const shifts = new Map();
  const lineStarts = [0];
  for (let i = code.indexOf('\n'); i >= 0; i = code.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  let line = 0;
  for (const [start, end, kind] of edits) {
    if (kind !== 'escape') continue;
    for (let i = start; i < end; i++) {
      if (code.charCodeAt(i) < 0x80) continue;
      while (line + 1 < lineStarts.length && lineStarts[line + 1] <= i) line++;
      const list = shifts.get(line) ?? [];
      list.push([i - lineStarts[line], 5]); // one unit becomes six
      shifts.set(line, list);
    }
  }
  return shifts;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function decodeVlq(segment) {
  const values = [];
  let value = 0;
  let shift = 0;
  for (const ch of segment) {
    const digit = B64.indexOf(ch);
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}

function encodeVlq(values) {
  let out = '';
  for (const v of values) {
    let n = v < 0 ? (-v << 1) | 1 : v << 1;
    do {
      let digit = n & 31;
      n >>>= 5;
      if (n > 0) digit |= 32;
      out += B64[digit];
    } while (n > 0);
  }
  return out;
}

/** The mappings with each segment's generated column moved past the escapes before it. */
function moveColumns(mappings, shifts) {
  if (!shifts.size) return mappings;
  const lines = mappings.split(';');
  for (const [line, list] of shifts) {
    if (line >= lines.length || !lines[line]) continue;
    const segments = lines[line].split(',').map(decodeVlq);
    let column = 0;
    let moved = 0;
    const absolute = segments.map((s) => {
      column += s[0];
      return column;
    });
    lines[line] = segments
      .map((s, i) => {
        const col = absolute[i];
        const to = col + list.filter(([at]) => at < col).reduce((n, [, add]) => n + add, 0);
        const rel = to - moved;
        moved = to;
        return encodeVlq([rel, ...s.slice(1)]);
      })
      .join(',');
  }
  return lines.join(';');
}
