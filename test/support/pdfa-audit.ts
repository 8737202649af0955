/**
 * A PDF/A-2b audit without veraPDF: the ISO 19005-2 clauses that files written by JavaScript PDF
 * libraries most often fail, checked the way veraPDF's PDFA-2B profile states them. It reads the
 * file twice: qpdf's JSON (objects, stream data) for the document model, and the raw bytes for
 * what only the bytes show (header, xref, stream keywords and lengths, token limits).
 *
 * Not a full validator: extension schemas, ICC-based colour spaces inside content, JPEG 2000,
 * Type 3 glyph procedures, simple-font encodings and form fields are not checked (a file that
 * uses the last two fails loudly instead of passing silently). See CLAUSES for what is.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkContent, type ContentFacts } from './pdfa-audit-content.ts';
import { checkMetadata, type MetadataFacts } from './pdfa-audit-metadata.ts';
import { PdfModel, pdfText, walk, type Dict } from './pdf-model.ts';
import { Tokenizer, type Token } from './pdf-syntax.ts';


/** What each clause id means here; every failure is filed under one of these. */
export const CLAUSES = {
  '6.1.2': 'file header: %PDF-1.n, then a comment line of at least four bytes above 127',
  '6.1.3': 'trailer: ID present, no Encrypt, nothing after %%EOF but one EOL',
  '6.1.4': 'cross-reference table: xref and the subsection header each on their own line',
  '6.1.6': 'hexadecimal strings: an even number of hex digits and nothing else',
  '6.1.7.1': 'streams: exact Length, EOL after stream and before endstream, no F/FFilter/FDecodeParms',
  '6.1.7.2': 'filters: no LZWDecode, no Crypt',
  '6.1.9': 'indirect objects: "N G obj" with single spaces, obj and endobj on their own lines',
  '6.1.10': 'inline images: no LZW filter, no interpolation',
  '6.1.12': 'permissions: only UR3 and DocMDP',
  '6.1.13': 'implementation limits: integers, reals, names, strings, object count, q nesting',
  '6.2.2': 'content streams: only ISO 32000-1 operators, readable, resources present',
  '6.2.3': 'output intent: one GTS_PDFA1 profile, a monitor or printer ICC profile (v2-v4) whose colour space matches N',
  '6.2.4.3': 'device colour spaces: DeviceRGB needs an RGB output intent, DeviceCMYK a CMYK one, DeviceGray any',
  '6.2.5': 'extended graphics state: no TR, TR2 only Default, no HTP or HTO',
  '6.2.6': 'rendering intents: only the four of ISO 32000-1',
  '6.2.8': 'images: no Alternates or OPI, Interpolate not true, BitsPerComponent 1, 2, 4, 8 or 16',
  '6.2.9': 'XObjects: no PostScript, OPI or reference XObjects',
  '6.2.10': 'transparency: standard blend modes; pages with transparency need Group CS when there is no output intent',
  '6.2.11.2': 'font dictionaries and descriptors have their required entries',
  '6.2.11.3.2': 'CIDFontType2 fonts have a CIDToGIDMap (Identity or a stream)',
  '6.2.11.3.3': 'CMaps: Identity-H/V or embedded',
  '6.2.11.4.1': 'every font used for rendering is embedded',
  '6.2.11.4.2': 'a CIDSet, when present, lists every glyph of the subset',
  '6.2.11.5': 'glyph widths in the font dictionary match the embedded font program (within 1/1000 em)',
  '6.2.11.8': 'no text-showing operator references the .notdef glyph',
  '6.3.1': 'annotation types: ISO 32000-1 ones, not 3D, Sound, Screen or Movie',
  '6.3.2': 'annotation flags: F present, Print set; Hidden, Invisible, ToggleNoView, NoView clear',
  '6.3.3': 'annotation appearances: N only; required except for Link, Popup and zero-size',
  '6.4': 'interactive forms: NeedAppearances not true, no XFA',
  '6.5.1': 'actions: no Launch, JavaScript, ImportData, ResetForm, Hide, Sound, Movie...; named actions only page navigation',
  '6.5.2': 'no additional-actions (AA) dictionaries',
  '6.6.2.1': 'XMP metadata: Catalog Metadata stream (Type Metadata, Subtype XML), UTF-8, xpacket without bytes/encoding, well-formed XML/RDF',
  '6.6.2.3.1': 'XMP properties: predefined schemas only, with their value types',
  '6.6.4': 'PDF/A identification: pdfaid:part 2, pdfaid:conformance B, prefix pdfaid',
  'info=xmp': 'Info entries equal their XMP counterparts, dates to the second with a time zone (ISO 19005-1 6.7.3; veraPDF doesInfoMatchXMP)',
  '6.8': 'embedded files: none (PDF/A-2 allows only PDF/A attachments; Leasehold attaches nothing)',
  '6.9': 'optional content: every configuration named, no AS entry',
  '6.10': 'no alternate presentations, no presentation steps',
  '6.11': 'no Requirements entry in the catalog',
} as const;

