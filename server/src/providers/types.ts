/**
 * What services call; nothing outside providers/<name>/ knows a platform's URLs or payloads.
 * Each feature adds the operations it needs as it lands.
 */

export type ProviderName = 'mailchimp' | 'klaviyo' | 'resend';

export type ProviderCredentials =
  | { kind: 'apiKey'; apiKey: string }
  | { kind: 'oauth'; accessToken: string; apiEndpoint: string };

export interface ProviderAccount {
  accountId: string;
  accountName: string;
  loginEmail: string;
  /** Where the account lives (Mailchimp's data center), when the platform has such a thing. */
  dataCenter?: string;
  apiEndpoint?: string;
}

export interface ProviderAudience {
  id: string;
  name: string;
  memberCount: number;
  unsubscribeCount: number;
  cleanedCount: number;
  doubleOptIn: boolean;
  defaults: { fromName: string; fromEmail: string; permissionReminder: string };
}

export interface ProviderWebhook {
  id: string;
  url: string;
  audienceId: string;
}

/** The result of checking a credential's shape before any call. */
export type CredentialCheck = { ok: true } | { ok: false; reason: string };

export interface EmailMarketingProvider {
  readonly name: ProviderName;
  /** Proves the credentials work (a live call) and returns the account they belong to. */
  verify(): Promise<ProviderAccount>;
  listAudiences(): Promise<ProviderAudience[]>;
  listWebhooks(audienceId: string): Promise<ProviderWebhook[]>;
  deleteWebhook(audienceId: string, webhookId: string): Promise<void>;
}

export interface ProviderSettings {
  /** Requests in flight per credential. */
  concurrency: number;
  /** Platform-specific endpoints (the simulator's, in tests and the demo). */
  apiRoot?: string;
  /** An admin waiting on the answer: fail fast instead of retrying for minutes. */
  interactive?: boolean;
}

export interface ProviderFactory {
  readonly name: ProviderName;
  /** Checks a pasted API key's shape, saying which part is wrong. */
  checkApiKey(apiKey: string): CredentialCheck;
  create(credentials: ProviderCredentials, settings: ProviderSettings): EmailMarketingProvider;
}
