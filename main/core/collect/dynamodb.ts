/** DynamoDB tables per region, each table's description (encryption) and its continuous backups (PITR). */
import {
  DescribeContinuousBackupsCommand,
  DescribeTableCommand,
  ListTablesCommand,
  type DescribeContinuousBackupsCommandOutput,
  type DescribeTableCommandOutput,
  type ListTablesCommandOutput,
} from '@aws-sdk/client-dynamodb';
import { collectPages } from './paginate.ts';
import { perResource } from './per-resource.ts';
import type { CollectContext, DatasetDef } from './types.ts';

function tables(ctx: CollectContext): { region: string; name: string }[] {
  return ctx.snapshot
    .records('dynamodb:ListTables')
    .flatMap((r) => (r.ok && r.resourceKey === '' ? (r.data as string[]).map((name) => ({ region: r.region, name })) : []));
}

function perTable(id: string, call: (ctx: CollectContext, table: string, region: string) => Promise<unknown>): DatasetDef {
  return {
    id,
    service: 'dynamodb',
    scope: 'per-resource',
    iamActions: [id],
    dependsOn: ['dynamodb:ListTables'],
    collect: (ctx) => perResource(ctx, tables(ctx), (t) => ({ region: t.region, resourceKey: t.name }), (t, region) => call(ctx, t.name, region)),
  };
}

export const dynamodbDatasets: DatasetDef[] = [
  {
    id: 'dynamodb:ListTables',
    service: 'dynamodb',
    scope: 'regional',
    iamActions: ['dynamodb:ListTables'],
    collect(ctx) {
      const client = ctx.session.client('dynamodb', ctx.region);
      return collectPages<ListTablesCommandOutput, string>(
        (ExclusiveStartTableName) => ctx.send(client, new ListTablesCommand({ ExclusiveStartTableName, Limit: 100 })),
        (page) => page.TableNames,
        (page) => page.LastEvaluatedTableName,
      );
    },
  },
  perTable('dynamodb:DescribeTable', async (ctx, table, region) => {
    const out = await ctx.send<DescribeTableCommandOutput>(ctx.session.client('dynamodb', region), new DescribeTableCommand({ TableName: table }));
    return out.Table ?? null;
  }),
  perTable('dynamodb:DescribeContinuousBackups', async (ctx, table, region) => {
    const out = await ctx.send<DescribeContinuousBackupsCommandOutput>(
      ctx.session.client('dynamodb', region),
      new DescribeContinuousBackupsCommand({ TableName: table }),
    );
    return out.ContinuousBackupsDescription ?? null;
  }),
];
