import { GetAccountSummaryCommand, type GetAccountSummaryCommandOutput } from '@aws-sdk/client-iam';
import type { DatasetDef } from './types.ts';

export const iamDatasets: DatasetDef[] = [
  {
    id: 'iam:GetAccountSummary',
    service: 'iam',
    scope: 'global',
    iamActions: ['iam:GetAccountSummary'],
    async collect(ctx) {
      const out = await ctx.send<GetAccountSummaryCommandOutput>(
        ctx.session.client('iam', ctx.homeRegion),
        new GetAccountSummaryCommand({}),
      );
      return out.SummaryMap ?? {};
    },
  },
];
