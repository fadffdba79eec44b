import { randomUUID } from 'crypto';
import type { IncomingMessage, ServerResponse } from 'http';
import type { Ctx, Route } from './context';
import { ApiError, errors } from './errors';
import type { KlaviyoSimulator, LoggedRequest } from './index';
import { accountRoutes } from './routes/accounts';
import { campaignRoutes } from './routes/campaigns';
import { jobRoutes } from './routes/jobs';
import { listRoutes } from './routes/lists';
import { profileRoutes } from './routes/profiles';
import { reportRoutes } from './routes/reports';
import type { Account } from './state';

const ROUTES: Route[] = [
  ...accountRoutes,
  ...listRoutes,
  ...profileRoutes,
  ...jobRoutes,
  ...campaignRoutes,
  ...reportRoutes,
];

/** Compiled once: `/api/lists/:id` → a regex with named groups. */
const COMPILED = ROUTES.map((route) => ({
  route,
  regex: new RegExp(`^${route.path.replace(/:(\w+)/g, '(?<$1>[^/]+)')}/?$`),
}));

const REVISION = /^\d{4}-\d{2}-\d{2}(\.pre)?$/;
const JSON_API = 'application/vnd.api+json';

const readBody = (req: IncomingMessage) =>
  new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });

const send = (
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string>
) => {
  if (res.writableEnded || res.destroyed) return;
  res.statusCode = status;
  res.setHeader('cid', randomUUID().slice(0, 8));
  for (const [key, value] of Object.entries(headers)) res.setHeader(key, value);
  if (body === undefined || status === 204) return res.end();
  res.setHeader('Content-Type', `${JSON_API}; charset=utf-8`);
  res.end(JSON.stringify(body));
};

const authenticate = (sim: KlaviyoSimulator, req: IncomingMessage): Account => {
  const header = req.headers.authorization ?? '';
  const match = /^Klaviyo-API-Key\s+(\S+)$/.exec(header);
  if (!match) throw errors.notAuthenticated();
  const accountId = sim.keys.get(match[1]);
  const account = accountId ? sim.accounts.get(accountId) : undefined;
  if (!account || account.apiKeys.get(match[1])?.revoked) throw errors.authenticationFailed();
  return account;
};

export const createRequestListener =
  (sim: KlaviyoSimulator) => async (req: IncomingMessage, res: ServerResponse) => {
    const started = Date.now();
    const url = new URL(req.url ?? '/', 'http://simulator');
    const method = (req.method ?? 'GET').toUpperCase();
    const raw = await readBody(req);
    const entry: LoggedRequest = {
      at: started,
      method,
      path: url.pathname,
      query: url.search,
      operation: null,
      accountId: null,
      status: 0,
      revision: (req.headers.revision as string | undefined) ?? null,
      durationMs: 0,
    };
    sim.requests.push(entry);
    const finish = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      entry.status = status;
      entry.durationMs = Date.now() - started;
      send(res, status, body, headers);
    };
    try {
      if (!url.pathname.startsWith('/api/')) throw errors.notFound();
      const account = authenticate(sim, req);
      entry.accountId = account.id;
      const revision = req.headers.revision;
      if (typeof revision !== 'string' || revision === '') throw errors.missingRevision();
      if (!REVISION.test(revision)) throw errors.badRevision(revision);

      const candidates = COMPILED.filter((c) => c.regex.test(url.pathname));
      if (candidates.length === 0) throw errors.notFound();
      const found = candidates.find((c) => c.route.method === method);
      if (!found) throw errors.methodNotAllowed(method);
      const { route } = found;
      entry.operation = route.name;

      let body: unknown;
      if (method === 'POST' || method === 'PATCH' || (method === 'DELETE' && raw.length > 0)) {
        const type = (req.headers['content-type'] ?? '').split(';')[0].trim();
        if (type !== JSON_API && type !== 'application/json')
          throw errors.unsupportedMediaType(type);
        if (raw.length > 5 * 1024 * 1024)
          throw errors.tooLarge('The maximum allowed payload size is 5MB.');
        try {
          body = raw.length ? JSON.parse(raw.toString('utf8')) : undefined;
        } catch {
          throw errors.parse();
        }
      }
      if (sim.options.logBodies) entry.body = body;

      const faults = !sim.faults.only || sim.faults.only === route.name ? sim.faults : {};
      if (faults.rate5xx && Math.random() < faults.rate5xx) throw errors.unavailable();
      if (faults.next429 && faults.next429 > 0) {
        faults.next429--;
        throw errors.throttled(faults.retryAfterSeconds ?? 1);
      }
      if (faults.rate429 && Math.random() < faults.rate429)
        throw errors.throttled(faults.retryAfterSeconds ?? 1);

      const tier = typeof route.tier === 'function' ? route.tier(url.searchParams) : route.tier;
      const decision = sim.limiter.take(`${account.id}:${route.name}`, tier);
      // Klaviyo sends RateLimit-* on every answer but a 429, which gets Retry-After instead.
      if (!decision.ok) throw errors.throttled(decision.retryAfterSeconds);
      const limitHeaders = {
        'RateLimit-Limit': String(decision.limit),
        'RateLimit-Remaining': String(decision.remaining),
        'RateLimit-Reset': String(decision.resetSeconds),
      };
      const match = found.regex.exec(url.pathname)!;
      const ctx: Ctx = {
        sim,
        account,
        params: { ...(match.groups ?? {}) },
        query: url.searchParams,
        body,
        base: sim.url,
        path: url.pathname,
      };
      if (faults.latencyMs) await new Promise((r) => setTimeout(r, faults.latencyMs));
      const result = await route.handler(ctx);
      finish(result.status, result.body, limitHeaders);
    } catch (error) {
      if (error instanceof ApiError) return finish(error.status, error.body(), error.headers);
      console.error('[klaviyo simulator]', error);
      const fallback = errors.server();
      finish(500, fallback.body());
    }
  };
