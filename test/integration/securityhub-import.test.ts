/**
 * The Security Hub import through the real SDK against the fake: every page, only the filtered
 * findings, paced within GetFindings' 3 requests per second per region, "not subscribed" regions
 * reported as not enabled; and on the seeded account, set against Leasehold's own checks.
 */
import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import type { AwsSecurityFinding } from '@aws-sdk/client-securityhub';
import { AwsSession } from '../../main/core/aws/session.ts';
import { CHECKS } from '../../main/core/checks/index.ts';
import { datasetsFor } from '../../main/core/collect/index.ts';
import { findingFilters, type StoredFinding } from '../../main/core/collect/securityhub-findings.ts';
import { collectSnapshot } from '../../main/core/engine/collect.ts';
import { evaluateChecks } from '../../main/core/engine/evaluate.ts';
import { Snapshot } from '../../main/core/engine/snapshot.ts';
import { importSecurityHub } from '../../main/core/securityhub/import.ts';
import type { FakeAccount } from '../support/fake-aws/account.ts';
import { ACCOUNT_ID, misconfigured, SG } from '../support/fake-aws/accounts/misconfigured.ts';
import { controlFinding, SECURITY_HUB_EXPECTED } from '../support/fake-aws/accounts/planted/securityhub-import.ts';
import { seeded } from '../support/fake-aws/accounts/seeded.ts';
import { getFindingsLog } from '../support/fake-aws/ext/securityhub-import.ts';
import { startFakeAws, writeAwsProfile } from '../support/fake-aws/index.ts';
import { tempDir } from '../support/temp.ts';

const REGIONS = ['us-east-1', 'eu-west-1', 'af-south-1'];

async function collect(t: TestContext, account: FakeAccount, datasets: string[]) {
  // AWS's own GetFindings limit on the fake: a request beyond it would be refused and counted.
  const fake = await startFakeAws(account, { throttle: [{ service: 'securityhub', action: 'GetFindings', ratePerSecond: 3, burst: 6 }] });
  t.after(() => fake.close());
  const files = writeAwsProfile(tempDir(t), { profile: 'p', endpoint: fake.endpoint, region: 'us-east-1' });
  const session = await AwsSession.open({ profile: 'p', env: { AWS_CONFIG_FILE: files.configFile, AWS_SHARED_CREDENTIALS_FILE: files.credentialsFile } });
  t.after(() => session.close());
  const snapshot = new Snapshot({ accountId: ACCOUNT_ID, partition: 'aws', regions: REGIONS }, []);
  await collectSnapshot({ session, datasets: datasetsFor(datasets), regions: REGIONS, snapshot, signal: new AbortController().signal, onRecords: () => {}, onProgress: () => {} });
  return { fake, snapshot };
}

const many = (region: string, n: number, extra: Partial<AwsSecurityFinding> = {}) =>
  Array.from({ length: n }, (_, i) => controlFinding(region, 'EC2.19', 'FAILED', { Type: 'AwsEc2SecurityGroup', Id: `sg-${region}-${i}` }, extra));

const hub = { SubscribedAt: '2024-01-01T00:00:00.000Z', standards: [] };

