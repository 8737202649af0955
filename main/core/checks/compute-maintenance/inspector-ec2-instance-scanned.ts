import type { CoveredResource } from '@aws-sdk/client-inspector2';
import { indexBy, isoOf } from '../../maintenance/data.ts';
import { evidence, finding, notAssessed } from '../helpers.ts';
import type { Check } from '../types.ts';
import { ec2ScanState } from './support/inspector-ec2.ts';
import { perLiveInstance } from './support/instance-check.ts';

const meta = {
  id: 'inspector-ec2-instance-scanned',
  title: 'Amazon Inspector actively scans each running instance',
  area: 'compute-maintenance',
  service: 'inspector2',
  severity: 'medium',
  responsibility:
    'Turning Inspector on is not enough: you must make sure each instance can actually be scanned (managed by Systems Manager for agent-based scanning, or eligible for agentless scanning, on a supported OS).',
  risk: 'An instance Inspector cannot scan shows no findings, which looks exactly like an instance without vulnerabilities.',
  remediation: {
    console: 'Amazon Inspector console > Account management > Instances (coverage): read the status reason of each inactive instance (for example UNMANAGED_EC2_INSTANCE or UNSUPPORTED_OS) and fix it, or turn on hybrid (agentless) scanning.',
    cli: 'aws inspector2 list-coverage --filter-criteria resourceType=[{comparison=EQUALS,value=AWS_EC2_INSTANCE}]',
  },
  references: ['https://docs.aws.amazon.com/inspector/latest/user/assessing-coverage.html', 'https://docs.aws.amazon.com/inspector/latest/user/scanning-ec2.html'],
} as const satisfies Check['meta'];

export const inspectorEc2InstanceScanned: Check = {
  meta,
  needs: ['ec2:DescribeInstances', 'inspector2:BatchGetAccountStatus', 'inspector2:ListCoverage'],
  evaluate(snap) {
    return perLiveInstance(meta, snap, ({ region, instance, resource }) => {
      const state = instance.State?.Name ?? 'unknown';
      if (state !== 'running') return finding(meta, snap, resource, 'NOT_APPLICABLE', `${resource.id} is ${state}: Inspector scans running instances only.`);
      const scan = ec2ScanState(meta, snap, region, resource);
      if ('unassessed' in scan) return scan.unassessed;
      if (scan.status !== 'ENABLED') {
        return finding(meta, snap, resource, 'NOT_APPLICABLE', `Inspector EC2 scanning is ${scan.status} in ${region} (see inspector-ec2-scanning-enabled).`);
      }
      const coverage = snap.read<CoveredResource[]>('inspector2:ListCoverage', region);
      if (!coverage.ok) return notAssessed(meta, snap, resource, coverage);
      const covered = indexBy(coverage.data, (c) => c.resourceId).get(resource.id);
      if (!covered) {
        const proof = [evidence(coverage, { resourceId: resource.id, coveredResource: null, coveredInRegion: coverage.data.length })];
        return finding(meta, snap, resource, 'FAIL', `Inspector's coverage does not list ${resource.id}: it is not being scanned.`, proof);
      }
      const proof = [evidence(coverage, { resourceId: covered.resourceId, scanType: covered.scanType, scanStatus: covered.scanStatus, lastScannedAt: isoOf(covered.lastScannedAt) })];
      if (covered.scanStatus?.statusCode === 'ACTIVE') {
        return finding(meta, snap, resource, 'PASS', `Inspector scans ${resource.id} (${covered.scanType ?? 'scan type unknown'}, last scan ${isoOf(covered.lastScannedAt) ?? 'not reported'}).`, proof);
      }
      return finding(meta, snap, resource, 'FAIL', `Inspector does not scan ${resource.id}: ${covered.scanStatus?.statusCode ?? 'no status'} (${covered.scanStatus?.reason ?? 'no reason given'}).`, proof);
    });
  },
};
