/**
 * Fake AWS operations and services added for the logging-monitoring checks: CloudTrail event
 * selectors, CloudWatch Logs metric filters, CloudWatch alarms, SNS subscriptions, AWS Config,
 * GuardDuty, Security Hub status and Organizations (each service in its own module).
 */
import type { AdvancedEventSelector, EventSelector } from '@aws-sdk/client-cloudtrail';
import type { MetricAlarm } from '@aws-sdk/client-cloudwatch';
import type { MetricFilter } from '@aws-sdk/client-cloudwatch-logs';
import type { ConfigurationRecorder, ConfigurationRecorderStatus } from '@aws-sdk/client-config-service';
import type { Subscription } from '@aws-sdk/client-sns';
import { paginate } from '../params.ts';
import { AwsError, type OperationContext } from '../protocol.ts';
import { cloudwatchService } from './cloudwatch.ts';
import { configService } from './config.ts';
import { guarddutyService, type FakeDetector } from './guardduty.ts';
import { organizationsService, type FakeOrganization } from './organizations.ts';
import { securityhubService, type FakeHub } from './securityhub.ts';
import { snsService } from './sns.ts';
import type { FakeAwsExtension } from './types.ts';

/** This area's part of a FakeAccount (account.ext.loggingMonitoring); regional data keyed by region name. */
export interface LoggingMonitoringFixture {
  /** By trail ARN; a trail without an entry has AWS's default selector (all management events). */
  eventSelectors?: Record<string, { EventSelectors?: EventSelector[]; AdvancedEventSelectors?: AdvancedEventSelector[] }>;
  metricFilters?: Record<string, MetricFilter[]>;
  alarms?: Record<string, MetricAlarm[]>;
  /** Existing topics by ARN (the region is the ARN's), with their subscriptions. */
  snsTopics?: Record<string, Subscription[]>;
  configRecorders?: Record<string, { recorders: ConfigurationRecorder[]; statuses: ConfigurationRecorderStatus[] }>;
  guardDuty?: Record<string, FakeDetector[]>;
  /** Regions where Security Hub is enabled; any other region is "not subscribed". */
  securityHub?: Record<string, FakeHub>;
  /** Absent: the account is not in an organization. */
  organization?: FakeOrganization;
}

const DEFAULT_SELECTORS: EventSelector[] = [{ ReadWriteType: 'All', IncludeManagementEvents: true, DataResources: [], ExcludeManagementEventSources: [] }];

function getEventSelectors(ctx: OperationContext) {
  const name = typeof ctx.json.TrailName === 'string' ? ctx.json.TrailName : '';
  const { account, region } = ctx;
  if (name.startsWith('arn:')) {
    const owner = name.split(':')[4];
    // Seen from a member account, an organization trail's settings belong to the management account.
    if (owner !== account.accountId) {
      throw new AwsError('CloudTrailARNInvalidException', `AccountID in ARN is wrong, you can only access resources with AccountID ${account.accountId}.`);
    }
  }
  const trail = name.startsWith('arn:')
    ? account.trails.find((t) => t.TrailARN === name && (t.HomeRegion === region || t.IsMultiRegionTrail === true))
    : account.trails.find((t) => t.Name === name && t.HomeRegion === region);
  if (!trail) {
    const arn = name.startsWith('arn:') ? name : `arn:aws:cloudtrail:${region}:${account.accountId}:trail/${name}`;
    throw new AwsError('TrailNotFoundException', `Unknown trail: ${arn} for the user: ${account.accountId}`);
  }
  const custom = account.ext?.loggingMonitoring?.eventSelectors?.[trail.TrailARN ?? ''];
  if (custom?.AdvancedEventSelectors) return { TrailARN: trail.TrailARN, AdvancedEventSelectors: custom.AdvancedEventSelectors };
  return { TrailARN: trail.TrailARN, EventSelectors: custom?.EventSelectors ?? DEFAULT_SELECTORS };
}

function describeMetricFilters(ctx: OperationContext) {
  let all = ctx.account.ext?.loggingMonitoring?.metricFilters?.[ctx.region] ?? [];
  const group = typeof ctx.json.logGroupName === 'string' ? ctx.json.logGroupName : undefined;
  if (group !== undefined) {
    const groups = ctx.account.ext?.shared?.logGroups?.[ctx.region] ?? [];
    if (!groups.some((g) => g.logGroupName === group)) throw new AwsError('ResourceNotFoundException', 'The specified log group does not exist.');
    all = all.filter((f) => f.logGroupName === group);
  }
  const limit = typeof ctx.json.limit === 'number' ? ctx.json.limit : 50;
  if (limit < 1 || limit > 50) throw new AwsError('InvalidParameterException', 'limit must be between 1 and 50');
  const page = paginate(all, {
    scope: `logs:DescribeMetricFilters:${ctx.region}:${group ?? ''}`,
    limit,
    token: typeof ctx.json.nextToken === 'string' ? ctx.json.nextToken : null,
    tokenError: new AwsError('InvalidParameterException', 'The specified nextToken is invalid.'),
  });
  return page.nextToken ? { metricFilters: page.items, nextToken: page.nextToken } : { metricFilters: page.items };
}

export const loggingMonitoringExtension: FakeAwsExtension = {
  services: [configService, guarddutyService, securityhubService, cloudwatchService, snsService, organizationsService],
  operations: {
    cloudtrail: { GetEventSelectors: { handle: getEventSelectors } },
    logs: { DescribeMetricFilters: { handle: describeMetricFilters } },
  },
};
