/**
 * S3 Control: the account-level Block Public Access setting and the account's access points.
 * Every call names the account (AccountId, sent as x-amz-account-id).
 */
import {
  GetAccessPointCommand,
  GetPublicAccessBlockCommand,
  ListAccessPointsCommand,
  type AccessPoint,
  type GetAccessPointCommandOutput,
  type GetPublicAccessBlockCommandOutput,
  type ListAccessPointsCommandOutput,
  type PublicAccessBlockConfiguration,
} from '@aws-sdk/client-s3-control';
import type { S3ControlClient } from '@aws-sdk/client-s3-control';
import { orAbsent } from './absence.ts';
import { collectPages } from './paginate.ts';
import { perResource } from './per-resource.ts';
import type { CollectContext, DatasetDef } from './types.ts';

/** NotFound "NoSuchPublicAccessBlockConfiguration": the account has never configured Block Public Access. */
export interface AccountPublicAccessBlock {
  PublicAccessBlockConfiguration: PublicAccessBlockConfiguration | null;
  NotFound?: string;
}

/** GetAccessPoint as stored: what decides whether the access point can be public. */
export interface AccessPointDetail {
  Name: string | null;
  Bucket: string | null;
  NetworkOrigin: string | null;
  VpcId: string | null;
  PublicAccessBlockConfiguration: PublicAccessBlockConfiguration | null;
}


/**
 * The S3 Control client for a region. Its endpoint rules put the account ID in front of the host
 * ("111122223333.s3-control.eu-west-1.amazonaws.com"), also in front of a custom endpoint, and
 * `disableHostPrefix` does not stop them (measured in @aws-sdk/client-s3-control 3.1112: an
 * emulator at http://127.0.0.1:PORT becomes the invalid URL http://111122223333.127.0.0.1:PORT).
 * With a custom endpoint the request goes to the endpoint as given; x-amz-account-id still names the account.
 */
function control(ctx: CollectContext, region: string): S3ControlClient {
  // The session sends S3 Control requests to a configured endpoint without the account-ID host prefix.
  return ctx.session.client('s3control', region);
}

export const s3controlDatasets: DatasetDef[] = [
  {
    id: 's3control:GetPublicAccessBlock',
    service: 's3control',
    scope: 'global',
    iamActions: ['s3:GetAccountPublicAccessBlock'],
    async collect(ctx): Promise<AccountPublicAccessBlock> {
      // The account never configured it: a real answer (every setting off), not a failed read.
      return orAbsent(
        ['NoSuchPublicAccessBlockConfiguration'],
        async () => {
          const out = await ctx.send<GetPublicAccessBlockCommandOutput>(
            control(ctx, ctx.homeRegion),
            new GetPublicAccessBlockCommand({ AccountId: ctx.snapshot.meta.accountId }),
          );
          return { PublicAccessBlockConfiguration: out.PublicAccessBlockConfiguration ?? null };
        },
        (code) => ({ PublicAccessBlockConfiguration: null, NotFound: code }),
      );
    },
  },
  {
    id: 's3control:ListAccessPoints',
    service: 's3control',
    scope: 'regional',
    iamActions: ['s3:ListAccessPoints'],
    async collect(ctx): Promise<AccessPoint[]> {
      const client = control(ctx, ctx.region);
      const AccountId = ctx.snapshot.meta.accountId;
      const points = await collectPages<ListAccessPointsCommandOutput, AccessPoint>(
        (NextToken) => ctx.send(client, new ListAccessPointsCommand({ AccountId, NextToken, MaxResults: 1000 })),
        (page) => page.AccessPointList,
        (page) => page.NextToken,
      );
      // AWS lists the access points of the Region asked (their ARN names it); moto lists the account's
      // every access point in every Region, which would judge each one once per scanned Region.
      return points.filter((p) => (arnRegion(p.AccessPointArn) ?? ctx.region) === ctx.region);
    },
  },
  {
    id: 's3control:GetAccessPoint',
    service: 's3control',
    scope: 'per-resource',
    iamActions: ['s3:GetAccessPoint'],
    dependsOn: ['s3control:ListAccessPoints'],
    collect(ctx) {
      const points: { region: string; point: AccessPoint }[] = [];
      for (const r of ctx.snapshot.records('s3control:ListAccessPoints')) {
        if (r.ok) for (const point of r.data as AccessPoint[]) if (point.Name) points.push({ region: r.region, point });
      }
      return perResource(
        ctx,
        points,
        (p) => ({ region: p.region, resourceKey: p.point.Name ?? '' }),
        async (p, region): Promise<AccessPointDetail> => {
          const out = await ctx.send<GetAccessPointCommandOutput>(
            control(ctx, region),
            new GetAccessPointCommand({ AccountId: ctx.snapshot.meta.accountId, Name: p.point.Name }),
          );
          return {
            Name: out.Name ?? null,
            Bucket: out.Bucket ?? null,
            NetworkOrigin: out.NetworkOrigin ?? null,
            VpcId: out.VpcConfiguration?.VpcId ?? null,
            PublicAccessBlockConfiguration: out.PublicAccessBlockConfiguration ?? null,
          };
        },
      );
    },
  },
];

/** The Region field of an access point ARN ("arn:aws:s3:eu-west-1:111122223333:accesspoint/name"). */
function arnRegion(arn: string | undefined): string | undefined {
  return arn?.split(':')[3] || undefined;
}
