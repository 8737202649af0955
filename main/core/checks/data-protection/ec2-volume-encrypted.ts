import type { Volume } from '@aws-sdk/client-ec2';
import { evidence, finding, missingField, tagName } from '../helpers.ts';
import type { Check } from '../types.ts';
import { arn, eachRegion } from './support/regional.ts';

const meta = {
  id: 'ec2-volume-encrypted',
  title: 'EBS volumes are encrypted',
  area: 'data-protection',
  service: 'ec2',
  severity: 'medium',
  responsibility:
    'Encrypting the data on your disks is your job. Every EBS volume, attached or not, should be encrypted so its data, its snapshots and the volumes made from them are protected at rest.',
  risk: 'An unencrypted volume, and every snapshot taken of it, holds readable data; anyone who gets a copy of the snapshot can read it. Encryption cannot be turned on in place later.',
  remediation: {
    console:
      'Create a snapshot of the volume, copy the snapshot with encryption enabled, create a new volume from the encrypted copy and swap it in; then turn on EBS encryption by default so new volumes are encrypted.',
    cli: 'aws ec2 create-snapshot --volume-id <vol>\naws ec2 copy-snapshot --source-snapshot-id <snap> --source-region <region> --encrypted\naws ec2 create-volume --snapshot-id <encrypted-snap> --availability-zone <az>',
    terraform: 'resource "aws_ebs_volume" "this" {\n  encrypted = true\n  # ...\n}',
  },
  references: ['https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html'],
} as const satisfies Check['meta'];

export const ec2VolumeEncrypted: Check = {
  meta,
  needs: ['ec2:DescribeVolumes'],
  evaluate(snap) {
    return eachRegion<Volume>(meta, snap, 'ec2:DescribeVolumes', { label: 'EBS volumes', applies: (v) => v.State !== 'deleted' && v.State !== 'deleting' }, (v, read, region) => {
      const id = v.VolumeId ?? '';
      const resource = { id, arn: arn(snap, region, 'ec2', `volume/${id}`), name: tagName(v.Tags) ?? id, region };
      const attached = (v.Attachments ?? []).map((a) => a.InstanceId).filter(Boolean);
      const where = attached.length > 0 ? `attached to ${attached.join(', ')}` : `not attached (${v.State ?? 'state unknown'})`;
      const proof = [evidence(read, { VolumeId: id, Encrypted: v.Encrypted, KmsKeyId: v.KmsKeyId, State: v.State, Attachments: attached })];
      if (v.Encrypted === true) return finding(meta, snap, resource, 'PASS', `Volume ${id} is encrypted.`, proof);
      if (v.Encrypted === false) return finding(meta, snap, resource, 'FAIL', `Volume ${id} is not encrypted; it is ${where}.`, proof);
      return missingField(meta, snap, resource, read, 'Encrypted');
    });
  },
};
