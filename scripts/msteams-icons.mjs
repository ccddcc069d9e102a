// Draws the two Teams app icons (no image library needed): color.png 192x192, a white house on the
// Wijkwijs green, and outline.png 32x32, the same house as a white outline on transparency.
// Run once with `node scripts/msteams-icons.mjs`; the PNGs are committed.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};

/** RGBA PNG from a pixel function (x, y) => [r, g, b, a]. */
function png(size, pixel) {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) raw.set(pixel(x, y), y * (size * 4 + 1) + 1 + x * 4);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/** A house in unit coordinates (0..1): a roof triangle on a square body. */
function inHouse(u, v) {
  const roof = v >= 0.2 && v < 0.5 && Math.abs(u - 0.5) <= (v - 0.2) * (0.3 / 0.3) + 0.0 && Math.abs(u - 0.5) <= 0.32;
  const body = v >= 0.48 && v <= 0.8 && u >= 0.28 && u <= 0.72;
  const door = v >= 0.62 && v <= 0.8 && u >= 0.45 && u <= 0.55;
  return (roof || body) && !door;
}

const GREEN = [0x1f, 0x7a, 0x5c, 255];
const WHITE = [255, 255, 255, 255];
const CLEAR = [0, 0, 0, 0];

writeFileSync(new URL('../msteams/color.png', import.meta.url), png(192, (x, y) => (inHouse((x + 0.5) / 192, (y + 0.5) / 192) ? WHITE : GREEN)));

// Outline: white where the house is but a neighbour is not (a one-pixel edge), transparent elsewhere.
const S = 32;
const filled = (x, y) => x >= 0 && y >= 0 && x < S && y < S && inHouse((x + 0.5) / S, (y + 0.5) / S);
writeFileSync(
  new URL('../msteams/outline.png', import.meta.url),
  png(S, (x, y) => (filled(x, y) && !(filled(x - 1, y) && filled(x + 1, y) && filled(x, y - 1) && filled(x, y + 1)) ? WHITE : CLEAR)),
);
process.stdout.write('msteams/color.png en msteams/outline.png geschreven.\n');
