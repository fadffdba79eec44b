/**
 * What a parameterised suite needs from an email platform, so the same test body runs against
 * each simulator (describe.each(platforms)). Statuses and field names are in the plugin's
 * vocabulary; each implementation translates its simulator's state into it.
 */
import { klaviyoPlatform } from './platform-klaviyo';
import { mailchimpPlatform } from './platform-mailchimp';

/** A contact's state on the platform, as the suites compare it. */
export type RemoteStatus =
  | 'subscribed'
  | 'pending'
  | 'unsubscribed'
  | 'cleaned'
  | 'archived'
  | 'transactional';

export interface RemoteContact {
  /** The platform's identity of the person: unchanged when the address changes. */
  id: string;
  email: string;
  status: RemoteStatus;
  /** Field tag → value, the tags of `PlatformFixture.fields`. */
  fields: Record<string, unknown>;
  tags: string[];
  /** Double opt-in confirmation emails the platform sent this contact. */
  confirmationsSent: number;
}

/** One account on the platform with one audience (list). */
export interface PlatformAccount {
  accountName: string;
  audienceId: string;
  audienceName: string;
  /** The POST /email-marketing/connections body that connects this account. */
  connectBody: { provider: string; apiKey: string };
}

/** A request the simulator answered, reduced to what the consent assertions look at. */
export interface PlatformRequest {
  method: string;
  path: string;
  body?: unknown;
}

/** The plugin's admin API, for fixtures whose opt-out signal is a job the plugin runs on demand. */
export interface PluginApi {
  post(path: string, body?: object): PromiseLike<{ status: number }>;
}

export interface PlatformFixture {
  readonly name: string;
  /** Environment that points the plugin at this simulator (set before Strapi boots). */
  readonly env: Record<string, string>;
  readonly primary: PlatformAccount;
  /** Tags of the primary audience's fields the suites map to. */
  readonly fields: { firstName: string; lastName: string; birthday: string; company: string };
  /** An audience id of the right shape that the platform does not have. */
  readonly missingAudienceId: string;
  /** Opt-outs reach the plugin through platform webhooks (else: the import job polls for them). */
  readonly webhooks: boolean;
  /**
   * Where marketing consent lives: per audience (Mailchimp: a member of a new double opt-in
   * audience confirms again) or per account (Klaviyo: a profile that consented is not asked again
   * when it is added to another list).
   */
  readonly consentScope: 'audience' | 'account';

  /** What an admin does right after connecting so the suites' fields exist (e.g. create a property). */
  afterConnect(plugin: PluginApi, connectionId: number): Promise<void>;
  /** Another account (a second connection on the same platform) with one audience. */
  addAccount(name: string): PlatformAccount;
  /** A new audience on the primary account. */
  createAudience(options: { name: string; doubleOptIn?: boolean }): string;
  /** Contacts that were on the platform before the plugin (an import in the platform's UI). */
  seed(
    audienceId: string,
    contacts: Array<{
      email: string;
      status: 'subscribed' | 'unsubscribed' | 'cleaned';
      fields?: Record<string, string>;
    }>
  ): void;

  contact(email: string, audienceId?: string): RemoteContact | undefined;
  contacts(audienceId?: string): RemoteContact[];

  // ---- what a person (or the platform) does ------------------------------------------------
  /** The person unsubscribes from an email; the platform signals it (webhook or poll). */
  unsubscribe(email: string, audienceId?: string): void;
  /** A hard bounce: the platform suppresses (cleans) the address. */
  hardBounce(email: string, audienceId?: string): void;
  /** The status changes with no webhook delivered (a firewall, local development). */
  unsubscribeQuietly(email: string, audienceId?: string): void;
  /** Waits until the platform has finished the work it accepted (asynchronous bulk jobs). */
  settled(): Promise<void>;
  /** Delivers the platform's opt-out signals to the plugin (webhook deliveries or the import job). */
  deliverSignals(plugin: PluginApi): Promise<void>;

  // ---- the request log ---------------------------------------------------------------------
  clearLog(): void;
  requests(): PlatformRequest[];
  /** Requests that change something (any method but GET). */
  writes(): PlatformRequest[];
  /** Requests that name this address (in the path or the body). */
  touches(email: string): PlatformRequest[];
  /** Requests that could subscribe this address if it already exists (a consent violation). */
  subscribingWrites(email: string): PlatformRequest[];

  // ---- campaigns ---------------------------------------------------------------------------
  /** Whether a campaign with this id exists on this platform. */
  hasCampaign(remoteId: string): boolean;
  /** Lets recipients of a sent campaign open it (and some click), as the platform models it. */
  engage(remoteId: string, emails: string[]): void;
  /** The sent campaign's numbers as the platform itself reports them (the ground truth). */
  campaignTruth(remoteId: string): Promise<CampaignTruth>;

  stop(): Promise<void>;
}

/** A sent campaign's counts in the platform's own report, before any formula of the plugin. */
export interface CampaignTruth {
  recipients: number;
  delivered: number;
  uniqueOpens: number;
  uniqueClicks: number;
}

export interface Platform {
  name: string;
  start(): Promise<PlatformFixture>;
}

/** Sets a fixture's environment; returns the function that removes it again. */
export const applyEnv = (...fixtures: PlatformFixture[]) => {
  const keys = fixtures.flatMap((fx) => Object.keys(fx.env));
  for (const fx of fixtures) Object.assign(process.env, fx.env);
  return () => {
    for (const key of keys) delete process.env[key];
  };
};

/** Every platform the parameterised suites run against. */
export const platforms: Platform[] = [mailchimpPlatform, klaviyoPlatform];
