/**
 * The least-privilege IAM policy for a scan, generated from what the enabled checks declare they
 * collect. IAM action names differ from API names in places (s3:ListBuckets needs
 * s3:ListAllMyBuckets), so each dataset declares its IAM actions explicitly.
 */
import type { Area } from '../../../shared/model/area.ts';
import type { IamPolicy } from '../../../shared/model/coverage.ts';
import { CHECKS } from '../checks/index.ts';
import { scanDatasets } from '../scan/plan.ts';
import { checksForAreas } from '../engine/evaluate.ts';

/** Calls the engine makes for every scan, whatever the checks. sts:GetCallerIdentity needs no permission. */
const ALWAYS = ['ec2:DescribeRegions'];

export function requiredActions(areas: readonly Area[]): string[] {
  const datasets = scanDatasets(checksForAreas(CHECKS, areas));
  return [...new Set([...ALWAYS, ...datasets.flatMap((d) => d.iamActions)])].sort();
}

export function leastPrivilegePolicy(areas: readonly Area[]): IamPolicy {
  return {
    Version: '2012-10-17',
    Statement: [{ Sid: 'LeaseholdReadOnlyAudit', Effect: 'Allow', Action: requiredActions(areas), Resource: '*' }],
  };
}
