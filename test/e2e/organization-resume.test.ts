/**
 * An organization member's cancelled scan in the UI: the header says which role it signs in
 * through, and "Resume scan" takes it to completion in the member's account (the core assumes
 * the stored role again from the management profile).
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import type { ScanProgress } from '../../shared/model/scan.ts';
import { closeBrowser, eventually, screenshotPath, startApp, type E2eApp } from '../support/e2e-harness.ts';
import { startFakeAws, writeAwsProfile, type FakeAws } from '../support/fake-aws/index.ts';
import { MEMBER_A, MEMBER_ROLE_ARN, ORG_EXTERNAL_ID, ORG_ROLE, organizationWithMember } from '../support/organization.ts';

describe('resuming an organization member scan', () => {
  let fake: FakeAws | undefined;
  let app: E2eApp | undefined;
  after(async () => {
    await app?.close();
    await fake?.close();
    await closeBrowser();
  });

  it('shows the role the scan signs in through and resumes it to completion from the scan page', async () => {
    const org = organizationWithMember();
    fake = await startFakeAws(org, { latencyMs: 10 });
    const endpoint = fake.endpoint;
    app = await startApp({ prepareAws: (dir) => void writeAwsProfile(dir, { profile: 'mgmt', endpoint, region: 'us-east-1' }) });
    const { core, page } = app;
    await core.handlers['settings:save']({ concurrency: 1 });

    // Cancel the member's scan a few units into collection, as the Cancel button would.
    let progress = 0;
    const finished = new Promise<void>((resolve) => {
      core.events.subscribe((event, payload) => {
        if (event === 'scan:progress' && ++progress === 6) void core.handlers['scan:cancel']({ scanId: (payload as ScanProgress).scanId });
        if (event === 'scan:finished') resolve();
      });
    });
    const { scanIds } = await core.handlers['org:scan']({ profile: 'mgmt', role: ORG_ROLE, externalId: ORG_EXTERNAL_ID, accounts: [MEMBER_A], regions: ['us-east-1'] });
    await finished;
    const [scanId] = scanIds;
    assert.ok(scanId);
    assert.equal((await core.handlers['scans:get']({ scanId })).status, 'cancelled');

    await page.goto(`${app.server.origin}/#/scans/${encodeURIComponent(scanId)}`);
    const view = page.getByTestId('scan-view');
    await eventually(async () => assert.equal(await view.getAttribute('data-scan-status'), 'cancelled'), 30_000);
    const via = page.getByTestId('scan-via-role');
    assert.equal((await via.innerText()).trim(), `· via role ${ORG_ROLE}`);
    assert.equal(await via.getAttribute('title'), MEMBER_ROLE_ARN);
    await page.screenshot({ path: screenshotPath('org-member-cancelled'), fullPage: true });

    await page.getByTestId('resume-scan').click();
    await eventually(async () => assert.equal(await view.getAttribute('data-scan-status'), 'complete'), 60_000);
    await page.getByTestId('dashboard').waitFor();
    const scan = await core.handlers['scans:get']({ scanId });
    assert.deepEqual([scan.status, scan.accountId, scan.viaRoleArn], ['complete', MEMBER_A, MEMBER_ROLE_ARN]);
    assert.deepEqual(app.pageErrors, []);
  });
});
