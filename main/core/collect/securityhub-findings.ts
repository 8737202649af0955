/**
 * Security Hub's active findings (ASFF), per region, for the import beside Leasehold's own checks.
 * A region where Security Hub is not enabled answers InvalidAccessException ("Account ... is not
 * subscribed to AWS Security Hub"), which the engine classifies as service-not-enabled: nothing to
 * import there, and the report says so.
 */
import { GetFindingsCommand, type AwsSecurityFinding, type AwsSecurityFindingFilters, type GetFindingsCommandOutput } from '@aws-sdk/client-securityhub';
import type { AwsSession } from '../aws/session.ts';
import { Buckets, TokenBucket } from '../securityhub/pacing.ts';
import { collectPages } from './paginate.ts';
import type { DatasetDef } from './types.ts';

/**
 * The part of an ASFF finding that is kept. Everything the import maps, de-duplicates or shows:
 * - Id, ProductArn, ProductName, CompanyName: identity and the product to credit (GuardDuty, Inspector...).
 * - GeneratorId, Compliance.SecurityControlId: the control ("security-control/EC2.7" or "EC2.7"),
 *   used to map the area and to match Leasehold's own check of the same control.
 * - Compliance.Status: PASSED/FAILED decides agreement with Leasehold; AssociatedStandards: which standard.
 * - Types: the ASFF taxonomy ("Software and Configuration Checks/Vulnerabilities/CVE") maps detections.
 * - Title, Description, Remediation.Recommendation: what the report prints.
 * - Severity.Label (and Normalized, for old partner findings without a label): the severity.
 * - Resources[].Type/Id/Region: the area by resource type and the de-duplication key.
 * - Region, AwsAccountId: with cross-region aggregation a region returns other regions' findings,
 *   and a delegated administrator sees its members' (the import keeps only the scanned account).
 * - Workflow.Status, RecordState, UpdatedAt: the state shown beside each finding.
 * - FindingProviderFields: the provider's own severity and types, kept as the provider sent them.
 * Dropped: Resources[].Details (up to 240 KB a finding), ProductFields, Network, Process, Malware,
 * Vulnerabilities, Action, Note: bulky and never read by the import.
 */
export type StoredFinding = Pick<AwsSecurityFinding, 'Id' | 'ProductArn' | 'ProductName' | 'CompanyName' | 'GeneratorId' | 'AwsAccountId' | 'Region' | 'Types' | 'Title' | 'Description' | 'RecordState' | 'UpdatedAt' | 'FindingProviderFields'> & {
  Severity?: { Label?: string; Normalized?: number };
  Compliance?: { Status?: string; SecurityControlId?: string; AssociatedStandards?: { StandardsId?: string }[] };
  Resources?: { Type?: string; Id?: string; Region?: string }[];
  Remediation?: { Recommendation?: { Text?: string; Url?: string } };
  Workflow?: { Status?: string };
};

export function trimFinding(f: AwsSecurityFinding): StoredFinding {
  return {
    Id: f.Id,
    ProductArn: f.ProductArn,
    ProductName: f.ProductName,
    CompanyName: f.CompanyName,
    GeneratorId: f.GeneratorId,
    AwsAccountId: f.AwsAccountId,
    Region: f.Region,
    Types: f.Types,
    Title: f.Title,
    Description: f.Description,
    Severity: f.Severity && { Label: f.Severity.Label, Normalized: f.Severity.Normalized },
    Compliance: f.Compliance && {
      Status: f.Compliance.Status,
      SecurityControlId: f.Compliance.SecurityControlId,
      AssociatedStandards: f.Compliance.AssociatedStandards?.map((s) => ({ StandardsId: s.StandardsId })),
    },
    Resources: f.Resources?.map((r) => ({ Type: r.Type, Id: r.Id, Region: r.Region })),
    Remediation: f.Remediation?.Recommendation && { Recommendation: { Text: f.Remediation.Recommendation.Text, Url: f.Remediation.Recommendation.Url } },
    Workflow: f.Workflow && { Status: f.Workflow.Status },
    RecordState: f.RecordState,
    UpdatedAt: f.UpdatedAt,
    FindingProviderFields: f.FindingProviderFields,
  };
}

/** Active findings of the scanned account that nobody suppressed. */
export function findingFilters(accountId: string): AwsSecurityFindingFilters {
  const filters: AwsSecurityFindingFilters = {
    RecordState: [{ Value: 'ACTIVE', Comparison: 'EQUALS' }],
    WorkflowStatus: [{ Value: 'SUPPRESSED', Comparison: 'NOT_EQUALS' }],
  };
  // A delegated administrator would otherwise page through every member account's findings.
  if (/^\d{12}$/.test(accountId)) filters.AwsAccountId = [{ Value: accountId, Comparison: 'EQUALS' }];
  return filters;
}

/**
 * GetFindings is limited to 3 requests per second per account and Region (burst 6; Security Hub API
 * reference, "throttling limits"). Pages are paced at 3 per second with no burst of our own, so a
 * scan never spends the account's burst that the customer's own integrations (SIEM pulls) rely on.
 */
export const GET_FINDINGS_RATE = { ratePerSecond: 3, burst: 1 } as const;
const PACE = new Buckets<AwsSession>(() => new TokenBucket(GET_FINDINGS_RATE.ratePerSecond, GET_FINDINGS_RATE.burst));

export const securityHubFindingsDatasets: DatasetDef[] = [
  {
    id: 'securityhub:GetFindings',
    service: 'securityhub',
    scope: 'regional',
    iamActions: ['securityhub:GetFindings'],
    async collect(ctx): Promise<StoredFinding[]> {
      const client = ctx.session.client('securityhub', ctx.region);
      const bucket = PACE.for(ctx.session, ctx.region);
      const Filters = findingFilters(ctx.snapshot.meta.accountId);
      return collectPages<GetFindingsCommandOutput, StoredFinding>(
        async (NextToken) => {
          await bucket.take(ctx.signal);
          return ctx.send(client, new GetFindingsCommand({ Filters, NextToken, MaxResults: 100 }));
        },
        (page) => page.Findings?.map(trimFinding),
        (page) => page.NextToken,
      );
    },
  },
];
