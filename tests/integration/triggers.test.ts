import { seedContacts } from '../../playground/src/seed';
import { failedJobs, FAST_JOBS_CONFIG, jobEngine, waitForIdle } from '../helpers/jobs';
import { startSimFixture, type SimFixture } from '../helpers/simulator';
import { startStrapi, type TestStrapi } from '../helpers/strapi';

const CONTACT = 'api::contact.contact';
const ORDER = 'api::order.order';
const RULE_UID = 'plugin::email-marketing.trigger';
const STATE_UID = 'plugin::email-marketing.contact-state';

interface ContactPoints {
  points: number;
  vip: boolean;
  history: Array<{ delta: number; total: number; cause: string; ruleName: string | null }>;
  firings: Array<{ thresholdName: string; active: boolean; actions: string[] }>;
}

describe('point triggers: rules, limits, thresholds, campaign activity, broken rules, RBAC', () => {
  let fx: SimFixture;
  let app: TestStrapi;
  let token: string;
  let profileId: number;
  let orderSeq = 0;

  const consenting = seedContacts().filter((c) => c.marketingConsent);

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
    await waitForIdle(app.strapi, 60_000);
    expect(await failedJobs(app.strapi)).toEqual([]);
  };
  const documentIdOf = async (email: string) =>
    (
      (await app.strapi.db.query(CONTACT).findOne({ where: { email } })) as {
        documentId: string;
      }
    ).documentId;
  const points = async (documentId: string): Promise<ContactPoints> => {
    const res = await api('get', `/triggers/contacts/${profileId}/${documentId}`);
    expect(res.status).toBe(200);
    return res.body.data;
  };
  const createRule = async (body: object) => {
    const res = await api('post', '/triggers/rules', { profileId, ...body });
    expect(res.status).toBe(201);
    return res.body.data as { id: number };
  };
  const createThreshold = async (body: object) => {
    const res = await api('post', '/triggers/thresholds', { profileId, ...body });
    expect(res.status).toBe(201);
    return res.body.data as { id: number };
  };
  const pauseAll = async () => {
    await app.strapi.db.query(RULE_UID).updateMany({ where: {}, data: { paused: true } });
    await app.strapi.db
      .query('plugin::email-marketing.trigger-threshold')
      .updateMany({ where: {}, data: { paused: true } });
    app.strapi.plugin('email-marketing').service('triggers').invalidate();
  };
  const placeOrder = (contactDocumentId: string) =>
    app.strapi.documents(ORDER).create({
      data: { reference: `T-${++orderSeq}`, total: 10, contact: contactDocumentId } as never,
    });
  /** Addresses carrying a tag on the simulated audience. */
  const tagged = (tag: string) => {
    const list = fx.sim.list(fx.listId);
    const segment = [...list.segments.values()].find((s) => s.name === tag);
    return segment ? [...segment.members].map((h) => list.members.get(h)!.email_address) : [];
  };
  const jobsOfType = (type: string) =>
    app.strapi.db.query('plugin::email-marketing.job').count({ where: { type } });

  beforeAll(async () => {
    fx = await startSimFixture({ engagementHoursPerSecond: 0 });
    process.env.MAILCHIMP_API_ROOT = `${fx.sim.url}/{dc}/3.0`;
    app = await startStrapi({ pluginConfig: FAST_JOBS_CONFIG });
    token = await app.login('admin');
    await api('post', '/connections', { apiKey: fx.apiKey }).expect(200);
    const profile = await api('post', '/sync/profiles', {
      name: 'Contacts',
      sourceUid: CONTACT,
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
  afterEach(pauseAll);

  it('an editor without the triggers actions gets 403', async () => {
    const editor = await app.login('editor');
    for (const [method, path] of [
      ['get', `/triggers/rules?profileId=${profileId}`],
      ['post', '/triggers/rules'],
      ['post', '/triggers/thresholds'],
      ['get', `/triggers/leaders?profileId=${profileId}`],
      ['post', '/triggers/recalculate'],
    ] as const) {
      const res = await api(method, path, { profileId }, editor);
      expect(`${method} ${path} ${res.status}`).toBe(`${method} ${path} 403`);
    }
  });

  it('refuses a rule on an unknown type or field, naming it; offers the related types', async () => {
    const unknown = await api('post', '/triggers/rules', {
      profileId,
      name: 'x',
      event: { type: 'entry.created', uid: 'api::invoice.invoice', relationField: 'contact' },
      points: 5,
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toContain('api::invoice.invoice');
    const field = await api('post', '/triggers/rules', {
      profileId,
      name: 'x',
      event: { type: 'field.changed', field: 'shoeSize', value: 42 },
      points: 5,
    });
    expect(field.status).toBe(400);
    expect(field.body.error.message).toContain('shoeSize');
    const options = await api('get', `/triggers/options?profileId=${profileId}`);
    expect(options.body.data.contentTypes).toEqual(
      expect.arrayContaining([{ uid: ORDER, displayName: 'Order', relationFields: ['contact'] }])
    );
    expect(options.body.data.fields).toEqual(
      expect.arrayContaining([{ name: 'city', type: 'string' }])
    );
  });

  it('order created → +10; threshold ≥ 30 → tag hot-lead + push fires after the third order, once', async () => {
    const rule = await createRule({
      name: 'Order placed',
      event: { type: 'entry.created', uid: ORDER, relationField: 'contact' },
      points: 10,
    });
    await createThreshold({
      name: 'Hot lead',
      points: 30,
      actions: [{ type: 'addTags', tags: ['hot-lead'] }, { type: 'push' }],
      refireOnRecross: false,
    });
    const person = consenting[0];
    const documentId = await documentIdOf(person.email);
    const pushesBefore = await jobsOfType('contacts.push');
    for (let i = 1; i <= 2; i++) {
      await placeOrder(documentId);
      await idle();
    }
    expect((await points(documentId)).points).toBe(20);
    expect(tagged('hot-lead')).toEqual([]);
    await placeOrder(documentId);
    await idle();
    const after3 = await points(documentId);
    expect(after3.points).toBe(30);
    expect(after3.history.map((h) => h.total)).toEqual([30, 20, 10]);
    expect(after3.history[0]).toMatchObject({ delta: 10, ruleName: 'Order placed' });
    expect(after3.history[0].cause).toMatch(/^Order .*created$/);
    expect(after3.firings).toEqual([
      expect.objectContaining({ thresholdName: 'Hot lead', active: true }),
    ]);
    expect(tagged('hot-lead')).toEqual([person.email]);
    expect(await jobsOfType('contacts.push')).toBe(pushesBefore + 1);
    // A fourth order: more points, no second firing.
    await placeOrder(documentId);
    await idle();
    expect((await points(documentId)).points).toBe(40);
    expect(await jobsOfType('points.fire')).toBe(1);
    const audits = await app.strapi.db
      .query('plugin::email-marketing.audit-event')
      .findMany({ where: { action: 'points.threshold-action' } });
    expect(audits).toHaveLength(2);
    // A retried capture job (same payload) awards nothing twice.
    const [capture] = await app.strapi.db
      .query('plugin::email-marketing.job')
      .findMany({ where: { type: 'points.capture' }, orderBy: { id: 'desc' }, limit: 1 });
    await jobEngine(app.strapi).enqueue('points.capture', capture.payload, { transaction: 'none' });
    await idle();
    expect((await points(documentId)).points).toBe(40);
    const rules = await api('get', `/triggers/rules?profileId=${profileId}`);
    expect(rules.body.data.find((r: { id: number }) => r.id === rule.id).awardedCount).toBe(4);
  });

  it('honours "at most once per day"; a save that does not change the field earns nothing', async () => {
    await createRule({
      name: 'Moved to Lyon',
      event: { type: 'field.changed', field: 'city', value: 'Lyon' },
      points: 5,
      limit: { count: 1, per: 'day' },
    });
    const person = consenting.slice(1).find((c) => c.city !== 'Lyon')!;
    const documentId = await documentIdOf(person.email);
    const setCity = async (city: string) => {
      await app.strapi.documents(CONTACT).update({ documentId, data: { city } as never });
      await idle();
    };
    await setCity('Lyon');
    expect((await points(documentId)).points).toBe(5);
    const captures = await jobsOfType('points.capture');
    await setCity('Lyon'); // unchanged: not even a job
    expect(await jobsOfType('points.capture')).toBe(captures);
    await setCity('Paris');
    await setCity('Lyon'); // changed to Lyon again the same day: limited
    const result = await points(documentId);
    expect(result.points).toBe(5);
    expect(result.history).toHaveLength(1);
  });

  it('a negative rule drops below; re-crossing fires again only where configured; manual adjust', async () => {
    await createRule({
      name: 'Churned',
      event: { type: 'field.changed', field: 'company', value: 'Churned Ltd' },
      points: -10,
    });
    await createRule({ name: 'Goodwill', event: { type: 'manual' }, points: 1 });
    await createThreshold({
      name: 'VIP',
      points: 15,
      actions: [{ type: 'markVip' }],
      refireOnRecross: true,
    });
    await createThreshold({
      name: 'Warm',
      points: 15,
      actions: [{ type: 'addTags', tags: ['warm'] }],
      refireOnRecross: false,
    });
    const person = consenting[5];
    const documentId = await documentIdOf(person.email);
    const adjust = async (delta: number) => {
      const res = await api('post', `/triggers/contacts/${profileId}/${documentId}/adjust`, {
        delta,
        reason: 'goodwill',
      });
      expect(res.status).toBe(200);
      await idle();
      return res.body.data as ContactPoints;
    };
    const adjusted = await adjust(20);
    expect(adjusted.points).toBe(20);
    expect(adjusted.history[0]).toMatchObject({ delta: 20, ruleName: 'Goodwill' });
    expect(adjusted.history[0].cause).toMatch(/^Manual: goodwill \(/);
    const fired = await points(documentId);
    expect(fired.vip).toBe(true);
    expect(tagged('VIP')).toContain(person.email);
    expect(tagged('warm')).toContain(person.email);

    await app.strapi
      .documents(CONTACT)
      .update({ documentId, data: { company: 'Churned Ltd' } as never });
    await idle();
    const dropped = await points(documentId);
    expect(dropped.points).toBe(10);
    const active = (name: string) =>
      dropped.firings.filter((f) => f.thresholdName === name).map((f) => f.active);
    expect(active('VIP')).toEqual([false]);
    expect(active('Warm')).toEqual([true]);

    await adjust(10);
    const again = await points(documentId);
    expect(again.points).toBe(20);
    expect(again.firings.filter((f) => f.thresholdName === 'VIP')).toHaveLength(2);
    expect(again.firings.filter((f) => f.thresholdName === 'Warm')).toHaveLength(1);

    const bad = await api('post', `/triggers/contacts/${profileId}/${documentId}/adjust`, {
      delta: 0,
      reason: '',
    });
    expect(bad.status).toBe(400);
  });

  it('opens imported from a campaign report add points once per member', async () => {
    await createRule({ name: 'Opened', event: { type: 'campaign.opened' }, points: 3 });
    const client = fx.client();
    const campaign = await client.createCampaign({
      type: 'regular',
      recipients: { list_id: fx.listId },
      settings: {
        subject_line: 'May news',
        from_name: 'Fixture',
        reply_to: 'news@fixture.example',
        title: 'May news',
      },
    } as never);
    await client.setCampaignContent(campaign.id, { html: '<p>Hello</p>' });
    await client.send(campaign.id);
    fx.sim.advanceEngagement(campaign.id, 2);
    // Tracked as a campaign: each metrics refresh runs the triggers' after-refresh step.
    const imported = await api('post', '/campaigns/import', { remoteId: campaign.id });
    expect(imported.status).toBeLessThan(300);
    const importActivity = async () => {
      await api('post', `/campaigns/${imported.body.data.id}/refresh`).expect(200);
      await idle();
    };
    const openers = async () => {
      const activity = await client.getEmailActivity(campaign.id);
      return activity.emails
        .filter((e) => e.activity.some((a) => a.action === 'open'))
        .map((e) => e.email_address);
    };
    await importActivity();
    const early = await openers();
    expect(early.length).toBeGreaterThan(0);
    fx.sim.advanceEngagement(campaign.id, 48);
    const late = await openers();
    expect(late.length).toBeGreaterThan(early.length);
    // A late opener whose address was typed with capitals in Strapi: the sync keeps it as typed,
    // the platform's activity reports it in its own spelling; the points still reach the contact.
    const capitalised = late.find((e) => !early.includes(e) && e !== late[0])!;
    const mixedDocumentId = await documentIdOf(capitalised);
    const mixed = capitalised.replace(/^./, (c) => c.toUpperCase()).replace('@e', '@E');
    expect(mixed).not.toBe(capitalised);
    const contacts = app.strapi.documents(CONTACT as never);
    await contacts.update({ documentId: mixedDocumentId, data: { email: mixed } as never });
    await contacts.publish({ documentId: mixedDocumentId });
    // A change of case alone is "unchanged" to a push; a forced sync records the new spelling.
    await api('post', `/sync/profiles/${profileId}/sync`, { force: true }).expect(200);
    await idle();
    const state = (await app.strapi.db
      .query(STATE_UID)
      .findOne({ where: { profileId, sourceDocumentId: mixedDocumentId } })) as { email: string };
    expect(state.email).toBe(mixed);
    await importActivity();
    await importActivity();
    const events = (await app.strapi.db.query('plugin::email-marketing.point-event').findMany({
      where: { cause: "Opened campaign 'May news'" },
    })) as Array<{ contactDocumentId: string; delta: number }>;
    expect(events).toHaveLength(late.length);
    expect(new Set(events.map((e) => e.contactDocumentId)).size).toBe(late.length);
    const one = await points(await documentIdOf(late[0]));
    expect(one.history.filter((h) => h.cause === "Opened campaign 'May news'")).toEqual([
      expect.objectContaining({ delta: 3 }),
    ]);
    const capitals = await points(mixedDocumentId);
    expect(capitals.history.filter((h) => h.cause === "Opened campaign 'May news'")).toEqual([
      expect.objectContaining({ delta: 3 }),
    ]);
  });

  it('a rule on a removed content type or field is paused with a clear reason; the worker goes on', async () => {
    // As a rule stored before its type was removed from the project (and a save queued then).
    const gone = await app.strapi.db.query(RULE_UID).create({
      data: {
        name: 'Invoice paid',
        profileId,
        event: { type: 'entry.created', uid: 'api::invoice.invoice', relationField: 'contact' },
        points: 5,
      },
    });
    const jobs = jobEngine(app.strapi);
    await jobs.enqueue(
      'points.capture',
      {
        action: 'create',
        uid: 'api::invoice.invoice',
        documentId: 'abc',
        ruleIds: [gone.id],
        eventId: 'e1',
        at: new Date().toISOString(),
      },
      { transaction: 'none' }
    );
    const fieldGone = await app.strapi.db.query(RULE_UID).create({
      data: {
        name: 'Shoe size',
        profileId,
        event: { type: 'field.changed', field: 'shoeSize', value: 42 },
        points: 1,
      },
    });
    await jobs.enqueue('points.check-rules', {}, { transaction: 'none' });
    await idle();
    const rules = (await api('get', `/triggers/rules?profileId=${profileId}`)).body.data as Array<{
      id: number;
      paused: boolean;
      pausedReason: string | null;
    }>;
    expect(rules.find((r) => r.id === gone.id)).toMatchObject({
      paused: true,
      pausedReason: expect.stringContaining('api::invoice.invoice does not exist'),
    });
    expect(rules.find((r) => r.id === fieldGone.id)).toMatchObject({
      paused: true,
      pausedReason: expect.stringContaining('"shoeSize"'),
    });
    const audits = await app.strapi.db
      .query('plugin::email-marketing.audit-event')
      .findMany({ where: { action: 'points.rule-paused' } });
    expect(audits.map((a: { subjectId: string }) => a.subjectId).sort()).toEqual(
      [String(gone.id), String(fieldGone.id)].sort()
    );
  });

  it('recalculates a contact from its history', async () => {
    const documentId = await documentIdOf(consenting[0].email);
    await app.strapi.db
      .query(STATE_UID)
      .updateMany({ where: { profileId, sourceDocumentId: documentId }, data: { points: 999 } });
    const res = await api('post', '/triggers/recalculate', { profileId, documentId });
    expect(res.status).toBe(202);
    expect(res.body.data.jobId).toEqual(expect.any(Number));
    await idle();
    // The history holds the orders and adjustments above (40), plus +3 when the simulator's
    // (randomly ordered) campaign activity had this contact open the campaign.
    const history = (await app.strapi.db
      .query('plugin::email-marketing.point-event')
      .findMany({ where: { profileId, contactDocumentId: documentId } })) as Array<{
      delta: number;
    }>;
    const fromHistory = history.reduce((sum, e) => sum + e.delta, 0);
    expect([40, 43]).toContain(fromHistory);
    expect((await points(documentId)).points).toBe(fromHistory);
    const leaders = await api('get', `/triggers/leaders?profileId=${profileId}&limit=50`);
    expect(leaders.body.data).toContainEqual({
      documentId,
      email: consenting[0].email,
      points: fromHistory,
      vip: false,
    });
  });

  it('"start double opt-in" follows the platform per member, audits the change, never lifts an opt-out', async () => {
    const PREFERENCE = 'plugin::email-marketing.preference';
    const AUDIT = 'plugin::email-marketing.audit-event';
    await createRule({ name: 'Nudge', event: { type: 'manual' }, points: 1 });
    await createThreshold({
      name: 'Ask to confirm',
      points: 15,
      actions: [{ type: 'startDoubleOptIn' }],
      refireOnRecross: true,
    });
    const [quiet, gone] = [consenting[30], consenting[31]];
    const db = (uid: string) => app.strapi.db.query(uid as never);
    const forget = async (email: string, remoteStatus: string | null) => {
      await db(PREFERENCE).deleteMany({ where: { email: email.toLowerCase() } });
      await db(STATE_UID).updateMany({
        where: { profileId, email },
        data: { remoteStatus },
      });
    };
    // Quiet is transactional on the platform; Gone unsubscribed there, unknown here.
    fx.sim.member(fx.listId, quiet.email)!.status = 'transactional';
    await forget(quiet.email, 'transactional');
    fx.sim.member(fx.listId, gone.email)!.status = 'unsubscribed';
    await forget(gone.email, null);
    const adjust = async (email: string, delta: number) => {
      const res = await api(
        'post',
        `/triggers/contacts/${profileId}/${await documentIdOf(email)}/adjust`,
        { delta, reason: 'test' }
      );
      expect(res.status).toBe(200);
      await idle();
    };
    await adjust(quiet.email, 20);
    await adjust(gone.email, 20);

    // Quiet: pending, one confirmation, audited before → after, the state follows.
    expect(fx.sim.member(fx.listId, quiet.email)).toMatchObject({
      status: 'pending',
      confirmationsSent: 1,
    });
    expect(
      await db(PREFERENCE).findOne({ where: { email: quiet.email.toLowerCase() } })
    ).toMatchObject({ status: 'pending' });
    expect(
      await db(AUDIT).findOne({
        where: { email: quiet.email.toLowerCase(), action: 'contact.pending' },
      })
    ).toMatchObject({
      before: { status: null, remoteStatus: 'transactional' },
      after: { status: 'pending' },
    });
    expect(await db(STATE_UID).findOne({ where: { profileId, email: quiet.email } })).toMatchObject(
      { remoteStatus: 'pending' }
    );
    // Gone: the platform's answer (unsubscribed) is recorded; nothing lifts the opt-out.
    expect(fx.sim.member(fx.listId, gone.email)).toMatchObject({
      status: 'unsubscribed',
      confirmationsSent: 0,
    });
    expect(
      await db(PREFERENCE).findOne({ where: { email: gone.email.toLowerCase() } })
    ).toMatchObject({ status: 'unsubscribed', source: 'platform' });
    const goneAction = (await db(AUDIT).findMany({
      where: { email: gone.email.toLowerCase(), action: 'points.threshold-action' },
    })) as Array<{ after: { skipped?: string } }>;
    expect(goneAction.map((a) => a.after.skipped)).toEqual(['the platform reports unsubscribed']);

    // Quiet drops below and re-crosses: already pending, no second confirmation.
    await adjust(quiet.email, -10);
    await adjust(quiet.email, 10);
    expect(fx.sim.member(fx.listId, quiet.email)?.confirmationsSent).toBe(1);
  });
});
