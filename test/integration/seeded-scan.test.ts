/**
 * The catalogue against the seeded, deliberately misconfigured account: for each area, a real
 * scan through the SDK finds every planted problem and flags none of the planted correct
 * configurations (the fixture says which is which). Run one area with --test-name-pattern=<area>.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { AREAS } from '../../shared/model/area.ts';
import { CHECKS } from '../../main/core/checks/index.ts';
import { startScan } from '../../main/core/scan/run-scan.ts';
import { listFindings } from '../../main/core/store/findings.ts';
import { openDatabase } from '../../main/core/store/open.ts';
import { startFakeAws, writeAwsProfile } from '../support/fake-aws/index.ts';
import { seeded, SEEDED_PLANTED } from '../support/fake-aws/accounts/seeded.ts';
import { MIGRATIONS_DIR, tempDir } from '../support/temp.ts';

const areaOf = new Map(CHECKS.map((c) => [c.meta.id, c.meta.area]));

for (const area of AREAS) {
  test(`seeded account, ${area}: every planted item is reported as planted`, async (t) => {
    const planted = SEEDED_PLANTED.filter((p) => p.checkId && areaOf.get(p.checkId) === area);
    const unknown = SEEDED_PLANTED.filter((p) => p.checkId && !areaOf.has(p.checkId));
    assert.deepEqual(unknown.map((p) => p.checkId), [], 'every planted item names an existing check');
    const fake = await startFakeAws(seeded);
    t.after(() => fake.close());
    const dir = tempDir(t);
    const files = writeAwsProfile(dir, { profile: 'audit', endpoint: fake.endpoint, region: 'us-east-1' });
    const db = openDatabase(join(dir, 'l.db'), MIGRATIONS_DIR);
    t.after(() => db.close());
    const env = { AWS_CONFIG_FILE: files.configFile, AWS_SHARED_CREDENTIALS_FILE: files.credentialsFile };
    const scan = await startScan({ db, env, emit: () => {}, toolVersion: 'test' }, { profile: 'audit', areas: [area] });
    assert.equal(await scan.done, 'complete');
    const findings = listFindings(db, scan.scanId);
    const problems: string[] = [];
    for (const item of planted) {
      const region = item.region ?? 'global';
      const match = findings.filter((f) => f.checkId === item.checkId && f.resourceId === item.resource && f.region === region);
      if (match.length !== 1) problems.push(`${item.checkId} ${item.resource} ${region}: ${match.length} findings (${item.note})`);
      else if (match[0]?.status !== item.expect) problems.push(`${item.checkId} ${item.resource} ${region}: ${match[0]?.status}, expected ${item.expect} (${item.note}): ${match[0]?.message}`);
    }
    assert.deepEqual(problems, []);
    const unexpected = findings.filter((f) => f.status === 'NOT_ASSESSED');
    assert.deepEqual(unexpected.map((f) => `${f.checkId} ${f.region}: ${f.message}`), [], 'a clean scan of the seeded account assesses everything');
    t.diagnostic(`${area}: ${planted.length} planted items, ${findings.length} findings`);
  });
}
