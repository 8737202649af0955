/**
 * S3 Control (restXml, API version 2018-08-20). The SDK signs it with the signing name "s3", so
 * its requests reach the S3 module; they are told apart by path: every S3 Control operation lives
 * under /v20180820/ (no bucket name can be "v20180820" and also take these sub-paths). With a
 * custom endpoint Leasehold drops the account-ID host prefix, so the account is the
 * x-amz-account-id header (not checked here: the fake serves one account).
 *
 * Errors use S3 Control's own envelope, which S3 does not: <ErrorResponse><Error>...</Error>
 * <RequestId/><HostId/></ErrorResponse> (verbatim in aws-sdk-java-v2's S3 Control tests).
 */
import { randomBytes } from 'node:crypto';
import {
  GetAccessPointResult$,
  ListAccessPointsResult$,
  PublicAccessBlockConfiguration$,
  type PublicAccessBlockConfiguration,
} from '@aws-sdk/client-s3-control';
import { intParam, paginate } from '../params.ts';
import { AwsError, newRequestId, RawReply, renderSuccess, type OperationContext, type Operation, type ServiceModule } from '../protocol.ts';
import { element, escapeXml } from '../xml.ts';

export const CONTROL_PREFIX = '/v20180820/';
const NAMESPACE = 'http://awss3control.amazonaws.com/doc/2018-08-20/';

/** An access point as the fixture describes it; the ARN and alias are derived as AWS forms them. */
export interface FakeAccessPoint {
  name: string;
  bucket: string;
  /** 'Internet' (default) or 'VPC'. */
  networkOrigin?: 'Internet' | 'VPC';
  vpcId?: string;
  publicAccessBlock: Required<PublicAccessBlockConfiguration>;
  creationDate?: Date;
}

export interface S3ControlFixture {
  /** Account-level Block Public Access. Absent or null: NoSuchPublicAccessBlockConfiguration. */
  accountPublicAccessBlock?: Required<PublicAccessBlockConfiguration> | null;
  /** Access points by region. */
  accessPoints?: Record<string, FakeAccessPoint[]>;
}

const fixture = (ctx: OperationContext): S3ControlFixture => ctx.account.ext?.s3 ?? {};

/** Which S3 Control operation a method and path are; undefined when not one the fake knows. */
export function s3controlRoute(method: string, path: string): { action: string } | undefined {
  if (method !== 'GET') return undefined;
  const rest = path.slice(CONTROL_PREFIX.length);
  if (rest === 'configuration/publicAccessBlock') return { action: 'GetPublicAccessBlock' };
  if (rest === 'accesspoint') return { action: 'ListAccessPoints' };
  if (/^accesspoint\/[^/]+$/.test(rest)) return { action: 'GetAccessPoint' };
  return undefined;
}

function accessPointArn(ctx: OperationContext, name: string): string {
  return `arn:aws:s3:${ctx.region}:${ctx.account.accountId}:accesspoint/${name}`;
}

function getPublicAccessBlock(ctx: OperationContext) {
  const config = fixture(ctx).accountPublicAccessBlock;
  if (!config) {
    throw new AwsError('NoSuchPublicAccessBlockConfiguration', 'The public access block configuration was not found', 404, {
      fields: { AccountId: ctx.account.accountId },
    });
  }
  return { ...config };
}

function listAccessPoints(ctx: OperationContext) {
  const bucket = ctx.params.get('bucket');
  const all = (fixture(ctx).accessPoints?.[ctx.region] ?? []).filter((p) => bucket === null || p.bucket === bucket);
  const page = paginate(all, {
    scope: `s3control:ListAccessPoints:${ctx.region}`,
    limit: intParam(ctx.params.get('maxResults'), 'maxResults', 0, 1000) ?? 1000,
    token: ctx.params.get('nextToken'),
    tokenError: new AwsError('InvalidArgument', 'The continuation token provided is incorrect'),
  });
  return {
    AccessPointList: page.items.map((p) => ({
      Name: p.name,
      NetworkOrigin: p.networkOrigin ?? 'Internet',
      Bucket: p.bucket,
      VpcConfiguration: p.vpcId ? { VpcId: p.vpcId } : undefined,
      AccessPointArn: accessPointArn(ctx, p.name),
      BucketAccountId: ctx.account.accountId,
    })),
    NextToken: page.nextToken,
  };
}

function getAccessPoint(ctx: OperationContext) {
  const name = ctx.path.slice(`${CONTROL_PREFIX}accesspoint/`.length);
  const point = fixture(ctx).accessPoints?.[ctx.region]?.find((p) => p.name === name);
  if (!point) throw new AwsError('NoSuchAccessPoint', 'The specified accesspoint does not exist', 404, { fields: { AccessPointName: name } });
  return {
    Name: point.name,
    Bucket: point.bucket,
    NetworkOrigin: point.networkOrigin ?? 'Internet',
    VpcConfiguration: point.vpcId ? { VpcId: point.vpcId } : undefined,
    PublicAccessBlockConfiguration: { ...point.publicAccessBlock },
    CreationDate: point.creationDate ?? new Date('2025-01-01T00:00:00Z'),
    AccessPointArn: accessPointArn(ctx, point.name),
    BucketAccountId: ctx.account.accountId,
  };
}

export const s3control: ServiceModule = {
  name: 's3control',
  protocol: 'restXml',
  xmlNamespace: NAMESPACE,
  route: (method, path) => (path.startsWith(CONTROL_PREFIX) ? s3controlRoute(method, path) : undefined),
  operations: {
    GetPublicAccessBlock: { output: PublicAccessBlockConfiguration$, handle: getPublicAccessBlock },
    ListAccessPoints: { output: ListAccessPointsResult$, handle: listAccessPoints },
    GetAccessPoint: { output: GetAccessPointResult$, handle: getAccessPoint },
  },
};

/** S3 Control's error envelope (S3's own has no ErrorResponse wrapper). */
function controlError(err: AwsError): RawReply {
  const requestId = newRequestId('restXml');
  const hostId = randomBytes(48).toString('base64');
  const fields = Object.entries(err.fields).map(([k, v]) => element(k, escapeXml(v))).join('');
  const error = element('Error', element('Code', escapeXml(err.code)) + element('Message', escapeXml(err.message)) + fields);
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<ErrorResponse>${error}${element('RequestId', requestId)}${element('HostId', hostId)}</ErrorResponse>`;
  return new RawReply(body, err.status, { 'Content-Type': 'application/xml', 'x-amz-request-id': requestId, 'x-amz-id-2': hostId, ...err.headers });
}

/**
 * The S3 Control operations as the S3 module serves them (requests signed "s3"), under action
 * names that cannot clash with S3's own GetPublicAccessBlock: `s3control.<Operation>`, which is
 * also how they are counted in `fake.calls` ("s3:s3control.GetPublicAccessBlock") and matched by faults.
 */
export function s3controlBridge(): Record<string, Operation> {
  const out: Record<string, Operation> = {};
  for (const [action, op] of Object.entries(s3control.operations)) {
    out[`s3control.${action}`] = {
      handle(ctx) {
        try {
          const wire = renderSuccess(s3control, action, op.handle({ ...ctx, action }), newRequestId('restXml'));
          return new RawReply(wire.body, wire.status, wire.headers);
        } catch (err) {
          if (err instanceof AwsError) return controlError(err);
          throw err;
        }
      },
    };
  }
  return out;
}
