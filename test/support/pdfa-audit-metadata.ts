/**
 * The metadata side of the PDF/A-2b audit (ISO 19005-2 6.6): the XMP packet read as XML with
 * namespaces (not with regular expressions, so a prefix or an attribute form cannot fool it),
 * its properties against the predefined schemas, the PDF/A identification, and the document
 * information dictionary compared with XMP the way veraPDF's XMPChecker does.
 */
import type { Fail } from './pdfa-audit.ts';
import { pdfText, type PdfModel } from './pdf-model.ts';
import { parseXml, type XmlElement } from './pdf-syntax.ts';

export interface MetadataFacts {
  /** Document information entries that are text or dates. */
  info: Record<string, string>;
  /** XMP properties by prefixed name: text, the x-default of a language alternative, or an array's items joined by " | ". */
  xmp: Record<string, string>;
}

const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const NS = {
  dc: 'http://purl.org/dc/elements/1.1/',
  xmp: 'http://ns.adobe.com/xap/1.0/',
  pdf: 'http://ns.adobe.com/pdf/1.3/',
  pdfaid: 'http://www.aiim.org/pdfa/ns/id/',
  xmpMM: 'http://ns.adobe.com/xap/1.0/mm/',
  xmpRights: 'http://ns.adobe.com/xap/1.0/rights/',
} as const;

type ValueType = 'Text' | 'Date' | 'Integer' | 'Alt' | 'Seq' | 'Bag' | 'Struct';
/** Properties of the XMP (2005) schemas and the PDF/A identification schema, with their value types. */
const SCHEMAS: Record<string, Record<string, ValueType>> = {
  [NS.dc]: { contributor: 'Bag', coverage: 'Text', creator: 'Seq', date: 'Seq', description: 'Alt', format: 'Text', identifier: 'Text', language: 'Bag', publisher: 'Bag', relation: 'Bag', rights: 'Alt', source: 'Text', subject: 'Bag', title: 'Alt', type: 'Bag' },
  [NS.xmp]: { Advisory: 'Bag', BaseURL: 'Text', CreateDate: 'Date', CreatorTool: 'Text', Identifier: 'Bag', Label: 'Text', MetadataDate: 'Date', ModifyDate: 'Date', Nickname: 'Text', Rating: 'Text', Thumbnails: 'Alt' },
  [NS.pdf]: { Keywords: 'Text', PDFVersion: 'Text', Producer: 'Text' },
  [NS.pdfaid]: { part: 'Integer', conformance: 'Text', amd: 'Text', corr: 'Text' },
  [NS.xmpMM]: { DerivedFrom: 'Struct', DocumentID: 'Text', History: 'Seq', InstanceID: 'Text', ManagedFrom: 'Struct', Manager: 'Text', ManageTo: 'Text', ManageUI: 'Text', ManagerVariant: 'Text', RenditionClass: 'Text', RenditionParams: 'Text', VersionID: 'Text', Versions: 'Seq', LastURL: 'Text', RenditionOf: 'Struct', SaveID: 'Integer' },
  [NS.xmpRights]: { Certificate: 'Text', Marked: 'Text', Owner: 'Bag', UsageTerms: 'Alt', WebStatement: 'Text' },
};

interface Property {
  prefix: string;
  value: XmlElement | string;
}

const isRdf = (node: XmlElement | string | undefined, local: string): node is XmlElement => typeof node === 'object' && node.ns === RDF && node.local === local;
const elements = (el: XmlElement): XmlElement[] => el.children.filter((c): c is XmlElement => typeof c === 'object');

/** Plain text of a simple property (element with text only, or an attribute). */
function simple(value: XmlElement | string | undefined): string | undefined {
  if (value === undefined || typeof value === 'string') return value;
  return elements(value).length ? undefined : value.children.join('');
}

/** The items of an rdf:Alt, rdf:Seq or rdf:Bag property. */
function items(value: XmlElement | string | undefined, kind: 'Alt' | 'Seq' | 'Bag'): XmlElement[] | undefined {
  if (typeof value !== 'object') return undefined;
  const [container, ...rest] = elements(value);
  if (rest.length || !isRdf(container, kind)) return undefined;
  const li = elements(container);
  return li.every((e) => isRdf(e, 'li')) ? li : undefined;
}

const XMP_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(?:(Z)|([+-])(\d{2}):(\d{2}))?)?)?)?$/;
const PDF_DATE = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:(Z)(?:00'?(?:00'?)?)?|([+-])(\d{2})'?(?:(\d{2})'?)?)?$/;

