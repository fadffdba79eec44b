import type { Browser, Page } from 'playwright-core';
import { SEED_COUNTS, SEED_USERS } from '../../playground/src/seed';
import { launchBrowser, loginAs, screenshot } from '../helpers/browser';
import { startStrapi, type TestStrapi } from '../helpers/strapi';

describe('admin: the Email marketing dashboard', () => {
  let app: TestStrapi;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    app = await startStrapi({ listen: true });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('shows the menu entry, the real contact count and "No platform connected"', async () => {
    const { email, password } = SEED_USERS.admin;
    await loginAs(page, app.baseUrl!, email, password);

    const menuLink = page.getByRole('link', { name: 'Email marketing' });
    await menuLink.waitFor({ timeout: 60000 });
    await menuLink.click();
    await page.waitForURL('**/admin/plugins/email-marketing');

    const contactRow = page.getByTestId('content-type-api::contact.contact');
    await contactRow.waitFor({ timeout: 60000 });
    await expect(contactRow.getByTestId('entry-count').textContent()).resolves.toBe(
      String(SEED_COUNTS.contacts)
    );
    await expect(page.getByTestId('connection-status').textContent()).resolves.toBe(
      'No platform connected'
    );
    await expect(
      page.getByText('Strapi 5.54.0', { exact: false }).count()
    ).resolves.toBeGreaterThan(0);
    // The plugin's side navigation lists its pages.
    const nav = page.getByRole('navigation', { name: 'Email marketing pages' });
    await nav.getByRole('link', { name: 'Activity' }).waitFor();
    for (const name of ['Dashboard', 'Field mapping', 'Activity'])
      await expect(nav.getByRole('link', { name }).count()).resolves.toBe(1);
    await screenshot(page, 'dashboard');

    await page.getByRole('link', { name: 'Open settings' }).click();
    await page.waitForURL('**/admin/settings/email-marketing/connections');
    await page.getByRole('heading', { name: 'Connections' }).waitFor();
    await screenshot(page, 'settings-connections');
  });

  it('hides the plugin from an editor without its permission', async () => {
    const context = await browser.newContext();
    const editorPage = await context.newPage();
    const { email, password } = SEED_USERS.editor;
    await loginAs(editorPage, app.baseUrl!, email, password);
    await editorPage
      .getByRole('link', { name: 'Content Manager' })
      .first()
      .waitFor({ timeout: 60000 });
    await expect(editorPage.getByRole('link', { name: 'Email marketing' }).count()).resolves.toBe(
      0
    );
    await context.close();
  });
});
