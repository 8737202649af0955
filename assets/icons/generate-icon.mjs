// Draws assets/icons/icon.png (512x512 RGBA) from a few vector shapes, 4x4 supersampled.
// A house on a dark tile: the roof (the provider's side) in slate, the walls (the customer's
// side, what Leasehold audits) in amber. Run: node assets/icons/generate-icon.mjs
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';

const SIZE = 512;
const SS = 4;

const insideRoundedRect = (x, y, x0, y0, x1, y1, r) => {
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return x >= x0 && x <= x1 && y >= y0 && y <= y1 && (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
const insidePolygon = (x, y, pts) => {
  let inside = false;
  for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
    const [xi, yi] = pts[i];
    const [xj, yj] = pts[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
};
const mix = (a, b, t) => a.map((v, i) => v + (b[i] - v) * t);

const ROOF = [[256, 104], [430, 254], [82, 254]];
const CHIMNEY = [[332, 120], [366, 120], [366, 210], [332, 180]];
const WALLS = [[126, 254], [386, 254], [386, 412], [126, 412]];
const DOOR = [[230, 318], [282, 318], [282, 412], [230, 412]];
const SLATE = [226, 232, 240];
const AMBER = [245, 158, 11];

function sample(x, y) {
  if (!insideRoundedRect(x, y, 24, 24, 488, 488, 104)) return [0, 0, 0, 0];
  const bg = mix([30, 58, 95], [12, 25, 44], (y - 24) / 464);
  if (insidePolygon(x, y, DOOR)) return [...bg, 255];
  if (insidePolygon(x, y, WALLS)) return [...AMBER, 255];
  if (insidePolygon(x, y, ROOF) || insidePolygon(x, y, CHIMNEY)) return [...SLATE, 255];
  return [...bg, 255];
}

const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let py = 0; py < SIZE; py++) {
  raw[py * (SIZE * 4 + 1)] = 0; // PNG filter: none
  for (let px = 0; px < SIZE; px++) {
    const acc = [0, 0, 0, 0];
    for (let sy = 0; sy < SS; sy++) {
      for (let sx = 0; sx < SS; sx++) {
        const [r, g, b, a] = sample(px + (sx + 0.5) / SS, py + (sy + 0.5) / SS);
        acc[0] += r * a;
        acc[1] += g * a;
        acc[2] += b * a;
        acc[3] += a;
      }
    }
    const o = py * (SIZE * 4 + 1) + 1 + px * 4;
    const alpha = acc[3] / (SS * SS);
    for (let c = 0; c < 3; c++) raw[o + c] = acc[3] === 0 ? 0 : Math.round(acc[c] / acc[3]);
    raw[o + 3] = Math.round(alpha);
  }
}

const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(SIZE, 0);
ihdr.writeUInt32BE(SIZE, 4);
ihdr[8] = 8; // bit depth
ihdr[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(join(import.meta.dirname, 'icon.png'), png);
console.log(`icon.png: ${SIZE}x${SIZE}, ${png.length} bytes`);
