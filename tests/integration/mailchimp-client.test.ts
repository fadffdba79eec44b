import { PlatformError } from '../../server/src/providers/errors';
import {
  bulkUpsert,
  MailchimpClient,
  paginate,
  subscriberHash,
  type UpsertContact,
} from '../../server/src/providers/mailchimp';
import { checkRequest } from '../simulator/spec';
import { startSimFixture, type SimFixture } from '../helpers/simulator';

/** Awaits a promise that must fail, and returns its PlatformError. */
const failure = async (promise: Promise<unknown>): Promise<PlatformError> => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof PlatformError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
};

describe('MailchimpClient against the simulator', () => {
  let fx: SimFixture;
  let client: MailchimpClient;

  beforeAll(async () => {
    fx = await startSimFixture();
    client = fx.client();
  });
  afterAll(async () => {
    await fx.sim.stop();
  });
  afterEach(() => fx.sim.setFaults({}));

  describe('account', () => {
    it('pings and reads the account', async () => {
      await expect(client.ping()).resolves.toEqual({ health_status: "Everything's Chimpy!" });
      const account = await client.getAccount();
      expect(account.account_name).toBe('Fixture Co');
      expect(account.email).toBe('owner@fixture.example');
    });

    it('derives the base URL from the key data center', () => {
      expect(client.dc).toBe('us7');
      expect(client.baseURL).toBe(`${fx.sim.url}/us7/3.0`);
    });
  });

  describe('audiences and merge fields', () => {
    it('lists audiences with member counts and campaign defaults', async () => {
      fx.sim.seedMembers(fx.listId, [{ email_address: 'counted@example.com' }]);
      const page = await client.getAudiences();
      expect(page.total_items).toBe(1);
      expect(page.lists[0]).toMatchObject({
        id: fx.listId,
        name: 'Fixture audience',
        campaign_defaults: { from_name: 'Fixture Co', from_email: 'news@fixture.example' },
      });
      expect(page.lists[0].stats.member_count).toBe(1);
      await expect(client.getAudience(fx.listId)).resolves.toMatchObject({ id: fx.listId });
    });

    it('reads the default and custom merge fields and creates one', async () => {
      const { merge_fields } = await client.getMergeFields(fx.listId);
      expect(merge_fields.map((f) => f.tag)).toEqual([
        'FNAME',
        'LNAME',
        'ADDRESS',
        'PHONE',
        'BIRTHDAY',
        'JOINED',
        'SCORE',
        'PLAN',
      ]);
      const created = await client.createMergeField(fx.listId, { name: 'Company', type: 'text' });
      expect(created.tag).toBe('COMPANY');
      const again = await failure(
        client.createMergeField(fx.listId, { name: 'Company', type: 'text', tag: 'COMPANY' })
      );
      expect(again.kind).toBe('validation');
      expect(again.fieldErrors[0].field).toBe('tag');
    });
  });

  describe('members', () => {
    it('creates with status_if_new and reads the member back by hash', async () => {
      const member = await client.upsertMember(fx.listId, {
        email_address: '  New.Person@Example.com ',
        status_if_new: 'pending',
        merge_fields: {
          FNAME: 'New',
          BIRTHDAY: '02/29',
          JOINED: '2026-01-31',
          SCORE: 7,
          PLAN: 'pro',
        },
      });
      expect(member.id).toBe(subscriberHash('new.person@example.com'));
      expect(member.status).toBe('pending');
      await expect(client.getMember(fx.listId, 'new.person@example.com')).resolves.toMatchObject({
        status: 'pending',
        merge_fields: { FNAME: 'New', PLAN: 'pro' },
      });
    });

    it('never changes an existing status on upsert (status_if_new is for new members only)', async () => {
      fx.sim.seedMembers(fx.listId, [
        { email_address: 'left@example.com', status_if_new: 'unsubscribed' },
      ]);
      const member = await client.upsertMember(fx.listId, {
        email_address: 'left@example.com',
        status_if_new: 'subscribed',
        merge_fields: { FNAME: 'Left' },
      });
      expect(member.status).toBe('unsubscribed');
      expect(member.merge_fields.FNAME).toBe('Left');
    });

    it('gives a compliance error when asked to re-subscribe someone who unsubscribed, but allows pending', async () => {
      const error = await failure(
        client.setMemberStatus(fx.listId, 'left@example.com', 'subscribed')
      );
      expect(error).toMatchObject({
        kind: 'compliance',
        status: 400,
        title: 'Member In Compliance State',
      });
      expect(error.message).toMatch(/cannot be re-subscribed by the plugin/);
      expect(error.retryable).toBe(false);
      await expect(
        client.setMemberStatus(fx.listId, 'left@example.com', 'pending')
      ).resolves.toMatchObject({ status: 'pending' });
    });

    it('reports merge-field validation errors per field', async () => {
      const error = await failure(
        client.upsertMember(fx.listId, {
          email_address: 'bad@example.com',
          status_if_new: 'subscribed',
          merge_fields: { BIRTHDAY: '1990-05-04', PLAN: 'gold', NOPE: 'x' },
        })
      );
      expect(error.kind).toBe('validation');
      expect(error.detail).toBe('Your merge fields were invalid.');
      expect(error.fieldErrors.map((f) => f.field).sort()).toEqual(['BIRTHDAY', 'NOPE', 'PLAN']);
      expect(fx.sim.member(fx.listId, 'bad@example.com')).toBeUndefined();
    });

    it('archives, then deletes permanently, after which the address is forgotten', async () => {
      await client.upsertMember(fx.listId, {
        email_address: 'erase@example.com',
        status_if_new: 'subscribed',
      });
      await client.archiveMember(fx.listId, 'erase@example.com');
      expect(fx.sim.member(fx.listId, 'erase@example.com')?.status).toBe('archived');
      await client.deleteMemberPermanently(fx.listId, 'erase@example.com');
      const error = await failure(
        client.upsertMember(fx.listId, {
          email_address: 'erase@example.com',
          status_if_new: 'subscribed',
        })
      );
      expect(error).toMatchObject({
        kind: 'forgotten',
        title: 'Forgotten Email Not Subscribed',
        retryable: false,
      });
    });

    it('answers not_found for an unknown member and audience', async () => {
      await expect(
        failure(client.getMember(fx.listId, 'nobody@example.com'))
      ).resolves.toMatchObject({ kind: 'not_found', status: 404 });
      await expect(failure(client.getAudience('0000000000'))).resolves.toMatchObject({
        kind: 'not_found',
      });
    });

    it('filters members by status and since_last_changed, and pages through them', async () => {
      const before = new Date(Date.now() - 1000).toISOString();
      fx.sim.seedMembers(
        fx.listId,
        Array.from({ length: 25 }, (_, i) => ({ email_address: `page${i}@example.com` }))
      );
      fx.sim.unsubscribe(fx.listId, 'page3@example.com');
      const unsubscribed = await client.getMembers(fx.listId, {
        status: 'unsubscribed',
        since_last_changed: before,
      });
      expect(unsubscribed.members.map((m) => m.email_address)).toEqual(['page3@example.com']);
      const all: string[] = [];
      for await (const member of paginate(
        (page) => client.getMembers(fx.listId, page),
        (p) => p.members,
        7
      ))
        all.push(member.email_address);
      expect(all).toHaveLength((await client.getMembers(fx.listId)).total_items);
      expect(new Set(all).size).toBe(all.length);
    });

    it('sets and removes tags', async () => {
      await client.upsertMember(fx.listId, {
        email_address: 'tagged@example.com',
        status_if_new: 'subscribed',
      });
      await client.setTags(fx.listId, 'tagged@example.com', [
        { name: 'vip', status: 'active' },
        { name: 'beta', status: 'active' },
      ]);
      await client.setTags(fx.listId, 'tagged@example.com', [{ name: 'beta', status: 'inactive' }]);
      const member = await client.getMember(fx.listId, 'tagged@example.com');
      expect(member.tags.map((t) => t.name)).toEqual(['vip']);
    });
  });

  describe('batch subscribe', () => {
    it('creates new members and leaves existing ones untouched with update_existing:false', async () => {
      fx.sim.seedMembers(fx.listId, [
        { email_address: 'kept@example.com', status_if_new: 'unsubscribed' },
      ]);
      const result = await client.batchSubscribe(
        fx.listId,
        [
          { email_address: 'fresh1@example.com', status: 'subscribed' },
          { email_address: 'kept@example.com', status: 'subscribed' },
          { email_address: 'not-an-email', status: 'subscribed' },
        ],
        { updateExisting: false }
      );
      expect(result.total_created).toBe(1);
      expect(result.errors.map((e) => e.error_code).sort()).toEqual([
        'ERROR_CONTACT_EXISTS',
        'ERROR_GENERIC',
      ]);
      expect(fx.sim.member(fx.listId, 'kept@example.com')?.status).toBe('unsubscribed');
    });

    it('refuses more than 500 members in one call', async () => {
      const members = Array.from({ length: 501 }, (_, i) => ({
        email_address: `over${i}@example.com`,
        status: 'subscribed' as const,
      }));
      const error = await failure(
        client.batchSubscribe(fx.listId, members, { updateExisting: false })
      );
      expect(error.kind).toBe('validation');
      expect(error.fieldErrors[0].field).toBe('members');
    });
  });

  describe('bulk upsert', () => {
    it('creates new, updates existing without touching status, and reports each contact', async () => {
      fx.sim.seedMembers(fx.listId, [
        { email_address: 'bulk-unsub@example.com', status_if_new: 'unsubscribed' },
        { email_address: 'bulk-pending@example.com', status_if_new: 'pending' },
        { email_address: 'bulk-cleaned@example.com', status_if_new: 'cleaned' },
      ]);
      const contacts: UpsertContact[] = [
        {
          email: 'bulk-unsub@example.com',
          statusIfNew: 'subscribed' as const,
          mergeFields: { FNAME: 'Una' },
        },
        {
          email: 'bulk-pending@example.com',
          statusIfNew: 'subscribed' as const,
          mergeFields: { FNAME: 'Pen' },
        },
        {
          email: 'bulk-cleaned@example.com',
          statusIfNew: 'subscribed' as const,
          mergeFields: { FNAME: 'Clea' },
        },
        ...Array.from({ length: 30 }, (_, i) => ({
          email: `bulk-new${i}@example.com`,
          statusIfNew: 'subscribed' as const,
          mergeFields: { FNAME: `N${i}` },
        })),
        {
          email: 'bulk-badmerge@example.com',
          statusIfNew: 'subscribed' as const,
          mergeFields: { PLAN: 'gold' },
        },
      ];
      // directUpdateThreshold 0 forces the /batches path for the three existing members.
      const outcomes = await bulkUpsert(client, fx.listId, contacts, {
        directUpdateThreshold: 0,
        pollStartMs: 10,
      });
      const byEmail = new Map(outcomes.map((o) => [o.email, o]));
      expect(outcomes).toHaveLength(contacts.length);
      expect(byEmail.get('bulk-unsub@example.com')).toEqual({
        email: 'bulk-unsub@example.com',
        outcome: 'updated',
        status: 'unsubscribed',
      });
      expect(byEmail.get('bulk-pending@example.com')).toMatchObject({
        outcome: 'updated',
        status: 'pending',
      });
      expect(byEmail.get('bulk-cleaned@example.com')).toMatchObject({
        outcome: 'updated',
        status: 'cleaned',
      });
      expect(byEmail.get('bulk-new0@example.com')).toMatchObject({
        outcome: 'created',
        status: 'subscribed',
      });
      expect(byEmail.get('bulk-badmerge@example.com')).toMatchObject({
        outcome: 'failed',
        kind: 'validation',
        field: 'PLAN',
      });
      // The remote statuses are what they were; merge fields did update.
      expect(fx.sim.member(fx.listId, 'bulk-unsub@example.com')).toMatchObject({
        status: 'unsubscribed',
        merge_fields: expect.objectContaining({ FNAME: 'Una' }),
      });
      expect(fx.sim.member(fx.listId, 'bulk-pending@example.com')?.status).toBe('pending');
      expect(fx.sim.member(fx.listId, 'bulk-cleaned@example.com')?.status).toBe('cleaned');
      // No request of the bulk path carried `status` for an existing member.
      const puts = fx.sim.requests.filter((r) => r.operation === 'POST /batches');
      const ops = (puts.at(-1)?.body as { operations: Array<{ body: string }> }).operations;
      expect(ops.every((op) => !('status' in JSON.parse(op.body)))).toBe(true);
    });

    it('reports a forgotten address as forgotten and the rest as done', async () => {
      fx.sim.seedMembers(fx.listId, [{ email_address: 'gone@example.com' }]);
      await client.deleteMemberPermanently(fx.listId, 'gone@example.com');
      const outcomes = await bulkUpsert(client, fx.listId, [
        { email: 'gone@example.com', statusIfNew: 'subscribed' },
        { email: 'fine@example.com', statusIfNew: 'subscribed' },
      ]);
      expect(outcomes[0]).toMatchObject({ outcome: 'failed', kind: 'forgotten' });
      expect(outcomes[1]).toMatchObject({ outcome: 'created' });
    });
  });

  describe('static segments', () => {
    it('creates a segment, adds and removes members in one call, and deletes it', async () => {
      fx.sim.seedMembers(fx.listId, [
        { email_address: 'seg1@example.com' },
        { email_address: 'seg2@example.com' },
      ]);
      const segment = await client.createStaticSegment(fx.listId, 'Customers');
      expect(segment).toMatchObject({ name: 'Customers', type: 'static', member_count: 0 });
      const added = await client.updateSegmentMembers(fx.listId, segment.id, {
        add: ['seg1@example.com', 'seg2@example.com', 'stranger@example.com'],
      });
      expect(added.total_added).toBe(2);
      expect(added.errors[0].email_addresses).toEqual(['stranger@example.com']);
      const removed = await client.updateSegmentMembers(fx.listId, segment.id, {
        remove: ['seg2@example.com'],
      });
      expect(removed.total_removed).toBe(1);
      const { segments } = await client.getSegments(fx.listId, { type: 'static' });
      expect(segments.find((s) => s.id === segment.id)?.member_count).toBe(1);
      await client.deleteSegment(fx.listId, segment.id);
      await expect(failure(client.deleteSegment(fx.listId, segment.id))).resolves.toMatchObject({
        kind: 'not_found',
      });
    });
  });

  describe('webhooks', () => {
    it('registers after the URL answers the validation GET, lists, updates and deletes', async () => {
      const http = await import('http');
      const seen: string[] = [];
      const receiver = http.createServer((req, res) => {
        seen.push(req.method ?? '');
        res.end('ok');
      });
      await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
      const address = receiver.address() as { port: number };
      try {
        const hook = await client.createWebhook(fx.listId, {
          url: `http://127.0.0.1:${address.port}/hook`,
          events: {
            subscribe: true,
            unsubscribe: true,
            profile: true,
            cleaned: true,
            upemail: true,
            campaign: true,
          },
          sources: { user: true, admin: true, api: false },
        });
        expect(seen).toEqual(['GET']);
        expect((await client.getWebhooks(fx.listId)).webhooks.map((w) => w.id)).toContain(hook.id);
        await expect(
          client.updateWebhook(fx.listId, hook.id, { events: { ...hook.events, campaign: false } })
        ).resolves.toMatchObject({ events: { campaign: false } });
        await client.deleteWebhook(fx.listId, hook.id);
        expect((await client.getWebhooks(fx.listId)).total_items).toBe(0);
      } finally {
        receiver.close();
      }
    });

    it('refuses a URL that does not answer the validation GET', async () => {
      const error = await failure(
        client.createWebhook(fx.listId, {
          url: 'http://127.0.0.1:9/nothing',
          events: {
            subscribe: true,
            unsubscribe: true,
            profile: false,
            cleaned: false,
            upemail: false,
            campaign: false,
          },
          sources: { user: true, admin: true, api: false },
        })
      );
      expect(error.kind).toBe('validation');
      expect(error.fieldErrors[0].message).toMatch(/couldn't verify the URL/);
    });
  });

  describe('campaigns and reports', () => {
    const draft = async () => {
      const campaign = await client.createCampaign({
        type: 'regular',
        recipients: { list_id: fx.listId },
        settings: {
          subject_line: 'Hello',
          from_name: 'Fixture Co',
          reply_to: 'news@fixture.example',
          title: 'Hello',
        },
      });
      await client.setCampaignContent(campaign.id, { html: '<h1>Hello</h1><p>News</p>' });
      return campaign;
    };

    it('creates, fills, tests, sends and reports', async () => {
      const campaign = await draft();
      expect(campaign.status).toBe('save');
      await expect(client.getCampaignContent(campaign.id)).resolves.toMatchObject({
        html: '<h1>Hello</h1><p>News</p>',
        plain_text: 'Hello News',
      });
      await expect(client.getSendChecklist(campaign.id)).resolves.toMatchObject({ is_ready: true });
      await client.sendTest(campaign.id, ['qa@example.com']);
      await client.send(campaign.id);
      const sending = await client.getCampaign(campaign.id);
      expect(sending.status).toBe('sending');
      const subscribed = [...fx.sim.list(fx.listId).members.values()].filter(
        (m) => m.status === 'subscribed'
      ).length;
      expect(sending.emails_sent).toBe(subscribed);
      await new Promise((resolve) => setTimeout(resolve, fx.sim.options.sendDurationMs + 50));
      expect((await client.getCampaign(campaign.id)).status).toBe('sent');
      const report = await client.getReport(campaign.id);
      expect(report.emails_sent).toBe(subscribed);
      const delivered =
        report.emails_sent - report.bounces.hard_bounces - report.bounces.soft_bounces;
      expect(report.opens.open_rate).toBeCloseTo(report.opens.unique_opens / delivered, 10);
      // Deterministic: the same campaign reports the same numbers on every read.
      await expect(client.getReport(campaign.id)).resolves.toEqual(report);
      const activity = await client.getEmailActivity(campaign.id);
      expect(
        activity.emails.filter((e) => e.activity.some((a) => a.action === 'open'))
      ).toHaveLength(report.opens.unique_opens);
    });

    it('lets opens and clicks grow over time, report, timeseries and activity agreeing', async () => {
      fx.sim.options.engagementHoursPerSecond = 0; // a clock that moves only when told
      try {
        const campaign = await draft();
        await client.send(campaign.id);
        const atSend = await client.getReport(campaign.id);
        expect(atSend.opens.unique_opens).toBe(0);
        expect(atSend.timeseries).toEqual([]);

        fx.sim.advanceEngagement(campaign.id, 6);
        const early = await client.getReport(campaign.id);
        expect(early.timeseries).toHaveLength(6);
        const hourlyOpens = early.timeseries!.reduce((sum, p) => sum + p.unique_opens, 0);
        expect(hourlyOpens).toBe(early.opens.unique_opens);
        expect(early.timeseries![0].emails_sent).toBe(early.emails_sent);
        const openers = (await client.getEmailActivity(campaign.id)).emails.filter((e) =>
          e.activity.some((a) => a.action === 'open')
        );
        expect(openers).toHaveLength(early.opens.unique_opens);
        const sentAt = Date.parse(early.send_time);
        for (const opener of openers) {
          const openedAt = Date.parse(opener.activity[0].timestamp);
          expect(openedAt).toBeGreaterThanOrEqual(sentAt);
          expect(openedAt).toBeLessThanOrEqual(sentAt + 6 * 3_600_000);
        }

        fx.sim.advanceEngagement(campaign.id, 200);
        const final = await client.getReport(campaign.id);
        expect(final.opens.unique_opens).toBeGreaterThan(early.opens.unique_opens);
        expect(final.clicks.unique_clicks).toBeGreaterThanOrEqual(early.clicks.unique_clicks);
        expect(final.timeseries).toHaveLength(24);
        // Bounces happen at the send, not over time.
        expect(final.bounces).toEqual(early.bounces);
      } finally {
        fx.sim.options.engagementHoursPerSecond = null;
      }
    });

    it('refuses to send a campaign that is not ready', async () => {
      const campaign = await client.createCampaign({
        type: 'regular',
        recipients: { list_id: fx.listId },
        settings: { subject_line: 'No content' },
      });
      const error = await failure(client.send(campaign.id));
      expect(error).toMatchObject({
        kind: 'validation',
        title: 'Bad Request',
        detail: 'Your Campaign is not ready to send.',
      });
    });

    it('schedules on quarter hours only, unschedules, and cancels while sending', async () => {
      const campaign = await draft();
      const off = new Date(Date.now() + 2 * 3600_000);
      off.setUTCMinutes(7, 0, 0);
      await expect(failure(client.schedule(campaign.id, off))).resolves.toMatchObject({
        kind: 'validation',
        detail: expect.stringMatching(/quarter-hour/),
      });
      const past = new Date(Date.UTC(2020, 0, 1, 10, 15));
      await expect(failure(client.schedule(campaign.id, past))).resolves.toMatchObject({
        detail: expect.stringMatching(/future/),
      });
      const at = new Date(Date.now() + 2 * 3600_000);
      at.setUTCMinutes(30, 0, 0);
      await client.schedule(campaign.id, at);
      expect(await client.getCampaign(campaign.id)).toMatchObject({
        status: 'schedule',
        send_time: at.toISOString().replace('.000Z', '+00:00'),
      });
      await client.unschedule(campaign.id);
      expect((await client.getCampaign(campaign.id)).status).toBe('save');
      await client.send(campaign.id);
      await client.cancelSend(campaign.id);
      expect((await client.getCampaign(campaign.id)).status).toBe('canceled');
      await expect(failure(client.unschedule(campaign.id))).resolves.toMatchObject({
        kind: 'validation',
      });
    });

    it('refuses to delete a campaign while it is sending (405)', async () => {
      const campaign = await draft();
      await client.send(campaign.id);
      await expect(failure(client.deleteCampaign(campaign.id))).resolves.toMatchObject({
        kind: 'validation',
        status: 405,
      });
    });
  });

  describe('error kinds', () => {
    it('auth: a revoked key, and a key sent to another data center, get 401 API Key Invalid', async () => {
      const { apiKey } = fx.sim.createAccount({ dc: 'us7' });
      const other = fx.client({ credentials: { kind: 'apiKey', apiKey } });
      await expect(other.ping()).resolves.toBeDefined();
      fx.sim.revokeKey(apiKey);
      const revoked = await failure(other.ping());
      expect(revoked).toMatchObject({
        kind: 'auth',
        status: 401,
        title: 'API Key Invalid',
        retryable: false,
      });
      const wrongDc = new MailchimpClient({
        credentials: { kind: 'apiKey', apiKey: fx.apiKey },
        apiRoot: `${fx.sim.url}/us1/3.0`,
      });
      await expect(failure(wrongDc.ping())).resolves.toMatchObject({ kind: 'auth', status: 401 });
    });

    it('auth: a malformed key is refused before any request', () => {
      expect(() => fx.client({ credentials: { kind: 'apiKey', apiKey: 'abc-us1' } })).toThrow(
        /32 characters long; this one has 3/
      );
    });

    it('rate_limit: 429 with and without a JSON body is retried honouring Retry-After, then succeeds', async () => {
      fx.sim.setFaults({ rate429: 1, concurrency429Body: 'empty', retryAfterSeconds: 0 });
      const retries: number[] = [];
      const limited = fx.client({
        retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 5 },
        onRetry: ({ delayMs }) => retries.push(delayMs),
      });
      const error = await failure(limited.ping());
      expect(error).toMatchObject({ kind: 'rate_limit', status: 429, retryAfterMs: 0 });
      expect(retries).toEqual([0, 0]);
      fx.sim.setFaults({ maxConcurrent: 1, concurrency429Body: 'mixed', latencyMs: 20 });
      const results = await Promise.all(
        Array.from({ length: 6 }, () =>
          fx
            .client({ concurrency: 3, retry: { maxAttempts: 50, baseDelayMs: 5, maxDelayMs: 40 } })
            .ping()
        )
      );
      expect(results).toHaveLength(6);
    });

    it('transient: 5xx, a hanging response and a refused connection are retried; a dead platform fails clearly', async () => {
      fx.sim.setFaults({ rate5xx: 1 });
      await expect(
        failure(fx.client({ retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 2 } }).ping())
      ).resolves.toMatchObject({ kind: 'transient', status: 500 });
      fx.sim.setFaults({ hangRate: 1 });
      const hung = await failure(
        fx
          .client({ timeoutMs: 100, retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 2 } })
          .ping()
      );
      expect(hung).toMatchObject({ kind: 'transient' });
      expect(hung.message).toMatch(/could not be reached \(ETIMEDOUT\)/);
      fx.sim.setFaults({});
      const down = new MailchimpClient({
        credentials: { kind: 'apiKey', apiKey: fx.apiKey },
        apiRoot: 'http://127.0.0.1:9/{dc}/3.0',
        retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 2 },
      });
      await expect(failure(down.ping())).resolves.toMatchObject({
        kind: 'transient',
        message: expect.stringMatching(/ECONNREFUSED/),
      });
    });

    it('validation: a body the spec does not allow gets Invalid Resource, never a silent 200', async () => {
      const error = await failure(
        client.request('PUT', `/lists/${fx.listId}/members/${subscriberHash('x@example.com')}`, {
          body: { email_address: 'x@example.com', status_if_new: 'maybe' },
        })
      );
      expect(error).toMatchObject({ kind: 'validation', status: 400, title: 'Invalid Resource' });
      expect(error.fieldErrors[0].field).toBe('status_if_new');
    });
  });

  it('every request the client sent during this suite matches the vendored Mailchimp spec', () => {
    // The one deliberately invalid request above is the only exception.
    const api = fx.sim.requests.filter((r) => r.accountId === fx.accountId && r.status > 0);
    const violations = api.filter(
      (r) => r.specErrors && !(r.method === 'PUT' && JSON.stringify(r.body).includes('"maybe"'))
    );
    expect(api.length).toBeGreaterThan(60);
    expect(violations).toEqual([]);
    // Re-validate independently of what the simulator recorded.
    for (const r of api.filter((x) => !x.specErrors)) {
      const check = checkRequest(r.method, r.path, new URLSearchParams(r.query), r.body);
      expect({ request: `${r.method} ${r.path}`, ok: check.ok }).toEqual({
        request: `${r.method} ${r.path}`,
        ok: true,
      });
    }
  });
});
