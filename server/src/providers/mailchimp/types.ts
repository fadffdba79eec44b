import type { MergeFieldKind } from '../types';

/** The parts of Mailchimp Marketing API 3.0 bodies the plugin reads and writes. */

export type MemberStatus = 'subscribed' | 'unsubscribed' | 'cleaned' | 'pending' | 'transactional';
export type RemoteMemberStatus = MemberStatus | 'archived';

export interface Ping {
  health_status: string;
}

export interface AccountInfo {
  account_id: string;
  login_id: string;
  account_name: string;
  email: string;
  first_name: string;
  last_name: string;
  username: string;
  role: string;
  total_subscribers: number;
}

export interface ListStats {
  member_count: number;
  total_contacts?: number;
  unsubscribe_count: number;
  cleaned_count: number;
  merge_field_count?: number;
}

export interface Audience {
  id: string;
  web_id: number;
  name: string;
  permission_reminder: string;
  campaign_defaults: { from_name: string; from_email: string; subject: string; language: string };
  double_optin: boolean;
  date_created: string;
  stats: ListStats;
}

export interface Paged {
  total_items: number;
}

export interface AudiencesPage extends Paged {
  lists: Audience[];
}

/** Mailchimp's merge-field types are the provider-neutral vocabulary. */
export type MergeFieldType = MergeFieldKind;

export interface MergeField {
  merge_id: number;
  tag: string;
  name: string;
  type: MergeFieldType;
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

export interface MergeFieldsPage extends Paged {
  merge_fields: MergeField[];
}

export interface NewMergeField {
  name: string;
  type: MergeFieldType;
  tag?: string;
  required?: boolean;
  public?: boolean;
  options?: MergeField['options'];
}

export type MergeValue =
  | string
  | number
  | { addr1: string; addr2?: string; city: string; state: string; zip: string; country?: string };

/** PUT /lists/{id}/members/{hash}: `status_if_new` for creation; `status` only for a recorded consent change. */
export interface MemberUpsert {
  email_address: string;
  status_if_new: MemberStatus;
  status?: MemberStatus;
  merge_fields?: Record<string, MergeValue>;
  interests?: Record<string, boolean>;
  language?: string;
  vip?: boolean;
  email_type?: 'html' | 'text';
}

export interface Member {
  id: string;
  email_address: string;
  unique_email_id: string;
  contact_id: string;
  status: RemoteMemberStatus;
  merge_fields: Record<string, unknown>;
  last_changed: string;
  timestamp_opt: string;
  tags: Array<{ id: number; name: string }>;
  list_id: string;
}

export interface MembersPage extends Paged {
  members: Member[];
  list_id: string;
}

export interface MembersQuery {
  status?: RemoteMemberStatus;
  since_last_changed?: string;
  before_last_changed?: string;
  sort_field?: 'timestamp_opt' | 'timestamp_signup' | 'last_changed';
  sort_dir?: 'ASC' | 'DESC';
}

export interface BatchSubscribeMember {
  email_address: string;
  status: MemberStatus;
  merge_fields?: Record<string, MergeValue>;
  interests?: Record<string, boolean>;
  language?: string;
  vip?: boolean;
}

export interface BatchSubscribeResult {
  new_members: Member[];
  updated_members: Member[];
  errors: Array<{
    email_address: string;
    error: string;
    error_code: 'ERROR_CONTACT_EXISTS' | 'ERROR_GENERIC' | string;
    field?: string;
    field_message?: string;
  }>;
  total_created: number;
  total_updated: number;
  error_count: number;
}

export interface BatchOperation {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  operation_id?: string;
  params?: Record<string, string | number | boolean>;
  /** A JSON string, as /batches requires. */
  body?: string;
}

export interface BatchStatus {
  id: string;
  status: 'pending' | 'preprocessing' | 'started' | 'finalizing' | 'finished';
  total_operations: number;
  finished_operations: number;
  errored_operations: number;
  submitted_at: string;
  completed_at: string;
  response_body_url: string;
}

export interface BatchOperationResult {
  status_code: number;
  operation_id: string | null;
  /** The operation's response body, as a JSON string. */
  response: string;
}

export interface Segment {
  id: number;
  name: string;
  member_count: number;
  type: 'saved' | 'static' | 'fuzzy';
  list_id: string;
}

export interface SegmentsPage extends Paged {
  segments: Segment[];
}

export interface SegmentMembersResult {
  members_added: Member[];
  members_removed: Member[];
  errors: Array<{ email_addresses: string[]; error: string }>;
  total_added: number;
  total_removed: number;
  error_count: number;
}

export type WebhookEventName =
  | 'subscribe'
  | 'unsubscribe'
  | 'profile'
  | 'cleaned'
  | 'upemail'
  | 'campaign';

export interface Webhook {
  id: string;
  url: string;
  events: Record<WebhookEventName, boolean>;
  sources: { user: boolean; admin: boolean; api: boolean };
  list_id: string;
}

export interface WebhooksPage extends Paged {
  webhooks: Webhook[];
}

export type CampaignStatus =
  | 'save'
  | 'paused'
  | 'schedule'
  | 'sending'
  | 'sent'
  | 'canceling'
  | 'canceled'
  | 'archived';

export interface CampaignSettings {
  subject_line?: string;
  preview_text?: string;
  title?: string;
  from_name?: string;
  reply_to?: string;
  to_name?: string;
}

export interface CampaignInput {
  type: 'regular' | 'plaintext';
  recipients: { list_id: string; segment_opts?: { saved_segment_id: number } };
  settings: CampaignSettings;
}

export interface Campaign {
  id: string;
  web_id: number;
  type: string;
  status: CampaignStatus;
  emails_sent: number;
  send_time: string;
  create_time: string;
  recipients: {
    list_id: string;
    recipient_count: number;
    segment_opts?: { saved_segment_id?: number };
  };
  settings: CampaignSettings;
}

export interface CampaignContent {
  html: string;
  plain_text: string;
}

export interface SendChecklist {
  is_ready: boolean;
  items: Array<{ type: string; id: number; heading: string; details: string }>;
}

export interface CampaignReport {
  id: string;
  emails_sent: number;
  abuse_reports: number;
  unsubscribed: number;
  send_time: string;
  bounces: { hard_bounces: number; soft_bounces: number; syntax_errors: number };
  opens: { opens_total: number; unique_opens: number; open_rate: number };
  clicks: {
    clicks_total: number;
    unique_clicks: number;
    unique_subscriber_clicks: number;
    click_rate: number;
  };
  /** Hourly breakdown of the first 24 hours after the send. */
  timeseries?: Array<{
    timestamp: string;
    emails_sent: number;
    unique_opens: number;
    recipients_clicks: number;
  }>;
}

export interface EmailActivity {
  email_id: string;
  email_address: string;
  activity: Array<{ action: string; timestamp: string; url?: string }>;
}

export interface EmailActivityPage extends Paged {
  emails: EmailActivity[];
}
