/**
 * KMS keys per region: the list, each key's metadata (who manages it, its spec and state), and
 * for the customer managed keys their rotation status and key policy.
 */
import {
  DescribeKeyCommand,
  GetKeyPolicyCommand,
  GetKeyRotationStatusCommand,
  ListAliasesCommand,
  ListKeysCommand,
  type AliasListEntry,
  type DescribeKeyCommandOutput,
  type GetKeyPolicyCommandOutput,
  type GetKeyRotationStatusCommandOutput,
  type KeyListEntry,
  type KeyMetadata,
  type ListAliasesCommandOutput,
  type ListKeysCommandOutput,
} from '@aws-sdk/client-kms';
import { collectPages } from './paginate.ts';
import { perResource } from './per-resource.ts';
import type { CollectContext, DatasetDef } from './types.ts';

/** GetKeyRotationStatus as stored. */
export interface KeyRotation {
  KeyRotationEnabled: boolean | null;
  RotationPeriodInDays: number | null;
}

/** GetKeyPolicy (the "default" policy, the only name KMS has) as stored: the policy JSON text. */
export interface KeyPolicy {
  Policy: string | null;
}

/**
 * A key's usage as AWS would send it. moto (5.x) omits KeyUsage for keys created without one;
 * a SYMMETRIC_DEFAULT key can only be ENCRYPT_DECRYPT
 * (https://docs.aws.amazon.com/kms/latest/developerguide/symm-asymm-choose-key-spec.html).
 */
export function keyUsage(k: { KeySpec?: string; KeyUsage?: string }): string | undefined {
  return k.KeyUsage ?? (k.KeySpec === 'SYMMETRIC_DEFAULT' ? 'ENCRYPT_DECRYPT' : undefined);
}

/**
 * Automatic rotation exists only for customer managed symmetric encryption keys whose material
 * KMS generated (not imported, not in a custom key store); AWS managed keys rotate on their own.
 * A key pending deletion is reported by its own check.
 */
export function rotationEligible(k: KeyMetadata): boolean {
  return (
    k.KeyManager === 'CUSTOMER' &&
    k.KeySpec === 'SYMMETRIC_DEFAULT' &&
    keyUsage(k) === 'ENCRYPT_DECRYPT' &&
    k.Origin === 'AWS_KMS' &&
    (k.KeyState === 'Enabled' || k.KeyState === 'Disabled')
  );
}

function keys(ctx: CollectContext, filter: (k: KeyMetadata) => boolean): { region: string; key: KeyMetadata }[] {
  return ctx.snapshot
    .records('kms:DescribeKey')
    .flatMap((r) => (r.ok && r.resourceKey !== '' && r.data && filter(r.data as KeyMetadata) ? [{ region: r.region, key: r.data as KeyMetadata }] : []));
}

export const kmsDatasets: DatasetDef[] = [
  {
    id: 'kms:ListKeys',
    service: 'kms',
    scope: 'regional',
    iamActions: ['kms:ListKeys'],
    collect(ctx) {
      const client = ctx.session.client('kms', ctx.region);
      return collectPages<ListKeysCommandOutput, KeyListEntry>(
        (Marker) => ctx.send(client, new ListKeysCommand({ Marker, Limit: 1000 })),
        (page) => page.Keys,
        (page) => (page.Truncated ? page.NextMarker : undefined),
      );
    },
  },
  {
    // Aliases under alias/aws/ are reserved for AWS managed keys: a second witness to KeyManager.
    id: 'kms:ListAliases',
    service: 'kms',
    scope: 'regional',
    iamActions: ['kms:ListAliases'],
    async collect(ctx) {
      const client = ctx.session.client('kms', ctx.region);
      const aliases = await collectPages<ListAliasesCommandOutput, AliasListEntry>(
        (Marker) => ctx.send(client, new ListAliasesCommand({ Marker, Limit: 100 })),
        (page) => page.Aliases,
        (page) => (page.Truncated ? page.NextMarker : undefined),
      );
      return aliases.map((a) => ({ AliasName: a.AliasName ?? null, TargetKeyId: a.TargetKeyId ?? null }));
    },
  },
  {
    id: 'kms:DescribeKey',
    service: 'kms',
    scope: 'per-resource',
    iamActions: ['kms:DescribeKey'],
    dependsOn: ['kms:ListKeys'],
    collect(ctx) {
      const listed = ctx.snapshot
        .records('kms:ListKeys')
        .flatMap((r) => (r.ok && r.resourceKey === '' ? (r.data as KeyListEntry[]).map((k) => ({ region: r.region, id: k.KeyId ?? '' })) : []))
        .filter((k) => k.id);
      return perResource(ctx, listed, (k) => ({ region: k.region, resourceKey: k.id }), async (k, region) => {
        const out = await ctx.send<DescribeKeyCommandOutput>(ctx.session.client('kms', region), new DescribeKeyCommand({ KeyId: k.id }));
        return out.KeyMetadata ?? null;
      });
    },
  },
  {
    id: 'kms:GetKeyRotationStatus',
    service: 'kms',
    scope: 'per-resource',
    iamActions: ['kms:GetKeyRotationStatus'],
    dependsOn: ['kms:DescribeKey'],
    collect(ctx) {
      return perResource(ctx, keys(ctx, rotationEligible), (k) => ({ region: k.region, resourceKey: k.key.KeyId ?? '' }), async (k, region): Promise<KeyRotation> => {
        const out = await ctx.send<GetKeyRotationStatusCommandOutput>(ctx.session.client('kms', region), new GetKeyRotationStatusCommand({ KeyId: k.key.KeyId }));
        return { KeyRotationEnabled: out.KeyRotationEnabled ?? null, RotationPeriodInDays: out.RotationPeriodInDays ?? null };
      });
    },
  },
  {
    id: 'kms:GetKeyPolicy',
    service: 'kms',
    scope: 'per-resource',
    iamActions: ['kms:GetKeyPolicy'],
    dependsOn: ['kms:DescribeKey'],
    collect(ctx) {
      const customer = keys(ctx, (k) => k.KeyManager === 'CUSTOMER');
      return perResource(ctx, customer, (k) => ({ region: k.region, resourceKey: k.key.KeyId ?? '' }), async (k, region): Promise<KeyPolicy> => {
        const out = await ctx.send<GetKeyPolicyCommandOutput>(ctx.session.client('kms', region), new GetKeyPolicyCommand({ KeyId: k.key.KeyId, PolicyName: 'default' }));
        return { Policy: out.Policy ?? null };
      });
    },
  },
];
