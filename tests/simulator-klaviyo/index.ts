import http from 'http';
import type { AddressInfo } from 'net';
import { randomBytes } from 'crypto';
import { RateLimiter } from './rate-limits';
import { createRequestListener } from './server';
import {
  confirm,
  createProfile,
  findByEmail,
  subscribe,
  suppress,
  unsubscribe,
  applyAttributes,
} from './profiles';
import { newId, nowIso, type Account, type List, type Profile } from './state';

export type { Account, Campaign, List, Profile } from './state';

export interface LoggedRequest {
  at: number;
  method: string;
  path: string;
  query: string;
  /** The endpoint's name (the SDK's method name), null when the request matched none. */
  operation: string | null;
  accountId: string | null;
  status: number;
  revision: string | null;
  durationMs: number;
  body?: unknown;
}

export interface KlaviyoFaults {
  /** Fraction of calls answered 429 (with Retry-After: retryAfterSeconds, default 1). */
  rate429?: number;
  retryAfterSeconds?: number;
  /** Fraction of calls answered 503. */
  rate5xx?: number;
  latencyMs?: number;
  /** The next this many calls are answered 429 (deterministic; counts down). */
  next429?: number;
  /** Apply the faults to this endpoint only (the SDK's method name, e.g. queryCampaignValues). */
  only?: string;
}

export interface KlaviyoSimulatorOptions {
  port?: number;
  host?: string;
  logBodies?: boolean;
  /** How long an asynchronous job (import, subscribe, …) stays queued, in ms. */
  jobDelayMs?: number;
  /** How long a campaign takes to send, in ms. */
  sendDurationMs?: number;
  /** Smart sending's window: a profile emailed less than this ago is skipped (Klaviyo: 16 h). */
  smartSendingWindowMs?: number;
  /** Rate-limit windows; Klaviyo's are 1 s and 1 min. Tests may shorten them. */
  burstWindowMs?: number;
  steadyWindowMs?: number;
}

export interface ProfileSeed {
  email: string;
  first_name?: string;
  last_name?: string;
  properties?: Record<string, unknown>;
  consent?: 'SUBSCRIBED' | 'UNSUBSCRIBED' | 'NEVER_SUBSCRIBED';
}

/**
 * An in-memory Klaviyo REST API (revision 2026-07-15) on a local port: Klaviyo-API-Key auth,
 * the revision header, JSON:API bodies and errors, per-endpoint rate limits, asynchronous jobs.
 */
export class KlaviyoSimulator {
  readonly accounts = new Map<string, Account>();
  /** API key → account id. */
  readonly keys = new Map<string, string>();
  readonly requests: LoggedRequest[] = [];
  readonly limiter: RateLimiter;
  faults: KlaviyoFaults = {};
  url = '';
  readonly options: Required<Omit<KlaviyoSimulatorOptions, 'port' | 'host'>>;
  private server: http.Server | null = null;
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly named = new Map<string, NodeJS.Timeout>();

  constructor(options: KlaviyoSimulatorOptions = {}) {
    this.options = {
      logBodies: options.logBodies ?? true,
      jobDelayMs: options.jobDelayMs ?? 20,
      sendDurationMs: options.sendDurationMs ?? 50,
      smartSendingWindowMs: options.smartSendingWindowMs ?? 16 * 3_600_000,
      burstWindowMs: options.burstWindowMs ?? 1000,
      steadyWindowMs: options.steadyWindowMs ?? 60_000,
    };
    this.limiter = new RateLimiter({
      burstMs: this.options.burstWindowMs,
      steadyMs: this.options.steadyWindowMs,
    });
  }

  async start(port = 0, host = '127.0.0.1'): Promise<this> {
    this.server = http.createServer(createRequestListener(this));
    this.server.keepAliveTimeout = 65_000;
    await new Promise<void>((resolve) => this.server!.listen(port, host, resolve));
    const { port: actual } = this.server.address() as AddressInfo;
    this.url = `http://${host}:${actual}`;
    return this;
  }

  async stop(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.named.clear();
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
    this.server = null;
  }

