import type { Snapshot } from '@aws-sdk/client-ec2';
import { evidence, finding, missingField, tagName } from '../helpers.ts';
import type { Check } from '../types.ts';
import { eachRegion } from './support/regional.ts';

const meta = {
  id: 'ec2-snapshot-encrypted',
  title: 'EBS snapshots are encrypted',
  area: 'data-protection',
  service: 'ec2',
  severity: 'medium',
  responsibility:
    'Protecting your backups is your job. EBS snapshots are full copies of a disk; keeping them encrypted means a copied or shared snapshot is useless without access to the key.',
  risk: 'An unencrypted snapshot can be copied, shared or restored by anyone with access to it, exposing the whole disk\'s data.',
  remediation: {
    console: 'EC2 console > Snapshots > select > Actions > Copy snapshot > Encrypt this snapshot; delete the unencrypted original once it is no longer needed.',
    cli: 'aws ec2 copy-snapshot --source-snapshot-id <snap> --source-region <region> --encrypted --kms-key-id <key>',
    terraform: 'resource "aws_ebs_snapshot_copy" "this" {\n  source_snapshot_id = "<snap>"\n  source_region      = "<region>"\n  encrypted          = true\n}',
  },
  references: ['https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html'],
} as const satisfies Check['meta'];

export const ec2SnapshotEncrypted: Check = {
  meta,
  needs: ['ec2:DescribeSnapshots'],
  evaluate(snap) {
    return eachRegion<Snapshot>(meta, snap, 'ec2:DescribeSnapshots', { label: 'EBS snapshots owned by the account' }, (s, read, region) => {
      const id = s.SnapshotId ?? '';
      const resource = { id, arn: `arn:${snap.meta.partition}:ec2:${region}::snapshot/${id}`, name: tagName(s.Tags) ?? id, region };
      const proof = [evidence(read, { SnapshotId: id, VolumeId: s.VolumeId, Encrypted: s.Encrypted, KmsKeyId: s.KmsKeyId, StartTime: s.StartTime })];
      if (s.Encrypted === true) return finding(meta, snap, resource, 'PASS', `Snapshot ${id} is encrypted.`, proof);
      if (s.Encrypted === false) return finding(meta, snap, resource, 'FAIL', `Snapshot ${id} (of volume ${s.VolumeId ?? 'unknown'}) is not encrypted.`, proof);
      return missingField(meta, snap, resource, read, 'Encrypted');
    });
  },
};
