import { createHash } from 'crypto';
import { seedContacts } from '../../playground/src/seed';
import { freePort } from '../helpers/free-port';
import { failedJobs, FAST_JOBS_CONFIG, waitForIdle } from '../helpers/jobs';
import { startSimFixture, type SimFixture } from '../helpers/simulator';
import { startStrapi, type TestStrapi } from '../helpers/strapi';

const CONTACT = 'api::contact.contact';
const PREFERENCE = 'plugin::email-marketing.preference';
const AUDIT = 'plugin::email-marketing.audit-event';

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

interface HistoryEvent {
  id: number;
  action: string;
  actorType: string;
  email: string | null;
  subjectType: string | null;
  subjectId: string | null;
  after: Record<string, unknown> | null;
}

/**
 * The Preferences page's API and the audit log's filters, against a real Strapi (listening on a
 * known port so the simulator can deliver webhooks) and the Mailchimp simulator.
 */
describe('preferences: search, lookup, record and withdraw consent; audit filters and CSV', () => {
  let fx: SimFixture;
  let app: TestStrapi;
  let admin: string;
  let editor: string;
  const contacts = seedContacts();
  const consenting = contacts.filter((c) => c.marketingConsent);
  const [alice, bob, carol] = consenting;
  const dave = contacts.find((c) => !c.marketingConsent)!;

  const api = (method: 'get' | 'post', path: string, body?: object, token = admin) => {
    const req = app.http[method](path).set('Authorization', `Bearer ${token}`);
    return body ? req.send(body) : req;
  };
  const db = (uid: string) => app.strapi.db.query(uid as never);
  const consentOf = async (email: string) =>
    (
      (await db(CONTACT).findOne({ where: { email, publishedAt: { $notNull: true } } })) as {
        marketingConsent: boolean;
      }
    ).marketingConsent;
  const settle = async () => {
    await fx.sim.flushDeliveries();
    await waitForIdle(app.strapi);
  };
  const lookup = async (email: string) => {
    const res = await api(
      'get',
      `/email-marketing/preferences/lookup?email=${encodeURIComponent(email)}`
    );
    expect(res.status).toBe(200);
    return res.body.data as {
      record: {
        status: string;
        consentGivenAt: string | null;
        consentWithdrawnAt: string | null;
        source: string | null;
      } | null;
      platforms: Array<{
        profileName: string;
        remoteStatus: string | null;
        consent: boolean | null;
        audienceId: string;
      }>;
      history: HistoryEvent[];
    };
  };

  beforeAll(async () => {
    fx = await startSimFixture();
    const port = await freePort();
    process.env.PUBLIC_URL = `http://127.0.0.1:${port}`;
    process.env.MAILCHIMP_API_ROOT = `${fx.sim.url}/{dc}/3.0`;
    app = await startStrapi({
      listen: true,
      serveAdmin: false,
      port,
      pluginConfig: FAST_JOBS_CONFIG,
    });
    admin = await app.login('admin');
    editor = await app.login('editor');
    expect((await api('post', '/email-marketing/connections', { apiKey: fx.apiKey })).status).toBe(
      200
    );
    const created = await api('post', '/email-marketing/sync/profiles', {
      name: 'Contacts',
      sourceUid: CONTACT,
      emailField: 'email',
      consentField: 'marketingConsent',
      consentRule: { kind: 'boolean' },
      mergeFields: [{ attribute: 'firstName', tag: 'FNAME' }],
    });
    expect(created.status).toBe(200);
    await api('post', `/email-marketing/sync/profiles/${created.body.data.id}/sync`).expect(200);
    await settle();
    expect(await failedJobs(app.strapi)).toEqual([]);
    expect(fx.sim.member(fx.listId, alice.email)?.status).toBe('subscribed');
  });

  afterAll(async () => {
    await app?.stop();
    await fx?.sim.stop();
    delete process.env.PUBLIC_URL;
    delete process.env.MAILCHIMP_API_ROOT;
  });

  it('searches by part of the address, paged, and looks one address up with platforms and history', async () => {
    const part = alice.email.split('@')[0].toUpperCase();
    const found = await api('get', `/email-marketing/preferences?q=${encodeURIComponent(part)}`);
    expect(found.status).toBe(200);
    expect(found.body.data.results.map((r: { email: string }) => r.email)).toContain(
      alice.email.toLowerCase()
    );
    for (const row of found.body.data.results) expect(row.email).toContain(part.toLowerCase());

    const all = await api('get', '/email-marketing/preferences?pageSize=10&page=2');
    expect(all.body.data).toMatchObject({ page: 2, pageSize: 10, total: consenting.length });
    expect(all.body.data.results).toHaveLength(10);

    const one = await lookup(alice.email);
    expect(one.record).toMatchObject({ status: 'subscribed', source: `strapi:${CONTACT}` });
    expect(one.record?.consentGivenAt).toBeTruthy();
    expect(one.platforms).toEqual([
      expect.objectContaining({
        profileName: 'Contacts',
        remoteStatus: 'subscribed',
        consent: true,
        audienceId: fx.listId,
      }),
    ]);
    expect(one.history.map((e) => e.action)).toContain('contact.subscribed');

    const bad = await api('get', '/email-marketing/preferences/lookup?email=not-an-address');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/email address/);
  });

  it('withdraw: unsubscribed on the platform, the consent field cleared, the history says who', async () => {
    const res = await api('post', '/email-marketing/preferences/withdraw', {
      email: alice.email.toUpperCase(),
      reason: 'asked by phone',
    });
    expect(res.status).toBe(200);
    // The local effects are immediate; the platform follows through the outbox.
    expect(await consentOf(alice.email)).toBe(false);
    await settle();
    expect(await failedJobs(app.strapi)).toEqual([]);
    expect(fx.sim.member(fx.listId, alice.email)?.status).toBe('unsubscribed');
    const after = await lookup(alice.email);
    expect(after.record?.status).toBe('unsubscribed');
    expect(after.record?.consentWithdrawnAt).toBeTruthy();
    expect(after.platforms[0]).toMatchObject({ remoteStatus: 'unsubscribed', consent: false });
    const withdrawn = after.history.find((e) => e.action === 'consent.withdrawn');
    expect(withdrawn).toMatchObject({ actorType: 'admin', after: { reason: 'asked by phone' } });
    expect(after.history.map((e) => e.action)).toEqual(
      expect.arrayContaining(['contact.unsubscribed', 'contact.consent-cleared'])
    );
    // Newest first.
    const ids = after.history.map((e) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));

    // Saving the entry again (even ticking consent) does not bring the member back.
    const { documentId } = (await db(CONTACT).findOne({ where: { email: alice.email } })) as {
      documentId: string;
    };
    await app.strapi.documents(CONTACT as never).update({
      documentId,
      data: { firstName: 'Alice again', marketingConsent: true },
    } as never);
    await app.strapi.documents(CONTACT as never).publish({ documentId } as never);
    await settle();
    expect(fx.sim.member(fx.listId, alice.email)?.status).toBe('unsubscribed');
  });

  it('record consent: an unsubscribed member comes back as pending, a new one is created', async () => {
    const missing = await api('post', '/email-marketing/preferences/consent', {
      email: alice.email,
    });
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toMatch(/"source"/);

    const res = await api('post', '/email-marketing/preferences/consent', {
      email: alice.email,
      source: 'signed form at the fair',
      note: 'form #42',
    });
    expect(res.status).toBe(200);
    expect(res.body.data.entriesPushed).toBe(1);
    expect(await consentOf(alice.email)).toBe(true);
    await settle();
    expect(await failedJobs(app.strapi)).toEqual([]);
    // Mailchimp lets an unsubscribed member back only through its confirmation email.
    expect(fx.sim.member(fx.listId, alice.email)?.status).toBe('pending');
    const after = await lookup(alice.email);
    expect(after.record).toMatchObject({ status: 'subscribed', source: 'signed form at the fair' });
    expect(after.platforms[0].remoteStatus).toBe('pending');
    expect(after.history.find((e) => e.action === 'consent.recorded')?.after).toMatchObject({
      source: 'signed form at the fair',
      note: 'form #42',
    });

    // Dave never consented, so he was never pushed: recording consent creates him.
    expect(fx.sim.member(fx.listId, dave.email)).toBeUndefined();
    await api('post', '/email-marketing/preferences/consent', {
      email: dave.email,
      source: 'phone call',
    }).expect(200);
    await settle();
    expect(fx.sim.member(fx.listId, dave.email)?.status).toBe('subscribed');
    expect(await consentOf(dave.email)).toBe(true);
  });

  it('refuses consent for an erased address and for a cleaned one; the tombstone shows as erased', async () => {
    await api('post', '/email-marketing/preferences/erase', {
      email: carol.email,
      confirm: carol.email,
    }).expect(200);
    const erased = await api('post', '/email-marketing/preferences/consent', {
      email: carol.email,
      source: 'paper form',
    });
    expect(erased.status).toBe(400);
    expect(erased.body.error.message).toMatch(/erased/);
    const withdrawErased = await api('post', '/email-marketing/preferences/withdraw', {
      email: carol.email,
    });
    expect(withdrawErased.status).toBe(400);

    const tombstone = await api(
      'get',
      `/email-marketing/preferences?q=${encodeURIComponent(carol.email)}`
    );
    expect(tombstone.body.data.results).toEqual([
      expect.objectContaining({ email: null, erased: true, status: 'forgotten' }),
    ]);
    const carolLookup = await lookup(carol.email);
    expect(carolLookup.record).toMatchObject({ email: null, erased: true });
    expect(carolLookup.history.map((e) => e.action)).toContain('contact.erased');
    expect(carolLookup.history.every((e) => e.email !== carol.email.toLowerCase())).toBe(true);

    fx.sim.hardBounce(fx.listId, bob.email);
    await settle();
    expect(
      (
        (await db(PREFERENCE).findOne({ where: { email: bob.email.toLowerCase() } })) as {
          status: string;
        }
      ).status
    ).toBe('cleaned');
    const cleaned = await api('post', '/email-marketing/preferences/consent', {
      email: bob.email,
      source: 'paper form',
    });
    expect(cleaned.status).toBe(400);
    expect(cleaned.body.error.message).toMatch(/bounced \(cleaned\)/);
    await settle();
    expect(fx.sim.member(fx.listId, bob.email)?.status).toBe('cleaned');
  });

  it.each([
    ['get', '/email-marketing/preferences'],
    ['get', '/email-marketing/preferences/lookup?email=a@b.example'],
    ['post', '/email-marketing/preferences/consent'],
    ['post', '/email-marketing/preferences/withdraw'],
    ['get', '/email-marketing/audit'],
  ] as const)(
    'an editor without the preferences actions gets 403 on %s %s',
    async (method, path) => {
      const res = await api(
        method,
        path,
        method === 'post' ? { email: dave.email, source: 'x' } : undefined,
        editor
      );
      expect(res.status).toBe(403);
    }
  );

  it('audit: filters by action, actor type, subject type, email (and hash), dates; pages with a total; CSV by the same filters', async () => {
    const audit = (query: string) => api('get', `/email-marketing/audit?${query}`);
    const rows = (await db(AUDIT).findMany({})) as HistoryEvent[];

    const admins = await audit('actorType=admin&pageSize=500');
    expect(admins.status).toBe(200);
    const adminRows = rows.filter((r) => r.actorType === 'admin');
    expect(admins.body.meta.pagination.total).toBe(adminRows.length);
    expect(admins.body.data.map((e: HistoryEvent) => e.action)).toEqual(
      expect.arrayContaining([
        'consent.withdrawn',
        'consent.recorded',
        'contact.erased',
        'connection.connected',
      ])
    );
    for (const e of admins.body.data) expect(e.actorType).toBe('admin');

    const recorded = await audit('action=consent.recorded&subjectType=preference');
    expect(recorded.body.data.map((e: HistoryEvent) => e.email).sort()).toEqual(
      [alice.email, dave.email].map((e) => e.toLowerCase()).sort()
    );
    // The preference and the entry's state each recorded the bounce.
    const webhookCleaned = await audit('actorType=webhook&action=contact.cleaned');
    expect(webhookCleaned.body.data.map((e: HistoryEvent) => e.subjectType).sort()).toEqual([
      CONTACT,
      'preference',
    ]);
    for (const e of webhookCleaned.body.data) expect(e.email).toBe(bob.email.toLowerCase());

    const byAlice = await audit(`email=${encodeURIComponent(alice.email)}&pageSize=500`);
    expect(byAlice.body.meta.pagination.total).toBe(
      rows.filter((r) => r.email === alice.email.toLowerCase()).length
    );
    const byCarol = await audit(`email=${encodeURIComponent(carol.email)}&action=contact.erased`);
    expect(byCarol.body.data).toEqual([
      expect.objectContaining({ subjectId: `sha256:${sha256(carol.email.toLowerCase())}` }),
    ]);

    const today = new Date().toISOString().slice(0, 10);
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    expect((await audit(`to=${yesterday}`)).body.meta.pagination.total).toBe(0);
    expect((await audit(`from=${today}&to=${today}`)).body.meta.pagination.total).toBe(rows.length);
    expect(
      (await audit(`from=${new Date(Date.now() + 60_000).toISOString()}`)).body.meta.pagination
        .total
    ).toBe(0);
    const badDate = await audit('from=last-tuesday');
    expect(badDate.status).toBe(400);
    expect(badDate.body.error.message).toMatch(/"from" must be a date/);
    expect((await audit('actorType=robot')).status).toBe(400);

    const first = await audit('pageSize=3&page=1');
    const second = await audit('pageSize=3&page=2');
    expect(first.body.meta.pagination).toMatchObject({ page: 1, pageSize: 3, total: rows.length });
    expect(first.body.data).toHaveLength(3);
    const firstIds = first.body.data.map((e: HistoryEvent) => e.id);
    for (const e of second.body.data) expect(firstIds).not.toContain(e.id);

    const csv = await audit('actorType=admin&subjectType=preference&format=csv');
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.headers['content-disposition']).toMatch(/attachment; filename=".*\.csv"/);
    const lines = csv.text.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'at,actorType,actorId,actorName,action,subjectType,subjectId,email,before,after'
    );
    const expected = rows.filter((r) => r.actorType === 'admin' && r.subjectType === 'preference');
    expect(lines).toHaveLength(expected.length + 1);
    for (const line of lines.slice(1))
      expect(line).toMatch(/^[^,]+,admin,\d+,[^,]*,[^,]+,preference,/);
    expect(csv.text).toContain('consent.withdrawn');
    expect(csv.text).not.toContain('contact.cleaned');
  });
});
