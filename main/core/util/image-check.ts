/**
 * Checks that bytes are a PNG or JPEG a PDF can carry, without any image library: the PNG's chunk
 * checksums and pixel data, the JPEG's segments and frame. pdfkit trusts what it is given (a
 * damaged PNG with transparency even throws from a zlib callback, out of reach of any try/catch),
 * so every logo passes here before it goes near the renderer.
 */
import { crc32, inflateSync } from 'node:zlib';

export interface ImageInfo {
  format: 'png' | 'jpeg';
  width: number;
  height: number;
}

/** A cover logo needs far less; the limit bounds the memory a decoded image can take. */
export const MAX_IMAGE_SIDE = 4096;
const MAX_PIXELS = 8 * 1024 * 1024;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function sniffImage(data: Buffer): 'png' | 'jpeg' | undefined {
  if (data.subarray(0, 8).equals(PNG_SIGNATURE)) return 'png';
  if (data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'jpeg';
  return undefined;
}

/** The image's format and size; throws an Error whose message completes "The logo …". */
export function inspectImage(data: Buffer): ImageInfo {
  const format = sniffImage(data);
  if (format === undefined) throw new Error('is not a PNG or JPEG image');
  const png = format === 'png' ? inspectPng(data) : undefined;
  const info = png ?? inspectJpeg(data);
  if (info.width < 1 || info.height < 1) throw new Error(`is a damaged ${format.toUpperCase()} (it has no pixels)`);
  if (info.width > MAX_IMAGE_SIDE || info.height > MAX_IMAGE_SIDE || info.width * info.height > MAX_PIXELS) {
    throw new Error(`is ${info.width} × ${info.height} pixels; a logo may have at most ${MAX_IMAGE_SIDE} pixels a side and 8 megapixels`);
  }
  if (png) checkPngPixels(png);
  return { format, width: info.width, height: info.height };
}

const damagedPng = (why: string): Error => new Error(`is a damaged PNG (${why})`);
const damagedJpeg = (why: string): Error => new Error(`is a damaged JPEG (${why})`);

const PNG_CHANNELS: Readonly<Record<number, number>> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
const PNG_DEPTHS: Readonly<Record<number, readonly number[]>> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };

interface PngInfo extends ImageInfo {
  bitsPerPixel: number;
  interlaced: boolean;
  pixelData: Buffer;
}

function inspectPng(data: Buffer): PngInfo {
  let pos = 8;
  let header: Omit<PngInfo, 'pixelData'> | undefined;
  let paletteOk = false;
  const idat: Buffer[] = [];
  for (;;) {
    if (pos + 12 > data.length) throw damagedPng('it is cut short');
    const length = data.readUInt32BE(pos);
    const type = data.toString('latin1', pos + 4, pos + 8);
    if (!/^[A-Za-z]{4}$/.test(type)) throw damagedPng('a chunk has an invalid name');
    const end = pos + 12 + length;
    if (end > data.length) throw damagedPng('it is cut short');
    if (crc32(data.subarray(pos + 4, pos + 8 + length)) !== data.readUInt32BE(pos + 8 + length)) throw damagedPng(`chunk ${type} fails its checksum`);
    const body = data.subarray(pos + 8, pos + 8 + length);
    if (!header && type !== 'IHDR') throw damagedPng('it does not start with its header');
    if (type === 'IHDR') {
      if (header || length !== 13) throw damagedPng('its header is invalid');
      const [depth, color, compression, filter, interlace] = [body[8], body[9], body[10], body[11], body[12]] as number[];
      if (!PNG_DEPTHS[color]?.includes(depth) || compression !== 0 || filter !== 0 || interlace > 1) throw damagedPng('its header is invalid');
      header = { format: 'png', width: body.readUInt32BE(0), height: body.readUInt32BE(4), bitsPerPixel: depth * (PNG_CHANNELS[color] ?? 1), interlaced: interlace === 1 };
      paletteOk = color !== 3;
    } else if (type === 'PLTE') {
      paletteOk = true;
    } else if (type === 'IDAT') {
      idat.push(body);
    } else if (type === 'IEND') {
      break;
    }
    pos = end;
  }
  if (!header) throw damagedPng('it has no header');
  if (!paletteOk) throw damagedPng('its palette is missing');
  if (idat.length === 0) throw damagedPng('it has no pixel data');
  return { ...header, pixelData: Buffer.concat(idat) };
}

