import crypto from 'crypto';
import { seedContacts } from '../../playground/src/seed';
import { failedJobs, FAST_JOBS_CONFIG, waitFor, waitForIdle } from '../helpers/jobs';
import { startSimFixture, type SimFixture } from '../helpers/simulator';
import { startStrapi, type TestStrapi } from '../helpers/strapi';

const CONTACT = 'api::contact.contact';
const MEMBERS_CALL = 'POST /lists/{listId}/segments/{segmentId}';
const BULK = 12_000;

interface Condition {
  field: string;
  operator: string;
  value?: unknown;
}

describe('segments: filters, preview, sync to static segments, consent, RBAC', () => {
  let fx: SimFixture;
  let app: TestStrapi;
  let token: string;
  let profileId: number;

  const seeded = seedContacts();
  // On the platform before the plugin: one Paris contact unsubscribed, one cleaned. Both consent
  // in Strapi, so only the suppression list keeps them out of segments.
  const parisConsenting = seeded.filter((c) => c.city === 'Paris' && c.marketingConsent);
  const unsubscribed = parisConsenting[0].email;
  const cleaned = parisConsenting[1].email;
  const suppressed = new Set([unsubscribed, cleaned]);
  const eligible = seeded.filter((c) => c.marketingConsent && !suppressed.has(c.email));

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
  /** The addresses in a platform segment, read from the simulator's state. */
  const remoteMembers = (remoteId: string) => {
    const list = fx.sim.list(fx.listId);
    const segment = list.segments.get(Number(remoteId));
    if (!segment) return null;
    return [...segment.members].map((hash) => list.members.get(hash)!.email_address).sort();
  };
  const memberCalls = () =>
    fx.sim.requests.filter((r) => r.operation === MEMBERS_CALL && r.status === 200);
  const preview = async (conditions: Condition[], match = 'all', limit?: number) => {
    const res = await api('post', '/segments/preview', { profileId, match, conditions, limit });
    expect(res.status).toBe(200);
    return res.body.data as {
      count: number;
      sample: Array<{ documentId: string; email: string; label: string }>;
    };
  };
  const createSegment = async (name: string, conditions: Condition[], match = 'all') => {
    const res = await api('post', '/segments', { name, profileId, match, conditions });
    expect(res.status).toBe(201);
    expect(res.body.data.status).toBe('pending');
    await idle();
    return (await api('get', `/segments/${res.body.data.id}`)).body.data;
  };

  beforeAll(async () => {
    fx = await startSimFixture();
    fx.sim.seedMembers(fx.listId, [
      { email_address: unsubscribed, status_if_new: 'unsubscribed' },
      { email_address: cleaned, status_if_new: 'cleaned' },
    ]);
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

  it('an editor without the segments actions gets 403 on every route', async () => {
    const editor = await app.login('editor');
    for (const [method, path] of [
      ['get', '/segments'],
      ['get', `/segments/attributes?profileId=${profileId}`],
      ['post', '/segments/preview'],
      ['post', '/segments'],
      ['delete', '/segments/1?remote=keep'],
      ['post', '/segments/1/sync'],
    ] as const) {
      const res = await api(method, path, { profileId, conditions: [] }, editor);
      expect(`${method} ${path} ${res.status}`).toBe(`${method} ${path} 403`);
    }
  });

  it('lists the attributes of the source type, one level into relations', async () => {
    const res = await api('get', `/segments/attributes?profileId=${profileId}`);
    expect(res.status).toBe(200);
    const byPath = new Map(res.body.data.map((a: { path: string }) => [a.path, a]));
    expect(byPath.get('city')).toMatchObject({ type: 'string', label: 'City' });
    expect(byPath.get('interests')).toMatchObject({
      type: 'enumeration',
      enum: ['product_news', 'events', 'tutorials', 'offers'],
    });
    expect(byPath.get('organization.name')).toMatchObject({ label: 'Organization › Name' });
    expect(byPath.get('orders.total')).toMatchObject({ type: 'decimal' });
    expect(byPath.has('organization.contacts.email')).toBe(false);
  });

  it('the preview counts what the segment holds, without suppressed contacts', async () => {
    const result = await preview([{ field: 'city', operator: 'contains', value: 'PAR' }], 'all', 3);
    const expected = eligible.filter((c) => c.city === 'Paris');
    expect(result.count).toBe(expected.length);
    expect(result.sample).toHaveLength(3);
    expect(result.sample[0]).toMatchObject({
      email: expected[0].email,
      label: `${expected[0].firstName} ${expected[0].lastName}`,
    });
  });

  // Each: preview count == members of the platform segment after sync == the same contacts.
  const cases: Array<[string, Condition[], string?, ((c: (typeof seeded)[number]) => boolean)?]> = [
    [
      'string contains',
      [{ field: 'city', operator: 'contains', value: 'par' }],
      'all',
      (c) => c.city === 'Paris',
    ],
    [
      'enumeration in',
      [{ field: 'interests', operator: 'in', value: ['events', 'offers'] }],
      'all',
      (c) => c.interests === 'events' || c.interests === 'offers',
    ],
    [
      'date before',
      [{ field: 'birthday', operator: 'before', value: '1975-01-01' }],
      'all',
      (c) => c.birthday !== null && c.birthday < '1975-01-01',
    ],
    [
      'date after, any with a string',
      [
        { field: 'birthday', operator: 'after', value: '1995-06-30' },
        { field: 'country', operator: 'eq', value: 'JP' },
      ],
      'any',
      (c) => (c.birthday !== null && c.birthday > '1995-06-30') || c.country === 'JP',
    ],
    ['boolean', [{ field: 'marketingConsent', operator: 'eq', value: true }], 'all', () => true],
    [
      'relation one level',
      [{ field: 'organization.name', operator: 'eq', value: 'Open Campus' }],
      'all',
      (c) => c.company === 'Open Campus',
    ],
    [
      'relation with a number (orders over 400)',
      [{ field: 'orders.total', operator: 'gt', value: 400 }],
    ],
    ['isEmpty', [{ field: 'phone', operator: 'isEmpty' }], 'all', (c) => c.phone === null],
  ];
  it.each(cases)(
    '%s: preview count equals the platform segment after sync',
    async (name, conditions, match = 'all', expect_) => {
      const { count, sample } = await preview(conditions, match, 100);
      if (expect_) expect(count).toBe(eligible.filter(expect_).length);
      expect(count).toBeGreaterThan(0);
      const segment = await createSegment(name, conditions, match);
      expect(segment).toMatchObject({ status: 'synced', memberCount: count, lastError: null });
      const members = remoteMembers(segment.remoteId)!;
      expect(members).toHaveLength(count);
      expect(members).toEqual(expect.arrayContaining(sample.map((s) => s.email)));
      expect(members).not.toContain(unsubscribed);
      expect(members).not.toContain(cleaned);
    }
  );

  it('an unsubscribed or cleaned contact is never sent to a segment', () => {
    const sent = fx.sim.requests
      .filter((r) => r.operation === MEMBERS_CALL)
      .flatMap((r) => (r.body as { members_to_add?: string[] }).members_to_add ?? []);
    expect(sent.length).toBeGreaterThan(0);
    expect(sent).not.toContain(unsubscribed);
    expect(sent).not.toContain(cleaned);
  });

  it('a matching contact not on the audience is skipped and counted, never created', async () => {
    // Written behind the document service: no push, so the plugin never put it on the audience.
    const email = 'reykjavik.only@example.com';
    const now = new Date().toISOString();
    const base = {
      document_id: crypto.randomBytes(12).toString('hex'),
      email,
      city: 'Reykjavik',
      marketing_consent: true,
      created_at: now,
      updated_at: now,
    };
    await app.strapi.db.connection('contacts').insert([
      { ...base, published_at: null },
      { ...base, published_at: now },
    ]);
    const conditions = [{ field: 'city', operator: 'eq', value: 'Reykjavik' }];
    expect((await preview(conditions)).count).toBe(1);
    const segment = await createSegment('Reykjavik', conditions);
    expect(segment).toMatchObject({
      status: 'synced',
      memberCount: 0,
      lastSync: { added: 0, skippedNotOnAudience: 1 },
    });
    expect(fx.sim.member(fx.listId, email)).toBeUndefined();
    expect(remoteMembers(segment.remoteId)).toEqual([]);
  });

  it('an edit that moves 3 contacts out removes exactly those 3, and nothing else is sent', async () => {
    const paris = [{ field: 'city', operator: 'eq', value: 'Paris' }];
    const segment = await createSegment('Paris only', paris);
    const before = remoteMembers(segment.remoteId)!;
    const leaving = before.slice(0, 3);
    fx.sim.clearLog();
    const res = await api('put', `/segments/${segment.id}`, {
      name: 'Paris only',
      profileId,
      match: 'all',
      conditions: [...paris, { field: 'email', operator: 'notIn', value: leaving }],
    });
    expect(res.status).toBe(200);
    expect(res.body.data.status).toBe('pending');
    await idle();
    const calls = memberCalls();
    expect(calls).toHaveLength(1);
    const body = calls[0].body as { members_to_add: string[]; members_to_remove: string[] };
    expect(body.members_to_add).toEqual([]);
    expect([...body.members_to_remove].sort()).toEqual(leaving);
    expect(remoteMembers(segment.remoteId)).toEqual(before.slice(3));
    const after = (await api('get', `/segments/${segment.id}`)).body.data;
    expect(after).toMatchObject({
      memberCount: before.length - 3,
      lastSync: { added: 0, removed: 3 },
    });
  });

  it('a member whose change moves them out is removed without "Sync now" (coalesced)', async () => {
    const segment = await createSegment('Berlin', [
      { field: 'city', operator: 'eq', value: 'Berlin' },
    ]);
    const [first, second] = remoteMembers(segment.remoteId)!;
    fx.sim.clearLog();
    const contacts = app.strapi.documents(CONTACT as never);
    for (const email of [first, second]) {
      const [doc] = await contacts.findMany({ filters: { email } as never, status: 'published' });
      // A draft save then a publish: two document actions per contact, one segment sync.
      await contacts.update({ documentId: doc.documentId, data: { city: 'Lyon' } as never });
      await contacts.publish({ documentId: doc.documentId });
    }
    await waitFor(async () => !remoteMembers(segment.remoteId)!.includes(second), {
      timeoutMs: 30_000,
      what: 'the moved contacts to leave the segment',
    });
    await idle();
    expect(remoteMembers(segment.remoteId)).not.toContain(first);
    expect(memberCalls().length).toBeLessThanOrEqual(2);
    const removed = memberCalls().flatMap(
      (r) => (r.body as { members_to_remove: string[] }).members_to_remove
    );
    expect(removed.sort()).toEqual([first, second].sort());
  });

  it('threshold members typed with capitals: a refused one is not counted as landed; pushes of a kept one enqueue no sync', async () => {
    const contacts = app.strapi.documents(CONTACT as never);
    const create = async (email: string) =>
      (
        (await contacts.create({
          data: { email, firstName: 'Manual', city: 'Tromso', marketingConsent: true } as never,
          status: 'published',
        })) as { documentId: string }
      ).documentId;
    const kept = await create('Kept.Manual@Example.com');
    const gone = await create('Gone.Manual@Example.com');
    await idle();
    const stateEmail = async (documentId: string) =>
      (
        (await app.strapi.db
          .query('plugin::email-marketing.contact-state')
          .findOne({ where: { profileId, sourceDocumentId: documentId } })) as { email: string }
      ).email;
    // The sync keeps the address as typed.
    expect(await stateEmail(gone)).toBe('Gone.Manual@Example.com');
    // No filter selects them: only the threshold puts them in.
    const segment = await createSegment('Picked by points', [
      { field: 'city', operator: 'eq', value: 'Nowhere' },
    ]);
    expect(segment.memberCount).toBe(0);
    await api('post', '/triggers/rules', {
      profileId,
      name: 'Goodwill',
      event: { type: 'manual' },
      points: 1,
    }).expect(201);
    await api('post', '/triggers/thresholds', {
      profileId,
      name: 'Into the segment',
      points: 10,
      actions: [{ type: 'addToSegment', segmentId: segment.id }],
      refireOnRecross: false,
    }).expect(201);
    const adjust = async (documentId: string) => {
      await api('post', `/triggers/contacts/${profileId}/${documentId}/adjust`, {
        delta: 10,
        reason: 'test',
      }).expect(200);
      await idle();
      return (await api('get', `/segments/${segment.id}`)).body.data;
    };

    // Deleted on the platform since the push: the segment call refuses it.
    const list = fx.sim.list(fx.listId);
    list.members.delete(fx.sim.member(fx.listId, 'gone.manual@example.com')!.id);
    expect(await adjust(gone)).toMatchObject({
      memberCount: 0,
      lastSync: { added: 0, skippedNotOnAudience: 1 },
    });

    expect(await adjust(kept)).toMatchObject({ memberCount: 1, lastSync: { added: 1 } });
    expect(remoteMembers(segment.remoteId)!.map((e) => e.toLowerCase())).toEqual([
      'kept.manual@example.com',
    ]);
    // Pushes of the kept member: it is still desired, so no segment sync follows.
    const syncs = () =>
      app.strapi.db
        .query('plugin::email-marketing.job')
        .count({ where: { type: 'segments.sync' } });
    const before = await syncs();
    for (const firstName of ['Pushed', 'Again']) {
      await contacts.update({ documentId: kept, data: { firstName } as never });
      await contacts.publish({ documentId: kept });
      await idle();
    }
    expect(fx.sim.member(fx.listId, 'kept.manual@example.com')!.merge_fields.FNAME).toBe('Again');
    expect(await syncs()).toBe(before);
    expect(remoteMembers(segment.remoteId)!.map((e) => e.toLowerCase())).toEqual([
      'kept.manual@example.com',
    ]);
  });

  it(`a ${BULK.toLocaleString('en')}-contact segment syncs in at most ${Math.ceil(BULK / 500)} add calls`, async () => {
    const now = new Date().toISOString();
    await app.strapi.db.connection.transaction(async (trx) => {
      for (let start = 0; start < BULK; start += 500) {
        const rows: Array<Record<string, unknown>> = [];
        for (let i = start; i < Math.min(BULK, start + 500); i++) {
          const base = {
            document_id: crypto.randomBytes(12).toString('hex'),
            email: `bulk${i}@example.com`,
            city: 'Bulkville',
            marketing_consent: true,
            created_at: now,
            updated_at: now,
          };
          rows.push({ ...base, published_at: null }, { ...base, published_at: now });
        }
        await trx.batchInsert('contacts', rows, 500);
      }
    });
    await api('post', `/sync/profiles/${profileId}/sync`).expect(200);
    await idle();
    const conditions = [{ field: 'city', operator: 'eq', value: 'Bulkville' }];
    expect((await preview(conditions)).count).toBe(BULK);
    fx.sim.clearLog();
    const started = Date.now();
    const segment = await createSegment('Bulk', conditions);
    const seconds = (Date.now() - started) / 1000;
    expect(segment).toMatchObject({ status: 'synced', memberCount: BULK });
    expect(remoteMembers(segment.remoteId)).toHaveLength(BULK);
    const calls = memberCalls();
    expect(calls.length).toBeLessThanOrEqual(Math.ceil(BULK / 500));
    for (const call of calls)
      expect((call.body as { members_to_add: string[] }).members_to_add.length).toBeLessThanOrEqual(
        500
      );
    process.stdout.write(
      `[segments] ${BULK} members in ${calls.length} membership calls, ${seconds.toFixed(1)} s\n`
    );
    // Nothing changed: the next sync sends nothing.
    fx.sim.clearLog();
    await api('post', `/segments/${segment.id}/sync`).expect(202);
    await idle();
    expect(memberCalls()).toHaveLength(0);
  });

  it('a filter on an attribute removed from the content type gives a clear error, not a crash', async () => {
    const segment = await createSegment('Fax users', [{ field: 'phone', operator: 'isNotEmpty' }]);
    // As if the attribute had been renamed away since: the stored definition names "fax".
    await app.strapi.db.query('plugin::email-marketing.segment').update({
      where: { id: segment.id },
      data: { conditions: [{ field: 'fax', operator: 'isNotEmpty' }] },
    });
    const message =
      'Condition 1: "fax" is not an attribute of Contact (was it removed from the content type?).';
    const loaded = await api('get', `/segments/${segment.id}`);
    expect(loaded.status).toBe(200);
    expect(loaded.body.data).toMatchObject({ status: 'error', lastError: message });

    const res = await api('post', '/segments/preview', {
      profileId,
      match: 'all',
      conditions: [{ field: 'fax', operator: 'isNotEmpty' }],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(message);
    expect(res.body.error.details.errors[0].path).toEqual(['conditions.0.field']);

    const { jobId } = (await api('post', `/segments/${segment.id}/sync`).expect(202)).body.data;
    await waitForIdle(app.strapi);
    const job = await app.strapi.db
      .query('plugin::email-marketing.job')
      .findOne({ where: { id: jobId } });
    expect(job).toMatchObject({ status: 'failed', attempts: 1 });
    const stored = await app.strapi.db
      .query('plugin::email-marketing.segment')
      .findOne({ where: { id: segment.id } });
    expect(stored).toMatchObject({ status: 'error', lastError: message });
    // The members it had are untouched on the platform.
    expect(remoteMembers(segment.remoteId)!.length).toBe(segment.memberCount);
    await app.strapi.db.query('plugin::email-marketing.job').delete({ where: { id: jobId } });
  });

  it('a segment deleted on the platform is made again and filled on the next sync', async () => {
    const segment = await createSegment('Toronto', [
      { field: 'city', operator: 'eq', value: 'Toronto' },
    ]);
    const members = remoteMembers(segment.remoteId)!;
    fx.sim.list(fx.listId).segments.delete(Number(segment.remoteId));
    await api('post', `/segments/${segment.id}/sync`).expect(202);
    await idle();
    const again = (await api('get', `/segments/${segment.id}`)).body.data;
    expect(again.remoteId).not.toBe(segment.remoteId);
    expect(again).toMatchObject({ status: 'synced', memberCount: members.length });
    expect(remoteMembers(again.remoteId)).toEqual(members);
  });

  it('as a tag, an existing tag of that name is reused', async () => {
    const list = fx.sim.list(fx.listId);
    const existing = [...list.segments.values()].find((s) => s.name === 'Toronto')!;
    const res = await api('post', '/segments', {
      name: 'Toronto',
      label: 'customer',
      profileId,
      match: 'all',
      conditions: [{ field: 'city', operator: 'eq', value: 'Toronto' }],
      remoteKind: 'tag',
    });
    expect(res.status).toBe(201);
    await idle();
    const tag = (await api('get', `/segments/${res.body.data.id}`)).body.data;
    expect(tag).toMatchObject({
      remoteKind: 'tag',
      label: 'customer',
      remoteId: String(existing.id),
      status: 'synced',
    });
    await api('delete', `/segments/${tag.id}?remote=keep`).expect(200);
  });

  it('duplicate makes an unsynced copy', async () => {
    const [source] = (await api('get', '/segments')).body.data;
    const res = await api('post', `/segments/${source.id}/duplicate`);
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({
      name: `${source.name} (copy)`,
      conditions: source.conditions,
      remoteId: null,
      status: 'pending',
      memberCount: 0,
    });
    const queued = await app.strapi.db
      .query('plugin::email-marketing.job')
      .count({ where: { dedupeKey: `segment:${res.body.data.id}` } });
    expect(queued).toBe(0);
  });

  it('delete asks about the platform segment: keep leaves it, remove deletes it', async () => {
    const keep = await createSegment('Keep me', [
      { field: 'city', operator: 'eq', value: 'Osaka' },
    ]);
    const remove = await createSegment('Remove me', [
      { field: 'city', operator: 'eq', value: 'Lisbon' },
    ]);
    expect((await api('delete', `/segments/${keep.id}`)).status).toBe(400);
    const kept = await api('delete', `/segments/${keep.id}?remote=keep`);
    expect(kept.body.data).toEqual({ deleted: true, remoteRemoved: false });
    expect(remoteMembers(keep.remoteId)).toHaveLength(keep.memberCount);
    const removed = await api('delete', `/segments/${remove.id}?remote=remove`);
    expect(removed.body.data).toEqual({ deleted: true, remoteRemoved: true });
    expect(remoteMembers(remove.remoteId)).toBeNull();
    expect((await api('get', `/segments/${remove.id}`)).status).toBe(404);
    expect(
      await app.strapi.db
        .query('plugin::email-marketing.segment-member')
        .count({ where: { segmentId: { $in: [keep.id, remove.id] } } })
    ).toBe(0);
  });

  it('the daily task is scheduled at 05:00 UTC and syncs every segment', async () => {
    const schedule = (await api('get', '/schedule')).body.data as Array<Record<string, unknown>>;
    expect(schedule.find((t) => t.name === 'segments-sync')).toMatchObject({
      cron: '0 5 * * *',
      jobType: 'segments.syncAll',
    });
    const count = (await api('get', '/segments')).body.data.length;
    fx.sim.clearLog();
    await app.strapi.plugin('email-marketing').service('jobs').enqueue('segments.syncAll', {});
    await waitForIdle(app.strapi);
    const synced = await app.strapi.db.query('plugin::email-marketing.job').count({
      where: { type: 'segments.sync', status: { $in: ['done', 'failed'] } },
    });
    expect(synced).toBeGreaterThanOrEqual(count);
  });

  it('audit events for create, change, delete and each sync result', async () => {
    for (const action of [
      'segment.created',
      'segment.changed',
      'segment.deleted',
      'segment.synced',
      'segment.sync-failed',
    ]) {
      const res = await api('get', `/audit?action=${action}`);
      expect(`${action} ${res.body.data.length > 0}`).toBe(`${action} true`);
    }
  });
});
