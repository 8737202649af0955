/**
 * The CIS monitoring chain for one pattern: a multi-region trail that logs management events
 * delivers to a log group; a metric filter on that log group catches the pattern's events; an
 * alarm on the filter's metric notifies an SNS topic; the topic has a confirmed subscriber.
 * The first complete chain is a PASS; otherwise the furthest a chain got is the FAIL message; a
 * link that could not be read (or lives in another account) makes it NOT_ASSESSED instead.
 */
import type { MetricAlarm } from '@aws-sdk/client-cloudwatch';
import type { MetricFilter } from '@aws-sdk/client-cloudwatch-logs';
import type { Evidence, Finding } from '../../../../../shared/model/finding.ts';
import { snsTopicRegion, type TopicSubscriptions } from '../../../collect/cloudwatch-alarms.ts';
import { GLOBAL, type Snapshot } from '../../../engine/snapshot.ts';
import { accountResource, evidence, finding, notAssessed, type Resource } from '../../helpers.ts';
import type { Check } from '../../types.ts';
import { eventName, type CisPattern } from './cis-patterns.ts';
import { compileFilterPattern } from './filter-pattern.ts';
import { isLogging, managementEvents, statusUnknown, trailInventory, trailLabel, type FailedRead, type TrailView } from './trails.ts';

/** How far a chain got, in order; the furthest explains a FAIL best. */
interface Stage {
  rank: number;
  message: string;
  proof: Evidence[];
}

/** arn:aws:logs:<region>:<account>:log-group:<name>[:*] */
function parseLogGroup(arn: string): { region: string; account: string; name: string } | undefined {
  const p = arn.split(':');
  return p[2] === 'logs' && p[5] === 'log-group' && p[3] && p[4] && p[6] ? { region: p[3], account: p[4], name: p[6] } : undefined;
}

function outsideAccount(meta: Check['meta'], snap: Snapshot, resource: Resource, call: string, region: string, message: string): Finding {
  const f = finding(meta, snap, resource, 'NOT_ASSESSED', `Not assessed: ${message}`);
  f.reason = { kind: 'not-collected', code: 'OtherAccount', call, message };
  return f;
}

/** Does the filter catch every required event and leave the routine one alone? */
function judgeFilter(filter: MetricFilter, pattern: CisPattern): { ok: boolean; missed: string[]; tooBroad: boolean; recognised: boolean } {
  const compiled = compileFilterPattern(filter.filterPattern);
  if (!compiled) return { ok: false, missed: pattern.mustMatch.map(eventName), tooBroad: false, recognised: false };
  const missed = pattern.mustMatch.filter((e) => !compiled.matches(e)).map(eventName);
  const tooBroad = pattern.mustNotMatch.some((e) => compiled.matches(e));
  return { ok: missed.length === 0 && !tooBroad, missed, tooBroad, recognised: true };
}

/** Why the nearest filter is not enough, for the FAIL message. */
function nearMiss(judged: (ReturnType<typeof judgeFilter> & { f: MetricFilter })[], pattern: CisPattern): string {
  const near = judged.filter((j) => j.recognised && j.missed.length < pattern.mustMatch.length).sort((a, b) => a.missed.length - b.missed.length)[0];
  if (!near) return '';
  if (near.missed.length === 0) return `; ${near.f.filterName} comes closest but also fires on events that are not ${pattern.label}, so it is not a focused alarm`;
  const more = near.missed.length > 6 ? ` and ${near.missed.length - 6} more` : '';
  return `; the closest, ${near.f.filterName}, misses ${near.missed.slice(0, 6).join(', ')}${more}`;
}

function alarmsOn(alarms: MetricAlarm[], name: string, namespace: string): MetricAlarm[] {
  return alarms.filter(
    (a) =>
      (a.MetricName === name && a.Namespace === namespace) ||
      (a.Metrics ?? []).some((q) => q.MetricStat?.Metric?.MetricName === name && q.MetricStat.Metric.Namespace === namespace),
  );
}

