// Literal gates of patterns. Most of the patterns a check runs never match a given outline (197
// of the 297 a check of the example runs; BENCHMARKS.md, "Cold start, ninth round"), yet V8
// compiles each to machine code at its first run: about 0.1 ms and 6 KB of code space apiece.
// Many need a word that is simply not in the text: `\b(?:within|under|on)\s+...` cannot match a
// text without "within", "under" or "on". requiredLiterals reads such a set of strings from a
// pattern's source, one of which is in every text the pattern matches; mayMatch answers "no"
// when the text holds none of them, and the pattern is then neither compiled nor run. It answers
// only for all-ASCII texts and ASCII literals, where a case-insensitive pattern's letters match
// exactly their two ASCII cases, so lowering the text and the literals is exact. Any construct
// it does not read with certainty gives no gate (the pattern runs as before), so a gate never
// changes a result: test/unit/gate.test.ts checks that on generated patterns and texts.
/** One of these strings is in every text the pattern matches; null: nothing known. */
export type Need = readonly string[] | null;

/** The better of two needs: the one whose shortest string is longer, then the one with fewer. */
function better(a: Need, b: Need): Need {
  if (!a) return b;
  if (!b) return a;
  const la = shortest(a);
  const lb = shortest(b);
  if (la !== lb) return la > lb ? a : b;
  return a.length <= b.length ? a : b;
}

function shortest(xs: readonly string[]): number {
  let n = Infinity;
  for (const x of xs) if (x.length < n) n = x.length;
  return n;
}

class Unreadable extends Error {}

const enum C {
  Backslash = 0x5c,
  Open = 0x28,
  Close = 0x29,
  Bar = 0x7c,
  Star = 0x2a,
  Plus = 0x2b,
  Question = 0x3f,
  Brace = 0x7b,
  CloseBrace = 0x7d,
  Bracket = 0x5b,
  CloseBracket = 0x5d,
  Caret = 0x5e,
  Dollar = 0x24,
  Dot = 0x2e,
  Colon = 0x3a,
  Equals = 0x3d,
  Bang = 0x21,
  Less = 0x3c,
  Greater = 0x3e,
  Comma = 0x2c,
}

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isLetter = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const isHex = (c: number) => isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);

/** What a term of a sequence is: one literal character (`lit`, lowered under `i`), or what
 * the term needs (`need`), and whether it matches no character (an assertion). */
interface Term {
  lit: string | null;
  need: Need;
  zero: boolean;
}

const OTHER: Term = { lit: null, need: null, zero: false };
const ASSERTION: Term = { lit: null, need: null, zero: true };

/**
 * Strings one of which is in every text that `source` matches under `flags` (lowered under `i`,
 * all ASCII), or null when the source says nothing certain: a construct this reader does not
 * know, a `v` pattern, or a pattern that can match without any literal.
 */
