/** Small builders so checks stay short and every finding carries its evidence or its reason. */
import type { CheckMeta } from '../../../shared/model/check.ts';
import type { Evidence, Finding, Status } from '../../../shared/model/finding.ts';
import type { Read, Snapshot } from '../engine/snapshot.ts';

export interface Resource {
  id: string;
  arn: string;
  name: string;
  region: string;
}

const EXCERPT_LIMIT = 1200;

export function evidence(read: Extract<Read<unknown>, { ok: true }>, excerpt: unknown): Evidence {
  let text: string;
  try {
    text = JSON.stringify(excerpt, null, 1) ?? 'null';
  } catch {
    // Nested deeper than JSON.stringify recurses (a tampered snapshot): the finding stands without its excerpt.
    text = '(not shown: the data is nested too deeply to write out)';
  }
  if (text.length > EXCERPT_LIMIT) text = `${text.slice(0, EXCERPT_LIMIT)}\n...`;
  return { call: read.call, region: read.region, time: read.at, excerpt: text };
}

export function finding(
  meta: CheckMeta,
  snap: Snapshot,
  resource: Resource,
  status: Status,
  message: string,
  proof: Evidence[] = [],
): Finding {
  return {
    checkId: meta.id,
    title: meta.title,
    area: meta.area,
    service: meta.service,
    severity: meta.severity,
    status,
    message,
    resourceId: resource.id,
    resourceArn: resource.arn,
    resourceName: resource.name,
    region: resource.region,
    accountId: snap.meta.accountId,
    evidence: proof,
  };
}

/** The data could not be read: NOT_ASSESSED, with the classified reason. Never PASS or FAIL. */
export function notAssessed(meta: CheckMeta, snap: Snapshot, resource: Resource, read: Extract<Read<unknown>, { ok: false }>): Finding {
  const f = finding(meta, snap, resource, 'NOT_ASSESSED', `Not assessed: ${read.call} failed in ${read.region} (${read.error.code}: ${read.error.message})`);
  f.reason = { kind: read.error.kind, code: read.error.code, call: read.call, message: read.error.message };
  return f;
}

/** The account itself as the resource of an account-wide (or per-region account setting) check. */
export function accountResource(snap: Snapshot, region: string, name = 'AWS account'): Resource {
  const { accountId, partition } = snap.meta;
  return { id: accountId, arn: `arn:${partition}:iam::${accountId}:root`, name, region };
}

export function tagName(tags: { Key?: string; Value?: string }[] | undefined): string | undefined {
  return tags?.find((t) => t.Key === 'Name')?.Value;
}

/** A field AWS should have returned was absent: unknown is never false, so NOT_ASSESSED. */
export function missingField(
  meta: CheckMeta,
  snap: Snapshot,
  resource: Resource,
  read: Extract<Read<unknown>, { ok: true }>,
  field: string,
): Finding {
  return notAssessed(meta, snap, resource, {
    ok: false,
    call: read.call,
    region: read.region,
    error: { kind: 'malformed-response', code: 'MissingField', message: `${field} was absent from the response` },
  });
}
