import type { ContinuousBackupsDescription } from '@aws-sdk/client-dynamodb';
import { evidence, finding, missingField, notAssessed } from '../helpers.ts';
import type { Check } from '../types.ts';
import { arn, eachRegion } from './support/regional.ts';

const meta = {
  id: 'dynamodb-table-pitr-enabled',
  title: 'DynamoDB tables have point-in-time recovery',
  area: 'data-protection',
  service: 'dynamodb',
  severity: 'medium',
  responsibility:
    'Backing up your data is your job. DynamoDB keeps continuous backups that can restore a table to any second of the recovery period only if point-in-time recovery is turned on for the table.',
  risk: 'Without point-in-time recovery, a bad write, a faulty deployment or a malicious delete cannot be rolled back beyond the last on-demand backup, if there is one.',
  remediation: {
    console: 'DynamoDB console > Tables > the table > Backups > Point-in-time recovery > Edit > Turn on.',
    cli: 'aws dynamodb update-continuous-backups --table-name <table> --point-in-time-recovery-specification PointInTimeRecoveryEnabled=true',
    terraform: 'resource "aws_dynamodb_table" "this" {\n  point_in_time_recovery {\n    enabled = true\n  }\n  # ...\n}',
  },
  references: ['https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/PointInTimeRecovery.html'],
} as const satisfies Check['meta'];

export const dynamodbTablePitrEnabled: Check = {
  meta,
  needs: ['dynamodb:ListTables', 'dynamodb:DescribeContinuousBackups'],
  evaluate(snap) {
    return eachRegion<string>(meta, snap, 'dynamodb:ListTables', { label: 'DynamoDB tables' }, (table, _list, region) => {
      const resource = { id: table, arn: arn(snap, region, 'dynamodb', `table/${table}`), name: table, region };
      const read = snap.read<ContinuousBackupsDescription | null>('dynamodb:DescribeContinuousBackups', region, table);
      if (!read.ok) return notAssessed(meta, snap, resource, read);
      const status = read.data?.PointInTimeRecoveryDescription?.PointInTimeRecoveryStatus;
      const proof = [evidence(read, read.data)];
      if (status === 'ENABLED') {
        const days = read.data?.PointInTimeRecoveryDescription?.RecoveryPeriodInDays;
        return finding(meta, snap, resource, 'PASS', `Point-in-time recovery is on for table ${table}${days ? ` (${days}-day recovery period)` : ''}.`, proof);
      }
      if (status === 'DISABLED') return finding(meta, snap, resource, 'FAIL', `Point-in-time recovery is off for table ${table}.`, proof);
      return missingField(meta, snap, resource, read, 'PointInTimeRecoveryDescription.PointInTimeRecoveryStatus');
    });
  },
};
