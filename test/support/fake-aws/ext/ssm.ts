/** Systems Manager over awsJson1_1 (X-Amz-Target `AmazonSSM.<Op>`): managed nodes, patch states, compliance summaries. */
import { AwsError, type OperationContext, type ServiceModule } from '../protocol.ts';
import type { ComputeMaintenanceFixture } from './compute-maintenance.ts';
import { inRegion, intWithin, page, validation } from './compute-maintenance-params.ts';

const fixture = (ctx: OperationContext): ComputeMaintenanceFixture => ctx.account.ext?.computeMaintenance ?? {};
const badToken = () => new AwsError('InvalidNextToken', 'The specified token is not valid.');

function describeInstanceInformation(ctx: OperationContext) {
  const limit = intWithin(ctx.json.MaxResults, 5, 50, 50, (v) => validation('maxResults', v, 'Member must have value greater than or equal to 5'));
  if (ctx.json.Filters !== undefined || ctx.json.InstanceInformationFilterList !== undefined) {
    throw new AwsError('ValidationException', 'fake-aws does not model DescribeInstanceInformation filters');
  }
  const all = inRegion(fixture(ctx).ssmInstances, ctx.region);
  const p = page(all, `ssm:DescribeInstanceInformation:${ctx.region}`, limit, ctx.json.NextToken, badToken());
  return p.nextToken ? { InstanceInformationList: p.items, NextToken: p.nextToken } : { InstanceInformationList: p.items };
}

function describeInstancePatchStates(ctx: OperationContext) {
  const ids = ctx.json.InstanceIds;
  if (!Array.isArray(ids)) throw validation('instanceIds', null, 'Member must not be null');
  if (ids.length > 50) throw validation('instanceIds', `[${ids.join(', ')}]`, 'Member must have length less than or equal to 50');
  const limit = intWithin(ctx.json.MaxResults, 10, 100, 10, (v) => validation('maxResults', v, 'Member must have value greater than or equal to 10'));
  // Instances without patch data (or unknown ids) are simply absent from the answer.
  const all = inRegion(fixture(ctx).patchStates, ctx.region).filter((p) => ids.includes(p.InstanceId));
  const p = page(all, `ssm:DescribeInstancePatchStates:${ctx.region}:${ids.join(',')}`, limit, ctx.json.NextToken, badToken());
  return p.nextToken ? { InstancePatchStates: p.items, NextToken: p.nextToken } : { InstancePatchStates: p.items };
}

function listResourceComplianceSummaries(ctx: OperationContext) {
  const limit = intWithin(ctx.json.MaxResults, 1, 50, 50, (v) => validation('maxResults', v, 'Member must have value less than or equal to 50'));
  const filters = Array.isArray(ctx.json.Filters) ? (ctx.json.Filters as { Key?: string; Values?: string[]; Type?: string }[]) : [];
  for (const f of filters) {
    if (f.Key !== 'ComplianceType' || (f.Type ?? 'EQUAL') !== 'EQUAL') throw new AwsError('ValidationException', `fake-aws does not model the compliance filter ${f.Key}/${f.Type}`);
  }
  const types = filters.flatMap((f) => f.Values ?? []);
  const all = inRegion(fixture(ctx).complianceSummaries, ctx.region).filter((i) => types.length === 0 || types.includes(i.ComplianceType ?? ''));
  const p = page(all, `ssm:ListResourceComplianceSummaries:${ctx.region}:${types.join(',')}`, limit, ctx.json.NextToken, badToken());
  return p.nextToken ? { ResourceComplianceSummaryItems: p.items, NextToken: p.nextToken } : { ResourceComplianceSummaryItems: p.items };
}

export const ssm: ServiceModule = {
  name: 'ssm',
  protocol: 'json',
  regionNotEnabled: () => new AwsError('UnrecognizedClientException', 'The security token included in the request is invalid.', 400),
  operations: {
    DescribeInstanceInformation: { handle: describeInstanceInformation },
    DescribeInstancePatchStates: { handle: describeInstancePatchStates },
    ListResourceComplianceSummaries: { handle: listResourceComplianceSummaries },
  },
};
