/**
 * Where the account sits in AWS Organizations, and who administers the organization-wide security
 * services. A member account can describe its organization but usually may not list delegated
 * administrators (only the management account and delegated admins may): that denial stays an
 * error, so checks say NOT_ASSESSED for that part rather than guess.
 */
import {
  DescribeOrganizationCommand,
  ListDelegatedAdministratorsCommand,
  type DelegatedAdministrator,
  type DescribeOrganizationCommandOutput,
  type ListDelegatedAdministratorsCommandOutput,
  type Organization,
} from '@aws-sdk/client-organizations';
import { GLOBAL } from '../engine/snapshot.ts';
import { collectPages } from './paginate.ts';
import type { DatasetDef } from './types.ts';

/** AWSOrganizationsNotInUseException is an answer: the account is standalone. */
export type OrganizationState = { inOrganization: false } | { inOrganization: true; Organization: Organization };

/** The service principals whose organization-wide management a check may rely on. */
export const ORG_SERVICE_PRINCIPALS = {
  guardduty: 'guardduty.amazonaws.com',
  securityhub: 'securityhub.amazonaws.com',
  config: 'config.amazonaws.com',
  configMultiAccount: 'config-multiaccountsetup.amazonaws.com',
} as const;

/** Delegated administrators per service principal. */
export type DelegatedAdministrators = Record<string, DelegatedAdministrator[]>;

const notInUse = (err: unknown) => (err as { name?: string }).name === 'AWSOrganizationsNotInUseException';

export const organizationsDatasets: DatasetDef[] = [
  {
    id: 'organizations:DescribeOrganization',
    service: 'organizations',
    scope: 'global',
    iamActions: ['organizations:DescribeOrganization'],
    async collect(ctx): Promise<OrganizationState> {
      try {
        const out = await ctx.send<DescribeOrganizationCommandOutput>(ctx.session.client('organizations', ctx.homeRegion), new DescribeOrganizationCommand({}));
        return out.Organization ? { inOrganization: true, Organization: out.Organization } : { inOrganization: false };
      } catch (err) {
        if (notInUse(err)) return { inOrganization: false };
        throw err;
      }
    },
  },
  {
    id: 'organizations:ListDelegatedAdministrators',
    service: 'organizations',
    scope: 'global',
    iamActions: ['organizations:ListDelegatedAdministrators'],
    dependsOn: ['organizations:DescribeOrganization'],
    async collect(ctx): Promise<DelegatedAdministrators> {
      const principals = Object.values(ORG_SERVICE_PRINCIPALS);
      const org = ctx.snapshot.read<OrganizationState>('organizations:DescribeOrganization', GLOBAL);
      // A standalone account has no delegated administrators; asking would only be refused.
      if (org.ok && !org.data.inOrganization) return Object.fromEntries(principals.map((p) => [p, []]));
      const client = ctx.session.client('organizations', ctx.homeRegion);
      const out: DelegatedAdministrators = {};
      for (const ServicePrincipal of principals) {
        out[ServicePrincipal] = await collectPages<ListDelegatedAdministratorsCommandOutput, DelegatedAdministrator>(
          (NextToken) => ctx.send(client, new ListDelegatedAdministratorsCommand({ ServicePrincipal, NextToken })),
          (page) => page.DelegatedAdministrators,
          (page) => page.NextToken,
        );
      }
      return out;
    },
  },
];
