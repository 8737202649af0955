/**
 * Answers moto 5.2.1 gives where real AWS answers differently, replayed through the real SDK against
 * the fake: the data-protection collectors and checks must reach the verdict AWS's own answer would
 * give. Each fixture copies what moto sent for the conformance seed (/work/conf/data-protection).
 */
import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import { dynamodbTableEncryptionKey } from '../../main/core/checks/data-protection/dynamodb-table-encryption-key.ts';
import { kmsKeyRotationEnabled } from '../../main/core/checks/data-protection/kms-key-rotation-enabled.ts';
import type { Check } from '../../main/core/checks/types.ts';
import { dataProtectionDatasets } from '../../main/core/collect/areas/data-protection.ts';
import { DEFAULT_EVAL_CONTEXT } from '../../main/core/engine/evaluate.ts';
import { misconfigured } from '../support/fake-aws/accounts/misconfigured.ts';
import type { DataProtectionFixture, FakeKmsKey } from '../support/fake-aws/ext/data-protection.ts';
import type { FakeAccount } from '../support/fake-aws/index.ts';
import { collectFromFake, type FakeCollection } from '../support/fake-scan.ts';

const R = 'us-east-1';
const ID = misconfigured.accountId;

/** moto's DescribeKey for CreateKey without KeySpec/KeyUsage: KeySpec is sent, KeyUsage is not. */
function motoKey(id: string, over: Partial<FakeKmsKey['metadata']> = {}, rotation = false): FakeKmsKey {
  return {
    metadata: { KeyId: id, Arn: `arn:aws:kms:${R}:${ID}:key/${id}`, KeyManager: 'CUSTOMER', KeySpec: 'SYMMETRIC_DEFAULT', CustomerMasterKeySpec: 'SYMMETRIC_DEFAULT', Origin: 'AWS_KMS', KeyState: 'Enabled', Enabled: true, ...over },
    rotation,
  };
}

function scan(t: TestContext, dataProtection: DataProtectionFixture): Promise<FakeCollection> {
  const account: FakeAccount = { ...misconfigured, ext: { ...misconfigured.ext, dataProtection } };
  return collectFromFake(t, account, dataProtectionDatasets.map((d) => d.id), { regions: [R] });
}

const verdicts = (out: ReturnType<Check['evaluate']>) => out.map((f) => `${f.resourceId}:${f.status}`);

test('moto omits KeyUsage for a SYMMETRIC_DEFAULT key: rotation is still asked for and judged', async (t) => {
  const { fake, snapshot } = await scan(t, {
    kmsKeys: { [R]: [motoKey('plain'), motoKey('rotating', {}, true), motoKey('signing', { KeySpec: 'RSA_2048', CustomerMasterKeySpec: 'RSA_2048', KeyUsage: 'SIGN_VERIFY' })] },
  });
  assert.equal(fake.calls.get('kms:GetKeyRotationStatus'), 2, 'both symmetric keys, not the signing key');
  const out = kmsKeyRotationEnabled.evaluate(snapshot, DEFAULT_EVAL_CONTEXT);
  assert.deepEqual(verdicts(out), ['plain:FAIL', 'rotating:PASS', 'signing:NOT_APPLICABLE']);
  assert.doesNotMatch(out.map((f) => f.message).join('\n'), /usage is unknown/);
});

test('moto echoes the key id a DynamoDB table was created with: a bare id is a key of the same account', async (t) => {
  const { snapshot } = await scan(t, {
    kmsKeys: { [R]: [motoKey('table-key')] },
    tables: { [R]: [{ TableName: 'payments', TableArn: `arn:aws:dynamodb:${R}:${ID}:table/payments`, TableStatus: 'ACTIVE', SSEDescription: { Status: 'ENABLED', SSEType: 'KMS', KMSMasterKeyArn: 'table-key' } }] },
  });
  const [f] = dynamodbTableEncryptionKey.evaluate(snapshot, DEFAULT_EVAL_CONTEXT);
  assert.equal(f?.status, 'PASS');
  assert.equal(f?.message, `Table payments is encrypted with a customer managed key (arn:aws:kms:${R}:${ID}:key/table-key).`);
});

test('moto marks the key behind alias/aws/dynamodb CUSTOMER: a key with an alias/aws/ name is AWS managed, and not judged', async (t) => {
  const awsKey: FakeKmsKey = { ...motoKey('dynamodb-default'), aliases: ['alias/aws/dynamodb'] };
  const mine: FakeKmsKey = { ...motoKey('mine'), aliases: ['alias/aws-backups-of-mine'] };
  const { fake, snapshot } = await scan(t, { kmsKeys: { [R]: [awsKey, mine] } });
  assert.equal(fake.calls.get('kms:ListAliases'), 1);
  const out = kmsKeyRotationEnabled.evaluate(snapshot, DEFAULT_EVAL_CONTEXT);
  assert.deepEqual(verdicts(out), ['mine:FAIL'], 'only the customer managed key; "alias/aws-..." is not the reserved prefix');
});
