import type { Browser, Page } from 'playwright-core';
import { SEED_USERS, seedContacts } from '../../playground/src/seed';
import { launchBrowser, loginAs, screenshot } from '../helpers/browser';
import { FAST_JOBS_CONFIG, failedJobs, waitForIdle } from '../helpers/jobs';
import { startSimFixture, type SimFixture } from '../helpers/simulator';
import { startStrapi, type TestStrapi } from '../helpers/strapi';

const CONTACT = 'api::contact.contact';
const SEGMENT = 'plugin::email-marketing.segment';

describe('admin: Email marketing › Segments', () => {
  let fx: SimFixture;
  let app: TestStrapi;
  let browser: Browser;
  let page: Page;
  let token: string;

  const api = (method: 'get' | 'post', path: string, body?: object) => {
    const req = app.http[method](path).set('Authorization', `Bearer ${token}`);
    return body ? req.send(body) : req;
  };

  /** Opens a design-system select by its label and picks an option by its visible name. */
  const choose = async (label: string | RegExp, option: string | RegExp) => {
    await page.getByRole('combobox', { name: label }).click();
    await page.getByRole('option', { name: option, exact: typeof option === 'string' }).click();
  };

  // What the two conditions should select, worked out from the seed itself: consenting
  // contacts (the profile's consent rule) interested in events or tutorials, then only those
  // of an organization whose name contains "Acme" (a relation attribute, one level deep).
  const consenting = seedContacts().filter((c) => c.marketingConsent);
  const byInterest = consenting.filter((c) => ['events', 'tutorials'].includes(c.interests));
  const expected = byInterest.filter((c) => c.company.includes('Acme'));
  // The first of them stops matching before "Sync now".
  const remaining = expected.slice(1);

  beforeAll(async () => {
    fx = await startSimFixture();
    process.env.MAILCHIMP_API_ROOT = `${fx.sim.url}/{dc}/3.0`;
    app = await startStrapi({ listen: true, pluginConfig: FAST_JOBS_CONFIG });
    // Connection and mapping go through the API: their own pages have their own tests.
    token = await app.login('admin');
    await api('post', '/email-marketing/connections', {
      provider: 'mailchimp',
      apiKey: fx.apiKey,
    }).expect(200);
    const profile = await api('post', '/email-marketing/sync/profiles', {
      name: 'Contacts',
      sourceUid: CONTACT,
      emailField: 'email',
      consentField: 'marketingConsent',
      consentRule: { kind: 'boolean' },
      mergeFields: [],
      staticTags: [],
    }).expect(200);
    // A segment only takes members already on the audience: the contacts are synced first.
    await api('post', `/email-marketing/sync/profiles/${profile.body.data.id}/sync`).expect(200);
    await waitForIdle(app.strapi);
    expect(await failedJobs(app.strapi)).toEqual([]);
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

  it('builds a segment with two conditions, counts it live, saves, syncs: synced with its members', async () => {
    expect(expected.length).toBeGreaterThan(1);
    expect(expected.length).toBeLessThan(byInterest.length);

    // From the dashboard to the segments page.
    await page.goto(`${app.baseUrl}/admin/plugins/email-marketing`);
    await page.getByRole('link', { name: 'Segments' }).click();
    await page.getByText('No segment yet.').waitFor();
    await page.getByRole('link', { name: 'New segment' }).first().click();

    await page.getByRole('textbox', { name: 'Name' }).fill('Acme event-goers');
    await page.getByRole('textbox', { name: 'Type' }).fill('customer');
    await choose('Sync profile', /^Contacts \(api::contact\.contact/);

    // No condition yet: everyone the profile syncs.
    const count = page.getByTestId('segment-count');
    await count.filter({ hasText: `${consenting.length} matching contacts` }).waitFor();

    // Condition 1: interests is one of events, tutorials (an enumeration: a multi-select).
    await page.getByRole('button', { name: 'Add condition' }).click();
    await page.getByTestId('segment-preview-incomplete').waitFor();
    await choose('Attribute of condition 1', 'Interests');
    await choose('Operator of condition 1', 'is one of');
    await page.getByRole('combobox', { name: 'Value of condition 1' }).click();
    await page.getByRole('option', { name: 'events', exact: true }).click();
    await page.getByRole('option', { name: 'tutorials', exact: true }).click();
    await page.keyboard.press('Escape');
    await count.filter({ hasText: `${byInterest.length} matching contacts` }).waitFor();

    // Condition 2, on a relation: organization name contains "Acme" (typed, debounced).
    await page.getByRole('button', { name: 'Add condition' }).click();
    await choose('Attribute of condition 2', /Organization.*Name/);
    await choose('Operator of condition 2', 'contains');
    await page.getByRole('textbox', { name: 'Value of condition 2' }).pressSequentially('Acme');
    await count.filter({ hasText: `${expected.length} matching contacts` }).waitFor();
    const rows = page.getByTestId('segment-preview-row');
    await expect(rows.count()).resolves.toBe(Math.min(expected.length, 10));
    const shown = await rows.first().textContent();
    expect(expected.some((c) => shown?.includes(c.email))).toBe(true);
    await screenshot(page, 'segments-builder');

    // Save: the editor now has the segment's state on the platform. Saving starts a sync; with
    // a slow platform (creating the segment, adding its members) the page shows it syncing,
    // polled until it is done.
    fx.sim.setFaults({ latencyMs: 1500 });
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByTestId('segment-state').waitFor();
    const status = page.getByTestId('segment-status');
    await page.getByTestId('segment-sync-progress').waitFor();
    await status.filter({ hasText: 'Syncing' }).waitFor({ timeout: 15000 });
    await screenshot(page, 'segments-syncing');
    await status.filter({ hasText: 'Synced' }).waitFor({ timeout: 60000 });
    fx.sim.setFaults({});
    await expect(page.getByTestId('segment-member-count').textContent()).resolves.toBe(
      `${expected.length} members`
    );
    const id = Number(new URL(page.url()).pathname.split('/').pop());
    const lastSynced = async () =>
      (await api('get', `/email-marketing/segments/${id}`).expect(200)).body.data
        .lastSyncedAt as string;
    const firstSync = await lastSynced();

    // One contact stops matching behind the document service's back (a raw database write,
    // so no automatic re-sync): "Sync now" has a member to remove, on a slow platform, and
    // shows its progress until that sync has ended; then synced with one member less.
    const leaving = expected[0];
    await app.strapi.db
      .query(CONTACT)
      .updateMany({ where: { email: leaving.email }, data: { interests: 'offers' } });
    fx.sim.setFaults({ latencyMs: 1500 });
    await page.getByRole('button', { name: 'Sync now' }).click();
    await page.getByTestId('segment-sync-progress').waitFor();
    await status.filter({ hasText: 'Syncing' }).waitFor({ timeout: 15000 });
    await page.getByTestId('segment-sync-progress').waitFor({ state: 'detached', timeout: 60000 });
    fx.sim.setFaults({});
    await expect(status.textContent()).resolves.toBe('Synced');
    expect(new Date(await lastSynced()).getTime()).toBeGreaterThan(new Date(firstSync).getTime());
    await expect(page.getByTestId('segment-member-count').textContent()).resolves.toBe(
      `${remaining.length} members`
    );
    await expect(page.getByTestId('segment-last-synced').textContent()).resolves.toMatch(
      /^Last synced /
    );
    await screenshot(page, 'segments-synced');

    // The platform's segment holds exactly the matching contacts.
    const segments = [...fx.sim.list(fx.listId).segments.values()];
    const remote = segments.find((s) => s.name.includes('Acme event-goers'));
    expect(remote).toBeDefined();
    const emails = new Set(remaining.map((c) => c.email.toLowerCase()));
    const memberEmails = [...remote!.members].map((hash) =>
      fx.sim.list(fx.listId).members.get(hash)?.email_address.toLowerCase()
    );
    expect(memberEmails.sort()).toEqual([...emails].sort());

    // The list shows it synced, with its type and members.
    await page.goto(`${app.baseUrl}/admin/plugins/email-marketing/segments`);
    const row = page.locator('tr[data-testid^="segment-"]').first();
    await row.waitFor();
    await expect(row.textContent()).resolves.toMatch(/Acme event-goers.*customer.*Synced/);
    await expect(row.getByTestId('segment-members').textContent()).resolves.toBe(
      String(remaining.length)
    );
    await screenshot(page, 'segments-list');
  });

  it('a stored filter on an attribute removed since shows a clear error on its row, not a crash', async () => {
    // The content type cannot lose an attribute mid-test: the stored filter is made to name
    // one it does not have, as it would after the attribute was removed.
    const [stored] = (await app.strapi.db.query(SEGMENT).findMany({})) as Array<{
      id: number;
      conditions: unknown[];
    }>;
    await app.strapi.db.query(SEGMENT).update({
      where: { id: stored.id },
      data: {
        conditions: [...stored.conditions, { field: 'shoeSize', operator: 'eq', value: '42' }],
      },
    });
    await page.goto(`${app.baseUrl}/admin/plugins/email-marketing/segments/${stored.id}`);
    // The row says so once the content type's attributes have loaded.
    await page
      .getByTestId('condition-2')
      .getByText(/“shoeSize” is no longer an attribute of this content type/)
      .waitFor();
    await expect(page.getByTestId('segment-preview-error').textContent()).resolves.toMatch(
      /shoeSize/
    );
    await screenshot(page, 'segments-removed-attribute');

    // Removing the condition brings the count back.
    await page.getByRole('button', { name: 'Remove condition 3' }).click();
    await page
      .getByTestId('segment-count')
      .filter({ hasText: `${remaining.length} matching contacts` })
      .waitFor();
  });
});
