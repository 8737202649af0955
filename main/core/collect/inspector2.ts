/**
 * Amazon Inspector: which scan types are on for the account in each region, which EC2 instances it
 * actually scans (coverage), and its active EC2 findings.
 */
import {
  BatchGetAccountStatusCommand,
  ListCoverageCommand,
  ListFindingsCommand,
  type BatchGetAccountStatusCommandOutput,
  type CoveredResource,
  type Finding,
  type ListCoverageCommandOutput,
  type ListFindingsCommandOutput,
} from '@aws-sdk/client-inspector2';
import { collectPages } from './paginate.ts';
import type { DatasetDef } from './types.ts';

/**
 * An Inspector finding as stored: the SDK's own field names, without the long descriptions,
 * remediation text and package lists (an account can have tens of thousands of findings).
 */
export type StoredInspectorFinding = Pick<
  Finding,
  'findingArn' | 'type' | 'severity' | 'status' | 'title' | 'fixAvailable' | 'exploitAvailable' | 'inspectorScore' | 'firstObservedAt' | 'lastObservedAt'
> & {
  resources: { type?: string; id?: string; region?: string }[];
  packageVulnerabilityDetails?: { vulnerabilityId?: string };
};

const EC2 = [{ comparison: 'EQUALS' as const, value: 'AWS_EC2_INSTANCE' }];

export const inspector2Datasets: DatasetDef[] = [
  {
    id: 'inspector2:BatchGetAccountStatus',
    service: 'inspector2',
    scope: 'regional',
    iamActions: ['inspector2:BatchGetAccountStatus'],
    async collect(ctx) {
      // Our own account id, named: it needs no delegated-admin rights, and moto (5.x) fails with a
      // bare HTTP 500 when accountIds is left out, which AWS reads as "the caller's account".
      const command = new BatchGetAccountStatusCommand({ accountIds: [ctx.snapshot.meta.accountId] });
      const out = await ctx.send<BatchGetAccountStatusCommandOutput>(ctx.session.client('inspector2', ctx.region), command);
      return { accounts: out.accounts ?? [], failedAccounts: out.failedAccounts ?? [] };
    },
  },
  {
    id: 'inspector2:ListCoverage',
    service: 'inspector2',
    scope: 'regional',
    iamActions: ['inspector2:ListCoverage'],
    collect(ctx) {
      const client = ctx.session.client('inspector2', ctx.region);
      return collectPages<ListCoverageCommandOutput, CoveredResource>(
        (nextToken) => ctx.send(client, new ListCoverageCommand({ filterCriteria: { resourceType: EC2 }, nextToken, maxResults: 200 })),
        (page) => page.coveredResources,
        (page) => page.nextToken,
      );
    },
  },
  {
    id: 'inspector2:ListFindings',
    service: 'inspector2',
    scope: 'regional',
    iamActions: ['inspector2:ListFindings'],
    async collect(ctx): Promise<StoredInspectorFinding[]> {
      const client = ctx.session.client('inspector2', ctx.region);
      const filterCriteria = { resourceType: EC2, findingStatus: [{ comparison: 'EQUALS' as const, value: 'ACTIVE' }] };
      const findings = await collectPages<ListFindingsCommandOutput, Finding>(
        (nextToken) => ctx.send(client, new ListFindingsCommand({ filterCriteria, nextToken, maxResults: 100 })),
        (page) => page.findings,
        (page) => page.nextToken,
      );
      return findings.map(stored);
    },
  },
];

function stored(f: Finding): StoredInspectorFinding {
  return {
    findingArn: f.findingArn,
    type: f.type,
    severity: f.severity,
    status: f.status,
    title: f.title,
    fixAvailable: f.fixAvailable,
    exploitAvailable: f.exploitAvailable,
    inspectorScore: f.inspectorScore,
    firstObservedAt: f.firstObservedAt,
    lastObservedAt: f.lastObservedAt,
    resources: (f.resources ?? []).map((r) => ({ type: r.type, id: r.id, region: r.region })),
    ...(f.packageVulnerabilityDetails ? { packageVulnerabilityDetails: { vulnerabilityId: f.packageVulnerabilityDetails.vulnerabilityId } } : {}),
  };
}
