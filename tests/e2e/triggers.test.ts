import type { Browser, Page } from 'playwright-core';
import { SEED_USERS, seedContacts } from '../../playground/src/seed';
import { launchBrowser, loginAs, screenshot } from '../helpers/browser';
import { FAST_JOBS_CONFIG, failedJobs, waitFor, waitForIdle } from '../helpers/jobs';
import { startSimFixture, type SimFixture } from '../helpers/simulator';
import { startStrapi, type TestStrapi } from '../helpers/strapi';

const CONTACT = 'api::contact.contact';
const ORDER = 'api::order.order';
/** The content manager lists contacts in a relation by their first string field (firstName),
 * which the seed repeats: the chosen contact gets a name of its own. */
const UNIQUE_NAME = 'Ottoline';

describe('admin: Email marketing › Triggers, and the content-manager Points panel', () => {
  let fx: SimFixture;
  let app: TestStrapi;
  let browser: Browser;
  let page: Page;
  let token: string;
  const contact = seedContacts().find((c) => c.marketingConsent)!;
  let contactDocumentId: string;

  const api = (method: 'get' | 'post', path: string, body?: object) => {
    const req = app.http[method](path).set('Authorization', `Bearer ${token}`);
    return body ? req.send(body) : req;
  };

  /** Opens a design-system select by its label and picks an option by its visible name. */
  const choose = async (label: string | RegExp, option: string | RegExp) => {
    await page.getByRole('combobox', { name: label }).click();
    await page.getByRole('option', { name: option, exact: typeof option === 'string' }).click();
  };

  beforeAll(async () => {
    fx = await startSimFixture();
    process.env.MAILCHIMP_API_ROOT = `${fx.sim.url}/{dc}/3.0`;
    app = await startStrapi({ listen: true, pluginConfig: FAST_JOBS_CONFIG });
    token = await app.login('admin');
    // Connection, mapping and a first full sync through the API: their pages have their own tests.
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
    }).expect(200);
    const [entry] = (await app.strapi.documents(CONTACT as never).findMany({
      filters: { email: contact.email },
    } as never)) as Array<{ documentId: string }>;
    contactDocumentId = entry.documentId;
    await app.strapi
      .documents(CONTACT as never)
      .update({ documentId: contactDocumentId, data: { firstName: UNIQUE_NAME } } as never);
    await app.strapi
      .documents(CONTACT as never)
      .publish({ documentId: contactDocumentId } as never);
    await api('post', `/email-marketing/sync/profiles/${profile.body.data.id}/sync`);
    await waitForIdle(app.strapi);
    expect(fx.sim.member(fx.listId, contact.email)?.status).toBe('subscribed');

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

  it('a rule and a threshold made on the page award points for three orders, tag and show them', async () => {
    // From the plugin's side navigation to the Triggers page.
    await page.goto(`${app.baseUrl}/admin/plugins/email-marketing`);
    await page.getByRole('link', { name: 'Triggers' }).click();
    await page.getByText('No point rules yet.').waitFor();
    await expect(page.getByRole('combobox', { name: 'Profile' }).textContent()).resolves.toMatch(
      /Contacts/
    );

    // The rule: an order relating to the contact is created → +10. Saved without a content
    // type first: the server's message shows on that input.
    await page.getByRole('button', { name: 'New rule' }).click();
    const ruleDialog = page.getByRole('dialog');
    await ruleDialog.getByRole('button', { name: 'Save' }).click();
    await ruleDialog.getByText('Choose the content type whose entries count.').first().waitFor();
    await ruleDialog.getByRole('textbox', { name: 'Name' }).fill('Order placed');
    await expect(ruleDialog.getByRole('combobox', { name: 'When' }).textContent()).resolves.toMatch(
      /An entry relating to the contact is created/
    );
    await choose('Content type', /^Order \(api::order\.order\)/);
    // The order's one relation to the contact is picked for us.
    await expect(
      ruleDialog.getByRole('combobox', { name: 'Relation to the contact' }).textContent()
    ).resolves.toBe('contact');
    await ruleDialog.getByRole('textbox', { name: 'Points' }).fill('10');
    await screenshot(page, 'triggers-rule-editor');
    await ruleDialog.getByRole('button', { name: 'Save' }).click();
    await ruleDialog.waitFor({ state: 'detached' });
    const ruleRow = page.locator('tr[data-testid^="rule-"]');
    await expect(ruleRow.count()).resolves.toBe(1);
    await expect(ruleRow.textContent()).resolves.toMatch(
      /Order placed.*Order created \(via contact\).*\+10.*No limit.*0.*Active/
    );

    // The threshold: at 30 points, tag hot-lead and push.
    await page.getByRole('button', { name: 'New threshold' }).click();
    const thresholdDialog = page.getByRole('dialog');
    await thresholdDialog.getByRole('textbox', { name: 'Name' }).fill('Hot lead');
    await thresholdDialog.getByRole('textbox', { name: 'When points reach' }).fill('30');
    await expect(
      thresholdDialog.getByRole('combobox', { name: 'Action 1' }).textContent()
    ).resolves.toBe('Add tags');
    await thresholdDialog.getByRole('textbox', { name: 'Tags of action 1' }).fill('hot-lead');
    await thresholdDialog.getByRole('button', { name: 'Add action' }).click();
    await expect(
      thresholdDialog.getByRole('combobox', { name: 'Action 2' }).textContent()
    ).resolves.toBe('Push the contact now');
    await screenshot(page, 'triggers-threshold-editor');
    await thresholdDialog.getByRole('button', { name: 'Save' }).click();
    await thresholdDialog.waitFor({ state: 'detached' });
    const thresholdRow = page.locator('tr[data-testid^="threshold-"]');
    await expect(thresholdRow.textContent()).resolves.toMatch(
      /Hot lead.*≥ 30.*Add tags: hot-lead.*Push the contact now.*No/
    );
    await screenshot(page, 'triggers-page');

    // Pause and resume: the state follows.
    await ruleRow.getByRole('button', { name: 'Pause' }).click();
    await ruleRow.getByText('Paused').waitFor();
    await ruleRow.getByRole('button', { name: 'Resume' }).click();
    await ruleRow.getByText('Active').waitFor();

    // Three orders for the contact, made in the content manager as an editor would.
    for (const n of [1, 2, 3]) {
      await page.goto(`${app.baseUrl}/admin/content-manager/collection-types/${ORDER}/create`);
      await page.locator('input[name="reference"]').fill(`E2E-${n}`);
      const relation = page.getByRole('combobox', { name: 'contact' });
      await relation.click();
      await relation.fill(UNIQUE_NAME);
      await page.getByRole('option', { name: new RegExp(UNIQUE_NAME) }).click();
      await page.getByRole('button', { name: 'Save' }).click();
      await page.waitForURL((url) => !url.pathname.endsWith('/create'));
    }
    await waitForIdle(app.strapi);
    expect(await failedJobs(app.strapi)).toEqual([]);

    // The contact's entry: 30 points, the threshold reached, the three orders in its history.
    await page.goto(
      `${app.baseUrl}/admin/content-manager/collection-types/${CONTACT}/${contactDocumentId}`
    );
    const panel = page.getByTestId('points-panel');
    await panel.waitFor({ timeout: 30000 });
    await expect(panel.getByTestId('points-panel-total').textContent()).resolves.toBe('30');
    await expect(panel.getByTestId('points-panel-firings').textContent()).resolves.toMatch(
      /Hot lead/
    );
    await expect(panel.getByTestId('points-history-item').count()).resolves.toBe(3);
    await expect(panel.getByTestId('points-history-item').first().textContent()).resolves.toMatch(
      /\+10.*total 30.*Order placed/
    );
    await screenshot(page, 'triggers-content-manager-panel');

    // The tag reached the platform, once.
    const member = await waitFor(
      () => {
        const m = fx.sim.member(fx.listId, contact.email);
        return m?.tags.some((tag) => tag.name === 'hot-lead') ? m : null;
      },
      { what: 'the hot-lead tag on the member' }
    );
    expect(member.tags.filter((tag) => tag.name === 'hot-lead')).toHaveLength(1);

    // Back on the page: the rule awarded three times, the threshold fired once, the leaderboard.
    await page.goto(`${app.baseUrl}/admin/plugins/email-marketing/triggers`);
    await expect(page.locator('tr[data-testid^="rule-"]').textContent()).resolves.toMatch(
      /\+10.*No limit.*3.*Active/
    );
    await expect(page.getByTestId('threshold-fired').textContent()).resolves.toBe('1');
    const leader = page.getByTestId(`leader-${contactDocumentId}`);
    await expect(leader.getByTestId('leader-points').textContent()).resolves.toBe('30');
    await leader.getByRole('button', { name: 'History' }).click();
    const history = page.getByTestId('contact-points');
    await history.waitFor();
    await expect(history.getByTestId('contact-points-total').textContent()).resolves.toBe('30');
    await expect(history.getByTestId('threshold-firing').textContent()).resolves.toMatch(
      /Hot lead/
    );
    await expect(history.getByTestId('points-history-item').count()).resolves.toBe(3);
    await screenshot(page, 'triggers-contact-history');

    // A manual adjustment: −5 for a reason, applied through the outbox, kept in the history.
    await history.getByRole('textbox', { name: 'Points (+/−)' }).fill('-5');
    await history.getByRole('textbox', { name: 'Reason' }).fill('goodwill');
    await history.getByRole('button', { name: 'Adjust' }).click();
    await history.getByTestId('contact-points-total').filter({ hasText: '25' }).waitFor();
    await expect(history.getByTestId('points-history-item').count()).resolves.toBe(4);
    await expect(history.getByTestId('points-history-item').first().textContent()).resolves.toMatch(
      /−5.*goodwill.*total 25/
    );
  });
});
