/** IAM over awsQuery. Global: the fake ignores the signing region (see README). */
import { GetAccountPasswordPolicyResponse$, GetAccountSummaryResponse$ } from '@aws-sdk/client-iam';
import { AwsError, type ServiceModule } from '../protocol.ts';

export const iam: ServiceModule = {
  name: 'iam',
  protocol: 'query',
  xmlNamespace: 'https://iam.amazonaws.com/doc/2010-05-08/',
  global: true,
  operations: {
    GetAccountSummary: {
      output: GetAccountSummaryResponse$,
      handle: ({ account }) => ({ SummaryMap: account.iam.accountSummary }),
    },
    GetAccountPasswordPolicy: {
      output: GetAccountPasswordPolicyResponse$,
      handle: ({ account }) => {
        const policy = account.iam.passwordPolicy;
        if (!policy) {
          throw new AwsError('NoSuchEntity', `The Password Policy with domain name ${account.accountId} cannot be found.`, 404);
        }
        return { PasswordPolicy: policy };
      },
    },
  },
};
