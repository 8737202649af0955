/**
 * Organizations ListAccounts (awsJson1_1, global), added to the organizations service of
 * ext/organizations.ts, for scanning every account of an organization. Only the management account
 * or a delegated administrator may list (anyone else: AccessDeniedException); an account outside an
 * organization gets AWSOrganizationsNotInUseException. The members' own data is FakeAccount.members,
 * reached by AssumeRole (services/sts.ts).
 */
import type { Account } from '@aws-sdk/client-organizations';
import { paginate } from '../params.ts';
import { AwsError, type OperationContext } from '../protocol.ts';
import type { FakeAwsExtension } from './types.ts';

/** account.ext.organizationMembers: the listing as this (management or delegated) account sees it. */
export interface OrganizationMembersFixture {
  /** ListAccounts' Accounts, the caller's own included, in listing order. */
  accounts: Account[];
  /** Accounts per page when MaxResults is not sent; AWS may return fewer than asked, so callers must follow NextToken. */
  pageSize?: number;
}

/** MaxResults for Organizations' list operations: 1 to 20. */
const MAX_RESULTS = 20;

function listAccounts(ctx: OperationContext) {
  const org = ctx.account.ext?.loggingMonitoring?.organization;
  if (!org) throw new AwsError('AWSOrganizationsNotInUseException', 'Your account is not a member of an organization.');
  const delegated = Object.values(org.delegatedAdministrators ?? {}).flat().some((a) => a.Id === ctx.account.accountId);
  if (org.organization.MasterAccountId !== ctx.account.accountId && !delegated) {
    throw new AwsError('AccessDeniedException', "You don't have permissions to access this resource.");
  }
  const max = ctx.json.MaxResults;
  if (max !== undefined && (typeof max !== 'number' || !Number.isInteger(max) || max < 1 || max > MAX_RESULTS)) {
    throw new AwsError('InvalidInputException', 'You provided a value that does not match the required pattern.');
  }
  const fixture = ctx.account.ext?.organizationMembers;
  const page = paginate(fixture?.accounts ?? [], {
    scope: 'organizations:ListAccounts',
    limit: Math.min(typeof max === 'number' ? max : MAX_RESULTS, fixture?.pageSize ?? MAX_RESULTS),
    token: typeof ctx.json.NextToken === 'string' ? ctx.json.NextToken : null,
    tokenError: new AwsError('InvalidInputException', 'You provided an invalid value for NextToken.'),
  });
  return page.nextToken ? { Accounts: page.items, NextToken: page.nextToken } : { Accounts: page.items };
}

export const organizationMembersExtension: FakeAwsExtension = {
  operations: { organizations: { ListAccounts: { handle: listAccounts } } },
};
