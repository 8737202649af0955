import {
  DescribeInstancesCommand,
  DescribeSecurityGroupsCommand,
  GetEbsEncryptionByDefaultCommand,
  type DescribeInstancesCommandOutput,
  type DescribeSecurityGroupsCommandOutput,
  type GetEbsEncryptionByDefaultCommandOutput,
  type Instance,
} from '@aws-sdk/client-ec2';
import { collectPages } from './paginate.ts';
import type { DatasetDef } from './types.ts';

export const ec2Datasets: DatasetDef[] = [
  {
    id: 'ec2:GetEbsEncryptionByDefault',
    service: 'ec2',
    scope: 'regional',
    iamActions: ['ec2:GetEbsEncryptionByDefault'],
    async collect(ctx) {
      const out = await ctx.send<GetEbsEncryptionByDefaultCommandOutput>(
        ctx.session.client('ec2', ctx.region),
        new GetEbsEncryptionByDefaultCommand({}),
      );
      return { EbsEncryptionByDefault: out.EbsEncryptionByDefault, SseType: out.SseType };
    },
  },
  {
    id: 'ec2:DescribeSecurityGroups',
    service: 'ec2',
    scope: 'regional',
    iamActions: ['ec2:DescribeSecurityGroups'],
    async collect(ctx) {
      const client = ctx.session.client('ec2', ctx.region);
      return collectPages(
        (NextToken) =>
          ctx.send<DescribeSecurityGroupsCommandOutput>(client, new DescribeSecurityGroupsCommand({ NextToken, MaxResults: 1000 })),
        (page) => page.SecurityGroups,
        (page) => page.NextToken,
      );
    },
  },
  {
    id: 'ec2:DescribeInstances',
    service: 'ec2',
    scope: 'regional',
    iamActions: ['ec2:DescribeInstances'],
    async collect(ctx) {
      const client = ctx.session.client('ec2', ctx.region);
      return collectPages<DescribeInstancesCommandOutput, Instance>(
        (NextToken) => ctx.send(client, new DescribeInstancesCommand({ NextToken, MaxResults: 1000 })),
        (page) => (page.Reservations ?? []).flatMap((r) => r.Instances ?? []),
        (page) => page.NextToken,
      );
    },
  },
];
