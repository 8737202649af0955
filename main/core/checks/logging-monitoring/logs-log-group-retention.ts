import type { LogGroup } from '@aws-sdk/client-cloudwatch-logs';
import { accountResource, evidence, finding, notAssessed } from '../helpers.ts';
import type { Check } from '../types.ts';

const meta = {
  id: 'logs-log-group-retention',
  title: 'CloudWatch log groups keep logs for at least a year',
  area: 'logging-monitoring',
  service: 'logs',
  severity: 'low',
  responsibility:
    'Deciding how long your logs are kept is your job. Investigations often start months after the event, so log groups should keep their logs for at least 365 days (or archive them elsewhere first).',
  risk: 'Logs deleted after days or weeks are gone when an incident is discovered later, leaving no evidence of what happened or how far it reached.',
  remediation: {
    console: 'CloudWatch console > Log groups > select the log group > Actions > Edit retention setting > 1 year (365 days) or longer.',
    cli: 'aws logs put-retention-policy --log-group-name <name> --retention-in-days 365',
    terraform: 'resource "aws_cloudwatch_log_group" "this" {\n  name              = "<name>"\n  retention_in_days = 365\n}',
  },
  references: ['https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/Working-with-log-groups-and-streams.html#SettingLogRetention'],
} as const satisfies Check['meta'];

/**
 * One year: what CIS-aligned and most audit regimes ask for. "Never expire" (no retentionInDays)
 * keeps everything, so it passes: the requirement is keeping evidence, and cost or data
 * minimisation is a separate decision the message points out.
 */
export const MIN_RETENTION_DAYS = 365;

export const logsLogGroupRetention: Check = {
  meta,
  needs: ['logs:DescribeLogGroups'],
  evaluate(snap) {
    const { accountId, partition } = snap.meta;
    return snap.meta.regions.flatMap((region) => {
      const read = snap.read<LogGroup[]>('logs:DescribeLogGroups', region);
      if (!read.ok) return [notAssessed(meta, snap, accountResource(snap, region, `CloudWatch log groups (${region})`), read)];
      if (read.data.length === 0) return [finding(meta, snap, accountResource(snap, region, `CloudWatch log groups (${region})`), 'NOT_APPLICABLE', `No CloudWatch log groups in ${region}.`)];
      return read.data.map((g) => {
        const name = g.logGroupName ?? '';
        const arn = (g.arn ?? `arn:${partition}:logs:${region}:${accountId}:log-group:${name}`).replace(/:\*$/, '');
        const resource = { id: name, arn, name, region };
        const days = g.retentionInDays;
        const proof = [evidence(read, { logGroupName: name, retentionInDays: days ?? null, logGroupClass: g.logGroupClass })];
        if (days === undefined) return finding(meta, snap, resource, 'PASS', `Log group ${name} never expires its logs (consider a lifecycle for cost and data minimisation).`, proof);
        if (days >= MIN_RETENTION_DAYS) return finding(meta, snap, resource, 'PASS', `Log group ${name} keeps logs for ${days} days.`, proof);
        return finding(meta, snap, resource, 'FAIL', `Log group ${name} deletes logs after ${days} days, less than ${MIN_RETENTION_DAYS}.`, proof);
      });
    });
  },
};
