import { createHash, randomBytes } from 'crypto';

export type MemberStatus = 'subscribed' | 'unsubscribed' | 'cleaned' | 'pending' | 'transactional';
export type StoredStatus = MemberStatus | 'archived';

export const subscriberHash = (email: string) =>
  createHash('md5').update(email.trim().toLowerCase()).digest('hex');

export const hex = (bytes: number) => randomBytes(bytes).toString('hex');

export interface MergeField {
  merge_id: number;
  tag: string;
  name: string;
  type: string;
  required: boolean;
  default_value: string;
  public: boolean;
  display_order: number;
  options: {
    default_country?: number;
    phone_format?: string;
    date_format?: string;
    choices?: string[];
    size?: number;
  };
  help_text: string;
  list_id: string;
}

export interface Member {
  id: string;
  email_address: string;
  unique_email_id: string;
  contact_id: string;
  web_id: number;
  status: StoredStatus;
  /** The status before archiving, restored on nothing: an archived member is re-added as new. */
  email_type: string;
  merge_fields: Record<string, unknown>;
  interests: Record<string, boolean>;
  language: string;
  vip: boolean;
  ip_signup: string;
  timestamp_signup: string;
  ip_opt: string;
  timestamp_opt: string;
  last_changed: string;
  source: string;
  unsubscribe_reason?: string;
  tags: Array<{ id: number; name: string; date_added: string }>;
  /** Double opt-in confirmation emails Mailchimp sent this member (one per move to pending). */
  confirmationsSent: number;
  marketing_permissions: Array<{ marketing_permission_id: string; text: string; enabled: boolean }>;
}

export interface Segment {
  id: number;
  name: string;
  type: 'static' | 'saved';
  created_at: string;
  updated_at: string;
  options?: unknown;
  /** Member ids (subscriber hashes); static segments and tags only. */
  members: Set<string>;
}

export interface Webhook {
  id: string;
  url: string;
  events: Record<
    'subscribe' | 'unsubscribe' | 'profile' | 'cleaned' | 'upemail' | 'campaign',
    boolean
  >;
  sources: Record<'user' | 'admin' | 'api', boolean>;
  list_id: string;
}

export interface List {
  id: string;
  web_id: number;
  name: string;
  contact: Record<string, string>;
  permission_reminder: string;
  campaign_defaults: { from_name: string; from_email: string; subject: string; language: string };
  date_created: string;
  double_optin: boolean;
  members: Map<string, Member>;
  /** Hashes of permanently deleted members: they can never be re-imported. */
  forgotten: Set<string>;
  mergeFields: MergeField[];
  segments: Map<number, Segment>;
  webhooks: Map<string, Webhook>;
}

export type CampaignStatus =
  | 'save'
  | 'paused'
  | 'schedule'
  | 'sending'
  | 'sent'
  | 'canceling'
  | 'canceled';

export interface Campaign {
  id: string;
  web_id: number;
  type: string;
  create_time: string;
  status: CampaignStatus;
  emails_sent: number;
  send_time: string;
  content_type: string;
  recipients: {
    list_id?: string;
    segment_opts?: { saved_segment_id?: number; match?: string; conditions?: unknown[] };
  };
  settings: Record<string, unknown>;
  tracking: Record<string, unknown>;
  html: string;
  plain_text: string;
  /** Subscriber hashes the campaign went to, fixed at send time. */
  sentTo: string[];
  tests: Array<{ emails: string[]; send_type: string; at: string }>;
  /** Simulated hours added by `advanceEngagement` (the clock of the engagement model). */
  engagementOffsetHours?: number;
}

export interface BatchOperationInput {
  method: string;
  path: string;
  params?: Record<string, unknown>;
  body?: string;
  operation_id?: string;
}

export interface Batch {
  id: string;
  status: 'pending' | 'preprocessing' | 'started' | 'finalizing' | 'finished';
  total_operations: number;
  finished_operations: number;
  errored_operations: number;
  submitted_at: string;
  completed_at: string;
  response_body_url: string;
  operations: BatchOperationInput[];
  results?: Buffer;
}

export interface Account {
  account_id: string;
  login_id: string;
  account_name: string;
  email: string;
  first_name: string;
  last_name: string;
  username: string;
  dc: string;
  apiKeys: Map<string, { revoked: boolean }>;
  lists: Map<string, List>;
  campaigns: Map<string, Campaign>;
  batches: Map<string, Batch>;
  nextId: number;
}

export interface OAuthClient {
  client_id: string;
  client_secret: string;
  redirect_uri: string;
}

/** The part of an API key before its `-usN` data-center suffix. */
export const keySecret = (apiKey: string) =>
  apiKey.slice(0, Math.max(0, apiKey.lastIndexOf('-')) || apiKey.length);

export interface SimState {
  accounts: Map<string, Account>;
  /** api key secret (without the -usN suffix) → account id */
  keys: Map<string, string>;
  /** oauth access token → account id */
  tokens: Map<string, string>;
  oauthClients: Map<string, OAuthClient>;
  /** authorization code → grant, single use */
  oauthCodes: Map<
    string,
    { accountId: string; clientId: string; redirectUri: string; used: boolean }
  >;
}

export const createState = (): SimState => ({
  accounts: new Map(),
  keys: new Map(),
  tokens: new Map(),
  oauthClients: new Map(),
  oauthCodes: new Map(),
});

export const now = () => new Date().toISOString().replace(/\.\d{3}Z$/, '+00:00');

/** The merge fields Mailchimp gives a new audience. */
export const defaultMergeFields = (listId: string): MergeField[] =>
  [
    { tag: 'FNAME', name: 'First Name', type: 'text', options: { size: 25 } },
    { tag: 'LNAME', name: 'Last Name', type: 'text', options: { size: 25 } },
    { tag: 'ADDRESS', name: 'Address', type: 'address', options: { default_country: 164 } },
    { tag: 'PHONE', name: 'Phone Number', type: 'phone', options: { phone_format: 'none' } },
  ].map((field, index) => ({
    merge_id: index + 1,
    required: false,
    default_value: '',
    public: true,
    display_order: index + 2,
    help_text: '',
    list_id: listId,
    ...field,
  }));
