/** KMS key metadata as collected (kms:DescribeKey per key), looked up by id or ARN. */
import type { KeyListEntry, KeyMetadata } from '@aws-sdk/client-kms';
import type { Read, Snapshot } from '../../../engine/snapshot.ts';
import type { Resource } from '../../helpers.ts';

export function describeKey(snap: Snapshot, region: string, keyId: string): Read<KeyMetadata | null> {
  return snap.read<KeyMetadata | null>('kms:DescribeKey', region, keyId);
}

/**
 * Whether an alias under alias/aws/ names this key. That prefix is reserved for AWS managed keys
 * (https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateAlias.html); moto (5.x) marks the
 * keys it makes for alias/aws/dynamodb and the like as CUSTOMER. Unreadable aliases say nothing.
 */
export function hasAwsAlias(snap: Snapshot, region: string, keyId: string): boolean {
  const read = snap.read<{ AliasName: string | null; TargetKeyId: string | null }[]>('kms:ListAliases', region);
  return read.ok && read.data.some((a) => a.TargetKeyId === keyId && a.AliasName?.startsWith('alias/aws/'));
}

/**
 * Keys that are not AWS managed (or whose metadata could not be read, which is not the same as
 * AWS managed): AWS owns the rotation, deletion and policy of its managed keys. KeyManager says
 * so, and so does an alias/aws/ name (hasAwsAlias).
 */
export function notAwsManaged(snap: Snapshot) {
  return (k: KeyListEntry, region: string): boolean => {
    const d = describeKey(snap, region, k.KeyId ?? '');
    if (d.ok && d.data?.KeyManager === 'AWS') return false;
    return !hasAwsAlias(snap, region, k.KeyId ?? '');
  };
}

export function keyResource(snap: Snapshot, region: string, k: KeyListEntry): Resource {
  const id = k.KeyId ?? '';
  return { id, arn: k.KeyArn ?? `arn:${snap.meta.partition}:kms:${region}:${snap.meta.accountId}:key/${id}`, name: id, region };
}

/** The key an ARN names, among the keys collected in its region; undefined when it was not listed. */
export function keyByArn(snap: Snapshot, keyArn: string): { region: string; read: Read<KeyMetadata | null> } | undefined {
  const region = keyArn.split(':')[3] ?? '';
  const keyId = /:key\/(.+)$/.exec(keyArn)?.[1];
  if (!keyId) return undefined;
  const list = snap.read<KeyListEntry[]>('kms:ListKeys', region);
  if (!list.ok) return { region, read: list };
  if (!list.data.some((k) => k.KeyId === keyId || k.KeyArn === keyArn)) return undefined;
  return { region, read: describeKey(snap, region, keyId) };
}
