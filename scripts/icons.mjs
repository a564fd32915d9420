// Draws Bloomline's two icons from one geometry: six petals, one per level of Bloom's revised
// taxonomy, around a centre.
// - media/icon.png (128x128): the extension's icon, in colour, one colour per level;
// - media/bloomline.svg (24x24): the activity bar icon, an outline VS Code tints itself.
// Both files are committed source assets; run `node scripts/icons.mjs` after changing this.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

/** Petals: centre distance, half-width and half-length, as fractions of the icon size. */
const PETAL = { distance: 0.27, rx: 0.1, ry: 0.17 };
const CENTRE = 0.08;
/** remember, understand, apply, analyze, evaluate, create (clockwise from the top). */
const LEVEL_COLOURS = ['#e8616f', '#f29f4c', '#f2cf4a', '#64c48a', '#4aa3df', '#9c82e8'];
const BACKGROUND = '#1d3b4f';
const CENTRE_COLOUR = '#fdf6e3';

function angle(i) {
  return (i * Math.PI) / 3;
}

// --- PNG: painted with 4x4 supersampling, written with zlib by hand. ---

function hex(colour) {
  const n = parseInt(colour.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function insideEllipse(x, y, cx, cy, rx, ry, theta) {
  const dx = x - cx;
  const dy = y - cy;
  // Rotate the point into the petal's frame; the petal's long axis points away from the centre.
  const u = dx * Math.cos(theta) + dy * Math.sin(theta);
  const v = -dx * Math.sin(theta) + dy * Math.cos(theta);
  return (u / rx) ** 2 + (v / ry) ** 2 <= 1;
}

function insideRoundedSquare(x, y, size, radius) {
  const cx = Math.min(Math.max(x, radius), size - radius);
  const cy = Math.min(Math.max(y, radius), size - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2 && x >= 0 && y >= 0 && x <= size && y <= size;
}

/** The colour at a point, or null for transparent. */
function paint(x, y, size) {
  if (!insideRoundedSquare(x, y, size, size * 0.18)) return null;
  const c = size / 2;
  if ((x - c) ** 2 + (y - c) ** 2 <= (CENTRE * size) ** 2) return hex(CENTRE_COLOUR);
  for (let i = 0; i < 6; i++) {
    const a = angle(i);
    const px = c + Math.sin(a) * PETAL.distance * size;
    const py = c - Math.cos(a) * PETAL.distance * size;
    if (insideEllipse(x, y, px, py, PETAL.rx * size, PETAL.ry * size, a)) {
      return hex(LEVEL_COLOURS[i]);
    }
  }
  return hex(BACKGROUND);
}

function render(size) {
  const samples = 4;
  const rgba = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let covered = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const colour = paint(x + (sx + 0.5) / samples, y + (sy + 0.5) / samples, size);
          if (!colour) continue;
          r += colour[0];
          g += colour[1];
          b += colour[2];
          covered++;
        }
      }
      const o = (y * size + x) * 4;
      if (covered) {
        rgba[o] = Math.round(r / covered);
        rgba[o + 1] = Math.round(g / covered);
        rgba[o + 2] = Math.round(b / covered);
      }
      rgba[o + 3] = Math.round((255 * covered) / samples ** 2);
    }
  }
  return rgba;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 255] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  // Each row starts with filter type 0 (none).
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// --- SVG: the same petals as outlines, 24x24. ---

function svg() {
  const size = 24;
  const c = size / 2;
  const round = (n) => Number(n.toFixed(2));
  const petals = [0, 1, 2, 3, 4, 5].map((i) => {
    const deg = i * 60;
    const cy = round(c - PETAL.distance * size);
    return `  <ellipse cx="${c}" cy="${cy}" rx="${round(PETAL.rx * size - 0.4)}" ry="${round(PETAL.ry * size - 0.4)}" transform="rotate(${deg} ${c} ${c})"/>`;
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}" fill="none" stroke="currentColor" stroke-width="1.5">`,
    ...petals,
    `  <circle cx="${c}" cy="${c}" r="${round(CENTRE * size)}"/>`,
    '</svg>',
    '',
  ].join('\n');
}

const root = new URL('../', import.meta.url);
writeFileSync(new URL('media/icon.png', root), png(128, render(128)));
writeFileSync(new URL('media/bloomline.svg', root), svg());
