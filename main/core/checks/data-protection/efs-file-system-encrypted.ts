import type { FileSystemDescription } from '@aws-sdk/client-efs';
import { evidence, finding, missingField } from '../helpers.ts';
import type { Check } from '../types.ts';
import { arn, eachRegion } from './support/regional.ts';

const meta = {
  id: 'efs-file-system-encrypted',
  title: 'EFS file systems are encrypted at rest',
  area: 'data-protection',
  service: 'efs',
  severity: 'medium',
  responsibility:
    'Encrypting your files is your job. An EFS file system can only be encrypted at rest if encryption was chosen when it was created.',
  risk: 'Files on an unencrypted file system, and its backups, are stored readable; encryption cannot be switched on later, so the data has to be moved.',
  remediation: {
    console: 'EFS console > Create file system with encryption enabled; copy the data across (for example with AWS DataSync) and delete the unencrypted file system.',
    cli: 'aws efs create-file-system --encrypted --kms-key-id <key> --creation-token <token>',
    terraform: 'resource "aws_efs_file_system" "this" {\n  encrypted  = true\n  kms_key_id = aws_kms_key.efs.arn\n}',
  },
  references: ['https://docs.aws.amazon.com/efs/latest/ug/encryption-at-rest.html'],
} as const satisfies Check['meta'];

export const efsFileSystemEncrypted: Check = {
  meta,
  needs: ['efs:DescribeFileSystems'],
  evaluate(snap) {
    return eachRegion<FileSystemDescription>(meta, snap, 'efs:DescribeFileSystems', { label: 'EFS file systems', applies: (f) => f.LifeCycleState !== 'deleted' && f.LifeCycleState !== 'deleting' }, (f, read, region) => {
      const id = f.FileSystemId ?? '';
      const resource = { id, arn: f.FileSystemArn ?? arn(snap, region, 'elasticfilesystem', `file-system/${id}`), name: f.Name || id, region };
      const proof = [evidence(read, { FileSystemId: id, Name: f.Name, Encrypted: f.Encrypted, KmsKeyId: f.KmsKeyId })];
      if (f.Encrypted === true) return finding(meta, snap, resource, 'PASS', `File system ${id} is encrypted at rest.`, proof);
      if (f.Encrypted === false) return finding(meta, snap, resource, 'FAIL', `File system ${id} is not encrypted at rest.`, proof);
      return missingField(meta, snap, resource, read, 'Encrypted');
    });
  },
};
