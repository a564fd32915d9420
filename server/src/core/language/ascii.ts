// ASCII twins of Unicode property patterns: `[\p{L}'’-]+` under `/iu` costs V8 an ICU lookup of
// every letter there is and its closure over case each time such a pattern is compiled (0.5-2 M
// instructions a pattern; about 115 M of a cold check of the example's 700 M, BENCHMARKS.md,
// "Cold start, sixth round"). On a text that is all ASCII, `\p{L}` can only ever be asked about
// ASCII characters, and there it is exactly `A-Za-z`; so such a text is matched with a twin of
// the pattern whose property escapes are their ASCII members, same flags, same everything else,
// made on first use. Its matches are the same on that text, to the index and the capture; a
// text with any other character is matched by the pattern itself. test/unit/ascii.test.ts checks
// each property's ASCII members against V8 under `u` and `iu`, alone, negated, in and out of a
// class.

/** The ASCII members of each property escape a twin may replace, as class ranges. A property not
 * listed here leaves the pattern without a twin. */
const ASCII_MEMBERS: Readonly<Record<string, string>> = {
  L: 'A-Za-z',
  Lu: 'A-Z',
  Ll: 'a-z',
  N: '0-9',
  Nd: '0-9',
  P: String.raw`!-#%-*,-/:;?@\[-\]_{}`,
  S: String.raw`$+<->\^\x60|~`,
  Mn: '',
  Me: '',
  White_Space: String.raw`\t-\r `,
};

/** The ASCII characters not in a property, as class ranges (for `\P{...}` inside a class). */
function complement(members: string): string {
  const set = new RegExp(`[${members}]`, 'u');
  let out = '';
  for (let c = 0; c < 128; c++) {
    if (set.test(String.fromCharCode(c))) continue;
    let d = c;
    while (d + 1 < 128 && !set.test(String.fromCharCode(d + 1))) d++;
    out += d === c ? hex(c) : `${hex(c)}-${hex(d)}`;
    c = d;
  }
  return out;
}
const hex = (c: number) => `\\x${c.toString(16).padStart(2, '0')}`;

const ESCAPE = /\\([pP])\{([A-Za-z_]+)\}/y;

/**
 * The source of `re`'s ASCII twin, or null when it needs none (no property escape, or not a
 * `u` pattern, where `\p` is a letter) or cannot have one (a property not in ASCII_MEMBERS).
 */
export function asciiSource(source: string, flags: string): string | null {
  if (!flags.includes('u') || (!source.includes('\\p{') && !source.includes('\\P{'))) return null;
  let out = '';
  let inClass = false;
  let changed = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      ESCAPE.lastIndex = i;
      const m = ESCAPE.exec(source);
      if (m) {
        const members = ASCII_MEMBERS[m[2]!];
        if (members === undefined) return null;
        const negated = m[1] === 'P';
        // A negated escape is its complement's ASCII members, closed over case as V8 closes the
        // complement (`\P{Lu}` under `iu` holds `A`, by way of `a`; `[^A-Z]` would not).
        const set = negated ? complement(members) : members;
        out += inClass ? set : `[${set}]`;
        i += m[0].length - 1;
        changed = true;
        continue;
      }
      out += c + (source[i + 1] ?? '');
      i++;
      continue;
    }
    if (c === '[' && !inClass) inClass = true;
    else if (c === ']' && inClass) inClass = false;
    out += c;
  }
  return changed ? out : null;
}

/** A code unit outside ASCII (without `u`, a surrogate is one too). */
const NON_ASCII = /[\u0080-\uffff]/;
let lastText = '';
let lastAscii = true;

/** Whether every character of `text` is ASCII. */
export function isAsciiText(text: string): boolean {
  if (text === lastText) return lastAscii;
  lastText = text;
  return (lastAscii = !NON_ASCII.test(text));
}

/** A pattern given by its source, made on first use: on an all-ASCII text only its twin is
 * ever made (making a `/iu` pattern parses it, property escapes and all). */
export class LazyPattern {
  full: RegExp | undefined;
  twin: RegExp | null | undefined;
  constructor(
    readonly source: string,
    readonly flags: string,
  ) {}
}

/** A pattern made on first use from its source (a literal's body as `String.raw`) and flags. */
export function lazy(source: string, flags: string): LazyPattern {
  return new LazyPattern(source, flags);
}

function whole(p: LazyPattern): RegExp {
  return (p.full ??= new RegExp(p.source, p.flags));
}

const twins = new WeakMap<RegExp, RegExp>();

/** `re`'s ASCII twin (made on first use), or `re` itself when it needs none. */
export function asciiTwin(re: RegExp): RegExp {
  let twin = twins.get(re);
  if (twin === undefined) {
    const source = asciiSource(re.source, re.flags);
    twin = source === null ? re : new RegExp(source, re.flags);
    twins.set(re, twin);
  }
  return twin;
}

/**
 * The pattern to match `text` with: `re`'s ASCII twin when `text` is all ASCII, else `re`. The
 * same matches either way; the twin is a separate object, so a caller of a global or sticky
 * pattern sets the `lastIndex` of the one returned.
 */
export function forText(re: RegExp | LazyPattern, text: string): RegExp {
  if (re instanceof RegExp) return isAsciiText(text) ? asciiTwin(re) : re;
  if (!isAsciiText(text)) return whole(re);
  if (re.twin === undefined) {
    const source = asciiSource(re.source, re.flags);
    re.twin = source === null ? null : new RegExp(source, re.flags);
  }
  return re.twin ?? whole(re);
}

/** `re.test(text)`, by the ASCII twin when `text` is all ASCII (`re` neither global nor sticky). */
export function testText(re: RegExp | LazyPattern, text: string): boolean {
  return forText(re, text).test(text);
}

/** `re.exec(text)`, by the ASCII twin when `text` is all ASCII (`re` neither global nor sticky). */
export function execText(re: RegExp | LazyPattern, text: string): RegExpExecArray | null {
  return forText(re, text).exec(text);
}
