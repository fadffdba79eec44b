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

/** What a platform tells us through a webhook, in the plugin's vocabulary. */
export type InboundEvent =
  | { kind: 'unsubscribed'; audienceId: string; email: string; reason?: string }
  | { kind: 'cleaned'; audienceId: string; email: string; reason?: string }
  | { kind: 'subscribed'; audienceId: string; email: string }
  | { kind: 'email-changed'; audienceId: string; oldEmail: string; newEmail: string }
  | { kind: 'profile'; audienceId: string; email: string; fields: Record<string, string> }
  | { kind: 'other'; audienceId: string | null; type: string };

/** A delivery as received: its type, when the platform fired it, and what it means. */
export interface ParsedWebhook {
  type: string;
  firedAt: string;
  /** The platform's identity of this occurrence; with type and firedAt it names a delivery. */
  identity: string;
  event: InboundEvent;
  /** The delivery as the platform sent it (form fields nested), stored as the raw payload. */
  raw: Record<string, unknown>;
}

export type WebhookParseResult =
  | { ok: true; webhook: ParsedWebhook }
  | { ok: false; reason: string };

/** A member whose status changed on the platform (for the import of opt-outs). */
export interface ChangedMember {
  email: string;
  status: 'unsubscribed' | 'cleaned';
  lastChanged: string;
}

/** Merge-field kinds, Mailchimp's vocabulary (the richest); other providers map onto it. */
export type MergeFieldKind =
  | 'text'
  | 'number'
  | 'address'
  | 'phone'
  | 'date'
  | 'url'
  | 'imageurl'
  | 'radio'
  | 'dropdown'
  | 'birthday'
  | 'zip';

export interface AudienceField {
  tag: string;
  name: string;
  type: MergeFieldKind;
  required: boolean;
  options: { choices?: string[]; date_format?: string; phone_format?: string; size?: number };
}

export type FieldValue = string | number | { [part: string]: string | undefined };

/** Values ready to send, and the ones that could not be made valid (reported per contact). */
export interface PreparedFields {
  values: Record<string, FieldValue>;
  errors: Array<{ field: string; message: string }>;
}

/** A field value as the platform reports it (a profile change), read back into neutral terms. */
export type PlatformValue =
  | { kind: 'blank' }
  | { kind: 'text'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'date'; year: number; month: number; day: number }
  /** A birthday: no year. */
  | { kind: 'month-day'; month: number; day: number };

export type NewContactStatus = 'subscribed' | 'pending';

export interface ContactUpsert {
  email: string;
  /** Used only when the contact is new: an existing contact's status is never changed by an upsert. */
  statusIfNew: NewContactStatus;
  fields: Record<string, FieldValue>;
}

export type ContactOutcome =
  | { email: string; outcome: 'created' | 'updated'; status: string }
  | { email: string; outcome: 'failed'; kind: string; message: string; field?: string };

/** A group of contacts on the platform that campaigns can target. */
export type RemoteSegmentKind = 'static_segment' | 'tag';

export interface RemoteSegment {
  id: string;
  name: string;
  memberCount: number;
}

/** One membership call's answer: addresses the platform refused because they are not on the audience. */
export interface SegmentMembersResult {
  added: number;
  removed: number;
  notOnAudience: string[];
}

/**
 * Platform segments the plugin fills itself (static segments or tags). Adding never creates a
 * contact: an address that is not on the audience is refused and reported.
 */
export interface ProviderSegments {
  /** Most addresses one `changeMembers` call takes on each side (Mailchimp: 500). */
  readonly batchLimit: number;
  /** A new empty segment; a tag of that name that already exists is reused. */
  create(
    audienceId: string,
    segment: { name: string; kind: RemoteSegmentKind }
  ): Promise<RemoteSegment>;
  /** null when the platform no longer has it. */
  get(audienceId: string, id: string): Promise<RemoteSegment | null>;
  rename(audienceId: string, id: string, name: string): Promise<void>;
  /** Deletes the segment (its contacts stay on the audience); an absent one is fine. */
  delete(audienceId: string, id: string): Promise<void>;
  /** One call: at most `batchLimit` addresses on each side. */
  changeMembers(
    audienceId: string,
    id: string,
    change: { add: string[]; remove: string[] }
  ): Promise<SegmentMembersResult>;
  /** The addresses in the segment, page by page. */
  listMembers(audienceId: string, id: string): AsyncGenerator<string>;
}

/** A campaign's state on the platform, in the plugin's vocabulary. */
export type RemoteCampaignStatus =
  | 'draft'
  | 'scheduled'
  | 'sending'
  | 'sent'
  | 'paused'
  | 'cancelled';

/** What the plugin sets on a platform campaign (everything but the content). */
export interface RemoteCampaignDraft {
  audienceId: string;
  /** A platform segment (static segment or tag) to narrow the audience to; null for all. */
  segmentId: string | null;
  title: string;
  subject: string;
  previewText: string | null;
  fromName: string;
  replyTo: string;
}

export interface RemoteCampaign extends RemoteCampaignDraft {
  id: string;
  status: RemoteCampaignStatus;
  /** Who it goes (or went) to: the subscribed members of the audience or segment. */
  recipientCount: number;
  emailsSent: number;
  /** When it was sent, or when it is scheduled to be; null for drafts. */
  sendTime: string | null;
  createdAt: string;
}

/** A report's raw counts (the inputs of CampaignMetrics), and the hourly breakdown when there is one. */
export interface CampaignReportNumbers {
  emailsSent: number;
  hardBounces: number;
  softBounces: number;
  opens: number;
  uniqueOpens: number;
  clicks: number;
  uniqueClicks: number;
  unsubscribes: number;
  spamComplaints: number;
  /** Per hour after the send: the opens and clicks that happened in that hour. */
  timeseries: Array<{ at: string; emailsSent: number; uniqueOpens: number; uniqueClicks: number }>;
}

