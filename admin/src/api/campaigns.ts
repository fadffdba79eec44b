import { useFetchClient } from '@strapi/strapi/admin';
import { useMemo } from 'react';

// The admin's copy of the contract's shapes (server: server/src/types/campaigns.ts).

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

/** One hour of the platform's breakdown: the opens and clicks that happened in it. */
export interface CampaignTimeseriesPoint {
  at: string;
  uniqueOpens: number;
  uniqueClicks: number;
}

export interface CampaignView extends CampaignInput {
  id: number;
  documentId: string;
  connectionName: string | null;
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
  /** The latest report's hourly breakdown; absent or empty when the platform has none. */
  timeseries?: CampaignTimeseriesPoint[];
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

/** What the segment picker needs of a plugin segment (GET /segments, segments.read). */
export interface SegmentOption {
  id: number;
  name: string;
  audienceId: string | null;
  memberCount: number;
}

const BASE = '/email-marketing/campaigns';

/** Typed calls for the campaigns admin API, over Strapi's authenticated fetch client. */
export const useCampaignsApi = () => {
  const { get, post, put, del } = useFetchClient();
  return useMemo(
    () => ({
      list: async () => (await get<{ data: CampaignView[] }>(BASE)).data.data,
      detail: async (id: number) =>
        (await get<{ data: CampaignDetail }>(`${BASE}/${id}`)).data.data,
      defaults: async (connectionId: number | null, audienceId: string) => {
        const params = new URLSearchParams({ audienceId });
        if (connectionId !== null) params.set('connectionId', String(connectionId));
        return (
          await get<{ data: { fromName: string | null; replyTo: string | null } }>(
            `${BASE}/defaults?${params.toString()}`
          )
        ).data.data;
      },
      entrySources: async () =>
        (await get<{ data: EntrySource[] }>(`${BASE}/entry-sources`)).data.data,
      entries: async (uid: string, q: string, page = 1) => {
        const params = new URLSearchParams({ uid, q, page: String(page) });
        return (
          await get<{ data: EntryOption[]; meta: { total: number } }>(
            `${BASE}/entries?${params.toString()}`
          )
        ).data;
      },
      render: async (input: CampaignInput) =>
        (await post<{ data: { html: string } }>(`${BASE}/render`, input)).data.data.html,
      create: async (input: CampaignInput) =>
        (await post<{ data: CampaignView }>(BASE, input)).data.data,
      update: async (id: number, input: CampaignInput) =>
        (await put<{ data: CampaignView }>(`${BASE}/${id}`, input)).data.data,
      remove: async (id: number) => {
        await del(`${BASE}/${id}`);
      },
      importRemote: async (remoteId: string, connectionId: number | null) =>
        (
          await post<{ data: CampaignView }>(`${BASE}/import`, {
            remoteId,
            ...(connectionId === null ? {} : { connectionId }),
          })
        ).data.data,
      sendTest: async (id: number, emails: string[]) =>
        (await post<{ data: { sent: number } }>(`${BASE}/${id}/test`, { emails })).data.data,
      send: async (id: number) =>
        (await post<{ data: CampaignView }>(`${BASE}/${id}/send`)).data.data,
      schedule: async (id: number, scheduledAt: string) =>
        (await post<{ data: CampaignView }>(`${BASE}/${id}/schedule`, { scheduledAt })).data.data,
      unschedule: async (id: number) =>
        (await post<{ data: CampaignView }>(`${BASE}/${id}/unschedule`)).data.data,
      cancel: async (id: number) =>
        (await post<{ data: CampaignView }>(`${BASE}/${id}/cancel`)).data.data,
      refresh: async (id: number) =>
        (await post<{ data: CampaignDetail }>(`${BASE}/${id}/refresh`)).data.data,
      refreshAll: async () =>
        (await post<{ data: { jobId: number } }>(`${BASE}/refresh`)).data.data,
      segments: async () =>
        (await get<{ data: SegmentOption[] }>('/email-marketing/segments')).data.data,
    }),
    [get, post, put, del]
  );
};

export type CampaignsApi = ReturnType<typeof useCampaignsApi>;
