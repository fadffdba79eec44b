import { useFetchClient } from '@strapi/strapi/admin';
import { useMemo } from 'react';
import type {
  AuditEventView,
  AuditFilters,
  PlatformStatusView,
  PreferenceLookup,
  PreferenceSearch,
  PreferenceView,
} from '../../../server/src/types/preferences';

export type {
  AuditEventView,
  AuditFilters,
  PlatformStatusView,
  PreferenceLookup,
  PreferenceSearch,
  PreferenceView,
};

/** What erasure reports back (server/src/consent/erase.ts). */
export interface ErasureReport {
  emailHash: string;
  platforms: Array<{ connectionId: number; audienceId: string; outcome: string; error?: string }>;
  removed: {
    contactStates: number;
    webhookEvents: number;
    queuedJobs: number;
    auditEventsAnonymised: number;
    segmentMembers?: number;
  };
}

export interface AuditResult {
  events: AuditEventView[];
  total: number;
  page: number;
  pageSize: number;
}

const BASE = '/email-marketing';

const auditQuery = (filters: AuditFilters, extra: Record<string, string> = {}) => {
  const params = new URLSearchParams(extra);
  for (const [key, value] of Object.entries(filters))
    if (typeof value === 'string' && value.trim()) params.set(key, value.trim());
  return params.toString();
};

/** Typed calls for the Preferences and Audit pages, over Strapi's fetch client. */
export const usePreferencesApi = () => {
  const { get, post } = useFetchClient();
  return useMemo(
    () => ({
      search: async (q: string, page: number) => {
        const params = new URLSearchParams({ q, page: String(page), pageSize: '20' });
        return (await get<{ data: PreferenceSearch }>(`${BASE}/preferences?${params.toString()}`))
          .data.data;
      },
      lookup: async (email: string) =>
        (
          await get<{ data: PreferenceLookup }>(
            `${BASE}/preferences/lookup?email=${encodeURIComponent(email)}`
          )
        ).data.data,
      recordConsent: async (input: { email: string; source: string; note?: string }) =>
        (await post<{ data: { lookup: PreferenceLookup } }>(`${BASE}/preferences/consent`, input))
          .data.data.lookup,
      withdraw: async (input: { email: string; reason?: string }) =>
        (await post<{ data: { lookup: PreferenceLookup } }>(`${BASE}/preferences/withdraw`, input))
          .data.data.lookup,
      erase: async (email: string, confirm: string) =>
        (await post<{ data: ErasureReport }>(`${BASE}/preferences/erase`, { email, confirm })).data
          .data,
      audit: async (filters: AuditFilters, page: number, pageSize = 25): Promise<AuditResult> => {
        const query = auditQuery(filters, { page: String(page), pageSize: String(pageSize) });
        const { data } = await get<{
          data: AuditEventView[];
          meta: { pagination: { page: number; pageSize: number; total: number } };
        }>(`${BASE}/audit?${query}`);
        return { events: data.data, ...data.meta.pagination };
      },
      /** The filtered log as a CSV file (the fetch client adds the admin token). */
      auditCsv: async (filters: AuditFilters) =>
        (
          await get<Blob>(`${BASE}/audit?${auditQuery(filters, { format: 'csv' })}`, {
            responseType: 'blob',
          })
        ).data,
    }),
    [get, post]
  );
};
