/**
 * An AWS Organization as its management (or a delegated administrator) account sees it: the
 * member accounts from organizations:ListAccounts, and a session into each member through a named
 * role assumed with the caller's own credentials.
 */
import { DescribeOrganizationCommand, paginateListAccounts, type Account } from '@aws-sdk/client-organizations';
import { ApiFailure } from '../api.ts';
import { AwsSession, type CallerIdentity } from './session.ts';

export interface OrganizationView {
  /** o-xxxxxxxxxx; '' when neither DescribeOrganization nor an account ARN named it. */
  id: string;
  managementAccountId: string;
  /** Every account ListAccounts returned, whatever its state, in listing order. */
  accounts: Account[];
}

/** Codes that mean "this profile cannot list the organization's accounts". */
const NOT_AN_ORG_ADMIN = new Set(['AccessDeniedException', 'AccessDenied', 'AWSOrganizationsNotInUseException']);

export async function describeOrganization(session: AwsSession, caller: CallerIdentity): Promise<OrganizationView> {
  const client = session.client('organizations', session.homeRegion);
  const accounts: Account[] = [];
  try {
    for await (const page of paginateListAccounts({ client }, {})) accounts.push(...(page.Accounts ?? []));
  } catch (err) {
    const { name, message } = err as Error;
    if (NOT_AN_ORG_ADMIN.has(name)) {
      throw new ApiFailure(
        'org-not-admin',
        `Profile "${session.profile}" (account ${caller.accountId}) is not in an organization's management or delegated administrator account: organizations:ListAccounts answered ${name}.`,
      );
    }
    throw new ApiFailure('org-list-failed', `Could not list the organization's accounts with profile "${session.profile}": ${name}: ${message.split('\n', 1)[0]}`);
  }
  // The listing is what matters; DescribeOrganization only names it (an ARN names it too).
  const org = await client.send(new DescribeOrganizationCommand({})).then((o) => o.Organization, () => undefined);
  const fromArn = accounts.map((a) => /:account\/(o-[a-z0-9]+)\//.exec(a.Arn ?? '')?.[1]).find(Boolean);
  const managementFromArn = /^arn:[\w-]+:organizations::(\d{12}):/.exec(accounts[0]?.Arn ?? '')?.[1];
  return { id: org?.Id ?? fromArn ?? '', managementAccountId: org?.MasterAccountId ?? managementFromArn ?? '', accounts };
}

/** AWS is retiring Status for State (September 2026); either says ACTIVE for an account to scan. */
export function accountState(account: Account): string {
  return account.State ?? account.Status ?? 'UNKNOWN';
}

export function memberRoleArn(partition: string, accountId: string, role: string): string {
  return `arn:${partition}:iam::${accountId}:role/${role}`;
}

/** `leasehold-20250102T030405Z`: names the scan in the member's CloudTrail (RoleSessionName allows [\w+=,.@-], 2 to 64). */
export function roleSessionName(at: Date): string {
  return `leasehold-${at.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '')}`;
}

/** The role a member's scan signs in through; stored with the scan so a resume can sign in again the same way. */
export interface MemberAccess {
  roleArn: string;
  externalId?: string;
}

export function memberAccess(parent: AwsSession, accountId: string, role: string, externalId: string | undefined): MemberAccess {
  const roleArn = memberRoleArn(parent.partition, accountId, role);
  return externalId === undefined ? { roleArn } : { roleArn, externalId };
}

export function memberSession(parent: AwsSession, access: MemberAccess, sessionName: string): AwsSession {
  return AwsSession.assumeRole(parent, access.roleArn, { externalId: access.externalId, sessionName });
}

/** Why AssumeRole was refused, in one line: AWS says only AccessDenied, for a missing role and a distrustful one alike. */
export function assumeRoleDenied(access: MemberAccess, callerArn: string): string {
  const trust = access.externalId === undefined ? `does not trust ${callerArn}` : `does not trust ${callerArn} with this external ID`;
  return `AccessDenied: could not assume ${access.roleArn}: the role does not exist or its trust policy ${trust}.`;
}

/**
 * Signs in to a member again as its scan first did (a resume): the parent's credentials assume the
 * stored role, with a new session name. A refusal names the role and the caller it refused.
 */
export async function reopenMemberSession(parent: AwsSession, access: MemberAccess, sessionName: string): Promise<{ session: AwsSession; identity: CallerIdentity }> {
  const session = memberSession(parent, access, sessionName);
  try {
    return { session, identity: await session.identity() };
  } catch (err) {
    session.close();
    if (!(err instanceof ApiFailure) || err.code !== 'aws-assume-role-denied') throw err;
    throw new ApiFailure(err.code, assumeRoleDenied(access, (await parent.identity()).arn));
  }
}

const ROLE_NAME = /^([\w+=,.@-]+\/)*[\w+=,.@-]{1,64}$/;
const EXTERNAL_ID = /^[\w+=,.@:/-]{2,1224}$/;

/** The role name (a path allowed) and external ID as IAM and STS accept them; anything else is a one-line bad request. */
export function validateMemberRole(role: unknown, externalId: unknown): void {
  if (typeof role !== 'string' || role === '') throw new ApiFailure('bad-request', 'Name the role to assume in each member account (e.g. OrganizationAccountAccessRole).');
  if (role.startsWith('arn:')) throw new ApiFailure('bad-request', "Give the role's name (e.g. OrganizationAccountAccessRole), not an ARN: the same role is assumed in every member account.");
  if (!ROLE_NAME.test(role)) throw new ApiFailure('bad-request', `"${role.slice(0, 64)}" is not an IAM role name.`);
  if (externalId !== undefined && (typeof externalId !== 'string' || !EXTERNAL_ID.test(externalId))) {
    throw new ApiFailure('bad-request', 'An external ID is 2 to 1224 characters: letters, digits and +=,.@:/-_');
  }
}