const ADAM7: ReadonlyArray<readonly [number, number, number, number]> = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
];

/** The byte length of every scanline (filter byte included), pass by pass when interlaced. */
function scanlines(info: PngInfo): number[] {
  const rows: number[] = [];
  for (const [x0, y0, dx, dy] of info.interlaced ? ADAM7 : [[0, 0, 1, 1] as const]) {
    const w = Math.ceil((info.width - x0) / dx);
    const h = Math.ceil((info.height - y0) / dy);
    if (w <= 0 || h <= 0) continue;
    const bytes = 1 + Math.ceil((w * info.bitsPerPixel) / 8);
    for (let r = 0; r < h; r++) rows.push(bytes);
  }
  return rows;
}

/** The pixel data must inflate to exactly the image's scanlines, each with a known filter. */
function checkPngPixels(png: PngInfo): void {
  const rows = scanlines(png);
  const expected = rows.reduce((a, b) => a + b, 0);
  let raw: Buffer;
  try {
    raw = inflateSync(png.pixelData, { maxOutputLength: expected + 1 });
  } catch {
    throw damagedPng('its pixel data does not decompress to its size');
  }
  if (raw.length !== expected) throw damagedPng('its pixel data does not match its size');
  let offset = 0;
  for (const bytes of rows) {
    if ((raw[offset] as number) > 4) throw damagedPng('a row has an unknown filter');
    offset += bytes;
  }
}

/** Baseline and progressive Huffman: the JPEG codings PDF readers decode (DCTDecode). */
const SUPPORTED_FRAMES = new Set([0xc0, 0xc1, 0xc2]);
const OTHER_FRAMES = new Set([0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

function inspectJpeg(data: Buffer): ImageInfo {
  let pos = 2;
  let frame: ImageInfo | undefined;
  for (;;) {
    if (pos >= data.length) throw damagedJpeg('it ends before its image data');
    if (data[pos] !== 0xff) throw damagedJpeg('a marker is missing');
    while (data[pos] === 0xff) pos++;
    const marker = data[pos++];
    if (marker === undefined || marker === 0xd9) throw damagedJpeg('it ends before its image data');
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) continue;
    if (pos + 2 > data.length) throw damagedJpeg('it is cut short');
    const length = data.readUInt16BE(pos);
    if (length < 2 || pos + length > data.length) throw damagedJpeg('it is cut short');
    if (OTHER_FRAMES.has(marker)) throw new Error('uses a JPEG coding PDF readers do not support; save it as a baseline or progressive JPEG, or as a PNG');
    if (SUPPORTED_FRAMES.has(marker)) {
      if (frame || length < 8) throw damagedJpeg('its frame header is invalid');
      const components = data[pos + 7] as number;
      if (data[pos + 2] !== 8 || ![1, 3, 4].includes(components) || length !== 8 + 3 * components) throw new Error('uses a JPEG layout PDF readers do not support (8-bit gray, RGB or CMYK only)');
      frame = { format: 'jpeg', height: data.readUInt16BE(pos + 3), width: data.readUInt16BE(pos + 5) };
    }
    if (marker === 0xda) {
      if (!frame) throw damagedJpeg('its image data comes before its frame header');
      const eoi = data.lastIndexOf(Buffer.from([0xff, 0xd9]));
      if (eoi < pos + length) throw damagedJpeg('it is cut short');
      return frame;
    }
    pos += length;
  }
}

/** The chunks a PDF needs from a PNG: header, palette, transparency, pixels, end. */
const PNG_KEPT = new Set(['IHDR', 'PLTE', 'tRNS', 'IDAT', 'IEND']);

/**
 * The same image without its ancillary chunks (text, EXIF, ICC, timestamps...). pdfkit's PNG
 * reader turns a text chunk into a string with one call argument per byte and overflows the stack
 * past ~100 KB of text; and none of it belongs in a client's report. Call on a checked PNG only.
 */
export function pngWithoutMetadata(data: Buffer): Buffer {
  const parts: Buffer[] = [data.subarray(0, 8)];
  let pos = 8;
  while (pos + 12 <= data.length) {
    const length = data.readUInt32BE(pos);
    const type = data.toString('latin1', pos + 4, pos + 8);
    const end = pos + 12 + length;
    if (PNG_KEPT.has(type)) parts.push(data.subarray(pos, end));
    pos = end;
    if (type === 'IEND') break;
  }
  return Buffer.concat(parts);
}
