/**
 * The CIS monitoring chain: metric filters on log groups, the alarms on their metrics, and who
 * the alarms' SNS topics actually reach. Subscriptions are read only for topics an alarm notifies,
 * each in the topic's own region.
 */
import { DescribeAlarmsCommand, type DescribeAlarmsCommandOutput, type MetricAlarm } from '@aws-sdk/client-cloudwatch';
import { DescribeMetricFiltersCommand, type DescribeMetricFiltersCommandOutput, type MetricFilter } from '@aws-sdk/client-cloudwatch-logs';
import { ListSubscriptionsByTopicCommand, type ListSubscriptionsByTopicCommandOutput, type Subscription } from '@aws-sdk/client-sns';
import { orAbsent } from './absence.ts';
import { collectPages } from './paginate.ts';
import { perResource } from './per-resource.ts';
import type { DatasetDef } from './types.ts';

/**
 * ListSubscriptionsByTopic as stored: the topic's subscriptions, or, for a topic that no longer
 * exists (SNS answers NotFound, 404), `{ Subscriptions: null, NotFound: "NotFound" }`.
 */
export type TopicSubscriptions = Subscription[] | { Subscriptions: null; NotFound: string };

/** arn:aws:sns:<region>:<account>:<name> -> its region, or undefined for anything that is not a topic. */
export function snsTopicRegion(arn: string): string | undefined {
  const parts = arn.split(':');
  return parts.length === 6 && parts[2] === 'sns' && parts[3] ? parts[3] : undefined;
}

export const cloudwatchAlarmDatasets: DatasetDef[] = [
  {
    id: 'logs:DescribeMetricFilters',
    service: 'logs',
    scope: 'regional',
    iamActions: ['logs:DescribeMetricFilters'],
    collect(ctx) {
      const client = ctx.session.client('logs', ctx.region);
      return collectPages<DescribeMetricFiltersCommandOutput, MetricFilter>(
        (nextToken) => ctx.send(client, new DescribeMetricFiltersCommand({ nextToken, limit: 50 })),
        (page) => page.metricFilters,
        (page) => page.nextToken,
      );
    },
  },
  {
    id: 'cloudwatch:DescribeAlarms',
    service: 'cloudwatch',
    scope: 'regional',
    iamActions: ['cloudwatch:DescribeAlarms'],
    collect(ctx) {
      const client = ctx.session.client('cloudwatch', ctx.region);
      return collectPages<DescribeAlarmsCommandOutput, MetricAlarm>(
        (NextToken) => ctx.send(client, new DescribeAlarmsCommand({ AlarmTypes: ['MetricAlarm'], MaxRecords: 100, NextToken })),
        (page) => page.MetricAlarms,
        (page) => page.NextToken,
      );
    },
  },
  {
    id: 'sns:ListSubscriptionsByTopic',
    service: 'sns',
    scope: 'per-resource',
    iamActions: ['sns:ListSubscriptionsByTopic'],
    dependsOn: ['cloudwatch:DescribeAlarms'],
    collect(ctx) {
      const topics = new Set<string>();
      for (const r of ctx.snapshot.records('cloudwatch:DescribeAlarms')) {
        if (!r.ok) continue;
        for (const a of r.data as MetricAlarm[]) for (const action of a.AlarmActions ?? []) if (snsTopicRegion(action)) topics.add(action);
      }
      return perResource(
        ctx,
        [...topics],
        (arn) => ({ region: snsTopicRegion(arn) ?? ctx.homeRegion, resourceKey: arn }),
        (TopicArn, region): Promise<TopicSubscriptions> => {
          const client = ctx.session.client('sns', region);
          // An alarm may still name a deleted topic: NotFound is the answer "reaches nobody".
          return orAbsent(
            ['NotFound'],
            () =>
              collectPages<ListSubscriptionsByTopicCommandOutput, Subscription>(
                (NextToken) => ctx.send(client, new ListSubscriptionsByTopicCommand({ TopicArn, NextToken })),
                (page) => page.Subscriptions,
                (page) => page.NextToken,
              ),
            (code) => ({ Subscriptions: null, NotFound: code }),
          );
        },
      );
    },
  },
];