export function evaluateAlarmChain(meta: Check['meta'], snap: Snapshot, pattern: CisPattern): Finding[] {
  const resource = accountResource(snap, GLOBAL, `Alarm for ${pattern.label}`);
  const { trails, okRegions, failedRegions } = trailInventory(snap);
  if (okRegions.length === 0 && failedRegions[0]) return [notAssessed(meta, snap, resource, failedRegions[0])];

  let unknown: FailedRead | undefined;
  let other: { call: string; region: string; message: string } | undefined;
  let best: Stage = { rank: 0, message: 'no multi-region trail that is logging read and write management events sends them to CloudWatch Logs', proof: [] };
  const advance = (s: Stage) => {
    if (s.rank > best.rank) best = s;
  };

  const candidates: TrailView[] = [];
  for (const view of trails.filter((v) => v.trail.IsMultiRegionTrail === true && v.trail.CloudWatchLogsLogGroupArn)) {
    const logging = isLogging(view);
    const events = managementEvents(view);
    if (logging === undefined) unknown ??= statusUnknown(view);
    else if (logging && events.covered === undefined) unknown ??= events.unknown;
    else if (logging && events.covered) candidates.push(view);
  }

  for (const view of candidates) {
    const label = trailLabel(view, snap.meta.accountId);
    const arn = view.trail.CloudWatchLogsLogGroupArn ?? '';
    const group = parseLogGroup(arn);
    if (!group) continue;
    if (group.account !== snap.meta.accountId) {
      other ??= { call: 'logs:DescribeMetricFilters', region: group.region, message: `${label} delivers to log group ${group.name} in account ${group.account}; its metric filters and alarms can only be read there.` };
      continue;
    }
    const filtersRead = snap.read<MetricFilter[]>('logs:DescribeMetricFilters', group.region);
    if (!filtersRead.ok) {
      unknown ??= filtersRead;
      continue;
    }
    const onGroup = filtersRead.data.filter((f) => f.logGroupName === group.name);
    const judged = onGroup.map((f) => ({ f, ...judgeFilter(f, pattern) }));
    const matching = judged.filter((j) => j.ok);
    if (matching.length === 0) {
      // A right filter on a log group the trail does not write to is a common slip: say where it is.
      const elsewhere = filtersRead.data.find((f) => f.logGroupName !== group.name && judgeFilter(f, pattern).ok);
      const detail = nearMiss(judged, pattern) + (elsewhere ? `; filter ${elsewhere.filterName} would, but it is on log group ${elsewhere.logGroupName}, which the trail does not write to` : '');
      advance({ rank: 1, message: `no metric filter on log group ${group.name} (of ${label}) catches ${pattern.label}${detail}`, proof: [evidence(filtersRead, onGroup.map((f) => ({ filterName: f.filterName, filterPattern: f.filterPattern })))] });
      continue;
    }
    const alarmsRead = snap.read<MetricAlarm[]>('cloudwatch:DescribeAlarms', group.region);
    if (!alarmsRead.ok) {
      unknown ??= alarmsRead;
      continue;
    }
    for (const { f } of matching) {
      const filterProof = evidence(filtersRead, { logGroupName: f.logGroupName, filterName: f.filterName, filterPattern: f.filterPattern, metricTransformations: f.metricTransformations });
      const alarms = (f.metricTransformations ?? []).flatMap((m) => alarmsOn(alarmsRead.data, m.metricName ?? '', m.metricNamespace ?? ''));
      if (alarms.length === 0) {
        advance({ rank: 2, message: `metric filter ${f.filterName} on ${group.name} catches ${pattern.label}, but no alarm watches its metric`, proof: [filterProof] });
        continue;
      }
      for (const alarm of alarms) {
        const alarmProof = evidence(alarmsRead, { AlarmName: alarm.AlarmName, MetricName: alarm.MetricName, Namespace: alarm.Namespace, ActionsEnabled: alarm.ActionsEnabled, AlarmActions: alarm.AlarmActions });
        const topics = alarm.ActionsEnabled === false ? [] : (alarm.AlarmActions ?? []).filter((a) => snsTopicRegion(a));
        if (topics.length === 0) {
          const why = alarm.ActionsEnabled === false ? 'its actions are disabled' : 'it notifies no SNS topic';
          advance({ rank: 3, message: `alarm ${alarm.AlarmName} watches metric filter ${f.filterName}, but ${why}`, proof: [filterProof, alarmProof] });
          continue;
        }
        for (const topic of topics) {
          const subs = snap.read<TopicSubscriptions>('sns:ListSubscriptionsByTopic', snsTopicRegion(topic) ?? '', topic);
          // A deleted topic reaches nobody: SNS's NotFound is stored as data. (Snapshots from before
          // that kept it as an error with the wire code "NotFound"; the SDK's invented
          // "NotFoundException" for a bare 404 is not AWS's answer and stays unread.)
          if (!subs.ok && subs.error.code !== 'NotFound') {
            unknown ??= subs;
            continue;
          }
          const gone = !subs.ok || !Array.isArray(subs.data);
          const list = subs.ok && Array.isArray(subs.data) ? subs.data : [];
          const confirmed = list.filter((s) => s.SubscriptionArn?.startsWith('arn:'));
          const subsProof = subs.ok ? [evidence(subs, gone ? subs.data : list.map((s) => ({ Protocol: s.Protocol, SubscriptionArn: s.SubscriptionArn })))] : [];
          if (confirmed.length > 0) {
            const message = `Alarm ${alarm.AlarmName} fires on metric filter ${f.filterName} (log group ${group.name} of ${label}) and notifies ${topic}, which has ${confirmed.length} confirmed subscription(s).`;
            return [finding(meta, snap, resource, 'PASS', message, [evidence(view.seen, { Name: view.trail.Name, CloudWatchLogsLogGroupArn: arn }), filterProof, alarmProof, ...subsProof])];
          }
          const pending = list.filter((s) => s.SubscriptionArn === 'PendingConfirmation').length;
          const who = gone ? 'which no longer exists' : pending > 0 ? `whose only subscription(s) (${pending}) are still pending confirmation` : 'which has no subscribers';
          advance({ rank: 4, message: `alarm ${alarm.AlarmName} notifies ${topic}, ${who}, so nobody is told`, proof: [filterProof, alarmProof, ...subsProof] });
        }
      }
    }
  }
  if (unknown) return [notAssessed(meta, snap, resource, unknown)];
  if (failedRegions[0]) return [notAssessed(meta, snap, resource, failedRegions[0])];
  if (other) return [outsideAccount(meta, snap, resource, other.call, other.region, other.message)];
  const first = okRegions[0];
  const trailProof = best.proof.length === 0 && first ? [evidence(first, first.data.map((t) => ({ Name: t.Name, IsMultiRegionTrail: t.IsMultiRegionTrail, CloudWatchLogsLogGroupArn: t.CloudWatchLogsLogGroupArn ?? null })))] : [];
  return [finding(meta, snap, resource, 'FAIL', `Nobody is alerted to ${pattern.label}: ${best.message}.`, [...trailProof, ...best.proof])];
}
