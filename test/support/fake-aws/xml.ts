/**
 * Writes SDK-shaped data as AWS XML, driven by the SDK's own schemas. Element names come from the
 * service models' xmlName traits (EC2's lower-camel `groupDescription`, `ipAddress`, list members
 * named `item`; awsQuery's default `member`; `<entry><key><value>` maps), so the fake never has to
 * guess a wire name and fixtures can be typed with the SDK's output types.
 */
import { NormalizedSchema } from '@smithy/core/schema';

/** An SDK schema, e.g. `DescribeRegionsResult$` exported by @aws-sdk/client-ec2. */
export type SchemaRef = Parameters<typeof NormalizedSchema.of>[0];

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => XML_ESCAPES[c] ?? c);
}

export function element(name: string, content: string): string {
  return content === '' ? `<${name}/>` : `<${name}>${content}</${name}>`;
}

/** The children of a structure (no enclosing element): the protocol decides the wrapper. */
export function structBody(schema: SchemaRef, value: Record<string, unknown>): string {
  let writer = bodyWriters.get(schema as object);
  if (!writer) {
    writer = compileStruct(NormalizedSchema.of(schema)).body;
    bodyWriters.set(schema as object, writer);
  }
  return writer(value);
}

/** The root element name AWS uses for a restXml payload shape (xmlName trait, else shape name). */
export function rootName(schema: SchemaRef): string {
  const ns = NormalizedSchema.of(schema);
  return (ns.getMergedTraits().xmlName as string | undefined) ?? ns.getName() ?? 'Result';
}

/*
 * Writers are compiled once per schema and cached: walking NormalizedSchema for every member of
 * every item cost more than the rest of the server together on a 1,000-group page.
 */
type Writer = (name: string, value: unknown) => string;
type StructWriter = { body: (value: Record<string, unknown>) => string; attributes: (value: Record<string, unknown>) => string };
const bodyWriters = new WeakMap<object, StructWriter['body']>();

const xmlNameOf = (ns: NormalizedSchema) => ns.getMergedTraits().xmlName as string | undefined;

function compileStruct(ns: NormalizedSchema): StructWriter {
  const members = [...ns.structIterator()].map(([memberName, member]) => ({
    memberName,
    name: (member.getMemberTraits().xmlName as string | undefined) ?? memberName,
    attribute: Boolean(member.getMergedTraits().xmlAttribute),
    member,
    write: lazyWriter(member),
  }));
  const elements = members.filter((m) => !m.attribute);
  const attrs = members.filter((m) => m.attribute);
  // xmlAttribute members (S3 Grantee's `xsi:type`) and an xmlNamespace trait ([prefix, uri]).
  const namespace = ns.getMergedTraits().xmlNamespace as [string, string] | string | undefined;
  const xmlns = !Array.isArray(namespace) ? '' : namespace[1] ? ` xmlns:${namespace[0]}="${escapeXml(namespace[1])}"` : ` xmlns="${escapeXml(namespace[0])}"`;
  return {
    body: (value) => {
      let out = '';
      for (const m of elements) {
        const v = value[m.memberName];
        if (v !== undefined && v !== null) out += m.write(m.name, v);
      }
      return out;
    },
    attributes: (value) => {
      let out = xmlns;
      for (const m of attrs) {
        const v = value[m.memberName];
        if (v !== undefined && v !== null) out += ` ${m.name}="${scalar(m.member, v)}"`;
      }
      return out;
    },
  };
}

/** Compiled on first use, so recursive shapes compile only as deep as values go. */
function lazyWriter(ns: NormalizedSchema): Writer {
  let writer: Writer | undefined;
  return (name, value) => (writer ??= compileMember(ns))(name, value);
}

function compileMember(ns: NormalizedSchema): Writer {
  const flattened = Boolean(ns.getMergedTraits().xmlFlattened);
  if (ns.isListSchema()) {
    const valueNs = ns.getValueSchema();
    const itemName = xmlNameOf(valueNs) ?? 'member';
    const writeItem = lazyWriter(valueNs);
    return (name, value) => {
      let body = '';
      for (const item of value as unknown[]) if (item !== undefined && item !== null) body += writeItem(flattened ? name : itemName, item);
      return flattened ? body : element(name, body);
    };
  }
  if (ns.isMapSchema()) {
    const keyName = xmlNameOf(ns.getKeySchema()) ?? 'key';
    const valueNs = ns.getValueSchema();
    const valueName = xmlNameOf(valueNs) ?? 'value';
    const writeValue = lazyWriter(valueNs);
    return (name, value) => {
      const entries = Object.entries(value as Record<string, unknown>)
        .map(([k, v]) => element(flattened ? name : 'entry', element(keyName, escapeXml(k)) + writeValue(valueName, v)))
        .join('');
      return flattened ? entries : element(name, entries);
    };
  }
  if (ns.isStructSchema()) {
    let struct: StructWriter | undefined;
    return (name, value) => {
      struct ??= compileStruct(ns);
      const v = value as Record<string, unknown>;
      const body = struct.body(v);
      const attrs = struct.attributes(v);
      return body === '' ? `<${name}${attrs}/>` : `<${name}${attrs}>${body}</${name}>`;
    };
  }
  return (name, value) => element(name, scalar(ns, value));
}

function scalar(ns: NormalizedSchema, value: unknown): string {
  if (ns.isTimestampSchema()) {
    const date = value instanceof Date ? value : new Date(value as string | number);
    const format = ns.getSchema();
    if (format === 7) return String(date.getTime() / 1000);
    if (format === 6) return date.toUTCString();
    return date.toISOString();
  }
  if (ns.isBlobSchema()) {
    const bytes = typeof value === 'string' ? Buffer.from(value) : Buffer.from(value as Uint8Array);
    return bytes.toString('base64');
  }
  return escapeXml(String(value));
}
