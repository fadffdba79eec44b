import { useFetchClient } from '@strapi/strapi/admin';
import { useMemo } from 'react';

import { CAMPAIGN_STATUSES } from '../../../server/src/types/campaigns';
import type {
  CampaignContentMode,
  CampaignDetail,
  CampaignEntryRef,
  CampaignInput,
  CampaignMetrics,
  CampaignStatus,
  CampaignTimeseriesPoint,
  CampaignView,
  EntryOption,
  EntrySource,
} from '../../../server/src/types/campaigns';
import type { SegmentView } from '../../../server/src/types/segments';

export { CAMPAIGN_STATUSES };
export type {
  CampaignContentMode,
  CampaignDetail,
  CampaignEntryRef,
  CampaignInput,
  CampaignMetrics,
  CampaignStatus,
  CampaignTimeseriesPoint,
  CampaignView,
  EntryOption,
  EntrySource,
};

/** What the segment picker needs of a plugin segment (GET /segments, segments.read). */
export type SegmentOption = Pick<SegmentView, 'id' | 'name' | 'audienceId' | 'memberCount'>;

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
