/**
 * The graphics side of the PDF/A-2b audit (ISO 19005-2 6.2 and 6.3): every page's content stream
 * and the forms it draws are read operator by operator, so colour spaces, images, graphics states,
 * fonts and each glyph shown are checked where they are used, as veraPDF does.
 */
import type { Fail } from './pdfa-audit.ts';
import { iccHeader, pdfText, type Dict, type Json, type PdfModel } from './pdf-model.ts';
import { OPERATORS, parseContent, trueTypeMetrics, type Operand, type TrueTypeMetrics } from './pdf-syntax.ts';

export interface ContentFacts {
  pages: number;
  /** ICC colour space of the PDF/A output intent ("RGB " for sRGB), null without one. */
  outputIntent: string | null;
  /** Device colour spaces the pages draw with (operators, images, groups), by name. */
  deviceSpaces: string[];
  fonts: Array<{ name: string; subtype: string; embedded: boolean; glyphs: number }>;
  /** Glyphs shown, each checked for .notdef and width. */
  glyphs: number;
  images: number;
  softMasks: number;
  transparentPages: number;
  annotations: Array<{ subtype: string; flags: number | null; action: string }>;
  /** Deepest q nesting on any page. */
  maxNesting: number;
}

const INTENTS = new Set(['/RelativeColorimetric', '/AbsoluteColorimetric', '/Perceptual', '/Saturation']);
const names = (list: string): Set<string> => new Set(list.split(' ').map((n) => `/${n}`));
const BLEND = names('Normal Compatible Multiply Screen Overlay Darken Lighten ColorDodge ColorBurn HardLight SoftLight Difference Exclusion Hue Saturation Color Luminosity');
const ANNOTATIONS = names('Text Link FreeText Line Square Circle Polygon PolyLine Highlight Underline Squiggly StrikeOut Stamp Caret Ink Popup FileAttachment Widget PrinterMark TrapNet Watermark Redact');
const DEVICE: Record<string, string> = { '/DeviceRGB': 'DeviceRGB', '/RGB': 'DeviceRGB', '/DeviceCMYK': 'DeviceCMYK', '/CMYK': 'DeviceCMYK', '/DeviceGray': 'DeviceGray', '/G': 'DeviceGray' };

interface FontInfo {
  name: string;
  /** Two-byte codes through Identity-H/V: the only encoding whose glyphs are audited. */
  gid?: (cid: number) => number;
  metrics?: TrueTypeMetrics;
  widths: Map<number, number>;
  dw: number;
  fact: ContentFacts['fonts'][number];
}

interface Scope {
  where: string;
  resources: Dict | undefined;
  transparency: boolean;
  /** Forms being drawn, to stop at a cycle. */
  forms: Set<string>;
}

