import type { KeyListEntry } from '@aws-sdk/client-kms';
import { keyUsage, rotationEligible, type KeyRotation } from '../../collect/kms.ts';
import { evidence, finding, missingField, notAssessed } from '../helpers.ts';
import type { Check } from '../types.ts';
import { describeKey, keyResource, notAwsManaged } from './support/kms-keys.ts';
import { eachRegion } from './support/regional.ts';

const meta = {
  id: 'kms-key-rotation-enabled',
  title: 'Customer managed KMS keys rotate automatically',
  area: 'data-protection',
  service: 'kms',
  severity: 'medium',
  responsibility:
    'Managing your own encryption keys is your job. AWS rotates its managed keys, but a customer managed symmetric key only gets new key material if you turn automatic rotation on.',
  risk: 'Key material that never changes protects ever more data, so a key that leaks or is broken exposes all of it.',
  remediation: {
    console: 'KMS console > Customer managed keys > the key > Key rotation > Automatically rotate this KMS key (every 365 days, or a period you choose).',
    cli: 'aws kms enable-key-rotation --key-id <key-id> --rotation-period-in-days 365',
    terraform: 'resource "aws_kms_key" "this" {\n  enable_key_rotation     = true\n  rotation_period_in_days = 365\n}',
  },
  references: ['https://docs.aws.amazon.com/kms/latest/developerguide/rotating-keys.html'],
} as const satisfies Check['meta'];

/** Why a customer managed key cannot have automatic rotation, in the words of the KMS docs. */
function ineligible(k: { KeySpec?: string; KeyUsage?: string; Origin?: string; KeyState?: string }): string {
  if (k.KeyState === 'PendingDeletion' || k.KeyState === 'PendingReplicaDeletion') return 'it is pending deletion';
  if (k.Origin === 'EXTERNAL') return 'its key material is imported';
  if (k.Origin === 'AWS_CLOUDHSM' || k.Origin === 'EXTERNAL_KEY_STORE') return 'it is in a custom key store';
  if (k.KeySpec !== 'SYMMETRIC_DEFAULT') return `automatic rotation exists only for symmetric encryption keys (this is ${k.KeySpec ?? 'an unknown spec'})`;
  const usage = keyUsage(k);
  if (usage !== 'ENCRYPT_DECRYPT') return `its key usage is ${usage ?? 'unknown'}`;
  return `its state is ${k.KeyState ?? 'unknown'}`;
}

export const kmsKeyRotationEnabled: Check = {
  meta,
  needs: ['kms:ListKeys', 'kms:DescribeKey', 'kms:GetKeyRotationStatus', 'kms:ListAliases'],
  evaluate(snap) {
    return eachRegion<KeyListEntry>(meta, snap, 'kms:ListKeys', { label: 'customer managed KMS keys', applies: notAwsManaged(snap) }, (k, _list, region) => {
      const resource = keyResource(snap, region, k);
      const described = describeKey(snap, region, resource.id);
      if (!described.ok) return notAssessed(meta, snap, resource, described);
      const m = described.data;
      if (!m) return missingField(meta, snap, resource, described, 'KeyMetadata');
      const about = { KeyId: m.KeyId, KeyManager: m.KeyManager, KeySpec: m.KeySpec, KeyUsage: m.KeyUsage, Origin: m.Origin, KeyState: m.KeyState };
      if (!rotationEligible(m)) {
        return finding(meta, snap, resource, 'NOT_APPLICABLE', `Key ${resource.id} cannot rotate automatically: ${ineligible(m)}.`, [evidence(described, about)]);
      }
      const read = snap.read<KeyRotation>('kms:GetKeyRotationStatus', region, resource.id);
      if (!read.ok) return notAssessed(meta, snap, resource, read);
      const proof = [evidence(described, about), evidence(read, read.data)];
      if (read.data.KeyRotationEnabled === true) {
        const every = read.data.RotationPeriodInDays ? ` every ${read.data.RotationPeriodInDays} days` : '';
        return finding(meta, snap, resource, 'PASS', `Key ${resource.id} rotates automatically${every}.`, proof);
      }
      if (read.data.KeyRotationEnabled === false) return finding(meta, snap, resource, 'FAIL', `Key ${resource.id} is a customer managed symmetric key without automatic rotation.`, proof);
      return missingField(meta, snap, resource, read, 'KeyRotationEnabled');
    });
  },
};
