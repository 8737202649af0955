/** AWS Lambda over REST JSON: GET /2015-03-31/functions (MaxItems, Marker). */
import { AwsError, type OperationContext, type ServiceModule } from '../protocol.ts';
import type { ComputeMaintenanceFixture } from './compute-maintenance.ts';
import { inRegion, intWithin, page } from './compute-maintenance-params.ts';

const fixture = (ctx: OperationContext): ComputeMaintenanceFixture => ctx.account.ext?.computeMaintenance ?? {};

function listFunctions(ctx: OperationContext) {
  const invalid = (v: unknown) => new AwsError('InvalidParameterValueException', `1 validation error detected: Value '${String(v)}' at 'maxItems' failed to satisfy constraint: Member must have value less than or equal to 10000`);
  if (ctx.params.get('FunctionVersion') !== null && ctx.params.get('FunctionVersion') !== 'ALL') throw invalid(ctx.params.get('FunctionVersion'));
  // Lambda returns at most 50 functions a page, whatever MaxItems asks for.
  const limit = Math.min(50, intWithin(ctx.params.get('MaxItems') ?? undefined, 1, 10000, 50, invalid));
  const all = inRegion(fixture(ctx).functions, ctx.region);
  const p = page(all, `lambda:ListFunctions:${ctx.region}`, limit, ctx.params.get('Marker'), new AwsError('InvalidParameterValueException', 'Invalid Marker'));
  return p.nextToken ? { Functions: p.items, NextMarker: p.nextToken } : { Functions: p.items };
}

export const lambda: ServiceModule = {
  name: 'lambda',
  protocol: 'json',
  route: (method, path) => (method === 'GET' && /^\/2015-03-31\/functions\/?$/.test(path) ? { action: 'ListFunctions' } : undefined),
  regionNotEnabled: () => new AwsError('UnrecognizedClientException', 'The security token included in the request is invalid.', 403),
  operations: { ListFunctions: { handle: listFunctions } },
};
