/**
 * Just enough PDF, TrueType and XML reading for test/support/pdfa-audit.ts, written against the
 * specifications rather than against what pdfkit happens to write: a PDF token reader (ISO
 * 32000-1 7.2 and 7.3), the TrueType tables that give glyph count and advance widths, and a
 * strict XML 1.0 reader with namespaces for the XMP packet. Anything unexpected is an error, so
 * a check built on these fails rather than passes when it meets something it cannot read.
 */

export type Token =
  | { kind: 'number'; value: number; text: string }
  | { kind: 'name'; value: string; bytes: number }
  | { kind: 'string'; bytes: Buffer; hex: boolean; hexDigits: number; hexValid: boolean }
  | { kind: 'delim'; value: '[' | ']' | '<<' | '>>' | '{' | '}' }
  | { kind: 'keyword'; value: string; start: number };

const WHITE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIM = new Set([...'()<>[]{}/%'].map((c) => c.charCodeAt(0)));
export const isWhite = (b: number | undefined): boolean => b !== undefined && WHITE.has(b);
const isRegular = (b: number | undefined): boolean => b !== undefined && !WHITE.has(b) && !DELIM.has(b);

/** Reads PDF tokens from `data`, starting at `pos`; `pos` is public so a caller can skip stream or inline-image data. */
export class Tokenizer {
  readonly data: Buffer;
  pos: number;
  constructor(data: Buffer, pos = 0) {
    this.data = data;
    this.pos = pos;
  }

