import { randomUUID } from 'crypto';
import type { IncomingMessage, ServerResponse } from 'http';
import { handlers } from './handlers';
import { handleControl } from './handlers/control';
import { handleOAuth } from './handlers/oauth';
import { inOutage, sleep } from './faults';
import type { LoggedRequest, MailchimpSimulator } from './index';
import { Problem, problems } from './problems';
import { checkRequest } from './spec';
import { keySecret, type Account } from './state';

const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });

export const send = (
  res: ServerResponse,
  status: number,
  body?: unknown,
  headers: Record<string, string> = {}
) => {
  if (res.writableEnded || res.destroyed) return;
  const isProblem = body instanceof Problem;
  const payload = isProblem ? (body as Problem).body() : body;
  res.statusCode = status;
  res.setHeader('X-Request-Id', randomUUID());
  for (const [key, value] of Object.entries(headers)) res.setHeader(key, value);
  if (payload === undefined || status === 204) return res.end();
  if (Buffer.isBuffer(payload)) return res.end(payload);
  res.setHeader(
    'Content-Type',
    isProblem ? 'application/problem+json; charset=utf-8' : 'application/json; charset=utf-8'
  );
  if (isProblem)
    res.setHeader(
      'Link',
      '<https://api.mailchimp.com/schema/3.0/ProblemDetailDocument.json>; rel="describedBy"'
    );
  res.end(JSON.stringify(payload));
};

/**
 * The API root is `/<dc>/3.0/…` (local form of https://<dc>.api.mailchimp.com/3.0/…), or
 * `/3.0/…` with the data center in the Host header, or no data center at all (the current
 * docs' https://api.mailchimp.com/3.0).
 */
const splitApiPath = (
  req: IncomingMessage,
  pathname: string
): { dc: string | null; path: string } | null => {
  const prefixed = /^\/(us\d+|server)\/3\.0(\/.*)?$/.exec(pathname);
  if (prefixed) return { dc: prefixed[1], path: prefixed[2] || '/' };
  const plain = /^\/3\.0(\/.*)?$/.exec(pathname);
  if (!plain) return null;
  const hostDc = /^(us\d+)\./.exec(req.headers.host ?? '');
  return { dc: hostDc ? hostDc[1] : null, path: plain[1] || '/' };
};

const authenticate = (
  sim: MailchimpSimulator,
  req: IncomingMessage,
  dc: string | null
): Account | Problem => {
  const header = req.headers.authorization ?? '';
  const [scheme, value = ''] = header.split(' ');
  let account: Account | undefined;
  if (/^basic$/i.test(scheme)) {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const key = decoded.slice(decoded.indexOf(':') + 1);
    const accountId = sim.state.keys.get(keySecret(key));
    account = accountId ? sim.state.accounts.get(accountId) : undefined;
    if (!account) return problems.apiKeyInvalid();
    const stored = [...account.apiKeys.entries()].find(([k]) => keySecret(k) === keySecret(key));
    if (!stored || stored[1].revoked) return problems.apiKeyInvalid();
    // A data center in the host or path must be the account's and the key's -usN suffix;
    // the data-center-less root (api.mailchimp.com/3.0) resolves the account from the key.
    if (dc && (dc !== account.dc || key.slice(key.lastIndexOf('-') + 1) !== dc))
      return problems.apiKeyInvalid();
  } else if (/^(bearer|oauth)$/i.test(scheme)) {
    const accountId = sim.state.tokens.get(value);
    account = accountId ? sim.state.accounts.get(accountId) : undefined;
    if (!account) return problems.apiKeyInvalid();
    if (dc && account.dc !== dc) return problems.apiKeyInvalid();
  } else {
    return problems.apiKeyMissing();
  }
  return account;
};

