/** A small AWS Organization for the loopback fake: the seeded management account and one member, A. */
import type { Account } from '@aws-sdk/client-organizations';
import type { FakeAccount } from './fake-aws/index.ts';
import { securityGroup, tcp } from './fake-aws/accounts/builders.ts';
import { ORG_ID } from './fake-aws/accounts/planted/logging-monitoring.ts';
import { seeded } from './fake-aws/accounts/seeded.ts';

export const MGMT = seeded.accountId;
export const MEMBER_A = '222233334444';
export const ORG_ROLE = 'OrganizationAccountAccessRole';
export const ORG_EXTERNAL_ID = 'acme-audit-7';
export const MEMBER_ROLE_ARN = `arn:aws:iam::${MEMBER_A}:role/${ORG_ROLE}`;
/** A's security group with SSH open to the world. */
export const MEMBER_SG = 'sg-0aa1bb2cc3dd4ee01';

function listed(id: string, name: string): Account {
  return { Id: id, Arn: `arn:aws:organizations::${MGMT}:account/${ORG_ID}/${id}`, Email: `aws+${id}@acme.example`, Name: name, Status: 'ACTIVE', State: 'ACTIVE' };
}

/** A fresh object per call: the fake keeps issued keys and the sign-in log per account object. */
export function organizationWithMember(): FakeAccount {
  const member: FakeAccount = {
    accountId: MEMBER_A,
    callerArn: `arn:aws:iam::${MEMBER_A}:user/nobody`,
    callerUserId: 'AIDAMEMBER0000000001',
    regions: [{ name: 'us-east-1', optInStatus: 'opt-in-not-required' }],
    iam: { accountSummary: { AccountMFAEnabled: 0, AccountAccessKeysPresent: 0 }, passwordPolicy: null },
    regional: {
      'us-east-1': {
        ebsEncryptionByDefault: true,
        securityGroups: [securityGroup('us-east-1', MEMBER_A, 'vpc-0c0ffee000000001', MEMBER_SG, 'ssh', 'SSH', [tcp(22, { cidrs: ['0.0.0.0/0'] })])],
        instances: [],
      },
    },
    trails: [],
    s3: { buckets: [] },
    signIn: { roles: [{ arn: MEMBER_ROLE_ARN, externalId: ORG_EXTERNAL_ID }] },
  };
  return {
    ...seeded,
    ext: { ...seeded.ext, organizationMembers: { accounts: [listed(MGMT, 'acme-management'), listed(MEMBER_A, 'payments-prod')] } },
    members: [member],
  };
}
