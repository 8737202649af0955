/** EC2 over ec2Query: lower-camel element names, `item` list members, `<Response><Errors>` errors. */
import {
  DescribeInstancesResult$,
  DescribeRegionsResult$,
  DescribeSecurityGroupsResult$,
  GetEbsEncryptionByDefaultResult$,
  type Instance,
  type SecurityGroup,
} from '@aws-sdk/client-ec2';
import { regionalResources } from '../account.ts';
import { checkFilters, ec2Filters, intParam, paginate, queryList } from '../params.ts';
import { AwsError, type OperationContext, type ServiceModule } from '../protocol.ts';

const tokenError = () => new AwsError('InvalidPaginationToken', 'The specified pagination token is not valid or is expired.');

function matches(filters: Map<string, string[]>, name: string, value: string | undefined): boolean {
  const accepted = filters.get(name);
  return accepted === undefined || (value !== undefined && accepted.includes(value));
}

function describeRegions({ account, params }: OperationContext) {
  const filters = ec2Filters(params);
  checkFilters(filters, ['region-name', 'opt-in-status', 'endpoint']);
  const names = queryList(params, 'RegionName');
  const unknown = names.filter((n) => !account.regions.some((r) => r.name === n));
  if (unknown.length > 0) throw new AwsError('InvalidParameterValue', `Invalid region names: ${unknown.join(', ')}`);
  // Without AllRegions=true AWS lists only the regions the account can use.
  const allRegions = params.get('AllRegions') === 'true';
  const regions = account.regions
    .filter((r) => (names.length > 0 ? names.includes(r.name) : allRegions || r.optInStatus !== 'not-opted-in'))
    .map((r) => ({ RegionName: r.name, Endpoint: `ec2.${r.name}.amazonaws.com`, OptInStatus: r.optInStatus }))
    .filter(
      (r) =>
        matches(filters, 'region-name', r.RegionName) &&
        matches(filters, 'opt-in-status', r.OptInStatus) &&
        matches(filters, 'endpoint', r.Endpoint),
    );
  return { Regions: regions };
}

function describeSecurityGroups({ account, region, params }: OperationContext) {
  const filters = ec2Filters(params);
  checkFilters(filters, ['group-id', 'group-name', 'vpc-id', 'owner-id']);
  const all = regionalResources(account, region).securityGroups;
  const ids = queryList(params, 'GroupId');
  const names = queryList(params, 'GroupName');
  for (const id of ids) {
    if (!all.some((g) => g.GroupId === id)) throw new AwsError('InvalidGroup.NotFound', `The security group '${id}' does not exist`);
  }
  for (const name of names) {
    if (!all.some((g) => g.GroupName === name)) throw new AwsError('InvalidGroup.NotFound', `The security group '${name}' does not exist`);
  }
  const selected = all.filter(
    (g: SecurityGroup) =>
      (ids.length === 0 || ids.includes(g.GroupId ?? '')) &&
      (names.length === 0 || names.includes(g.GroupName ?? '')) &&
      matches(filters, 'group-id', g.GroupId) &&
      matches(filters, 'group-name', g.GroupName) &&
      matches(filters, 'vpc-id', g.VpcId) &&
      matches(filters, 'owner-id', g.OwnerId),
  );
  const page = paginate(selected, {
    scope: `ec2:DescribeSecurityGroups:${region}`,
    limit: intParam(params.get('MaxResults'), 'maxResults', 5, 1000),
    token: params.get('NextToken'),
    tokenError: tokenError(),
  });
  return { SecurityGroups: page.items, NextToken: page.nextToken };
}

function describeInstances({ account, region, params }: OperationContext) {
  const filters = ec2Filters(params);
  checkFilters(filters, ['instance-id', 'instance-state-name', 'vpc-id']);
  const all = regionalResources(account, region).instances;
  const ids = queryList(params, 'InstanceId');
  const limit = intParam(params.get('MaxResults'), 'maxResults', 5, 1000);
  if (ids.length > 0 && limit !== undefined) {
    throw new AwsError('InvalidParameterCombination', 'The parameter instancesSet cannot be used with the parameter maxResults');
  }
  const missing = ids.filter((id) => !all.some((i) => i.InstanceId === id));
  if (missing.length === 1) throw new AwsError('InvalidInstanceID.NotFound', `The instance ID '${missing[0]}' does not exist`);
  if (missing.length > 1) throw new AwsError('InvalidInstanceID.NotFound', `The instance IDs '${missing.join(', ')}' do not exist`);
  const selected = all.filter(
    (i: Instance) =>
      (ids.length === 0 || ids.includes(i.InstanceId ?? '')) &&
      matches(filters, 'instance-id', i.InstanceId) &&
      matches(filters, 'instance-state-name', i.State?.Name) &&
      matches(filters, 'vpc-id', i.VpcId),
  );
  const page = paginate(selected, { scope: `ec2:DescribeInstances:${region}`, limit, token: params.get('NextToken'), tokenError: tokenError() });
  const reservations = page.items.map((instance) => ({
    ReservationId: `r-${(instance.InstanceId ?? '').replace(/^i-/, '')}`,
    OwnerId: account.accountId,
    Groups: [],
    Instances: [instance],
  }));
  return { Reservations: reservations, NextToken: page.nextToken };
}

export const ec2: ServiceModule = {
  name: 'ec2',
  protocol: 'ec2',
  xmlNamespace: 'http://ec2.amazonaws.com/doc/2016-11-15/',
  // What EC2 really answers in a region the account has not enabled (widely reported by
  // Steampipe, fog-aws, aws-okta users): 401 AuthFailure, not OptInRequired.
  regionNotEnabled: () => new AwsError('AuthFailure', 'AWS was not able to validate the provided access credentials', 401),
  operations: {
    DescribeRegions: { output: DescribeRegionsResult$, handle: describeRegions },
    GetEbsEncryptionByDefault: {
      output: GetEbsEncryptionByDefaultResult$,
      handle: ({ account, region }) => ({
        EbsEncryptionByDefault: regionalResources(account, region).ebsEncryptionByDefault,
        SseType: 'sse-ebs',
      }),
    },
    DescribeSecurityGroups: { output: DescribeSecurityGroupsResult$, handle: describeSecurityGroups },
    DescribeInstances: { output: DescribeInstancesResult$, handle: describeInstances },
  },
};
