// Draws the add-in's ribbon and catalogue icons (public/icons/icon-16/32/64/80.png):
// a blue rounded square with a light table grid and a white check mark. A tiny
// PNG encoder (RGBA, zlib from Node) keeps this free of image libraries; the
// drawing is deterministic, so a test can compare the committed files with it.
//
//   node scripts/make-icons.mjs          write the icons
import { Buffer } from 'node:buffer';
import { writeFileSync } from 'node:fs';
import process from 'node:process';
import { fileURLToPath, URL } from 'node:url';
import { deflateSync } from 'node:zlib';

export const ICON_SIZES = [16, 32, 64, 80];

const BLUE = [31, 111, 178];
const GRID = [120, 170, 214];
const WHITE = [255, 255, 255];
/** Samples per pixel side (anti-aliasing by supersampling). */
const SS = 4;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** Encodes RGBA pixels (width × height × 4 bytes, row-major) as a PNG file. */
export function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: RGBA
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, rgba.byteOffset + y * width * 4, width * 4).copy(raw, y * (width * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function insideRoundedSquare(x, y, size, radius) {
  const cx = Math.min(Math.max(x, radius), size - radius);
  const cy = Math.min(Math.max(y, radius), size - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2 && x >= 0 && y >= 0 && x <= size && y <= size;
}

function distanceToSegment(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** The colour at a point of the icon (unit: pixels of an icon of `size`), or undefined outside. */
function colourAt(x, y, size) {
  const s = size;
  if (!insideRoundedSquare(x, y, s, s * 0.18)) return undefined;
  const check = Math.min(
    distanceToSegment(x, y, s * 0.24, s * 0.52, s * 0.42, s * 0.7),
    distanceToSegment(x, y, s * 0.42, s * 0.7, s * 0.78, s * 0.3),
  );
  if (check <= Math.max(s * 0.085, 1.1)) return WHITE;
  if (s >= 32) {
    // A 3 × 3 table grid behind the check mark.
    const line = Math.max(s / 32, 1) / 2;
    const lo = s * 0.16;
    const hi = s * 0.84;
    if (x >= lo && x <= hi && y >= lo && y <= hi) {
      for (const k of [0, 1, 2, 3]) {
        const at = lo + ((hi - lo) * k) / 3;
        if (Math.abs(x - at) <= line || Math.abs(y - at) <= line) return GRID;
      }
    }
  }
  return BLUE;
}

/** The icon of one size as PNG bytes. */
export function iconPng(size) {
  const rgba = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0];
      let covered = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const c = colourAt(px + (sx + 0.5) / SS, py + (sy + 0.5) / SS, size);
          if (!c) continue;
          covered++;
          for (let i = 0; i < 3; i++) sum[i] += c[i];
        }
      }
      const o = (py * size + px) * 4;
      if (covered > 0) for (let i = 0; i < 3; i++) rgba[o + i] = Math.round(sum[i] / covered);
      rgba[o + 3] = Math.round((255 * covered) / (SS * SS));
    }
  }
  return encodePng(size, size, rgba);
}

export function iconPath(size) {
  return new URL(`../public/icons/icon-${size}.png`, import.meta.url);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const size of ICON_SIZES) {
    writeFileSync(iconPath(size), iconPng(size));
    process.stdout.write(`wrote public/icons/icon-${size}.png\n`);
  }
}
