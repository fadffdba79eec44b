import { useFetchClient } from '@strapi/strapi/admin';
import { useMemo } from 'react';

import type {
  SegmentAttribute,
  SegmentAttributeType,
  SegmentCondition,
  SegmentInput as SegmentRequest,
  SegmentMatch,
  SegmentOperator,
  SegmentPreview,
  SegmentRemoteKind,
  SegmentStatus,
  SegmentSyncResult,
  SegmentView,
} from '../../../server/src/types/segments';

export type {
  SegmentAttribute,
  SegmentAttributeType,
  SegmentCondition,
  SegmentMatch,
  SegmentOperator,
  SegmentPreview,
  SegmentRemoteKind,
  SegmentStatus,
  SegmentSyncResult,
  SegmentView,
};

export type SegmentValue = NonNullable<SegmentCondition['value']>;

/** What POST and PUT take; in the editor the profile may not be chosen yet. */
export type SegmentInput = Omit<SegmentRequest, 'profileId'> & { profileId: number | null };

export interface PreviewQuery {
  profileId: number;
  match: SegmentMatch;
  conditions: SegmentCondition[];
  limit?: number;
}

/** Whether deleting a segment also deletes it on the platform. */
export type RemoteOnDelete = 'keep' | 'remove';

const BASE = '/email-marketing/segments';

/** Typed calls for segments (server/src/routes/admin/segments.ts), over Strapi's fetch client. */
export const useSegmentsApi = () => {
  const { get, post, put, del } = useFetchClient();
  return useMemo(
    () => ({
      list: async () => (await get<{ data: SegmentView[] }>(BASE)).data.data,
      get: async (id: number) => (await get<{ data: SegmentView }>(`${BASE}/${id}`)).data.data,
      attributes: async (profileId: number) =>
        (await get<{ data: SegmentAttribute[] }>(`${BASE}/attributes?profileId=${profileId}`)).data
          .data,
      preview: async (query: PreviewQuery) =>
        (await post<{ data: SegmentPreview }>(`${BASE}/preview`, query)).data.data,
      create: async (input: SegmentInput) =>
        (await post<{ data: SegmentView }>(BASE, input)).data.data,
      update: async (id: number, input: SegmentInput) =>
        (await put<{ data: SegmentView }>(`${BASE}/${id}`, input)).data.data,
      duplicate: async (id: number) =>
        (await post<{ data: SegmentView }>(`${BASE}/${id}/duplicate`)).data.data,
      remove: async (id: number, remote: RemoteOnDelete) =>
        (
          await del<{ data: { deleted: boolean; remoteRemoved: boolean } }>(
            `${BASE}/${id}?remote=${remote}`
          )
        ).data.data,
      syncNow: async (id: number) =>
        (await post<{ data: { jobId: number } }>(`${BASE}/${id}/sync`)).data.data,
    }),
    [get, post, put, del]
  );
};
