/**
 * Small real images built in the test, no binary fixtures: a PNG from zlib and CRC-32, and a
 * baseline JPEG of flat gray 8×8 blocks (one Huffman code each for "no change" and "end of block").
 */
import { crc32, deflateSync } from 'node:zlib';

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** An 8-bit RGB (or RGBA) PNG of the given size in a diagonal two-colour pattern. */
export function png(width: number, height: number, opts: { alpha?: boolean } = {}): Buffer {
  const channels = opts.alpha ? 4 : 3;
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, opts.alpha ? 6 : 2, 0, 0, 0], 8);
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * channels);
    for (let x = 0; x < width; x++) {
      const on = (x + y) % 4 < 2;
      row.set((on ? [0x1f, 0x4e, 0x79, 0xff] : [0xff, 0xc0, 0x00, 0x80]).slice(0, channels), 1 + x * channels);
    }
    rows.push(row);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function segment(marker: number, body: number[]): number[] {
  const length = body.length + 2;
  return [0xff, marker, length >> 8, length & 0xff, ...body];
}

/** A baseline grayscale JPEG of width × height (multiples of 8), mid-gray throughout. */
export function jpeg(width: number, height: number): Buffer {
  const blocks = (width / 8) * (height / 8);
  // Each block: DC difference category 0 ("0"), then end of block ("0"); the last byte is padded with 1s.
  const bits = '00'.repeat(blocks).padEnd(Math.ceil((blocks * 2) / 8) * 8, '1');
  const scan: number[] = [];
  for (let i = 0; i < bits.length; i += 8) scan.push(parseInt(bits.slice(i, i + 8), 2));
  const oneCodeOfLength1 = [1, ...new Array<number>(15).fill(0)];
  return Buffer.from([
    0xff,
    0xd8,
    ...segment(0xdb, [0x00, ...new Array<number>(64).fill(1)]),
    ...segment(0xc0, [8, height >> 8, height & 0xff, width >> 8, width & 0xff, 1, 1, 0x11, 0]),
    ...segment(0xc4, [0x00, ...oneCodeOfLength1, 0x00]),
    ...segment(0xc4, [0x10, ...oneCodeOfLength1, 0x00]),
    ...segment(0xda, [1, 1, 0x00, 0, 63, 0]),
    ...scan,
    0xff,
    0xd9,
  ]);
}
