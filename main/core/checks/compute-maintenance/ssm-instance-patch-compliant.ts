import type { InstanceInformation, InstancePatchState } from '@aws-sdk/client-ssm';
import { indexBy, isoOf } from '../../maintenance/data.ts';
import { evidence, finding, missingField, notAssessed } from '../helpers.ts';
import type { Check } from '../types.ts';
import { perLiveInstance } from './support/instance-check.ts';

const meta = {
  id: 'ssm-instance-patch-compliant',
  title: 'Managed instances have no missing, failed or pending patches',
  area: 'compute-maintenance',
  service: 'ssm',
  severity: 'high',
  responsibility:
    'Installing operating system patches on your instances is your job. Systems Manager Patch Manager scans each instance against your patch baseline and reports what is missing, what failed and what waits for a reboot.',
  risk: 'Missing or failed security patches leave known, often publicly exploited vulnerabilities on the instance; a patch installed but pending reboot does not protect it yet.',
  remediation: {
    console:
      'Systems Manager console > Patch Manager > Configure patching: scan and install on a schedule (a patch policy or a maintenance window running AWS-RunPatchBaseline with Operation=Install), reboot when needed, and look at failed patches in Compliance reporting.',
    cli: 'aws ssm send-command --document-name AWS-RunPatchBaseline --targets Key=InstanceIds,Values=<id> --parameters Operation=Install,RebootOption=RebootIfNeeded',
  },
  references: [
    'https://docs.aws.amazon.com/systems-manager/latest/userguide/patch-manager.html',
    'https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_InstancePatchState.html',
  ],
} as const satisfies Check['meta'];

const COUNTS = ['MissingCount', 'FailedCount', 'CriticalNonCompliantCount', 'SecurityNonCompliantCount', 'InstalledPendingRebootCount'] as const;
const WORDS: Record<(typeof COUNTS)[number], string> = {
  MissingCount: 'missing',
  FailedCount: 'failed',
  CriticalNonCompliantCount: 'critical non-compliant',
  SecurityNonCompliantCount: 'security non-compliant',
  InstalledPendingRebootCount: 'installed but waiting for a reboot',
};

export const ssmInstancePatchCompliant: Check = {
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
      if (!state) {
        const proof = [evidence(patches, { InstanceId: resource.id, patchState: null })];
        return finding(meta, snap, resource, 'FAIL', `Patch Manager has no patch state for ${resource.id}: it has never been scanned or patched, so its patch level is unknown to you.`, proof);
      }
      const excerpt = {
        InstanceId: state.InstanceId,
        BaselineId: state.BaselineId,
        Operation: state.Operation,
        OperationEndTime: isoOf(state.OperationEndTime),
        ...Object.fromEntries(COUNTS.map((k) => [k, state[k] ?? null])),
        InstalledRejectedCount: state.InstalledRejectedCount ?? null,
      };
      const proof = [evidence(patches, excerpt)];
      if (state.MissingCount === undefined && state.FailedCount === undefined) return missingField(meta, snap, resource, patches, 'MissingCount');
      const problems = COUNTS.filter((k) => (state[k] ?? 0) > 0).map((k) => `${state[k]} ${WORDS[k]}`);
      const last = `last ${state.Operation ?? 'operation'} ${isoOf(state.OperationEndTime) ?? 'at an unknown time'}`;
      if (problems.length > 0) return finding(meta, snap, resource, 'FAIL', `${resource.id} has patches ${problems.join(', ')} (${last}).`, proof);
      return finding(meta, snap, resource, 'PASS', `${resource.id} has no missing, failed or pending patches against baseline ${state.BaselineId ?? '(unknown)'} (${last}).`, proof);
    });
  },
};
