/** STS over awsQuery. GetCallerIdentity needs no IAM permission, so scanners use it as a preflight. */
import { GetCallerIdentityResponse$ } from '@aws-sdk/client-sts';
import { AwsError, type ServiceModule } from '../protocol.ts';

export const sts: ServiceModule = {
  name: 'sts',
  protocol: 'query',
  xmlNamespace: 'https://sts.amazonaws.com/doc/2011-06-15/',
  // A regional STS endpoint in a disabled region does not recognise the account's credentials.
  regionNotEnabled: () => new AwsError('InvalidClientTokenId', 'The security token included in the request is invalid.', 403),
  operations: {
    GetCallerIdentity: {
      output: GetCallerIdentityResponse$,
      handle: ({ account }) => ({ UserId: account.callerUserId, Account: account.accountId, Arn: account.callerArn }),
    },
  },
};
