/** Amazon EKS over REST JSON: GET /clusters (maxResults, nextToken) and GET /clusters/{name}. */
import { AwsError, type OperationContext, type ServiceModule } from '../protocol.ts';
import type { ComputeMaintenanceFixture } from './compute-maintenance.ts';
import { inRegion, intWithin, page } from './compute-maintenance-params.ts';

const fixture = (ctx: OperationContext): ComputeMaintenanceFixture => ctx.account.ext?.computeMaintenance ?? {};
const invalid = (message: string) => new AwsError('InvalidParameterException', message);

function listClusters(ctx: OperationContext) {
  const limit = intWithin(ctx.params.get('maxResults') ?? undefined, 1, 100, 100, () => invalid('maxResults must be between 1 and 100'));
  const names = inRegion(fixture(ctx).eksClusters, ctx.region).map((c) => c.name ?? '');
  const p = page(names, `eks:ListClusters:${ctx.region}`, limit, ctx.params.get('nextToken'), invalid('The nextToken provided is invalid.'));
  return p.nextToken ? { clusters: p.items, nextToken: p.nextToken } : { clusters: p.items };
}

function describeCluster(ctx: OperationContext) {
  // ctx.path is already decoded.
  const name = ctx.path.replace(/^\/clusters\//, '');
  const cluster = inRegion(fixture(ctx).eksClusters, ctx.region).find((c) => c.name === name);
  if (!cluster) throw new AwsError('ResourceNotFoundException', `No cluster found for name: ${name}.`, 404);
  return { cluster };
}

export const eks: ServiceModule = {
  name: 'eks',
  protocol: 'json',
  route: (method, path) => {
    if (method !== 'GET') return undefined;
    if (/^\/clusters\/?$/.test(path)) return { action: 'ListClusters' };
    if (/^\/clusters\/[^/]+$/.test(path)) return { action: 'DescribeCluster' };
    return undefined;
  },
  regionNotEnabled: () => new AwsError('UnrecognizedClientException', 'The security token included in the request is invalid.', 403),
  operations: {
    ListClusters: { handle: listClusters },
    DescribeCluster: { handle: describeCluster },
  },
};