export function checkContent(doc: PdfModel, fail: Fail): ContentFacts {
  const facts: ContentFacts = { pages: 0, outputIntent: outputIntent(doc, fail), deviceSpaces: [], fonts: [], glyphs: 0, images: 0, softMasks: 0, transparentPages: 0, annotations: [], maxNesting: 0 };
  const fonts = new Map<string, FontInfo>();
  const deviceUse = new Map<string, string>();

  const resource = (s: Scope, kind: string, name: Operand | undefined): Json | undefined => {
    const key = name !== null && typeof name === 'object' && 'name' in name ? `/${name.name}` : undefined;
    const value = key ? doc.dict(s.resources?.[kind])?.[key] : undefined;
    if (value === undefined) fail('6.2.2', `${s.where}: ${kind.slice(1)} resource ${key ?? '(not a name)'} is missing from the resource dictionary`);
    return value;
  };

  const device = (s: Scope, space: string): void => {
    // A Default colour space in the resources makes the device space device-independent (6.2.4.3).
    if (doc.dict(s.resources?.['/ColorSpace'])?.[`/Default${space.slice(6)}`] !== undefined) return;
    if (!deviceUse.has(space)) deviceUse.set(space, s.where);
  };

  const colourSpace = (s: Scope, cs: Json | undefined, named: boolean): void => {
    const v = doc.resolve(cs);
    if (typeof v === 'string') {
      if (DEVICE[v]) device(s, DEVICE[v]);
      else if (named && v !== '/Pattern') colourSpace(s, resource(s, '/ColorSpace', { name: v.slice(1) }), false);
    } else if (Array.isArray(v)) {
      const family = v[0];
      if (family === '/Indexed' || family === '/I' || family === '/Pattern') colourSpace(s, v[1], false);
      else if (family === '/Separation' || family === '/DeviceN') colourSpace(s, v[2], false);
    }
  };

  const image = (s: Scope, d: Dict): void => {
    facts.images++;
    if ('/Alternates' in d) fail('6.2.8', `${s.where}: image with Alternates`);
    if ('/OPI' in d) fail('6.2.8', `${s.where}: image with OPI`);
    if (d['/Interpolate'] === true) fail('6.2.8', `${s.where}: image with Interpolate true`);
    const bpc = d['/BitsPerComponent'];
    if (bpc !== undefined && ![1, 2, 4, 8, 16].includes(bpc as number)) fail('6.2.8', `${s.where}: image with BitsPerComponent ${String(bpc)}`);
    if (d['/Intent'] !== undefined && !INTENTS.has(String(d['/Intent']))) fail('6.2.6', `${s.where}: image rendering intent ${String(d['/Intent'])}`);
    if (d['/ImageMask'] !== true) colourSpace(s, d['/ColorSpace'], false);
    const smask = doc.dict(d['/SMask']);
    if (smask) {
      facts.softMasks++;
      s.transparency = true;
      if (smask['/Interpolate'] === true) fail('6.2.8', `${s.where}: soft mask with Interpolate true`);
    }
    if (typeof d['/SMaskInData'] === 'number' && d['/SMaskInData'] > 0) s.transparency = true;
  };

  const extGState = (s: Scope, d: Dict | undefined): void => {
    if (!d) return;
    if ('/TR' in d) fail('6.2.5', `${s.where}: ExtGState with TR`);
    if (d['/TR2'] !== undefined && d['/TR2'] !== '/Default') fail('6.2.5', `${s.where}: ExtGState with TR2 other than Default`);
    if ('/HTP' in d || '/HTO' in d) fail('6.2.5', `${s.where}: ExtGState with HTP or HTO`);
    if (d['/RI'] !== undefined && !INTENTS.has(String(d['/RI']))) fail('6.2.6', `${s.where}: ExtGState RI ${String(d['/RI'])}`);
    for (const bm of [d['/BM'] ?? []].flat()) {
      if (!BLEND.has(String(bm))) fail('6.2.10', `${s.where}: blend mode ${String(bm)}`);
      if (bm !== '/Normal' && bm !== '/Compatible') s.transparency = true;
    }
    if (doc.dict(d['/SMask'])) s.transparency = true;
    if ((typeof d['/CA'] === 'number' && d['/CA'] < 1) || (typeof d['/ca'] === 'number' && d['/ca'] < 1)) s.transparency = true;
  };

  const form = (s: Scope, ref: Json, d: Dict): void => {
    if ('/OPI' in d || d['/Subtype2'] === '/PS' || '/PS' in d) fail('6.2.9', `${s.where}: form XObject with OPI or PostScript`);
    if ('/Ref' in d) fail('6.2.9', `${s.where}: reference XObject`);
    const group = doc.dict(d['/Group']);
    if (group?.['/S'] === '/Transparency') s.transparency = true;
    if (group?.['/CS'] !== undefined) colourSpace(s, group['/CS'], false);
    const key = String(ref);
    if (s.forms.has(key)) return;
    const inner: Scope = { ...s, resources: doc.dict(d['/Resources']) ?? s.resources, forms: new Set([...s.forms, key]) };
    content(inner, doc.streamData(ref));
    s.transparency ||= inner.transparency;
  };

  const font = (ref: Json): FontInfo => {
    const key = typeof ref === 'string' ? ref : JSON.stringify(ref);
    let info = fonts.get(key);
    if (!info) fonts.set(key, (info = loadFont(doc, ref, fail)));
    if (!facts.fonts.includes(info.fact)) facts.fonts.push(info.fact);
    return info;
  };

  const show = (s: Scope, f: FontInfo | undefined, text: Operand | undefined): void => {
    if (!f) return fail('6.2.2', `${s.where}: text shown before any Tf`);
    if (text === null || typeof text !== 'object' || !('str' in text) || !f.gid) return;
    const bytes = text.str;
    if (bytes.length % 2) fail('6.2.11.8', `${s.where}: ${f.name}: odd number of bytes for a two-byte encoding`);
    for (let i = 0; i + 1 < bytes.length; i += 2) {
      const cid = bytes.readUInt16BE(i);
      const gid = f.gid(cid);
      facts.glyphs++;
      f.fact.glyphs++;
      if (!f.metrics) continue;
      if (gid === 0 || gid >= f.metrics.numGlyphs) {
        fail('6.2.11.8', `${s.where}: ${f.name} shows CID ${cid}, which maps to .notdef`);
        continue;
      }
      const program = (f.metrics.advance(gid) * 1000) / f.metrics.unitsPerEm;
      const dict = f.widths.get(cid) ?? f.dw;
      if (Math.abs(program - dict) > 1) fail('6.2.11.5', `${f.name} CID ${cid}: width ${dict} in W, ${program.toFixed(2)} in the font program`);
    }
  };

  function content(s: Scope, data: Buffer): void {
    let ops;
    try {
      ops = parseContent(data);
    } catch (err) {
      return fail('6.2.2', `${s.where}: unreadable content stream (${(err as Error).message})`);
    }
    let depth = 0;
    let current: FontInfo | undefined;
    for (const { op, operands, inline } of ops) {
      if (!OPERATORS.has(op)) fail('6.2.2', `${s.where}: operator ${op} is not in ISO 32000-1`);
      const last = operands[operands.length - 1];
      if (op === 'q') {
        facts.maxNesting = Math.max(facts.maxNesting, ++depth);
        if (depth > 28) fail('6.1.13', `${s.where}: q nested ${depth} deep (limit 28)`);
      } else if (op === 'Q') depth--;
      else if (op === 'rg' || op === 'RG') device(s, 'DeviceRGB');
      else if (op === 'k' || op === 'K') device(s, 'DeviceCMYK');
      else if (op === 'g' || op === 'G') device(s, 'DeviceGray');
      else if (op === 'cs' || op === 'CS') colourSpace(s, last !== null && typeof last === 'object' && 'name' in last ? `/${last.name}` : undefined, true);
      else if (op === 'ri' && !(last && typeof last === 'object' && 'name' in last && INTENTS.has(`/${last.name}`))) fail('6.2.6', `${s.where}: ri operator with a non-standard intent`);
      else if (op === 'gs') extGState(s, doc.dict(resource(s, '/ExtGState', last)));
      else if (op === 'sh') colourSpace(s, doc.dict(resource(s, '/Shading', last))?.['/ColorSpace'], false);
      else if (op === 'Tf') {
        const ref = resource(s, '/Font', operands[0]);
        current = ref === undefined ? undefined : font(ref);
      } else if (op === 'Tj' || op === "'" || op === '"') show(s, current, last);
      else if (op === 'TJ' && Array.isArray(last)) for (const item of last) show(s, current, item);
      else if (op === 'Do') {
        const ref = resource(s, '/XObject', last);
        const d = doc.dict(ref);
        if (d?.['/Subtype'] === '/Image') image(s, d);
        else if (d?.['/Subtype'] === '/Form' && ref !== undefined) form(s, ref, d);
        else if (d?.['/Subtype'] === '/PS') fail('6.2.9', `${s.where}: PostScript XObject`);
      } else if (op === 'BI' && inline) {
        const get = (short: string, long: string): Operand | undefined => inline.get(short) ?? inline.get(long);
        const filters = [get('F', 'Filter') ?? []].flat().map((f) => (f && typeof f === 'object' && 'name' in f ? f.name : ''));
        if (filters.some((f) => f === 'LZW' || f === 'LZWDecode' || f === 'Crypt')) fail('6.1.10', `${s.where}: inline image with an LZW or Crypt filter`);
        if (get('I', 'Interpolate') === true) fail('6.1.10', `${s.where}: inline image with Interpolate true`);
        const cs = get('CS', 'ColorSpace');
        if (cs && typeof cs === 'object' && 'name' in cs) colourSpace(s, `/${cs.name}`, true);
      }
    }
  }

  const pages = collectPages(doc);
  facts.pages = pages.length;
  pages.forEach((page, i) => {
    const s: Scope = { where: `page ${i + 1}`, resources: page.resources, transparency: false, forms: new Set() };
    if (!page.resources) fail('6.2.2', `${s.where}: no resource dictionary`);
    const group = doc.dict(page.dict['/Group']);
    if (group?.['/CS'] !== undefined) colourSpace(s, group['/CS'], false);
    const streams = [page.dict['/Contents']].flat().flatMap((c) => (Array.isArray(doc.resolve(c)) ? doc.array(c) : [c]));
    try {
      content(s, Buffer.concat(streams.map((c) => Buffer.concat([doc.streamData(c), Buffer.from('\n')]))));
    } catch (err) {
      fail('6.2.2', `${s.where}: ${(err as Error).message}`);
    }
    if (s.transparency) facts.transparentPages++;
    if (s.transparency && facts.outputIntent === null && group?.['/CS'] === undefined) fail('6.2.10', `${s.where}: transparency, but neither an output intent nor a page group colour space`);
    for (const a of doc.array(page.dict['/Annots'])) annotation(doc, a, s, facts, fail, form);
  });

  facts.deviceSpaces = [...deviceUse.keys()].sort();
  const intent = facts.outputIntent;
  for (const [space, where] of deviceUse) {
    const ok = space === 'DeviceRGB' ? intent === 'RGB ' : space === 'DeviceCMYK' ? intent === 'CMYK' : intent !== null;
    if (!ok) fail('6.2.4.3', `${where} (first use): ${space} with ${intent === null ? 'no PDF/A output intent' : `a ${intent.trim()} output intent`}`);
  }
  return facts;
}

