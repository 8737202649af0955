/**
 * AWS Config over awsJson1_1 (X-Amz-Target StarlingDoveService.<Op>): recorders and their status
 * per region. A region where Config was never set up answers with empty lists.
 */
import { AwsError, type OperationContext, type ServiceModule } from '../protocol.ts';

function regional(ctx: OperationContext) {
  return ctx.account.ext?.loggingMonitoring?.configRecorders?.[ctx.region] ?? { recorders: [], statuses: [] };
}

/** AWS refuses names it does not know instead of returning fewer recorders. */
function named<T extends { name?: string }>(items: T[], names: unknown): T[] {
  if (!Array.isArray(names) || names.length === 0) return items;
  const missing = (names as string[]).find((n) => !items.some((i) => i.name === n));
  if (missing) {
    throw new AwsError('NoSuchConfigurationRecorderException', `Cannot find configuration recorder with the specified name '${missing}'.`);
  }
  return items.filter((i) => (names as string[]).includes(i.name ?? ''));
}

export const configService: ServiceModule = {
  name: 'config',
  protocol: 'json',
  regionNotEnabled: () => new AwsError('UnrecognizedClientException', 'The security token included in the request is invalid.', 400),
  operations: {
    DescribeConfigurationRecorders: {
      handle: (ctx) => ({ ConfigurationRecorders: named(regional(ctx).recorders, ctx.json.ConfigurationRecorderNames) }),
    },
    DescribeConfigurationRecorderStatus: {
      handle: (ctx) => ({ ConfigurationRecordersStatus: named(regional(ctx).statuses, ctx.json.ConfigurationRecorderNames) }),
    },
  },
};