/** An instant and whether the text said which time zone it is in. */
export function parseDate(text: string, form: 'xmp' | 'pdf'): { ms: number; zoned: boolean } | undefined {
  const m = form === 'xmp' ? XMP_DATE.exec(text) : PDF_DATE.exec(text);
  if (!m) return undefined;
  const n = (i: number, fallback = 0): number => (m[i] === undefined ? fallback : Number(m[i]));
  const frac = form === 'xmp' && m[7] ? Math.round(Number(m[7]) * 1000) : 0;
  const [z, sign, oh, om] = form === 'xmp' ? [8, 9, 10, 11] : [7, 8, 9, 10];
  const offset = m[sign] ? (m[sign] === '-' ? -1 : 1) * (n(oh) * 60 + n(om)) : 0;
  const ms = Date.UTC(n(1), n(2, 1) - 1, n(3, 1), n(4), n(5), n(6), frac) - offset * 60_000;
  return { ms, zoned: m[z] !== undefined || m[sign] !== undefined };
}

export function checkMetadata(doc: PdfModel, fail: Fail): MetadataFacts {
  const facts: MetadataFacts = { info: {}, xmp: {} };
  const info = doc.dict(doc.trailer['/Info']) ?? {};
  for (const key of Object.keys(info)) {
    const text = pdfText(doc.resolve(info[key]));
    if (text !== undefined) facts.info[key.slice(1)] = text;
  }
  const ref = doc.catalog()['/Metadata'];
  const dict = doc.dict(ref);
  if (typeof ref !== 'string' || !doc.objects[`obj:${ref}`]?.stream || !dict) return fail('6.6.2.1', 'the catalog has no Metadata stream'), facts;
  if (dict['/Type'] !== '/Metadata' || dict['/Subtype'] !== '/XML') fail('6.6.2.1', 'the metadata stream is not Type Metadata, Subtype XML');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(doc.streamData(ref));
  } catch {
    return fail('6.6.2.1', 'the metadata stream is not UTF-8'), facts;
  }
  let xml;
  try {
    xml = parseXml(text);
  } catch (err) {
    return fail('6.6.2.1', `the XMP packet is not well-formed XML: ${(err as Error).message}`), facts;
  }
  const head = xml.pis.find((p) => p.target === 'xpacket' && /\bbegin\s*=/.test(p.body));
  const tail = xml.pis.find((p) => p.target === 'xpacket' && /\bend\s*=/.test(p.body));
  if (!head || !tail) fail('6.6.2.1', 'the XMP packet has no xpacket header or trailer');
  if (head && /\bbytes\s*=/.test(head.body)) fail('6.6.2.1', 'the xpacket header has a bytes attribute');
  if (head && /\bencoding\s*=/.test(head.body)) fail('6.6.2.1', 'the xpacket header has an encoding attribute');
  if (head && !/\bbegin\s*=\s*(["'])\uFEFF?\1/.test(head.body)) fail('6.6.2.1', 'the xpacket begin attribute is neither empty nor U+FEFF');

  const rdf = isRdf(xml.root, 'RDF') ? xml.root : elements(xml.root).find((e) => isRdf(e, 'RDF'));
  if (!rdf) return fail('6.6.2.1', 'the XMP packet has no rdf:RDF'), facts;
  const props = new Map<string, Property>();
  const add = (ns: string, local: string, prefix: string, value: XmlElement | string): void => {
    const key = `${ns}${local}`;
    if (props.has(key)) fail('6.6.2.1', `XMP property ${prefix}:${local} appears twice`);
    props.set(key, { prefix, value });
    const type = SCHEMAS[ns]?.[local];
    if (type === undefined) return fail('6.6.2.3.1', `XMP property ${prefix}:${local} (${ns}) is not in a predefined schema (extension schemas are beyond this audit)`);
    const ok =
      type === 'Text' ? simple(value) !== undefined
      : type === 'Date' ? XMP_DATE.test(simple(value) ?? '')
      : type === 'Integer' ? /^[+-]?\d+$/.test(simple(value) ?? '')
      : type === 'Alt' ? (items(value, 'Alt')?.every((li) => li.attrs.get('xml:lang') && simple(li) !== undefined) ?? false)
      : type === 'Struct' ? typeof value === 'object'
      : items(value, type) !== undefined;
    if (!ok) fail('6.6.2.3.1', `XMP property ${prefix}:${local} is not a valid ${type}`);
  };
  for (const d of elements(rdf)) {
    if (d.ns !== RDF || d.local !== 'Description') {
      fail('6.6.2.1', `rdf:RDF holds ${d.name}, not rdf:Description (typed nodes are beyond this audit)`);
      continue;
    }
    if ((d.attrs.get('rdf:about')?.value ?? '') !== '') fail('6.6.2.1', 'an rdf:Description has a non-empty rdf:about');
    for (const [qname, a] of d.attrs) if (a.ns !== RDF && a.ns !== '' && a.ns !== XML_NS) add(a.ns, a.local, qname.split(':')[0] ?? '', a.value);
    for (const p of elements(d)) add(p.ns, p.local, p.name.split(':')[0] ?? '', p);
  }

  const get = (ns: string, local: string): Property | undefined => props.get(`${ns}${local}`);
  const xDefault = (p: Property | undefined): string | undefined => {
    const li = items(p?.value, 'Alt');
    return simple(li?.find((e) => e.attrs.get('xml:lang')?.value === 'x-default') ?? li?.[0]);
  };
  const list = (p: Property | undefined): string[] | undefined => items(p?.value, 'Seq')?.map((li) => simple(li) ?? '');
  for (const [ns, schema] of Object.entries(SCHEMAS)) {
    for (const [local, type] of Object.entries(schema)) {
      const p = get(ns, local);
      if (!p) continue;
      const value = type === 'Alt' ? xDefault(p) : type === 'Seq' || type === 'Bag' ? items(p.value, type)?.map((li) => simple(li)).join(' | ') : simple(p.value);
      facts.xmp[`${p.prefix}:${local}`] = value ?? '';
    }
  }

  const part = get(NS.pdfaid, 'part');
  const conformance = get(NS.pdfaid, 'conformance');
  if (!part || !conformance) fail('6.6.4', 'no PDF/A identification (pdfaid:part and pdfaid:conformance) in the XMP');
  if (part && simple(part.value) !== '2') fail('6.6.4', `pdfaid:part is ${simple(part.value)}, not 2`);
  if (conformance && simple(conformance.value) !== 'B') fail('6.6.4', `pdfaid:conformance is ${simple(conformance.value)}, not B`);
  for (const p of [part, conformance]) if (p && p.prefix !== 'pdfaid') fail('6.6.4', `PDF/A identification under prefix ${p.prefix}, not pdfaid`);

  // Info entries and their XMP counterparts, compared as veraPDF's XMPChecker does.
  const pairs: Array<[string, string | undefined]> = [
    ['Title', xDefault(get(NS.dc, 'title'))],
    ['Subject', xDefault(get(NS.dc, 'description'))],
    ['Keywords', simple(get(NS.pdf, 'Keywords')?.value)],
    ['Producer', simple(get(NS.pdf, 'Producer')?.value)],
    ['Creator', simple(get(NS.xmp, 'CreatorTool')?.value)],
  ];
  const creators = list(get(NS.dc, 'creator'));
  pairs.push(['Author', creators?.length === 1 ? creators[0] : undefined]);
  for (const [key, xmp] of pairs) {
    if (!(`/${key}` in info)) continue;
    const value = facts.info[key]?.replace(/\0$/, '');
    if (value === undefined) fail('info=xmp', `Info ${key} is not a text string`);
    else if (xmp === undefined) fail('info=xmp', key === 'Author' && creators ? `Info Author, but dc:creator has ${creators.length} entries (needs exactly one)` : `Info ${key} has no XMP counterpart`);
    else if (value !== xmp) fail('info=xmp', `Info ${key} "${value}" differs from XMP "${xmp}"`);
  }
  for (const [key, local] of [['CreationDate', 'CreateDate'], ['ModDate', 'ModifyDate']] as const) {
    if (!(`/${key}` in info)) continue;
    const a = parseDate(facts.info[key] ?? '', 'pdf');
    const xmpText = simple(get(NS.xmp, local)?.value);
    const b = xmpText === undefined ? undefined : parseDate(xmpText, 'xmp');
    if (!a) fail('info=xmp', `Info ${key} "${facts.info[key]}" is not a PDF date`);
    else if (!b) fail('info=xmp', `Info ${key}, but xmp:${local} is ${xmpText === undefined ? 'missing' : `"${xmpText}", not a date`}`);
    else if (!a.zoned || !b.zoned) fail('info=xmp', `${key}: ${a.zoned ? `xmp:${local}` : `Info ${key}`} has no time zone, so the two cannot be shown equal`);
    else if (a.ms !== b.ms) fail('info=xmp', `Info ${key} ${facts.info[key]} is not the instant of xmp:${local} ${xmpText}`);
  }
  return facts;
}
