import { accountResource, evidence, finding, missingField, notAssessed } from '../helpers.ts';
import type { Check } from '../types.ts';

const meta = {
  id: 'ec2-ebs-default-encryption',
  title: 'EBS encryption by default is enabled',
  area: 'data-protection',
  service: 'ec2',
  severity: 'medium',
  responsibility:
    'Encrypting the data on your disks is your job. Turning on EBS encryption by default in each region makes every new volume and snapshot encrypted without anyone having to remember.',
  risk: 'Volumes created without encryption expose data at rest if a snapshot is shared or copied, and cannot be encrypted in place later.',
  remediation: {
    console: 'EC2 console > Settings (Data protection and security) > EBS encryption > Manage > Enable, in every region in use.',
    cli: 'aws ec2 enable-ebs-encryption-by-default --region <region>',
    terraform: 'resource "aws_ebs_encryption_by_default" "this" {\n  enabled = true\n}',
  },
  references: ['https://docs.aws.amazon.com/ebs/latest/userguide/encryption-by-default.html'],
} as const satisfies Check['meta'];

export const ec2EbsDefaultEncryption: Check = {
  meta,
  needs: ['ec2:GetEbsEncryptionByDefault'],
  evaluate(snap) {
    return snap.meta.regions.map((region) => {
      const resource = accountResource(snap, region, `EBS default encryption (${region})`);
      const read = snap.read<{ EbsEncryptionByDefault?: boolean }>('ec2:GetEbsEncryptionByDefault', region);
      if (!read.ok) return notAssessed(meta, snap, resource, read);
      const enabled = read.data.EbsEncryptionByDefault;
      const proof = [evidence(read, read.data)];
      if (enabled === true) return finding(meta, snap, resource, 'PASS', `EBS encryption by default is enabled in ${region}.`, proof);
      if (enabled === false) return finding(meta, snap, resource, 'FAIL', `EBS encryption by default is disabled in ${region}.`, proof);
      return missingField(meta, snap, resource, read, 'EbsEncryptionByDefault');
    });
  },
};
