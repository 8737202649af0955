/**
 * CloudTrail over awsJson1_1 (X-Amz-Target `CloudTrail_20131101.<Op>` from this SDK; the older
 * `com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.<Op>` form is accepted too).
 */
import type { Trail } from '@aws-sdk/client-cloudtrail';
import type { FakeAccount, FakeTrail } from '../account.ts';
import { AwsError, type OperationContext, type ServiceModule } from '../protocol.ts';

function toTrail({ isLogging: _isLogging, status: _status, ...trail }: FakeTrail): Trail {
  return trail;
}

/** A multi-region trail shows in every region; elsewhere than its home it is a "shadow trail". */
function visibleIn(trail: FakeTrail, region: string, includeShadowTrails: boolean): boolean {
  return trail.HomeRegion === region || (includeShadowTrails && trail.IsMultiRegionTrail === true);
}

function describeTrails({ account, region, json }: OperationContext) {
  const includeShadowTrails = json.includeShadowTrails !== false;
  const names = Array.isArray(json.trailNameList) ? (json.trailNameList as string[]) : [];
  if (names.length === 0) {
    return { trailList: account.trails.filter((t) => visibleIn(t, region, includeShadowTrails)).map(toTrail) };
  }
  // AWS: plain names match only trails of the current region; another region's trail needs its ARN.
  const wanted = account.trails.filter((t) =>
    names.some((n) => (n.startsWith('arn:') ? t.TrailARN === n : t.Name === n && t.HomeRegion === region)),
  );
  return { trailList: wanted.map(toTrail) };
}

function trailArn(account: FakeAccount, region: string, name: string): string {
  return `arn:aws:cloudtrail:${region}:${account.accountId}:trail/${name}`;
}

function getTrailStatus({ account, region, json }: OperationContext) {
  const name = typeof json.Name === 'string' ? json.Name : '';
  if (!name) throw new AwsError('InvalidTrailNameException', 'Trail name or ARN can only contain uppercase letters, lowercase letters, numbers, periods (.), hyphens (-), and underscores (_).');
  // A shadow trail's status needs its ARN; a name finds only a trail whose home is this region.
  const trail = name.startsWith('arn:')
    ? account.trails.find((t) => t.TrailARN === name && visibleIn(t, region, true))
    : account.trails.find((t) => t.Name === name && t.HomeRegion === region);
  if (!trail) {
    const arn = name.startsWith('arn:') ? name : trailArn(account, region, name);
    throw new AwsError('TrailNotFoundException', `Unknown trail: ${arn} for the user: ${account.accountId}`);
  }
  return { IsLogging: trail.isLogging, ...trail.status };
}

export const cloudtrail: ServiceModule = {
  name: 'cloudtrail',
  protocol: 'json',
  // JSON services in a disabled region reject the credentials as unrecognised.
  regionNotEnabled: () => new AwsError('UnrecognizedClientException', 'The security token included in the request is invalid.', 400),
  operations: {
    DescribeTrails: { handle: describeTrails },
    GetTrailStatus: { handle: getTrailStatus },
  },
};
