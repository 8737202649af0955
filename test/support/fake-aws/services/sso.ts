/**
 * IAM Identity Center's portal (restJson1): GetRoleCredentials, as `fromSSO` calls it with the
 * access token `aws sso login` cached. The request is not SigV4-signed: the token travels in the
 * `x-amz-sso_bearer_token` header (the server recognises the service by that header).
 */
import { AwsError, type ServiceModule } from '../protocol.ts';
import { assumedRole, issueCredentials, recordSignIn } from './sts.ts';

export const SSO_BEARER_HEADER = 'x-amz-sso_bearer_token';

export const sso: ServiceModule = {
  name: 'sso',
  protocol: 'json',
  global: true,
  route: (method, path) => (method === 'GET' && path === '/federation/credentials' ? { action: 'GetRoleCredentials' } : undefined),
  operations: {
    GetRoleCredentials: {
      unsigned: true,
      handle: ({ account, params, bearerToken, region }) => {
        const portal = account.signIn?.sso;
        if (!portal || !bearerToken || !portal.accessTokens.includes(bearerToken)) {
          throw new AwsError('UnauthorizedException', 'Session token not found or invalid', 401);
        }
        const roleName = params.get('role_name') ?? '';
        if (params.get('account_id') !== account.accountId || !portal.roleNames.includes(roleName)) {
          throw new AwsError('ForbiddenException', 'No access', 403);
        }
        // Identity Center roles are named after the permission set, with a suffix AWS generates.
        const roleArn = `arn:aws:iam::${account.accountId}:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_${roleName}_0a1b2c3d4e5f6789`;
        const session = assumedRole(roleArn, portal.userName);
        const creds = issueCredentials(account, session, portal.credentialsTtlSeconds ?? 3600);
        recordSignIn(account, { action: 'GetRoleCredentials', roleArn, sessionName: portal.userName, callerArn: '', region });
        return {
          roleCredentials: {
            accessKeyId: creds.AccessKeyId,
            secretAccessKey: creds.SecretAccessKey,
            sessionToken: creds.SessionToken,
            expiration: creds.Expiration.getTime(),
          },
        };
      },
    },
  },
};
