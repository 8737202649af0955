/**
 * AWS Security Hub over REST JSON (PascalCase member names). A region where Security Hub was
 * never enabled answers every call with 401 InvalidAccessException "... is not subscribed to AWS
 * Security Hub". Only the status calls live here; GetFindings is routed for the import feature,
 * which adds the operation from its own extension.
 */
import type { StandardsSubscription } from '@aws-sdk/client-securityhub';
import { paginate } from '../params.ts';
import { AwsError, type OperationContext, type ServiceModule } from '../protocol.ts';

export interface FakeHub {
  SubscribedAt: string;
  AutoEnableControls?: boolean;
  ControlFindingGenerator?: 'SECURITY_CONTROL' | 'STANDARD_CONTROL';
  standards: StandardsSubscription[];
}

export function subscribedHub(ctx: OperationContext): FakeHub {
  const hub = ctx.account.ext?.loggingMonitoring?.securityHub?.[ctx.region];
  if (!hub) throw new AwsError('InvalidAccessException', `Account ${ctx.account.accountId} is not subscribed to AWS Security Hub`, 401);
  return hub;
}

function describeHub(ctx: OperationContext) {
  const hub = subscribedHub(ctx);
  return {
    HubArn: `arn:aws:securityhub:${ctx.region}:${ctx.account.accountId}:hub/default`,
    SubscribedAt: hub.SubscribedAt,
    AutoEnableControls: hub.AutoEnableControls ?? true,
    ControlFindingGenerator: hub.ControlFindingGenerator ?? 'SECURITY_CONTROL',
  };
}

function getEnabledStandards(ctx: OperationContext) {
  const hub = subscribedHub(ctx);
  const max = typeof ctx.json.MaxResults === 'number' ? ctx.json.MaxResults : 10;
  if (max < 1 || max > 100) throw new AwsError('InvalidInputException', 'MaxResults must be between 1 and 100.');
  const page = paginate(hub.standards, {
    scope: `securityhub:GetEnabledStandards:${ctx.region}`,
    limit: max,
    token: typeof ctx.json.NextToken === 'string' ? ctx.json.NextToken : null,
    tokenError: new AwsError('InvalidInputException', 'The NextToken is not valid.'),
  });
  return page.nextToken ? { StandardsSubscriptions: page.items, NextToken: page.nextToken } : { StandardsSubscriptions: page.items };
}

export const securityhubService: ServiceModule = {
  name: 'securityhub',
  protocol: 'json',
  regionNotEnabled: () => new AwsError('UnrecognizedClientException', 'The security token included in the request is invalid.', 403),
  route(method, path) {
    const p = path.replace(/\/+$/, '');
    if (method === 'GET' && p === '/accounts') return { action: 'DescribeHub' };
    if (method === 'POST' && p === '/standards/get') return { action: 'GetEnabledStandards' };
    if (method === 'POST' && p === '/findings') return { action: 'GetFindings' };
    return undefined;
  },
  operations: {
    DescribeHub: { handle: describeHub },
    GetEnabledStandards: { handle: getEnabledStandards },
  },
};
