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
import { classifyError } from '../engine/classify.ts';
import { GLOBAL, type CallError } from '../engine/snapshot.ts';
import { orAbsent } from './absence.ts';
import { collectPages } from './paginate.ts';
import { stopsTheUnit } from './per-resource.ts';
import type { DatasetDef } from './types.ts';

/** AWSOrganizationsNotInUseException is an answer: the account is standalone (NotFound keeps that code). */
export type OrganizationState = { inOrganization: false; NotFound?: string } | { inOrganization: true; Organization: Organization };

/** The service principals whose organization-wide management a check may rely on. */
export const ORG_SERVICE_PRINCIPALS = {
  guardduty: 'guardduty.amazonaws.com',
  securityhub: 'securityhub.amazonaws.com',
  config: 'config.amazonaws.com',
  configMultiAccount: 'config-multiaccountsetup.amazonaws.com',
} as const;

/**
 * Delegated administrators per service principal, or why that principal's list could not be read
 * (scans stored before that was kept hold lists only).
 */
export type DelegatedAdministrators = Record<string, DelegatedAdministrator[] | { error: CallError }>;

export const organizationsDatasets: DatasetDef[] = [
  {
    id: 'organizations:DescribeOrganization',
    service: 'organizations',
    scope: 'global',
    iamActions: ['organizations:DescribeOrganization'],
    collect(ctx): Promise<OrganizationState> {
      return orAbsent(
        ['AWSOrganizationsNotInUseException'],
        async (): Promise<OrganizationState> => {
          const out = await ctx.send<DescribeOrganizationCommandOutput>(ctx.session.client('organizations', ctx.homeRegion), new DescribeOrganizationCommand({}));
          // An answer without an organization is not AWS saying "standalone": unread, not guessed.
          if (!out.Organization) throw Object.assign(new Error('Organization was absent from the response'), { name: 'MissingField' });
          return { inOrganization: true, Organization: out.Organization };
        },
        (code) => ({ inOrganization: false, NotFound: code }),
      );
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
      const errors: unknown[] = [];
      for (const ServicePrincipal of principals) {
        try {
          out[ServicePrincipal] = await collectPages<ListDelegatedAdministratorsCommandOutput, DelegatedAdministrator>(
            (NextToken) => ctx.send(client, new ListDelegatedAdministratorsCommand({ ServicePrincipal, NextToken })),
            (page) => page.DelegatedAdministrators,
            (page) => page.NextToken,
          );
        } catch (err) {
          // One principal refused (moto 5.2 knows no securityhub or config principal) leaves the others readable.
          if (stopsTheUnit(err, ctx.signal)) throw err;
          errors.push(err);
          out[ServicePrincipal] = { error: classifyError(err) };
        }
      }
      // Refused for every principal (a member account without the right): the whole read failed.
      if (errors.length === principals.length) throw errors[0];
      return out;
    },
  },
];
