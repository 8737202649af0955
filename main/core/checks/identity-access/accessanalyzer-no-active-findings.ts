import { EXTERNAL_ACCESS_TYPES, type StoredAccessFinding, type StoredAnalyzer } from '../../collect/accessanalyzer.ts';
import type { Finding } from '../../../../shared/model/finding.ts';
import { accountResource, evidence, finding, notAssessed } from '../helpers.ts';
import type { Read } from '../../engine/snapshot.ts';
import type { Check } from '../types.ts';

type OkRead = Extract<Read<StoredAccessFinding[]>, { ok: true }>;

const meta = {
  id: 'accessanalyzer-no-active-findings',
  title: 'No active IAM Access Analyzer findings of external access',
  area: 'identity-access',
  service: 'accessanalyzer',
  severity: 'high',
  responsibility:
    'Reviewing what your resources share with the outside world is your job. Fix or archive (as intended) every active external access finding.',
  risk: 'An active finding is a resource that principals outside your zone of trust, sometimes anyone on the internet, can use right now.',
  remediation: {
    console: 'IAM > Access analyzer > Findings (Active): remove the access from the resource policy, or archive the finding if the access is intended.',
    cli: 'aws accessanalyzer list-findings --analyzer-arn <arn> --filter \'{"status":{"eq":["ACTIVE"]}}\'',
  },
  references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-findings.html'],
} as const satisfies Check['meta'];

/** The short id AWS uses for a resource: bucket name, key id, role or queue name (the ARN's last part). */
function shortId(arn: string): string {
  const s3 = /^arn:[\w-]+:s3:::([^/]+)$/.exec(arn);
  return s3?.[1] ?? arn.split(/[/:]/).filter(Boolean).pop() ?? arn;
}

export const accessanalyzerNoActiveFindings: Check = {
  meta,
  needs: ['access-analyzer:ListAnalyzers', 'access-analyzer:ListFindings'],
  evaluate(snap) {
    const out: Finding[] = [];
    for (const region of snap.meta.regions) {
      const list = snap.read<StoredAnalyzer[]>('access-analyzer:ListAnalyzers', region);
      if (!list.ok) {
        out.push(notAssessed(meta, snap, accountResource(snap, region, 'IAM Access Analyzer'), list));
        continue;
      }
      const analyzers = list.data.filter((a) => EXTERNAL_ACCESS_TYPES.has(a.type) && a.status === 'ACTIVE');
      if (analyzers.length === 0) {
        out.push(finding(meta, snap, accountResource(snap, region, 'IAM Access Analyzer'), 'NOT_APPLICABLE', 'No active external access analyzer in this region (see accessanalyzer-analyzer-enabled).', [evidence(list, list.data)]));
        continue;
      }
      // An account and an organization analyzer may both report one resource: one finding per resource.
      const byResource = new Map<string, { analyzer: StoredAnalyzer; read: OkRead; findings: StoredAccessFinding[] }>();
      for (const a of analyzers) {
        const analyzerResource = { id: a.name, arn: a.arn, name: a.name, region };
        const read = snap.read<StoredAccessFinding[]>('access-analyzer:ListFindings', region, a.arn);
        if (!read.ok) {
          out.push(notAssessed(meta, snap, analyzerResource, read));
          continue;
        }
        const active = read.data.filter((f) => f.status === 'ACTIVE');
        if (active.length === 0) out.push(finding(meta, snap, analyzerResource, 'PASS', `Analyzer ${a.name} has no active findings.`, [evidence(read, { analyzer: a.arn, activeFindings: 0 })]));
        for (const f of active) {
          const key = f.resource ?? f.id;
          const entry = byResource.get(key) ?? { analyzer: a, read, findings: [] };
          entry.findings.push(f);
          byResource.set(key, entry);
        }
      }
      for (const [arn, { analyzer, read, findings: fs }] of byResource) {
        const resource = { id: shortId(arn), arn: arn.startsWith('arn:') ? arn : '', name: shortId(arn), region };
        const who = fs.map((f) => (f.isPublic ? 'anyone (public)' : Object.entries(f.principal ?? {}).map(([k, v]) => `${k} ${v}`).join(', ') || 'an external principal'));
        const message = `${fs[0]?.resourceType ?? 'The resource'} is accessible from outside the zone of trust by ${[...new Set(who)].join('; ')} (${fs.length} active finding${fs.length > 1 ? 's' : ''}, analyzer ${analyzer.name}).`;
        out.push(finding(meta, snap, resource, 'FAIL', message, [evidence(read, fs)]));
      }
    }
    return out;
  },
};
