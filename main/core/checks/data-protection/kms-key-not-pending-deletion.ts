import type { KeyListEntry } from '@aws-sdk/client-kms';
import { evidence, finding, missingField, notAssessed } from '../helpers.ts';
import type { Check } from '../types.ts';
import { describeKey, keyResource, notAwsManaged } from './support/kms-keys.ts';
import { eachRegion } from './support/regional.ts';

const meta = {
  id: 'kms-key-not-pending-deletion',
  title: 'No customer managed KMS key is scheduled for deletion',
  area: 'data-protection',
  service: 'kms',
  severity: 'high',
  responsibility:
    'Managing your own encryption keys is your job. Deleting a KMS key makes everything encrypted under it unreadable for ever, so a scheduled deletion must be a deliberate, checked decision.',
  risk: 'When the waiting period ends the key is destroyed and any data, backups or snapshots still encrypted with it are lost permanently.',
  remediation: {
    console: 'KMS console > Customer managed keys > the key > Key actions > Cancel key deletion (then re-enable the key if it is still needed).',
    cli: 'aws kms cancel-key-deletion --key-id <key-id>\naws kms enable-key --key-id <key-id>',
  },
  references: ['https://docs.aws.amazon.com/kms/latest/developerguide/deleting-keys.html'],
} as const satisfies Check['meta'];

const PENDING = new Set(['PendingDeletion', 'PendingReplicaDeletion']);

export const kmsKeyNotPendingDeletion: Check = {
  meta,
  needs: ['kms:ListKeys', 'kms:DescribeKey', 'kms:ListAliases'],
  evaluate(snap) {
    return eachRegion<KeyListEntry>(meta, snap, 'kms:ListKeys', { label: 'customer managed KMS keys', applies: notAwsManaged(snap) }, (k, _list, region) => {
      const resource = keyResource(snap, region, k);
      const read = describeKey(snap, region, resource.id);
      if (!read.ok) return notAssessed(meta, snap, resource, read);
      const m = read.data;
      if (!m?.KeyState) return missingField(meta, snap, resource, read, 'KeyMetadata.KeyState');
      const proof = [evidence(read, { KeyId: m.KeyId, KeyManager: m.KeyManager, KeyState: m.KeyState, DeletionDate: m.DeletionDate, PendingDeletionWindowInDays: m.PendingDeletionWindowInDays })];
      if (PENDING.has(m.KeyState)) {
        const when = m.DeletionDate ? ` on ${new Date(m.DeletionDate).toISOString().slice(0, 10)}` : '';
        return finding(meta, snap, resource, 'FAIL', `Key ${resource.id} is scheduled for deletion${when}; data still encrypted with it will become unrecoverable.`, proof);
      }
      return finding(meta, snap, resource, 'PASS', `Key ${resource.id} is not scheduled for deletion (state ${m.KeyState}).`, proof);
    });
  },
};