/** 6.2.3: the GTS_PDFA1 output intent and its ICC profile; returns the profile's colour space. */
function outputIntent(doc: PdfModel, fail: Fail): string | null {
  const intents = doc.array(doc.catalog()['/OutputIntents']).map((i) => doc.dict(i)).filter((i): i is Dict => i !== undefined);
  if (new Set(intents.map((i) => i['/DestOutputProfile']).filter((p) => p !== undefined).map(String)).size > 1) fail('6.2.3', 'output intents with different DestOutputProfile objects');
  const pdfa = intents.find((i) => i['/S'] === '/GTS_PDFA1');
  if (!pdfa) return null;
  const ref = pdfa['/DestOutputProfile'];
  let icc: Buffer;
  try {
    icc = doc.streamData(ref);
  } catch (err) {
    fail('6.2.3', `the GTS_PDFA1 output intent has no readable DestOutputProfile (${(err as Error).message})`);
    return null;
  }
  const { major, deviceClass, colorSpace } = iccHeader(icc);
  if (icc.length < 128 || icc.toString('latin1', 36, 40) !== 'acsp') fail('6.2.3', 'DestOutputProfile is not an ICC profile');
  if (deviceClass !== 'mntr' && deviceClass !== 'prtr') fail('6.2.3', `DestOutputProfile device class ${deviceClass}, not mntr or prtr`);
  if (major < 2 || major > 4) fail('6.2.3', `DestOutputProfile ICC version ${major}`);
  const n = ({ 'RGB ': 3, CMYK: 4, GRAY: 1 } as Record<string, number>)[colorSpace];
  if (n === undefined) fail('6.2.3', `DestOutputProfile colour space ${colorSpace}`);
  if (doc.dict(ref)?.['/N'] !== n) fail('6.2.3', `DestOutputProfile N is ${String(doc.dict(ref)?.['/N'])}, the profile is ${colorSpace}`);
  if (pdfText(pdfa['/OutputConditionIdentifier']) === undefined) fail('6.2.3', 'the output intent has no OutputConditionIdentifier');
  return colorSpace;
}

