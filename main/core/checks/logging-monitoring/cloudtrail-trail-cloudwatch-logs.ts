import { notAssessed } from '../helpers.ts';
import type { Check } from '../types.ts';
import { eachTrail, trailFinding } from './support/per-trail.ts';
import { sentence, trailLabel, trailResource } from './support/trails.ts';

const meta = {
  id: 'cloudtrail-trail-cloudwatch-logs',
  title: 'CloudTrail trails deliver to CloudWatch Logs',
  area: 'logging-monitoring',
  service: 'cloudtrail',
  severity: 'low',
  responsibility:
    'Watching your audit log as it is written is your job. Sending a trail to a CloudWatch Logs log group lets metric filters and alarms react to risky activity within minutes instead of after an incident.',
  risk: 'A trail that only writes to S3 can be searched after the fact but raises no alarm: root sign-ins, disabled logging or opened security groups go unnoticed until someone looks.',
  remediation: {
    console: 'CloudTrail console > Trails > choose the trail > CloudWatch Logs > Edit > Enabled, choose a log group and an IAM role CloudTrail can assume to write to it.',
    cli: 'aws cloudtrail update-trail --name <trail> --cloud-watch-logs-log-group-arn <log-group-arn> --cloud-watch-logs-role-arn <role-arn>',
    terraform: 'resource "aws_cloudtrail" "audit" {\n  # ...\n  cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.trail.arn}:*"\n  cloud_watch_logs_role_arn  = aws_iam_role.trail_to_logs.arn\n}',
  },
  references: ['https://docs.aws.amazon.com/awscloudtrail/latest/userguide/send-cloudtrail-events-to-cloudwatch-logs.html'],
} as const satisfies Check['meta'];

/** CloudTrail delivers to CloudWatch Logs within minutes; a day without delivery means it stopped. */
const STALE_HOURS = 24;
/**
 * A trail that just started has nothing delivered yet (and moto never reports a CloudWatch Logs
 * delivery): "never delivered" is a verdict only once CloudTrail had time to deliver. AWS: "CloudTrail
 * typically delivers logs within an average of about 5 minutes of an API call" (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/get-and-view-cloudtrail-log-files.html).
 */
const FIRST_DELIVERY_MINUTES = 60;

export const cloudtrailTrailCloudwatchLogs: Check = {
  meta,
  needs: ['cloudtrail:DescribeTrails', 'cloudtrail:GetTrailStatus'],
  evaluate(snap) {
    return eachTrail(meta, snap, (view) => {
      const group = view.trail.CloudWatchLogsLogGroupArn;
      const label = sentence(trailLabel(view, snap.meta.accountId));
      if (!group) return trailFinding(meta, snap, view, 'FAIL', `${label} does not send its events to CloudWatch Logs.`, { CloudWatchLogsLogGroupArn: null });
      const fields = { CloudWatchLogsLogGroupArn: group, CloudWatchLogsRoleArn: view.trail.CloudWatchLogsRoleArn };
      if (!view.status.ok) return notAssessed(meta, snap, trailResource(view), view.status);
      const s = view.status.data;
      const delivery = { ...fields, IsLogging: s.IsLogging, LatestCloudWatchLogsDeliveryTime: s.LatestCloudWatchLogsDeliveryTime, LatestCloudWatchLogsDeliveryError: s.LatestCloudWatchLogsDeliveryError };
      if (s.IsLogging === false) return trailFinding(meta, snap, view, 'FAIL', `${label} is configured for log group ${group} but is not logging, so nothing is delivered.`, delivery);
      if (s.LatestCloudWatchLogsDeliveryError) {
        return trailFinding(meta, snap, view, 'FAIL', `${label} fails to deliver to log group ${group}: ${s.LatestCloudWatchLogsDeliveryError}.`, delivery);
      }
      // The delivery time is judged only when the status record carries it (older collections did not).
      if (s.LatestCloudWatchLogsDeliveryTime !== undefined) {
        const last = s.LatestCloudWatchLogsDeliveryTime;
        if (!last) {
          const minutes = s.StartLoggingTime ? (Date.parse(view.status.at) - Date.parse(s.StartLoggingTime)) / 60_000 : Infinity;
          if (minutes < FIRST_DELIVERY_MINUTES) {
            const since = `it started logging ${Math.max(0, Math.floor(minutes))} minute(s) before the scan and has not reported a first delivery yet`;
            return trailFinding(meta, snap, view, 'PASS', `${label} sends its events to log group ${group} (${since}).`, { ...delivery, StartLoggingTime: s.StartLoggingTime });
          }
          return trailFinding(meta, snap, view, 'FAIL', `${label} is configured for log group ${group} but has never delivered to it.`, delivery);
        }
        const hours = (Date.parse(view.status.at) - Date.parse(last)) / 3_600_000;
        if (hours > STALE_HOURS) {
          return trailFinding(meta, snap, view, 'FAIL', `${label} last delivered to log group ${group} ${Math.floor(hours)} hours before the scan: delivery has stopped.`, delivery);
        }
        return trailFinding(meta, snap, view, 'PASS', `${label} delivers to log group ${group} (last delivery ${last}).`, delivery);
      }
      return trailFinding(meta, snap, view, 'PASS', `${label} sends its events to log group ${group}.`, delivery);
    });
  },
};
