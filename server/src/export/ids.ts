// Identifiers for the LMS exports, all derived from what the outline says (file path, section
// path, item ID), never from the clock or a random source, so an export run twice is the same
// bytes and a re-import updates the same records. Pure TypeScript (SHA-1 included), so the
// exports run wherever the core does, in a browser worker too.

/** Bloomline's namespace for name-based (version 5) UUIDs (RFC 9562 section 5.5). */
export const BLOOMLINE_UUID_NAMESPACE = '8c6f3a52-7d4e-4b0a-9f61-2e5d8b9c4a17';

/** A version 5 UUID of `name` in `namespace`: SHA-1 of the namespace's 16 bytes and the name's
 * UTF-8 bytes, version and variant bits set. */
export function uuidV5(name: string, namespace = BLOOMLINE_UUID_NAMESPACE): string {
  const ns = namespace.replace(/-/g, '');
  const bytes = [...hexBytes(ns), ...new TextEncoder().encode(name)];
  const hash = sha1(Uint8Array.from(bytes)).slice(0, 16);
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = [...hash].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The first `length` hex digits of the SHA-1 of a string (UTF-8). */
export function shortHash(text: string, length = 8): string {
  return [...sha1(new TextEncoder().encode(text))]
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('')
    .slice(0, length);
}

function hexBytes(hex: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < hex.length; i += 2) out.push(parseInt(hex.slice(i, i + 2), 16));
  return out;
}

/** SHA-1 (FIPS 180-4). Only for identifiers, not for security. */
export function sha1(message: Uint8Array): Uint8Array {
  const length = message.length;
  const padded = new Uint8Array(((length + 9 + 63) >> 6) << 6);
  padded.set(message);
  padded[length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, Math.floor((length * 8) / 2 ** 32));
  view.setUint32(padded.length - 4, (length * 8) >>> 0);
  let h0 = 0x67452301;
  let h1 = 0xefcdab89;
  let h2 = 0x98badcfe;
  let h3 = 0x10325476;
  let h4 = 0xc3d2e1f0;
  const w = new Uint32Array(80);
  for (let block = 0; block < padded.length; block += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(block + i * 4);
    for (let i = 16; i < 80; i++) {
      const x = w[i - 3]! ^ w[i - 8]! ^ w[i - 14]! ^ w[i - 16]!;
      w[i] = (x << 1) | (x >>> 31);
    }
    let a = h0;
    let b = h1;
    let c = h2;
    let d = h3;
    let e = h4;
    for (let i = 0; i < 80; i++) {
      let f: number;
      let k: number;
      if (i < 20) {
        f = (b & c) | (~b & d);
        k = 0x5a827999;
      } else if (i < 40) {
        f = b ^ c ^ d;
        k = 0x6ed9eba1;
      } else if (i < 60) {
        f = (b & c) | (b & d) | (c & d);
        k = 0x8f1bbcdc;
      } else {
        f = b ^ c ^ d;
        k = 0xca62c1d6;
      }
      const t = (((a << 5) | (a >>> 27)) + f + e + k + w[i]!) >>> 0;
      e = d;
      d = c;
      c = (b << 30) | (b >>> 2);
      b = a;
      a = t;
    }
    h0 = (h0 + a) >>> 0;
    h1 = (h1 + b) >>> 0;
    h2 = (h2 + c) >>> 0;
    h3 = (h3 + d) >>> 0;
    h4 = (h4 + e) >>> 0;
  }
  const out = new Uint8Array(20);
  const outView = new DataView(out.buffer);
  [h0, h1, h2, h3, h4].forEach((h, i) => outView.setUint32(i * 4, h));
  return out;
}

/**
 * A token safe in an LMS identifier: no whitespace (Canvas refuses it in vendor_guid), no
 * commas (Moodle's cross-reference lists), no quotes or markup; letters of any script kept.
 */
export function slug(text: string): string {
  return (
    text
      .normalize('NFC')
      .replace(/[^\p{L}\p{N}._~/#+-]+/gu, '-')
      .replace(/-{2,}/g, '-')
      .replace(/^-+|-+$/g, '') || 'x'
  );
}

/**
 * Hands out identifiers unique within one export (compared without case: Moodle's database may
 * compare ID numbers so), at most `max` characters: a repeat gets "-2", "-3" ...; one too long
 * is cut and ends in a hash of the whole, so two long ones still differ.
 */
export class UniqueIds {
  private readonly taken = new Set<string>();

  constructor(private readonly max: number) {}

  take(wanted: string): string {
    let base = wanted;
    if (base.length > this.max) base = `${base.slice(0, this.max - 9)}~${shortHash(wanted)}`;
    let id = base;
    for (let n = 2; this.taken.has(id.toLowerCase()); n++) {
      const suffix = `-${n}`;
      id = base.length + suffix.length > this.max ? base.slice(0, this.max - suffix.length) : base;
      id += suffix;
    }
    this.taken.add(id.toLowerCase());
    return id;
  }
}

/** Text cut to `max` characters at a word boundary where one is near, with an ellipsis. */
export function shorten(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  let cut = t.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  if (space > max * 0.6) cut = cut.slice(0, space);
  // Never end inside a surrogate pair.
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut.replace(/[\s,;:.-]+$/, '')}…`;
}
