/** DynamoDB over awsJson1_0 (X-Amz-Target DynamoDB_20120810.<Op>): tables and continuous backups. */
import { AwsError, type OperationContext, type ServiceModule } from '../protocol.ts';
import type { FakeTable } from './data-protection.ts';

const tables = (ctx: OperationContext): FakeTable[] =>
  [...(ctx.account.ext?.dataProtection?.tables?.[ctx.region] ?? [])].sort((a, b) => (a.TableName ?? '').localeCompare(b.TableName ?? ''));

function table(ctx: OperationContext, code: string): FakeTable {
  const name = typeof ctx.json.TableName === 'string' ? ctx.json.TableName : '';
  const found = tables(ctx).find((t) => t.TableName === name || t.TableArn === name);
  if (!found) throw new AwsError(code, code === 'TableNotFoundException' ? `Table not found: ${name}` : `Requested resource not found: Table: ${name} not found`);
  return found;
}

/** ListTables pages by name: the next page starts after ExclusiveStartTableName. */
function listTables(ctx: OperationContext) {
  const limit = typeof ctx.json.Limit === 'number' ? ctx.json.Limit : 100;
  if (limit < 1 || limit > 100) throw new AwsError('ValidationException', `1 validation error detected: Value '${limit}' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 100`);
  const start = typeof ctx.json.ExclusiveStartTableName === 'string' ? ctx.json.ExclusiveStartTableName : undefined;
  const names = tables(ctx).map((t) => t.TableName ?? '').filter((n) => start === undefined || n > start);
  const page = names.slice(0, limit);
  return names.length > limit ? { TableNames: page, LastEvaluatedTableName: page[page.length - 1] } : { TableNames: page };
}

function describeContinuousBackups(ctx: OperationContext) {
  const t = table(ctx, 'TableNotFoundException');
  return {
    ContinuousBackupsDescription: {
      ContinuousBackupsStatus: 'ENABLED',
      PointInTimeRecoveryDescription: t.pitr
        ? { PointInTimeRecoveryStatus: 'ENABLED', RecoveryPeriodInDays: 35, EarliestRestorableDateTime: new Date('2026-01-01T00:00:00Z'), LatestRestorableDateTime: new Date('2026-01-15T09:55:00Z') }
        : { PointInTimeRecoveryStatus: 'DISABLED' },
    },
  };
}

export const dynamodb: ServiceModule = {
  name: 'dynamodb',
  protocol: 'json',
  jsonVersion: '1.0',
  regionNotEnabled: () => new AwsError('UnrecognizedClientException', 'The security token included in the request is invalid.', 400),
  operations: {
    ListTables: { handle: listTables },
    DescribeTable: { handle: (ctx) => ({ Table: (({ pitr: _, ...t }) => t)(table(ctx, 'ResourceNotFoundException')) }) },
    DescribeContinuousBackups: { handle: describeContinuousBackups },
  },
};
