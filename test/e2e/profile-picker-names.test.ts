/**
 * A profile whose name the AWS SDK cannot read from ~/.aws/config is shown in the picker as
 * unusable, with the reason, instead of being offered and then failing on the network.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { closeBrowser, startApp, type E2eApp } from '../support/e2e-harness.ts';

const KEYS = 'aws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n';

describe('the profile picker and names the SDK cannot read', () => {
  let app: E2eApp;

  before(async () => {
    app = await startApp({
      prepareAws: (dir) => {
        // "a b" sorts first: it used to be the one picked for the user.
        const names = ['a b', 'audit', '客户-prod'];
        writeFileSync(join(dir, 'config'), names.map((n) => `[profile ${n}]\nregion = eu-west-1\nendpoint_url = http://127.0.0.1:9\n`).join(''));
        writeFileSync(join(dir, 'credentials'), names.map((n) => `[${n}]\n${KEYS}`).join(''));
      },
    });
  });
  after(async () => {
    await app?.close();
    await closeBrowser();
  });

  it('marks each such profile as unusable with the reason, and preselects a usable one', async () => {
    const { page } = app;
    await page.getByTestId('welcome-new-scan').click();
    await page.getByTestId('profile-picker').waitFor();
    for (const name of ['a b', '客户-prod']) {
      const radio = page.getByTestId(`profile-option-${name}`);
      assert.equal(await radio.isDisabled(), true, name);
      const card = page.locator('label.profile-option').filter({ has: radio });
      const text = await card.innerText();
      assert.match(text, /Cannot be used/);
      assert.match(text, /has a name the AWS SDK cannot read from .*config \(allowed: letters, digits and - _ \. @ \+ % : \/\); rename the section\./);
    }
    assert.equal(await page.getByTestId('profile-option-audit').isChecked(), true);
    assert.equal(await page.getByTestId('profile-option-audit').isDisabled(), false);
    assert.equal(await page.getByTestId('profile-problem').count(), 2);
    assert.deepEqual(app.pageErrors, []);
  });
});
