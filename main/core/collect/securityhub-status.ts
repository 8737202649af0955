/**
 * Whether Security Hub is on in each region, and which standards it runs. Security Hub answers a
 * region where it was never enabled with InvalidAccessException "... is not subscribed to AWS
 * Security Hub": that is the answer (not enabled), so it is stored as data, not as a failed read.
 */
import {
  DescribeHubCommand,
  GetEnabledStandardsCommand,
  type DescribeHubCommandOutput,
  type GetEnabledStandardsCommandOutput,
  type StandardsSubscription,
} from '@aws-sdk/client-securityhub';
import { wireError } from '../engine/classify.ts';
import { absenceCode } from './absence.ts';
import { collectPages } from './paginate.ts';
import type { DatasetDef } from './types.ts';

/** Security Hub's own "not enabled here" answer, kept as evidence. */
export interface NotSubscribed {
  subscribed: false;
  code: string;
  message: string;
}

export type HubState =
  | { subscribed: true; HubArn: string | null; SubscribedAt: string | null; AutoEnableControls: boolean | null; ControlFindingGenerator: string | null }
  | NotSubscribed;

export type EnabledStandards = { subscribed: true; StandardsSubscriptions: StandardsSubscription[] } | NotSubscribed;

async function unlessNotSubscribed<T>(call: () => Promise<T>): Promise<T | NotSubscribed> {
  try {
    return await call();
  } catch (err) {
    // Only this answer means "off" (AWS: 401 InvalidAccessException "Account ... is not subscribed
    // to AWS Security Hub"); any other InvalidAccessException stays an error. Older moto sends the
    // code in X-Amzn-ErrorType with an XML body the SDK cannot read: the code is all there is then.
    const wire = wireError(err);
    if (absenceCode(err, ['InvalidAccessException']) && wire && (/not subscribed/i.test(wire.message) || wire.unparsed)) {
      return { subscribed: false, code: wire.code, message: wire.message };
    }
    throw err;
  }
}

export const securityhubStatusDatasets: DatasetDef[] = [
  {
    id: 'securityhub:DescribeHub',
    service: 'securityhub',
    scope: 'regional',
    iamActions: ['securityhub:DescribeHub'],
    collect(ctx): Promise<HubState> {
      return unlessNotSubscribed(async () => {
        const out = await ctx.send<DescribeHubCommandOutput>(ctx.session.client('securityhub', ctx.region), new DescribeHubCommand({}));
        return {
          subscribed: true as const,
          HubArn: out.HubArn ?? null,
          SubscribedAt: out.SubscribedAt ?? null,
          AutoEnableControls: out.AutoEnableControls ?? null,
          ControlFindingGenerator: out.ControlFindingGenerator ?? null,
        };
      });
    },
  },
  {
    id: 'securityhub:GetEnabledStandards',
    service: 'securityhub',
    scope: 'regional',
    iamActions: ['securityhub:GetEnabledStandards'],
    dependsOn: ['securityhub:DescribeHub'],
    collect(ctx): Promise<EnabledStandards> {
      // Standards run only inside an enabled hub (https://docs.aws.amazon.com/securityhub/1.0/APIReference/API_EnableSecurityHub.html),
      // so DescribeHub's "not subscribed" answers for them: one call fewer per region where it is off,
      // and no coverage gap there from an emulator without GetEnabledStandards (moto 5.2.1: HTML 404).
      const hub = ctx.snapshot.read<HubState>('securityhub:DescribeHub', ctx.region);
      if (hub.ok && !hub.data.subscribed) return Promise.resolve(hub.data);
      const client = ctx.session.client('securityhub', ctx.region);
      return unlessNotSubscribed(async () => ({
        subscribed: true as const,
        StandardsSubscriptions: await collectPages<GetEnabledStandardsCommandOutput, StandardsSubscription>(
          (NextToken) => ctx.send(client, new GetEnabledStandardsCommand({ NextToken, MaxResults: 100 })),
          (page) => page.StandardsSubscriptions,
          (page) => page.NextToken,
        ),
      }));
    },
  },
];
