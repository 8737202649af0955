/** EFS over restJson1 (signing name elasticfilesystem): DescribeFileSystems. */
import { paginate } from '../params.ts';
import { AwsError, type OperationContext, type ServiceModule } from '../protocol.ts';

function describeFileSystems(ctx: OperationContext) {
  const all = ctx.account.ext?.dataProtection?.fileSystems?.[ctx.region] ?? [];
  const id = ctx.params.get('FileSystemId');
  const max = ctx.params.get('MaxItems');
  const limit = max === null ? 100 : Number(max);
  if (!Number.isInteger(limit) || limit < 1) throw new AwsError('BadRequest', 'MaxItems must be a positive integer');
  if (id !== null) {
    const found = all.filter((f) => f.FileSystemId === id);
    if (found.length === 0) throw new AwsError('FileSystemNotFound', `File system '${id}' does not exist.`, 404);
    return { FileSystems: found };
  }
  const marker = ctx.params.get('Marker');
  const page = paginate(all, {
    scope: `efs:DescribeFileSystems:${ctx.region}`,
    limit,
    token: marker,
    tokenError: new AwsError('BadRequest', 'Invalid pagination marker'),
  });
  return { FileSystems: page.items, ...(marker ? { Marker: marker } : {}), ...(page.nextToken ? { NextMarker: page.nextToken } : {}) };
}

export const efs: ServiceModule = {
  name: 'elasticfilesystem',
  protocol: 'json',
  route: (method, path) => (method === 'GET' && path === '/2015-02-01/file-systems' ? { action: 'DescribeFileSystems' } : undefined),
  regionNotEnabled: () => new AwsError('UnrecognizedClientException', 'The security token included in the request is invalid.', 403),
  operations: {
    DescribeFileSystems: { handle: describeFileSystems },
  },
};
