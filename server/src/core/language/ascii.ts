// ASCII twins of Unicode patterns. `[\p{L}'’-]+` under `/iu` costs V8 an ICU lookup of every
// letter there is and its closure over case each time such a pattern is compiled (0.5-2 M
// instructions a pattern; about 115 M of a cold check of the example's 700 M, BENCHMARKS.md,
// "Cold start, sixth round"). On a text that is all ASCII, `\p{L}` can only ever be asked about
// ASCII characters, and there it is exactly `A-Za-z`; so such a text is matched with a twin of
// the pattern whose property escapes are their ASCII members, same everything else, made on
// first use. Its matches are the same on that text, to the index and the capture; a text with
// any other character is matched by the pattern itself. test/unit/ascii.test.ts checks each
// property's ASCII members against V8 under `u` and `iu`, alone, negated, in and out of a class.
//
// The twin is also made without `u` when nothing in it can match differently on an ASCII text
// (unicodeFree): compiling a `/iu` pattern closes every character and class over Unicode case
// (ICU), a `/i` one over ASCII case, and a `u` pattern's compilation is dearer in any case
// (about 47 M instructions of a cold check of the example, "Cold start, eighth round").
import { type Need, requiredLiterals } from './gate.js';

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

/** The only characters outside ASCII that `/iu` takes for an ASCII letter: U+017F, the long s
 * (`s`, `S`), and U+212A, the Kelvin sign (`k`, `K`); `/i` without `u` takes none (V8 checked on
 * every character of the Basic Multilingual Plane, test/unit/ascii.test.ts). */
const FOLD_TO_ASCII = [0x17f, 0x212a];
const HEX4 = /^[0-9A-Fa-f]{4}$/;
const HEX2 = /^[0-9A-Fa-f]{2}$/;

/**
 * Whether `source`, a valid pattern under `flags` (which hold `u`), matches exactly the same on
 * an all-ASCII text without `u`. Without `u` a pattern reads code units, not code points, and
 * folds case by upper case, not by Unicode's simple folding; on ASCII text these differ only
 * through what the source names outside ASCII: a code point written `\u{...}` or as a surrogate
 * pair (read as two units without `u`), a property escape (the letter `p` without `u`), and
 * under `i` the long s and the Kelvin sign (alone, or inside a class range), which `/iu` folds to
 * `s` and `k`. Class escapes (`\w`, `\W`, `\b`, `\s`, `\d`, `.` and their negations) hold the
 * same ASCII characters either way (V8 checked on every ASCII character and pair). Any of these
 * in the source, or a source that does not parse without `u`, keeps `u`.
 */
export function unicodeFree(source: string, flags: string): boolean {
  if (!flags.includes('u')) return false;
  const fold = flags.includes('i');
  const folds = (lo: number, hi: number) => fold && FOLD_TO_ASCII.some((c) => lo <= c && c <= hi);
  let inClass = false;
  // Inside a class: the code point of the last atom (a range's low end), and whether a `-`
  // after it makes the next atom a range's high end.
  let last = -1;
  let range = false;
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    let code: number;
    if (c === 0x5c /* \ */) {
      const e = source[i + 1];
      if (e === 'u') {
        const hex = source.slice(i + 2, i + 6);
        if (!HEX4.test(hex)) return false; // \u{...}
        code = parseInt(hex, 16);
        i += 5;
      } else if (e === 'x') {
        const hex = source.slice(i + 2, i + 4);
        if (!HEX2.test(hex)) return false;
        code = parseInt(hex, 16);
        i += 3;
      } else if (e === 'p' || e === 'P') {
        return false;
      } else {
        // An ASCII character, a class escape or a back reference: nothing outside ASCII, but
        // as a range's low end counted as 0 (so the range is judged by its high end).
        code = 0;
        i++;
      }
    } else {
      code = c;
      if (!inClass && c === 0x5b /* [ */) {
        inClass = true;
        last = -1;
        range = false;
        if (source[i + 1] === '^') i++;
        continue;
      }
      if (inClass && c === 0x5d /* ] */) {
        inClass = false;
        continue;
      }
      if (inClass && c === 0x2d /* - */ && last >= 0 && !range && source[i + 1] !== ']') {
        range = true;
        continue;
      }
    }
    if (code >= 0xd800 && code <= 0xdfff) return false; // half of a code point outside the BMP
    if (folds(code, code)) return false;
    if (inClass) {
      if (range && folds(last, code)) return false;
      last = range ? -1 : code;
      range = false;
    }
  }
  try {
    new RegExp(source, flags.replace('u', ''));
  } catch {
    return false;
  }
  return true;
}