export function requiredLiterals(source: string, flags: string): Need {
  if (flags.includes('v')) return null;
  const unicode = flags.includes('u');
  const fold = flags.includes('i');
  const n = source.length;
  let i = 0;

  const literal = (code: number): Term => {
    if (code >= 0x80) return OTHER; // `/iu` folds some of these to ASCII letters
    const ch = String.fromCharCode(code);
    return { lit: fold ? ch.toLowerCase() : ch, need: null, zero: false };
  };

  const alternation = (): Need => {
    let all: string[] | null = [];
    for (;;) {
      const need = sequence();
      if (!need) all = null;
      else if (all) for (const s of need) if (!all.includes(s)) all.push(s);
      if (i < n && source.charCodeAt(i) === C.Bar) {
        i++;
        continue;
      }
      return all;
    }
  };

  const sequence = (): Need => {
    let need: Need = null;
    let run = '';
    while (i < n) {
      const c = source.charCodeAt(i);
      if (c === C.Bar || c === C.Close) break;
      const t = term();
      let min = 1;
      let max = 1;
      const q = source.charCodeAt(i);
      if (q === C.Star || q === C.Plus || q === C.Question) {
        min = q === C.Plus ? 1 : 0;
        max = q === C.Question ? 1 : Infinity;
        i++;
        if (source.charCodeAt(i) === C.Question) i++;
      } else if (q === C.Brace) {
        const bounds = braces();
        if (bounds) {
          [min, max] = bounds;
          if (source.charCodeAt(i) === C.Question) i++;
        }
      }
      if (t.zero && (min !== 1 || max !== 1)) throw new Unreadable(); // a quantified assertion
      if (t.lit !== null && min === 1 && max === 1) {
        run += t.lit;
        continue;
      }
      if (run) need = better(need, [run]);
      run = '';
      if (min >= 1) need = better(need, t.lit !== null ? [t.lit] : t.need);
    }
    if (run) need = better(need, [run]);
    return need;
  };

  /** `{n}`, `{n,}`, `{n,m}` at i: the bounds, i moved past; else null (a literal brace). */
  const braces = (): [number, number] | null => {
    let j = i + 1;
    const start = j;
    while (j < n && isDigit(source.charCodeAt(j))) j++;
    if (j === start) return null;
    const min = Number(source.slice(start, j));
    let max = min;
    if (source.charCodeAt(j) === C.Comma) {
      j++;
      const from = j;
      while (j < n && isDigit(source.charCodeAt(j))) j++;
      max = j === from ? Infinity : Number(source.slice(from, j));
    }
    if (source.charCodeAt(j) !== C.CloseBrace) return null;
    i = j + 1;
    return [min, max];
  };

  const escape = (): Term => {
    const e = source.charCodeAt(i + 1);
    if (Number.isNaN(e)) throw new Unreadable();
    const ch = source[i + 1]!;
    if (ch === 'b' || ch === 'B') {
      i += 2;
      return ASSERTION;
    }
    if (ch === 'u') {
      if (
        isHex(source.charCodeAt(i + 2)) &&
        isHex(source.charCodeAt(i + 3)) &&
        isHex(source.charCodeAt(i + 4)) &&
        isHex(source.charCodeAt(i + 5))
      ) {
        const code = parseInt(source.slice(i + 2, i + 6), 16);
        i += 6;
        return literal(code);
      }
      throw new Unreadable(); // \u{...} and the rest
    }
    if (ch === 'x') {
      if (isHex(source.charCodeAt(i + 2)) && isHex(source.charCodeAt(i + 3))) {
        const code = parseInt(source.slice(i + 2, i + 4), 16);
        i += 4;
        return literal(code);
      }
      throw new Unreadable();
    }
    if ((ch === 'p' || ch === 'P') && unicode) {
      if (source.charCodeAt(i + 2) !== C.Brace) throw new Unreadable();
      const end = source.indexOf('}', i);
      if (end < 0) throw new Unreadable();
      i = end + 1;
      return OTHER;
    }
    if (ch === 'k') {
      // A named back-reference, or (no named group, no `u`) the letter k: needs nothing either way.
      i += 2;
      if (source.charCodeAt(i) === C.Less) {
        const end = source.indexOf('>', i);
        if (end < 0) throw new Unreadable();
        i = end + 1;
      }
      return OTHER;
    }
    if (isDigit(e)) {
      // A back-reference or an octal escape: needs nothing certain.
      i += 2;
      while (i < n && isDigit(source.charCodeAt(i))) i++;
      return OTHER;
    }
    if (ch === 'c') throw new Unreadable();
    // \d \s \w and their negations, \n \t \r \f \v, and letters escaped for nothing.
    if (isLetter(e)) {
      i += 2;
      return OTHER;
    }
    i += 2;
    return literal(e); // an escaped punctuation character is itself
  };

  const term = (): Term => {
    const c = source.charCodeAt(i);
    if (c === C.Backslash) return escape();
    if (c === C.Bracket) {
      // A class: any of several characters, so no literal.
      i++;
      if (source.charCodeAt(i) === C.Caret) i++;
      if (source.charCodeAt(i) === C.CloseBracket && !unicode) throw new Unreadable();
      while (i < n && source.charCodeAt(i) !== C.CloseBracket) {
        if (source.charCodeAt(i) === C.Bracket && unicode) throw new Unreadable();
        i += source.charCodeAt(i) === C.Backslash ? 2 : 1;
      }
      if (i >= n) throw new Unreadable();
      i++;
      return OTHER;
    }
    if (c === C.Open) {
      i++;
      let look = false;
      if (source.charCodeAt(i) === C.Question) {
        const d = source.charCodeAt(i + 1);
        if (d === C.Colon) i += 2;
        else if (d === C.Equals || d === C.Bang) {
          i += 2;
          look = true;
        } else if (d === C.Less) {
          const e = source.charCodeAt(i + 2);
          if (e === C.Equals || e === C.Bang) {
            i += 3;
            look = true;
          } else {
            const end = source.indexOf('>', i);
            if (end < 0) throw new Unreadable();
            i = end + 1;
          }
        } else throw new Unreadable();
      }
      const need = alternation();
      if (source.charCodeAt(i) !== C.Close) throw new Unreadable();
      i++;
      // What a lookaround holds may lie outside the match, or (negated) must not be there.
      return look ? ASSERTION : { lit: null, need, zero: false };
    }
    if (c === C.Caret || c === C.Dollar) {
      i++;
      return ASSERTION;
    }
    if (c === C.Dot) {
      i++;
      return OTHER;
    }
    if (
      c === C.Close ||
      c === C.Star ||
      c === C.Plus ||
      c === C.Question ||
      c === C.CloseBracket ||
      c === C.Brace ||
      c === C.CloseBrace
    )
      throw new Unreadable(); // a stray or literal bracket: left to V8
    i++;
    return literal(c);
  };

  try {
    const need = alternation();
    return i === n ? need : null;
  } catch (err) {
    if (err instanceof Unreadable) return null;
    throw err;
  }
}
