import type { InstanceInformation, InstancePatchState } from '@aws-sdk/client-ssm';
import { DAY_MS, indexBy, isoOf, timeOf } from '../../maintenance/data.ts';
import { evidence, finding, missingField, notAssessed } from '../helpers.ts';
import type { Check } from '../types.ts';
import { perLiveInstance } from './support/instance-check.ts';

/** Patch Manager's own quick-setup scans daily; a month without a scan means the schedule is broken. */
export const PATCH_SCAN_MAX_AGE_DAYS = 30;

const meta = {
  id: 'ssm-instance-patch-scan-recent',
  title: 'Patch compliance of managed instances is less than 30 days old',
  area: 'compute-maintenance',
  service: 'ssm',
  severity: 'medium',
  responsibility:
    'Scanning your instances for missing patches on a schedule is your job; a patch report is only as good as its last scan.',
  risk: 'Compliance data from an old scan hides every patch released since; an instance can look compliant while missing months of fixes.',
  remediation: {
    console: 'Systems Manager console > Patch Manager > Patch policies (or a maintenance window): scan at least daily with AWS-RunPatchBaseline Operation=Scan.',
    cli: 'aws ssm send-command --document-name AWS-RunPatchBaseline --targets Key=InstanceIds,Values=<id> --parameters Operation=Scan',
  },
  references: ['https://docs.aws.amazon.com/systems-manager/latest/userguide/patch-manager-policies.html'],
} as const satisfies Check['meta'];

export const ssmInstancePatchScanRecent: Check = {
  meta,
  needs: ['ec2:DescribeInstances', 'ssm:DescribeInstanceInformation', 'ssm:DescribeInstancePatchStates'],
  evaluate(snap) {
    return perLiveInstance(meta, snap, ({ region, resource }) => {
      const ssm = snap.read<InstanceInformation[]>('ssm:DescribeInstanceInformation', region);
      if (!ssm.ok) return notAssessed(meta, snap, resource, ssm);
      if (!ssm.data.some((i) => i.InstanceId === resource.id)) {
        return finding(meta, snap, resource, 'NOT_APPLICABLE', `${resource.id} is not managed by Systems Manager (see ssm-instance-managed).`);
      }
      const patches = snap.read<InstancePatchState[]>('ssm:DescribeInstancePatchStates', region);
      if (!patches.ok) return notAssessed(meta, snap, resource, patches);
      const state = indexBy(patches.data, (p) => p.InstanceId).get(resource.id);
      if (!state) return finding(meta, snap, resource, 'NOT_APPLICABLE', `${resource.id} has never been scanned (see ssm-instance-patch-compliant).`);
      const end = timeOf(state.OperationEndTime);
      if (end === null) return missingField(meta, snap, resource, patches, 'OperationEndTime');
      const days = Math.floor(((timeOf(patches.at) ?? end) - end) / DAY_MS);
      const proof = [evidence(patches, { InstanceId: state.InstanceId, Operation: state.Operation, OperationEndTime: isoOf(state.OperationEndTime) })];
      if (days > PATCH_SCAN_MAX_AGE_DAYS) {
        return finding(meta, snap, resource, 'FAIL', `The last patch ${state.Operation ?? 'operation'} on ${resource.id} ended ${days} days before this scan.`, proof);
      }
      return finding(meta, snap, resource, 'PASS', `The last patch ${state.Operation ?? 'operation'} on ${resource.id} ended ${days} day(s) before this scan.`, proof);
    });
  },
};
