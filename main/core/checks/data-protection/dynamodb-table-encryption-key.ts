import type { TableDescription } from '@aws-sdk/client-dynamodb';
import type { Snapshot } from '../../engine/snapshot.ts';
import { evidence, finding, missingField, notAssessed } from '../helpers.ts';
import type { Check } from '../types.ts';
import { hasAwsAlias, keyByArn } from './support/kms-keys.ts';
import { arn, eachRegion } from './support/regional.ts';

const meta = {
  id: 'dynamodb-table-encryption-key',
  title: 'DynamoDB tables: which key encrypts them',
  area: 'data-protection',
  service: 'dynamodb',
  severity: 'info',
  responsibility:
    'Choosing who controls the encryption key is your decision. Every DynamoDB table is encrypted at rest; the key is owned by AWS (the default), an AWS managed key in your account (aws/dynamodb), or a customer managed key whose policy, rotation and audit trail you control.',
  risk: 'Context, not a defect: with an AWS owned key you cannot see key use in CloudTrail or revoke access through the key; sensitive tables often call for a customer managed key.',
  remediation: {
    console: 'DynamoDB console > Tables > the table > Additional settings > Encryption > Manage encryption > choose the key type.',
    cli: 'aws dynamodb update-table --table-name <table> --sse-specification Enabled=true,SSEType=KMS,KMSMasterKeyId=<key-arn>',
    terraform: 'resource "aws_dynamodb_table" "this" {\n  server_side_encryption {\n    enabled     = true\n    kms_key_arn = aws_kms_key.table.arn\n  }\n  # ...\n}',
  },
  references: ['https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/EncryptionAtRest.html'],
} as const satisfies Check['meta'];

/**
 * AWS sends the key's ARN; moto (5.x) echoes the key id the table was created with. A bare key id
 * names a key in the caller's own account and region
 * (https://docs.aws.amazon.com/kms/latest/developerguide/concepts.html#key-id-key-id).
 */
function asKeyArn(snap: Snapshot, region: string, key: string): string {
  return key.startsWith('arn:') || key.startsWith('alias/') ? key : `arn:${snap.meta.partition}:kms:${region}:${snap.meta.accountId}:key/${key}`;
}

export const dynamodbTableEncryptionKey: Check = {
  meta,
  needs: ['dynamodb:ListTables', 'dynamodb:DescribeTable', 'kms:ListKeys', 'kms:DescribeKey', 'kms:ListAliases'],
  evaluate(snap) {
    return eachRegion<string>(meta, snap, 'dynamodb:ListTables', { label: 'DynamoDB tables' }, (table, _list, region) => {
      const read = snap.read<TableDescription | null>('dynamodb:DescribeTable', region, table);
      const resource = { id: table, arn: (read.ok && read.data?.TableArn) || arn(snap, region, 'dynamodb', `table/${table}`), name: table, region };
      if (!read.ok) return notAssessed(meta, snap, resource, read);
      if (!read.data) return missingField(meta, snap, resource, read, 'Table');
      const sse = read.data.SSEDescription;
      const proof = [evidence(read, { TableName: table, SSEDescription: sse ?? 'absent (AWS owned key)' })];
      // No SSEDescription (or encryption being turned off) means DynamoDB's default: an AWS owned key.
      if (!sse || sse.SSEType !== 'KMS' || !sse.KMSMasterKeyArn || sse.Status === 'DISABLED') {
        return finding(meta, snap, resource, 'PASS', `Table ${table} is encrypted with an AWS owned key (DynamoDB's default).`, proof);
      }
      const keyArn = asKeyArn(snap, region, sse.KMSMasterKeyArn);
      const state = sse.Status && sse.Status !== 'ENABLED' ? ` (encryption status ${sse.Status})` : '';
      // Only an emulator echoes an alias; which key it points to is not collected.
      if (keyArn.startsWith('alias/')) return finding(meta, snap, resource, 'PASS', `Table ${table} is encrypted with the KMS key behind ${keyArn}${state}.`, proof);
      // AWS managed keys always live in the table's own account.
      if (keyArn.split(':')[4] !== snap.meta.accountId) {
        return finding(meta, snap, resource, 'PASS', `Table ${table} is encrypted with a customer managed key from another account (${keyArn})${state}.`, proof);
      }
      const key = keyByArn(snap, keyArn);
      if (!key) return finding(meta, snap, resource, 'PASS', `Table ${table} is encrypted with KMS key ${keyArn}, which is not among the account's keys (it may have been deleted)${state}.`, proof);
      if (!key.read.ok) return notAssessed(meta, snap, resource, key.read);
      const manager = key.read.data?.KeyManager;
      proof.push(evidence(key.read, { KeyId: key.read.data?.KeyId, KeyManager: manager }));
      // An alias/aws/ name marks an AWS managed key even where KeyManager says otherwise (moto).
      if (manager === 'AWS' || (manager === 'CUSTOMER' && hasAwsAlias(snap, key.region, key.read.data?.KeyId ?? ''))) return finding(meta, snap, resource, 'PASS', `Table ${table} is encrypted with the AWS managed key aws/dynamodb${state}.`, proof);
      if (manager === 'CUSTOMER') return finding(meta, snap, resource, 'PASS', `Table ${table} is encrypted with a customer managed key (${keyArn})${state}.`, proof);
      return notAssessed(meta, snap, resource, { ok: false, call: key.read.call, region: key.region, error: { kind: 'malformed-response', code: 'MissingField', message: 'KeyManager was absent from the response' } });
    });
  },
};
