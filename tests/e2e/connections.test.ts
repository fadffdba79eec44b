import type { Browser, Page } from 'playwright-core';
import { SEED_USERS } from '../../playground/src/seed';
import { launchBrowser, loginAs, screenshot } from '../helpers/browser';
import { startSimFixture, type SimFixture } from '../helpers/simulator';
import { startStrapi, type TestStrapi } from '../helpers/strapi';

describe('admin: Settings › Email marketing › Connections', () => {
  let fx: SimFixture;
  let app: TestStrapi;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    fx = await startSimFixture();
    fx.sim.seedMembers(fx.listId, [
      { email_address: 'one@example.com' },
      { email_address: 'two@example.com' },
      { email_address: 'three@example.com' },
    ]);
    fx.sim.createList(fx.accountId, { name: 'Partners' });
    process.env.MAILCHIMP_API_ROOT = `${fx.sim.url}/{dc}/3.0`;
    app = await startStrapi({ listen: true });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1366, height: 1000 } });
    await loginAs(page, app.baseUrl!, SEED_USERS.admin.email, SEED_USERS.admin.password);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await fx?.sim.stop();
    delete process.env.MAILCHIMP_API_ROOT;
  });

  it('connects with a key, shows the account and audiences with counts, picks a default audience, disconnects', async () => {
    await page.goto(`${app.baseUrl}/admin/settings/email-marketing/connections`);
    await page.getByText('No platform connected yet').waitFor();

    await page.getByRole('button', { name: 'Add connection' }).first().click();
    const keyInput = page.locator('input[name="apiKey"]');
    await keyInput.fill('0123456789abcdef-us7');
    // Inline validation says which part is wrong before anything is sent.
    await page.getByText('this one has 16').waitFor();
    await keyInput.fill(fx.apiKey);
    await page.getByText('this one has 16').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Verify and connect' }).click();

    const card = page
      .locator('[data-testid^="connection-card-"]')
      .filter({ hasText: 'Fixture Co' });
    await card.waitFor();
    await expect(card.getByTestId('connection-status').textContent()).resolves.toBe('Connected');
    await expect(card.textContent()).resolves.toMatch(/data center us7/);
    await expect(card.textContent()).resolves.not.toContain(fx.apiKey.slice(0, 28));

    // The audience list with subscriber counts.
    await card.getByRole('combobox').click();
    await page.getByRole('option', { name: 'Fixture audience — 3 subscribers' }).waitFor();
    await page.getByRole('option', { name: 'Partners — 0 subscribers' }).click();
    await card.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved').first().waitFor();
    await screenshot(page, 'connections-connected');
    const [row] = await app.strapi.db.query('plugin::email-marketing.connection').findMany({});
    const partners = [...fx.sim.account(fx.accountId).lists.values()].find(
      (l) => l.name === 'Partners'
    )!;
    expect(row.defaultAudienceId).toBe(partners.id);

    // Disconnect, after confirming.
    await card.getByRole('button', { name: 'Disconnect' }).click();
    await page.getByRole('button', { name: 'Yes, disconnect' }).click();
    await card.getByTestId('connection-status').filter({ hasText: 'Disconnected' }).waitFor();
    await page.getByText('Add the same account again to restore it').waitFor();
    await screenshot(page, 'connections-disconnected');
    const after = await app.strapi.db
      .query('plugin::email-marketing.connection')
      .findOne({ where: { id: row.id } });
    expect(after).toMatchObject({ status: 'disconnected', credentials: null });
  });
});
