/**
 * Fake Security Hub GetFindings (ASFF), added to the securityhub service the logging area defines
 * (restJson: POST /findings). It honours the filters Leasehold sends (string filters on RecordState,
 * WorkflowStatus, AwsAccountId and a few more, with AWS's EQUALS/PREFIX-or, NOT_EQUALS-and rules),
 * MaxResults 1-100 and NextToken, and answers a region where Security Hub is off with the real
 * 401 InvalidAccessException "Account ... is not subscribed to AWS Security Hub".
 */
import type { AwsSecurityFinding } from '@aws-sdk/client-securityhub';
import type { FakeAccount } from '../account.ts';
import { paginate } from '../params.ts';
import { AwsError, type OperationContext } from '../protocol.ts';
import { subscribedHub } from './securityhub.ts';
import type { FakeAwsExtension } from './types.ts';

/** This feature's part of a FakeAccount (account.ext.securityHubImport). */
export interface SecurityHubImportFixture {
  /** Every finding Security Hub holds in each region, before any filter (archived and suppressed ones too). */
  findings?: Record<string, AwsSecurityFinding[]>;
}

/** Each GetFindings request as it arrived (performance.now() ms), per account: tests measure pacing with it. */
const LOG = new WeakMap<FakeAccount, { region: string; at: number; filters: unknown }[]>();
export const getFindingsLog = (account: FakeAccount) => LOG.get(account) ?? [];

type StringFilter = { Value?: string; Comparison?: string };

const FIELDS: Record<string, (f: AwsSecurityFinding) => string | undefined> = {
  RecordState: (f) => f.RecordState,
  WorkflowStatus: (f) => f.Workflow?.Status,
  AwsAccountId: (f) => f.AwsAccountId,
  ProductName: (f) => f.ProductName,
  SeverityLabel: (f) => f.Severity?.Label,
  ComplianceStatus: (f) => f.Compliance?.Status,
  ComplianceSecurityControlId: (f) => f.Compliance?.SecurityControlId,
  Region: (f) => f.Region,
};

/** AWS: for one field, EQUALS and PREFIX filters are OR'ed, NOT_EQUALS and PREFIX_NOT_EQUALS are AND'ed; fields are AND'ed. */
function matchesField(value: string | undefined, filters: StringFilter[]): boolean {
  const v = value ?? '';
  const positive = filters.filter((x) => x.Comparison === 'EQUALS' || x.Comparison === 'PREFIX');
  const negative = filters.filter((x) => x.Comparison === 'NOT_EQUALS' || x.Comparison === 'PREFIX_NOT_EQUALS');
  const hit = (x: StringFilter) => (x.Comparison?.startsWith('PREFIX') ? v.startsWith(x.Value ?? '') : v === x.Value);
  return (positive.length === 0 || positive.some(hit)) && negative.every((x) => !hit(x));
}

function readFilters(json: Record<string, unknown>): [string, StringFilter[]][] {
  const raw = (json.Filters ?? {}) as Record<string, unknown>;
  return Object.entries(raw).map(([name, list]) => {
    if (!FIELDS[name]) throw new AwsError('InvalidInputException', `fake-aws: the GetFindings filter ${name} is not modelled`);
    if (!Array.isArray(list)) throw new AwsError('InvalidInputException', `Invalid filter ${name}`);
    for (const x of list as StringFilter[]) {
      if (!['EQUALS', 'PREFIX', 'NOT_EQUALS', 'PREFIX_NOT_EQUALS'].includes(x.Comparison ?? '')) {
        throw new AwsError('InvalidInputException', `Invalid comparison ${String(x.Comparison)} for filter ${name}`);
      }
    }
    return [name, list as StringFilter[]];
  });
}

function getFindings(ctx: OperationContext) {
  const log = LOG.get(ctx.account) ?? [];
  LOG.set(ctx.account, log);
  log.push({ region: ctx.region, at: performance.now(), filters: ctx.json.Filters });
  // The logging area's hub fixture says where Security Hub is on; elsewhere: 401 "not subscribed".
  subscribedHub(ctx);
  const limit = ctx.json.MaxResults ?? 100;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > 100) {
    throw new AwsError('InvalidInputException', 'MaxResults must be an integer between 1 and 100');
  }
  const filters = readFilters(ctx.json);
  const all = (ctx.account.ext?.securityHubImport?.findings?.[ctx.region] ?? []).filter((f) =>
    filters.every(([name, list]) => matchesField(FIELDS[name]?.(f), list)),
  );
  const page = paginate(all, {
    // A token is only good for the query that issued it.
    scope: `securityhub:GetFindings:${ctx.region}:${JSON.stringify(ctx.json.Filters ?? {})}`,
    limit,
    token: typeof ctx.json.NextToken === 'string' ? ctx.json.NextToken : null,
    tokenError: new AwsError('InvalidInputException', 'The NextToken value is not valid'),
  });
  return page.nextToken ? { Findings: page.items, NextToken: page.nextToken } : { Findings: page.items };
}

export const securityHubImportExtension: FakeAwsExtension = {
  operations: { securityhub: { GetFindings: { handle: getFindings } } },
};
