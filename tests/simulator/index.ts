import http from 'http';
import type { AddressInfo } from 'net';
import { createRequestListener } from './server';
import type { Faults } from './faults';
import { writeMember, findMember, type MemberInput } from './members';
import {
  createState,
  keySecret,
  defaultMergeFields,
  hex,
  now,
  subscriberHash,
  type Account,
  type List,
  type Member,
  type SimState,
} from './state';
import {
  deliver,
  encodeEvent,
  memberEventData,
  subscribedHooks,
  type Delivery,
  type WebhookEvent,
  type WebhookSource,
} from './webhooks';

export { subscriberHash } from './state';
export type { Faults } from './faults';

export interface LoggedRequest {
  at: number;
  method: string;
  path: string;
  query: string;
  operation: string | null;
  accountId: string | null;
  status: number;
  durationMs: number;
  body?: unknown;
  /** Set when the request did not match the spec (the simulator answered with Mailchimp's error). */
  specErrors?: Array<{ field: string; message: string }> | 'not_found' | 'method_not_allowed';
}

export interface SimulatorOptions {
  port?: number;
  host?: string;
  /** Keep request bodies in the log (off for large benchmarks). */
  logBodies?: boolean;
  /** How long /batches stays pending before it starts, and sending campaigns take, in ms. */
  batchDelayMs?: number;
  sendDurationMs?: number;
  /**
   * How fast the engagement with a sent campaign unfolds, in simulated hours per real second.
   * null (default): reports are final at once. 0: the clock moves only by `advanceEngagement`.
   */
  engagementHoursPerSecond?: number | null;
}

export interface AccountSeed {
  accountName?: string;
  email?: string;
  firstName?: string;
  lastName?: string;
  dc?: string;
  apiKey?: string;
}

export interface ListSeed {
  name?: string;
  fromName?: string;
  fromEmail?: string;
  doubleOptin?: boolean;
  mergeFields?: Array<{
    tag: string;
    name: string;
    type: string;
    required?: boolean;
    options?: Record<string, unknown>;
  }>;
}

/**
 * An in-memory Mailchimp Marketing API 3.0 on a local port: requests are checked against the
 * vendored official spec, state is kept per account, and faults can be injected.
 */
export class MailchimpSimulator {
  readonly state: SimState = createState();
  faults: Faults = {};
  readonly requests: LoggedRequest[] = [];
  readonly deliveries: Delivery[] = [];
  readonly inFlight = new Map<string, number>();
  peakInFlight = 0;
  readonly peakInFlightByAccount = new Map<string, number>();
  url = '';
  readonly options: Required<Omit<SimulatorOptions, 'port' | 'host'>>;
  private server: http.Server | null = null;
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly pendingDeliveries = new Set<Promise<unknown>>();
  /** The account that approves the next OAuth authorize request (a person logging in). */
  oauthApprover: string | null = null;
  private webIds = 1000;

  constructor(options: SimulatorOptions = {}) {
    this.options = {
      logBodies: options.logBodies ?? true,
      batchDelayMs: options.batchDelayMs ?? 20,
      sendDurationMs: options.sendDurationMs ?? 100,
      engagementHoursPerSecond: options.engagementHoursPerSecond ?? null,
    };
  }

  async start(port = 0, host = '127.0.0.1'): Promise<this> {
    this.server = http.createServer(createRequestListener(this));
    // Longer than clients' idle pools, so a reused connection is never closed under a request.
    this.server.keepAliveTimeout = 65_000;
    await new Promise<void>((resolve) => this.server!.listen(port, host, resolve));
    const { port: actual } = this.server.address() as AddressInfo;
    this.url = `http://${host}:${actual}`;
    return this;
  }

  async stop(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await Promise.allSettled([...this.pendingDeliveries]);
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
    this.server = null;
  }

  /** The API root for a data center, in the path form the plugin's client accepts. */
  apiRoot(dc: string): string {
    return `${this.url}/${dc}/3.0`;
  }

  /** For the official client, which replaces the word "server" in its base path with the dc. */
  get officialClientBasePath(): string {
    return `${this.url}/server/3.0`;
  }

  nextWebId(): number {
    return ++this.webIds;
  }

