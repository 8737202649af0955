import { DescribeFileSystemsCommand, type DescribeFileSystemsCommandOutput, type FileSystemDescription } from '@aws-sdk/client-efs';
import { collectPages } from './paginate.ts';
import type { DatasetDef } from './types.ts';

export const efsDatasets: DatasetDef[] = [
  {
    id: 'efs:DescribeFileSystems',
    service: 'efs',
    scope: 'regional',
    // EFS's IAM prefix is its signing name, not the SDK's short name.
    iamActions: ['elasticfilesystem:DescribeFileSystems'],
    collect(ctx) {
      const client = ctx.session.client('efs', ctx.region);
      return collectPages<DescribeFileSystemsCommandOutput, FileSystemDescription>(
        (Marker) => ctx.send(client, new DescribeFileSystemsCommand({ Marker, MaxItems: 100 })),
        (page) => page.FileSystems,
        (page) => page.NextMarker,
      );
    },
  },
];