  next(): Token | null {
    const d = this.data;
    for (;;) {
      while (this.pos < d.length && isWhite(d[this.pos])) this.pos++;
      if (d[this.pos] !== 0x25) break;
      while (this.pos < d.length && d[this.pos] !== 0x0a && d[this.pos] !== 0x0d) this.pos++;
    }
    if (this.pos >= d.length) return null;
    const start = this.pos;
    const c = String.fromCharCode(d[this.pos] as number);
    if (c === '(') return this.literal();
    if (c === '<' && d[this.pos + 1] === 0x3c) return (this.pos += 2), { kind: 'delim', value: '<<' };
    if (c === '>' && d[this.pos + 1] === 0x3e) return (this.pos += 2), { kind: 'delim', value: '>>' };
    if (c === '<') return this.hex();
    if (c === '[' || c === ']' || c === '{' || c === '}') return this.pos++, { kind: 'delim', value: c };
    if (c === '/') {
      this.pos++;
      while (isRegular(d[this.pos])) this.pos++;
      const raw = d.toString('latin1', start + 1, this.pos);
      const bytes = Buffer.from(raw.replace(/#([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1');
      return { kind: 'name', value: bytes.toString('latin1'), bytes: bytes.length };
    }
    if (!isRegular(d[this.pos])) throw new Error(`unexpected byte ${d[this.pos]} at ${this.pos}`);
    while (isRegular(d[this.pos])) this.pos++;
    const text = d.toString('latin1', start, this.pos);
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(text)) return { kind: 'number', value: Number(text), text };
    return { kind: 'keyword', value: text, start };
  }

  private literal(): Token {
    const d = this.data;
    const out: number[] = [];
    let depth = 0;
    this.pos++;
    for (;;) {
      if (this.pos >= d.length) throw new Error('unterminated string');
      const b = d[this.pos++] as number;
      if (b === 0x5c) {
        const e = d[this.pos++] as number;
        const simple: Record<number, number> = { 0x6e: 10, 0x72: 13, 0x74: 9, 0x62: 8, 0x66: 12, 0x28: 0x28, 0x29: 0x29, 0x5c: 0x5c };
        if (simple[e] !== undefined) out.push(simple[e]);
        else if (e >= 0x30 && e <= 0x37) {
          let oct = e - 0x30;
          for (let i = 0; i < 2 && (d[this.pos] ?? 0) >= 0x30 && (d[this.pos] ?? 0) <= 0x37; i++) oct = oct * 8 + ((d[this.pos++] as number) - 0x30);
          out.push(oct & 0xff);
        } else if (e === 0x0d) {
          if (d[this.pos] === 0x0a) this.pos++;
        } else if (e !== 0x0a) out.push(e);
        continue;
      }
      if (b === 0x28) depth++;
      if (b === 0x29 && depth-- === 0) break;
      out.push(b);
    }
    return { kind: 'string', bytes: Buffer.from(out), hex: false, hexDigits: 0, hexValid: true };
  }

  private hex(): Token {
    const end = this.data.indexOf(0x3e, this.pos);
    if (end < 0) throw new Error('unterminated hex string');
    const body = this.data.toString('latin1', this.pos + 1, end);
    this.pos = end + 1;
    const digits = body.replace(/[\0\t\n\f\r ]/g, '');
    const hexValid = /^[0-9A-Fa-f]*$/.test(digits);
    const padded = digits.length % 2 ? `${digits}0` : digits;
    return { kind: 'string', bytes: Buffer.from(hexValid ? padded : '', 'hex'), hex: true, hexDigits: digits.length, hexValid };
  }
}

/** An operand or a dictionary value inside a content stream. */
export type Operand = number | boolean | null | { name: string } | { str: Buffer } | Operand[] | { dict: Map<string, Operand> };

export interface Operation {
  op: string;
  operands: Operand[];
  /** For BI … ID … EI: the inline image dictionary. */
  inline?: Map<string, Operand>;
}

/** The operators of ISO 32000-1, Annex A. */
export const OPERATORS = new Set(
  'b B b* B* BDC BI BMC BT BX c cm CS cs d d0 d1 Do DP EI EMC ET EX f F f* G g gs h i ID j J K k l m M MP n q Q re RG rg ri s S SC sc SCN scn sh T* Tc Td TD Tf Tj TJ TL Tm Tr Ts Tw Tz v w W W* y \' "'.split(' '),
);

/** A content stream as operations with their operands (inline image data skipped). */
export function parseContent(data: Buffer): Operation[] {
  const tok = new Tokenizer(data);
  const ops: Operation[] = [];
  const stack: Operand[][] = [[]];
  const keys: Array<'array' | 'dict'> = [];
  for (let t = tok.next(); t; t = tok.next()) {
    const top = stack[stack.length - 1] as Operand[];
    if (t.kind === 'number') top.push(t.value);
    else if (t.kind === 'name') top.push({ name: t.value });
    else if (t.kind === 'string') top.push({ str: t.bytes });
    else if (t.kind === 'delim') {
      if (t.value === '[' || t.value === '<<') {
        stack.push([]);
        keys.push(t.value === '[' ? 'array' : 'dict');
      } else if (t.value === ']' || t.value === '>>') {
        const items = stack.pop() as Operand[];
        const kind = keys.pop();
        if (stack.length === 0 || kind !== (t.value === ']' ? 'array' : 'dict')) throw new Error('unbalanced array or dictionary');
        (stack[stack.length - 1] as Operand[]).push(kind === 'array' ? items : { dict: toDict(items) });
      } else throw new Error(`unexpected ${t.value} in a content stream`);
    } else if (t.value === 'true' || t.value === 'false' || t.value === 'null') top.push(t.value === 'null' ? null : t.value === 'true');
    else if (stack.length > 1) throw new Error(`operator ${t.value} inside an array or dictionary`);
    else if (t.value === 'BI') {
      const dict: Operand[] = [];
      for (let u = tok.next(); ; u = tok.next()) {
        if (!u) throw new Error('BI without ID');
        if (u.kind === 'keyword' && u.value === 'ID') break;
        dict.push(u.kind === 'number' ? u.value : u.kind === 'name' ? { name: u.value } : u.kind === 'keyword' ? u.value === 'true' : null);
      }
      const end = findInlineEnd(data, tok.pos + 1);
      tok.pos = end + 2;
      ops.push({ op: 'BI', operands: [], inline: toDict(dict) });
      top.length = 0;
    } else {
      ops.push({ op: t.value, operands: [...top] });
      top.length = 0;
    }
  }
  if (stack.length !== 1) throw new Error('unterminated array or dictionary');
  return ops;
}

function toDict(items: Operand[]): Map<string, Operand> {
  const map = new Map<string, Operand>();
  for (let i = 0; i + 1 < items.length; i += 2) {
    const key = items[i];
    if (key === null || typeof key !== 'object' || !('name' in key)) throw new Error('dictionary key is not a name');
    map.set(key.name, items[i + 1] as Operand);
  }
  return map;
}

function findInlineEnd(data: Buffer, from: number): number {
  for (let i = from; i + 1 < data.length; i++) {
    if (data[i] === 0x45 && data[i + 1] === 0x49 && isWhite(data[i - 1]) && (i + 2 >= data.length || isWhite(data[i + 2]))) return i;
  }
  throw new Error('inline image without EI');
}

export interface TrueTypeMetrics {
  numGlyphs: number;
  unitsPerEm: number;
  /** Advance width of a glyph in font units. */
  advance(gid: number): number;
}

/** Glyph count and advance widths from the head, maxp, hhea and hmtx tables of a TrueType font program. */
export function trueTypeMetrics(font: Buffer): TrueTypeMetrics {
  const tables = new Map<string, number>();
  const count = font.readUInt16BE(4);
  for (let i = 0; i < count; i++) tables.set(font.toString('latin1', 12 + i * 16, 16 + i * 16), font.readUInt32BE(20 + i * 16));
  const at = (tag: string): number => {
    const offset = tables.get(tag);
    if (offset === undefined) throw new Error(`font program has no ${tag} table`);
    return offset;
  };
  const unitsPerEm = font.readUInt16BE(at('head') + 18);
  const numGlyphs = font.readUInt16BE(at('maxp') + 4);
  const metrics = font.readUInt16BE(at('hhea') + 34);
  const hmtx = at('hmtx');
  return { numGlyphs, unitsPerEm, advance: (gid) => font.readUInt16BE(hmtx + 4 * Math.min(gid, metrics - 1)) };
}

export interface XmlElement {
  name: string;
  /** Namespace URI of the element. */
  ns: string;
  local: string;
  /** Attributes by qualified name, with the namespace URI of each prefixed one. */
  attrs: Map<string, { value: string; ns: string; local: string }>;
  children: Array<XmlElement | string>;
}

export interface XmlDocument {
  root: XmlElement;
  /** Processing instructions in document order, e.g. the xpacket header and trailer. */
  pis: Array<{ target: string; body: string }>;
}

const XML_CHAR = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const XML_NS = 'http://www.w3.org/XML/1998/namespace';

function decodeText(raw: string): string {
  if (raw.includes('<')) throw new Error('"<" in text or attribute value');
  return raw.replace(/&([^;\s]*);?/g, (m, ref: string) => {
    if (!m.endsWith(';')) throw new Error(`unterminated reference ${m}`);
    if (ENTITIES[ref]) return ENTITIES[ref];
    const code = /^#x[0-9A-Fa-f]+$/.test(ref) ? parseInt(ref.slice(2), 16) : /^#\d+$/.test(ref) ? Number(ref.slice(1)) : NaN;
    if (!Number.isFinite(code) || code > 0x10ffff) throw new Error(`unknown reference ${m}`);
    const ch = String.fromCodePoint(code);
    if (!XML_CHAR.test(ch)) throw new Error(`reference to a character XML forbids: ${m}`);
    return ch;
  });
}

/** Parses well-formed XML 1.0 with namespaces (no DTD); throws on anything that is not. */
export function parseXml(text: string): XmlDocument {
  if (!XML_CHAR.test(text)) throw new Error('a character XML 1.0 forbids');
  const pis: XmlDocument['pis'] = [];
  const stack: Array<{ el: XmlElement; scope: Map<string, string> }> = [];
  let root: XmlElement | undefined;
  let pos = 0;
  const NAME = /^[A-Za-z_][\w.-]*(:[A-Za-z_][\w.-]*)?/;
  while (pos < text.length) {
    const lt = text.indexOf('<', pos);
    const chunk = text.slice(pos, lt < 0 ? text.length : lt);
    if (chunk.trim()) {
      const top = stack[stack.length - 1];
      if (!top) throw new Error('text outside the root element');
      top.el.children.push(decodeText(chunk));
    }
    if (lt < 0) break;
    if (text.startsWith('<?', lt)) {
      const end = text.indexOf('?>', lt);
      if (end < 0) throw new Error('unterminated processing instruction');
      const [, target = '', body = ''] = /^<\?(\S+)\s*([\s\S]*)$/.exec(text.slice(lt, end)) ?? [];
      pis.push({ target, body });
      pos = end + 2;
    } else if (text.startsWith('<!--', lt)) {
      const end = text.indexOf('-->', lt);
      if (end < 0) throw new Error('unterminated comment');
      pos = end + 3;
    } else if (text.startsWith('<![CDATA[', lt)) {
      const end = text.indexOf(']]>', lt);
      const top = stack[stack.length - 1];
      if (end < 0 || !top) throw new Error('misplaced CDATA section');
      top.el.children.push(text.slice(lt + 9, end));
      pos = end + 3;
    } else if (text.startsWith('<!', lt)) {
      throw new Error('a DTD or declaration, which XMP does not use');
    } else if (text.startsWith('</', lt)) {
      const end = text.indexOf('>', lt);
      const name = text.slice(lt + 2, end).trim();
      const top = stack.pop();
      if (!top || top.el.name !== name) throw new Error(`end tag </${name}> does not match`);
      pos = end + 1;
    } else {
      const name = NAME.exec(text.slice(lt + 1))?.[0];
      if (!name) throw new Error(`invalid tag at ${lt}`);
      let p = lt + 1 + name.length;
      const raw: Array<[string, string]> = [];
      for (;;) {
        const m = /^\s*(?:(\/?>)|([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)\s*=\s*("[^"]*"|'[^']*'))/.exec(text.slice(p));
        if (!m) throw new Error(`malformed attributes in <${name}>`);
        p += m[0].length;
        if (m[1]) {
          if (m[1] === '/>') p = -p;
          break;
        }
        const attr = m[2] as string;
        if (raw.some(([a]) => a === attr)) throw new Error(`duplicate attribute ${attr}`);
        raw.push([attr, decodeText((m[3] as string).slice(1, -1))]);
      }
      const parentScope = stack[stack.length - 1]?.scope ?? new Map([['xml', XML_NS]]);
      const scope = new Map(parentScope);
      for (const [a, v] of raw) if (a === 'xmlns' || a.startsWith('xmlns:')) scope.set(a === 'xmlns' ? '' : a.slice(6), v);
      const resolve = (qname: string, isAttr: boolean): { ns: string; local: string } => {
        const [prefix, local] = qname.includes(':') ? (qname.split(':') as [string, string]) : ['', qname];
        const ns = prefix === '' && isAttr ? '' : scope.get(prefix);
        if (ns === undefined) throw new Error(`undeclared namespace prefix ${prefix}`);
        return { ns, local };
      };
      const attrs = new Map<string, { value: string; ns: string; local: string }>();
      for (const [a, v] of raw) if (a !== 'xmlns' && !a.startsWith('xmlns:')) attrs.set(a, { value: v, ...resolve(a, true) });
      const el: XmlElement = { name, ...resolve(name, false), attrs, children: [] };
      const parent = stack[stack.length - 1];
      if (parent) parent.el.children.push(el);
      else if (root) throw new Error('more than one root element');
      else root = el;
      if (p > 0) stack.push({ el, scope });
      pos = Math.abs(p);
    }
  }
  if (stack.length) throw new Error(`unclosed <${stack[stack.length - 1]?.el.name}>`);
  if (!root) throw new Error('no root element');
  return { root, pis };
}
