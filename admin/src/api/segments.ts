import { useFetchClient } from '@strapi/strapi/admin';
import { useMemo } from 'react';

/*
 * The admin's copy of the segment types (the server's live in server/src/types/segments.ts);
 * the shapes follow the segments admin API contract.
 */

export type SegmentOperator =
  | 'eq'
  | 'ne'
  | 'contains'
  | 'notContains'
  | 'in'
  | 'notIn'
  | 'before'
  | 'after'
  | 'gt'
  | 'lt'
  | 'isEmpty'
  | 'isNotEmpty';

export type SegmentValue = string | number | boolean | string[];

export interface SegmentCondition {
  /** An attribute of the profile's source type, or one level into a relation: 'organization.name'. */
  field: string;
  operator: SegmentOperator;
  /** Absent for isEmpty/isNotEmpty; string[] for in/notIn; an ISO date for before/after. */
  value?: SegmentValue;
}

export type SegmentStatus = 'pending' | 'syncing' | 'synced' | 'error';
export type SegmentMatch = 'all' | 'any';
export type SegmentRemoteKind = 'static_segment' | 'tag';

export interface SegmentSyncResult {
  added: number;
  removed: number;
  /** Matching contacts not on the audience: the segment never creates members. */
  skippedNotOnAudience: number;
  calls: number;
}

export interface SegmentView {
  id: number;
  documentId: string;
  name: string;
  /** The free "type" of the segment: customer, vendor, mixed… */
  label: string | null;
  profileId: number;
  profileName: string | null;
  audienceId: string | null;
  match: SegmentMatch;
  conditions: SegmentCondition[];
  remoteKind: SegmentRemoteKind;
  remoteId: string | null;
  remoteName: string | null;
  status: SegmentStatus;
  memberCount: number;
  lastSyncedAt: string | null;
  lastError: string | null;
  /** What the last sync did; beyond the contract, so optional. */
  lastSync?: SegmentSyncResult | null;
  createdAt: string;
  updatedAt: string;
}

export type SegmentAttributeType =
  | 'string'
  | 'text'
  | 'email'
  | 'uid'
  | 'enumeration'
  | 'boolean'
  | 'integer'
  | 'biginteger'
  | 'decimal'
  | 'float'
  | 'date'
  | 'datetime'
  | 'time';

export interface SegmentAttribute {
  /** 'city', 'birthday', 'organization.name'. */
  path: string;
  /** 'City', 'Organization › Name'. */
  label: string;
  type: SegmentAttributeType;
  /** The operators that make sense for the type. */
  operators: SegmentOperator[];
  enum?: string[];
}

export interface SegmentPreview {
  count: number;
  sample: Array<{ documentId: string; email: string | null; label: string }>;
}

/** What POST and PUT take. */
export interface SegmentInput {
  name: string;
  label: string | null;
  profileId: number | null;
  match: SegmentMatch;
  conditions: SegmentCondition[];
  remoteKind: SegmentRemoteKind;
}

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
