/**
 * GuardDuty per region: its detector (none means GuardDuty was never enabled there), whether the
 * detector is ENABLED, and the open high and critical findings (severity 7 and above, not archived).
 */
import {
  GetDetectorCommand,
  GetFindingsCommand,
  ListDetectorsCommand,
  ListFindingsCommand,
  type GetDetectorCommandOutput,
  type GetFindingsCommandOutput,
  type ListDetectorsCommandOutput,
  type ListFindingsCommandOutput,
} from '@aws-sdk/client-guardduty';
import { collectPages } from './paginate.ts';
import { perResource } from './per-resource.ts';
import type { CollectContext, DatasetDef } from './types.ts';

/** GetDetector as stored (the SDK's output without its metadata and data-source details). */
export interface DetectorState {
  Status: string | null;
  CreatedAt: string | null;
  UpdatedAt: string | null;
  FindingPublishingFrequency: string | null;
  Features: { Name?: string; Status?: string }[];
}

/** Open high-severity finding ids; `truncated` when there were more than we list. */
export interface OpenHighFindings {
  FindingIds: string[];
  truncated: boolean;
}

/** What a report needs of each finding (GetFindings for the first page of ids). */
export interface FindingSummary {
  Id: string;
  Type: string | null;
  Title: string | null;
  Severity: number | null;
  ResourceType: string | null;
  UpdatedAt: string | null;
  Count: number | null;
}

export const HIGH_SEVERITY = 7;
const MAX_IDS = 500;
const DETAILS = 50;

/** Every (region, detector id) listed in the scan. */
function detectors(ctx: CollectContext): { region: string; id: string }[] {
  return ctx.snapshot
    .records('guardduty:ListDetectors')
    .flatMap((r) => (r.ok ? (r.data as string[]).map((id) => ({ region: r.region, id })) : []));
}

export const guarddutyDatasets: DatasetDef[] = [
  {
    id: 'guardduty:ListDetectors',
    service: 'guardduty',
    scope: 'regional',
    iamActions: ['guardduty:ListDetectors'],
    collect(ctx) {
      const client = ctx.session.client('guardduty', ctx.region);
      return collectPages<ListDetectorsCommandOutput, string>(
        (NextToken) => ctx.send(client, new ListDetectorsCommand({ NextToken, MaxResults: 50 })),
        (page) => page.DetectorIds,
        (page) => page.NextToken,
      );
    },
  },
  {
    id: 'guardduty:GetDetector',
    service: 'guardduty',
    scope: 'per-resource',
    iamActions: ['guardduty:GetDetector'],
    dependsOn: ['guardduty:ListDetectors'],
    collect(ctx) {
      return perResource(ctx, detectors(ctx), (d) => ({ region: d.region, resourceKey: d.id }), async (d, region): Promise<DetectorState> => {
        const out = await ctx.send<GetDetectorCommandOutput>(ctx.session.client('guardduty', region), new GetDetectorCommand({ DetectorId: d.id }));
        return {
          Status: out.Status ?? null,
          CreatedAt: out.CreatedAt ?? null,
          UpdatedAt: out.UpdatedAt ?? null,
          FindingPublishingFrequency: out.FindingPublishingFrequency ?? null,
          Features: (out.Features ?? []).map((f) => ({ Name: f.Name, Status: f.Status })),
        };
      });
    },
  },
  {
    id: 'guardduty:ListFindings',
    service: 'guardduty',
    scope: 'per-resource',
    iamActions: ['guardduty:ListFindings'],
    dependsOn: ['guardduty:ListDetectors'],
    collect(ctx) {
      return perResource(ctx, detectors(ctx), (d) => ({ region: d.region, resourceKey: d.id }), async (d, region): Promise<OpenHighFindings> => {
        const client = ctx.session.client('guardduty', region);
        const FindingCriteria = { Criterion: { severity: { GreaterThanOrEqual: HIGH_SEVERITY }, 'service.archived': { Equals: ['false'] } } };
        const ids: string[] = [];
        let NextToken: string | undefined;
        // Bounded: the count matters, not the ten-thousandth id.
        do {
          const page = await ctx.send<ListFindingsCommandOutput>(client, new ListFindingsCommand({ DetectorId: d.id, FindingCriteria, MaxResults: 50, NextToken }));
          ids.push(...(page.FindingIds ?? []));
          NextToken = page.NextToken || undefined;
        } while (NextToken && ids.length < MAX_IDS);
        return { FindingIds: ids, truncated: NextToken !== undefined };
      });
    },
  },
  {
    id: 'guardduty:GetFindings',
    service: 'guardduty',
    scope: 'per-resource',
    iamActions: ['guardduty:GetFindings'],
    dependsOn: ['guardduty:ListFindings'],
    collect(ctx) {
      const withFindings = ctx.snapshot
        .records('guardduty:ListFindings')
        .flatMap((r) => (r.ok && (r.data as OpenHighFindings).FindingIds.length > 0 ? [{ region: r.region, id: r.resourceKey, ids: (r.data as OpenHighFindings).FindingIds }] : []));
      return perResource(ctx, withFindings, (d) => ({ region: d.region, resourceKey: d.id }), async (d, region): Promise<FindingSummary[]> => {
        const out = await ctx.send<GetFindingsCommandOutput>(
          ctx.session.client('guardduty', region),
          new GetFindingsCommand({ DetectorId: d.id, FindingIds: d.ids.slice(0, DETAILS) }),
        );
        return (out.Findings ?? []).map((f) => ({
          Id: f.Id ?? '',
          Type: f.Type ?? null,
          Title: f.Title ?? null,
          Severity: f.Severity ?? null,
          ResourceType: f.Resource?.ResourceType ?? null,
          UpdatedAt: f.UpdatedAt ?? null,
          Count: f.Service?.Count ?? null,
        }));
      });
    },
  },
];
