import { createHash } from 'crypto';
import { seedContacts } from '../../playground/src/seed';
import { freePort } from '../helpers/free-port';
import { failedJobs, FAST_JOBS_CONFIG, waitForIdle } from '../helpers/jobs';
import { startSimFixture, type SimFixture } from '../helpers/simulator';
import { startStrapi, type TestStrapi } from '../helpers/strapi';

const CONTACT = 'api::contact.contact';
const AUDIT = 'plugin::email-marketing.audit-event';
const EVENT = 'plugin::email-marketing.webhook-event';
const CONNECTION = 'plugin::email-marketing.connection';

const md5 = (email: string) => createHash('md5').update(email.toLowerCase()).digest('hex');

interface ContactRow {
  documentId: string;
  email: string;
  firstName: string | null;
  lastName: string | null;
  birthday: string | null;
  marketingConsent: boolean;
  publishedAt: string | null;
}

/**
 * Per-profile consent options on a real Strapi (listening: the simulator delivers webhooks):
 * profile changes flowing back (off by default), what erasure does to the entry, and the
 * webhook registration following an audience or public-URL change.
 */
describe('profile options: flow-back, onErase, webhook registration repair', () => {
  let fx: SimFixture;
  let app: TestStrapi;
  let token: string;
  let profileId: number;
  let profileBody: Record<string, unknown>;
  const people = seedContacts().filter((c) => c.marketingConsent && c.birthday && c.firstName);
  const [alice, carol, dave] = people;

  const api = (method: 'get' | 'post' | 'put', path: string, body?: object) => {
    const req = app.http[method](path).set('Authorization', `Bearer ${token}`);
    return body ? req.send(body) : req;
  };
  const db = (uid: string) => app.strapi.db.query(uid as never);
  const rowsOf = async (documentId: string) =>
    (await db(CONTACT).findMany({ where: { documentId } })) as ContactRow[];
  const entryOf = async (email: string) =>
    (await db(CONTACT).findOne({
      where: { email, publishedAt: { $notNull: true } },
    })) as ContactRow;
  const settle = async () => {
    await fx.sim.flushDeliveries();
    await waitForIdle(app.strapi);
  };
  const writesFor = (...needles: string[]) =>
    fx.sim.requests.filter(
      (r) =>
        r.method !== 'GET' &&
        needles.some((n) => JSON.stringify([r.path, r.body ?? '']).includes(n))
    );
  const updateProfile = async (patch: Record<string, unknown>) => {
    profileBody = { ...profileBody, ...patch };
    const res = await api('put', `/email-marketing/sync/profiles/${profileId}`, profileBody);
    expect(res.status).toBe(200);
    return res.body.data;
  };

  beforeAll(async () => {
    fx = await startSimFixture({ logBodies: true });
    const port = await freePort();
    process.env.PUBLIC_URL = `http://127.0.0.1:${port}`;
    process.env.MAILCHIMP_API_ROOT = `${fx.sim.url}/{dc}/3.0`;
    app = await startStrapi({
      listen: true,
      serveAdmin: false,
      port,
      pluginConfig: FAST_JOBS_CONFIG,
    });
    token = await app.login('admin');
    await api('post', '/email-marketing/connections', { apiKey: fx.apiKey }).expect(200);
    profileBody = {
      name: 'Contacts',
      sourceUid: CONTACT,
      emailField: 'email',
      consentField: 'marketingConsent',
      consentRule: { kind: 'boolean' },
      mergeFields: [
        { attribute: 'firstName', tag: 'FNAME' },
        { attribute: 'lastName', tag: 'LNAME' },
        { attribute: 'birthday', tag: 'BIRTHDAY' },
      ],
    };
    const created = await api('post', '/email-marketing/sync/profiles', profileBody);
    expect(created.status).toBe(200);
    expect(created.body.data).toMatchObject({ flowBack: false, onErase: 'keep' });
    profileId = created.body.data.id;
    await api('post', `/email-marketing/sync/profiles/${profileId}/sync`).expect(200);
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

  it('a bad onErase value is refused with a message naming it', async () => {
    const res = await api('put', `/email-marketing/sync/profiles/${profileId}`, {
      ...profileBody,
      onErase: 'shred',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/"onErase" is keep, anonymise or delete/);
  });

  it('the consent field cannot be mapped to a merge field (flow-back would set consent)', async () => {
    const res = await api('put', `/email-marketing/sync/profiles/${profileId}`, {
      ...profileBody,
      mergeFields: [
        { attribute: 'firstName', tag: 'FNAME' },
        { attribute: 'marketingConsent', tag: 'PLAN' },
      ],
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.error)).toMatch(
      /\\"marketingConsent\\" is the consent field: it cannot be mapped to a merge field/
    );
  });

  it('flow-back off (default): a profile change on the platform changes nothing in Strapi', async () => {
    const before = await entryOf(alice.email);
    fx.sim.editProfile(fx.listId, alice.email, { FNAME: 'Alicia' });
    await settle();
    expect((await entryOf(alice.email)).firstName).toBe(before.firstName);
    const event = (await db(EVENT).findOne({
      where: { type: 'profile', email: alice.email.toLowerCase() },
    })) as { status: string; result: { ignored?: string } };
    expect(event.status).toBe('ignored');
    expect(event.result.ignored).toMatch(/do not flow back/);
  });

  it('flow-back on: the entry follows (draft and published), audited, and nothing is pushed back', async () => {
    await updateProfile({ flowBack: true });
    await settle();
    const before = await entryOf(alice.email);
    const year = before.birthday!.slice(0, 4);
    fx.sim.clearLog();
    fx.sim.editProfile(fx.listId, alice.email, { FNAME: 'Alicia', LNAME: '', BIRTHDAY: '12/24' });
    await settle();
    expect(await failedJobs(app.strapi)).toEqual([]);
    const rows = await rowsOf(before.documentId);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.firstName).toBe('Alicia');
      expect(row.lastName).toBeNull();
      // A birthday has no year: the entry keeps its own.
      expect(row.birthday).toBe(`${year}-12-24`);
    }
    const audit = await db(AUDIT).findOne({
      where: { action: 'contact.profile-updated', subjectId: before.documentId },
    });
    expect(audit).toMatchObject({
      actorType: 'webhook',
      before: { firstName: before.firstName, lastName: before.lastName },
      after: { firstName: 'Alicia', lastName: null, birthday: `${year}-12-24` },
    });
    // The plugin's own middleware never saw the write: no push of Alice followed.
    expect(writesFor(md5(alice.email), alice.email.toLowerCase())).toEqual([]);
  });

  it('onErase anonymise: the email, mapped attributes and consent are blanked, with no push', async () => {
    await updateProfile({ onErase: 'anonymise' });
    const { documentId } = await entryOf(carol.email);
    fx.sim.clearLog();
    const erased = await api('post', '/email-marketing/preferences/erase', {
      email: carol.email,
      confirm: carol.email,
    });
    expect(erased.status).toBe(200);
    expect(erased.body.data.entries).toEqual([
      { profileId, sourceUid: CONTACT, action: 'anonymised', documentIds: [documentId] },
    ]);
    await settle();
    const rows = await rowsOf(documentId);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      // The email attribute is required and unique here: an undeliverable placeholder.
      expect(row.email).toMatch(/^erased-[0-9a-f]{16}@erased\.invalid$/);
      expect(row).toMatchObject({
        firstName: null,
        lastName: null,
        birthday: null,
        marketingConsent: false,
      });
    }
    expect(fx.sim.member(fx.listId, carol.email)).toBeUndefined();
    // The only platform write was the permanent deletion; a forced re-sync sends nothing for it.
    await api('post', `/email-marketing/sync/profiles/${profileId}/sync`, { force: true }).expect(
      200
    );
    await settle();
    const writes = writesFor(md5(carol.email), carol.email.toLowerCase(), 'erased.invalid');
    expect(writes.map((r) => r.path)).toEqual([
      `/lists/${fx.listId}/members/${md5(carol.email)}/actions/delete-permanent`,
    ]);
  });

  it('onErase delete: the entry is deleted, with no push', async () => {
    await updateProfile({ onErase: 'delete' });
    const { documentId } = await entryOf(dave.email);
    fx.sim.clearLog();
    const erased = await api('post', '/email-marketing/preferences/erase', {
      email: dave.email,
      confirm: dave.email,
    });
    expect(erased.status).toBe(200);
    expect(erased.body.data.entries[0]).toMatchObject({
      action: 'deleted',
      documentIds: [documentId],
    });
    await settle();
    expect(await rowsOf(documentId)).toEqual([]);
    expect(fx.sim.member(fx.listId, dave.email)).toBeUndefined();
    expect(writesFor(md5(dave.email)).map((r) => r.path)).toEqual([
      `/lists/${fx.listId}/members/${md5(dave.email)}/actions/delete-permanent`,
    ]);
  });

  it('registration follows: a profile moved to another audience gets a webhook there (a job)', async () => {
    const second = fx.sim.createList(fx.accountId, {
      name: 'Second audience',
      fromName: 'Fixture Co',
      fromEmail: 'news@fixture.example',
    });
    // The connection caches its audiences: refresh so the new one can be chosen.
    const connectionId = (await api('get', '/email-marketing/connections')).body.data.connections[0]
      .id as number;
    expect(fx.sim.list(second.id).webhooks.size).toBe(0);
    await updateProfile({ audienceId: second.id, connectionId, mergeFields: [] });
    await settle();
    expect(await failedJobs(app.strapi)).toEqual([]);
    const hooks = [...fx.sim.list(second.id).webhooks.values()];
    expect(hooks.map((h) => h.url)).toEqual(
      [...fx.sim.list(fx.listId).webhooks.values()].map((h) => h.url)
    );
  });

  it('registration repair at boot: webhooks registered at another public URL are registered again', async () => {
    const [hook] = [...fx.sim.list(fx.listId).webhooks.values()];
    const current = hook.url;
    const old = current.replace(process.env.PUBLIC_URL!, 'http://old-host.example');
    // As if the server had moved since the registration.
    hook.url = old;
    await db(CONNECTION).updateMany({ where: {}, data: { webhooksUrl: old } });
    const webhooks = app.strapi.plugin('email-marketing').service('webhooks') as {
      repairAfterBoot(): Promise<number[]>;
    };
    expect(await webhooks.repairAfterBoot()).toHaveLength(1);
    await settle();
    expect([...fx.sim.list(fx.listId).webhooks.values()].map((h) => h.url)).toEqual([current]);
    const stored = (await db(CONNECTION).findOne({ where: {} })) as { webhooksUrl: string };
    expect(stored.webhooksUrl).toBe(current);
    // Now in order: nothing more to repair.
    expect(await webhooks.repairAfterBoot()).toEqual([]);
  });
});
