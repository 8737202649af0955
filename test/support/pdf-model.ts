/**
 * The PDF document as qpdf's JSON (version 2) describes it: objects by reference, values resolved
 * on demand, stream data decoded. Shared by the parts of test/support/pdfa-audit.ts.
 */
import { inflateSync } from 'node:zlib';

export type Json = number | boolean | null | string | Json[] | { [key: string]: Json };
export type Dict = { [key: string]: Json };
export interface RawObject {
  value?: Json;
  stream?: { dict: Dict; data?: string };
}

const REF = /^\d+ \d+ R$/;

/** The document as qpdf reads it: objects by reference, values resolved on demand. */
export class PdfModel {
  readonly objects: Record<string, RawObject>;
  readonly trailer: Dict;
  readonly maxObjectId: number;
  constructor(json: { qpdf: [{ maxobjectid: number }, Record<string, RawObject>] }) {
    this.objects = json.qpdf[1];
    this.maxObjectId = json.qpdf[0].maxobjectid;
    this.trailer = (this.objects.trailer?.value ?? {}) as Dict;
  }
  /** A reference's value (a stream's dictionary); anything else unchanged. */
  resolve(value: Json | undefined): Json | undefined {
    if (typeof value !== 'string' || !REF.test(value)) return value;
    const o = this.objects[`obj:${value}`];
    return o?.stream ? o.stream.dict : o?.value;
  }
  dict(value: Json | undefined): Dict | undefined {
    const v = this.resolve(value);
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? v : undefined;
  }
  array(value: Json | undefined): Json[] {
    const v = this.resolve(value);
    return Array.isArray(v) ? v : [];
  }
  /** A stream's data with its filters undone (Flate only: anything else in a checked stream is an error). */
  streamData(ref: Json | undefined): Buffer {
    const o = typeof ref === 'string' ? this.objects[`obj:${ref}`] : undefined;
    if (o?.stream?.data === undefined) throw new Error(`${String(ref)} is not a stream`);
    const filters = this.array(o.stream.dict['/Filter']).concat(typeof o.stream.dict['/Filter'] === 'string' ? [o.stream.dict['/Filter']] : []);
    let data = Buffer.from(o.stream.data, 'base64');
    for (const f of filters) {
      if (f !== '/FlateDecode') throw new Error(`${String(ref)}: filter ${String(f)} not supported by the audit`);
      data = inflateSync(data);
    }
    return data;
  }
  catalog(): Dict {
    return this.dict(this.trailer['/Root']) ?? {};
  }
}

/** Text of a PDF string as qpdf gives it ("u:" text, "b:" hex bytes). */
export function pdfText(value: Json | undefined): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (value.startsWith('u:')) return value.slice(2);
  if (value.startsWith('b:')) return Buffer.from(value.slice(2), 'hex').toString('latin1');
  return undefined;
}

/** Every dictionary inside a value (not following references). */
export function walk(value: Json | undefined, visit: (d: Dict) => void): void {
  if (Array.isArray(value)) for (const v of value) walk(v, visit);
  else if (value !== null && typeof value === 'object') {
    visit(value);
    for (const v of Object.values(value)) walk(v, visit);
  }
}

/** Bytes of an ICC profile header field, for the output intent rule. */
export function iccHeader(data: Buffer): { major: number; deviceClass: string; colorSpace: string } {
  return { major: data[8] ?? 0, deviceClass: data.toString('latin1', 12, 16), colorSpace: data.toString('latin1', 16, 20) };
}

