/** RDS operations for clusters, snapshots and parameter groups (awsQuery; XML from the SDK's schemas). */
import {
  DBClusterMessage$,
  DBClusterParameterGroupDetails$,
  DBClusterSnapshotMessage$,
  DBParameterGroupDetails$,
  DBSnapshotMessage$,
  DescribeDBClusterSnapshotAttributesResult$,
  DescribeDBSnapshotAttributesResult$,
  type Parameter,
} from '@aws-sdk/client-rds';
import { intParam, paginate } from '../params.ts';
import { AwsError, type Operation, type OperationContext } from '../protocol.ts';

const fixture = (ctx: OperationContext) => ctx.account.ext?.dataProtection ?? {};

function page<T>(ctx: OperationContext, all: T[], scope: string) {
  return paginate(all, {
    scope: `rds:${scope}:${ctx.region}`,
    limit: intParam(ctx.params.get('MaxRecords'), 'MaxRecords', 20, 100) ?? 100,
    token: ctx.params.get('Marker'),
    tokenError: new AwsError('InvalidParameterValue', 'The marker is not valid.'),
  });
}

/** AWS returns the "restore" attribute even when nobody is listed in it. */
const restoreAttribute = (restore: string[] | undefined) => [{ AttributeName: 'restore', AttributeValues: restore ?? [] }];

/** Both operations answer an unknown group with DBParameterGroupNotFound; the message names the kind of group. */
function parameters(ctx: OperationContext, groups: Record<string, Parameter[]> | undefined, nameParam: string, label: string, scope: string) {
  const name = ctx.params.get(nameParam) ?? '';
  const all = groups?.[name];
  if (!all) throw new AwsError('DBParameterGroupNotFound', `${label} not found: ${name}`, 404);
  const source = ctx.params.get('Source');
  const p = page(ctx, source ? all.filter((x) => x.Source === source) : all, `${scope}:${name}`);
  return { Parameters: p.items, Marker: p.nextToken };
}

export const rdsStorageOperations: Record<string, Operation> = {
  DescribeDBClusters: {
    output: DBClusterMessage$,
    handle: (ctx) => {
      const p = page(ctx, fixture(ctx).rdsClusters?.[ctx.region] ?? [], 'DescribeDBClusters');
      return { DBClusters: p.items, Marker: p.nextToken };
    },
  },
  DescribeDBSnapshots: {
    output: DBSnapshotMessage$,
    handle: (ctx) => {
      const type = ctx.params.get('SnapshotType');
      const all = (fixture(ctx).rdsSnapshots?.[ctx.region] ?? []).filter((s) => !type || s.SnapshotType === type);
      const p = page(ctx, all, 'DescribeDBSnapshots');
      return { DBSnapshots: p.items.map(({ restore: _, ...s }) => s), Marker: p.nextToken };
    },
  },
  DescribeDBClusterSnapshots: {
    output: DBClusterSnapshotMessage$,
    handle: (ctx) => {
      const type = ctx.params.get('SnapshotType');
      const all = (fixture(ctx).rdsClusterSnapshots?.[ctx.region] ?? []).filter((s) => !type || s.SnapshotType === type);
      const p = page(ctx, all, 'DescribeDBClusterSnapshots');
      return { DBClusterSnapshots: p.items.map(({ restore: _, ...s }) => s), Marker: p.nextToken };
    },
  },
  DescribeDBSnapshotAttributes: {
    output: DescribeDBSnapshotAttributesResult$,
    handle: (ctx) => {
      const id = ctx.params.get('DBSnapshotIdentifier') ?? '';
      const s = (fixture(ctx).rdsSnapshots?.[ctx.region] ?? []).find((x) => x.DBSnapshotIdentifier === id);
      if (!s) throw new AwsError('DBSnapshotNotFound', `DBSnapshot not found: ${id}`, 404);
      return { DBSnapshotAttributesResult: { DBSnapshotIdentifier: id, DBSnapshotAttributes: restoreAttribute(s.restore) } };
    },
  },
  DescribeDBClusterSnapshotAttributes: {
    output: DescribeDBClusterSnapshotAttributesResult$,
    handle: (ctx) => {
      const id = ctx.params.get('DBClusterSnapshotIdentifier') ?? '';
      const s = (fixture(ctx).rdsClusterSnapshots?.[ctx.region] ?? []).find((x) => x.DBClusterSnapshotIdentifier === id);
      if (!s) throw new AwsError('DBClusterSnapshotNotFoundFault', `DBClusterSnapshot not found: ${id}`, 404);
      return { DBClusterSnapshotAttributesResult: { DBClusterSnapshotIdentifier: id, DBClusterSnapshotAttributes: restoreAttribute(s.restore) } };
    },
  },
  DescribeDBParameters: {
    output: DBParameterGroupDetails$,
    handle: (ctx) =>
      parameters(ctx, fixture(ctx).rdsParameterGroups?.[ctx.region], 'DBParameterGroupName', 'DBParameterGroup', 'DescribeDBParameters'),
  },
  DescribeDBClusterParameters: {
    output: DBClusterParameterGroupDetails$,
    handle: (ctx) =>
      parameters(
        ctx,
        fixture(ctx).rdsClusterParameterGroups?.[ctx.region],
        'DBClusterParameterGroupName',
        'DBClusterParameterGroup',
        'DescribeDBClusterParameters',
      ),
  },
};
