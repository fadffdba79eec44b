/** Campaigns (issue 9): the admin API's shapes, shared by server and admin (types and constants only). */
export const CAMPAIGN_STATUSES = [
  'draft',
  'scheduled',
  'sending',
  'sent',
  'paused',
  'cancelled',
  'error',
] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export interface CampaignEntryRef {
  uid: string;
  documentId: string;
}

export type CampaignContentMode = 'html' | 'entries';

export interface CampaignInput {
  name: string;
  connectionId?: number | null;
  audienceId: string;
  segmentId?: number | null;
  subject: string;
  previewText?: string | null;
  fromName?: string | null;
  replyTo?: string | null;
  contentMode: CampaignContentMode;
  html?: string | null;
  entries?: CampaignEntryRef[];
  intro?: string | null;
}

export interface CampaignMetrics {
  recipients: number;
  delivered: number;
  opens: number;
  uniqueOpens: number;
  clicks: number;
  uniqueClicks: number;
  hardBounces: number;
  softBounces: number;
  unsubscribes: number;
  spamComplaints: number;
  openRate: number;
  clickThroughRate: number;
  clickToOpenRate: number;
  bounceRate: number;
  unsubscribeRate: number;
  takenAt: string;
}

/** One hour after the send: the opens and clicks that happened in it (the platform's breakdown). */
export interface CampaignTimeseriesPoint {
  at: string;
  uniqueOpens: number;
  uniqueClicks: number;
}

export interface CampaignView extends CampaignInput {
  id: number;
  documentId: string;
  connectionName: string | null;
  /** The connection's platform as people know it ("Mailchimp"), for messages. */
  platform: string | null;
  audienceName: string | null;
  segmentName: string | null;
  status: CampaignStatus;
  remoteId: string | null;
  lastError: string | null;
  scheduledAt: string | null;
  sentAt: string | null;
  recipientCount: number | null;
  metrics: CampaignMetrics | null;
  createdAt: string;
  updatedAt: string;
}

export interface CampaignDetail extends CampaignView {
  /** Oldest first. */
  snapshots: CampaignMetrics[];
  /** The latest report's hourly breakdown (additive to the contract; empty when the platform has none). */
  timeseries: CampaignTimeseriesPoint[];
}

export interface EntrySource {
  uid: string;
  displayName: string;
  titleField: string | null;
  summaryField: string | null;
  imageField: string | null;
  linkField: string | null;
}

export interface EntryOption {
  documentId: string;
  title: string;
  summary: string | null;
  imageUrl: string | null;
  link: string | null;
}