  later(ms: number, fn: () => void) {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      fn();
    }, ms);
    this.timers.add(timer);
    return timer;
  }

  /** A timer that can be cancelled by name (a scheduled campaign). */
  timerFor(name: string, ms: number, fn: () => void) {
    this.cancelTimer(name);
    this.named.set(
      name,
      this.later(Math.max(0, ms), () => {
        this.named.delete(name);
        fn();
      })
    );
  }

  cancelTimer(name: string) {
    const timer = this.named.get(name);
    if (!timer) return;
    clearTimeout(timer);
    this.timers.delete(timer);
    this.named.delete(name);
  }

  // ---- control: accounts and lists --------------------------------------------------------

  createAccount(
    seed: {
      organizationName?: string;
      senderName?: string;
      senderEmail?: string;
      apiKey?: string;
    } = {}
  ) {
    const apiKey = seed.apiKey ?? `pk_${randomBytes(17).toString('hex')}`;
    const account: Account = {
      id: newId(6),
      apiKeys: new Map([[apiKey, { revoked: false }]]),
      organizationName: seed.organizationName ?? 'Simulated Store',
      senderName: seed.senderName ?? 'Simulated Store',
      senderEmail: seed.senderEmail ?? 'hello@store.example',
      lists: new Map(),
      profiles: new Map(),
      byEmail: new Map(),
      jobs: new Map(),
      templates: new Map(),
      campaigns: new Map(),
      messages: new Map(),
      metrics: [
        { id: newId(6), name: 'Placed Order', integration: 'Shopify' },
        { id: newId(6), name: 'Opened Email', integration: 'Klaviyo' },
        { id: newId(6), name: 'Clicked Email', integration: 'Klaviyo' },
      ],
      reportDay: { day: '', count: 0 },
    };
    this.accounts.set(account.id, account);
    this.keys.set(apiKey, account.id);
    return { account, apiKey };
  }

  revokeKey(apiKey: string) {
    const account = this.account(this.keys.get(apiKey) ?? '');
    account.apiKeys.get(apiKey)!.revoked = true;
  }

  account(id: string): Account {
    const account = this.accounts.get(id);
    if (!account) throw new Error(`unknown account ${id}`);
    return account;
  }

  createList(accountId: string, seed: { name?: string; doubleOptIn?: boolean } = {}): List {
    const at = nowIso();
    const list: List = {
      id: newId(6),
      name: seed.name ?? 'Newsletter',
      opt_in_process: seed.doubleOptIn ? 'double_opt_in' : 'single_opt_in',
      created: at,
      updated: at,
      profiles: new Set(),
    };
    this.account(accountId).lists.set(list.id, list);
    return list;
  }

  /** Profiles on a list, with their consent as given (default SUBSCRIBED). */
  seedProfiles(accountId: string, listId: string, seeds: ProfileSeed[]) {
    const account = this.account(accountId);
    for (const seed of seeds) {
      const profile = findByEmail(account, seed.email) ?? createProfile(account, seed.email);
      applyAttributes(profile, {
        first_name: seed.first_name ?? null,
        last_name: seed.last_name ?? null,
        properties: seed.properties ?? {},
      });
      account.lists.get(listId)?.profiles.add(profile.id);
      const consent = seed.consent ?? 'SUBSCRIBED';
      if (consent === 'SUBSCRIBED') subscribe(account, profile, listId, { historical: true });
      if (consent === 'UNSUBSCRIBED') unsubscribe(account, profile, null);
    }
  }

  profile(accountId: string, email: string): Profile | undefined {
    return findByEmail(this.account(accountId), email);
  }

  private person(accountId: string, email: string): Profile {
    const profile = this.profile(accountId, email);
    if (!profile) throw new Error(`no profile ${email}`);
    return profile;
  }

  // ---- control: what people and mail servers do ---------------------------------------------

  /** The person unsubscribes (preference page or a campaign's link): global, as Klaviyo does. */
  personUnsubscribes(accountId: string, email: string, campaignId?: string) {
    const profile = this.person(accountId, email);
    unsubscribe(this.account(accountId), profile, null);
    const c = campaignId ? this.account(accountId).campaigns.get(campaignId) : undefined;
    if (c) {
      c.stats.unsubscribes++;
      c.stats.unsubscribers.add(profile.id);
    }
  }

  /** The receiving server rejects the address for good. */
  bounce(accountId: string, email: string, campaignId?: string) {
    suppress(this.person(accountId, email), 'HARD_BOUNCE');
    const c = campaignId ? this.account(accountId).campaigns.get(campaignId) : undefined;
    if (c) {
      c.stats.bounced++;
      c.stats.delivered = Math.max(0, c.stats.delivered - 1);
    }
  }

  /** The person marks a campaign as spam. */
  spamComplaint(accountId: string, email: string, campaignId?: string) {
    suppress(this.person(accountId, email), 'SPAM_COMPLAINT');
    const c = campaignId ? this.account(accountId).campaigns.get(campaignId) : undefined;
    if (c) c.stats.spam_complaints++;
  }

  /** The person clicks the double opt-in confirmation link. */
  confirm(accountId: string, email: string, listId: string) {
    return confirm(this.account(accountId), this.person(accountId, email), listId);
  }

  /** Opens and clicks of a sent campaign. */
  engage(accountId: string, campaignId: string, email: string, action: 'open' | 'click') {
    const c = this.account(accountId).campaigns.get(campaignId);
    const profile = this.person(accountId, email);
    if (!c || !c.sentTo.has(profile.id)) throw new Error(`${email} did not receive ${campaignId}`);
    if (action === 'click') {
      c.stats.clicks++;
      c.stats.clickers.add(profile.id);
    }
    // A click implies an open, as email clients report it.
    c.stats.opens++;
    c.stats.openers.add(profile.id);
  }

  setFaults(faults: KlaviyoFaults) {
    this.faults = faults;
  }

  clearLog() {
    this.requests.length = 0;
    this.limiter.reset();
  }

  /** Calls per endpoint, how many were throttled, and every answer's status. */
  stats() {
    const byOperation: Record<string, { calls: number; throttled: number }> = {};
    for (const r of this.requests) {
      const key = r.operation ?? `${r.method} ${r.path}`;
      const row = (byOperation[key] ??= { calls: 0, throttled: 0 });
      row.calls++;
      if (r.status === 429) row.throttled++;
    }
    return {
      requests: this.requests.length,
      throttled: this.requests.filter((r) => r.status === 429).length,
      byOperation,
      refusals: [...this.limiter.refusals],
    };
  }
}

export const startKlaviyoSimulator = async (options: KlaviyoSimulatorOptions = {}) =>
  new KlaviyoSimulator(options).start(options.port, options.host);
