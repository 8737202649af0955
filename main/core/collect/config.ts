/**
 * AWS Config recorders and whether they record, per region. No recorder is an empty list, which
 * is AWS's own answer for "Config was never set up here".
 */
import {
  DescribeConfigurationRecordersCommand,
  DescribeConfigurationRecorderStatusCommand,
  type DescribeConfigurationRecordersCommandOutput,
  type DescribeConfigurationRecorderStatusCommandOutput,
} from '@aws-sdk/client-config-service';
import type { DatasetDef } from './types.ts';

export const configDatasets: DatasetDef[] = [
  {
    id: 'config:DescribeConfigurationRecorders',
    service: 'config',
    scope: 'regional',
    iamActions: ['config:DescribeConfigurationRecorders'],
    async collect(ctx) {
      const out = await ctx.send<DescribeConfigurationRecordersCommandOutput>(
        ctx.session.client('config', ctx.region),
        new DescribeConfigurationRecordersCommand({}),
      );
      return out.ConfigurationRecorders ?? [];
    },
  },
  {
    id: 'config:DescribeConfigurationRecorderStatus',
    service: 'config',
    scope: 'regional',
    iamActions: ['config:DescribeConfigurationRecorderStatus'],
    async collect(ctx) {
      const out = await ctx.send<DescribeConfigurationRecorderStatusCommandOutput>(
        ctx.session.client('config', ctx.region),
        new DescribeConfigurationRecorderStatusCommand({}),
      );
      return out.ConfigurationRecordersStatus ?? [];
    },
  },
];
