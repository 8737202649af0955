/**
 * The views the report and the UI render, computed from a real scan of the seeded account through
 * the handler table: maintenance, exposure, responsibility matrix, Security Hub import; and the
 * engagement's authorized ports changing what counts as an unauthorized open port.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import type { ApiName, ApiRequest, ApiResponse } from '../../shared/api.ts';
import { createCore, type Core } from '../../main/core/core.ts';
import { dispatch } from '../../main/core/dispatch.ts';
import { startFakeAws, writeAwsProfile } from '../support/fake-aws/index.ts';
import { seeded } from '../support/fake-aws/accounts/seeded.ts';
import { REPO_ROOT, tempDir } from '../support/temp.ts';

async function call<K extends ApiName>(core: Core, name: K, req: ApiRequest<K>): Promise<ApiResponse<K>> {
  const r = await dispatch(core.handlers, name, req);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.value as ApiResponse<K>;
}

test('maintenance, exposure, responsibility and Security Hub views of a real scan; engagement ports apply', async (t) => {
  const fake = await startFakeAws(seeded);
  t.after(() => fake.close());
  const dir = tempDir(t);
  const files = writeAwsProfile(dir, { profile: 'audit', endpoint: fake.endpoint, region: 'us-east-1' });
  const core = createCore({ rootDir: REPO_ROOT, dataDir: dir, dbPath: join(dir, 'l.db'), env: { AWS_CONFIG_FILE: files.configFile, AWS_SHARED_CREDENTIALS_FILE: files.credentialsFile } });
  t.after(() => core.close());

  const web = await call(core, 'engagements:save', { client: 'Acme', settings: { authorizedPorts: [80, 443] } });
  const { scanId } = await call(core, 'scan:start', { profile: 'audit', regions: ['us-east-1', 'eu-west-1'], engagementId: web.id });
  await core.idle();
  assert.equal((await call(core, 'scans:get', { scanId })).status, 'complete');

  const maintenance = await call(core, 'scans:maintenance', { scanId });
  assert.ok(maintenance.length > 0 && maintenance.every((r) => typeof r.instanceId === 'string' && r.instanceId.startsWith('i-')));
  const exposure = await call(core, 'scans:exposure', { scanId });
  assert.ok(exposure.rows.some((r) => r.exposed === 'yes'), 'something in the seeded account is exposed');
  const matrix = await call(core, 'scans:responsibility', { scanId });
  assert.ok(matrix.rows.length > 3);
  const hub = await call(core, 'scans:securityhub', { scanId });
  assert.ok(hub.perRegion.length >= 1);
  const refs = await call(core, 'app:reference-data', {});
  assert.ok(refs.every((r) => /^\d{4}-\d\d-\d\d$/.test(r.asOf)));

  const unauthorized = async (id: string) =>
    (await call(core, 'findings:query', { scanId: id, status: ['FAIL'], text: 'ec2-sg-unauthorized-ports-open', limit: 1000 })).rows.map((f) => f.resourceId).sort();
  const before = await unauthorized(scanId);
  assert.ok(before.length > 0);
  // The client authorizes SSH and RDP too: re-evaluated offline, fewer groups remain unauthorized.
  await call(core, 'engagements:save', { id: web.id, client: 'Acme', settings: { authorizedPorts: [22, 80, 443, 3389] } });
  const { scanId: again } = await call(core, 'scan:reevaluate', { scanId });
  const after = await unauthorized(again);
  assert.ok(after.length < before.length, `${after.length} < ${before.length}`);
});
