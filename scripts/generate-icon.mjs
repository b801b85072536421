// Runs in: Node (by hand). Draws resources/icon.png: a newsroom-blue tile with a headline bar and text lines.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const SIZE = 1024;
const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
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

/** Coverage of a rounded rectangle at pixel centre (x, y), anti-aliased over one pixel. */
function roundedRect(x, y, left, top, right, bottom, radius) {
  const cx = Math.min(Math.max(x, left + radius), right - radius);
  const cy = Math.min(Math.max(y, top + radius), bottom - radius);
  const distance = Math.hypot(x - cx, y - cy) - radius;
  const inside = x >= left && x <= right && y >= top && y <= bottom ? 1 : 0;
  return inside * Math.min(1, Math.max(0, 0.5 - distance));
}

const BLUE = [23, 59, 110];
const WHITE = [255, 255, 255];
const ACCENT = [230, 72, 52];
const m = SIZE / 1024;
const shapes = [
  { rect: [200, 230, 824, 330, 18], color: WHITE },
  { rect: [200, 390, 600, 420, 12], color: ACCENT },
  ...[480, 560, 640, 720].map((top, i) => ({ rect: [200, top, i === 3 ? 640 : 824, top + 34, 14], color: WHITE })),
];

const raw = Buffer.alloc((SIZE * 4 + 1) * SIZE);
for (let y = 0; y < SIZE; y++) {
  const row = y * (SIZE * 4 + 1);
  raw[row] = 0;
  for (let x = 0; x < SIZE; x++) {
    const px = x + 0.5;
    const py = y + 0.5;
    const tile = roundedRect(px, py, 64 * m, 64 * m, 960 * m, 960 * m, 180 * m);
    let color = BLUE;
    for (const shape of shapes) {
      const [l, t, r, b, radius] = shape.rect;
      const cover = roundedRect(px, py, l * m, t * m, r * m, b * m, radius * m);
      if (cover > 0) color = color.map((c, i) => Math.round(c * (1 - cover) + shape.color[i] * cover));
    }
    const offset = row + 1 + x * 4;
    raw[offset] = color[0];
    raw[offset + 1] = color[1];
    raw[offset + 2] = color[2];
    raw[offset + 3] = Math.round(tile * 255);
  }
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8;
header[9] = 6;
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(join(root, 'resources', 'icon.png'), png);
console.log(`Wrote resources/icon.png (${SIZE}x${SIZE}, ${png.length} bytes)`);
