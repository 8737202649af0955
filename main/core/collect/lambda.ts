import { ListFunctionsCommand, type FunctionConfiguration, type ListFunctionsCommandOutput } from '@aws-sdk/client-lambda';
import { collectPages } from './paginate.ts';
import type { DatasetDef } from './types.ts';

/** A function as stored: the SDK's FunctionConfiguration without its environment variables, which often hold secrets. */
export type StoredFunction = Omit<FunctionConfiguration, 'Environment'>;

export const lambdaDatasets: DatasetDef[] = [
  {
    id: 'lambda:ListFunctions',
    service: 'lambda',
    scope: 'regional',
    iamActions: ['lambda:ListFunctions'],
    async collect(ctx): Promise<StoredFunction[]> {
      const client = ctx.session.client('lambda', ctx.region);
      const functions = await collectPages<ListFunctionsCommandOutput, FunctionConfiguration>(
        (Marker) => ctx.send(client, new ListFunctionsCommand({ Marker, MaxItems: 50 })),
        (page) => page.Functions,
        (page) => page.NextMarker,
      );
      return functions.map(({ Environment: _secrets, ...rest }) => rest);
    },
  },
];