/** The twin of a pattern (its ASCII source, its flags without `u` when unicodeFree), or null
 * when it would be the pattern itself. */
function twinOf(source: string, flags: string): RegExp | null {
  const ascii = asciiSource(source, flags) ?? source;
  const twinFlags = unicodeFree(ascii, flags) ? flags.replace('u', '') : flags;
  return ascii === source && twinFlags === flags ? null : new RegExp(ascii, twinFlags);
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
    twin = twinOf(re.source, re.flags) ?? re;
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
  if (re.twin === undefined) re.twin = twinOf(re.source, re.flags);
  return re.twin ?? whole(re);
}

/** `re.test(text)`, by the ASCII twin when `text` is all ASCII (`re` neither global nor sticky). */
export function testText(re: RegExp | LazyPattern, text: string): boolean {
  return mayMatch(re, text) && forText(re, text).test(text);
}

/** `re.exec(text)`, by the ASCII twin when `text` is all ASCII (`re` neither global nor sticky). */
export function execText(re: RegExp | LazyPattern, text: string): RegExpExecArray | null {
  return mayMatch(re, text) ? forText(re, text).exec(text) : null;
}

/** Each pattern's gate, looked up at its first use on an ASCII text. */
const needs = new WeakMap<RegExp | LazyPattern, { need: Need; fold: boolean }>();
let lowerOf = '';
let lower = '';
/** The required literals of patterns (gate.ts) by `flags/source`, read by the build (none: no
 * pattern is gated). Reading them at run time cost more than it saved (BENCHMARKS.md, "Cold
 * start, ninth round"), so the build reads those its run of the example met (patternGates). */
let gates: ReadonlyMap<string, Need> | null = null;
/** While the build collects: every `flags/source` mayMatch was asked about. */
let met: Set<string> | null = null;

/** Gates the patterns of `map` (`flags/source` -> requiredLiterals(source, flags)). */
export function setPatternGates(map: ReadonlyMap<string, Need> | null): void {
  gates = map;
}

/** From now on, notes the patterns mayMatch is asked about; the function returned gives their
 * gates, read by requiredLiterals (what setPatternGates takes, as an object). */
export function collectPatternGates(): () => Record<string, Need> {
  met = new Set();
  const seen = met;
  return () => {
    const out: Record<string, Need> = {};
    for (const key of [...seen].sort()) {
      const slash = key.indexOf('/');
      out[key] = requiredLiterals(key.slice(slash + 1), key.slice(0, slash));
    }
    return out;
  };
}

/**
 * False when `re` certainly does not match `text`: `text` is all ASCII and holds none of the
 * literals one of which is in every match of `re` (gate.ts); then `re` need not be compiled.
 * True otherwise. A pattern's matches are the same whatever this answers.
 */
export function mayMatch(re: RegExp | LazyPattern, text: string): boolean {
  if (gates === null && met === null) return true; // nothing gated (not a small file's check)
  if (!isAsciiText(text)) return true;
  let gate = needs.get(re);
  if (gate === undefined) {
    const flags = re.flags;
    const key = `${flags}/${re.source}`;
    met?.add(key);
    gate = { need: gates?.get(key) ?? null, fold: flags.includes('i') };
    needs.set(re, gate);
  }
  const need = gate.need;
  if (!need) return true;
  let hay = text;
  if (gate.fold) {
    if (text !== lowerOf) {
      lowerOf = text;
      lower = text.toLowerCase();
    }
    hay = lower;
  }
  for (const s of need) if (hay.includes(s)) return true;
  return false;
}
