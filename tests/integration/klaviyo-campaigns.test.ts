import { PlatformError } from '../../server/src/providers/errors';
import type { EmailMarketingProvider, RemoteCampaignDraft } from '../../server/src/providers/types';
import { startKlaviyoFixture, type KlaviyoFixture } from '../helpers/klaviyo';

const settle = (ms = 150) => new Promise((resolve) => setTimeout(resolve, ms));

/** The simulator's windows are shortened (steady 3 s) and the provider's queue is told the same. */
const WINDOWS = { burstWindowMs: 1000, steadyWindowMs: 3000 };
const REPORT_LIMITS = { burst: 1, burstMs: 1000, steady: 2, steadyMs: 3000, daily: 225 };

describe('Klaviyo campaigns against the simulator', () => {
  let fx: KlaviyoFixture;
  let provider: EmailMarketingProvider;
  const draft = (over: Partial<RemoteCampaignDraft> = {}): RemoteCampaignDraft => ({
    audienceId: fx.listId,
    segmentId: null,
    title: 'Spring digest',
    subject: 'Three new articles',
    previewText: 'Read them first',
    fromName: 'Fixture Store',
    replyTo: 'news@fixture-store.example',
    ...over,
  });

  beforeAll(async () => {
    fx = await startKlaviyoFixture({ ...WINDOWS, sendDurationMs: 30 });
    provider = fx.provider({ reportLimits: REPORT_LIMITS });
    fx.sim.seedProfiles(fx.accountId, fx.listId, [
      { email: 'a@example.com' },
      { email: 'b@example.com' },
      { email: 'bounce-c@example.com' },
      { email: 'off@example.com', consent: 'UNSUBSCRIBED' },
    ]);
  });
  afterAll(() => fx.sim.stop());

  it('creates a campaign with smart sending on and a CODE template named "<site> Campaign - <subject> - <timestamp>"', async () => {
    const remote = await provider.campaigns.create(draft());
    expect(remote).toEqual(
      expect.objectContaining({
        status: 'draft',
        audienceId: fx.listId,
        title: 'Spring digest',
        subject: 'Three new articles',
        replyTo: 'news@fixture-store.example',
        recipientCount: 4,
      })
    );
    const campaign = fx.sim.account(fx.accountId).campaigns.get(remote.id)!;
    expect(campaign.send_options.use_smart_sending).toBe(true);
    await provider.campaigns.setContent(remote.id, '<h1>Hello</h1>');
    const templates = [...fx.sim.account(fx.accountId).templates.values()];
    expect(templates).toHaveLength(1);
    expect(templates[0].editor_type).toBe('CODE');
    expect(templates[0].html).toBe('<h1>Hello</h1>');
    expect(templates[0].name).toMatch(
      /^Fixture Store Campaign - Three new articles - \d{4}-\d{2}-\d{2}T/
    );
    // New content: a new template, the replaced one deleted (the API allows 1,000 templates).
    await provider.campaigns.setContent(remote.id, '<h1>Hello again</h1>');
    const after = [...fx.sim.account(fx.accountId).templates.values()];
    expect(after.map((t) => t.html)).toEqual(['<h1>Hello again</h1>']);
    const updated = await provider.campaigns.update(
      remote.id,
      draft({ subject: 'Four new articles' })
    );
    expect(updated.subject).toBe('Four new articles');
  });

  it('sends through a send job to subscribed, unsuppressed profiles only, and reports with the same meaning', async () => {
    const remote = await provider.campaigns.create(draft({ title: 'Send now' }));
    await provider.campaigns.setContent(remote.id, '<p>Now</p>');
    expect(await provider.campaigns.report(remote.id)).toBeNull(); // not sent: no report
    await provider.campaigns.send(remote.id);
    await settle();
    expect((await provider.campaigns.get(remote.id))?.status).toBe('sent');
    fx.sim.engage(fx.accountId, remote.id, 'a@example.com', 'open');
    fx.sim.engage(fx.accountId, remote.id, 'a@example.com', 'click');
    fx.sim.engage(fx.accountId, remote.id, 'b@example.com', 'open');
    fx.sim.personUnsubscribes(fx.accountId, 'b@example.com', remote.id);
    const report = await provider.campaigns.report(remote.id);
    expect(report).toEqual({
      emailsSent: 3,
      hardBounces: 1,
      softBounces: 0,
      opens: 3,
      uniqueOpens: 2,
      clicks: 1,
      uniqueClicks: 1,
      unsubscribes: 1,
      spamComplaints: 0,
      timeseries: [],
    });
  });

  it('smart sending skips someone who just received a campaign', async () => {
    fx.sim.seedProfiles(fx.accountId, fx.listId, [{ email: 'fresh@example.com' }]);
    const remote = await provider.campaigns.create(draft({ title: 'Second send' }));
    await provider.campaigns.setContent(remote.id, '<p>Again</p>');
    await provider.campaigns.send(remote.id);
    await settle();
    const campaign = fx.sim.account(fx.accountId).campaigns.get(remote.id)!;
    expect(
      [...campaign.sentTo].map((id) => fx.sim.account(fx.accountId).profiles.get(id)!.email)
    ).toEqual(['fresh@example.com']);
  });

  it('schedules through send_strategy, unschedules (revert) and cancels', async () => {
    const remote = await provider.campaigns.create(draft({ title: 'Later' }));
    await provider.campaigns.setContent(remote.id, '<p>Later</p>');
    const at = new Date(Date.now() + 3_600_000);
    await provider.campaigns.schedule(remote.id, at);
    const scheduled = await provider.campaigns.get(remote.id);
    expect(scheduled?.status).toBe('scheduled');
    expect(scheduled?.sendTime).toBe(at.toISOString());
    await provider.campaigns.unschedule(remote.id);
    expect((await provider.campaigns.get(remote.id))?.status).toBe('draft');
    await provider.campaigns.schedule(remote.id, at);
    await provider.campaigns.cancel(remote.id);
    expect((await provider.campaigns.get(remote.id))?.status).toBe('cancelled');
  });

  it('a segment is a list of its own and the campaign goes to it only', async () => {
    fx.sim.seedProfiles(fx.accountId, fx.listId, [{ email: 'seg@example.com' }]);
    const segment = await provider.segments.create(fx.listId, {
      name: 'Segment A',
      kind: 'static_segment',
    });
    await provider.segments.changeMembers(fx.listId, segment.id, {
      add: ['seg@example.com'],
      remove: [],
    });
    const remote = await provider.campaigns.create(
      draft({ title: 'Segment only', segmentId: segment.id })
    );
    expect(fx.sim.account(fx.accountId).campaigns.get(remote.id)!.audiences.included).toEqual([
      segment.id,
    ]);
  });

  it('has no test send on Klaviyo, and says so', async () => {
    const remote = await provider.campaigns.create(draft({ title: 'Test' }));
    await expect(provider.campaigns.sendTest(remote.id, ['me@example.com'])).rejects.toThrow(
      /cannot send test emails/
    );
  });

  it('deletes a draft and its template; an absent campaign is null', async () => {
    const remote = await provider.campaigns.create(draft({ title: 'Gone' }));
    await provider.campaigns.setContent(remote.id, '<p>bye</p>');
    const before = fx.sim.account(fx.accountId).templates.size;
    await provider.campaigns.delete(remote.id);
    expect(fx.sim.account(fx.accountId).templates.size).toBe(before - 1);
    expect(await provider.campaigns.get(remote.id)).toBeNull();
    await provider.campaigns.delete(remote.id);
  });

  it('queues values reports so their limit (1/s, 2 per window) is never exceeded', async () => {
    const remote = await provider.campaigns.create(draft({ title: 'Reported' }));
    await provider.campaigns.setContent(remote.id, '<p>r</p>');
    await provider.campaigns.send(remote.id);
    await settle();
    // Let the previous test's reports leave the windows.
    await settle(3200);
    fx.sim.clearLog();
    const started = Date.now();
    const reports = await Promise.all([1, 2, 3, 4].map(() => provider.campaigns.report(remote.id)));
    expect(reports.every((r) => r !== null)).toBe(true);
    const calls = fx.sim.requests.filter((r) => r.operation === 'queryCampaignValues');
    expect(calls).toHaveLength(4);
    expect(calls.every((c) => c.status === 200)).toBe(true);
    expect(fx.sim.stats().refusals.filter((r) => r.key.endsWith('queryCampaignValues'))).toEqual(
      []
    );
    // Two per 3-second window: the third waits for the window to pass.
    expect(Date.now() - started).toBeGreaterThanOrEqual(3000);
  });

  it('a report call that is throttled anyway is retried after Retry-After', async () => {
    const remote = [...fx.sim.account(fx.accountId).campaigns.values()].find(
      (c) => c.status === 'Sent'
    )!;
    await settle(3200);
    fx.sim.clearLog();
    fx.sim.setFaults({ rate429: 1, retryAfterSeconds: 1, only: 'queryCampaignValues' });
    setTimeout(() => fx.sim.setFaults({}), 300);
    const report = await provider.campaigns.report(remote.id);
    expect(report?.emailsSent).toBeGreaterThan(0);
    const calls = fx.sim.requests.filter((r) => r.operation === 'queryCampaignValues');
    expect(calls[0].status).toBe(429);
    expect(calls[calls.length - 1].status).toBe(200);
    expect(calls[calls.length - 1].at - calls[0].at).toBeGreaterThanOrEqual(950);
  });

  it('an unknown campaign id is not found', async () => {
    const error = await provider.campaigns
      .send('01NOSUCHCAMPAIGN000000000')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlatformError);
    expect((error as PlatformError).kind).toBe('not_found');
  });
});
