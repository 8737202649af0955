import type { FindingSummary, OpenHighFindings } from '../../collect/guardduty.ts';
import { HIGH_SEVERITY } from '../../collect/guardduty.ts';
import { accountResource, evidence, finding, notAssessed } from '../helpers.ts';
import type { Check } from '../types.ts';

const meta = {
  id: 'guardduty-high-severity-findings',
  title: 'No high-severity GuardDuty findings are left open',
  area: 'logging-monitoring',
  service: 'guardduty',
  severity: 'high',
  responsibility:
    'Acting on what GuardDuty reports is your job. A high or critical finding means likely compromise or active attack and should be investigated, resolved and archived, not left open.',
  risk: 'An open high-severity finding may be an intruder still active in the account: stolen credentials in use, an instance talking to a command-and-control server, or data being taken.',
  remediation: {
    console: 'GuardDuty console > Findings > filter Severity: High and Critical, Current > investigate each finding, remediate the affected resource, then archive it (or add a suppression rule for a documented false positive).',
    cli: 'aws guardduty list-findings --detector-id <id> --finding-criteria \'{"Criterion":{"severity":{"GreaterThanOrEqual":7},"service.archived":{"Equals":["false"]}}}\'\naws guardduty get-findings --detector-id <id> --finding-ids <ids>',
  },
  references: ['https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_findings-severity.html', 'https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_remediate.html'],
} as const satisfies Check['meta'];

export const guarddutyHighSeverityFindings: Check = {
  meta,
  needs: ['guardduty:ListDetectors', 'guardduty:ListFindings', 'guardduty:GetFindings'],
  evaluate(snap) {
    const { accountId, partition } = snap.meta;
    return snap.meta.regions.flatMap((region) => {
      const list = snap.read<string[]>('guardduty:ListDetectors', region);
      if (!list.ok) return [notAssessed(meta, snap, accountResource(snap, region, 'GuardDuty findings'), list)];
      if (list.data.length === 0) {
        return [finding(meta, snap, accountResource(snap, region, 'GuardDuty findings'), 'NOT_APPLICABLE', `GuardDuty has no detector in ${region}, so it has no findings (see guardduty-detector-enabled).`)];
      }
      return list.data.map((id) => {
        const resource = { id, arn: `arn:${partition}:guardduty:${region}:${accountId}:detector/${id}`, name: `GuardDuty detector (${region})`, region };
        const open = snap.read<OpenHighFindings>('guardduty:ListFindings', region, id);
        if (!open.ok) return notAssessed(meta, snap, resource, open);
        const n = open.data.FindingIds.length;
        if (n === 0) return finding(meta, snap, resource, 'PASS', `No open GuardDuty findings of severity ${HIGH_SEVERITY} or above in ${region}.`, [evidence(open, open.data)]);
        const details = snap.read<FindingSummary[]>('guardduty:GetFindings', region, id);
        const count = `${open.data.truncated ? 'at least ' : ''}${n}`;
        const top = details.ok ? [...details.data].sort((a, b) => (b.Severity ?? 0) - (a.Severity ?? 0)).slice(0, 3).map((f) => `${f.Type ?? f.Id} (${f.Severity ?? '?'})`) : [];
        const message = `${count} open GuardDuty finding(s) of severity ${HIGH_SEVERITY} or above in ${region}${top.length > 0 ? `, e.g. ${top.join(', ')}` : ''}.`;
        const proof = [evidence(open, { FindingIds: open.data.FindingIds.slice(0, 20), truncated: open.data.truncated })];
        if (details.ok) proof.push(evidence(details, details.data.slice(0, 10)));
        return finding(meta, snap, resource, 'FAIL', message, proof);
      });
    });
  },
};
