/**
 * Systems Manager: which instances it manages (and their agent and OS), their patch state and
 * their association compliance. Each stores the SDK's own item array, pages merged.
 */
import {
  DescribeInstanceInformationCommand,
  DescribeInstancePatchStatesCommand,
  ListResourceComplianceSummariesCommand,
  type DescribeInstanceInformationCommandOutput,
  type DescribeInstancePatchStatesCommandOutput,
  type InstanceInformation,
  type InstancePatchState,
  type ListResourceComplianceSummariesCommandOutput,
  type ResourceComplianceSummaryItem,
} from '@aws-sdk/client-ssm';
import { collectPages } from './paginate.ts';
import type { DatasetDef } from './types.ts';

/** DescribeInstancePatchStates takes at most 50 instance ids per call. */
const PATCH_BATCH = 50;

export const ssmDatasets: DatasetDef[] = [
  {
    id: 'ssm:DescribeInstanceInformation',
    service: 'ssm',
    scope: 'regional',
    iamActions: ['ssm:DescribeInstanceInformation'],
    collect(ctx) {
      const client = ctx.session.client('ssm', ctx.region);
      return collectPages<DescribeInstanceInformationCommandOutput, InstanceInformation>(
        (NextToken) => ctx.send(client, new DescribeInstanceInformationCommand({ NextToken, MaxResults: 50 })),
        (page) => page.InstanceInformationList,
        (page) => page.NextToken,
      );
    },
  },
  {
    id: 'ssm:DescribeInstancePatchStates',
    service: 'ssm',
    scope: 'regional',
    iamActions: ['ssm:DescribeInstancePatchStates'],
    dependsOn: ['ssm:DescribeInstanceInformation'],
    async collect(ctx) {
      // Only managed nodes can have a patch state; when their list failed, checks report that read.
      const managed = ctx.snapshot.read<InstanceInformation[]>('ssm:DescribeInstanceInformation', ctx.region);
      if (!managed.ok) return [];
      const ids = [...new Set(managed.data.map((i) => i.InstanceId).filter((id): id is string => Boolean(id)))];
      const client = ctx.session.client('ssm', ctx.region);
      const states: InstancePatchState[] = [];
      for (let i = 0; i < ids.length; i += PATCH_BATCH) {
        const InstanceIds = ids.slice(i, i + PATCH_BATCH);
        states.push(
          ...(await collectPages<DescribeInstancePatchStatesCommandOutput, InstancePatchState>(
            (NextToken) => ctx.send(client, new DescribeInstancePatchStatesCommand({ InstanceIds, NextToken, MaxResults: 50 })),
            (page) => page.InstancePatchStates,
            (page) => page.NextToken,
          )),
        );
      }
      return states;
    },
  },
  {
    id: 'ssm:ListResourceComplianceSummaries',
    service: 'ssm',
    scope: 'regional',
    iamActions: ['ssm:ListResourceComplianceSummaries'],
    collect(ctx) {
      const client = ctx.session.client('ssm', ctx.region);
      const Filters = [{ Key: 'ComplianceType', Values: ['Association'], Type: 'EQUAL' as const }];
      return collectPages<ListResourceComplianceSummariesCommandOutput, ResourceComplianceSummaryItem>(
        (NextToken) => ctx.send(client, new ListResourceComplianceSummariesCommand({ Filters, NextToken, MaxResults: 50 })),
        (page) => page.ResourceComplianceSummaryItems,
        (page) => page.NextToken,
      );
    },
  },
];
