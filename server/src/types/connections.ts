/** What the admin sees of a connection: never a credential, only its masked tail. */
export type SenderSource = 'connection' | 'audience' | 'account' | 'server';

export interface ResolvedSender {
  name: string;
  email: string;
  source: SenderSource;
}

export interface ConnectionView {
  id: number;
  provider: string;
  /** The platform as people know it ("Mailchimp"), for messages. */
  providerLabel: string;
  authKind: 'apiKey' | 'oauth';
  /** e.g. "••••••3f9a-us7" */
  credentialHint: string;
  dataCenter: string | null;
  accountName: string | null;
  loginEmail: string | null;
  defaultAudienceId: string | null;
  senderName: string | null;
  senderEmail: string | null;
  sender: ResolvedSender | null;
  isDefault: boolean;
  status: 'connected' | 'error' | 'disconnected';
  lastVerifiedAt: string | null;
  lastError: string | null;
  connectedAt: string;
}

export interface AudienceView {
  id: string;
  name: string;
  memberCount: number;
  unsubscribeCount: number;
  cleanedCount: number;
  doubleOptIn: boolean;
  defaults: { fromName: string; fromEmail: string; permissionReminder: string };
}

export interface AudiencesResponse {
  audiences: AudienceView[];
  cachedAt: string;
  fromCache: boolean;
}

/** A platform the admin can connect (GET /connections/providers). */
export interface ProviderView {
  name: string;
  displayName: string;
  credentialKinds: Array<'apiKey' | 'oauth'>;
  keyHint: string;
  keyPlaceholder: string;
}

export interface ConnectionsResponse {
  connections: ConnectionView[];
  oauthAvailable: boolean;
  encryptionConfigured: boolean;
}
