import type { Browser, Page } from 'playwright-core';
import { SEED_USERS, seedContacts } from '../../playground/src/seed';
import { launchBrowser, loginAs, screenshot } from '../helpers/browser';
import { startSimFixture, type SimFixture } from '../helpers/simulator';
import { startStrapi, type TestStrapi } from '../helpers/strapi';

const CONTACT = 'api::contact.contact';

describe('admin: Email marketing › Field mapping, and the content-manager Sync panel', () => {
  let fx: SimFixture;
  let app: TestStrapi;
  let browser: Browser;
  let page: Page;

  /** Opens a design-system select by its label and picks an option by its visible name. */
  const choose = async (label: string | RegExp, option: string | RegExp) => {
    await page.getByRole('combobox', { name: label }).click();
    await page.getByRole('option', { name: option, exact: typeof option === 'string' }).click();
  };

  /** The text a field's input points at with aria-describedby: its error and hint. */
  const describedText = async (label: string) => {
    const ids =
      (await page.getByRole('combobox', { name: label }).getAttribute('aria-describedby')) ?? '';
    const texts = await Promise.all(
      ids
        .split(/\s+/)
        .filter(Boolean)
        .map((id) => page.locator(`[id="${id}"]`).textContent())
    );
    return texts.join(' ');
  };

  beforeAll(async () => {
    fx = await startSimFixture();
    process.env.MAILCHIMP_API_ROOT = `${fx.sim.url}/{dc}/3.0`;
    app = await startStrapi({ listen: true });
    // The account is connected through the API: the connections page has its own test.
    const token = await app.login('admin');
    await app.http
      .post('/email-marketing/connections')
      .set('Authorization', `Bearer ${token}`)
      .send({ provider: 'mailchimp', apiKey: fx.apiKey })
      .expect(200);
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

  it('maps contacts to the audience, previews, saves, syncs with progress; the entry shows its status', async () => {
    // From the dashboard to the mapping page.
    await page.goto(`${app.baseUrl}/admin/plugins/email-marketing`);
    await page.getByRole('link', { name: 'Field mapping' }).click();
    await page.getByText('No content type is synced yet.').waitFor();
    await page.getByRole('link', { name: 'New mapping' }).first().click();

    // Saving an empty form: the server's validation error shows on its own field.
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Choose the content type to sync.').first().waitFor();
    await expect(describedText('Content type')).resolves.toContain(
      'Choose the content type to sync.'
    );
    await screenshot(page, 'mapping-field-error');

    // Source, email field, audience.
    await choose('Content type', /^Contact \(api::contact\.contact\)/);
    await expect(
      page.getByRole('combobox', { name: 'Email field' }).textContent()
    ).resolves.toMatch(/email \(email\)/);
    await choose('Audience', 'Fixture audience');

    // Consent: the boolean marketingConsent.
    await choose('Consent field', /^marketingConsent \(boolean\)/);
    await page.getByText('Consent when marketingConsent is true.').waitFor();

    // Merge fields: both types on each row.
    await page.getByRole('combobox', { name: 'Merge field for firstName' }).waitFor();
    await choose('Merge field for firstName', /^FNAME/);
    await choose('Merge field for lastName', /^LNAME/);
    await choose('Merge field for birthday', /^BIRTHDAY/);
    const birthdayRow = page.getByTestId('merge-row-birthday');
    await expect(birthdayRow.textContent()).resolves.toMatch(/birthday.*date.*BIRTHDAY.*birthday/);

    // Preview: the first 5 contacts as they would be sent.
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByTestId('preview-row').first().waitFor();
    const rows = page.getByTestId('preview-row');
    await expect(rows.count()).resolves.toBe(5);
    await expect(page.getByTestId('preview').textContent()).resolves.toMatch(/FNAME/);
    await screenshot(page, 'mapping-preview');

    // Save: the editor now has the profile's sync state.
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByTestId('sync-state').waitFor();
    await expect(page.getByTestId('last-full-sync').textContent()).resolves.toMatch(/Never/);

    // Sync now, watch the progress, wait for it to finish. 200 contacts are one page and one
    // batch call: latency on the simulator keeps the job in flight long enough to be seen.
    fx.sim.setFaults({ latencyMs: 1500 });
    const started = Date.now();
    await page.getByRole('button', { name: 'Sync now' }).click();
    await page.getByTestId('sync-progress').waitFor({ timeout: 15000 });
    await screenshot(page, 'mapping-sync-progress');
    await page
      .getByTestId('last-full-sync')
      .filter({ hasText: 'Last full sync' })
      .waitFor({ timeout: 120000 });
    await page.getByTestId('sync-progress').waitFor({ state: 'detached' });
    const syncMs = Date.now() - started;
    fx.sim.setFaults({});
    await screenshot(page, 'mapping-synced');

    // The simulator holds exactly the consenting contacts, subscribed, with their merge fields.
    const consenting = seedContacts().filter((c) => c.marketingConsent);
    const members = [...fx.sim.list(fx.listId).members.values()];
    const subscribed = members.filter((m) => m.status === 'subscribed');
    expect(subscribed.map((m) => m.email_address).sort()).toEqual(
      consenting.map((c) => c.email).sort()
    );
    const sample = consenting.find((c) => c.birthday)!;
    const member = subscribed.find((m) => m.email_address === sample.email)!;
    expect(member.merge_fields).toMatchObject({
      FNAME: sample.firstName,
      LNAME: sample.lastName,
      BIRTHDAY: sample.birthday!.slice(5).replace('-', '/'),
    });
    process.stdout.write(
      `[mapping e2e] full sync of ${consenting.length} consenting contacts in ${syncMs} ms at 1.5 s simulator latency\n`
    );

    // The list shows the profile with its stats.
    await page.goto(`${app.baseUrl}/admin/plugins/email-marketing/mapping`);
    await page.locator('tr[data-testid^="profile-"]').first().waitFor();
    await expect(
      page.locator('tr[data-testid^="profile-"]').first().textContent()
    ).resolves.toMatch(/Contact/);
    await screenshot(page, 'mapping-list');

    // The content manager: the entry's Sync panel says "subscribed".
    const [entry] = (await app.strapi.documents(CONTACT as never).findMany({
      filters: { email: sample.email },
    } as never)) as Array<{ documentId: string }>;
    await page.goto(
      `${app.baseUrl}/admin/content-manager/collection-types/${CONTACT}/${entry.documentId}`
    );
    const panel = page.getByTestId('sync-panel');
    await panel.waitFor({ timeout: 30000 });
    await expect(panel.getByTestId('contact-status').first().textContent()).resolves.toBe(
      'Subscribed'
    );
    await expect(panel.textContent()).resolves.toMatch(/Last synced/);
    await screenshot(page, 'mapping-content-manager-panel');

    // "Sync now" from the panel.
    await panel.getByRole('button', { name: 'Sync now' }).click();
    await page.getByText('Sync requested').first().waitFor();
  });
});