function collectPages(doc: PdfModel): Array<{ dict: Dict; resources: Dict | undefined }> {
  const out: Array<{ dict: Dict; resources: Dict | undefined }> = [];
  const visit = (ref: Json | undefined, inherited: Dict | undefined, depth: number): void => {
    const d = doc.dict(ref);
    if (!d || depth > 64) return;
    const resources = d['/Resources'] !== undefined ? doc.dict(d['/Resources']) : inherited;
    if (d['/Type'] === '/Pages') for (const kid of doc.array(d['/Kids'])) visit(kid, resources, depth + 1);
    else out.push({ dict: d, resources });
  };
  visit(doc.catalog()['/Pages'], undefined, 0);
  return out;
}

/** 6.3.1 to 6.3.3 for one annotation (and 6.8 for attachments); appearance streams are drawn as forms. */
function annotation(doc: PdfModel, ref: Json, s: { where: string }, facts: ContentFacts, fail: Fail, form: (s: Scope, ref: Json, d: Dict) => void): void {
  const d = doc.dict(ref);
  if (!d) return;
  const subtype = String(d['/Subtype']);
  const where = `${s.where}: ${subtype.slice(1)} annotation`;
  if (!ANNOTATIONS.has(subtype)) fail('6.3.1', `${where}: type not allowed in PDF/A-2`);
  if (subtype === '/FileAttachment') fail('6.8', `${where}: a file attachment`);
  const flags = typeof d['/F'] === 'number' ? d['/F'] : null;
  if (subtype !== '/Popup') {
    if (flags === null) fail('6.3.2', `${where} without an F entry`);
    else if (!(flags & 4) || flags & (1 | 2 | 32 | 256)) fail('6.3.2', `${where} with flags ${flags}: Print must be set, Invisible, Hidden, NoView and ToggleNoView clear`);
  }
  if (subtype === '/Text' && flags !== null && (!(flags & 8) || !(flags & 16))) fail('6.3.2', `${where} without NoZoom and NoRotate`);
  const rect = doc.array(d['/Rect']);
  const empty = rect.length === 4 && rect[0] === rect[2] && rect[1] === rect[3];
  const ap = doc.dict(d['/AP']);
  if (!ap && !empty && subtype !== '/Popup' && subtype !== '/Link') fail('6.3.3', `${where} without an appearance`);
  if (ap && Object.keys(ap).some((k) => k !== '/N')) fail('6.3.3', `${where}: appearance dictionary with more than N`);
  const normal = ap?.['/N'];
  const stream = typeof normal === 'string' ? doc.objects[`obj:${normal}`]?.stream : undefined;
  if (stream && normal !== undefined) form({ where, resources: undefined, transparency: false, forms: new Set() }, normal, stream.dict);
  const action = doc.dict(d['/A']);
  facts.annotations.push({ subtype: subtype.slice(1), flags, action: action ? String(action['/S']).slice(1) : d['/Dest'] !== undefined ? 'Dest' : 'none' });
}

