import type { Browser, Page } from 'playwright-core';
import { SEED_USERS } from '../../playground/src/seed';
import { launchBrowser, loginAs, screenshot } from '../helpers/browser';
import { jobEngine, waitFor } from '../helpers/jobs';
import { startStrapi, type TestStrapi } from '../helpers/strapi';

/**
 * A long job watched in the Activity page. The issue asks for one against a slow simulator;
 * until the Mailchimp simulator lands, a test-only handler reports progress slowly instead.
 */
describe('admin: the Activity page', () => {
  // Jest 30 reads testTimeout from the root config only; the project's value does not apply.
  jest.setTimeout(180_000);
  let app: TestStrapi;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    app = await startStrapi({ listen: true, pluginConfig: { jobs: { pollIntervalMs: 200 } } });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('shows a running job whose progress bar advances, and the scheduled tasks', async () => {
    const engine = jobEngine(app.strapi);
    const steps = 60;
    engine.registerHandler('test.slow-sync', async (_payload, ctx) => {
      for (let done = 1; done <= steps; done += 1) {
        if (ctx.signal.aborted) throw ctx.signal.reason;
        await new Promise((resolve) => setTimeout(resolve, 400));
        await ctx.progress(done, steps);
      }
      return { synced: steps };
    });
    const { id } = await engine.enqueue('test.slow-sync', { audience: 'test' });

    const { email, password } = SEED_USERS.admin;
    await loginAs(page, app.baseUrl!, email, password);
    await page.goto(`${app.baseUrl}/admin/plugins/email-marketing/activity`);
    const row = page.getByTestId(`job-${id}`);
    await row.waitFor({ timeout: 60000 });
    const bar = row.getByRole('progressbar');
    await bar.waitFor({ timeout: 30000 });

    const value = async () => Number(await bar.getAttribute('aria-valuenow'));
    const first = await waitFor(async () => ((await value()) > 0 ? value() : null), {
      what: 'progress above 0',
    });
    // The page refreshes itself while the job runs: no reload, the bar moves on.
    const later = await waitFor(
      async () => {
        const now = await value();
        return now >= first + 5 ? now : null;
      },
      { what: 'the progress bar to advance', timeoutMs: 30000 }
    );
    expect(later).toBeGreaterThan(first);
    await expect(row.getByTestId('job-status').textContent()).resolves.toBe('Running');
    await expect(row.getByTestId('job-progress-text').textContent()).resolves.toMatch(
      new RegExp(`^\\d+ / ${steps} · [\\d.]+/s · ETA \\d+`)
    );
    await expect(
      page.getByTestId('schedule-cleanup').getByTestId('next-run').textContent()
    ).resolves.toMatch(/3:00 AM UTC$/);
    await screenshot(page, 'activity');

    // Cancel stops the running job: its worker sees the lease gone and aborts.
    await row.getByRole('button', { name: 'Cancel' }).click();
    await waitFor(async () => (await row.getByTestId('job-status').textContent()) === 'Cancelled', {
      what: 'the job to show as cancelled',
    });
    await expect(row.getByRole('button', { name: 'Retry' }).count()).resolves.toBe(1);
  });
});
