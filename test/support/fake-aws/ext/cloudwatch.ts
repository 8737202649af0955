/**
 * CloudWatch (signing name "monitoring") over awsJson1_0 in query-compatible mode, as this SDK
 * speaks it: X-Amz-Target GraniteServiceVersion20100801.<Op>, errors also named in
 * x-amzn-query-error (e.g. "InvalidNextToken;Sender").
 */
import type { MetricAlarm } from '@aws-sdk/client-cloudwatch';
import { paginate } from '../params.ts';
import { AwsError, type OperationContext, type ServiceModule } from '../protocol.ts';

function describeAlarms(ctx: OperationContext) {
  const all: MetricAlarm[] = ctx.account.ext?.loggingMonitoring?.alarms?.[ctx.region] ?? [];
  const types = Array.isArray(ctx.json.AlarmTypes) ? (ctx.json.AlarmTypes as string[]) : ['MetricAlarm'];
  const max = typeof ctx.json.MaxRecords === 'number' ? ctx.json.MaxRecords : 50;
  if (max < 1 || max > 100) throw new AwsError('InvalidParameterValue', 'The parameter MaxRecords must be between 1 and 100.');
  const names = Array.isArray(ctx.json.AlarmNames) ? (ctx.json.AlarmNames as string[]) : undefined;
  const wanted = types.includes('MetricAlarm') ? all.filter((a) => !names || names.includes(a.AlarmName ?? '')) : [];
  const page = paginate(wanted, {
    scope: `monitoring:DescribeAlarms:${ctx.region}`,
    limit: max,
    token: typeof ctx.json.NextToken === 'string' ? ctx.json.NextToken : null,
    tokenError: new AwsError('InvalidNextToken', 'The service couldn\'t process your request because the NextToken is invalid.'),
  });
  return { MetricAlarms: page.items, CompositeAlarms: [], ...(page.nextToken ? { NextToken: page.nextToken } : {}) };
}

export const cloudwatchService: ServiceModule = {
  name: 'monitoring',
  protocol: 'json',
  jsonVersion: '1.0',
  queryCompatible: true,
  regionNotEnabled: () => new AwsError('InvalidClientTokenId', 'The security token included in the request is invalid.', 403),
  operations: {
    DescribeAlarms: { handle: describeAlarms },
  },
};
