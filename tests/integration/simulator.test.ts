import http from 'http';
import type { AddressInfo } from 'net';
import { startSimFixture, type SimFixture } from '../helpers/simulator';

type Json = Record<string, string | number | boolean | null | object>;
const json = async (res: Response) => (await res.json()) as Json;

/** Behaviour of the simulator itself that the client suite does not reach. */
describe('Mailchimp simulator', () => {
  let fx: SimFixture;
  let receiver: http.Server;
  let hookUrl = '';
  const received: Array<{ method: string; ua: string; body: URLSearchParams }> = [];

  beforeAll(async () => {
    fx = await startSimFixture();
    receiver = http.createServer((req, res) => {
      let raw = '';
      req.on('data', (c) => (raw += c));
      req.on('end', () => {
        received.push({
          method: req.method ?? '',
          ua: String(req.headers['user-agent']),
          body: new URLSearchParams(raw),
        });
        res.end('ok');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhook`;
  });
  afterAll(async () => {
    await fx.sim.stop();
    receiver.close();
  });

  const api = (path: string, init: RequestInit & { key?: string } = {}) =>
    fetch(`${fx.sim.url}/us7/3.0${path}`, {
      ...init,
      headers: {
        authorization: `Basic ${Buffer.from(`any:${init.key ?? fx.apiKey}`).toString('base64')}`,
        ...(init.headers ?? {}),
      },
    });

  it('answers errors as application/problem+json with Mailchimp fields', async () => {
    const res = await api('/nowhere');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    const body = await json(res);
    expect(Object.keys(body).sort()).toEqual(['detail', 'instance', 'status', 'title', 'type']);
    expect(body).toMatchObject({ title: 'Resource Not Found', status: 404 });
  });

  it('gives 405 for a method the path does not allow, and JSON Parse Exception for bad JSON', async () => {
    expect((await api('/ping', { method: 'DELETE' })).status).toBe(405);
    const res = await api(`/lists/${fx.listId}`, { method: 'POST', body: '{"members": [' });
    expect(res.status).toBe(400);
    expect((await json(res)).title).toBe('JSON Parse Exception');
  });

  it('authenticates with Basic, Bearer/OAuth tokens, the data center in the host, or none; refuses a missing key', async () => {
    expect((await fetch(`${fx.sim.url}/us7/3.0/ping`)).status).toBe(401);
    // fetch cannot set Host; a raw request can, as a client of us7.api.mailchimp.com would send it.
    const viaHost = (host: string) =>
      new Promise<number>((resolve, reject) => {
        const url = new URL(`${fx.sim.url}/3.0/ping`);
        http
          .get(
            {
              hostname: url.hostname,
              port: url.port,
              path: url.pathname,
              headers: {
                host,
                authorization: `Basic ${Buffer.from(`x:${fx.apiKey}`).toString('base64')}`,
              },
            },
            (res) => {
              res.resume();
              resolve(res.statusCode ?? 0);
            }
          )
          .on('error', reject);
      });
    expect(await viaHost('us7.api.mailchimp.com')).toBe(200);
    const wrongHost = { status: await viaHost('us2.api.mailchimp.com') };
    expect(wrongHost.status).toBe(401);
  });

  describe('webhooks', () => {
    let hookId = '';
    beforeAll(async () => {
      const res = await api(`/lists/${fx.listId}/webhooks`, {
        method: 'POST',
        body: JSON.stringify({
          url: hookUrl,
          events: {
            subscribe: true,
            unsubscribe: true,
            profile: true,
            cleaned: true,
            upemail: true,
            campaign: true,
          },
          sources: { user: true, admin: true, api: false },
        }),
      });
      expect(res.status).toBe(200);
      hookId = String((await json(res)).id);
    });

    it('validated the URL with a GET from the WebHook Validator', () => {
      expect(received[0]).toMatchObject({ method: 'GET', ua: 'MailChimp.com WebHook Validator' });
    });

    it("delivers a person's unsubscribe, bounce, profile edit and email change as form posts", async () => {
      fx.sim.seedMembers(fx.listId, [
        { email_address: 'hooked@example.com', merge_fields: { FNAME: 'Hook' } },
      ]);
      received.length = 0;
      fx.sim.editProfile(fx.listId, 'hooked@example.com', { LNAME: 'Ed' });
      fx.sim.changeEmail(fx.listId, 'hooked@example.com', 'moved@example.com');
      fx.sim.unsubscribe(fx.listId, 'moved@example.com', { campaignId: 'c1' });
      fx.sim.seedMembers(fx.listId, [{ email_address: 'bouncy@example.com' }]);
      fx.sim.hardBounce(fx.listId, 'bouncy@example.com');
      await fx.sim.flushDeliveries();
      const types = received.map((r) => r.body.get('type')).sort();
      expect(types).toEqual(['cleaned', 'profile', 'unsubscribe', 'upemail']);
      const unsub = received.find((r) => r.body.get('type') === 'unsubscribe')!;
      expect(unsub.method).toBe('POST');
      expect(unsub.body.get('data[email]')).toBe('moved@example.com');
      expect(unsub.body.get('data[action]')).toBe('unsub');
      expect(unsub.body.get('data[campaign_id]')).toBe('c1');
      expect(unsub.body.get('data[merges][LNAME]')).toBe('Ed');
      expect(unsub.body.get('fired_at')).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
      expect(
        received.find((r) => r.body.get('type') === 'upemail')!.body.get('data[old_email]')
      ).toBe('hooked@example.com');
      expect(received.find((r) => r.body.get('type') === 'cleaned')!.body.get('data[reason]')).toBe(
        'hard'
      );
    });

    it("does not deliver API-caused changes to a hook without sources.api (no echo of the plugin's own writes)", async () => {
      received.length = 0;
      await api(`/lists/${fx.listId}/members/api-write@example.com`, {
        method: 'PUT',
        body: JSON.stringify({
          email_address: 'api-write@example.com',
          status_if_new: 'subscribed',
        }),
      });
      await api(`/lists/${fx.listId}/webhooks/${hookId}`, {
        method: 'PATCH',
        body: JSON.stringify({ sources: { api: true } }),
      });
      await api(`/lists/${fx.listId}/members/api-write2@example.com`, {
        method: 'PUT',
        body: JSON.stringify({
          email_address: 'api-write2@example.com',
          status_if_new: 'subscribed',
        }),
      });
      await fx.sim.flushDeliveries();
      expect(received.map((r) => r.body.get('data[email]'))).toEqual(['api-write2@example.com']);
    });

    it('confirms a double opt-in as the person would, firing subscribe', async () => {
      await api(`/lists/${fx.listId}/members/doi@example.com`, {
        method: 'PUT',
        body: JSON.stringify({ email_address: 'doi@example.com', status_if_new: 'pending' }),
      });
      await fx.sim.flushDeliveries();
      received.length = 0;
      fx.sim.confirm(fx.listId, 'doi@example.com');
      await fx.sim.flushDeliveries();
      expect(fx.sim.member(fx.listId, 'doi@example.com')?.status).toBe('subscribed');
      expect(received.map((r) => r.body.get('type'))).toEqual(['subscribe']);
    });
  });

  describe('OAuth2', () => {
    const redirectUri = 'http://127.0.0.1:1/callback';
    beforeAll(() => {
      fx.sim.registerOAuthClient({ clientId: 'cid', clientSecret: 'secret', redirectUri });
      fx.sim.approveOAuthAs(fx.accountId);
    });

    const authorize = async () => {
      const res = await fetch(
        `${fx.sim.url}/oauth2/authorize?response_type=code&client_id=cid&redirect_uri=${encodeURIComponent(redirectUri)}&state=xyz`,
        { redirect: 'manual' }
      );
      expect(res.status).toBe(302);
      const location = new URL(res.headers.get('location')!);
      expect(location.searchParams.get('state')).toBe('xyz');
      return location.searchParams.get('code')!;
    };
    const token = (code: string, secret = 'secret') =>
      fetch(`${fx.sim.url}/oauth2/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          client_id: 'cid',
          client_secret: secret,
          redirect_uri: redirectUri,
          code,
        }).toString(),
      });

    it('exchanges a code once for a token whose metadata names dc and api_endpoint, usable as Bearer', async () => {
      const code = await authorize();
      const res = await token(code);
      const { access_token, expires_in } = await json(res);
      expect(expires_in).toBe(0);
      expect((await token(code)).status).toBe(400); // single use
      const meta = await json(
        await fetch(`${fx.sim.url}/oauth2/metadata`, {
          headers: { authorization: `OAuth ${access_token}` },
        })
      );
      expect(meta).toMatchObject({
        dc: 'us7',
        accountname: 'Fixture Co',
        api_endpoint: `${fx.sim.url}/us7`,
      });
      const ping = await fetch(`${String(meta.api_endpoint)}/3.0/ping`, {
        headers: { authorization: `Bearer ${access_token}` },
      });
      expect(ping.status).toBe(200);
    });

    it('refuses a wrong client secret', async () => {
      const res = await token(await authorize(), 'wrong');
      expect(res.status).toBe(401);
      expect((await json(res)).error).toBe('invalid_client');
    });
  });

  it('counts simultaneous connections per account and refuses beyond the cap with 429', async () => {
    fx.sim.clearLog();
    fx.sim.setFaults({ maxConcurrent: 2, latencyMs: 50 });
    const statuses = await Promise.all(
      Array.from({ length: 5 }, () => api('/ping').then((r) => r.status))
    );
    fx.sim.setFaults({});
    expect(statuses.filter((s) => s === 200)).toHaveLength(2);
    expect(statuses.filter((s) => s === 429)).toHaveLength(3);
    // Each 429 arrived while two were in flight, so at least three were seen at once.
    expect(fx.sim.stats().peakInFlight).toBeGreaterThanOrEqual(3);
  });
});
