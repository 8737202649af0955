/** What the fifteen CIS alarm checks share: the datasets they read and how to build the fix. */
import type { CheckMeta } from '../../../../../shared/model/check.ts';
import type { CisPattern } from './cis-patterns.ts';

export const ALARM_NEEDS = [
  'cloudtrail:DescribeTrails',
  'cloudtrail:GetTrailStatus',
  'cloudtrail:GetEventSelectors',
  'logs:DescribeMetricFilters',
  'cloudwatch:DescribeAlarms',
  'sns:ListSubscriptionsByTopic',
];

export const ALARM_REFERENCES = [
  'https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html',
  'https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/FilterAndPatternSyntax.html',
  'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudwatch-alarms-for-cloudtrail.html',
];

/** The three steps CIS gives, with this pattern's filter and a metric name of its own. */
export function alarmRemediation(pattern: CisPattern, metric: string): CheckMeta['remediation'] {
  const escaped = pattern.pattern.replace(/'/g, "'\\''");
  return {
    console: `CloudWatch console > Log groups > the log group your multi-region trail delivers to > Metric filters > Create metric filter with the pattern ${pattern.pattern}; then create an alarm on its metric (Sum >= 1 over 5 minutes) that notifies an SNS topic, and confirm at least one subscription to that topic.`,
    cli: `aws logs put-metric-filter --log-group-name <trail-log-group> --filter-name ${metric} --metric-transformations metricName=${metric},metricNamespace=CISBenchmark,metricValue=1 --filter-pattern '${escaped}'\naws cloudwatch put-metric-alarm --alarm-name ${metric} --metric-name ${metric} --namespace CISBenchmark --statistic Sum --period 300 --threshold 1 --comparison-operator GreaterThanOrEqualToThreshold --evaluation-periods 1 --alarm-actions <sns-topic-arn>\naws sns subscribe --topic-arn <sns-topic-arn> --protocol email --notification-endpoint <security-team-address>`,
    terraform: `resource "aws_cloudwatch_log_metric_filter" "${metric}" {\n  name           = "${metric}"\n  log_group_name = aws_cloudwatch_log_group.trail.name\n  pattern        = ${JSON.stringify(pattern.pattern)}\n  metric_transformation {\n    name      = "${metric}"\n    namespace = "CISBenchmark"\n    value     = "1"\n  }\n}\n\nresource "aws_cloudwatch_metric_alarm" "${metric}" {\n  alarm_name          = "${metric}"\n  metric_name         = "${metric}"\n  namespace           = "CISBenchmark"\n  statistic           = "Sum"\n  period              = 300\n  threshold           = 1\n  comparison_operator = "GreaterThanOrEqualToThreshold"\n  evaluation_periods  = 1\n  alarm_actions       = [aws_sns_topic.security_alerts.arn]\n}`,
  };
}
