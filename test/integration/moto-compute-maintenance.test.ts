/**
 * compute-maintenance against answers moto 5.2 gives where AWS answers otherwise, reproduced by the
 * loopback fake and read through the real SDK: each verdict must be the one AWS's answer would give,
 * or NOT_ASSESSED with the reason, never a guess.
 */
import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import { computeMaintenanceChecks } from '../../main/core/checks/compute-maintenance/index.ts';
import { DEFAULT_EVAL_CONTEXT } from '../../main/core/engine/evaluate.ts';
import type { Snapshot } from '../../main/core/engine/snapshot.ts';
import type { FakeAccount } from '../support/fake-aws/account.ts';
import { seeded } from '../support/fake-aws/accounts/seeded.ts';
import { collectFromFake } from '../support/fake-scan.ts';

const REGIONS = ['us-east-1', 'eu-west-1'];

async function scanInspector(t: TestContext, account: FakeAccount): Promise<Snapshot> {
  return (await collectFromFake(t, account, ['inspector2:BatchGetAccountStatus'], { regions: REGIONS })).snapshot;
}

const verdicts = (snap: Snapshot, id: string) => {
  const check = computeMaintenanceChecks.find((c) => c.meta.id === id);
  assert.ok(check, id);
  return Object.fromEntries(check.evaluate(snap, DEFAULT_EVAL_CONTEXT).map((f) => [f.region, { status: f.status, message: f.message }]));
};

test('moto 5.2 Inspector: BatchGetAccountStatus names our account (moto answers HTML 500 without accountIds), and its empty answer where Inspector was never activated is DISABLED, not "not offered"', async (t) => {
  const base = seeded.ext?.computeMaintenance ?? {};
  // As the moto seed: Inspector turned on for EC2 only in us-east-1, never in eu-west-1.
  const account: FakeAccount = {
    ...seeded,
    ext: { ...seeded.ext, computeMaintenance: { ...base, inspectorAnswers: 'moto-5', inspector: { 'us-east-1': { ec2: 'ENABLED', ecr: 'DISABLED', lambda: 'DISABLED', lambdaCode: 'DISABLED' } } } },
  };
  const snap = await scanInspector(t, account);
  const read = snap.read('inspector2:BatchGetAccountStatus', 'us-east-1');
  assert.ok(read.ok, read.ok ? '' : `${read.error.code}: ${read.error.message}`);

  assert.equal(verdicts(snap, 'inspector-ec2-scanning-enabled')['us-east-1']?.status, 'PASS');
  assert.equal(verdicts(snap, 'inspector-ecr-scanning-enabled')['us-east-1']?.status, 'FAIL');
  assert.equal(verdicts(snap, 'inspector-lambda-scanning-enabled')['us-east-1']?.status, 'FAIL');
  assert.equal(verdicts(snap, 'inspector-lambda-code-scanning-enabled')['us-east-1']?.status, 'FAIL');

  // eu-west-1: moto's accounts: [] stands for AWS's answer there: the account, every scan type DISABLED.
  for (const id of ['inspector-ec2-scanning-enabled', 'inspector-lambda-code-scanning-enabled']) {
    const eu = verdicts(snap, id)['eu-west-1'];
    assert.equal(eu?.status, 'FAIL', `${id}: ${eu?.message}`);
    assert.match(eu?.message ?? '', /never activated Inspector there/);
  }
});
