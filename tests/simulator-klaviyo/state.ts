import { randomBytes } from 'crypto';

/** Klaviyo ids: profiles and campaigns are 26-character ULID-like strings, lists 6 characters. */
export const newId = (length = 26) =>
  randomBytes(length)
    .toString('base64')
    .replace(/[^A-Za-z0-9]/g, '')
    .toUpperCase()
    .padEnd(length, 'X')
    .slice(0, length);

export const nowIso = () => new Date().toISOString();

export type Consent = 'SUBSCRIBED' | 'UNSUBSCRIBED' | 'NEVER_SUBSCRIBED';
export type SuppressionReason =
  | 'HARD_BOUNCE'
  | 'INVALID_EMAIL'
  | 'SPAM_COMPLAINT'
  | 'UNSUBSCRIBE'
  | 'USER_SUPPRESSED';

export interface Profile {
  id: string;
  email: string;
  first_name: string | null;
  last_name: string | null;
  phone_number: string | null;
  organization: string | null;
  title: string | null;
  locale: string | null;
  location: Record<string, string | null>;
  properties: Record<string, unknown>;
  created: string;
  updated: string;
  marketing: {
    consent: Consent;
    consent_timestamp: string | null;
    last_updated: string | null;
    method: string | null;
    double_optin: boolean | null;
    suppression: Array<{ reason: SuppressionReason; timestamp: string }>;
    list_suppressions: Array<{ list_id: string; reason: string; timestamp: string }>;
  };
  /** Lists whose double opt-in confirmation this profile has not answered yet. */
  pendingLists: Set<string>;
  /** Double opt-in confirmation emails sent to this profile. */
  confirmationsSent: number;
  /** When the last campaign email reached this profile (smart sending skips recent ones). */
  lastCampaignAt: number | null;
}

export interface List {
  id: string;
  name: string;
  opt_in_process: 'single_opt_in' | 'double_opt_in';
  created: string;
  updated: string;
  profiles: Set<string>;
}

export type JobStatus = 'queued' | 'processing' | 'complete' | 'cancelled';

export interface ImportError {
  id: string;
  code: string;
  title: string;
  detail: string;
  source: { pointer: string };
  original_payload: Record<string, unknown>;
}

export interface Job {
  id: string;
  type:
    | 'profile-bulk-import-job'
    | 'profile-subscription-bulk-create-job'
    | 'profile-subscription-bulk-delete-job'
    | 'profile-suppression-bulk-create-job'
    | 'profile-suppression-bulk-delete-job'
    | 'data-privacy-deletion-job';
  status: JobStatus;
  created_at: string;
  started_at: string | null;
  completed_at: string | null;
  total_count: number;
  completed_count: number;
  failed_count: number;
  errors: ImportError[];
  listIds: string[];
}

export interface Template {
  id: string;
  name: string;
  editor_type: string;
  html: string;
  text: string | null;
  created: string;
  updated: string;
}

export type CampaignStatus =
  | 'Draft'
  | 'Scheduled'
  | 'Sending'
  | 'Sent'
  | 'Cancelled'
  | 'Cancelled: No Recipients';

export interface CampaignMessage {
  id: string;
  campaignId: string;
  label: string;
  content: {
    subject: string;
    preview_text: string;
    from_email: string;
    from_label: string;
    reply_to_email: string | null;
    cc_email: string | null;
    bcc_email: string | null;
  };
  templateId: string | null;
  created_at: string;
  updated_at: string;
}

export interface CampaignStats {
  recipients: number;
  delivered: number;
  bounced: number;
  failed: number;
  opens: number;
  openers: Set<string>;
  clicks: number;
  clickers: Set<string>;
  unsubscribes: number;
  unsubscribers: Set<string>;
  spam_complaints: number;
}

export interface Campaign {
  id: string;
  name: string;
  status: CampaignStatus;
  archived: boolean;
  audiences: { included: string[]; excluded: string[] };
  send_strategy:
    | { method: 'immediate' }
    | { method: 'static'; datetime: string; options?: unknown };
  send_options: { use_smart_sending: boolean };
  tracking_options: Record<string, unknown>;
  created_at: string;
  updated_at: string;
  scheduled_at: string | null;
  send_time: string | null;
  messageIds: string[];
  /** Who it went to (profile ids), once sent. */
  sentTo: Set<string>;
  stats: CampaignStats;
}

export interface Metric {
  id: string;
  name: string;
  integration: string;
}

export interface Account {
  id: string;
  apiKeys: Map<string, { revoked: boolean }>;
  organizationName: string;
  senderName: string;
  senderEmail: string;
  lists: Map<string, List>;
  profiles: Map<string, Profile>;
  /** lowercased email → profile id */
  byEmail: Map<string, string>;
  jobs: Map<string, Job>;
  templates: Map<string, Template>;
  campaigns: Map<string, Campaign>;
  messages: Map<string, CampaignMessage>;
  metrics: Metric[];
  /** Values reports asked for today, and the UTC day they count for (225 a day). */
  reportDay: { day: string; count: number };
}

export const emptyStats = (): CampaignStats => ({
  recipients: 0,
  delivered: 0,
  bounced: 0,
  failed: 0,
  opens: 0,
  openers: new Set(),
  clicks: 0,
  clickers: new Set(),
  unsubscribes: 0,
  unsubscribers: new Set(),
  spam_complaints: 0,
});
