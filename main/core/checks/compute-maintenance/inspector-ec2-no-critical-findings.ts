import type { CoveredResource } from '@aws-sdk/client-inspector2';
import type { StoredInspectorFinding } from '../../collect/inspector2.ts';
import { countFindings, findingsByInstance, indexBy } from '../../maintenance/data.ts';
import { evidence, finding, notAssessed } from '../helpers.ts';
import type { Check } from '../types.ts';
import { ec2ScanState } from './support/inspector-ec2.ts';
import { perLiveInstance, unassessed } from './support/instance-check.ts';

const meta = {
  id: 'inspector-ec2-no-critical-findings',
  title: 'EC2 instances have no active critical or high Inspector findings',
  area: 'compute-maintenance',
  service: 'inspector2',
  severity: 'high',
  responsibility:
    'Fixing the vulnerabilities Inspector finds in your instances\' operating system and software is your job; AWS reports them but does not patch them.',
  risk: 'Critical and high vulnerabilities, especially those with a public exploit, are the ones attackers use first; most have a fix waiting to be installed.',
  remediation: {
    console: 'Amazon Inspector console > Findings > By instance: install the fixed package versions (Systems Manager Patch Manager for OS packages), redeploy from a patched AMI, or remove the vulnerable software.',
    cli: 'aws inspector2 list-findings --filter-criteria resourceId=[{comparison=EQUALS,value=<id>}],findingStatus=[{comparison=EQUALS,value=ACTIVE}]',
  },
  references: ['https://docs.aws.amazon.com/inspector/latest/user/findings-managing.html', 'https://docs.aws.amazon.com/inspector/latest/user/findings-understanding-severity.html'],
} as const satisfies Check['meta'];

export const inspectorEc2NoCriticalFindings: Check = {
  meta,
  needs: ['ec2:DescribeInstances', 'inspector2:BatchGetAccountStatus', 'inspector2:ListCoverage', 'inspector2:ListFindings'],
  evaluate(snap) {
    return perLiveInstance(meta, snap, ({ region, instance, resource }) => {
      const scan = ec2ScanState(meta, snap, region, resource);
      if ('unassessed' in scan) return scan.unassessed;
      if (scan.status !== 'ENABLED') {
        const proof = [evidence(scan.read, { ec2: scan.status })];
        return unassessed(meta, snap, resource, { kind: 'service-not-enabled', code: `Inspector${scan.status}`, call: scan.read.call, message: `Inspector EC2 scanning is ${scan.status} in ${region}, so the vulnerabilities of ${resource.id} are unknown.` }, proof);
      }
      const findings = snap.read<StoredInspectorFinding[]>('inspector2:ListFindings', region);
      if (!findings.ok) return notAssessed(meta, snap, resource, findings);
      const mine = findingsByInstance(findings.data).get(resource.id) ?? [];
      const c = countFindings(mine);
      const summary = `${c.critical} critical, ${c.high} high, ${c.medium} medium, ${c.low} low; ${c.fixAvailable} with a fix available, ${c.exploitAvailable} with a known exploit`;
      const worst = mine.filter((f) => f.severity === 'CRITICAL' || f.severity === 'HIGH').slice(0, 5);
      const proof = [evidence(findings, { resourceId: resource.id, counts: c, examples: worst.map((f) => ({ severity: f.severity, title: f.title, vulnerabilityId: f.packageVulnerabilityDetails?.vulnerabilityId, fixAvailable: f.fixAvailable, exploitAvailable: f.exploitAvailable })) })];
      if (c.critical + c.high > 0) return finding(meta, snap, resource, 'FAIL', `${resource.id} has active Inspector findings: ${summary}.`, proof);
      // No findings proves nothing unless Inspector actually scans the instance.
      const coverage = snap.read<CoveredResource[]>('inspector2:ListCoverage', region);
      if (!coverage.ok) return notAssessed(meta, snap, resource, coverage);
      const covered = indexBy(coverage.data, (x) => x.resourceId).get(resource.id);
      const state = instance.State?.Name ?? 'unknown';
      if (covered?.scanStatus?.statusCode === 'ACTIVE') return finding(meta, snap, resource, 'PASS', `${resource.id} has no critical or high Inspector findings (${summary}).`, proof);
      if (state !== 'running') return finding(meta, snap, resource, 'NOT_APPLICABLE', `${resource.id} is ${state} and not currently scanned; it has no critical or high findings on record.`);
      const reason = covered?.scanStatus?.reason ?? 'NotInCoverage';
      return unassessed(meta, snap, resource, { kind: 'service-not-enabled', code: reason, call: coverage.call, message: `Inspector does not scan ${resource.id} (${reason}), so an absence of findings means nothing.` });
    });
  },
};