export type Clause = keyof typeof CLAUSES;

export type Fail = (clause: Clause, message: string) => void;

export interface Audit {
  /** Failures by clause, one example per distinct message (at most 20); a clause without an entry passed. */
  failures: Map<Clause, string[]>;
  /** What the file contains, so a test can tell a rule passed because it applied and held, not because nothing was there. */
  facts: ContentFacts & MetadataFacts;
}

/** Audits a PDF against the clauses in CLAUSES; needs qpdf on the PATH. */
export function auditPdfA2b(pdf: Buffer): Audit {
  const dir = mkdtempSync(join(tmpdir(), 'leasehold-pdfa-'));
  let json: string;
  try {
    const file = join(dir, 'audit.pdf');
    writeFileSync(file, pdf);
    const out = spawnSync('qpdf', ['--json=2', '--json-key=qpdf', '--json-stream-data=inline', '--decode-level=none', file], { encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 });
    // Exit status 3 is "warnings": qpdf read the file, repairing what it had to; the audit still judges the bytes.
    if (out.status !== 0 && out.status !== 3) throw new Error(`qpdf --json failed: ${out.stderr}`);
    json = out.stdout;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const doc = new PdfModel(JSON.parse(json) as ConstructorParameters<typeof PdfModel>[0]);
  const failures = new Map<Clause, string[]>();
  const fail: Fail = (clause, message) => {
    const list = failures.get(clause) ?? [];
    // One example per distinct message is enough to act on; a 5,000-page report must not print 5,000 lines.
    if (!list.includes(message) && list.length < 20) list.push(message);
    failures.set(clause, list);
  };
  fileStructure(pdf, doc, fail);
  documentStructure(doc, fail);
  const metadata = checkMetadata(doc, fail);
  const content = checkContent(doc, fail);
  return { failures, facts: { ...content, ...metadata } };
}

/** 6.1.x: what only the bytes show. */
function fileStructure(pdf: Buffer, doc: PdfModel, fail: Fail): void {
  const header = /^%PDF-1\.[0-7](\r\n|\r|\n)%/.exec(pdf.toString('latin1', 0, 16));
  if (!header) fail('6.1.2', 'the file does not start with %PDF-1.[0-7], an EOL and %');
  else if (![0, 1, 2, 3].every((i) => (pdf[header[0].length + i] ?? 0) > 127)) fail('6.1.2', 'the comment after the header has fewer than four bytes above 127');
  const ids = doc.trailer['/ID'];
  if (!Array.isArray(ids) || ids.length !== 2 || !ids.every((id) => typeof id === 'string' && /^[ub]:/.test(id))) fail('6.1.3', 'the trailer has no ID of two strings');
  if (doc.trailer['/Encrypt'] !== undefined) fail('6.1.3', 'the trailer has Encrypt');
  if (!/%%EOF(\r\n|\r|\n)?$/.test(pdf.toString('latin1', pdf.length - 8))) fail('6.1.3', 'data after the last %%EOF');
  const startxref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(pdf.toString('latin1', pdf.length - 64));
  if (!startxref) return fail('6.1.4', 'no startxref before %%EOF (a cross-reference stream is not audited)');
  let pos = Number(startxref[1]);
  const xref = /^xref(\r\n|\r|\n)/.exec(pdf.toString('latin1', pos, pos + 6));
  if (!xref) return fail('6.1.4', 'startxref does not point at an xref keyword on its own line');
  pos += xref[0].length;
  const offsets: Array<[number, number, number]> = [];
  for (;;) {
    const sub = /^(\d+) (\d+)(\r\n| \r| \n|\r|\n)/.exec(pdf.toString('latin1', pos, pos + 32));
    if (!sub) break;
    pos += sub[0].length;
    for (let i = 0; i < Number(sub[2]); i++, pos += 20) {
      const entry = /^(\d{10}) (\d{5}) ([nf])/.exec(pdf.toString('latin1', pos, pos + 20));
      if (!entry) return fail('6.1.4', `malformed cross-reference entry at byte ${pos}`);
      if (entry[3] === 'n') offsets.push([Number(sub[1]) + i, Number(entry[2]), Number(entry[1])]);
    }
  }
  if (!pdf.toString('latin1', pos, pos + 7).startsWith('trailer')) fail('6.1.4', 'the cross-reference table does not end at the trailer');
  for (const [num, gen, offset] of offsets) indirectObject(pdf, doc, num, gen, offset, fail);
}

const MAX_INT = 2 ** 31 - 1;

/** 6.1.6, 6.1.7.1, 6.1.9 and the token limits of 6.1.13 for one object, read from its bytes. */
function indirectObject(pdf: Buffer, doc: PdfModel, num: number, gen: number, offset: number, fail: Fail): void {
  const where = `object ${num} ${gen}`;
  const head = /^(\d+) (\d+) obj(\r\n|\r|\n)/.exec(pdf.toString('latin1', offset, offset + 32));
  if (!head || Number(head[1]) !== num || Number(head[2]) !== gen) return fail('6.1.9', `${where}: no "${num} ${gen} obj" line at its xref offset`);
  if (offset > 0 && !isEol(pdf[offset - 1])) fail('6.1.9', `${where}: the object number is not preceded by an EOL`);
  const tok = new Tokenizer(pdf, offset + head[0].length);
  // qpdf's JSON leaves Length out when it inlines stream data: read it from the bytes.
  let depth = 0;
  let length: Token[] | undefined;
  try {
    for (let t = tok.next(); ; t = tok.next()) {
      if (!t) return fail('6.1.9', `${where}: no endobj`);
      if (t.kind === 'delim') depth += t.value === '<<' ? 1 : t.value === '>>' ? -1 : 0;
      else if (length && length.length < 3) length.push(t);
      if (depth === 1 && t.kind === 'name' && t.value === 'Length') length = [];
      if (t.kind === 'string') {
        if (t.hex && (!t.hexValid || t.hexDigits % 2)) fail('6.1.6', `${where}: hexadecimal string with ${t.hexValid ? 'an odd number of digits' : 'a non-hex character'}`);
        if (t.bytes.length > 32767) fail('6.1.13', `${where}: string of ${t.bytes.length} bytes (limit 32767)`);
      } else if (t.kind === 'name' && t.bytes > 127) fail('6.1.13', `${where}: name of ${t.bytes} bytes (limit 127)`);
      else if (t.kind === 'number') {
        if (t.text.includes('.') ? Math.abs(t.value) > 3.403e38 : Math.abs(t.value) > MAX_INT) fail('6.1.13', `${where}: number ${t.text} out of range`);
      } else if (t.kind === 'keyword' && t.value === 'stream') streamBody(pdf, doc, tok, where, `${num} ${gen} R`, streamLength(doc, length), fail);
      else if (t.kind === 'keyword' && t.value === 'endobj') {
        if (!isEol(pdf[t.start - 1]) || !(isEol(pdf[tok.pos]) || tok.pos === pdf.length)) fail('6.1.9', `${where}: endobj is not on its own line`);
        return;
      }
    }
  } catch (err) {
    fail('6.1.9', `${where}: unreadable (${(err as Error).message})`);
  }
}

/** The Length entry: a number, or a reference ("N G R") to one. */
function streamLength(doc: PdfModel, tokens: Token[] | undefined): number | undefined {
  const [a, b, c] = tokens ?? [];
  if (a?.kind !== 'number') return undefined;
  if (b?.kind === 'number' && c?.kind === 'keyword' && c.value === 'R') {
    const v = doc.resolve(`${a.text} ${b.text} R`);
    return typeof v === 'number' ? v : undefined;
  }
  return a.value;
}

function streamBody(pdf: Buffer, doc: PdfModel, tok: Tokenizer, where: string, ref: string, length: number | undefined, fail: Fail): void {
  const dict = doc.objects[`obj:${ref}`]?.stream?.dict;
  if (!dict) throw new Error('a stream keyword in an object qpdf does not read as a stream');
  let start = tok.pos;
  if (pdf[start] === 0x0d && pdf[start + 1] === 0x0a) start += 2;
  else if (pdf[start] === 0x0a) start += 1;
  else fail('6.1.7.1', `${where}: the stream keyword is not followed by CRLF or LF`);
  if (length === undefined) throw new Error('stream without a numeric Length');
  let end = start + length;
  const eol = pdf[end] === 0x0d && pdf[end + 1] === 0x0a ? 2 : isEol(pdf[end]) ? 1 : 0;
  if (!eol || pdf.toString('latin1', end + eol, end + eol + 9) !== 'endstream') {
    fail('6.1.7.1', `${where}: Length ${length} does not end at an EOL followed by endstream`);
    end = pdf.indexOf('endstream', start, 'latin1') - eol;
  }
  tok.pos = end + eol + 9;
  for (const key of ['/F', '/FFilter', '/FDecodeParms']) if (key in dict) fail('6.1.7.1', `${where}: stream dictionary has ${key}`);
  const filters = [dict['/Filter']].flat();
  if (filters.includes('/LZWDecode')) fail('6.1.7.2', `${where}: LZWDecode filter`);
  if (filters.includes('/Crypt')) fail('6.1.7.2', `${where}: Crypt filter`);
}

const isEol = (b: number | undefined): boolean => b === 0x0a || b === 0x0d;

const ACTIONS = new Set(['GoTo', 'GoToR', 'GoToE', 'Launch', 'Thread', 'URI', 'Sound', 'Movie', 'Hide', 'Named', 'SubmitForm', 'ResetForm', 'ImportData', 'JavaScript', 'SetOCGState', 'Rendition', 'Trans', 'GoTo3DView']);
const FORBIDDEN_ACTIONS = new Set(['Launch', 'Sound', 'Movie', 'ResetForm', 'ImportData', 'Hide', 'SetOCGState', 'Rendition', 'Trans', 'GoTo3DView', 'JavaScript']);
const NAMED_ACTIONS = new Set(['NextPage', 'PrevPage', 'FirstPage', 'LastPage']);

/** Catalog-level and document-wide dictionary rules: actions, AA, forms, attachments, optional content. */
function documentStructure(doc: PdfModel, fail: Fail): void {
  const catalog = doc.catalog();
  const names = doc.dict(catalog['/Names']) ?? {};
  if (names['/JavaScript'] !== undefined) fail('6.5.1', 'the Names dictionary has a JavaScript name tree');
  if (names['/EmbeddedFiles'] !== undefined) fail('6.8', 'the Names dictionary has EmbeddedFiles');
  if (names['/AlternatePresentations'] !== undefined) fail('6.10', 'the Names dictionary has AlternatePresentations');
  if (catalog['/Requirements'] !== undefined) fail('6.11', 'the catalog has Requirements');
  const perms = doc.dict(catalog['/Perms']);
  for (const key of Object.keys(perms ?? {})) if (key !== '/UR3' && key !== '/DocMDP') fail('6.1.12', `Perms has ${key}`);
  const form = doc.dict(catalog['/AcroForm']);
  if (form?.['/NeedAppearances'] === true) fail('6.4', 'AcroForm NeedAppearances is true');
  if (form?.['/XFA'] !== undefined) fail('6.4', 'AcroForm has XFA');
  const oc = doc.dict(catalog['/OCProperties']);
  if (oc) {
    for (const config of [oc['/D'], ...doc.array(oc['/Configs'])].map((c) => doc.dict(c))) {
      if (!config || pdfText(config['/Name']) === undefined) fail('6.9', 'an optional content configuration has no Name');
      if (config?.['/AS'] !== undefined) fail('6.9', 'an optional content configuration has AS');
    }
  }
  if (doc.maxObjectId > 8388607) fail('6.1.13', `${doc.maxObjectId} indirect objects (limit 8388607)`);
  for (const [key, obj] of Object.entries(doc.objects)) {
    walk(obj.stream?.dict ?? obj.value, (d) => {
      if ('/AA' in d) fail('6.5.2', `${key}: an AA (additional actions) dictionary`);
      if ('/EF' in d) fail('6.8', `${key}: a file specification with an embedded file`);
      if (d['/PresSteps'] !== undefined) fail('6.10', `${key}: PresSteps`);
      const actions = [d['/A'], d['/OpenAction'], ...[d['/Next']].flat()].map((a) => doc.dict(a)).filter((a): a is Dict => a !== undefined && '/S' in a);
      if (d['/Type'] === '/Action') actions.push(d);
      for (const a of actions) {
        const s = String(a['/S']).slice(1);
        if (!ACTIONS.has(s) || FORBIDDEN_ACTIONS.has(s)) fail('6.5.1', `${key}: a ${s} action`);
        if (s === 'Named' && !NAMED_ACTIONS.has(String(a['/N']).slice(1))) fail('6.5.1', `${key}: named action ${String(a['/N'])}`);
      }
    });
  }
}