  later(ms: number, fn: () => void) {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      fn();
    }, ms);
    this.timers.add(timer);
  }

  // ---- control: accounts, keys, lists -------------------------------------------------

  createAccount(seed: AccountSeed = {}): { account: Account; apiKey: string } {
    const dc = seed.dc ?? (seed.apiKey ? seed.apiKey.split('-').pop()! : 'us1');
    const apiKey = seed.apiKey ?? `${hex(16)}-${dc}`;
    const id = hex(10);
    const account: Account = {
      account_id: id,
      login_id: String(100000 + this.state.accounts.size),
      account_name: seed.accountName ?? 'Simulated Account',
      email: seed.email ?? 'owner@example.com',
      first_name: seed.firstName ?? 'Sam',
      last_name: seed.lastName ?? 'Owner',
      username: (seed.email ?? 'owner').split('@')[0],
      dc,
      apiKeys: new Map([[apiKey, { revoked: false }]]),
      lists: new Map(),
      campaigns: new Map(),
      batches: new Map(),
      nextId: 1,
    };
    this.state.accounts.set(id, account);
    this.state.keys.set(keySecret(apiKey), id);
    return { account, apiKey };
  }

  revokeKey(apiKey: string) {
    const accountId = this.state.keys.get(keySecret(apiKey));
    const account = accountId ? this.state.accounts.get(accountId) : undefined;
    const key = account?.apiKeys.get(apiKey);
    if (!key) throw new Error(`unknown key ${apiKey}`);
    key.revoked = true;
  }

  account(id: string): Account {
    const account = this.state.accounts.get(id);
    if (!account) throw new Error(`unknown account ${id}`);
    return account;
  }

  createList(accountId: string, seed: ListSeed = {}): List {
    const account = this.account(accountId);
    const id = hex(5);
    const list: List = {
      id,
      web_id: this.nextWebId(),
      name: seed.name ?? 'Newsletter',
      contact: {
        company: account.account_name,
        address1: '1 Main St',
        address2: '',
        city: 'Atlanta',
        state: 'GA',
        zip: '30308',
        country: 'US',
        phone: '',
      },
      permission_reminder: 'You signed up on our website.',
      campaign_defaults: {
        from_name: seed.fromName ?? account.account_name,
        from_email: seed.fromEmail ?? account.email,
        subject: '',
        language: 'en',
      },
      date_created: now(),
      double_optin: seed.doubleOptin ?? false,
      members: new Map(),
      forgotten: new Set(),
      mergeFields: defaultMergeFields(id),
      segments: new Map(),
      webhooks: new Map(),
    };
    for (const field of seed.mergeFields ?? []) {
      list.mergeFields.push({
        merge_id: list.mergeFields.length + 1,
        tag: field.tag,
        name: field.name,
        type: field.type,
        required: field.required ?? false,
        default_value: '',
        public: true,
        display_order: list.mergeFields.length + 2,
        options: field.options ?? {},
        help_text: '',
        list_id: id,
      });
    }
    account.lists.set(id, list);
    return list;
  }

  list(listId: string): List {
    for (const account of this.state.accounts.values()) {
      const list = account.lists.get(listId);
      if (list) return list;
    }
    throw new Error(`unknown list ${listId}`);
  }

  /** Adds members directly (as an import in the Mailchimp UI would), firing no webhooks. */
  seedMembers(listId: string, members: MemberInput[]) {
    const list = this.list(listId);
    for (const input of members) {
      writeMember(
        list,
        null,
        { status_if_new: 'subscribed', ...input },
        { mode: 'put', skipMergeValidation: true, nextWebId: () => this.nextWebId() }
      );
    }
  }

  member(listId: string, email: string): Member | undefined {
    return this.list(listId).members.get(subscriberHash(email));
  }

  // ---- control: what a person does on the Mailchimp side -------------------------------

  private personal(listId: string, email: string): { list: List; member: Member } {
    const list = this.list(listId);
    const member = findMember(list, email);
    if (!member) throw new Error(`${email} is not a member of ${listId}`);
    return { list, member };
  }

  /** Lets `hours` of simulated time pass for a sent campaign's opens and clicks. */
  advanceEngagement(campaignId: string, hours: number) {
    for (const account of this.state.accounts.values()) {
      const campaign = account.campaigns.get(campaignId);
      if (campaign) {
        campaign.engagementOffsetHours = (campaign.engagementOffsetHours ?? 0) + hours;
        return;
      }
    }
    throw new Error(`No campaign ${campaignId}`);
  }

  /** The person clicks "unsubscribe" in an email. */
  unsubscribe(listId: string, email: string, { campaignId = '', reason = 'manual' } = {}) {
    const { list, member } = this.personal(listId, email);
    member.status = 'unsubscribed';
    member.unsubscribe_reason = 'N/A (Unsubscribed from campaign)';
    member.last_changed = now();
    this.emit(list, 'unsubscribe', 'user', {
      action: 'unsub',
      reason,
      campaign_id: campaignId,
      ...memberEventData(list, member),
    });
  }

  /** A hard bounce: Mailchimp cleans the address. */
  hardBounce(listId: string, email: string, { campaignId = '' } = {}) {
    const { list, member } = this.personal(listId, email);
    member.status = 'cleaned';
    member.last_changed = now();
    this.emit(list, 'cleaned', 'admin', {
      list_id: list.id,
      campaign_id: campaignId,
      reason: 'hard',
      email: member.email_address,
    });
  }

  /** The person (or an admin in Mailchimp) edits their profile. */
  editProfile(
    listId: string,
    email: string,
    mergeFields: Record<string, unknown>,
    source: WebhookSource = 'user'
  ) {
    const { list, member } = this.personal(listId, email);
    member.merge_fields = { ...member.merge_fields, ...mergeFields };
    member.last_changed = now();
    this.emit(list, 'profile', source, memberEventData(list, member));
  }

  /** The person changes their email address. */
  changeEmail(listId: string, oldEmail: string, newEmail: string) {
    const { list, member } = this.personal(listId, oldEmail);
    const oldId = member.unique_email_id;
    list.members.delete(member.id);
    member.email_address = newEmail;
    member.id = subscriberHash(newEmail);
    member.unique_email_id = hex(5);
    member.last_changed = now();
    list.members.set(member.id, member);
    this.emit(list, 'upemail', 'user', {
      list_id: list.id,
      new_id: member.unique_email_id,
      new_email: newEmail,
      old_email: oldEmail,
      old_id: oldId,
    });
  }

  /** The person clicks the double opt-in confirmation link. */
  confirm(listId: string, email: string) {
    const { list, member } = this.personal(listId, email);
    if (member.status !== 'pending') throw new Error(`${email} is ${member.status}, not pending`);
    member.status = 'subscribed';
    member.timestamp_opt = now();
    member.last_changed = now();
    this.emit(list, 'subscribe', 'user', memberEventData(list, member));
  }

  /** Sends webhook deliveries for an event; API-caused events only reach hooks with sources.api. */
  emit(list: List, type: WebhookEvent, source: WebhookSource, data: Record<string, unknown>) {
    for (const hook of subscribedHooks(list, type, source)) {
      const pending = deliver(hook, type, encodeEvent(type, data)).then((delivery) => {
        this.deliveries.push(delivery);
        this.pendingDeliveries.delete(pending);
      });
      this.pendingDeliveries.add(pending);
    }
  }

  /** Resolves when every webhook delivery started so far has finished. */
  async flushDeliveries() {
    while (this.pendingDeliveries.size > 0) await Promise.allSettled([...this.pendingDeliveries]);
  }

  // ---- control: faults and the log --------------------------------------------------------

  setFaults(faults: Faults) {
    this.faults = { ...faults };
  }

  clearLog() {
    this.requests.length = 0;
    this.peakInFlight = 0;
    this.peakInFlightByAccount.clear();
  }

  stats() {
    const byStatus: Record<string, number> = {};
    const byMethod: Record<string, number> = {};
    for (const request of this.requests) {
      byStatus[request.status] = (byStatus[request.status] ?? 0) + 1;
      byMethod[request.method] = (byMethod[request.method] ?? 0) + 1;
    }
    return {
      requests: this.requests.length,
      byStatus,
      byMethod,
      peakInFlight: this.peakInFlight,
      peakInFlightByAccount: Object.fromEntries(this.peakInFlightByAccount),
      specViolations: this.requests.filter((r) => r.specErrors).length,
    };
  }

  // ---- control: OAuth ---------------------------------------------------------------------

  registerOAuthClient(client: { clientId: string; clientSecret: string; redirectUri: string }) {
    this.state.oauthClients.set(client.clientId, {
      client_id: client.clientId,
      client_secret: client.clientSecret,
      redirect_uri: client.redirectUri,
    });
  }

  /** The next authorize request is approved by this account's owner. */
  approveOAuthAs(accountId: string) {
    this.oauthApprover = accountId;
  }

  revokeToken(token: string) {
    this.state.tokens.delete(token);
  }
}

export const startSimulator = async (options: SimulatorOptions = {}) =>
  new MailchimpSimulator(options).start(options.port ?? 0, options.host ?? '127.0.0.1');
