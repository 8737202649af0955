/** AWS Backup over restJson1: vaults and the recovery points in each. */
import { paginate } from '../params.ts';
import { AwsError, type OperationContext, type ServiceModule } from '../protocol.ts';

const vaults = (ctx: OperationContext) => ctx.account.ext?.dataProtection?.backupVaults?.[ctx.region] ?? [];

function limit(ctx: OperationContext): number {
  const raw = ctx.params.get('maxResults');
  const n = raw === null ? 1000 : Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 1000) throw new AwsError('InvalidParameterValueException', 'maxResults must be between 1 and 1000');
  return n;
}

function listBackupVaults(ctx: OperationContext) {
  const page = paginate(vaults(ctx), {
    scope: `backup:ListBackupVaults:${ctx.region}`,
    limit: limit(ctx),
    token: ctx.params.get('nextToken'),
    tokenError: new AwsError('InvalidParameterValueException', 'Invalid NextToken'),
  });
  const list = page.items.map(({ recoveryPoints: _, ...v }) => v);
  return page.nextToken ? { BackupVaultList: list, NextToken: page.nextToken } : { BackupVaultList: list };
}

function listRecoveryPoints(ctx: OperationContext) {
  const name = /^\/backup-vaults\/([^/]+)\/recovery-points\/?$/.exec(ctx.path)?.[1] ?? '';
  const vault = vaults(ctx).find((v) => v.BackupVaultName === name);
  if (!vault) throw new AwsError('ResourceNotFoundException', `Backup vault ${name} does not exist`, 400);
  const page = paginate(vault.recoveryPoints ?? [], {
    scope: `backup:ListRecoveryPointsByBackupVault:${ctx.region}:${name}`,
    limit: limit(ctx),
    token: ctx.params.get('nextToken'),
    tokenError: new AwsError('InvalidParameterValueException', 'Invalid NextToken'),
  });
  return page.nextToken ? { RecoveryPoints: page.items, NextToken: page.nextToken } : { RecoveryPoints: page.items };
}

export const backup: ServiceModule = {
  name: 'backup',
  protocol: 'json',
  route: (method, path) => {
    if (method !== 'GET') return undefined;
    if (/^\/backup-vaults\/?$/.test(path)) return { action: 'ListBackupVaults' };
    if (/^\/backup-vaults\/[^/]+\/recovery-points\/?$/.test(path)) return { action: 'ListRecoveryPointsByBackupVault' };
    return undefined;
  },
  regionNotEnabled: () => new AwsError('UnrecognizedClientException', 'The security token included in the request is invalid.', 403),
  operations: {
    ListBackupVaults: { handle: listBackupVaults },
    ListRecoveryPointsByBackupVault: { handle: listRecoveryPoints },
  },
};
