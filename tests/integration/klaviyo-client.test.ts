import axios from 'axios';
import { PlatformError } from '../../server/src/providers/errors';
import { klaviyo, LIMITS, REVISION } from '../../server/src/providers/klaviyo';
import type { ContactUpsert, EmailMarketingProvider } from '../../server/src/providers/types';
import { startKlaviyoFixture, type KlaviyoFixture } from '../helpers/klaviyo';

const failure = async (promise: Promise<unknown>): Promise<PlatformError> => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof PlatformError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
};

/** Klaviyo's jobs run a moment after they are accepted. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 120));

const contact = (
  email: string,
  fields: ContactUpsert['fields'] = {},
  statusIfNew: ContactUpsert['statusIfNew'] = 'subscribed'
): ContactUpsert => ({
  email,
  statusIfNew,
  fields,
});

const bodyOf = (fx: KlaviyoFixture, operation: string) =>
  fx.sim.requests
    .filter((r) => r.operation === operation)
    .map((r) => r.body as { data: { attributes: { profiles: { data: unknown[] } } } });

describe('Klaviyo simulator: transport rules', () => {
  let fx: KlaviyoFixture;
  beforeAll(async () => {
    fx = await startKlaviyoFixture();
  });
  afterAll(() => fx.sim.stop());

  const call = (headers: Record<string, string>, path = '/api/accounts') =>
    axios.get(`${fx.sim.url}${path}`, { headers, validateStatus: () => true });

  it('answers 401 with a JSON:API error body without a valid Klaviyo-API-Key', async () => {
    const attempts: Array<Record<string, string>> = [
      { revision: REVISION },
      { revision: REVISION, Authorization: 'Bearer x' },
    ];
    for (const headers of attempts) {
      const res = await call(headers);
      expect(res.status).toBe(401);
      expect(res.headers['content-type']).toMatch(/application\/vnd\.api\+json/);
      expect(res.data.errors[0]).toEqual(
        expect.objectContaining({
          status: 401,
          code: 'not_authenticated',
          id: expect.any(String),
          source: expect.any(Object),
        })
      );
    }
    const wrong = await call({
      revision: REVISION,
      Authorization: 'Klaviyo-API-Key pk_wrongwrongwrongwrongwrong',
    });
    expect(wrong.status).toBe(401);
    expect(wrong.data.errors[0].code).toBe('authentication_failed');
  });

  it('requires the revision header', async () => {
    const res = await call({ Authorization: `Klaviyo-API-Key ${fx.apiKey}` });
    expect(res.status).toBe(400);
    expect(res.data.errors[0].source).toEqual({ parameter: 'revision' });
    const ok = await call({ Authorization: `Klaviyo-API-Key ${fx.apiKey}`, revision: REVISION });
    expect(ok.status).toBe(200);
    expect(ok.headers['ratelimit-limit']).toBe('15');
    expect(ok.headers['ratelimit-remaining']).toBeDefined();
  });

  it('refuses a body that is not JSON:API typed', async () => {
    const res = await axios.post(`${fx.sim.url}/api/lists`, 'name=x', {
      headers: {
        Authorization: `Klaviyo-API-Key ${fx.apiKey}`,
        revision: REVISION,
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      validateStatus: () => true,
    });
    expect(res.status).toBe(415);
  });

  it('throttles per endpoint with fixed windows: 429 + Retry-After, no RateLimit headers', async () => {
    const headers = { Authorization: `Klaviyo-API-Key ${fx.apiKey}`, revision: REVISION };
    fx.sim.clearLog();
    // Accounts are XS: 1/s burst. Two at once: one passes, one is throttled.
    const answers = await Promise.all([call(headers), call(headers), call(headers)]);
    const throttled = answers.filter((a) => a.status === 429);
    expect(throttled.length).toBeGreaterThanOrEqual(1);
    expect(Number(throttled[0].headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(throttled[0].headers['ratelimit-limit']).toBeUndefined();
    expect(throttled[0].data.errors[0].code).toBe('throttled');
  });
});

describe('Klaviyo provider against the simulator', () => {
  let fx: KlaviyoFixture;
  let provider: EmailMarketingProvider;

  beforeAll(async () => {
    fx = await startKlaviyoFixture();
    provider = fx.provider();
  });
  afterAll(() => fx.sim.stop());
  afterEach(() => fx.sim.setFaults({}));

  describe('connect', () => {
    it('checks the key shape before any call', () => {
      expect(klaviyo.checkApiKey('pk_abc').ok).toBe(false);
      expect(klaviyo.checkApiKey('AbC123')).toEqual({
        ok: false,
        reason: expect.stringMatching(/public API key/),
      });
      expect(klaviyo.checkApiKey('sk_1234567890123456789012345')).toEqual({
        ok: false,
        reason: expect.stringMatching(/"pk_"/),
      });
      expect(klaviyo.checkApiKey(fx.apiKey)).toEqual({ ok: true });
    });

    it('verifies live, sending the key and the revision header', async () => {
      fx.sim.clearLog();
      const account = await provider.verify();
      expect(account).toEqual(
        expect.objectContaining({
          accountId: fx.accountId,
          accountName: 'Fixture Store',
          loginEmail: 'news@fixture-store.example',
        })
      );
      expect(fx.sim.requests[0]).toEqual(
        expect.objectContaining({ operation: 'getAccounts', status: 200, revision: REVISION })
      );
    });

    it('says a revoked key is rejected', async () => {
      const { apiKey } = fx.sim.createAccount();
      fx.sim.revokeKey(apiKey);
      const revoked = klaviyo.create(
        { kind: 'apiKey', apiKey },
        { concurrency: 2, apiRoot: fx.sim.url, interactive: true }
      );
      const error = await failure(revoked.verify());
      expect(error.kind).toBe('auth');
      expect(error.status).toBe(401);
      expect(error.message).toMatch(/private API key/);
    });

    it('lists the lists with their profile counts and opt-in process', async () => {
      fx.sim.seedProfiles(fx.accountId, fx.listId, [
        { email: 'seed1@example.com' },
        { email: 'seed2@example.com' },
      ]);
      const audiences = await provider.listAudiences();
      const list = audiences.find((a) => a.id === fx.listId)!;
      expect(list).toEqual(
        expect.objectContaining({ name: 'Fixture newsletter', memberCount: 2, doubleOptIn: false })
      );
      expect(audiences.find((a) => a.id === fx.doubleOptInListId)?.doubleOptIn).toBe(true);
      expect(list.defaults.fromEmail).toBe('news@fixture-store.example');
    });
  });

  describe('contacts', () => {
    it('creates new profiles subscribed, with standard attributes and custom properties', async () => {
      const outcomes = await provider.upsertContacts(fx.listId, [
        contact('new1@example.com', {
          first_name: 'Ada',
          'location.city': 'Paris',
          plan: 'pro',
          score: 7,
        }),
        contact('New2@Example.com', { last_name: 'Lovelace' }),
      ]);
      expect(outcomes).toEqual([
        { email: 'new1@example.com', outcome: 'created', status: 'subscribed' },
        { email: 'New2@Example.com', outcome: 'created', status: 'subscribed' },
      ]);
      await settle();
      const p = fx.sim.profile(fx.accountId, 'new1@example.com')!;
      expect(p.first_name).toBe('Ada');
      expect(p.location.city).toBe('Paris');
      expect(p.properties).toEqual({ plan: 'pro', score: 7 });
      expect(p.marketing.consent).toBe('SUBSCRIBED');
      expect(fx.sim.account(fx.accountId).lists.get(fx.listId)!.profiles.has(p.id)).toBe(true);
    });

    it("never changes an existing profile's consent (invariant 1): an unsubscribed profile stays unsubscribed", async () => {
      fx.sim.seedProfiles(fx.accountId, fx.listId, [
        { email: 'gone@example.com', consent: 'UNSUBSCRIBED' },
      ]);
      fx.sim.clearLog();
      const [outcome] = await provider.upsertContacts(fx.listId, [
        contact('gone@example.com', { first_name: 'Still' }),
      ]);
      expect(outcome).toEqual({
        email: 'gone@example.com',
        outcome: 'updated',
        status: 'unsubscribed',
      });
      await settle();
      const p = fx.sim.profile(fx.accountId, 'gone@example.com')!;
      expect(p.marketing.consent).toBe('UNSUBSCRIBED');
      expect(p.marketing.suppression.map((s) => s.reason)).toEqual(['UNSUBSCRIBE']);
      expect(p.first_name).toBe('Still');
      // No subscribe call was made at all.
      expect(fx.sim.requests.some((r) => r.operation === 'bulkSubscribeProfiles')).toBe(false);
    });

    it('a bounced profile stays suppressed and is reported cleaned', async () => {
      fx.sim.seedProfiles(fx.accountId, fx.listId, [{ email: 'hard@example.com' }]);
      fx.sim.bounce(fx.accountId, 'hard@example.com');
      const [outcome] = await provider.upsertContacts(fx.listId, [contact('hard@example.com')]);
      expect(outcome).toEqual({ email: 'hard@example.com', outcome: 'updated', status: 'cleaned' });
      await settle();
      expect(
        fx.sim.profile(fx.accountId, 'hard@example.com')!.marketing.suppression[0].reason
      ).toBe('HARD_BOUNCE');
    });

    it('double opt-in: a new contact is pending and gets one confirmation, none on a re-sync', async () => {
      const first = await provider.upsertContacts(fx.doubleOptInListId, [
        contact('doi@example.com', {}, 'pending'),
      ]);
      expect(first[0]).toEqual({ email: 'doi@example.com', outcome: 'created', status: 'pending' });
      await settle();
      const p = fx.sim.profile(fx.accountId, 'doi@example.com')!;
      expect(p.confirmationsSent).toBe(1);
      expect(p.marketing.consent).toBe('NEVER_SUBSCRIBED');
      const again = await provider.upsertContacts(fx.doubleOptInListId, [
        contact('doi@example.com', { first_name: 'D' }, 'pending'),
      ]);
      expect(again[0]).toEqual({ email: 'doi@example.com', outcome: 'updated', status: 'pending' });
      await settle();
      expect(p.confirmationsSent).toBe(1);
      fx.sim.confirm(fx.accountId, 'doi@example.com', fx.doubleOptInListId);
      const confirmed = await provider.upsertContacts(fx.doubleOptInListId, [
        contact('doi@example.com', {}, 'pending'),
      ]);
      expect(confirmed[0].outcome === 'updated' && confirmed[0].status).toBe('subscribed');
    });

    it('one bad contact fails alone (invariant 7)', async () => {
      const outcomes = await provider.upsertContacts(fx.listId, [
        contact('fine@example.com'),
        contact('not-an-email'),
        contact('big@example.com', { notes: 'x'.repeat(110 * 1024) }),
      ]);
      expect(outcomes[0]).toEqual({
        email: 'fine@example.com',
        outcome: 'created',
        status: 'subscribed',
      });
      expect(outcomes[1]).toEqual(
        expect.objectContaining({ outcome: 'failed', kind: 'validation', field: 'email' })
      );
      expect(outcomes[2]).toEqual(
        expect.objectContaining({ outcome: 'failed', kind: 'validation' })
      );
      await settle();
      expect(fx.sim.profile(fx.accountId, 'big@example.com')).toBeUndefined();
    });

    it('never exceeds the batch limits: 10,000 per import, 1,000 per subscribe, 100 per lookup', async () => {
      fx.sim.clearLog();
      const many = Array.from({ length: 12_345 }, (_, i) =>
        contact(`bulk${i}@example.com`, { score: i })
      );
      const progress: number[] = [];
      const outcomes = await provider.upsertContacts(fx.listId, many, (done) =>
        progress.push(done)
      );
      expect(outcomes.filter((o) => o.outcome === 'created')).toHaveLength(12_345);
      expect(progress[progress.length - 1]).toBe(12_345);
      const imports = bodyOf(fx, 'bulkImportProfiles').map(
        (b) => b.data.attributes.profiles.data.length
      );
      const subscribes = bodyOf(fx, 'bulkSubscribeProfiles').map(
        (b) => b.data.attributes.profiles.data.length
      );
      expect(imports).toEqual([10_000, 2_345]);
      expect(Math.max(...subscribes)).toBe(LIMITS.subscribe);
      expect(subscribes.reduce((a, b) => a + b, 0)).toBe(12_345);
      const lookups = fx.sim.requests.filter(
        (r) => r.operation === 'getProfiles' && r.status === 200
      );
      expect(lookups.length).toBe(124);
      // 124 lookups pass the 75/s burst: the ones Klaviyo throttles are retried, nothing else fails.
      expect(fx.sim.requests.filter((r) => r.status >= 400).every((r) => r.status === 429)).toBe(
        true
      );
    });

    it('honours 429 + Retry-After and still finishes', async () => {
      fx.sim.clearLog();
      fx.sim.setFaults({ rate429: 0.3, retryAfterSeconds: 0, next429: 3 });
      const outcomes = await provider.upsertContacts(
        fx.listId,
        Array.from({ length: 50 }, (_, i) => contact(`storm${i}@example.com`))
      );
      expect(outcomes.filter((o) => o.outcome !== 'created')).toEqual([]);
      expect(fx.sim.requests.some((r) => r.status === 429)).toBe(true);
    });

    it('waits as long as Retry-After says', async () => {
      fx.sim.clearLog();
      fx.sim.setFaults({ rate429: 1, retryAfterSeconds: 1 });
      const started = Date.now();
      const pending = provider.verify();
      setTimeout(() => fx.sim.setFaults({}), 300);
      await pending;
      const attempts = fx.sim.requests.filter((r) => r.operation === 'getAccounts');
      expect(attempts[0].status).toBe(429);
      expect(attempts[1].at - attempts[0].at).toBeGreaterThanOrEqual(950);
      expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    });

    it("unsubscribes through a bulk delete job (global), and asks again with the list's opt-in", async () => {
      fx.sim.seedProfiles(fx.accountId, fx.listId, [{ email: 'leaving@example.com' }]);
      await expect(
        provider.setContactStatus(fx.listId, 'leaving@example.com', 'unsubscribed')
      ).resolves.toBe('unsubscribed');
      await settle();
      const p = fx.sim.profile(fx.accountId, 'leaving@example.com')!;
      expect(p.marketing.consent).toBe('UNSUBSCRIBED');
      const body = bodyOf(fx, 'bulkUnsubscribeProfiles').pop()!;
      expect(body.data.attributes.profiles.data).toHaveLength(1);
      expect((body.data as { relationships?: unknown }).relationships).toBeUndefined();
      expect(
        (await failure(provider.setContactStatus(fx.listId, 'nobody@example.com', 'unsubscribed')))
          .kind
      ).toBe('not_found');
      await expect(
        provider.setContactStatus(fx.doubleOptInListId, 'leaving@example.com', 'pending')
      ).resolves.toBe('pending');
      await settle();
      expect(p.confirmationsSent).toBe(1);
    });

    it('polls unsubscribes, bounces and spam complaints since a time', async () => {
      const since = new Date().toISOString();
      await new Promise((r) => setTimeout(r, 5));
      fx.sim.seedProfiles(fx.accountId, fx.listId, [
        { email: 'u1@example.com' },
        { email: 'b1@example.com' },
        { email: 's1@example.com' },
      ]);
      fx.sim.personUnsubscribes(fx.accountId, 'u1@example.com');
      fx.sim.bounce(fx.accountId, 'b1@example.com');
      fx.sim.spamComplaint(fx.accountId, 's1@example.com');
      const read = async (status: 'unsubscribed' | 'cleaned', from: string | null) => {
        const out: string[] = [];
        for await (const m of provider.listChangedMembers(fx.listId, status, from))
          out.push(m.email);
        return out.sort();
      };
      expect(await read('unsubscribed', since)).toEqual(['u1@example.com']);
      expect(await read('cleaned', since)).toEqual(['b1@example.com', 's1@example.com']);
      expect(await read('unsubscribed', new Date(Date.now() + 1000).toISOString())).toEqual([]);
      expect((await read('unsubscribed', null)).length).toBeGreaterThan(1);
    });

    it('fields: standard attributes, recorded and discovered properties; values coerced', async () => {
      const created = await provider.createField(fx.listId, {
        name: 'Joined',
        tag: 'joined',
        type: 'date',
      });
      expect(created.tag).toBe('joined');
      const fields = await provider.getFields(fx.listId);
      const tags = fields.map((f) => f.tag);
      expect(tags).toEqual(
        expect.arrayContaining(['first_name', 'location.city', 'joined', 'plan', 'score'])
      );
      expect(fields.find((f) => f.tag === 'score')?.type).toBe('number');
      const prepared = provider.prepareFields(fields, {
        joined: '2024-02-30',
        score: 'x',
        first_name: 'Ok',
      });
      expect(prepared.values).toEqual({ first_name: 'Ok' });
      expect(prepared.errors.map((e) => e.field).sort()).toEqual(['joined', 'score']);
    });

    it('changes an address, archives (off the list) and erases (data privacy deletion)', async () => {
      fx.sim.seedProfiles(fx.accountId, fx.listId, [{ email: 'old@example.com' }]);
      await provider.changeEmail(fx.listId, 'old@example.com', 'renamed@example.com');
      expect(fx.sim.profile(fx.accountId, 'renamed@example.com')).toBeDefined();
      await provider.archiveContact(fx.listId, 'renamed@example.com');
      const p = fx.sim.profile(fx.accountId, 'renamed@example.com')!;
      expect(fx.sim.account(fx.accountId).lists.get(fx.listId)!.profiles.has(p.id)).toBe(false);
      await provider.archiveContact(fx.listId, 'absent@example.com');
      await provider.deleteContactPermanently(fx.listId, 'renamed@example.com');
      await settle();
      expect(fx.sim.profile(fx.accountId, 'renamed@example.com')).toBeUndefined();
    });

    it('segments and tags are lists of audience members only', async () => {
      fx.sim.seedProfiles(fx.accountId, fx.listId, [
        { email: 'm1@example.com' },
        { email: 'm2@example.com' },
      ]);
      const segment = await provider.segments.create(fx.listId, {
        name: 'VIP',
        kind: 'static_segment',
      });
      const result = await provider.segments.changeMembers(fx.listId, segment.id, {
        add: ['m1@example.com', 'stranger@example.com'],
        remove: [],
      });
      expect(result).toEqual({ added: 1, removed: 0, notOnAudience: ['stranger@example.com'] });
      expect((await provider.segments.get(fx.listId, segment.id))?.memberCount).toBe(1);
      const members: string[] = [];
      for await (const m of provider.segments.listMembers(fx.listId, segment.id)) members.push(m);
      expect(members).toEqual(['m1@example.com']);
      await provider.tagContacts(fx.listId, 'Welcome', { add: ['m2@example.com'] });
      const again = await provider.segments.create(fx.listId, { name: 'Welcome', kind: 'tag' });
      expect(again.memberCount).toBe(0); // found by name, not made twice
      expect(
        [...fx.sim.account(fx.accountId).lists.values()].filter((l) => l.name === 'Welcome')
      ).toHaveLength(1);
      await provider.segments.delete(fx.listId, segment.id);
      expect(await provider.segments.get(fx.listId, segment.id)).toBeNull();
    });

    it('reports webhooks as not supported, cleanly', async () => {
      await expect(provider.listWebhooks(fx.listId)).resolves.toEqual([]);
      const error = await failure(provider.registerWebhook(fx.listId, 'https://example.com/hook'));
      expect(error.kind).toBe('validation');
      expect(error.message).toMatch(/polling/);
      expect(klaviyo.parseWebhook({})).toEqual({
        ok: false,
        reason: expect.stringMatching(/polling/),
      });
    });
  });
});
