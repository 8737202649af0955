/**
 * Amazon SNS over awsQuery: who a topic reaches. A subscription not yet confirmed is listed with
 * SubscriptionArn "PendingConfirmation"; a topic that does not exist answers 404 NotFound.
 */
import { ListSubscriptionsByTopicResponse$, type Subscription } from '@aws-sdk/client-sns';
import { paginate } from '../params.ts';
import { AwsError, type OperationContext, type ServiceModule } from '../protocol.ts';

function listSubscriptionsByTopic(ctx: OperationContext) {
  const arn = ctx.params.get('TopicArn') ?? '';
  const topics = ctx.account.ext?.loggingMonitoring?.snsTopics ?? {};
  const subs: Subscription[] | undefined = arn.split(':')[3] === ctx.region ? topics[arn] : undefined;
  if (!subs) throw new AwsError('NotFound', 'Topic does not exist', 404);
  const page = paginate(subs, {
    scope: `sns:ListSubscriptionsByTopic:${arn}`,
    limit: 100,
    token: ctx.params.get('NextToken'),
    tokenError: new AwsError('InvalidParameter', 'Invalid parameter: NextToken'),
  });
  return { Subscriptions: page.items, NextToken: page.nextToken };
}

export const snsService: ServiceModule = {
  name: 'sns',
  protocol: 'query',
  xmlNamespace: 'http://sns.amazonaws.com/doc/2010-03-31/',
  regionNotEnabled: () => new AwsError('InvalidClientTokenId', 'The security token included in the request is invalid.', 403),
  operations: {
    ListSubscriptionsByTopic: { output: ListSubscriptionsByTopicResponse$, handle: listSubscriptionsByTopic },
  },
};
