import { useFetchClient } from '@strapi/strapi/admin';
import { useMemo } from 'react';

// The admin's copy of the contract types (server: server/src/types/triggers.ts).

export type PointEvent =
  | { type: 'entry.created'; uid: string; relationField: string }
  | { type: 'field.changed'; field: string; value: string | number | boolean | null }
  | { type: 'contact.published' }
  | { type: 'campaign.opened' }
  | { type: 'campaign.clicked' }
  | { type: 'manual' };
export type PointEventType = PointEvent['type'];
export const POINT_EVENT_TYPES: PointEventType[] = [
  'entry.created',
  'field.changed',
  'contact.published',
  'campaign.opened',
  'campaign.clicked',
  'manual',
];

export type LimitPeriod = 'ever' | 'day' | 'week' | 'month';
export const LIMIT_PERIODS: LimitPeriod[] = ['ever', 'day', 'week', 'month'];

export interface PointRuleInput {
  name: string;
  profileId: number;
  event: PointEvent;
  points: number;
  limit?: { count: number; per: LimitPeriod } | null;
  paused?: boolean;
}
export interface PointRuleView extends PointRuleInput {
  id: number;
  documentId: string;
  paused: boolean;
  pausedReason: string | null;
  awardedCount: number;
  createdAt: string;
  updatedAt: string;
}

export type ThresholdAction =
  | { type: 'push' }
  | { type: 'addTags'; tags: string[] }
  | { type: 'removeTags'; tags: string[] }
  | { type: 'addToSegment'; segmentId: number }
  | { type: 'startDoubleOptIn' }
  | { type: 'markVip' };
export type ThresholdActionType = ThresholdAction['type'];
export const THRESHOLD_ACTION_TYPES: ThresholdActionType[] = [
  'push',
  'addTags',
  'removeTags',
  'addToSegment',
  'startDoubleOptIn',
  'markVip',
];

export interface ThresholdInput {
  name: string;
  profileId: number;
  points: number;
  actions: ThresholdAction[];
  refireOnRecross: boolean;
  paused?: boolean;
}
export interface ThresholdView extends ThresholdInput {
  id: number;
  documentId: string;
  paused: boolean;
  firedCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface PointHistoryItem {
  id: number;
  at: string;
  delta: number;
  total: number;
  ruleId: number | null;
  ruleName: string | null;
  cause: string;
}
export interface ThresholdFiring {
  thresholdId: number;
  thresholdName: string;
  firedAt: string;
  actions: string[];
  active: boolean;
}
export interface ContactPoints {
  profileId: number;
  documentId: string;
  email: string | null;
  points: number;
  vip: boolean;
  history: PointHistoryItem[];
  firings: ThresholdFiring[];
}
export interface TriggerEventOptions {
  contentTypes: Array<{ uid: string; displayName: string; relationFields: string[] }>;
  fields: Array<{ name: string; type: string; enum?: string[] }>;
}
export interface LeaderRow {
  documentId: string;
  email: string | null;
  points: number;
  vip: boolean;
}
/** What the threshold editor needs of a segment (GET /segments, segments contract). */
export interface SegmentOption {
  id: number;
  name: string;
  profileId: number;
}

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
