import type { Browser, Page } from 'playwright-core';
import { SEED_USERS } from '../../playground/src/seed';
import { ARTIFACTS, launchBrowser, loginAs, screenshot } from '../helpers/browser';
import { FAST_JOBS_CONFIG, failedJobs, waitFor, waitForIdle } from '../helpers/jobs';
import { startSimFixture, type SimFixture } from '../helpers/simulator';
import { startStrapi, type TestStrapi } from '../helpers/strapi';

const ARTICLE = 'api::article.article';
/** A zone away from UTC, so "stored as UTC" is a real conversion. */
const ZONE = 'America/New_York';

describe('admin: Email marketing › Campaigns', () => {
  let fx: SimFixture;
  let app: TestStrapi;
  let browser: Browser;
  let page: Page;
  let token: string;

  const api = (method: 'get' | 'post', path: string, body?: object) => {
    const req = app.http[method](`/email-marketing${path}`).set('Authorization', `Bearer ${token}`);
    return body ? req.send(body) : req;
  };
  const subscribed = () =>
    [...fx.sim.list(fx.listId).members.values()].filter((m) => m.status === 'subscribed').length;
  /** The percentage the page shows for a rate (en-US, one decimal). */
  const percent = (value: number) =>
    new Intl.NumberFormat('en-US', {
      style: 'percent',
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
    }).format(value);
  const metricText = (key: string) =>
    page.getByTestId(`metric-${key}`).getByTestId('metric-value').textContent();

  beforeAll(async () => {
    // Engagement moves only when the test says so (advanceEngagement).
    fx = await startSimFixture({ sendDurationMs: 300, engagementHoursPerSecond: 0 });
    process.env.MAILCHIMP_API_ROOT = `${fx.sim.url}/{dc}/3.0`;
    app = await startStrapi({ listen: true, pluginConfig: FAST_JOBS_CONFIG });
    token = await app.login('admin');
    // Connection and contact sync through the API: their pages have their own tests.
    await api('post', '/connections', { provider: 'mailchimp', apiKey: fx.apiKey }).expect(200);
    const profile = await api('post', '/sync/profiles', {
      name: 'Contacts',
      sourceUid: 'api::contact.contact',
      emailField: 'email',
      consentField: 'marketingConsent',
      consentRule: { kind: 'boolean' },
      mergeFields: [{ attribute: 'firstName', tag: 'FNAME' }],
    }).expect(200);
    await api('post', `/sync/profiles/${profile.body.data.id}/sync`).expect(200);
    await waitForIdle(app.strapi, 120_000);
    expect(await failedJobs(app.strapi)).toEqual([]);
    expect(subscribed()).toBeGreaterThan(0);

    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1366, height: 1000 }, timezoneId: ZONE });
    await loginAs(page, app.baseUrl!, SEED_USERS.admin.email, SEED_USERS.admin.password);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await fx?.sim.stop();
    delete process.env.MAILCHIMP_API_ROOT;
  });

  it('composes from two entries, previews, tests, schedules, sends, and shows the report', async () => {
    const articles = (await api('get', `/campaigns/entries?uid=${ARTICLE}`).expect(200)).body
      .data as Array<{ documentId: string; title: string }>;
    const [first, second] = [articles[3], articles[1]];

    // From the side navigation to an empty list, then a new campaign.
    await page.goto(`${app.baseUrl}/admin/plugins/email-marketing`);
    await page.getByRole('link', { name: 'Campaigns' }).click();
    await page.getByText('No campaign yet.').waitFor();
    await page.getByRole('link', { name: 'New campaign' }).first().click();

    // Audience and sender come prefilled from the connection.
    await page
      .getByRole('combobox', { name: 'Audience' })
      .filter({ hasText: /^Fixture audience$/ })
      .waitFor();
    await waitFor(async () => (await page.getByLabel('From name').inputValue()) === 'Fixture Co', {
      what: 'the sender to be prefilled',
    });
    await expect(page.getByLabel('Reply-to address').inputValue()).resolves.toBe(
      'news@fixture.example'
    );
    await page.getByLabel('Campaign name').fill('June digest');
    await page.getByLabel('Subject').fill('Two stories from the roastery');

    // Two articles, picked in this order.
    await page.getByRole('combobox', { name: 'Collection type' }).click();
    await page.getByRole('option', { name: 'Article', exact: true }).click();
    await page.getByRole('button', { name: `Add ${first.title}` }).click();
    await page.getByRole('button', { name: `Add ${second.title}` }).click();
    await expect(page.getByTestId('chosen-entry').allTextContents()).resolves.toEqual([
      expect.stringContaining(`1. ${first.title}`),
      expect.stringContaining(`2. ${second.title}`),
    ]);

    // The rendered email previews both, in a sandboxed frame.
    const preview = page.frameLocator('[data-testid="campaign-preview"]');
    await preview.getByText(first.title).first().waitFor();
    await preview.getByText(second.title).first().waitFor();
    await expect(page.getByTestId('campaign-preview').getAttribute('sandbox')).resolves.toBe('');
    await screenshot(page, 'campaigns-compose');

    // Save the draft: the platform holds it.
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.waitForURL(/\/campaigns\/\d+$/);
    await page.getByTestId('campaign-status').filter({ hasText: 'Draft' }).waitFor();
    const id = Number(page.url().split('/').pop());
    const saved = (await api('get', `/campaigns/${id}`).expect(200)).body.data;
    const remote = () => fx.sim.account(fx.accountId).campaigns.get(saved.remoteId)!;
    expect(remote().html).toContain(first.title);
    expect(remote().html.indexOf(second.title)).toBeGreaterThan(remote().html.indexOf(first.title));

    // A test: six addresses are refused in the dialog, two go out.
    await page.getByRole('button', { name: 'Send a test' }).click();
    const addresses = page.getByLabel('Addresses');
    await addresses.fill('a@x.io, b@x.io, c@x.io, d@x.io, e@x.io, f@x.io');
    await page.getByRole('button', { name: 'Send test' }).click();
    await page.getByText('At most 5 addresses (6 entered).').waitFor();
    await addresses.fill('ada@example.com, grace@example.com');
    await page.getByRole('button', { name: 'Send test' }).click();
    await page.getByText('Test sent to 2 addresses').first().waitFor();
    expect(remote().tests.map((t) => t.emails)).toEqual([['ada@example.com', 'grace@example.com']]);

    // Schedule: the dialog proposes a valid quarter hour in New York time and shows its UTC.
    await page.getByRole('button', { name: 'Schedule' }).click();
    const utcText = (await page.getByTestId('schedule-utc').textContent()) ?? '';
    // The rule names the campaign's platform (the connection's provider label).
    await page.getByRole('dialog').getByText('Mailchimp sends on quarter hours').waitFor();
    await screenshot(page, 'campaigns-schedule-dialog');
    const proposedDate = await page
      .getByRole('dialog')
      .getByRole('combobox', { name: 'Date' })
      .inputValue();
    const proposedTime = await page.getByRole('combobox', { name: 'Time' }).inputValue();
    // Today at 00:00 in New York has passed: the dialog says so, and so does the server.
    const today = new Intl.DateTimeFormat('en-US', { timeZone: ZONE }).format(new Date());
    await page.getByRole('dialog').getByRole('combobox', { name: 'Date' }).fill(today);
    await page.getByRole('dialog').getByRole('combobox', { name: 'Date' }).press('Enter');
    await page.getByRole('combobox', { name: 'Time' }).click();
    await page.getByRole('option', { name: '00:00', exact: true }).click();
    await page.getByText('Choose a time at least 15 minutes from now.').waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Schedule' }).click();
    await page
      .getByTestId('schedule-error')
      .filter({ hasText: /at least 15 minutes ahead; .* is in the past/ })
      .waitFor();
    await screenshot(page, 'campaigns-schedule-refused');
    expect(remote().status).toBe('save');
    // Back to the proposed slot.
    await page.getByRole('dialog').getByRole('combobox', { name: 'Date' }).fill(proposedDate);
    await page.getByRole('dialog').getByRole('combobox', { name: 'Date' }).press('Enter');
    await page.getByRole('combobox', { name: 'Time' }).click();
    await page.getByRole('option', { name: proposedTime, exact: true }).click();
    await expect(page.getByTestId('schedule-utc').textContent()).resolves.toBe(utcText);
    await page.getByRole('dialog').getByRole('button', { name: 'Schedule' }).click();
    await page.getByTestId('campaign-status').filter({ hasText: 'Scheduled' }).waitFor();
    const scheduled = (await api('get', `/campaigns/${id}`).expect(200)).body.data;
    const at = new Date(scheduled.scheduledAt);
    expect(at.getUTCMinutes() % 15).toBe(0);
    expect(at.getTime() - Date.now()).toBeGreaterThan(14 * 60_000);
    const shownUtc = new Intl.DateTimeFormat('en-US', {
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone: 'UTC',
    }).format(at);
    expect(utcText).toBe(`Stored as ${shownUtc} (UTC)`);
    expect(remote().status).toBe('schedule');
    // The header shows the time in the viewer's zone.
    await expect(page.getByTestId('campaign-when').textContent()).resolves.toMatch(
      /Scheduled .*(EST|EDT)/
    );

    // Unschedule, then send now: the confirmation names the recipient count.
    await page.getByRole('button', { name: 'Unschedule' }).click();
    await page.getByTestId('campaign-status').filter({ hasText: 'Draft' }).waitFor();
    expect(remote().status).toBe('save');
    await page.getByRole('button', { name: 'Send now' }).click();
    await expect(page.getByTestId('send-confirmation').textContent()).resolves.toBe(
      `“June digest” goes to ${subscribed()} recipients. This cannot be undone.`
    );
    await page.getByRole('button', { name: `Send to ${subscribed()} recipients` }).click();
    await page
      .getByTestId('campaign-status')
      .filter({ hasText: /Sending|Sent/ })
      .waitFor();

    // The simulator reports engagement as hours pass; each refresh stores a snapshot.
    const refresh = async () => {
      await page.getByRole('button', { name: 'Refresh' }).click();
      await page.getByRole('button', { name: 'Refresh' }).and(page.locator(':enabled')).waitFor();
    };
    await waitFor(
      async () => {
        await refresh();
        return (await page.getByTestId('campaign-status').textContent()) === 'Sent';
      },
      { what: 'the campaign to be sent' }
    );
    fx.sim.advanceEngagement(saved.remoteId, 4);
    await refresh();
    fx.sim.advanceEngagement(saved.remoteId, 20);
    await refresh();

    // The table equals the platform's report, with the formulas applied.
    const report = await fx.client().getReport(saved.remoteId);
    const delivered =
      report.emails_sent - report.bounces.hard_bounces - report.bounces.soft_bounces;
    const uniqueOpens = report.opens.unique_opens;
    const uniqueClicks = report.clicks.unique_subscriber_clicks;
    expect(uniqueOpens).toBeGreaterThan(0);
    const expected: Record<string, string> = {
      recipients: String(report.emails_sent),
      delivered: String(delivered),
      uniqueOpens: String(uniqueOpens),
      uniqueClicks: String(uniqueClicks),
      openRate: percent(uniqueOpens / delivered),
      clickThroughRate: percent(uniqueClicks / delivered),
      clickToOpenRate: percent(uniqueClicks / uniqueOpens),
      unsubscribes: String(report.unsubscribed),
    };
    await page.getByTestId('metrics-table').waitFor();
    for (const [key, value] of Object.entries(expected))
      await expect(metricText(key)).resolves.toBe(value);
    await expect(page.getByTestId('metric-openRate').textContent()).resolves.toContain(
      'Unique opens ÷ delivered'
    );

    // Opens and clicks over time: three snapshots drawn as points, and the hourly breakdown.
    const snapshotDots = page.locator('[data-testid="snapshots-chart"] svg .recharts-line-dot');
    await snapshotDots.first().waitFor();
    const detail = (await api('get', `/campaigns/${id}`).expect(200)).body.data;
    expect(detail.snapshots.length).toBeGreaterThanOrEqual(3);
    await expect(snapshotDots.count()).resolves.toBe(detail.snapshots.length * 2);
    await page.locator('[data-testid="hourly-chart"] svg .recharts-line-dot').first().waitFor();
    await screenshot(page, 'campaigns-report');
    await page
      .getByTestId('snapshots-chart')
      .screenshot({ path: `${ARTIFACTS}/campaigns-chart.png` });

    // The list: status, rates, and the comparison chart.
    await page.getByRole('link', { name: 'Campaigns' }).click();
    const row = page.getByTestId(`campaign-${id}`);
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain(percent(uniqueOpens / delivered));
    await expect(row.getByTestId('campaign-status').textContent()).resolves.toBe('Sent');
    await page
      .locator('[data-testid="compare-chart"] svg .recharts-bar-rectangle')
      .first()
      .waitFor();
    await screenshot(page, 'campaigns-list');
    await page
      .getByTestId('compare-chart')
      .screenshot({ path: `${ARTIFACTS}/campaigns-compare.png` });
  });
});
