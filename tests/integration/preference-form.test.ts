import { seedContacts } from '../../playground/src/seed';
import { failedJobs, FAST_JOBS_CONFIG, waitForIdle } from '../helpers/jobs';
import { startSimFixture, type SimFixture } from '../helpers/simulator';
import { startStrapi, type TestStrapi } from '../helpers/strapi';

const CONTACT = 'api::contact.contact';
const PREFERENCE = 'plugin::email-marketing.preference';
const AUDIT = 'plugin::email-marketing.audit-event';
const JOB = 'plugin::email-marketing.job';
const SUBSCRIBE = '/api/email-marketing/preferences/subscribe';
const UNSUBSCRIBE = '/api/email-marketing/preferences/unsubscribe';
/** Requests per IP per window here: enough for the tests before the last, which exhausts it. */
const LIMIT = 40;

/**
 * The public preference form on a real Strapi and the simulator: sign-up with double opt-in,
 * unsubscribe by signed token, the same answer for every address, and the per-IP rate limit.
 */
describe('public preference form: subscribe, unsubscribe by token, rate limit', () => {
  let fx: SimFixture;
  let app: TestStrapi;
  let token: string;
  let profileId: number;
  let formRequests = 0;
  const consenting = seedContacts().filter((c) => c.marketingConsent);
  const [alice, bob, carol, dave, erin] = consenting;

  const admin = (method: 'get' | 'post', path: string, body?: object) => {
    const req = app.http[method](path).set('Authorization', `Bearer ${token}`);
    return body ? req.send(body) : req;
  };
  const form = (path: string, body: object) => {
    formRequests++;
    return app.http.post(path).send(body);
  };
  const db = (uid: string) => app.strapi.db.query(uid as never);
  const preferenceOf = async (email: string) =>
    (await db(PREFERENCE).findOne({ where: { email: email.toLowerCase() } })) as {
      status: string;
      source: string | null;
      confirmationSentAt: string | null;
      consentWithdrawnAt: string | null;
    } | null;
  const mint = (email: string) =>
    (
      app.strapi.plugin('email-marketing').service('preferenceForm') as {
        unsubscribeToken(email: string): string;
      }
    ).unsubscribeToken(email);
  const settle = async () => {
    await fx.sim.flushDeliveries();
    await waitForIdle(app.strapi);
  };

  beforeAll(async () => {
    fx = await startSimFixture({ logBodies: true });
    process.env.MAILCHIMP_API_ROOT = `${fx.sim.url}/{dc}/3.0`;
    app = await startStrapi({
      pluginConfig: {
        ...FAST_JOBS_CONFIG,
        preferenceForm: { rateLimit: { max: LIMIT, windowSeconds: 60 } },
      },
    });
    token = await app.login('admin');
    await admin('post', '/email-marketing/connections', { apiKey: fx.apiKey }).expect(200);
    const created = await admin('post', '/email-marketing/sync/profiles', {
      name: 'Contacts',
      sourceUid: CONTACT,
      emailField: 'email',
      consentField: 'marketingConsent',
      consentRule: { kind: 'boolean' },
      mergeFields: [{ attribute: 'firstName', tag: 'FNAME' }],
    });
    expect(created.status).toBe(200);
    profileId = created.body.data.id;
    await admin('post', `/email-marketing/sync/profiles/${profileId}/sync`).expect(200);
    await settle();
    expect(await failedJobs(app.strapi)).toEqual([]);
    // Bob unsubscribed in Mailchimp, Carol bounced, Dave was erased.
    fx.sim.member(fx.listId, bob.email)!.status = 'unsubscribed';
    await db(PREFERENCE).update({
      where: { email: bob.email.toLowerCase() },
      data: { status: 'unsubscribed' },
    });
    fx.sim.member(fx.listId, carol.email)!.status = 'cleaned';
    await db(PREFERENCE).update({
      where: { email: carol.email.toLowerCase() },
      data: { status: 'cleaned' },
    });
    await admin('post', '/email-marketing/preferences/erase', {
      email: dave.email,
      confirm: dave.email,
    }).expect(200);
    await settle();
  });

  afterAll(async () => {
    await app?.stop();
    await fx?.sim.stop();
    delete process.env.MAILCHIMP_API_ROOT;
  });

  it('malformed input: 400 with a message naming the problem, nothing queued', async () => {
    const jobs = await db(JOB).count();
    const noEmail = await form(SUBSCRIBE, {});
    expect(noEmail.status).toBe(400);
    expect(noEmail.body.error.message).toMatch(/"email"/);
    const notEmail = await form(SUBSCRIBE, { email: 'not-an-address' });
    expect(notEmail.status).toBe(400);
    expect(notEmail.body.error.message).toBe('"email" is not an email address.');
    const badProfile = await form(SUBSCRIBE, { email: 'new@example.com', profile: 'Nope' });
    expect(badProfile.status).toBe(400);
    expect(badProfile.body.error.message).toMatch(/"profile" names no enabled sync profile/);
    // A real profile's name gets the same answer: ids only, no enumeration of names.
    const byName = await form(SUBSCRIBE, { email: 'new@example.com', profile: 'Contacts' });
    expect(byName.status).toBe(400);
    expect(byName.body).toEqual(badProfile.body);
    const noToken = await form(UNSUBSCRIBE, {});
    expect(noToken.status).toBe(400);
    expect(noToken.body.error.message).toMatch(/"token"/);
    const garbled = await form(UNSUBSCRIBE, { token: 'abc' });
    expect(garbled.status).toBe(400);
    expect(garbled.body.error.message).toMatch(/malformed/);
    // A token for Erin with its address swapped for Alice's: the signature no longer matches.
    const [version, , expires, signature] = mint(erin.email).split('.');
    const forged = [version, Buffer.from(alice.email).toString('base64url'), expires, signature];
    const tampered = await form(UNSUBSCRIBE, { token: forged.join('.') });
    expect(tampered.status).toBe(400);
    expect(tampered.body.error.message).toMatch(/signature does not match/);
    expect(await db(JOB).count()).toBe(jobs);
    expect((await preferenceOf(alice.email))?.status).toBe('subscribed');
  });

  it('the same 202 answer for new, subscribed, unsubscribed, cleaned and erased addresses', async () => {
    const addresses = ['Newcomer@Example.com', alice.email, bob.email, carol.email, dave.email];
    const answers = [];
    fx.sim.clearLog();
    for (const email of addresses) {
      const res = await form(SUBSCRIBE, { email });
      answers.push({ status: res.status, body: res.body });
    }
    expect(answers[0].status).toBe(202);
    expect(answers[0].body.data.status).toBe('accepted');
    for (const answer of answers) expect(answer).toEqual(answers[0]);
    await settle();
    expect(await failedJobs(app.strapi)).toEqual([]);

    // New: created pending (the platform sends the one confirmation email), audited.
    expect(fx.sim.member(fx.listId, 'newcomer@example.com')?.status).toBe('pending');
    expect(await preferenceOf('newcomer@example.com')).toMatchObject({
      status: 'pending',
      source: 'form',
    });
    // Unsubscribed, asking again: pending on this audience (one confirmation email), audited;
    // the address stays suppressed everywhere until the platform reports the confirmation.
    expect(fx.sim.member(fx.listId, bob.email)?.status).toBe('pending');
    expect(await preferenceOf(bob.email)).toMatchObject({
      status: 'unsubscribed',
      confirmationSentAt: expect.any(String),
    });
    const bobAudit = await db(AUDIT).findOne({
      where: { email: bob.email.toLowerCase(), action: 'contact.pending' },
    });
    expect(bobAudit).toMatchObject({
      actorName: 'public preference form',
      subjectType: 'audience',
      subjectId: fx.listId,
      before: { status: 'unsubscribed' },
      after: { status: 'pending', preference: 'unsubscribed' },
    });
    // Subscribed and cleaned stay as they were; erased is never re-added.
    expect(fx.sim.member(fx.listId, alice.email)?.status).toBe('subscribed');
    expect(fx.sim.member(fx.listId, carol.email)?.status).toBe('cleaned');
    expect(fx.sim.member(fx.listId, dave.email)).toBeUndefined();
    const touched = (email: string) =>
      fx.sim.requests.filter((r) =>
        JSON.stringify([r.path, r.body ?? '']).includes(email.toLowerCase())
      );
    expect(touched(alice.email)).toEqual([]);
    expect(touched(carol.email)).toEqual([]);
    expect(touched(dave.email)).toEqual([]);
    expect(await preferenceOf(dave.email)).toBeNull();
  });

  it('unsubscribe by signed token: suppressed, consent field cleared without a push, every platform', async () => {
    const entry = (await db(CONTACT).findOne({
      where: { email: erin.email, publishedAt: { $notNull: true } },
    })) as { documentId: string; marketingConsent: boolean };
    expect(entry.marketingConsent).toBe(true);
    fx.sim.clearLog();
    const res = await form(UNSUBSCRIBE, { token: mint(erin.email) });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ status: 'unsubscribed' });
    await settle();
    expect(await failedJobs(app.strapi)).toEqual([]);
    expect((await preferenceOf(erin.email))?.status).toBe('unsubscribed');
    expect(fx.sim.member(fx.listId, erin.email)?.status).toBe('unsubscribed');
    const after = (await db(CONTACT).findOne({
      where: { documentId: entry.documentId, publishedAt: { $notNull: true } },
    })) as { marketingConsent: boolean };
    expect(after.marketingConsent).toBe(false);
    // No push of the entry followed (the one write to Erin is the status change).
    const writes = fx.sim.requests.filter(
      (r) => r.method !== 'GET' && JSON.stringify(r.body ?? '').includes(erin.email.toLowerCase())
    );
    expect(writes).toEqual([]);
    // An address never seen here: the same answer, and it is suppressed from now on.
    const stranger = await form(UNSUBSCRIBE, { token: mint('stranger@example.com') });
    expect(stranger.status).toBe(200);
    expect(stranger.body).toEqual(res.body);
    expect((await preferenceOf('stranger@example.com'))?.status).toBe('unsubscribed');
    // A bounced (cleaned) address stays cleaned: the bounce is not lost; withdrawal recorded.
    const bounced = await form(UNSUBSCRIBE, { token: mint(carol.email) });
    expect(bounced.body).toEqual(res.body);
    expect(await preferenceOf(carol.email)).toMatchObject({
      status: 'cleaned',
      consentWithdrawnAt: expect.any(String),
    });
    // An erased address stays erased: same answer, no row naming it.
    const erased = await form(UNSUBSCRIBE, { token: mint(dave.email) });
    expect(erased.body).toEqual(res.body);
    expect(await preferenceOf(dave.email)).toBeNull();
  });

  it(`rate limit: after ${LIMIT} requests a minute from one IP, 429 with Retry-After; nothing queued`, async () => {
    const jobs = await db(JOB).count();
    const statuses: number[] = [];
    let limited: { headers: Record<string, string>; body: { error: { message: string } } } | null =
      null;
    const before = formRequests;
    for (let i = before; i < LIMIT + 3; i++) {
      const res = await form(SUBSCRIBE, { email: `burst${i}@example.com` });
      statuses.push(res.status);
      if (res.status === 429) limited ??= res;
    }
    expect(statuses.filter((s) => s === 202)).toHaveLength(LIMIT - before);
    expect(statuses.slice(-3)).toEqual([429, 429, 429]);
    const retryAfter = Number(limited!.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(limited!.body.error.message).toMatch(/Too many requests/);
    // Unsubscribe shares the limit.
    expect((await form(UNSUBSCRIBE, { token: mint(alice.email) })).status).toBe(429);
    expect((await preferenceOf(alice.email))?.status).toBe('subscribed');
    // Only the accepted sign-ups were queued.
    expect((await db(JOB).count()) - jobs).toBe(statuses.filter((s) => s === 202).length);
  });
});
