/**
 * AWS Organizations over awsJson1_1 (X-Amz-Target AWSOrganizationsV20161128.<Op>), global. A
 * standalone account answers AWSOrganizationsNotInUseException; a member account is refused
 * ListDelegatedAdministrators (only the management account and delegated admins may call it).
 */
import type { DelegatedAdministrator, Organization } from '@aws-sdk/client-organizations';
import { paginate } from '../params.ts';
import { AwsError, type OperationContext, type ServiceModule } from '../protocol.ts';

export interface FakeOrganization {
  organization: Organization;
  /** Delegated administrators per service principal. */
  delegatedAdministrators?: Record<string, DelegatedAdministrator[]>;
}

const NOT_IN_USE = () => new AwsError('AWSOrganizationsNotInUseException', 'Your account is not a member of an organization.');

function org(ctx: OperationContext): FakeOrganization {
  const found = ctx.account.ext?.loggingMonitoring?.organization;
  if (!found) throw NOT_IN_USE();
  return found;
}

function listDelegatedAdministrators(ctx: OperationContext) {
  const o = org(ctx);
  const isManagement = o.organization.MasterAccountId === ctx.account.accountId;
  const all = Object.values(o.delegatedAdministrators ?? {}).flat();
  const isDelegated = all.some((a) => a.Id === ctx.account.accountId);
  if (!isManagement && !isDelegated) throw new AwsError('AccessDeniedException', "You don't have permissions to access this resource.");
  const principal = typeof ctx.json.ServicePrincipal === 'string' ? ctx.json.ServicePrincipal : undefined;
  const admins = principal ? (o.delegatedAdministrators?.[principal] ?? []) : [...new Map(all.map((a) => [a.Id, a])).values()];
  const page = paginate(admins, {
    scope: `organizations:ListDelegatedAdministrators:${principal ?? ''}`,
    limit: typeof ctx.json.MaxResults === 'number' ? ctx.json.MaxResults : 20,
    token: typeof ctx.json.NextToken === 'string' ? ctx.json.NextToken : null,
    tokenError: new AwsError('InvalidInputException', 'You provided an invalid value for NextToken.'),
  });
  return page.nextToken ? { DelegatedAdministrators: page.items, NextToken: page.nextToken } : { DelegatedAdministrators: page.items };
}

export const organizationsService: ServiceModule = {
  name: 'organizations',
  protocol: 'json',
  global: true,
  operations: {
    DescribeOrganization: { handle: (ctx) => ({ Organization: org(ctx).organization }) },
    ListDelegatedAdministrators: { handle: listDelegatedAdministrators },
  },
};