export const createRequestListener =
  (sim: MailchimpSimulator) => async (req: IncomingMessage, res: ServerResponse) => {
    const started = Date.now();
    const url = new URL(req.url ?? '/', 'http://simulator');
    const method = (req.method ?? 'GET').toUpperCase();
    const raw = await readBody(req);

    if (url.pathname.startsWith('/_sim/')) return handleControl(sim, method, url, raw, res);
    if (url.pathname.startsWith('/oauth2/')) return handleOAuth(sim, method, url, raw, req, res);

    const api = splitApiPath(req, url.pathname);
    const entry: LoggedRequest = {
      at: started,
      method,
      path: api?.path ?? url.pathname,
      query: url.search,
      operation: null,
      accountId: null,
      status: 0,
      durationMs: 0,
    };
    sim.requests.push(entry);
    const finish = (status: number, body?: unknown, headers?: Record<string, string>) => {
      entry.status = status;
      entry.durationMs = Date.now() - started;
      send(res, status, body, headers);
    };
    if (!api) return finish(404, problems.notFound());

    const account = authenticate(sim, req, api.dc);
    if (account instanceof Problem) return finish(account.status, account);
    entry.accountId = account.account_id;

    // Simultaneous connections are counted per account from arrival to the end of the response.
    const inFlight = (sim.inFlight.get(account.account_id) ?? 0) + 1;
    sim.inFlight.set(account.account_id, inFlight);
    sim.peakInFlight = Math.max(sim.peakInFlight, inFlight);
    sim.peakInFlightByAccount.set(
      account.account_id,
      Math.max(sim.peakInFlightByAccount.get(account.account_id) ?? 0, inFlight)
    );
    res.on('close', () =>
      sim.inFlight.set(account.account_id, (sim.inFlight.get(account.account_id) ?? 1) - 1)
    );

    const faults = sim.faults;
    const retryAfter: Record<string, string> =
      faults.retryAfterSeconds !== undefined
        ? { 'Retry-After': String(faults.retryAfterSeconds) }
        : {};
    if (faults.maxConcurrent !== undefined && inFlight > faults.maxConcurrent) {
      const mode = faults.concurrency429Body ?? 'json';
      const empty = mode === 'empty' || (mode === 'mixed' && Math.random() < 0.5);
      // At high volume Mailchimp may answer 429 without a JSON body.
      return finish(429, empty ? undefined : problems.tooManyConnections(), retryAfter);
    }
    if (inOutage(faults)) {
      if (faults.outage?.mode === 'drop') {
        entry.status = -1;
        return req.socket.destroy();
      }
      return finish(503, problems.unavailable());
    }
    if (faults.rate429 && Math.random() < faults.rate429)
      return finish(429, problems.tooManyConnections(), retryAfter);
    if (faults.rate5xx && Math.random() < faults.rate5xx)
      return finish(500, problems.serverError());
    if (faults.hangRate && Math.random() < faults.hangRate) {
      entry.status = -2; // never answered; the socket closes when the client gives up
      return;
    }
    const latency =
      (faults.latencyMs ?? 0) + (faults.jitterMs ? Math.random() * faults.jitterMs : 0);
    // The response time includes the handler's own work, as it does on Mailchimp's servers.
    const waitOutLatency = () => {
      const remaining = latency - (Date.now() - started);
      return remaining > 0 ? sleep(remaining) : undefined;
    };

    let body: unknown;
    if (raw.length > 0) {
      try {
        body = JSON.parse(raw);
      } catch {
        await waitOutLatency();
        return finish(400, problems.jsonParse());
      }
    }
    if (sim.options.logBodies) entry.body = body;

    const check = checkRequest(method, api.path, url.searchParams, body);
    if (!check.ok) {
      entry.specErrors = check.reason === 'invalid' ? check.errors : check.reason;
      await waitOutLatency();
      if (check.reason === 'not_found') return finish(404, problems.notFound());
      if (check.reason === 'method_not_allowed') return finish(405, problems.methodNotAllowed());
      return finish(400, problems.invalidResource(check.errors));
    }
    entry.operation = check.request.key;

    try {
      const handler = handlers[check.request.key];
      if (!handler) throw new Error(`no handler for ${check.request.key}`);
      const result = await handler({
        sim,
        account,
        params: check.request.params,
        query: check.request.query,
        body: check.request.body,
      });
      await waitOutLatency();
      finish(result.status, result.body);
    } catch (error) {
      await waitOutLatency();
      if (error instanceof Problem) return finish(error.status, error);
      console.error('[simulator]', error);
      finish(500, problems.serverError());
    }
  };