test('GetFindings: every page through the real SDK, only active unsuppressed findings of this account, paced per region, "not subscribed" is not enabled', async (t) => {
  const account: FakeAccount = {
    ...misconfigured,
    ext: {
      ...misconfigured.ext,
      loggingMonitoring: { securityHub: { 'us-east-1': hub, 'af-south-1': hub } },
      securityHubImport: {
        findings: {
          'us-east-1': [
            ...many('us-east-1', 520),
            ...many('us-east-1', 30, { Workflow: { Status: 'SUPPRESSED' } }),
            ...many('us-east-1', 25, { RecordState: 'ARCHIVED' }),
            ...many('us-east-1', 12, { AwsAccountId: '444455556666' }),
          ],
          'af-south-1': many('af-south-1', 430),
          // Findings exist in eu-west-1's store, but Security Hub is off there: never served.
          'eu-west-1': many('eu-west-1', 3),
        },
      },
    },
  };
  const { fake, snapshot } = await collect(t, account, ['securityhub:GetFindings']);

  const use1 = snapshot.read<StoredFinding[]>('securityhub:GetFindings', 'us-east-1');
  assert.ok(use1.ok);
  assert.equal(use1.data.length, 520, 'six pages of 100, 100, 100, 100, 100, 20 merged');
  assert.equal(new Set(use1.data.map((f) => f.Id)).size, 520);
  assert.ok(use1.data.every((f) => f.RecordState === 'ACTIVE' && f.Workflow?.Status !== 'SUPPRESSED' && f.AwsAccountId === ACCOUNT_ID));
  assert.ok(use1.data.every((f) => f.Resources?.[0] && !('Details' in f.Resources[0])), 'only the kept fields are stored');
  const afs1 = snapshot.read<StoredFinding[]>('securityhub:GetFindings', 'af-south-1');
  assert.ok(afs1.ok && afs1.data.length === 430);
  const euw1 = snapshot.read('securityhub:GetFindings', 'eu-west-1');
  assert.ok(!euw1.ok);
  assert.equal(euw1.error.kind, 'service-not-enabled');
  assert.equal(euw1.error.code, 'InvalidAccessException');
  assert.match(euw1.error.message, /not subscribed to AWS Security Hub/);

  const log = getFindingsLog(account);
  for (const r of log) assert.deepEqual(r.filters, findingFilters(ACCOUNT_ID), 'every page sends the filters');
  assert.equal(fake.throttled.get('securityhub:GetFindings') ?? 0, 0, 'never beyond AWS\'s 3/s (burst 6)');
  for (const region of ['us-east-1', 'af-south-1']) {
    const at = log.filter((r) => r.region === region).map((r) => r.at);
    assert.equal(at.length, region === 'us-east-1' ? 6 : 5);
    // Paced before sending, measured on arrival: the first request also carries the connection's
    // set-up, so the steady rate is measured from the second one on, with a 10% tolerance.
    const steady = at.slice(1);
    for (const start of steady) assert.ok(steady.filter((x) => x >= start && x < start + 900).length <= 3, `${region}: more than 3 requests within 0.9 s`);
    const rate = (steady.length - 1) / (((steady.at(-1) ?? 0) - (steady[0] ?? 0)) / 1000);
    assert.ok(rate <= 3.3, `${region}: ${rate.toFixed(2)} requests/s`);
  }
  // Regions are paced apart: af-south-1's first page did not wait for us-east-1's pages.
  const first = (region: string) => log.find((r) => r.region === region)?.at ?? 0;
  assert.ok(Math.abs(first('af-south-1') - first('us-east-1')) < 300);

  const imported = importSecurityHub(snapshot, []);
  assert.deepEqual(
    imported.perRegion.map((r) => [r.region, r.enabled, r.imported]),
    [['af-south-1', true, 430], ['eu-west-1', false, 0], ['us-east-1', true, 520]],
  );
  assert.equal(imported.perRegion.find((r) => r.region === 'eu-west-1')?.reason, 'Security Hub is not enabled in eu-west-1: nothing imported');
  assert.equal(imported.byArea.network.total, 950, 'EC2.19 (high-risk ports) is a network control');
});

test('seeded account: imported findings set against Leasehold\'s own checks', async (t) => {
  const checks = CHECKS.filter((c) => ['ec2-ebs-default-encryption', 'ec2-sg-admin-ports-open', 's3-bucket-versioning-enabled'].includes(c.meta.id));
  const { snapshot } = await collect(t, seeded, ['securityhub:GetFindings', ...checks.flatMap((c) => c.needs)]);
  const out = importSecurityHub(snapshot, evaluateChecks(checks, snapshot));

  const regions = Object.fromEntries(out.perRegion.map((r) => [r.region, r]));
  for (const [region, n] of Object.entries(SECURITY_HUB_EXPECTED.imported)) assert.equal(regions[region]?.imported, n, region);
  for (const region of SECURITY_HUB_EXPECTED.notEnabled) assert.equal(regions[region]?.enabled, false, region);
  assert.equal(out.duplicates, SECURITY_HUB_EXPECTED.duplicates.length);
  assert.deepEqual(out.alsoReported.map((a) => a.control).sort(), [...SECURITY_HUB_EXPECTED.duplicates].sort());
  assert.ok(out.alsoReported.some((a) => a.checkId === 'ec2-sg-admin-ports-open' && a.resourceId === SG.bastion));
  const { control, resourceId, checkId, leasehold, securityHub } = SECURITY_HUB_EXPECTED.disagreement;
  assert.deepEqual(out.disagreements.map((d) => [d.control, d.resourceId, d.checkId, d.leasehold, d.securityHub]), [[control, resourceId, checkId, leasehold, securityHub]]);
  // Kept: the disputed control and the three detections, each in its area.
  assert.deepEqual(
    out.findings.map((f) => [f.productName, f.area, f.severity]).sort(),
    [['GuardDuty', 'logging-monitoring', 'high'], ['Inspector', 'compute-maintenance', 'critical'], ['Macie', 'data-protection', 'high'], ['Security Hub', 's3', 'info']],
  );
  assert.equal(out.otherAccounts, 0, 'the member account\'s finding was filtered by the API');
});
