/**
 * Amazon GuardDuty over REST JSON (lower-camel member names, as AWS sends them). A region where
 * GuardDuty was never enabled lists no detectors; a suspended detector reports status DISABLED.
 */
import { paginate } from '../params.ts';
import { AwsError, type OperationContext, type ServiceModule } from '../protocol.ts';

export interface FakeGuardDutyFinding {
  id: string;
  type: string;
  title: string;
  severity: number;
  resourceType: string;
  archived: boolean;
  createdAt: string;
  updatedAt: string;
  count: number;
}

export interface FakeDetector {
  id: string;
  status: 'ENABLED' | 'DISABLED';
  createdAt: string;
  updatedAt: string;
  findings?: FakeGuardDutyFinding[];
}

const badRequest = (message: string) => new AwsError('BadRequestException', message, 400);

function detectors(ctx: OperationContext): FakeDetector[] {
  return ctx.account.ext?.loggingMonitoring?.guardDuty?.[ctx.region] ?? [];
}

function detector(ctx: OperationContext): FakeDetector {
  const id = ctx.path.split('/')[2] ?? '';
  const found = detectors(ctx).find((d) => d.id === id);
  if (!found) throw badRequest('The request is rejected because the input detectorId is not owned by the current account.');
  return found;
}

type Condition = Record<string, unknown>;

/** The criteria the scanner sends (severity floor, archived flag); anything else is refused, not ignored. */
function matches(f: FakeGuardDutyFinding, criterion: Record<string, Condition>): boolean {
  for (const [field, cond] of Object.entries(criterion)) {
    if (field === 'severity') {
      const floor = (cond.greaterThanOrEqual ?? cond.gte) as number | undefined;
      if (typeof floor !== 'number' || Object.keys(cond).length !== 1) throw badRequest('The request is rejected because an invalid or out-of-range value is specified as an input parameter.');
      if (f.severity < floor) return false;
    } else if (field === 'service.archived') {
      const values = (cond.equals ?? cond.eq) as string[] | undefined;
      if (!Array.isArray(values)) throw badRequest('The request is rejected because an invalid or out-of-range value is specified as an input parameter.');
      if (!values.includes(String(f.archived))) return false;
    } else {
      throw badRequest(`The request is rejected because the criterion ${field} is not supported by this fake.`);
    }
  }
  return true;
}

function listFindings(ctx: OperationContext) {
  const d = detector(ctx);
  const criterion = ((ctx.json.findingCriteria as { criterion?: Record<string, Condition> } | undefined)?.criterion) ?? {};
  const ids = (d.findings ?? []).filter((f) => matches(f, criterion)).map((f) => f.id);
  const max = typeof ctx.json.maxResults === 'number' ? ctx.json.maxResults : 50;
  if (max < 1 || max > 50) throw badRequest('The request is rejected because the maxResults value is out of range.');
  const page = paginate(ids, {
    scope: `guardduty:ListFindings:${d.id}`,
    limit: max,
    token: typeof ctx.json.nextToken === 'string' ? ctx.json.nextToken : null,
    tokenError: badRequest('The request is rejected because the nextToken is invalid.'),
  });
  return page.nextToken ? { findingIds: page.items, nextToken: page.nextToken } : { findingIds: page.items };
}

function getFindings(ctx: OperationContext) {
  const d = detector(ctx);
  const ids = Array.isArray(ctx.json.findingIds) ? (ctx.json.findingIds as string[]) : [];
  if (ids.length > 50) throw badRequest('The request is rejected because the findingIds list is longer than 50.');
  const { accountId } = ctx.account;
  const findings = (d.findings ?? []).filter((f) => ids.includes(f.id)).map((f) => ({
    accountId,
    arn: `arn:aws:guardduty:${ctx.region}:${accountId}:detector/${d.id}/finding/${f.id}`,
    createdAt: f.createdAt,
    id: f.id,
    partition: 'aws',
    region: ctx.region,
    resource: { resourceType: f.resourceType },
    schemaVersion: '2.0',
    service: { archived: f.archived, count: f.count, detectorId: d.id, serviceName: 'guardduty' },
    severity: f.severity,
    title: f.title,
    type: f.type,
    updatedAt: f.updatedAt,
  }));
  return { findings };
}

function listDetectors(ctx: OperationContext) {
  const page = paginate(detectors(ctx).map((d) => d.id), {
    scope: `guardduty:ListDetectors:${ctx.region}`,
    limit: Number(ctx.params.get('maxResults') ?? 50),
    token: ctx.params.get('nextToken'),
    tokenError: badRequest('The request is rejected because the nextToken is invalid.'),
  });
  return page.nextToken ? { detectorIds: page.items, nextToken: page.nextToken } : { detectorIds: page.items };
}

function getDetector(ctx: OperationContext) {
  const d = detector(ctx);
  return {
    createdAt: d.createdAt,
    findingPublishingFrequency: 'SIX_HOURS',
    serviceRole: `arn:aws:iam::${ctx.account.accountId}:role/aws-service-role/guardduty.amazonaws.com/AWSServiceRoleForAmazonGuardDuty`,
    status: d.status,
    updatedAt: d.updatedAt,
    tags: {},
    features: [{ name: 'CLOUD_TRAIL', status: d.status }, { name: 'DNS_LOGS', status: d.status }, { name: 'FLOW_LOGS', status: d.status }],
  };
}

export const guarddutyService: ServiceModule = {
  name: 'guardduty',
  protocol: 'json',
  regionNotEnabled: () => new AwsError('UnrecognizedClientException', 'The security token included in the request is invalid.', 403),
  route(method, path) {
    const p = path.replace(/\/+$/, '');
    if (method === 'GET' && p === '/detector') return { action: 'ListDetectors' };
    if (method === 'GET' && /^\/detector\/[^/]+$/.test(p)) return { action: 'GetDetector' };
    if (method === 'POST' && /^\/detector\/[^/]+\/findings$/.test(p)) return { action: 'ListFindings' };
    if (method === 'POST' && /^\/detector\/[^/]+\/findings\/get$/.test(p)) return { action: 'GetFindings' };
    return undefined;
  },
  operations: {
    ListDetectors: { handle: listDetectors },
    GetDetector: { handle: getDetector },
    ListFindings: { handle: listFindings },
    GetFindings: { handle: getFindings },
  },
};
