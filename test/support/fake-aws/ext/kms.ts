/** KMS over awsJson1_1 (X-Amz-Target TrentService.<Op>): keys, their metadata, rotation and policy. */
import { paginate } from '../params.ts';
import { AwsError, type OperationContext, type ServiceModule } from '../protocol.ts';
import type { FakeKmsKey } from './data-protection.ts';

const keys = (ctx: OperationContext): FakeKmsKey[] => ctx.account.ext?.dataProtection?.kmsKeys?.[ctx.region] ?? [];

/** A key by id or ARN, as KMS accepts either (aliases are not modelled). */
function key(ctx: OperationContext): FakeKmsKey {
  const id = typeof ctx.json.KeyId === 'string' ? ctx.json.KeyId : '';
  if (!id) throw new AwsError('ValidationException', "1 validation error detected: Value null at 'keyId' failed to satisfy constraint: Member must not be null");
  const found = keys(ctx).find((k) => k.metadata.KeyId === id || k.metadata.Arn === id);
  const arn = id.startsWith('arn:') ? id : `arn:aws:kms:${ctx.region}:${ctx.account.accountId}:key/${id}`;
  if (!found) throw new AwsError('NotFoundException', `Key '${arn}' does not exist`);
  return found;
}

function listKeys(ctx: OperationContext) {
  const limit = typeof ctx.json.Limit === 'number' ? ctx.json.Limit : 100;
  if (limit < 1 || limit > 1000) throw new AwsError('ValidationException', `1 validation error detected: Value '${limit}' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 1000`);
  const page = paginate(keys(ctx), {
    scope: `kms:ListKeys:${ctx.region}`,
    limit,
    token: typeof ctx.json.Marker === 'string' ? ctx.json.Marker : null,
    tokenError: new AwsError('InvalidMarkerException', 'Invalid marker'),
  });
  const entries = page.items.map((k) => ({ KeyId: k.metadata.KeyId, KeyArn: k.metadata.Arn }));
  return page.nextToken ? { Keys: entries, NextMarker: page.nextToken, Truncated: true } : { Keys: entries, Truncated: false };
}

function listAliases(ctx: OperationContext) {
  const aliases = keys(ctx).flatMap((k) =>
    (k.aliases ?? []).map((name) => ({ AliasName: name, AliasArn: `arn:aws:kms:${ctx.region}:${ctx.account.accountId}:${name}`, TargetKeyId: k.metadata.KeyId })),
  );
  return { Aliases: aliases, Truncated: false };
}

function getKeyRotationStatus(ctx: OperationContext) {
  const k = key(ctx);
  const m = k.metadata;
  if (m.KeyState === 'PendingDeletion') throw new AwsError('KMSInvalidStateException', `${m.Arn} is pending deletion.`);
  if (m.KeySpec !== 'SYMMETRIC_DEFAULT' || m.Origin !== 'AWS_KMS') {
    throw new AwsError('UnsupportedOperationException', `${m.Arn} key is not supported for this operation.`);
  }
  // AWS managed keys always rotate (every year since May 2022).
  const enabled = m.KeyManager === 'AWS' ? true : (k.rotation ?? false);
  return enabled ? { KeyRotationEnabled: true, KeyId: m.Arn, RotationPeriodInDays: 365 } : { KeyRotationEnabled: false, KeyId: m.Arn };
}

function getKeyPolicy(ctx: OperationContext) {
  const k = key(ctx);
  const name = typeof ctx.json.PolicyName === 'string' ? ctx.json.PolicyName : 'default';
  if (name !== 'default') throw new AwsError('NotFoundException', 'No such policy exists');
  const fallback = { Version: '2012-10-17', Id: 'key-default-1', Statement: [{ Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ctx.account.accountId}:root` }, Action: 'kms:*', Resource: '*' }] };
  return { Policy: k.policy ?? JSON.stringify(fallback, null, 2), PolicyName: 'default' };
}

export const kms: ServiceModule = {
  name: 'kms',
  protocol: 'json',
  regionNotEnabled: () => new AwsError('UnrecognizedClientException', 'The security token included in the request is invalid.', 400),
  operations: {
    ListKeys: { handle: listKeys },
    ListAliases: { handle: listAliases },
    DescribeKey: { handle: (ctx) => ({ KeyMetadata: key(ctx).metadata }) },
    GetKeyRotationStatus: { handle: getKeyRotationStatus },
    GetKeyPolicy: { handle: getKeyPolicy },
  },
};
