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

/**
 * A short fingerprint of a value's JSON, so only it is kept in memory. Lists (items, links) and
 * the objects holding them are fingerprinted an element at a time and the fingerprints
 * combined, never stringified whole: the JSON of a long outline is several MB, made for nothing
 * but its fingerprint.
 */
export function digestJson(value: unknown): string {
  const parts: string[] = [];
  const feed = (v: unknown, depth: number): void => {
    if (depth < 3 && Array.isArray(v)) {
      parts.push('[');
      for (const x of v) feed(x, depth + 1);
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
