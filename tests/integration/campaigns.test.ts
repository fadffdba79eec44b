import { earliestSlot } from '../../server/src/campaigns/schedule-rule';
import { failedJobs, FAST_JOBS_CONFIG, waitFor, waitForIdle } from '../helpers/jobs';
import { startSimFixture, type SimFixture } from '../helpers/simulator';
import { startStrapi, type TestStrapi } from '../helpers/strapi';

const ARTICLE = 'api::article.article';

interface Metrics {
  recipients: number;
  delivered: number;
  uniqueOpens: number;
  uniqueClicks: number;
  openRate: number;
  clickThroughRate: number;
  clickToOpenRate: number;
  bounceRate: number;
  takenAt: string;
}

describe('campaigns: compose, test, schedule, send, metrics, segments, RBAC', () => {
  let fx: SimFixture;
  let app: TestStrapi;
  let token: string;
  let profileId: number;
  let sentCampaignId: number;

  const api = (
    method: 'get' | 'post' | 'put' | 'delete',
    path: string,
    body?: object,
    as = token
  ) => {
    const req = app.http[method](`/email-marketing${path}`).set('Authorization', `Bearer ${as}`);
    return body ? req.send(body) : req;
  };
  const idle = async () => {
    await waitForIdle(app.strapi, 120_000);
    expect(await failedJobs(app.strapi)).toEqual([]);
  };
  const remote = (id: string) => fx.sim.account(fx.accountId).campaigns.get(id);
  const subscribedOnList = () =>
    [...fx.sim.list(fx.listId).members.values()].filter((m) => m.status === 'subscribed').length;
  const draftBody = (over: Record<string, unknown> = {}) => ({
    name: 'May digest',
    audienceId: fx.listId,
    subject: 'Fresh from the roastery',
    previewText: 'Three stories',
    contentMode: 'html',
    html: '<p>Hello *|FNAME|*</p>',
    ...over,
  });
  const articles = async () => {
    const res = await api('get', `/campaigns/entries?uid=${ARTICLE}`).expect(200);
    return res.body.data as Array<{ documentId: string; title: string; imageUrl: string }>;
  };

  beforeAll(async () => {
    fx = await startSimFixture({ sendDurationMs: 300 });
    process.env.MAILCHIMP_API_ROOT = `${fx.sim.url}/{dc}/3.0`;
    app = await startStrapi({ pluginConfig: FAST_JOBS_CONFIG });
    token = await app.login('admin');
    await api('post', '/connections', { apiKey: fx.apiKey }).expect(200);
    const profile = await api('post', '/sync/profiles', {
      name: 'Contacts',
      sourceUid: 'api::contact.contact',
      emailField: 'email',
      consentField: 'marketingConsent',
      consentRule: { kind: 'boolean' },
      mergeFields: [{ attribute: 'firstName', tag: 'FNAME' }],
    });
    expect(profile.status).toBe(200);
    profileId = profile.body.data.id;
    await api('post', `/sync/profiles/${profileId}/sync`).expect(200);
    await idle();
  });
  afterAll(async () => {
    await app.stop();
    await fx.sim.stop();
    delete process.env.MAILCHIMP_API_ROOT;
  });

  it('the seeded editor gets 403 on every campaign route', async () => {
    const editor = await app.login('editor');
    for (const [method, path] of [
      ['get', '/campaigns'],
      ['get', '/campaigns/defaults'],
      ['get', '/campaigns/entry-sources'],
      ['post', '/campaigns/render'],
      ['post', '/campaigns'],
      ['post', '/campaigns/import'],
      ['post', '/campaigns/1/send'],
      ['post', '/campaigns/1/schedule'],
      ['post', '/campaigns/1/refresh'],
      ['post', '/campaigns/refresh'],
    ] as const) {
      const res = await api(method, path, {}, editor);
      expect(`${method} ${path} ${res.status}`).toBe(`${method} ${path} 403`);
    }
  });

  it('guesses entry sources and renders picked articles into a digest with absolute images', async () => {
    const sources = (await api('get', '/campaigns/entry-sources').expect(200)).body.data;
    expect(sources.find((s: { uid: string }) => s.uid === ARTICLE)).toEqual({
      uid: ARTICLE,
      displayName: 'Article',
      titleField: 'title',
      summaryField: 'summary',
      imageField: 'cover',
      linkField: 'slug',
    });
    const list = await articles();
    expect(list).toHaveLength(5);
    expect(
      list.every((a) => /^http:\/\/localhost:\d+\/covers\/article-\d\.svg$/.test(a.imageUrl))
    ).toBe(true);
    const searched = await api('get', `/campaigns/entries?uid=${ARTICLE}&q=BREW`).expect(200);
    expect(searched.body.data.map((a: { title: string }) => a.title)).toEqual(['Cold brew']);
    expect(searched.body.meta.total).toBe(1);
    const picked = [list[2], list[0]];
    const res = await api('post', '/campaigns/render', {
      subject: 'Digest',
      contentMode: 'entries',
      entries: picked.map((a) => ({ uid: ARTICLE, documentId: a.documentId })),
    }).expect(200);
    const html: string = res.body.data.html;
    expect(html.indexOf(picked[0].title)).toBeGreaterThan(0);
    expect(html.indexOf(picked[1].title)).toBeGreaterThan(html.indexOf(picked[0].title));
    expect(html).toContain(`src="${picked[0].imageUrl}"`);
    // The connection's platform (Mailchimp here) fills in the unsubscribe link.
    expect(html).toContain('<a href="*|UNSUB|*"');
    const gone = await api('post', '/campaigns/render', {
      contentMode: 'entries',
      entries: [{ uid: ARTICLE, documentId: 'nope' }],
    });
    expect(gone.status).toBe(400);
    expect(gone.body.error.message).toMatch(/Article entry nope was not found/);
  });

  it('prefills the sender from the connection', async () => {
    const res = await api('get', `/campaigns/defaults?audienceId=${fx.listId}`).expect(200);
    expect(res.body.data).toEqual({ fromName: 'Fixture Co', replyTo: 'news@fixture.example' });
  });

  it('scheduling at 10:07 is refused with a message naming the rule and valid times', async () => {
    const created = await api('post', '/campaigns', draftBody({ name: 'Off the quarter' }));
    expect(created.status).toBe(201);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const res = await api('post', `/campaigns/${created.body.data.id}/schedule`, {
      scheduledAt: `${tomorrow}T10:07:00Z`,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('quarter hour');
    expect(res.body.error.message).toContain(`${tomorrow} 10:00 UTC or ${tomorrow} 10:15 UTC`);
    expect(res.body.error.details.suggestions).toEqual([
      `${tomorrow}T10:00:00.000Z`,
      `${tomorrow}T10:15:00.000Z`,
    ]);
    expect(remote(created.body.data.remoteId)!.status).toBe('save');
  });

  it('full lifecycle: draft → test → schedule → unschedule → send → sent → metrics', async () => {
    const list = await articles();
    const created = await api('post', '/campaigns', {
      ...draftBody(),
      contentMode: 'entries',
      intro: 'What we brewed this month',
      entries: list.slice(0, 3).map((a) => ({ uid: ARTICLE, documentId: a.documentId })),
    });
    expect(created.status).toBe(201);
    const campaign = created.body.data;
    expect(campaign).toMatchObject({
      platform: 'Mailchimp',
      status: 'draft',
      fromName: 'Fixture Co',
      replyTo: 'news@fixture.example',
      recipientCount: subscribedOnList(),
      metrics: null,
    });
    const onPlatform = remote(campaign.remoteId)!;
    expect(onPlatform.settings).toMatchObject({
      subject_line: 'Fresh from the roastery',
      title: 'May digest',
    });
    expect(onPlatform.html).toContain(list[0].title);
    expect(onPlatform.html).toContain(list[0].imageUrl);
    expect(onPlatform.html).toContain('<a href="*|UNSUB|*"');
    const id = campaign.id as number;

    // Test: up to 5 addresses.
    const tested = await api('post', `/campaigns/${id}/test`, {
      emails: ['ada@example.com', 'grace@example.com'],
    });
    expect(tested.status).toBe(200);
    expect(tested.body.data).toEqual({ sent: 2 });
    expect(onPlatform.tests.map((t) => t.emails)).toEqual([
      ['ada@example.com', 'grace@example.com'],
    ]);
    const tooMany = await api('post', `/campaigns/${id}/test`, {
      emails: ['a@x.io', 'b@x.io', 'c@x.io', 'd@x.io', 'e@x.io', 'f@x.io'],
    });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.message).toBe('Send a test to 1 to 5 addresses.');

    // Schedule, then take it back.
    const at = new Date(earliestSlot(new Date()).getTime() + 3_600_000).toISOString();
    const scheduled = await api('post', `/campaigns/${id}/schedule`, { scheduledAt: at });
    expect(scheduled.status).toBe(200);
    expect(scheduled.body.data).toMatchObject({ status: 'scheduled' });
    expect(new Date(scheduled.body.data.scheduledAt).toISOString()).toBe(at);
    expect(onPlatform.status).toBe('schedule');
    const unscheduled = await api('post', `/campaigns/${id}/unschedule`).expect(200);
    expect(unscheduled.body.data).toMatchObject({ status: 'draft', scheduledAt: null });
    expect(onPlatform.status).toBe('save');

    // Send now.
    const sent = await api('post', `/campaigns/${id}/send`).expect(200);
    expect(['sending', 'sent']).toContain(sent.body.data.status);
    expect(sent.body.data.recipientCount).toBe(subscribedOnList());
    const detail = await waitFor(
      async () => {
        const res = await api('post', `/campaigns/${id}/refresh`).expect(200);
        return res.body.data.status === 'sent' ? res.body.data : null;
      },
      { what: 'the campaign to be sent' }
    );
    sentCampaignId = id;
    expect(detail.lastError).toBeNull();
    expect(detail.sentAt).not.toBeNull();
    expect(detail.snapshots.length).toBeGreaterThanOrEqual(1);
    // Metrics from the platform's report, with the formulas applied.
    const report = await fx.client().getReport(campaign.remoteId);
    const m = detail.metrics as Metrics;
    const delivered =
      report.emails_sent - report.bounces.hard_bounces - report.bounces.soft_bounces;
    expect(m).toMatchObject({
      recipients: report.emails_sent,
      delivered,
      uniqueOpens: report.opens.unique_opens,
      uniqueClicks: report.clicks.unique_subscriber_clicks,
    });
    expect(m.recipients).toBe(subscribedOnList());
    expect(m.uniqueOpens).toBeGreaterThan(0);
    expect(m.openRate).toBeCloseTo(report.opens.unique_opens / delivered, 10);
    expect(m.clickThroughRate).toBeCloseTo(report.clicks.unique_subscriber_clicks / delivered, 10);
    expect(m.clickToOpenRate).toBeCloseTo(
      report.clicks.unique_subscriber_clicks / report.opens.unique_opens,
      10
    );
    expect(detail.snapshots.at(-1)).toEqual(m);

    // Audit: each send, schedule and unschedule.
    const actions = (
      await app.strapi.db.query('plugin::email-marketing.audit-event').findMany({
        where: { subjectType: 'campaign', subjectId: String(id) },
        orderBy: { id: 'asc' },
      })
    ).map((e: { action: string; actorName: string }) => `${e.action} by ${e.actorName}`);
    expect(actions).toEqual([
      'campaign.created by Ada Admin',
      'campaign.test-sent by Ada Admin',
      'campaign.scheduled by Ada Admin',
      'campaign.unscheduled by Ada Admin',
      'campaign.sent by Ada Admin',
    ]);
    // A sent campaign is not deleted.
    expect((await api('delete', `/campaigns/${id}`)).status).toBe(400);
  });

  it('sending to a segment reaches only that segment’s members', async () => {
    const segment = await api('post', '/segments', {
      name: 'Paris',
      profileId,
      match: 'all',
      conditions: [{ field: 'city', operator: 'eq', value: 'Paris' }],
    });
    expect(segment.status).toBe(201);
    await idle();
    const synced = (await api('get', `/segments/${segment.body.data.id}`)).body.data;
    expect(synced).toMatchObject({ status: 'synced' });
    const list = fx.sim.list(fx.listId);
    const members = [...list.segments.get(Number(synced.remoteId))!.members]
      .map((hash) => list.members.get(hash)!.email_address)
      .sort();
    expect(members.length).toBe(synced.memberCount);
    expect(members.length).toBeLessThan(subscribedOnList());

    const created = await api(
      'post',
      '/campaigns',
      draftBody({ name: 'Paris only', segmentId: synced.id })
    );
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({
      segmentName: 'Paris',
      recipientCount: members.length,
    });
    await api('post', `/campaigns/${created.body.data.id}/send`).expect(200);
    const sentTo = remote(created.body.data.remoteId)!
      .sentTo.map((hash) => list.members.get(hash)!.email_address)
      .sort();
    expect(sentTo).toEqual(members);
  });

  it('a campaign deleted on the platform shows as error with a clear message', async () => {
    const created = await api('post', '/campaigns', draftBody({ name: 'Doomed' }));
    expect(created.status).toBe(201);
    fx.sim.account(fx.accountId).campaigns.delete(created.body.data.remoteId);
    const res = await api('post', `/campaigns/${created.body.data.id}/refresh`).expect(200);
    expect(res.body.data.status).toBe('error');
    expect(res.body.data.lastError).toMatch(/no longer exists on Mailchimp \(deleted there\?\)/);
    const send = await api('post', `/campaigns/${created.body.data.id}/send`);
    expect(send.status).toBe(400);
    // It can be removed here.
    await api('delete', `/campaigns/${created.body.data.id}`).expect(200);
  });

  it('a refresh with the platform down keeps the last snapshot and says so', async () => {
    const before = (await api('get', `/campaigns/${sentCampaignId}`).expect(200)).body.data;
    expect(before.metrics).not.toBeNull();
    fx.sim.setFaults({ outage: { start: Date.now(), end: Date.now() + 120_000, mode: '503' } });
    try {
      const res = await api('post', `/campaigns/${sentCampaignId}/refresh`).expect(200);
      expect(res.body.data.metrics).toEqual(before.metrics);
      expect(res.body.data.snapshots).toHaveLength(before.snapshots.length);
      expect(res.body.data.status).toBe('sent');
      expect(res.body.data.lastError).toMatch(
        /The last refresh failed .*Mailchimp had a temporary problem \(HTTP 503\)/
      );
    } finally {
      fx.sim.setFaults({});
    }
    const after = await api('post', `/campaigns/${sentCampaignId}/refresh`).expect(200);
    expect(after.body.data.lastError).toBeNull();
    // The line still ends at the latest refresh.
    expect(after.body.data.snapshots.at(-1)).toEqual(after.body.data.metrics);
  });

  it('a refresh that finds the same numbers stores no new snapshot', async () => {
    const stored = () =>
      app.strapi.db
        .query('plugin::email-marketing.campaign-snapshot')
        .count({ where: { campaignId: sentCampaignId } });
    const rowsBefore = await stored();
    expect(rowsBefore).toBeGreaterThanOrEqual(1);
    const first = (await api('post', `/campaigns/${sentCampaignId}/refresh`).expect(200)).body.data;
    const second = (await api('post', `/campaigns/${sentCampaignId}/refresh`).expect(200)).body
      .data;
    expect(await stored()).toBe(rowsBefore);
    expect(second.metrics.takenAt > first.metrics.takenAt).toBe(true);
    // The chart: every stored change, then the latest refresh (same numbers, its own time).
    expect(second.snapshots).toHaveLength(rowsBefore + 1);
    expect(second.snapshots.at(-1)).toEqual(second.metrics);
    const { takenAt: _a, ...numbers } = second.metrics;
    const { takenAt: _b, ...previous } = second.snapshots.at(-2);
    expect(previous).toEqual(numbers);
  });

  it('refresh-all runs as the scheduled job and refreshes each campaign', async () => {
    const before = (await api('get', `/campaigns/${sentCampaignId}`)).body.data.metrics.takenAt;
    const res = await api('post', '/campaigns/refresh').expect(202);
    expect(res.body.data.jobId).toEqual(expect.any(Number));
    await idle();
    const after = (await api('get', `/campaigns/${sentCampaignId}`)).body.data.metrics.takenAt;
    expect(after > before).toBe(true);
    const schedule = (await api('get', '/schedule').expect(200)).body.data;
    const byName = Object.fromEntries(schedule.map((t: { name: string }) => [t.name, t]));
    expect(byName['campaign-metrics']).toMatchObject({ cron: '30 7 * * *', active: true });
    expect(byName['campaign-metrics-active']).toMatchObject({ cron: '0 */6 * * *', active: true });
  });

  it('imports a campaign made on the platform and tracks its metrics', async () => {
    const client = fx.client();
    const made = await client.createCampaign({
      type: 'regular',
      recipients: { list_id: fx.listId },
      settings: {
        title: 'Made in Mailchimp',
        subject_line: 'Hi',
        from_name: 'Fx',
        reply_to: 'fx@fixture.example',
      },
    });
    await client.setCampaignContent(made.id, { html: '<p>Hi</p>' });
    await client.send(made.id);
    const res = await api('post', '/campaigns/import', { remoteId: made.id });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({
      name: 'Made in Mailchimp',
      remoteId: made.id,
      subject: 'Hi',
    });
    expect(['sending', 'sent']).toContain(res.body.data.status);
    expect(res.body.data.metrics?.recipients).toBe(subscribedOnList());
    const again = await api('post', '/campaigns/import', { remoteId: made.id });
    expect(again.status).toBe(400);
    const missing = await api('post', '/campaigns/import', { remoteId: 'nope123' });
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toBe('Mailchimp has no campaign with the id nope123.');
  });

  it('a role without campaigns.send saves drafts but cannot send or schedule', async () => {
    const roles = app.strapi.service('admin::role');
    const role = await roles.create({ name: 'Campaign writer', description: 'drafts only' });
    await roles.assignPermissions(
      role.id,
      ['campaigns.read', 'campaigns.manage'].map((action) => ({
        action: `plugin::email-marketing.${action}`,
        subject: null,
        properties: {},
        conditions: [],
      }))
    );
    const writer = { email: 'writer@example.com', password: 'Writer12345!' };
    await app.strapi.service('admin::user').create({
      ...writer,
      firstname: 'Wendy',
      lastname: 'Writer',
      isActive: true,
      roles: [role.id],
    });
    const login = await app.http.post('/admin/login').send(writer).expect(200);
    const as = login.body.data.token as string;
    const created = await api('post', '/campaigns', draftBody({ name: 'Writer draft' }), as);
    expect(created.status).toBe(201);
    const id = created.body.data.id;
    await api('put', `/campaigns/${id}`, draftBody({ name: 'Writer draft v2' }), as).expect(200);
    expect(remote(created.body.data.remoteId)!.settings.title).toBe('Writer draft v2');
    await api('get', '/campaigns', undefined, as).expect(200);
    for (const path of ['send', 'schedule', 'unschedule', 'cancel']) {
      const res = await api('post', `/campaigns/${id}/${path}`, {}, as);
      expect(`${path} ${res.status}`).toBe(`${path} 403`);
    }
    expect(remote(created.body.data.remoteId)!.status).toBe('save');
  });

  it('refreshing metrics writes, so it needs campaigns.manage: a reader can read, not refresh', async () => {
    const roles = app.strapi.service('admin::role');
    const role = await roles.create({ name: 'Campaign reader', description: 'read only' });
    await roles.assignPermissions(role.id, [
      {
        action: 'plugin::email-marketing.campaigns.read',
        subject: null,
        properties: {},
        conditions: [],
      },
    ]);
    const reader = { email: 'reader@example.com', password: 'Reader12345!' };
    await app.strapi.service('admin::user').create({
      ...reader,
      firstname: 'Rita',
      lastname: 'Reader',
      isActive: true,
      roles: [role.id],
    });
    const login = await app.http.post('/admin/login').send(reader).expect(200);
    const as = login.body.data.token as string;
    await api('get', `/campaigns/${sentCampaignId}`, undefined, as).expect(200);
    const snapshots = await app.strapi.db
      .query('plugin::email-marketing.campaign-snapshot')
      .count({});
    for (const path of [`/campaigns/${sentCampaignId}/refresh`, '/campaigns/refresh']) {
      const res = await api('post', path, {}, as);
      expect(`${path} ${res.status}`).toBe(`${path} 403`);
    }
    expect(await app.strapi.db.query('plugin::email-marketing.campaign-snapshot').count({})).toBe(
      snapshots
    );
  });
});
