import type { BackupVaultListMember, RecoveryPointByBackupVault } from '@aws-sdk/client-backup';
import { evidence, finding, missingField, notAssessed } from '../helpers.ts';
import type { Check } from '../types.ts';
import { arn, eachRegion } from './support/regional.ts';

const meta = {
  id: 'backup-recovery-points-encrypted',
  title: 'AWS Backup recovery points are encrypted',
  area: 'data-protection',
  service: 'backup',
  severity: 'medium',
  responsibility:
    'Protecting your backups is your job. AWS Backup encrypts what it fully manages, but backups of resources such as EBS volumes and RDS databases inherit the source\'s encryption, so an unencrypted source leaves an unencrypted recovery point in the vault.',
  risk: 'An unencrypted recovery point can be restored and read by anyone who gains access to it, for as long as the vault keeps it.',
  remediation: {
    console: 'Encrypt the source resource (EBS volume, RDS instance) and let new backups replace the old ones, or copy the recovery point to a vault with a KMS key and delete the unencrypted one once it is no longer needed.',
    cli: 'aws backup start-copy-job --recovery-point-arn <arn> --source-backup-vault-name <vault> --destination-backup-vault-arn <encrypted-vault-arn> --iam-role-arn <role>',
  },
  references: ['https://docs.aws.amazon.com/aws-backup/latest/devguide/encryption.html'],
} as const satisfies Check['meta'];

const LISTED = 10;

export const backupRecoveryPointsEncrypted: Check = {
  meta,
  needs: ['backup:ListBackupVaults', 'backup:ListRecoveryPointsByBackupVault'],
  evaluate(snap) {
    return eachRegion<BackupVaultListMember>(meta, snap, 'backup:ListBackupVaults', { label: 'AWS Backup vaults' }, (v, _list, region) => {
      const name = v.BackupVaultName ?? '';
      const resource = { id: name, arn: v.BackupVaultArn ?? arn(snap, region, 'backup', `backup-vault:${name}`), name, region };
      const read = snap.read<RecoveryPointByBackupVault[]>('backup:ListRecoveryPointsByBackupVault', region, name);
      if (!read.ok) return notAssessed(meta, snap, resource, read);
      const points = read.data.filter((p) => p.Status !== 'DELETING');
      if (points.length === 0) return finding(meta, snap, resource, 'NOT_APPLICABLE', `Vault ${name} holds no recovery points.`);
      const plain = points.filter((p) => p.IsEncrypted === false);
      const excerpt = (ps: RecoveryPointByBackupVault[]) => ps.slice(0, LISTED).map((p) => ({ RecoveryPointArn: p.RecoveryPointArn, ResourceType: p.ResourceType, ResourceArn: p.ResourceArn, IsEncrypted: p.IsEncrypted }));
      if (plain.length > 0) {
        const sources = [...new Set(plain.map((p) => p.ResourceType ?? 'unknown type'))].join(', ');
        return finding(meta, snap, resource, 'FAIL', `Vault ${name} holds ${plain.length} unencrypted recovery point${plain.length === 1 ? '' : 's'} (${sources}) out of ${points.length}.`, [evidence(read, excerpt(plain))]);
      }
      if (points.some((p) => p.IsEncrypted !== true)) return missingField(meta, snap, resource, read, 'RecoveryPoints[].IsEncrypted');
      return finding(meta, snap, resource, 'PASS', `All ${points.length} recovery point${points.length === 1 ? '' : 's'} in vault ${name} are encrypted.`, [evidence(read, excerpt(points))]);
    });
  },
};
