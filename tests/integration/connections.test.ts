import type { Response } from 'supertest';
import { startSimFixture, type SimFixture } from '../helpers/simulator';
import { startStrapi, type TestStrapi } from '../helpers/strapi';

const CONNECTION = 'plugin::email-marketing.connection';
const AUDIT = 'plugin::email-marketing.audit-event';

describe('connections: Mailchimp by API key or OAuth2', () => {
  let fx: SimFixture;
  let app: TestStrapi;
  let admin: string;
  let editor: string;
  /** Every response body the plugin sent, to prove no credential ever leaves the server. */
  const bodies: string[] = [];
  const secrets: string[] = [];

  const call = async (
    method: 'get' | 'post' | 'put',
    path: string,
    body?: object,
    token = admin
  ): Promise<Response> => {
    const req = app.http[method](`/email-marketing${path}`).set('Authorization', `Bearer ${token}`);
    const res = await (body ? req.send(body) : req);
    bodies.push(res.text);
    return res;
  };
  const rows = () => app.strapi.db.query(CONNECTION).findMany({});
  const auditActions = async () =>
    (await app.strapi.db.query(AUDIT).findMany({ orderBy: { id: 'asc' } })).map(
      (e: { action: string }) => e.action
    );

  beforeAll(async () => {
    fx = await startSimFixture();
    fx.sim.createAccount({ dc: 'us7' }); // a second account, not connected
    secrets.push(fx.apiKey);
    process.env.MAILCHIMP_API_ROOT = `${fx.sim.url}/{dc}/3.0`;
    process.env.MAILCHIMP_CLIENT_ID = 'strapi-app';
    process.env.MAILCHIMP_CLIENT_SECRET = 'strapi-app-secret';
    process.env.MAILCHIMP_OAUTH_BASE_URL = fx.sim.url;
    app = await startStrapi();
    admin = await app.login('admin');
    editor = await app.login('editor');
  });
  afterAll(async () => {
    await app.stop();
    await fx.sim.stop();
    for (const key of [
      'MAILCHIMP_API_ROOT',
      'MAILCHIMP_CLIENT_ID',
      'MAILCHIMP_CLIENT_SECRET',
      'MAILCHIMP_OAUTH_BASE_URL',
    ])
      delete process.env[key];
  });

  describe('bad input: a specific error, nothing stored, nothing leaked', () => {
    const refused = async (body: object, field: string, message: RegExp) => {
      const res = await call('post', '/connections', body);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(message);
      expect(res.body.error.details.errors[0].path).toEqual([field]);
      expect(await rows()).toHaveLength(0);
    };
    const hex = '0123456789abcdef0123456789abcdef';

    it('an empty key', () => refused({ apiKey: '' }, 'apiKey', /empty/));
    it('a key without -us', () =>
      refused({ apiKey: hex }, 'apiKey', /must end with its data center/));
    it('a 31-character key', () =>
      refused({ apiKey: `${hex.slice(1)}-us7` }, 'apiKey', /this one has 31/));
    it('a key for us7 sent to us1', () =>
      refused(
        { apiKey: fx.apiKey.replace(/-us7$/, '-us1') },
        'apiKey',
        /valid, but not in data center us1/
      ));
    it('a key Mailchimp does not know', () =>
      refused(
        { apiKey: `${'f'.repeat(32)}-us7` },
        'apiKey',
        // The hint on where to find keys comes from the provider (factory.apiKeyHelp).
        /^Mailchimp does not recognise this API key\. Check that you copied all of it from Mailchimp \(Account › Extras › API keys\)\.$/
      ));
    it('a revoked key', async () => {
      const { apiKey } = fx.sim.createAccount({ dc: 'us7' });
      secrets.push(apiKey);
      fx.sim.revokeKey(apiKey);
      await refused({ apiKey }, 'apiKey', /does not recognise this API key/);
    });
    it('a platform the server does not have', () =>
      refused(
        { provider: 'sendpulse', apiKey: fx.apiKey },
        'provider',
        /"sendpulse" is not a platform/
      ));
    it('a sender address that is not an email', () =>
      refused(
        { apiKey: fx.apiKey, senderEmail: 'news at example' },
        'senderEmail',
        /is not an email address/
      ));

    it('the simulator down', async () => {
      process.env.MAILCHIMP_API_ROOT = 'http://127.0.0.1:9/{dc}/3.0';
      try {
        const res = await call('post', '/connections', { apiKey: fx.apiKey });
        expect(res.status).toBe(400);
        expect(res.body.error.message).toMatch(
          /Mailchimp could not be reached \(ECONNREFUSED\).*nothing was saved/
        );
        expect(await rows()).toHaveLength(0);
      } finally {
        process.env.MAILCHIMP_API_ROOT = `${fx.sim.url}/{dc}/3.0`;
      }
    });

    it('checks a key format without calling Mailchimp', async () => {
      const before = fx.sim.requests.length;
      const res = await call('post', '/connections/check-key', { apiKey: 'abc-us2' });
      expect(res.body.data).toEqual({
        ok: false,
        reason: expect.stringMatching(/32 characters long; this one has 3/),
      });
      expect(fx.sim.requests.length).toBe(before);
    });
  });

  it('lists the platforms it can connect, as each provider describes itself', async () => {
    const res = await call('get', '/connections/providers');
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual(
      expect.arrayContaining([
        {
          name: 'mailchimp',
          displayName: 'Mailchimp',
          credentialKinds: ['apiKey', 'oauth'],
          keyHint: expect.stringMatching(/API keys/),
          keyPlaceholder: expect.stringMatching(/-us\d+$/),
        },
      ])
    );
    // Every listed platform checks its own key shape.
    for (const { name } of res.body.data as Array<{ name: string }>) {
      const check = await call('post', '/connections/check-key', { provider: name, apiKey: 'x' });
      expect(check.body.data).toMatchObject({ ok: false, reason: expect.any(String) });
    }
  });

  describe('connecting with an API key', () => {
    let id: number;

    it('verifies live, stores the key encrypted, and answers with a masked tail only', async () => {
      const res = await call('post', '/connections', {
        apiKey: fx.apiKey,
        senderName: 'Fixture News',
      });
      expect(res.status).toBe(200);
      const connection = res.body.data;
      id = connection.id;
      expect(connection).toMatchObject({
        provider: 'mailchimp',
        providerLabel: 'Mailchimp',
        authKind: 'apiKey',
        accountName: 'Fixture Co',
        loginEmail: 'owner@fixture.example',
        dataCenter: 'us7',
        isDefault: true,
        status: 'connected',
        defaultAudienceId: fx.listId,
        credentialHint: `••••${fx.apiKey.slice(28, 32)}-us7`,
      });
      const [row] = await app.strapi.db.query(CONNECTION).findMany({});
      expect(row.credentials).not.toContain(fx.apiKey.slice(0, 32));
      expect(row.credentials).toMatch(/^v1:/);
      expect(
        JSON.parse(app.strapi.plugin('email-marketing').service('crypto').decrypt(row.credentials))
      ).toEqual({ kind: 'apiKey', apiKey: fx.apiKey });
      expect(await auditActions()).toContain('connection.connected');
    });

    it('lists audiences with member counts, cached for 15 minutes, refreshable', async () => {
      fx.sim.seedMembers(fx.listId, [
        { email_address: 'a@example.com' },
        { email_address: 'b@example.com' },
      ]);
      const cached = await call('get', `/connections/${id}/audiences`);
      expect(cached.body.data).toMatchObject({
        fromCache: true,
        audiences: [{ id: fx.listId, name: 'Fixture audience', memberCount: 0 }],
      });
      const fresh = await call('get', `/connections/${id}/audiences?refresh=true`);
      expect(fresh.body.data).toMatchObject({
        fromCache: false,
        audiences: [
          { id: fx.listId, memberCount: 2, defaults: { fromEmail: 'news@fixture.example' } },
        ],
      });
    });

    it('resolves the sender: connection → audience defaults → account login → hello@<server host>', async () => {
      const set = async (body: object) =>
        (await call('put', `/connections/${id}`, body)).body.data.sender;
      await expect(set({ senderEmail: 'team@fixture.example' })).resolves.toEqual({
        name: 'Fixture News',
        email: 'team@fixture.example',
        source: 'connection',
      });
      await expect(set({ senderEmail: '' })).resolves.toMatchObject({
        email: 'news@fixture.example',
        source: 'audience',
      });
      await expect(set({ defaultAudienceId: null })).resolves.toMatchObject({
        email: 'owner@fixture.example',
        source: 'account',
      });
      await app.strapi.db.query(CONNECTION).update({ where: { id }, data: { loginEmail: null } });
      await expect(set({})).resolves.toMatchObject({ email: 'hello@localhost', source: 'server' });
      await app.strapi.db
        .query(CONNECTION)
        .update({ where: { id }, data: { loginEmail: 'owner@fixture.example' } });
      await expect(set({ defaultAudienceId: fx.listId })).resolves.toMatchObject({
        source: 'audience',
      });
      const bad = await call('put', `/connections/${id}`, { senderEmail: 'nope' });
      expect(bad.status).toBe(400);
      expect(bad.body.error.details.errors[0].path).toEqual(['senderEmail']);
      const unknownAudience = await call('put', `/connections/${id}`, { defaultAudienceId: 'zzz' });
      expect(unknownAudience.body.error.details.errors[0].path).toEqual(['defaultAudienceId']);
    });

    it('keeps exactly one default across several connections', async () => {
      const second = fx.sim.createAccount({ dc: 'us3', accountName: 'Second Co' });
      secrets.push(second.apiKey);
      fx.sim.createList(second.account.account_id, { name: 'Second list' });
      const res = await call('post', '/connections', { apiKey: second.apiKey });
      expect(res.body.data).toMatchObject({ accountName: 'Second Co', isDefault: false });
      await call('post', `/connections/${res.body.data.id}/default`);
      const list = (await call('get', '/connections')).body.data.connections as Array<{
        id: number;
        isDefault: boolean;
      }>;
      expect(list.filter((c) => c.isDefault).map((c) => c.id)).toEqual([res.body.data.id]);
      await call('post', `/connections/${id}/default`);
      expect(await auditActions()).toEqual(expect.arrayContaining(['connection.default-changed']));
      // Disconnecting the default promotes the other one.
      await call('post', `/connections/${id}/disconnect`);
      const after = (await call('get', '/connections')).body.data.connections as Array<{
        id: number;
        isDefault: boolean;
        status: string;
      }>;
      expect(after.find((c) => c.isDefault)?.id).toBe(res.body.data.id);
      await call('post', '/connections', { apiKey: fx.apiKey }); // reconnect for what follows
    });

    it('shows a revoked key on Verify again, without losing the connection', async () => {
      const { account, apiKey } = fx.sim.createAccount({ dc: 'us7', accountName: 'Soon Revoked' });
      secrets.push(apiKey);
      fx.sim.createList(account.account_id);
      const created = (await call('post', '/connections', { apiKey })).body.data;
      fx.sim.revokeKey(apiKey);
      const verified = (await call('post', `/connections/${created.id}/verify`)).body.data;
      expect(verified.status).toBe('error');
      expect(verified.lastError).toMatch(
        /no longer accepts this key \(it worked on \d{4}-\d{2}-\d{2}\)/
      );
    });

    it('disconnects: removes only the plugin webhooks, forgets credentials, keeps history; reconnect restores the row', async () => {
      const base = `http://localhost:${app.strapi.config.get('server.port')}`;
      const list = fx.sim.list(fx.listId);
      const events = {
        subscribe: true,
        unsubscribe: true,
        profile: true,
        cleaned: true,
        upemail: true,
        campaign: true,
      };
      const sources = { user: true, admin: true, api: false };
      list.webhooks.set('ours', {
        id: 'ours',
        url: `${base}/api/email-marketing/webhooks/mailchimp/secret`,
        events,
        sources,
        list_id: fx.listId,
      });
      list.webhooks.set('theirs', {
        id: 'theirs',
        url: 'https://zapier.example/hook',
        events,
        sources,
        list_id: fx.listId,
      });
      const before = (await call('get', '/connections')).body.data.connections.find(
        (c: { accountName: string }) => c.accountName === 'Fixture Co'
      );
      const res = await call('post', `/connections/${before.id}/disconnect`);
      expect(res.body.data).toMatchObject({
        status: 'disconnected',
        isDefault: false,
        sender: null,
      });
      expect([...list.webhooks.keys()]).toEqual(['theirs']);
      const row = await app.strapi.db.query(CONNECTION).findOne({ where: { id: before.id } });
      expect(row).toMatchObject({
        credentials: null,
        audiencesCache: null,
        status: 'disconnected',
      });
      const again = await call('post', '/connections', { apiKey: fx.apiKey });
      expect(again.body.data).toMatchObject({ id: before.id, status: 'connected' });
      expect(await auditActions()).toEqual(
        expect.arrayContaining(['connection.disconnected', 'connection.reconnected'])
      );
    });
  });

  describe('OAuth2 against the simulator', () => {
    let oauthAccountId: string;
    const redirectUri = () =>
      `http://localhost:${app.strapi.config.get('server.port')}/api/email-marketing/oauth/mailchimp/callback`;

    beforeAll(() => {
      const { account } = fx.sim.createAccount({
        dc: 'us9',
        accountName: 'OAuth Co',
        email: 'oauth@example.com',
      });
      oauthAccountId = account.account_id;
      fx.sim.createList(account.account_id, { name: 'OAuth list' });
      fx.sim.registerOAuthClient({
        clientId: 'strapi-app',
        clientSecret: 'strapi-app-secret',
        redirectUri: redirectUri(),
      });
      fx.sim.approveOAuthAs(oauthAccountId);
    });

    /** Start → Mailchimp's authorize (approved by the simulated user) → the callback's query. */
    const authorize = async () => {
      const start = await call('get', '/oauth/mailchimp/start');
      const url = new URL(start.body.data.url);
      expect(url.origin + url.pathname).toBe(`${fx.sim.url}/oauth2/authorize`);
      expect(url.searchParams.get('redirect_uri')).toBe(redirectUri());
      const approved = await fetch(url, { redirect: 'manual' });
      return new URL(approved.headers.get('location')!);
    };
    const callback = (query: string) =>
      app.http.get(`/api/email-marketing/oauth/mailchimp/callback?${query}`);

    it('says OAuth is available when a client id and secret are configured', async () => {
      expect((await call('get', '/connections')).body.data.oauthAvailable).toBe(true);
    });

    it('exchanges the code, reads the metadata and stores the token encrypted', async () => {
      const back = await authorize();
      const res = await callback(back.search.slice(1));
      expect(res.status).toBe(302);
      expect(res.headers.location).toMatch(
        /\/admin\/settings\/email-marketing\/connections\?oauth=connected&account=OAuth\+Co/
      );
      const connection = (await call('get', '/connections')).body.data.connections.find(
        (c: { accountName: string }) => c.accountName === 'OAuth Co'
      );
      expect(connection).toMatchObject({
        authKind: 'oauth',
        dataCenter: 'us9',
        status: 'connected',
      });
      const row = await app.strapi.db.query(CONNECTION).findOne({ where: { id: connection.id } });
      const stored = JSON.parse(
        app.strapi.plugin('email-marketing').service('crypto').decrypt(row.credentials)
      );
      expect(stored).toEqual({
        kind: 'oauth',
        accessToken: expect.any(String),
        apiEndpoint: `${fx.sim.url}/us9`,
      });
      secrets.push(stored.accessToken);
      expect(await auditActions()).toContain('connection.connected');
    });

    it('refuses a forged state, an expired state and a reused code, storing nothing', async () => {
      const count = (await rows()).length;
      const back = await authorize();
      const code = back.searchParams.get('code')!;
      const forged = await callback(
        `code=${code}&state=${Buffer.from('{"u":1,"n":"x","e":9999999999999}').toString('base64url')}.forged`
      );
      expect(forged.headers.location).toMatch(/oauth=error&message=.*forged/);
      const crypto = app.strapi.plugin('email-marketing').service('crypto');
      const expiredBody = Buffer.from(
        JSON.stringify({ u: 1, n: 'old', e: Date.now() - 1000 })
      ).toString('base64url');
      const expired = await callback(
        `code=${code}&state=${expiredBody}.${crypto.sign(expiredBody)}`
      );
      expect(expired.headers.location).toMatch(/oauth=error&message=.*expired/);
      // The first use of this code succeeds; a second use, even with a fresh state, is refused by Mailchimp.
      expect((await callback(back.search.slice(1))).headers.location).toMatch(/oauth=connected/);
      const fresh = await authorize();
      const reused = await callback(`code=${code}&state=${fresh.searchParams.get('state')}`);
      expect(reused.headers.location).toMatch(/oauth=error&message=.*Invalid\+authorization\+code/);
      expect((await rows()).length).toBe(count); // the OAuth account's row was updated in place, nothing new
    });
  });

  describe('permissions', () => {
    it.each([
      ['get', '/connections'],
      ['get', '/connections/providers'],
      ['post', '/connections'],
      ['post', '/connections/check-key'],
      ['put', '/connections/1'],
      ['post', '/connections/1/verify'],
      ['post', '/connections/1/default'],
      ['post', '/connections/1/disconnect'],
      ['get', '/connections/1/audiences'],
      ['get', '/oauth/mailchimp/start'],
    ] as const)('an editor without settings actions gets 403 on %s %s', async (method, path) => {
      const res = await call(method, path, method === 'get' ? undefined : {}, editor);
      expect(res.status).toBe(403);
    });
  });

  it('never sent a credential in any response', () => {
    expect(bodies.length).toBeGreaterThan(30);
    for (const secret of secrets) {
      const part = secret.split('-')[0];
      for (const body of bodies) expect(body).not.toContain(part);
    }
  });
});