/** One person's open or click of a campaign (for point triggers). */
export interface CampaignActivity {
  email: string;
  action: 'open' | 'click';
  at: string;
}

/** Regular email campaigns on the platform. */
export interface ProviderCampaigns {
  /** Most addresses one test send takes (Mailchimp: 5 per test). */
  readonly maxTestRecipients: number;
  /**
   * What the platform replaces with each recipient's own unsubscribe URL when it sends
   * (Mailchimp `*|UNSUB|*`, Klaviyo `{% unsubscribe_url %}`): the href of the content's opt-out link.
   */
  readonly unsubscribeUrl: string;
  create(draft: RemoteCampaignDraft): Promise<RemoteCampaign>;
  update(id: string, draft: RemoteCampaignDraft): Promise<RemoteCampaign>;
  setContent(id: string, html: string): Promise<void>;
  /** Deletes a campaign that has not been sent; an absent one is fine. */
  delete(id: string): Promise<void>;
  /** null when the platform no longer has it. */
  get(id: string): Promise<RemoteCampaign | null>;
  sendTest(id: string, emails: string[]): Promise<void>;
  send(id: string): Promise<void>;
  /** `at` must suit the platform (Mailchimp: a quarter hour, in the future). */
  schedule(id: string, at: Date): Promise<void>;
  unschedule(id: string): Promise<void>;
  /** Stops a campaign that is sending. */
  cancel(id: string): Promise<void>;
  /** null while there is no report (not sent yet). */
  report(id: string): Promise<CampaignReportNumbers | null>;
  /** Every open and click by a member, page by page. */
  listActivity(id: string): AsyncGenerator<CampaignActivity>;
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
  /** Registers the plugin's webhook (opt-outs, bounces, profile and address changes) at `url`. */
  registerWebhook(audienceId: string, url: string): Promise<ProviderWebhook>;
  /** Members that reached `status` since `since` (all when null), page by page. */
  listChangedMembers(
    audienceId: string,
    status: ChangedMember['status'],
    since: string | null
  ): AsyncGenerator<ChangedMember>;

  // ---- contacts ------------------------------------------------------------------------------
  getFields(audienceId: string): Promise<AudienceField[]>;
  createField(
    audienceId: string,
    field: { name: string; tag?: string; type: MergeFieldKind; options?: AudienceField['options'] }
  ): Promise<AudienceField>;
  /** Coerces raw values to what the audience's fields accept; what cannot be is reported. */
  prepareFields(fields: AudienceField[], values: Record<string, unknown>): PreparedFields;
  /** The reverse of prepareFields: reported values by tag; unreadable ones are left out. */
  readFields(
    fields: AudienceField[],
    values: Record<string, string>
  ): Record<string, PlatformValue>;
  /** The field type that suits a Strapi attribute type, for "create the missing field". */
  suggestFieldType(attributeType: string): MergeFieldKind;
  /** Bulk upsert that never changes an existing contact's status; one outcome per contact. */
  upsertContacts(
    audienceId: string,
    contacts: ContactUpsert[],
    onProgress?: (done: number, total: number) => void
  ): Promise<ContactOutcome[]>;
  /** A recorded consent change: the only path that changes a remote status. */
  setContactStatus(
    audienceId: string,
    email: string,
    status: 'unsubscribed' | 'pending'
  ): Promise<string>;
  changeEmail(audienceId: string, oldEmail: string, newEmail: string): Promise<void>;
  /** Archive (Mailchimp) / remove from the list; absent contacts are fine. */
  archiveContact(audienceId: string, email: string): Promise<void>;
  deleteContactPermanently(audienceId: string, email: string): Promise<void>;
  /** Adds and removes a tag on many contacts at once. */
  tagContacts(
    audienceId: string,
    tag: string,
    change: { add?: string[]; remove?: string[] }
  ): Promise<void>;

  // ---- segments ------------------------------------------------------------------------------
  readonly segments: ProviderSegments;

  // ---- campaigns -----------------------------------------------------------------------------
  readonly campaigns: ProviderCampaigns;
}

export interface ProviderSettings {
  /** Requests in flight per credential. */
  concurrency: number;
  /** Platform-specific endpoints (the simulator's, in tests and the demo). */
  apiRoot?: string;
  /** An admin waiting on the answer: fail fast instead of retrying for minutes. */
  interactive?: boolean;
}

/** How the admin offers a platform when connecting (besides its label); each factory describes itself. */
export interface ProviderDescription {
  /** The ways to connect (OAuth is offered only when the server has it configured too). */
  credentialKinds: Array<ProviderCredentials['kind']>;
  /** Where to find an API key in the platform and what it looks like. */
  keyHint: string;
  /** An example of the key's shape, for the input's placeholder. */
  keyPlaceholder: string;
}

export interface ProviderFactory {
  readonly name: ProviderName;
  /** The platform's name as people know it, for messages ("Mailchimp"). */
  readonly label: string;
  readonly description: ProviderDescription;
  /** Where on the platform people find an API key ("Account › Extras › API keys"), for messages. */
  readonly apiKeyHelp?: string;
  /** Checks a pasted API key's shape, saying which part is wrong. */
  checkApiKey(apiKey: string): CredentialCheck;
  create(credentials: ProviderCredentials, settings: ProviderSettings): EmailMarketingProvider;
  /** Reads a webhook delivery's body (already decoded from its form encoding); no credentials needed. */
  parseWebhook(body: unknown): WebhookParseResult;
}
