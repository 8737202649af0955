/**
 * IAM Access Analyzer: the analyzers of each region, and the ACTIVE findings of each external
 * access analyzer (ACCOUNT or ORGANIZATION type), sent to the analyzer's own region.
 */
import {
  ListAnalyzersCommand,
  ListFindingsCommand,
  type AnalyzerSummary,
  type FindingSummary,
  type ListAnalyzersCommandOutput,
  type ListFindingsCommandOutput,
} from '@aws-sdk/client-accessanalyzer';
import { collectPages } from './paginate.ts';
import { perResource } from './per-resource.ts';
import type { DatasetDef } from './types.ts';

export interface StoredAnalyzer {
  arn: string;
  name: string;
  /** ACCOUNT | ORGANIZATION (external access), *_UNUSED_ACCESS, *_INTERNAL_ACCESS. */
  type: string;
  /** ACTIVE | CREATING | DISABLED | FAILED */
  status: string;
  statusReason: string | null;
  createdAt: string | null;
}

export interface StoredAccessFinding {
  id: string;
  resource: string | null;
  resourceType: string;
  resourceOwnerAccount: string;
  status: string;
  isPublic: boolean | null;
  principal: Record<string, string> | null;
  action: string[] | null;
  condition: Record<string, string>;
  error: string | null;
  createdAt: string | null;
  updatedAt: string | null;
}

/** Analyzers that report access from outside the zone of trust (the ones IAM.28 asks for). */
export const EXTERNAL_ACCESS_TYPES = new Set(['ACCOUNT', 'ORGANIZATION']);

const iso = (d: Date | undefined): string | null => d?.toISOString() ?? null;

export const accessAnalyzerDatasets: DatasetDef[] = [
  {
    id: 'access-analyzer:ListAnalyzers',
    service: 'accessanalyzer',
    scope: 'regional',
    iamActions: ['access-analyzer:ListAnalyzers'],
    async collect(ctx): Promise<StoredAnalyzer[]> {
      const client = ctx.session.client('accessanalyzer', ctx.region);
      const analyzers = await collectPages<ListAnalyzersCommandOutput, AnalyzerSummary>(
        (nextToken) => ctx.send(client, new ListAnalyzersCommand({ nextToken, maxResults: 100 })),
        (page) => page.analyzers,
        (page) => page.nextToken,
      );
      return analyzers.map((a) => ({
        arn: a.arn ?? '',
        name: a.name ?? '',
        type: a.type ?? '',
        status: a.status ?? '',
        statusReason: a.statusReason?.code ?? null,
        createdAt: iso(a.createdAt),
      }));
    },
  },
  {
    id: 'access-analyzer:ListFindings',
    service: 'accessanalyzer',
    scope: 'per-resource',
    iamActions: ['access-analyzer:ListFindings'],
    dependsOn: ['access-analyzer:ListAnalyzers'],
    async collect(ctx) {
      const targets: { region: string; analyzer: StoredAnalyzer }[] = [];
      for (const r of ctx.snapshot.records('access-analyzer:ListAnalyzers')) {
        if (!r.ok) continue;
        for (const a of r.data as StoredAnalyzer[]) {
          if (a.status === 'ACTIVE' && EXTERNAL_ACCESS_TYPES.has(a.type)) targets.push({ region: r.region, analyzer: a });
        }
      }
      return perResource(
        ctx,
        targets,
        (t) => ({ region: t.region, resourceKey: t.analyzer.arn }),
        async (t, region) => {
          const client = ctx.session.client('accessanalyzer', region);
          const findings = await collectPages<ListFindingsCommandOutput, FindingSummary>(
            (nextToken) =>
              ctx.send(client, new ListFindingsCommand({ analyzerArn: t.analyzer.arn, filter: { status: { eq: ['ACTIVE'] } }, nextToken, maxResults: 100 })),
            (page) => page.findings,
            (page) => page.nextToken,
          );
          return findings.map((f): StoredAccessFinding => ({
            id: f.id ?? '',
            resource: f.resource ?? null,
            resourceType: f.resourceType ?? '',
            resourceOwnerAccount: f.resourceOwnerAccount ?? '',
            status: f.status ?? '',
            isPublic: f.isPublic ?? null,
            principal: f.principal ?? null,
            action: f.action ?? null,
            condition: f.condition ?? {},
            error: f.error ?? null,
            createdAt: iso(f.createdAt),
            updatedAt: iso(f.updatedAt),
          }));
        },
      );
    },
  },
];
