import type { Browser, Page } from 'playwright-core';
import { SEED_USERS } from '../../playground/src/seed';
import { launchBrowser, loginAs, screenshot } from '../helpers/browser';
import { waitFor } from '../helpers/jobs';
import { klaviyoPlatform } from '../helpers/platform-klaviyo';
import { mailchimpPlatform } from '../helpers/platform-mailchimp';
import { applyEnv, type PlatformFixture } from '../helpers/platforms';
import { startStrapi, type TestStrapi } from '../helpers/strapi';

const CONNECTION = 'plugin::email-marketing.connection';

describe('admin: connect Klaviyo beside Mailchimp; default platform; per-campaign choice', () => {
  let mc: PlatformFixture;
  let kv: PlatformFixture;
  let clearEnv: () => void;
  let app: TestStrapi;
  let browser: Browser;
  let page: Page;

  const rows = async () =>
    (await app.strapi.db.query(CONNECTION).findMany({ orderBy: { id: 'asc' } })) as Array<{
      id: number;
      provider: string;
      isDefault: boolean;
    }>;
  const card = (account: string) =>
    page.locator('[data-testid^="connection-card-"]').filter({ hasText: account });

  beforeAll(async () => {
    mc = await mailchimpPlatform.start();
    kv = await klaviyoPlatform.start();
    kv.seed(kv.primary.audienceId, [
      { email: 'one@example.com', status: 'subscribed' },
      { email: 'two@example.com', status: 'subscribed' },
      { email: 'three@example.com', status: 'subscribed' },
    ]);
    kv.createAudience({ name: 'VIP' });
    clearEnv = applyEnv(mc, kv);
    app = await startStrapi({ listen: true });
    // Mailchimp is already connected (through the API): it is the default.
    const token = await app.login('admin');
    await app.http
      .post('/email-marketing/connections')
      .set('Authorization', `Bearer ${token}`)
      .send(mc.primary.connectBody)
      .expect(200);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1366, height: 1000 } });
    await loginAs(page, app.baseUrl!, SEED_USERS.admin.email, SEED_USERS.admin.password);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await mc?.stop();
    await kv?.stop();
    clearEnv?.();
  });

  it('connects Klaviyo by key through the modal and shows its lists with counts', async () => {
    await page.goto(`${app.baseUrl}/admin/settings/email-marketing/connections`);
    await card(mc.primary.accountName).waitFor();
    await page.getByRole('button', { name: 'Add connection' }).first().click();

    // The platforms are the ones the server reports.
    await page.getByRole('combobox', { name: 'Platform' }).click();
    await expect(page.getByRole('option').allTextContents()).resolves.toEqual(
      expect.arrayContaining(['Mailchimp', 'Klaviyo'])
    );
    await page.getByRole('option', { name: 'Klaviyo', exact: true }).click();
    const keyInput = page.locator('input[name="apiKey"]');
    await expect(keyInput.getAttribute('placeholder')).resolves.toMatch(/^pk_/);
    // A Mailchimp key is refused by Klaviyo's own format rule before anything is sent.
    await keyInput.fill(mc.primary.connectBody.apiKey);
    await page.getByText('A Klaviyo private API key starts with "pk_"').waitFor();
    const verify = page.getByRole('button', { name: 'Verify and connect' });
    expect(await verify.isDisabled()).toBe(true);
    await keyInput.fill(kv.primary.connectBody.apiKey);
    await waitFor(async () => !(await verify.isDisabled()), { what: 'the key to be accepted' });
    await screenshot(page, 'klaviyo-connect-modal');
    await verify.click();

    const klaviyo = card(kv.primary.accountName);
    await klaviyo.waitFor();
    await expect(klaviyo.getByTestId('connection-status').textContent()).resolves.toBe('Connected');
    await expect(klaviyo.textContent()).resolves.toContain('Klaviyo');
    await expect(klaviyo.textContent()).resolves.not.toContain(
      kv.primary.connectBody.apiKey.slice(0, 20)
    );
    await klaviyo.getByRole('combobox').click();
    await page
      .getByRole('option', { name: `${kv.primary.audienceName} — 3 subscribers` })
      .waitFor();
    await page.getByRole('option', { name: 'VIP — 0 subscribers' }).waitFor();
    await page.keyboard.press('Escape');
    await screenshot(page, 'klaviyo-connected');
    const stored = (await rows()).find((r) => r.provider === 'klaviyo');
    expect(stored).toMatchObject({ isDefault: false });
  });

  it('makes Klaviyo the default platform, then Mailchimp again', async () => {
    const klaviyo = card(kv.primary.accountName);
    const mailchimp = card(mc.primary.accountName);
    await klaviyo.getByRole('button', { name: 'Make default' }).click();
    await klaviyo.getByText('Default', { exact: true }).waitFor();
    await mailchimp.getByRole('button', { name: 'Make default' }).waitFor();
    expect((await rows()).map((r) => [r.provider, r.isDefault])).toEqual(
      expect.arrayContaining([
        ['klaviyo', true],
        ['mailchimp', false],
      ])
    );
    await mailchimp.getByRole('button', { name: 'Make default' }).click();
    await mailchimp.getByText('Default', { exact: true }).waitFor();
    await klaviyo.getByRole('button', { name: 'Make default' }).waitFor();
    expect((await rows()).map((r) => [r.provider, r.isDefault])).toEqual(
      expect.arrayContaining([
        ['klaviyo', false],
        ['mailchimp', true],
      ])
    );
  });

  it('the campaign editor lists both connections and reloads the audiences per connection', async () => {
    await page.goto(`${app.baseUrl}/admin/plugins/email-marketing/campaigns/new`);
    const audience = page.getByRole('combobox', { name: 'Audience' });
    // The default (Mailchimp) audience first.
    await audience.filter({ hasText: mc.primary.audienceName }).waitFor();
    await page.getByRole('combobox', { name: 'Connection' }).click();
    await page
      .getByRole('option', { name: `${mc.primary.accountName} · Mailchimp`, exact: true })
      .waitFor();
    await page
      .getByRole('option', { name: `${kv.primary.accountName} · Klaviyo`, exact: true })
      .click();
    // Klaviyo's default list replaces the Mailchimp audience, and its lists are offered.
    await audience.filter({ hasText: kv.primary.audienceName }).waitFor();
    await audience.click();
    await page.getByRole('option', { name: 'VIP', exact: true }).click();
    await audience.filter({ hasText: 'VIP' }).waitFor();
    await screenshot(page, 'klaviyo-campaign-connection');
  });
});
