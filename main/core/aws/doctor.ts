/**
 * `leasehold doctor`: before a scan, confirm who the profile is (GetCallerIdentity) and probe
 * every call the scan needs once, in the profile's home region, listing what would end up not
 * assessed and which IAM action is missing.
 */
import type { Area } from '../../../shared/model/area.ts';
import type { DoctorProbe, DoctorReport } from '../../../shared/model/coverage.ts';
import { CHECKS } from '../checks/index.ts';
import { scanDatasets } from '../scan/plan.ts';
import { collectSnapshot } from '../engine/collect.ts';
import { checksForAreas } from '../engine/evaluate.ts';
import { Snapshot } from '../engine/snapshot.ts';
import { AwsSession } from './session.ts';

export async function runDoctor(
  profile: string,
  env: NodeJS.ProcessEnv,
  areas: readonly Area[],
  mfaCodeProvider?: (serial: string) => Promise<string>,
): Promise<DoctorReport> {
  const session = await AwsSession.open({ profile, env, mfaCodeProvider });
  try {
    const identity = await session.identity();
    const checks = checksForAreas(CHECKS, areas);
    const datasets = scanDatasets(checks);
    const snapshot = new Snapshot({ accountId: identity.accountId, partition: session.partition, regions: [session.homeRegion] }, []);
    await collectSnapshot({
      session,
      datasets,
      regions: [session.homeRegion],
      snapshot,
      signal: new AbortController().signal,
      sample: 1,
      onRecords: () => {},
      onProgress: () => {},
    });
    const probes: DoctorProbe[] = [];
    const failedCalls = new Set<string>();
    for (const d of datasets) {
      const records = snapshot.records(d.id);
      const failure = records.find((r) => !r.ok);
      const region = records[0]?.region ?? session.homeRegion;
      if (failure && !failure.ok) {
        failedCalls.add(d.id);
        probes.push({ call: d.id, region, iamActions: d.iamActions, ok: false, kind: failure.error.kind, code: failure.error.code, message: failure.error.message });
      } else {
        probes.push({ call: d.id, region, iamActions: d.iamActions, ok: true });
      }
    }
    const notAssessable = checks
      .map((c) => ({ checkId: c.meta.id, title: c.meta.title, calls: c.needs.filter((n) => failedCalls.has(n)) }))
      .filter((c) => c.calls.length > 0);
    return {
      profile,
      accountId: identity.accountId,
      callerArn: identity.arn,
      region: session.homeRegion,
      endpoints: Object.fromEntries(session.endpoints),
      probes,
      notAssessable,
      calls: session.calls,
    };
  } finally {
    session.close();
  }
}
