// A short fingerprint of a (possibly large) text, so that only it is kept in memory to tell
// whether what is published changed. Not cryptographic, and needing no Node (the server runs
// in a browser worker too): cyrb53 (bryc, public domain) twice over, with two seeds, 106 bits.
export function digest(text: string): string {
  return hash53(text, 0x9e3779b9) + hash53(text, 0x85ebca6b);
}

function hash53(text: string, seed: number): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36).padStart(11, '0');
}

/** Fingerprints of objects already digested. Only for objects never changed after they were
 * first digested: the diagnostics the server reuses from one analysis to the next are. */
const known = new WeakMap<object, string>();

/**
 * A short fingerprint of a value's JSON, so only it is kept in memory. Lists (diagnostics, items)
 * and the objects holding them are fingerprinted an element at a time and the fingerprints
 * combined, never stringified whole: the JSON of 20,000 diagnostics is several MB, made for
 * nothing but its fingerprint. With `frozen`, an element of a top-level list that is an object
 * is taken as unchanging: its fingerprint is remembered, so a list of reused diagnostics costs
 * one short string per element.
 */
export function digestJson(value: unknown, frozen = false): string {
  const parts: string[] = [];
  const feed = (v: unknown, depth: number): void => {
    if (depth < 3 && Array.isArray(v)) {
      parts.push('[');
      for (const x of v) {
        if (frozen && depth === 0 && x !== null && typeof x === 'object') {
          let d = known.get(x);
          if (d === undefined) {
            d = digest(JSON.stringify(x));
            known.set(x, d);
          }
          parts.push(d);
        } else feed(x, depth + 1);
      }
      parts.push(']');
    } else if (depth < 2 && v !== null && typeof v === 'object') {
      parts.push('{');
      for (const [k, x] of Object.entries(v)) {
        parts.push(JSON.stringify(k));
        feed(x, depth + 1);
      }
      parts.push('}');
    } else parts.push(digest(JSON.stringify(v) ?? 'null'));
  };
  feed(value, 0);
  return digest(parts.join(','));
}
