/**
 * Fake AWS operations and services added for the compute-maintenance checks: Systems Manager,
 * Inspector, Lambda and EKS (own modules beside this file), and EC2 DescribeImages and
 * GetInstanceMetadataDefaults.
 */
import { DescribeImagesResult$, GetInstanceMetadataDefaultsResult$, type Image, type InstanceMetadataDefaultsResponse } from '@aws-sdk/client-ec2';
import type { Cluster } from '@aws-sdk/client-eks';
import type { CoveredResource, Finding } from '@aws-sdk/client-inspector2';
import type { FunctionConfiguration } from '@aws-sdk/client-lambda';
import type { InstanceInformation, InstancePatchState, ResourceComplianceSummaryItem } from '@aws-sdk/client-ssm';
import { checkFilters, ec2Filters, intParam, paginate, queryList } from '../params.ts';
import { AwsError, type OperationContext } from '../protocol.ts';
import { inRegion } from './compute-maintenance-params.ts';
import { eks } from './eks.ts';
import { inspector2 } from './inspector2.ts';
import { lambda } from './lambda.ts';
import { ssm } from './ssm.ts';
import type { FakeAwsExtension } from './types.ts';

export type InspectorScanStatus = 'ENABLED' | 'ENABLING' | 'DISABLED' | 'DISABLING' | 'SUSPENDED' | 'SUSPENDING';
export interface FakeInspectorStatus {
  ec2: InspectorScanStatus;
  ecr: InspectorScanStatus;
  lambda: InspectorScanStatus;
  lambdaCode: InspectorScanStatus;
}

/** This area's part of a FakeAccount (account.ext.computeMaintenance); regional data keyed by region name. */
export interface ComputeMaintenanceFixture {
  ssmInstances?: Record<string, InstanceInformation[]>;
  patchStates?: Record<string, InstancePatchState[]>;
  complianceSummaries?: Record<string, ResourceComplianceSummaryItem[]>;
  /** Inspector scan types per region; a region without an entry has never turned Inspector on. */
  inspector?: Record<string, FakeInspectorStatus>;
  /**
   * 'moto-5': BatchGetAccountStatus answers as moto 5.2 does: a bare HTML 500 when accountIds is left
   * out, and accounts: [] for a region where Inspector was never turned on (AWS lists it as DISABLED).
   */
  inspectorAnswers?: 'aws' | 'moto-5';
  coverage?: Record<string, CoveredResource[]>;
  findings?: Record<string, Finding[]>;
  /** AMIs visible to the account. */
  images?: Record<string, Image[]>;
  /** AMIs deregistered while instances still use them: asked by id, EC2 leaves them out without an error. */
  deregisteredImageIds?: Record<string, string[]>;
  /** GetInstanceMetadataDefaults' AccountLevel; absent: no default set. */
  metadataDefaults?: Record<string, InstanceMetadataDefaultsResponse>;
  functions?: Record<string, FunctionConfiguration[]>;
  eksClusters?: Record<string, Cluster[]>;
}

const fixture = (ctx: OperationContext): ComputeMaintenanceFixture => ctx.account.ext?.computeMaintenance ?? {};
const AMI_ID = /^ami-(?:[0-9a-f]{8}|[0-9a-f]{17})$/;

function describeImages(ctx: OperationContext) {
  const { params, region } = ctx;
  checkFilters(ec2Filters(params), []);
  if (queryList(params, 'Owner').length > 0 || queryList(params, 'ExecutableBy').length > 0) {
    throw new AwsError('InvalidParameterValue', 'fake-aws does not model Owners or ExecutableUsers');
  }
  const ids = queryList(params, 'ImageId');
  if (ids.length > 0 && params.get('MaxResults') !== null) {
    throw new AwsError('InvalidParameterCombination', 'The parameter imagesSet cannot be used with the parameter maxResults');
  }
  const malformed = ids.find((id) => !AMI_ID.test(id));
  if (malformed) throw new AwsError('InvalidAMIID.Malformed', `Invalid id: "${malformed}" (expecting "ami-...")`);
  const all = inRegion(fixture(ctx).images, region);
  const deregistered = fixture(ctx).deregisteredImageIds?.[region] ?? [];
  const unknown = ids.filter((id) => !all.some((i) => i.ImageId === id) && !deregistered.includes(id));
  if (unknown.length > 0) throw new AwsError('InvalidAMIID.NotFound', `The image id '[${unknown.join(', ')}]' does not exist`);
  const includeDeprecated = params.get('IncludeDeprecated') === 'true';
  const includeDisabled = params.get('IncludeDisabled') === 'true';
  // Deprecated AMIs are hidden unless asked for, except from their owner.
  const deprecated = (i: Image) => i.DeprecationTime !== undefined && Date.parse(i.DeprecationTime) <= Date.now() && i.OwnerId !== ctx.account.accountId;
  const visible = all.filter(
    (i) => (ids.length === 0 || ids.includes(i.ImageId ?? '')) && (includeDeprecated || !deprecated(i)) && (includeDisabled || i.State !== 'disabled'),
  );
  if (ids.length > 0) return { Images: visible };
  const p = paginate(visible, {
    scope: `ec2:DescribeImages:${region}`,
    limit: intParam(params.get('MaxResults'), 'maxResults', 5, 1000),
    token: params.get('NextToken'),
    tokenError: new AwsError('InvalidPaginationToken', 'The specified pagination token is not valid or is expired.'),
  });
  return { Images: p.items, NextToken: p.nextToken };
}

export const computeMaintenanceExtension: FakeAwsExtension = {
  services: [ssm, inspector2, lambda, eks],
  operations: {
    ec2: {
      DescribeImages: { output: DescribeImagesResult$, handle: describeImages },
      GetInstanceMetadataDefaults: {
        output: GetInstanceMetadataDefaultsResult$,
        handle: (ctx) => ({ AccountLevel: fixture(ctx).metadataDefaults?.[ctx.region] ?? {} }),
      },
    },
  },
};
