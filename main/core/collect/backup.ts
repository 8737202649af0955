/** AWS Backup vaults per region and the recovery points each holds (with their encryption). */
import {
  ListBackupVaultsCommand,
  ListRecoveryPointsByBackupVaultCommand,
  type BackupVaultListMember,
  type ListBackupVaultsCommandOutput,
  type ListRecoveryPointsByBackupVaultCommandOutput,
  type RecoveryPointByBackupVault,
} from '@aws-sdk/client-backup';
import { collectPages } from './paginate.ts';
import { perResource } from './per-resource.ts';
import type { DatasetDef } from './types.ts';

export const backupDatasets: DatasetDef[] = [
  {
    id: 'backup:ListBackupVaults',
    service: 'backup',
    scope: 'regional',
    iamActions: ['backup:ListBackupVaults'],
    collect(ctx) {
      const client = ctx.session.client('backup', ctx.region);
      return collectPages<ListBackupVaultsCommandOutput, BackupVaultListMember>(
        (NextToken) => ctx.send(client, new ListBackupVaultsCommand({ NextToken, MaxResults: 1000 })),
        (page) => page.BackupVaultList,
        (page) => page.NextToken,
      );
    },
  },
  {
    id: 'backup:ListRecoveryPointsByBackupVault',
    service: 'backup',
    scope: 'per-resource',
    iamActions: ['backup:ListRecoveryPointsByBackupVault'],
    dependsOn: ['backup:ListBackupVaults'],
    collect(ctx) {
      const vaults = ctx.snapshot
        .records('backup:ListBackupVaults')
        .flatMap((r) => (r.ok && r.resourceKey === '' ? (r.data as BackupVaultListMember[]).map((v) => ({ region: r.region, name: v.BackupVaultName ?? '' })) : []))
        .filter((v) => v.name);
      return perResource(ctx, vaults, (v) => ({ region: v.region, resourceKey: v.name }), (v, region) => {
        const client = ctx.session.client('backup', region);
        return collectPages<ListRecoveryPointsByBackupVaultCommandOutput, RecoveryPointByBackupVault>(
          (NextToken) => ctx.send(client, new ListRecoveryPointsByBackupVaultCommand({ BackupVaultName: v.name, NextToken, MaxResults: 1000 })),
          (page) => page.RecoveryPoints,
          (page) => page.NextToken,
        );
      });
    },
  },
];
