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
  return writeStructMembers(NormalizedSchema.of(schema), value);
}

/** The root element name AWS uses for a restXml payload shape (xmlName trait, else shape name). */
export function rootName(schema: SchemaRef): string {
  const ns = NormalizedSchema.of(schema);
  return (ns.getMergedTraits().xmlName as string | undefined) ?? ns.getName() ?? 'Result';
}

function writeStructMembers(ns: NormalizedSchema, value: Record<string, unknown>): string {
  let out = '';
  for (const [memberName, member] of ns.structIterator()) {
    const v = value[memberName];
    if (v === undefined || v === null || member.getMergedTraits().xmlAttribute) continue;
    const name = (member.getMemberTraits().xmlName as string | undefined) ?? memberName;
    out += writeMember(member, name, v);
  }
  return out;
}

/** xmlAttribute members (S3 Grantee's `xsi:type`) and an xmlNamespace trait ([prefix, uri]). */
function attributes(ns: NormalizedSchema, value: Record<string, unknown>): string {
  let out = '';
  const namespace = ns.getMergedTraits().xmlNamespace as [string, string] | string | undefined;
  if (Array.isArray(namespace)) out += namespace[1] ? ` xmlns:${namespace[0]}="${escapeXml(namespace[1])}"` : ` xmlns="${escapeXml(namespace[0])}"`;
  for (const [memberName, member] of ns.structIterator()) {
    const v = value[memberName];
    if (v === undefined || v === null || !member.getMergedTraits().xmlAttribute) continue;
    const name = (member.getMemberTraits().xmlName as string | undefined) ?? memberName;
    out += ` ${name}="${scalar(member, v)}"`;
  }
  return out;
}

function writeMember(ns: NormalizedSchema, name: string, value: unknown): string {
  const flattened = Boolean(ns.getMergedTraits().xmlFlattened);
  if (ns.isListSchema()) {
    const items = (value as unknown[]).filter((v) => v !== undefined && v !== null);
    const valueNs = ns.getValueSchema();
    const itemName = flattened ? name : ((valueNs.getMergedTraits().xmlName as string | undefined) ?? 'member');
    const body = items.map((item) => writeMember(valueNs, itemName, item)).join('');
    return flattened ? body : element(name, body);
  }
  if (ns.isMapSchema()) {
    const keyName = (ns.getKeySchema().getMergedTraits().xmlName as string | undefined) ?? 'key';
    const valueNs = ns.getValueSchema();
    const valueName = (valueNs.getMergedTraits().xmlName as string | undefined) ?? 'value';
    const entries = Object.entries(value as Record<string, unknown>).map(
      ([k, v]) => element(flattened ? name : 'entry', element(keyName, escapeXml(k)) + writeMember(valueNs, valueName, v)),
    );
    return flattened ? entries.join('') : element(name, entries.join(''));
  }
  if (ns.isStructSchema()) {
    const struct = value as Record<string, unknown>;
    const body = writeStructMembers(ns, struct);
    const attrs = attributes(ns, struct);
    return body === '' ? `<${name}${attrs}/>` : `<${name}${attrs}>${body}</${name}>`;
  }
  return element(name, scalar(ns, value));
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
