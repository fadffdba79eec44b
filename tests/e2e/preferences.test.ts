import fs from 'fs';
import type { Browser, Page } from 'playwright-core';
import { SEED_USERS, seedContacts } from '../../playground/src/seed';
import { launchBrowser, loginAs, screenshot } from '../helpers/browser';
import { FAST_JOBS_CONFIG, failedJobs, waitFor, waitForIdle } from '../helpers/jobs';
import { startSimFixture, type SimFixture } from '../helpers/simulator';
import { startStrapi, type TestStrapi } from '../helpers/strapi';

const CONTACT = 'api::contact.contact';

describe('admin: Email marketing › Preferences and Audit log', () => {
  let fx: SimFixture;
  let app: TestStrapi;
  let browser: Browser;
  let page: Page;
  const [alice] = seedContacts().filter((c) => c.marketingConsent);
  const address = alice.email.toLowerCase();

  beforeAll(async () => {
    fx = await startSimFixture();
    process.env.MAILCHIMP_API_ROOT = `${fx.sim.url}/{dc}/3.0`;
    app = await startStrapi({ listen: true, pluginConfig: FAST_JOBS_CONFIG });
    // Connection and mapping through the API: their pages have their own tests.
    const token = await app.login('admin');
    const api = (path: string, body: object = {}) =>
      app.http.post(path).set('Authorization', `Bearer ${token}`).send(body).expect(200);
    await api('/email-marketing/connections', { apiKey: fx.apiKey });
    const profile = await api('/email-marketing/sync/profiles', {
      name: 'Contacts',
      sourceUid: CONTACT,
      emailField: 'email',
      consentField: 'marketingConsent',
      consentRule: { kind: 'boolean' },
      mergeFields: [{ attribute: 'firstName', tag: 'FNAME' }],
    });
    await api(`/email-marketing/sync/profiles/${profile.body.data.id}/sync`);
    await waitForIdle(app.strapi);
    expect(fx.sim.member(fx.listId, alice.email)?.status).toBe('subscribed');
    browser = await launchBrowser();
    page = await browser.newPage({
      viewport: { width: 1366, height: 1000 },
      acceptDownloads: true,
    });
    await loginAs(page, app.baseUrl!, SEED_USERS.admin.email, SEED_USERS.admin.password);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await fx?.sim.stop();
    delete process.env.MAILCHIMP_API_ROOT;
  });

  it('searches a contact, withdraws consent, sees the history, erases with the typed address, sees the tombstone', async () => {
    await page.goto(`${app.baseUrl}/admin/plugins/email-marketing`);
    await page.getByRole('link', { name: 'Preferences' }).click();
    await page.getByLabel('Search by email').fill(alice.email.split('@')[0]);
    const row = page.getByTestId('preference-row').filter({ hasText: address });
    await row.waitFor();
    await row.getByRole('button', { name: 'Open' }).click();
    const detail = page.getByTestId('preference-detail');
    await detail.getByTestId('platform-row').first().waitFor();
    await expect(detail.getByTestId('preference-status').textContent()).resolves.toBe('Subscribed');
    await expect(detail.getByTestId('platform-row').first().textContent()).resolves.toMatch(
      /Subscribed/
    );
    await screenshot(page, 'preferences-detail');

    // Withdraw, with a reason.
    await detail.getByRole('button', { name: 'Withdraw consent' }).click();
    const withdrawDialog = page.getByRole('dialog');
    await withdrawDialog.getByLabel('Reason').fill('asked by phone');
    await withdrawDialog.getByRole('button', { name: 'Withdraw consent' }).click();
    await withdrawDialog.waitFor({ state: 'detached' });
    await detail.getByTestId('preference-status').filter({ hasText: 'Unsubscribed' }).waitFor();
    const withdrawn = detail.getByTestId('history-event').filter({ hasText: 'consent.withdrawn' });
    await withdrawn.waitFor();
    await expect(withdrawn.textContent()).resolves.toMatch(/Admin.*reason: asked by phone/);
    await waitForIdle(app.strapi);
    expect(await failedJobs(app.strapi)).toEqual([]);
    expect(fx.sim.member(fx.listId, alice.email)?.status).toBe('unsubscribed');
    await detail.getByTestId('platform-row').first().filter({ hasText: 'Unsubscribed' }).waitFor();
    await screenshot(page, 'preferences-withdrawn');

    // Erase: the button stays disabled until the address is typed exactly.
    await detail.getByRole('button', { name: 'Erase' }).click();
    const eraseDialog = page.getByRole('dialog');
    const eraseButton = eraseDialog.getByRole('button', { name: 'Erase permanently' });
    await eraseDialog.getByLabel('Type the address to confirm').fill('someone@else.example');
    await expect(eraseButton.isDisabled()).resolves.toBe(true);
    await eraseDialog.getByLabel('Type the address to confirm').fill(alice.email.toUpperCase());
    await expect(eraseButton.isDisabled()).resolves.toBe(false);
    await eraseButton.click();
    const report = eraseDialog.getByTestId('erasure-report');
    await report.waitFor();
    await expect(report.textContent()).resolves.toMatch(new RegExp(`${fx.listId}: deleted`));
    await screenshot(page, 'preferences-erased-report');
    await eraseDialog.getByRole('button', { name: 'Close', exact: true }).click();
    await eraseDialog.waitFor({ state: 'detached' });
    expect(fx.sim.member(fx.listId, alice.email)).toBeUndefined();

    // The tombstone: no address, status Erased, found by the full address.
    await detail.getByText('Erased person (address not kept)').waitFor();
    await expect(detail.getByTestId('preference-status').textContent()).resolves.toBe('Erased');
    await expect(detail.getByRole('button', { name: 'Record consent' }).count()).resolves.toBe(0);
    await page.getByLabel('Search by email').fill(address);
    await page
      .getByTestId('preference-row')
      .filter({ hasText: 'Erased person (address not kept)' })
      .waitFor();
    await expect(page.getByTestId('preference-row').count()).resolves.toBe(1);
    await screenshot(page, 'preferences-tombstone');
  });

  it('audit log: filters by action and downloads the filtered CSV', async () => {
    await page.goto(`${app.baseUrl}/admin/plugins/email-marketing`);
    await page.getByRole('link', { name: 'Audit log' }).click();
    await page.getByTestId('audit-row').first().waitFor();
    await page.getByLabel('Action').fill('consent.withdrawn');
    await page.getByTestId('audit-total').filter({ hasText: /of 1$/ }).waitFor();
    await expect(page.getByTestId('audit-row').count()).resolves.toBe(1);
    await expect(page.getByTestId('audit-row').first().textContent()).resolves.toMatch(
      /consent\.withdrawn/
    );
    await screenshot(page, 'audit-filtered');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('email-marketing-audit.csv');
    const file = await waitFor(() => download.path());
    const lines = fs.readFileSync(file, 'utf8').trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'at,actorType,actorId,actorName,action,subjectType,subjectId,email,before,after'
    );
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/,admin,.*,consent\.withdrawn,preference,/);
  });
});
