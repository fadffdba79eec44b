import { createHash } from 'crypto';
import { seedContacts } from '../../playground/src/seed';
import { freePort } from '../helpers/free-port';
import { failedJobs, FAST_JOBS_CONFIG, waitForIdle } from '../helpers/jobs';
import { asMailchimp } from '../helpers/platform-mailchimp';
import { applyEnv, platforms, type PlatformFixture } from '../helpers/platforms';
import { startStrapi, type TestStrapi } from '../helpers/strapi';

const CONTACT = 'api::contact.contact';
const PREFERENCE = 'plugin::email-marketing.preference';
const STATE = 'plugin::email-marketing.contact-state';
const EVENT = 'plugin::email-marketing.webhook-event';
const AUDIT = 'plugin::email-marketing.audit-event';

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

interface AuditRow {
  action: string;
  actorType: string;
  email: string | null;
  subjectId: string | null;
  after: Record<string, unknown> | null;
}

/**
 * The consent loop against a real Strapi listening on a known port (a simulator with webhooks
 * validates and delivers them to it) and one platform with two accounts (two connections). One
 * body for every platform (tests/helpers/platforms.ts); Mailchimp's webhook specifics (form
 * encoding, registration, secrets in the URL) are in Mailchimp-only blocks.
 */
describe.each(platforms)(
  'consent loop on $name: opt-outs across accounts, erasure, audit',
  (platform) => {
    let fx: PlatformFixture;
    let clearEnv: () => void;
    let app: TestStrapi;
    let token: string;
    let profileId: number;
    let secondListId: string;
    const consenting = seedContacts().filter((c) => c.marketingConsent);
    const [alice, bob, carol, dave, erin] = consenting;

    const api = (method: 'get' | 'post', path: string, body?: object) => {
      const req = app.http[method](path).set('Authorization', `Bearer ${token}`);
      return body ? req.send(body) : req;
    };
    const db = (uid: string) => app.strapi.db.query(uid as never);
    const entryOf = async (email: string) =>
      (await db(CONTACT).findOne({ where: { email, publishedAt: { $notNull: true } } })) as {
        documentId: string;
        marketingConsent: boolean;
      };
    const preferenceOf = async (email: string) =>
      (await db(PREFERENCE).findOne({ where: { email: email.toLowerCase() } })) as {
        status: string;
        consentWithdrawnAt: string | null;
        confirmedAt: string | null;
      } | null;
    const stateOf = async (email: string) =>
      (await db(STATE).findOne({ where: { profileId, email } })) as {
        remoteStatus: string | null;
        consent: boolean | null;
        lastError: string | null;
      } | null;
    /** The platform's opt-out signal reaches the plugin (webhook or import job), then jobs drain. */
    const settle = async () => {
      await waitForIdle(app.strapi);
      await fx.settled();
      await fx.deliverSignals({ post: (path, body) => api('post', path, body) });
      await waitForIdle(app.strapi);
      await fx.settled();
    };
    const touches = (email: string) => fx.touches(email);
    /** Mailchimp's webhook URL for the primary audience (Mailchimp-only blocks). */
    const mailchimpWebhookUrl = () =>
      [...asMailchimp(fx).sim.list(fx.primary.audienceId).webhooks.values()][0].url;

    beforeAll(async () => {
      fx = await platform.start();
      const port = await freePort();
      // server.url is read from config at boot: the webhook URL must name the port Strapi listens on.
      process.env.PUBLIC_URL = `http://127.0.0.1:${port}`;
      clearEnv = applyEnv(fx);
      app = await startStrapi({
        listen: true,
        serveAdmin: false,
        port,
        pluginConfig: FAST_JOBS_CONFIG,
      });
      token = await app.login('admin');
      expect(
        (await api('post', '/email-marketing/connections', fx.primary.connectBody)).status
      ).toBe(200);
      // A second account on the platform where Alice is also subscribed (invariant 4).
      const second = fx.addAccount('Second Co');
      secondListId = second.audienceId;
      fx.seed(secondListId, [{ email: alice.email, status: 'subscribed' }]);
      expect((await api('post', '/email-marketing/connections', second.connectBody)).status).toBe(
        200
      );
      const created = await api('post', '/email-marketing/sync/profiles', {
        name: 'Contacts',
        sourceUid: CONTACT,
        emailField: 'email',
        consentField: 'marketingConsent',
        consentRule: { kind: 'boolean' },
        mergeFields: [
          { attribute: 'firstName', tag: fx.fields.firstName },
          { attribute: 'lastName', tag: fx.fields.lastName },
        ],
      });
      expect(created.status).toBe(200);
      profileId = created.body.data.id;
      await api('post', `/email-marketing/sync/profiles/${profileId}/sync`).expect(200);
      await settle();
      expect(await failedJobs(app.strapi)).toEqual([]);
      expect(fx.contact(alice.email)?.status).toBe('subscribed');
    });

    afterAll(async () => {
      await app?.stop();
      await fx?.stop();
      delete process.env.PUBLIC_URL;
      clearEnv?.();
    });

    // Mailchimp only: its webhook registration (events, sources, validation GET, stale repair).
    if (platform.name === 'mailchimp')
      it('registers one webhook per used audience on connect: the events, user + admin sources, not api', async () => {
        const { sim } = asMailchimp(fx);
        const listId = fx.primary.audienceId;
        const hooks = [...sim.list(listId).webhooks.values()];
        expect(hooks).toHaveLength(1);
        const webhookUrl = hooks[0].url;
        expect(webhookUrl).toMatch(
          new RegExp(
            `^${process.env.PUBLIC_URL}/api/email-marketing/webhooks/mailchimp/[\\w-]{20,}$`
          )
        );
        expect(hooks[0].events).toEqual({
          subscribe: true,
          unsubscribe: true,
          profile: true,
          cleaned: true,
          upemail: true,
          campaign: true,
        });
        expect(hooks[0].sources).toEqual({ user: true, admin: true, api: false });
        expect(sim.list(secondListId).webhooks.size).toBe(1);
        // On demand: already right, so kept; a registration at a stale URL is repaired.
        const connectionId = (await api('get', '/email-marketing/connections')).body.data
          .connections[0].id;
        const again = await api('post', `/email-marketing/connections/${connectionId}/webhooks`);
        expect(again.status).toBe(200);
        expect(again.body.data.audiences).toEqual([{ audienceId: listId, action: 'kept' }]);
        hooks[0].url = `${process.env.PUBLIC_URL}/api/email-marketing/webhooks/mailchimp/stale`;
        const repaired = await api('post', `/email-marketing/connections/${connectionId}/webhooks`);
        expect(repaired.body.data.audiences).toEqual([{ audienceId: listId, action: 'repaired' }]);
        expect([...sim.list(listId).webhooks.values()].map((h) => h.url)).toEqual([webhookUrl]);
        // Mailchimp's validation GET.
        expect((await fetch(webhookUrl)).status).toBe(200);
      });

    it('invariants 2 and 4: a webhook unsubscribe, then 100 edits in Strapi, never re-subscribes', async () => {
      fx.unsubscribe(alice.email);
      await settle();
      const preference = await preferenceOf(alice.email);
      expect(preference?.status).toBe('unsubscribed');
      expect(preference?.consentWithdrawnAt).toBeTruthy();
      expect((await entryOf(alice.email)).marketingConsent).toBe(false);
      expect(await stateOf(alice.email)).toMatchObject({
        remoteStatus: 'unsubscribed',
        consent: false,
      });
      // Invariant 4: the opt-out reached the other platform.
      expect(fx.contact(alice.email, secondListId)?.status).toBe('unsubscribed');

      fx.clearLog();
      const documents = app.strapi.documents(CONTACT as never);
      const { documentId } = await entryOf(alice.email);
      for (let i = 0; i < 100; i++) {
        // Every tenth edit even ticks consent again: an update never sends a status (invariant 1).
        await documents.update({
          documentId,
          data: { firstName: `Alice ${i}`, ...(i % 10 === 9 ? { marketingConsent: true } : {}) },
        } as never);
        await documents.publish({ documentId } as never);
      }
      await settle();
      expect(await failedJobs(app.strapi)).toEqual([]);
      expect(fx.contact(alice.email)?.status).toBe('unsubscribed');
      expect(fx.contact(alice.email, secondListId)?.status).toBe('unsubscribed');
      // No write that could subscribe an existing contact (each fixture says what that is).
      expect(fx.subscribingWrites(alice.email)).toEqual([]);
      expect((await preferenceOf(alice.email))?.status).toBe('unsubscribed');
    });

    it('cleaned, then a forced full re-sync, writes nothing for that address', async () => {
      fx.hardBounce(bob.email);
      await settle();
      expect((await preferenceOf(bob.email))?.status).toBe('cleaned');
      expect((await stateOf(bob.email))?.remoteStatus).toBe('cleaned');
      fx.clearLog();
      await api('post', `/email-marketing/sync/profiles/${profileId}/sync`, { force: true }).expect(
        200
      );
      await settle();
      expect(fx.requests().length).toBeGreaterThan(0); // the re-sync did talk to the platform
      expect(touches(bob.email)).toEqual([]);
      expect(fx.contact(bob.email)?.status).toBe('cleaned');
    });

    it('imports opt-outs that no webhook reported (the 04:00 job, on demand)', async () => {
      // Changed on the platform without a delivery (a firewall, local development).
      fx.unsubscribeQuietly(erin.email);
      await api('post', '/email-marketing/consent/import').expect(200);
      await settle();
      expect((await preferenceOf(erin.email))?.status).toBe('unsubscribed');
      expect((await entryOf(erin.email)).marketingConsent).toBe(false);
    });

    it('invariant 5: erasure deletes everywhere, keeps a hashed tombstone, and a re-import is refused', async () => {
      const wrong = await api('post', '/email-marketing/preferences/erase', {
        email: carol.email,
        confirm: 'someone@else.example',
      });
      expect(wrong.status).toBe(400);
      expect(fx.contact(carol.email)).toBeDefined();

      // Carol is on a segment (by its filter) and was added to another one by a threshold.
      const segmentMembers = () =>
        db('plugin::email-marketing.segment-member').count({
          where: { email: { $eqi: carol.email } },
        });
      const made = await api('post', '/email-marketing/segments', {
        name: 'Carol town',
        profileId,
        match: 'all',
        conditions: [{ field: 'city', operator: 'eq', value: carol.city }],
      });
      expect(made.status).toBe(201);
      await settle();
      expect(await segmentMembers()).toBe(1);
      const carolDoc = (await entryOf(carol.email)).documentId;
      await db('plugin::email-marketing.segment').update({
        where: { id: made.body.data.id },
        data: { manualMembers: { [carolDoc]: carol.email, kept: alice.email } },
      });

      const erased = await api('post', '/email-marketing/preferences/erase', {
        email: carol.email,
        confirm: carol.email,
      });
      expect(erased.status).toBe(200);
      expect(erased.body.data.removed.segmentMembers).toBe(1);
      expect(await segmentMembers()).toBe(0);
      const segment = (await db('plugin::email-marketing.segment').findOne({
        where: { id: made.body.data.id },
      })) as { manualMembers: Record<string, string> };
      expect(segment.manualMembers).toEqual({ kept: alice.email });
      // Klaviyo deletes in a job that runs after the request is accepted: let it finish.
      await fx.settled();
      expect(fx.contact(carol.email)).toBeUndefined();
      const hash = sha256(carol.email.toLowerCase());
      expect(
        await db(PREFERENCE).findMany({ where: { email: carol.email.toLowerCase() } })
      ).toEqual([]);
      expect(await db(PREFERENCE).findOne({ where: { emailHash: hash } })).toMatchObject({
        status: 'forgotten',
        email: null,
      });
      expect(await stateOf(carol.email)).toBeNull();
      expect(await db(AUDIT).count({ where: { email: carol.email.toLowerCase() } })).toBe(0);

      // The entry is still in Strapi: a forced full re-sync must refuse it, saying why.
      fx.clearLog();
      await api('post', `/email-marketing/sync/profiles/${profileId}/sync`, { force: true }).expect(
        200
      );
      await settle();
      expect(touches(carol.email)).toEqual([]);
      expect(fx.contact(carol.email)).toBeUndefined();
      expect((await stateOf(carol.email))?.lastError).toMatch(/erased/);
      // And a platform event about the address changes nothing.
      expect((await db(PREFERENCE).findOne({ where: { emailHash: hash } }))?.status).toBe(
        'forgotten'
      );
    });

    // Mailchimp only: its webhook form encoding, the secret in the URL, its delivery retries.
    if (platform.name === 'mailchimp')
      describe('Mailchimp webhook deliveries', () => {
        it('a forged webhook (wrong secret) is refused with 401 and nothing is stored; a malformed one with 400', async () => {
          const webhookUrl = mailchimpWebhookUrl();
          const before = await db(EVENT).count();
          const body = new URLSearchParams({
            type: 'unsubscribe',
            fired_at: '2026-11-23 10:00:00',
            'data[list_id]': fx.primary.audienceId,
            'data[email]': dave.email,
            'data[id]': 'forged',
          }).toString();
          const forgedUrl = webhookUrl.replace(/[\w-]+$/, 'not-the-secret-at-all-0000');
          const forged = await fetch(forgedUrl, {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body,
          });
          expect(forged.status).toBe(401);
          expect((await fetch(forgedUrl)).status).toBe(401);
          const malformed = await fetch(webhookUrl, {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: 'type=unsubscribe&fired_at=yesterday',
          });
          expect(malformed.status).toBe(400);
          expect(JSON.stringify(await malformed.json())).toMatch(/fired_at/);
          await waitForIdle(app.strapi);
          expect(await db(EVENT).count()).toBe(before);
          expect(await preferenceOf(dave.email)).toMatchObject({ status: 'subscribed' });
        });

        it('a public form sign-up of an unsubscribed address lifts no suppression until the platform confirms', async () => {
          const { sim } = asMailchimp(fx);
          const listId = fx.primary.audienceId;
          const frank = consenting[5];
          // Frank unsubscribed on the first audience; his entry's consent is ticked again (an import).
          sim.unsubscribe(listId, frank.email);
          await settle();
          expect((await preferenceOf(frank.email))?.status).toBe('unsubscribed');
          // Alice: unsubscribed on both audiences (earlier test). Both entries' consent ticked again.
          for (const person of [frank, alice])
            await db(CONTACT).updateMany({
              where: { documentId: (await entryOf(person.email)).documentId },
              data: { marketingConsent: true },
            });
          expect(await stateOf(alice.email)).toMatchObject({ remoteStatus: 'unsubscribed' });
          // A second profile on the second account's audience, without double opt-in.
          const connections = (await api('get', '/email-marketing/connections')).body.data
            .connections as Array<{ id: number; accountName: string | null }>;
          const secondConnection = connections.find((c) => c.accountName === 'Second Co')!;
          const created = await api('post', '/email-marketing/sync/profiles', {
            name: 'Second audience contacts',
            sourceUid: CONTACT,
            emailField: 'email',
            consentField: 'marketingConsent',
            consentRule: { kind: 'boolean' },
            connectionId: secondConnection.id,
            audienceId: secondListId,
            doubleOptIn: false,
            mergeFields: [],
          });
          expect(created.status).toBe(200);
          const secondId = created.body.data.id as number;
          const fullSync = async (id: number) => {
            await api('post', `/email-marketing/sync/profiles/${id}/sync`, { force: true }).expect(
              200
            );
            await settle();
          };
          await fullSync(secondId);
          expect(sim.member(secondListId, frank.email)).toBeUndefined();

          // Anyone may submit an address: Frank's to the first audience, Alice's to the second.
          const subscribe = (email: string, profile: number) =>
            app.http
              .post('/api/email-marketing/preferences/subscribe')
              .send({ email, profile })
              .expect(202);
          await subscribe(frank.email, profileId);
          await subscribe(alice.email, secondId);
          await settle();
          expect(await failedJobs(app.strapi)).toEqual([]);
          expect(sim.member(listId, frank.email)?.status).toBe('pending');
          expect(sim.member(secondListId, alice.email)?.status).toBe('pending');
          expect((await preferenceOf(frank.email))?.status).toBe('unsubscribed');
          expect((await preferenceOf(alice.email))?.status).toBe('unsubscribed');
          const aliceConfirmations = sim.member(listId, alice.email)!.confirmationsSent;

          // Full syncs of both profiles: no one created, no other audience asked to confirm again.
          await fullSync(secondId);
          await fullSync(profileId);
          expect(await failedJobs(app.strapi)).toEqual([]);
          expect(sim.member(secondListId, frank.email)).toBeUndefined();
          expect(sim.member(listId, alice.email)).toMatchObject({
            status: 'unsubscribed',
            confirmationsSent: aliceConfirmations,
          });

          // Frank clicks the confirmation link: the platform's word lifts the suppression.
          sim.confirm(listId, frank.email);
          await settle();
          expect(await preferenceOf(frank.email)).toMatchObject({
            status: 'subscribed',
            confirmedAt: expect.any(String),
          });
          expect(await stateOf(frank.email)).toMatchObject({ remoteStatus: 'subscribed' });
          await fullSync(secondId);
          expect(sim.member(secondListId, frank.email)?.status).toBe('subscribed');
        });

        it('2,000 duplicate deliveries store one event and apply one effect', async () => {
          const webhookUrl = mailchimpWebhookUrl();
          const body = new URLSearchParams({
            type: 'unsubscribe',
            fired_at: '2026-11-23 11:00:00',
            'data[action]': 'unsub',
            'data[reason]': 'manual',
            'data[id]': 'dup0000001',
            'data[list_id]': fx.primary.audienceId,
            'data[email]': dave.email,
          }).toString();
          const before = await db(EVENT).count();
          const statuses: number[] = [];
          const started = Date.now();
          const queue = Array.from({ length: 2000 }, (_, i) => i);
          await Promise.all(
            Array.from({ length: 32 }, async () => {
              while (queue.pop() !== undefined) {
                const res = await fetch(webhookUrl, {
                  method: 'POST',
                  headers: { 'content-type': 'application/x-www-form-urlencoded' },
                  body,
                });
                statuses.push(res.status);
                await res.arrayBuffer();
              }
            })
          );
          const seconds = (Date.now() - started) / 1000;
          console.log(
            `2,000 duplicate deliveries in ${seconds.toFixed(2)} s (${Math.round(2000 / seconds)}/s)`
          );
          expect(statuses.filter((s) => s === 200)).toHaveLength(2000);
          await settle();
          expect(await db(EVENT).count()).toBe(before + 1);
          const events = await db(AUDIT).findMany({
            where: {
              email: dave.email.toLowerCase(),
              action: 'contact.unsubscribed',
              actorType: 'webhook',
            },
          });
          expect(events).toHaveLength(1);
          expect((await preferenceOf(dave.email))?.status).toBe('unsubscribed');
        });
      });

    it('invariant 6: every status change wrote an audit event, readable as JSON and CSV', async () => {
      const audit = (await db(AUDIT).findMany({})) as AuditRow[];
      const preferences = (await db(PREFERENCE).findMany({})) as Array<{
        email: string | null;
        emailHash: string;
        status: string;
      }>;
      for (const preference of preferences) {
        if (preference.status === 'forgotten') {
          expect(
            audit.some(
              (e) =>
                e.action === 'contact.erased' && e.subjectId === `sha256:${preference.emailHash}`
            )
          ).toBe(true);
          continue;
        }
        const recorded = audit.some(
          (e) => e.email === preference.email && e.after?.status === preference.status
        );
        if (!recorded)
          throw new Error(`no audit event for ${preference.email} → ${preference.status}`);
      }
      // The consent field cleared on Alice's entry and the opt-out on the second platform.
      const aliceEvents = audit.filter((e) => e.email === alice.email.toLowerCase());
      expect(aliceEvents.map((e) => e.action)).toEqual(
        expect.arrayContaining(['contact.unsubscribed', 'contact.consent-cleared'])
      );
      expect(aliceEvents.some((e) => e.after?.audienceId === secondListId)).toBe(true);

      const json = await api(
        'get',
        `/email-marketing/audit?email=${encodeURIComponent(alice.email)}`
      );
      expect(json.status).toBe(200);
      expect(json.body.data.length).toBe(aliceEvents.length);
      const csv = await api('get', '/email-marketing/audit?action=contact.cleaned&format=csv');
      expect(csv.status).toBe(200);
      expect(csv.headers['content-type']).toMatch(/text\/csv/);
      expect(csv.text.split('\r\n')[0]).toBe(
        'at,actorType,actorId,actorName,action,subjectType,subjectId,email,before,after'
      );
      expect(csv.text).toContain(bob.email.toLowerCase());
    });
  }
);
