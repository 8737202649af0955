/** EC2 operations for EBS volumes and snapshots (ec2Query; XML written from the SDK's schemas). */
import { DescribeSnapshotAttributeResult$, DescribeSnapshotsResult$, DescribeVolumesResult$, GetSnapshotBlockPublicAccessStateResult$ } from '@aws-sdk/client-ec2';
import { checkFilters, ec2Filters, intParam, paginate, queryList } from '../params.ts';
import { AwsError, type Operation, type OperationContext } from '../protocol.ts';
import type { FakeEbsSnapshot } from './data-protection.ts';

const tokenError = () => new AwsError('InvalidPaginationToken', 'The specified pagination token is not valid or is expired.');
const fixture = (ctx: OperationContext) => ctx.account.ext?.dataProtection ?? {};

function describeVolumes(ctx: OperationContext) {
  checkFilters(ec2Filters(ctx.params), []);
  const page = paginate(fixture(ctx).volumes?.[ctx.region] ?? [], {
    scope: `ec2:DescribeVolumes:${ctx.region}`,
    limit: intParam(ctx.params.get('MaxResults'), 'maxResults', 5, 500),
    token: ctx.params.get('NextToken'),
    tokenError: tokenError(),
  });
  return { Volumes: page.items, NextToken: page.nextToken };
}

/**
 * Without Owner, EC2 also returns every snapshot other accounts made public (and those shared
 * with this account); Owner=self (or the account id) keeps only the account's own.
 */
function describeSnapshots(ctx: OperationContext) {
  checkFilters(ec2Filters(ctx.params), []);
  const owners = queryList(ctx.params, 'Owner');
  const all = fixture(ctx).snapshots?.[ctx.region] ?? [];
  const mine = (s: FakeEbsSnapshot) => s.OwnerId === ctx.account.accountId;
  const visible = (s: FakeEbsSnapshot) => mine(s) || (s.createVolumePermissions ?? []).some((p) => p.Group === 'all' || p.UserId === ctx.account.accountId);
  const selected = all.filter((s) =>
    owners.length === 0 ? visible(s) : owners.some((o) => ((o === 'self' || o === ctx.account.accountId) && mine(s)) || (o === s.OwnerId && visible(s))),
  );
  const page = paginate(selected, {
    scope: `ec2:DescribeSnapshots:${ctx.region}`,
    limit: intParam(ctx.params.get('MaxResults'), 'maxResults', 5, 1000),
    token: ctx.params.get('NextToken'),
    tokenError: tokenError(),
  });
  return { Snapshots: page.items.map(({ createVolumePermissions: _, ...s }) => s), NextToken: page.nextToken };
}

function describeSnapshotAttribute(ctx: OperationContext) {
  const id = ctx.params.get('SnapshotId') ?? '';
  const attribute = ctx.params.get('Attribute');
  if (attribute !== 'createVolumePermission' && attribute !== 'productCodes') {
    throw new AwsError('InvalidParameterValue', `Value (${attribute ?? ''}) for parameter attribute is invalid. Unknown attribute.`);
  }
  const snapshot = (fixture(ctx).snapshots?.[ctx.region] ?? []).find((s) => s.SnapshotId === id && s.OwnerId === ctx.account.accountId);
  if (!snapshot) throw new AwsError('InvalidSnapshot.NotFound', `The snapshot '${id}' does not exist.`);
  if (attribute === 'productCodes') return { SnapshotId: id, ProductCodes: [] };
  return { SnapshotId: id, CreateVolumePermissions: snapshot.createVolumePermissions ?? [] };
}

export const ec2StorageOperations: Record<string, Operation> = {
  DescribeVolumes: { output: DescribeVolumesResult$, handle: describeVolumes },
  DescribeSnapshots: { output: DescribeSnapshotsResult$, handle: describeSnapshots },
  DescribeSnapshotAttribute: { output: DescribeSnapshotAttributeResult$, handle: describeSnapshotAttribute },
  GetSnapshotBlockPublicAccessState: {
    output: GetSnapshotBlockPublicAccessStateResult$,
    handle: (ctx) => ({ State: fixture(ctx).snapshotBlockPublicAccess?.[ctx.region] ?? 'unblocked', ManagedBy: 'account' }),
  },
};
