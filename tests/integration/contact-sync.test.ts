import { seedContacts } from '../../playground/src/seed';
import { failedJobs, waitForIdle } from '../helpers/jobs';
import { applyEnv, platforms, type PlatformFixture } from '../helpers/platforms';
import { startStrapi, type TestStrapi } from '../helpers/strapi';

const CONTACT = 'api::contact.contact';

/** One body for every platform (tests/helpers/platforms.ts); the assertions are the same on each. */
describe.each(platforms)(
  'contact sync on $name: mapping, lifecycle, full sync and the consent invariants',
  (platform) => {
    let fx: PlatformFixture;
    let clearEnv: () => void;
    let app: TestStrapi;
    let token: string;
    let profileId: number;

    const api = (method: 'get' | 'post' | 'put' | 'delete', path: string, body?: object) => {
      const req = app.http[method](path).set('Authorization', `Bearer ${token}`);
      return body ? req.send(body) : req;
    };
    /** The plugin's jobs, then the platform's own asynchronous work, have finished. */
    const settle = async () => {
      await waitForIdle(app.strapi);
      await fx.settled();
    };
    const members = () => fx.contacts();
    const member = (email: string) => fx.contact(email);
    const consenting = seedContacts().filter((c) => c.marketingConsent);
    // Field tags are the platform's (Mailchimp merge tags, Klaviyo profile properties).
    let F: PlatformFixture['fields'];
    let mapping: Record<string, unknown>;

    beforeAll(async () => {
      fx = await platform.start();
      F = fx.fields;
      mapping = {
        name: 'Contacts',
        sourceUid: CONTACT,
        emailField: 'email',
        consentField: 'marketingConsent',
        consentRule: { kind: 'boolean' },
        mergeFields: [
          { attribute: 'firstName', tag: F.firstName },
          { attribute: 'lastName', tag: F.lastName },
          { attribute: 'birthday', tag: F.birthday },
          { attribute: 'organization', tag: F.company },
        ],
        staticTags: ['strapi'],
        tagAttribute: 'interests',
        welcomeTag: 'welcome',
      };
      // Already on the platform before the plugin: one who unsubscribed, one cleaned (suppressed).
      fx.seed(fx.primary.audienceId, [
        { email: consenting[0].email, status: 'unsubscribed', fields: { [F.firstName]: 'Old' } },
        { email: consenting[1].email, status: 'cleaned' },
      ]);
      clearEnv = applyEnv(fx);
      app = await startStrapi();
      token = await app.login('admin');
      const connected = await api('post', '/email-marketing/connections', fx.primary.connectBody);
      expect(connected.status).toBe(200);
      await fx.afterConnect(
        { post: (path, body) => api('post', path, body) },
        connected.body.data.id
      );
    });
    afterAll(async () => {
      await app?.stop();
      await fx?.stop();
      clearEnv?.();
    });

    describe('a mapping with mistakes gets a clear error on the field', () => {
      const refused = async (change: object, path: string, message: RegExp) => {
        const res = await api('post', '/email-marketing/sync/profiles', { ...mapping, ...change });
        expect(res.status).toBe(400);
        const error = res.body.error.details.errors.find(
          (e: { path: string[] }) => e.path[0] === path
        );
        expect(error?.message).toMatch(message);
      };
      it('a field that does not exist', () =>
        refused(
          { mergeFields: [{ attribute: 'shoeSize', tag: F.firstName }] },
          'mergeFields.0.attribute',
          /has no attribute "shoeSize"/
        ));
      it('an email attribute of the wrong type', () =>
        refused(
          { emailField: 'marketingConsent' },
          'emailField',
          /is a boolean attribute; the email must be an email or text attribute/
        ));
      it('an audience deleted on the platform', () =>
        refused(
          { audienceId: fx.missingAudienceId },
          'audienceId',
          /no longer exists on the platform/
        ));
      // A tag the audience does not have: a Mailchimp merge field, or a Klaviyo property that is
      // neither standard nor recorded.
      it('a merge tag that is not on the audience', () =>
        refused(
          { mergeFields: [{ attribute: 'city', tag: 'CITY' }] },
          'mergeFields.0.tag',
          /CITY is not a merge field of this audience/
        ));
      it('no consent field without the acknowledgement', () =>
        refused(
          { consentField: null, consentRule: { kind: 'none', acknowledged: false } },
          'consentRule',
          /tick the acknowledgement/
        ));
      it('nothing was stored', async () => {
        expect(await app.strapi.db.query('plugin::email-marketing.sync-profile').count()).toBe(0);
      });
    });

    it('previews the first five contacts as they would be sent', async () => {
      const res = await api('post', '/email-marketing/sync/preview', mapping);
      expect(res.status).toBe(200);
      expect(res.body.data).toHaveLength(5);
      const first = res.body.data[0];
      const seeded = seedContacts()[0];
      expect(first).toMatchObject({
        email: seeded.email,
        status: seeded.marketingConsent ? 'subscribed' : 'skipped',
        mergeFields: { [F.firstName]: seeded.firstName, [F.lastName]: seeded.lastName },
      });
      expect(first.tags).toEqual(expect.arrayContaining(['strapi', seeded.interests]));
    });

    it('a full sync pushes every consenting contact once, with merge fields and tags', async () => {
      const created = await api('post', '/email-marketing/sync/profiles', mapping);
      expect(created.status).toBe(200);
      profileId = created.body.data.id;
      await api('post', `/email-marketing/sync/profiles/${profileId}/sync`).expect(200);
      await settle();
      expect(await failedJobs(app.strapi)).toEqual([]);

      const onList = members().filter((m) => m.status === 'subscribed');
      expect(onList).toHaveLength(consenting.length - 2); // the unsubscribed and the cleaned stay out
      const sample = consenting[5];
      expect(member(sample.email)).toMatchObject({
        status: 'subscribed',
        fields: expect.objectContaining({
          [F.firstName]: sample.firstName,
          [F.lastName]: sample.lastName,
          [F.company]: sample.company,
        }),
      });
      expect([...member(sample.email)!.tags].sort()).toEqual(
        [sample.interests, 'strapi', 'welcome'].sort()
      );
      // Nobody without consent was pushed.
      const withoutConsent = seedContacts().filter((c) => !c.marketingConsent);
      expect(withoutConsent.some((c) => member(c.email))).toBe(false);
      const view = (await api('get', `/email-marketing/sync/profiles/${profileId}`)).body.data;
      expect(view.stats).toMatchObject({
        subscribed: consenting.length - 2,
        unsubscribed: 1,
        cleaned: 1,
      });
    });

    it('invariant 1: an existing unsubscribed member stays unsubscribed; its merge fields may update', () => {
      expect(member(consenting[0].email)).toMatchObject({
        status: 'unsubscribed',
        fields: expect.objectContaining({ [F.firstName]: consenting[0].firstName }),
      });
    });

    it('invariant 2: the cleaned member is recorded as suppressed and not written again', async () => {
      const pref = await app.strapi.db
        .query('plugin::email-marketing.preference')
        .findOne({ where: { email: consenting[1].email } });
      expect(pref.status).toBe('cleaned');
      fx.clearLog();
      const [entry] = await app.strapi
        .documents(CONTACT as never)
        .findMany({ filters: { email: consenting[1].email } as never });
      await app.strapi.documents(CONTACT as never).update({
        documentId: (entry as { documentId: string }).documentId,
        data: { firstName: 'Changed' } as never,
        status: 'published',
      } as never);
      await settle();
      expect(fx.touches(consenting[1].email)).toEqual([]);
      expect(member(consenting[1].email)?.status).toBe('cleaned');
    });

    it('a re-sync with nothing changed writes nothing', async () => {
      fx.clearLog();
      await api('post', `/email-marketing/sync/profiles/${profileId}/sync`).expect(200);
      await settle();
      expect(fx.writes()).toEqual([]);
    });

    describe('lifecycle: saves through the admin API are pushed by a coalesced job', () => {
      const cm = '/content-manager/collection-types/api::contact.contact';
      let documentId: string;

      it('create + publish', async () => {
        const res = await api('post', cm, {
          email: 'new.person@example.com',
          firstName: 'New',
          marketingConsent: true,
          interests: 'events',
        });
        expect(res.status).toBe(201);
        documentId = res.body.data.documentId;
        await api('post', `${cm}/${documentId}/actions/publish`, {}).expect(200);
        await settle();
        expect(member('new.person@example.com')).toMatchObject({
          status: 'subscribed',
          fields: expect.objectContaining({ [F.firstName]: 'New' }),
        });
      });

      it('ten quick saves become one push', async () => {
        const before = await app.strapi.db
          .query('plugin::email-marketing.job')
          .count({ where: { type: 'contacts.push' } });
        // Pause the workers' view of new work by saving faster than they claim: all saves coalesce.
        await Promise.all(
          Array.from({ length: 10 }, (_, i) =>
            app.strapi.documents(CONTACT as never).update({
              documentId,
              data: { lastName: `Save${i}` } as never,
              status: 'published',
            } as never)
          )
        );
        await settle();
        const after = await app.strapi.db
          .query('plugin::email-marketing.job')
          .count({ where: { type: 'contacts.push' } });
        expect(after - before).toBeLessThan(10);
        expect(member('new.person@example.com')?.fields[F.lastName]).toMatch(/^Save\d$/);
      });

      it('an email change moves the same member', async () => {
        const id = member('new.person@example.com')!.id;
        await api('put', `${cm}/${documentId}`, { email: 'renamed@example.com' }).expect(200);
        await api('post', `${cm}/${documentId}/actions/publish`, {}).expect(200);
        await settle();
        expect(member('new.person@example.com')).toBeUndefined();
        expect(member('renamed@example.com')?.id).toBe(id);
      });

      it('consent removed: the member becomes unsubscribed, recorded and audited', async () => {
        await api('put', `${cm}/${documentId}`, { marketingConsent: false }).expect(200);
        await api('post', `${cm}/${documentId}/actions/publish`, {}).expect(200);
        await settle();
        expect(member('renamed@example.com')?.status).toBe('unsubscribed');
        const pref = await app.strapi.db
          .query('plugin::email-marketing.preference')
          .findOne({ where: { email: 'renamed@example.com' } });
        expect(pref).toMatchObject({
          status: 'unsubscribed',
          consentWithdrawnAt: expect.anything(),
        });
        const audit = await app.strapi.db
          .query('plugin::email-marketing.audit-event')
          .findMany({ where: { email: 'renamed@example.com' } });
        expect(audit.map((a: { action: string }) => a.action)).toContain('contact.unsubscribed');
      });

      it('invariant 2: consent given again does not re-subscribe (only the person can)', async () => {
        await api('put', `${cm}/${documentId}`, { marketingConsent: true }).expect(200);
        await api('post', `${cm}/${documentId}/actions/publish`, {}).expect(200);
        await settle();
        expect(member('renamed@example.com')?.status).toBe('unsubscribed');
      });

      it('delete archives the member (the profile default)', async () => {
        await api('delete', `${cm}/${documentId}`).expect(200);
        await settle();
        expect(member('renamed@example.com')?.status).toBe('archived');
      });

      it("shows each contact's sync state for the content-manager panel", async () => {
        const entry = await app.strapi
          .documents(CONTACT as never)
          .findFirst({ filters: { email: consenting[5].email } as never });
        const res = await api(
          'get',
          `/email-marketing/sync/contacts/${CONTACT}/${(entry as { documentId: string }).documentId}`
        ).expect(200);
        expect(res.body.data).toEqual([
          expect.objectContaining({
            profileId,
            remoteStatus: 'subscribed',
            lastError: null,
            pending: false,
          }),
        ]);
      });
    });

    it('invariant 7: one uncoercible value fails only its own contact', async () => {
      const victim = consenting[10];
      // A raw write, as an import script might do: the date column holds something that is not a date.
      await app.strapi.db
        .connection('contacts')
        .where({ email: victim.email })
        .update({ birthday: '1990-13-45', first_name: 'Broken' });
      const others = consenting.slice(11, 20);
      await app.strapi.db
        .connection('contacts')
        .whereIn(
          'email',
          others.map((o) => o.email)
        )
        .update({ first_name: 'Batchmate' });
      await api('post', `/email-marketing/sync/profiles/${profileId}/sync`, {
        force: false,
      }).expect(200);
      await settle();
      const [entry] = await app.strapi.db
        .query(CONTACT as never)
        .findMany({ where: { email: victim.email, publishedAt: { $notNull: true } } });
      const states = await app.strapi.db
        .query('plugin::email-marketing.contact-state')
        .findMany({ where: { sourceDocumentId: (entry as { documentId: string }).documentId } });
      // The message names the field and what it expects (Klaviyo keeps birthdays as dates).
      expect(states[0].lastError).toMatch(new RegExp(`${F.birthday} expects a (birthday|date)`));
      expect(member(victim.email)?.fields[F.firstName]).not.toBe('Broken');
      for (const other of others)
        expect(member(other.email)?.fields[F.firstName]).toBe('Batchmate');
    });

    it('invariant 3: double opt-in sends one confirmation per consent event across three re-syncs', async () => {
      const doiList = fx.createAudience({ name: 'Double opt-in', doubleOptIn: true });
      const res = await api('post', '/email-marketing/sync/profiles', {
        ...mapping,
        name: 'DOI',
        audienceId: doiList,
        mergeFields: [{ attribute: 'firstName', tag: F.firstName }],
        doubleOptIn: true,
        welcomeTag: null,
        staticTags: [],
        tagAttribute: null,
      });
      expect(res.status).toBe(200);
      for (let i = 0; i < 3; i++) {
        await api('post', `/email-marketing/sync/profiles/${res.body.data.id}/sync`, {
          force: true,
        }).expect(200);
        await settle();
      }
      const doiMembers = fx.contacts(doiList);
      expect(doiMembers.length).toBeGreaterThan(100);
      if (fx.consentScope === 'audience')
        // Mailchimp: every member of the new audience was asked once, however many re-syncs.
        expect(doiMembers.every((m) => m.status === 'pending' && m.confirmationsSent === 1)).toBe(
          true
        );
      // Klaviyo: these profiles consented already (consent is account-wide), so joining the list
      // asks nobody again; three re-syncs send no confirmation at all.
      else
        expect(
          doiMembers.every((m) => m.status === 'subscribed' && m.confirmationsSent === 0)
        ).toBe(true);
    });
  }
);