/** The font behind a Tf: 6.2.11.2 to 6.2.11.4 checked once; what the per-glyph checks need. */
function loadFont(doc: PdfModel, ref: Json, fail: Fail): FontInfo {
  const f = doc.dict(ref) ?? {};
  const name = String(f['/BaseFont'] ?? '(no BaseFont)').slice(1);
  const subtype = String(f['/Subtype']).slice(1);
  const info: FontInfo = { name, widths: new Map(), dw: 1000, fact: { name, subtype, embedded: false, glyphs: 0 } };
  if (subtype === 'Type3') return (info.fact.embedded = true), info;
  const required = (d: Dict | undefined, keys: string[], what: string): void => {
    for (const k of keys) if (d?.[k] === undefined) fail('6.2.11.2', `${name}: ${what} has no ${k.slice(1)}`);
  };
  if (subtype !== 'Type0') {
    const fd = doc.dict(f['/FontDescriptor']);
    info.fact.embedded = ['/FontFile', '/FontFile2', '/FontFile3'].some((k) => fd?.[k] !== undefined);
    if (!info.fact.embedded) fail('6.2.11.4.1', `${name} (${subtype}) is not embedded`);
    fail('6.2.11.8', `${name}: simple (${subtype}) fonts are beyond this audit: its glyphs and widths were not checked`);
    return info;
  }
  required(f, ['/BaseFont', '/Encoding', '/DescendantFonts'], 'the Type0 font');
  const encoding = f['/Encoding'];
  const identity = encoding === '/Identity-H' || encoding === '/Identity-V';
  if (typeof encoding === 'string' && encoding.startsWith('/') && !identity) fail('6.2.11.3.3', `${name}: CMap ${encoding} is neither Identity nor embedded`);
  const cid = doc.dict(doc.array(f['/DescendantFonts'])[0]);
  required(cid, ['/Type', '/Subtype', '/BaseFont', '/CIDSystemInfo', '/FontDescriptor'], 'the CIDFont');
  const fd = doc.dict(cid?.['/FontDescriptor']);
  required(fd, ['/Type', '/FontName', '/Flags', '/FontBBox', '/ItalicAngle', '/Ascent', '/Descent', '/StemV'], 'the font descriptor');
  const program = cid?.['/Subtype'] === '/CIDFontType2' ? fd?.['/FontFile2'] : fd?.['/FontFile3'];
  info.fact.embedded = program !== undefined;
  if (!info.fact.embedded) return fail('6.2.11.4.1', `${name} is not embedded`), info;
  if (cid?.['/Subtype'] !== '/CIDFontType2') return fail('6.2.11.8', `${name}: CFF CIDFonts are beyond this audit`), info;
  const map = cid['/CIDToGIDMap'];
  if (map === undefined) fail('6.2.11.3.2', `${name}: CIDFontType2 without CIDToGIDMap`);
  if (!identity) return fail('6.2.11.8', `${name}: an embedded CMap is beyond this audit`), info;
  const table = map !== undefined && map !== '/Identity' ? doc.streamData(map) : undefined;
  info.gid = table ? (c) => (2 * c + 1 < table.length ? table.readUInt16BE(2 * c) : 0) : (c) => c;
  try {
    info.metrics = trueTypeMetrics(doc.streamData(program));
  } catch (err) {
    fail('6.2.11.4.1', `${name}: unreadable font program (${(err as Error).message})`);
  }
  if (typeof cid['/DW'] === 'number') info.dw = cid['/DW'];
  const w = doc.array(cid['/W']).map((v) => doc.resolve(v));
  for (let i = 0; i < w.length; ) {
    const first = w[i] as number;
    const next = w[i + 1];
    if (Array.isArray(next)) next.forEach((x, j) => info.widths.set(first + j, Number(doc.resolve(x))));
    else for (let c = first; c <= (next as number); c++) info.widths.set(c, Number(w[i + 2]));
    i += Array.isArray(next) ? 2 : 3;
  }
  const cidSet = fd?.['/CIDSet'];
  if (cidSet !== undefined && info.metrics) {
    const bits = doc.streamData(cidSet);
    const missing = Array.from({ length: info.metrics.numGlyphs }, (_, g) => g).filter((g) => !(((bits[g >> 3] ?? 0) >> (7 - (g & 7))) & 1));
    if (missing.length) fail('6.2.11.4.2', `${name}: CIDSet misses ${missing.length} of the ${info.metrics.numGlyphs} glyphs in the font program`);
  }
  return info;
}
