/** KMS key metadata as collected (kms:DescribeKey per key), looked up by id or ARN. */
import type { KeyListEntry, KeyMetadata } from '@aws-sdk/client-kms';
import type { Read, Snapshot } from '../../../engine/snapshot.ts';
import type { Resource } from '../../helpers.ts';

export function describeKey(snap: Snapshot, region: string, keyId: string): Read<KeyMetadata | null> {
  return snap.read<KeyMetadata | null>('kms:DescribeKey', region, keyId);
}

/**
 * Keys that are not AWS managed (or whose metadata could not be read, which is not the same as
 * AWS managed): AWS owns the rotation, deletion and policy of its managed keys.
 */
export function notAwsManaged(snap: Snapshot) {
  return (k: KeyListEntry, region: string): boolean => {
    const d = describeKey(snap, region, k.KeyId ?? '');
    return !d.ok || d.data?.KeyManager !== 'AWS';
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
