import { seedContacts } from '../../playground/src/seed';
import { freePort } from '../helpers/free-port';
import { failedJobs, FAST_JOBS_CONFIG, waitFor, waitForIdle } from '../helpers/jobs';
import { klaviyoPlatform } from '../helpers/platform-klaviyo';
import { mailchimpPlatform } from '../helpers/platform-mailchimp';
import { applyEnv, type PlatformFixture } from '../helpers/platforms';
import { startStrapi, type TestStrapi } from '../helpers/strapi';

const CONTACT = 'api::contact.contact';
const PREFERENCE = 'plugin::email-marketing.preference';

interface Metrics {
  recipients: number;
  delivered: number;
  uniqueOpens: number;
  uniqueClicks: number;
  openRate: number;
  clickThroughRate: number;
  clickToOpenRate: number;
  bounceRate: number;
}

/**
 * Two platforms behind one Strapi: Mailchimp (the default connection) and Klaviyo, one sync
 * profile each on the same contact type. An opt-out on either stops the other's subscribing
 * writes; a campaign goes to the connection it names; metrics mean the same on both.
 */
describe('cross-platform: Mailchimp (default) + Klaviyo on one Strapi', () => {
  let mc: PlatformFixture;
  let kv: PlatformFixture;
  let clearEnv: () => void;
  let app: TestStrapi;
  let token: string;
  const connectionIds: Record<string, number> = {};
  const profileIds: Record<string, number> = {};
  const consenting = seedContacts().filter((c) => c.marketingConsent);

  const api = (method: 'get' | 'post' | 'put', path: string, body?: object) => {
    const req = app.http[method](`/email-marketing${path}`).set('Authorization', `Bearer ${token}`);
    return body ? req.send(body) : req;
  };
  /** The plugin's admin API by full path (/email-marketing/…), for the fixtures. */
  const plugin = {
    post: (path: string, body?: object) =>
      app.http
        .post(path)
        .set('Authorization', `Bearer ${token}`)
        .send(body ?? {}),
  };
  /** Both platforms' opt-out signals reach the plugin, then its jobs drain. */
  const settle = async () => {
    await waitForIdle(app.strapi);
    for (const fx of [mc, kv]) await fx.settled();
    for (const fx of [mc, kv]) await fx.deliverSignals(plugin);
    await waitForIdle(app.strapi);
    for (const fx of [mc, kv]) await fx.settled();
  };
  const preferenceOf = async (email: string) =>
    (await app.strapi.db.query(PREFERENCE).findOne({ where: { email: email.toLowerCase() } })) as {
      status: string;
    } | null;
  const editTenTimes = async (email: string) => {
    const documents = app.strapi.documents(CONTACT as never);
    const entry = (await app.strapi.db
      .query(CONTACT as never)
      .findOne({ where: { email, publishedAt: { $notNull: true } } })) as { documentId: string };
    for (let i = 0; i < 10; i++) {
      // Consent ticked again on every other edit: only the person can re-subscribe.
      await documents.update({
        documentId: entry.documentId,
        data: { firstName: `Edit ${i}`, ...(i % 2 ? { marketingConsent: true } : {}) },
      } as never);
      await documents.publish({ documentId: entry.documentId } as never);
    }
  };

  beforeAll(async () => {
    mc = await mailchimpPlatform.start();
    kv = await klaviyoPlatform.start();
    const port = await freePort();
    process.env.PUBLIC_URL = `http://127.0.0.1:${port}`;
    clearEnv = applyEnv(mc, kv);
    app = await startStrapi({
      listen: true,
      serveAdmin: false,
      port,
      pluginConfig: FAST_JOBS_CONFIG,
    });
    token = await app.login('admin');
    // Mailchimp first: the first connection becomes the default.
    for (const fx of [mc, kv]) {
      const res = await api('post', '/connections', fx.primary.connectBody);
      expect(res.status).toBe(200);
      connectionIds[fx.name] = res.body.data.id;
    }
    const connections = (await api('get', '/connections')).body.data.connections as Array<{
      id: number;
      isDefault: boolean;
    }>;
    expect(connections.find((c) => c.isDefault)?.id).toBe(connectionIds.mailchimp);
    for (const fx of [mc, kv]) {
      const profile = await api('post', '/sync/profiles', {
        name: `Contacts on ${fx.name}`,
        connectionId: connectionIds[fx.name],
        audienceId: fx.primary.audienceId,
        sourceUid: CONTACT,
        emailField: 'email',
        consentField: 'marketingConsent',
        consentRule: { kind: 'boolean' },
        mergeFields: [
          { attribute: 'firstName', tag: fx.fields.firstName },
          { attribute: 'lastName', tag: fx.fields.lastName },
        ],
      });
      expect(profile.status).toBe(200);
      profileIds[fx.name] = profile.body.data.id;
      await api('post', `/sync/profiles/${profileIds[fx.name]}/sync`).expect(200);
    }
    await settle();
    expect(await failedJobs(app.strapi)).toEqual([]);
    for (const fx of [mc, kv])
      expect(fx.contacts().filter((c) => c.status === 'subscribed')).toHaveLength(
        consenting.length
      );
  });

  afterAll(async () => {
    await app?.stop();
    await mc?.stop();
    await kv?.stop();
    delete process.env.PUBLIC_URL;
    clearEnv?.();
  });

  const optOutCase =
    (from: () => PlatformFixture, to: () => PlatformFixture, email: string) => async () => {
      expect(from().contact(email)?.status).toBe('subscribed');
      expect(to().contact(email)?.status).toBe('subscribed');
      from().unsubscribe(email);
      await settle();
      expect((await preferenceOf(email))?.status).toBe('unsubscribed');
      // The opt-out reached the other platform too (invariant 4).
      expect(to().contact(email)?.status).toBe('unsubscribed');

      to().clearLog();
      await editTenTimes(email);
      await settle();
      expect(await failedJobs(app.strapi)).toEqual([]);
      // The edits did reach the other platform (its fields), and none of those writes could
      // subscribe the address.
      expect(to().contact(email)?.fields[to().fields.firstName]).toBe('Edit 9');
      expect(to().touches(email).length).toBeGreaterThan(0);
      expect(to().subscribingWrites(email)).toEqual([]);
      expect(to().contact(email)?.status).toBe('unsubscribed');
      expect(from().contact(email)?.status).toBe('unsubscribed');
      expect((await preferenceOf(email))?.status).toBe('unsubscribed');
    };

  it(
    'an unsubscribe on Klaviyo stops Mailchimp writes for that address',
    optOutCase(
      () => kv,
      () => mc,
      consenting[3].email
    )
  );

  it(
    'an unsubscribe on Mailchimp stops Klaviyo writes for that address',
    optOutCase(
      () => mc,
      () => kv,
      consenting[4].email
    )
  );

  it('a hard bounce on Klaviyo: a forced Mailchimp re-sync writes nothing for that address', async () => {
    const email = consenting[5].email;
    kv.hardBounce(email);
    await settle();
    expect((await preferenceOf(email))?.status).toBe('cleaned');
    mc.clearLog();
    await api('post', `/sync/profiles/${profileIds.mailchimp}/sync`, { force: true }).expect(200);
    await settle();
    expect(mc.requests().length).toBeGreaterThan(0);
    // Suppressed in the plugin: the re-sync leaves the address alone on Mailchimp (no write at
    // all, so none that could subscribe it). Its Mailchimp status is not changed by a bounce
    // elsewhere: only opt-outs are carried across platforms.
    expect(mc.touches(email)).toEqual([]);
    expect(mc.subscribingWrites(email)).toEqual([]);
  });

  describe('campaigns: per-campaign platform, same metrics', () => {
    const remote: Record<string, { id: number; remoteId: string }> = {};

    it('a campaign overridden to Klaviyo goes there while the default stays Mailchimp', async () => {
      for (const [key, fx, connectionId] of [
        ['default', mc, undefined],
        ['override', kv, connectionIds.klaviyo],
      ] as const) {
        const created = await api('post', '/campaigns', {
          name: `Cross-platform ${key}`,
          ...(connectionId ? { connectionId } : {}),
          audienceId: fx.primary.audienceId,
          subject: `News (${key})`,
          previewText: 'Same news on two platforms',
          contentMode: 'html',
          html: '<p>Hello from Strapi</p>',
        });
        expect(created.status).toBe(201);
        remote[key] = { id: created.body.data.id, remoteId: created.body.data.remoteId };
      }
      expect(mc.hasCampaign(remote.default.remoteId)).toBe(true);
      expect(kv.hasCampaign(remote.default.remoteId)).toBe(false);
      expect(kv.hasCampaign(remote.override.remoteId)).toBe(true);
      expect(mc.hasCampaign(remote.override.remoteId)).toBe(false);
    });

    it('both send; their metrics are the platforms’ numbers through the same formulas', async () => {
      const recipients = consenting.slice(10, 40).map((c) => c.email);
      for (const [key, fx] of [
        ['default', mc],
        ['override', kv],
      ] as const) {
        const { id, remoteId } = remote[key];
        await api('post', `/campaigns/${id}/send`).expect(200);
        await waitFor(
          async () =>
            (await api('post', `/campaigns/${id}/refresh`).expect(200)).body.data.status === 'sent',
          { what: `the ${fx.name} campaign to be sent` }
        );
        fx.engage(remoteId, recipients);
        const detail = (await api('post', `/campaigns/${id}/refresh`).expect(200)).body.data;
        const truth = await fx.campaignTruth(remoteId);
        const m = detail.metrics as Metrics;
        expect(truth.uniqueOpens).toBeGreaterThan(0);
        expect(m).toMatchObject({
          recipients: truth.recipients,
          delivered: truth.delivered,
          uniqueOpens: truth.uniqueOpens,
          uniqueClicks: truth.uniqueClicks,
        });
        expect(m.openRate).toBeCloseTo(truth.uniqueOpens / truth.delivered, 10);
        expect(m.clickThroughRate).toBeCloseTo(truth.uniqueClicks / truth.delivered, 10);
        expect(m.clickToOpenRate).toBeCloseTo(truth.uniqueClicks / truth.uniqueOpens, 10);
        expect(m.bounceRate).toBeCloseTo(
          (truth.recipients - truth.delivered) / truth.recipients,
          10
        );
      }
    });
  });
});
