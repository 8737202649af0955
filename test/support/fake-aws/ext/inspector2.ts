/**
 * Amazon Inspector over REST JSON: POST /status/batch/get, /coverage/list, /findings/list. An
 * account that never turned Inspector on answers with every scan type DISABLED, as AWS does.
 */
import { EMULATOR_HTML_500 } from '../faults.ts';
import { AwsError, RawReply, type OperationContext, type ServiceModule } from '../protocol.ts';
import type { ComputeMaintenanceFixture, FakeInspectorStatus } from './compute-maintenance.ts';
import { inRegion, intWithin, page } from './compute-maintenance-params.ts';

const fixture = (ctx: OperationContext): ComputeMaintenanceFixture => ctx.account.ext?.computeMaintenance ?? {};
const invalid = (message: string) => new AwsError('ValidationException', message);
const DISABLED: FakeInspectorStatus = { ec2: 'DISABLED', ecr: 'DISABLED', lambda: 'DISABLED', lambdaCode: 'DISABLED' };

function batchGetAccountStatus(ctx: OperationContext) {
  const moto = fixture(ctx).inspectorAnswers === 'moto-5';
  if (moto && !fixture(ctx).inspector?.[ctx.region]) return { accounts: [], failedAccounts: [] };
  // moto lists only accounts that called Enable and tests each one against accountIds: when that is
  // left out, `in None` raises (inspector2/models.py batch_get_account_status) and Flask answers 500.
  if (moto && !Array.isArray(ctx.json.accountIds)) return new RawReply(EMULATOR_HTML_500.raw.body, 500, { 'Content-Type': EMULATOR_HTML_500.raw.contentType });
  const asked = Array.isArray(ctx.json.accountIds) ? (ctx.json.accountIds as string[]) : [ctx.account.accountId];
  const s = fixture(ctx).inspector?.[ctx.region] ?? DISABLED;
  const any = Object.values(s).some((x) => x === 'ENABLED');
  const resourceState = Object.fromEntries(Object.entries(s).map(([k, status]) => [k, { status }]));
  const mine = asked.filter((a) => a === ctx.account.accountId);
  return {
    accounts: mine.map((accountId) => ({ accountId, state: { status: any ? 'ENABLED' : 'DISABLED' }, resourceState })),
    failedAccounts: asked
      .filter((a) => a !== ctx.account.accountId)
      .map((accountId) => ({ accountId, errorCode: 'ACCESS_DENIED', errorMessage: 'You do not have access to the account status of this account.' })),
  };
}

/** Only the filters the scanner sends are modelled; anything else fails loudly. */
function stringFilters(criteria: unknown, supported: string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [key, filters] of Object.entries((criteria ?? {}) as Record<string, { comparison?: string; value?: string }[]>)) {
    if (!supported.includes(key)) throw invalid(`fake-aws does not model the ${key} filter`);
    for (const f of filters) if (f.comparison !== 'EQUALS') throw invalid(`fake-aws models only EQUALS comparisons (${key})`);
    out.set(key, filters.map((f) => f.value ?? ''));
  }
  return out;
}

function listCoverage(ctx: OperationContext) {
  const limit = intWithin(ctx.json.maxResults, 1, 200, 200, () => invalid('maxResults must be between 1 and 200'));
  const filters = stringFilters(ctx.json.filterCriteria, ['resourceType']);
  const types = filters.get('resourceType');
  const all = inRegion(fixture(ctx).coverage, ctx.region).filter((c) => !types || types.includes(c.resourceType ?? ''));
  const p = page(all, `inspector2:ListCoverage:${ctx.region}:${types?.join(',') ?? ''}`, limit, ctx.json.nextToken, invalid('Invalid nextToken'));
  return p.nextToken ? { coveredResources: p.items, nextToken: p.nextToken } : { coveredResources: p.items };
}

function listFindings(ctx: OperationContext) {
  const limit = intWithin(ctx.json.maxResults, 1, 100, 100, () => invalid('maxResults must be between 1 and 100'));
  const filters = stringFilters(ctx.json.filterCriteria, ['resourceType', 'findingStatus']);
  const types = filters.get('resourceType');
  const statuses = filters.get('findingStatus');
  const all = inRegion(fixture(ctx).findings, ctx.region).filter(
    (f) => (!types || (f.resources ?? []).some((r) => types.includes(r.type ?? ''))) && (!statuses || statuses.includes(f.status ?? '')),
  );
  const scope = `inspector2:ListFindings:${ctx.region}:${types?.join(',') ?? ''}:${statuses?.join(',') ?? ''}`;
  const p = page(all, scope, limit, ctx.json.nextToken, invalid('Invalid nextToken'));
  return p.nextToken ? { findings: p.items, nextToken: p.nextToken } : { findings: p.items };
}

const ROUTES: Record<string, string> = {
  'POST /status/batch/get': 'BatchGetAccountStatus',
  'POST /coverage/list': 'ListCoverage',
  'POST /findings/list': 'ListFindings',
};

export const inspector2: ServiceModule = {
  name: 'inspector2',
  protocol: 'json',
  route: (method, path) => {
    const action = ROUTES[`${method} ${path.replace(/\/+$/, '')}`];
    return action ? { action } : undefined;
  },
  regionNotEnabled: () => new AwsError('UnrecognizedClientException', 'The security token included in the request is invalid.', 403),
  operations: {
    BatchGetAccountStatus: { handle: batchGetAccountStatus },
    ListCoverage: { handle: listCoverage },
    ListFindings: { handle: listFindings },
  },
};
