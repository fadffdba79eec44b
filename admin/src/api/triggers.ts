import { useFetchClient } from '@strapi/strapi/admin';
import { useMemo } from 'react';

import {
  LIMIT_PERIODS,
  POINT_EVENT_TYPES,
  THRESHOLD_ACTION_TYPES,
} from '../../../server/src/types/triggers';
import type {
  ContactPoints,
  LimitPeriod,
  PointEvent,
  PointEventType,
  PointHistoryItem,
  PointLeader,
  PointRuleInput,
  PointRuleView,
  ThresholdAction,
  ThresholdActionType,
  ThresholdFiring,
  ThresholdInput,
  ThresholdView,
  TriggerEventOptions,
} from '../../../server/src/types/triggers';
import type { SegmentView } from '../../../server/src/types/segments';

export { LIMIT_PERIODS, POINT_EVENT_TYPES, THRESHOLD_ACTION_TYPES };
export type {
  ContactPoints,
  LimitPeriod,
  PointEvent,
  PointEventType,
  PointHistoryItem,
  PointRuleInput,
  PointRuleView,
  ThresholdAction,
  ThresholdActionType,
  ThresholdFiring,
  ThresholdInput,
  ThresholdView,
  TriggerEventOptions,
};
export type LeaderRow = PointLeader;
/** What the threshold editor needs of a segment (GET /segments, segments contract). */
export type SegmentOption = Pick<SegmentView, 'id' | 'name' | 'profileId'>;

const BASE = '/email-marketing/triggers';
const enc = encodeURIComponent;

/** Typed calls for point rules, thresholds and contact points, over Strapi's fetch client. */
export const useTriggersApi = () => {
  const { get, post, put, del } = useFetchClient();
  return useMemo(
    () => ({
      rules: async (profileId: number) =>
        (await get<{ data: PointRuleView[] }>(`${BASE}/rules?profileId=${profileId}`)).data.data,
      createRule: async (input: PointRuleInput) =>
        (await post<{ data: PointRuleView }>(`${BASE}/rules`, input)).data.data,
      updateRule: async (id: number, input: PointRuleInput) =>
        (await put<{ data: PointRuleView }>(`${BASE}/rules/${id}`, input)).data.data,
      removeRule: async (id: number) => {
        await del(`${BASE}/rules/${id}`);
      },
      thresholds: async (profileId: number) =>
        (await get<{ data: ThresholdView[] }>(`${BASE}/thresholds?profileId=${profileId}`)).data
          .data,
      createThreshold: async (input: ThresholdInput) =>
        (await post<{ data: ThresholdView }>(`${BASE}/thresholds`, input)).data.data,
      updateThreshold: async (id: number, input: ThresholdInput) =>
        (await put<{ data: ThresholdView }>(`${BASE}/thresholds/${id}`, input)).data.data,
      removeThreshold: async (id: number) => {
        await del(`${BASE}/thresholds/${id}`);
      },
      options: async (profileId: number) =>
        (await get<{ data: TriggerEventOptions }>(`${BASE}/options?profileId=${profileId}`)).data
          .data,
      leaders: async (profileId: number, limit = 20) =>
        (await get<{ data: LeaderRow[] }>(`${BASE}/leaders?profileId=${profileId}&limit=${limit}`))
          .data.data,
      contact: async (profileId: number, documentId: string) =>
        (await get<{ data: ContactPoints }>(`${BASE}/contacts/${profileId}/${enc(documentId)}`))
          .data.data,
      byEntry: async (uid: string, documentId: string) =>
        (
          await get<{ data: ContactPoints[] }>(
            `${BASE}/contacts/by-entry/${enc(uid)}/${enc(documentId)}`
          )
        ).data.data,
      adjust: async (profileId: number, documentId: string, delta: number, reason: string) =>
        (
          await post<{ data: ContactPoints }>(
            `${BASE}/contacts/${profileId}/${enc(documentId)}/adjust`,
            { delta, reason }
          )
        ).data.data,
      recalculate: async (profileId: number, documentId?: string) =>
        (
          await post<{ data: { jobId: number } }>(`${BASE}/recalculate`, {
            profileId,
            ...(documentId ? { documentId } : {}),
          })
        ).data.data,
      segments: async () =>
        (await get<{ data: SegmentOption[] }>('/email-marketing/segments')).data.data,
    }),
    [get, post, put, del]
  );
};
