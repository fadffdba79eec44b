import { useFetchClient } from '@strapi/strapi/admin';
import { useMemo } from 'react';
import type {
  AudienceMergeField,
  ConsentRule,
  ContactSyncState,
  MergeFieldKind,
  MergeMapping,
  PreviewContact,
  ProfileInput,
  ProfileView,
  SourceAttribute,
  SyncSource,
} from '../../../server/src/types/sync';

export type {
  AudienceMergeField,
  ConsentRule,
  ContactSyncState,
  MergeFieldKind,
  MergeMapping,
  PreviewContact,
  ProfileInput,
  ProfileView,
  SourceAttribute,
  SyncSource,
};

/** What "Create merge field" sends: the audience, and the new field's name, tag and type. */
export interface NewMergeField {
  connectionId: number | null;
  audienceId: string | null;
  name: string;
  tag: string;
  type: MergeFieldKind;
  options?: { choices?: string[] };
}

const BASE = '/email-marketing/sync';

const audienceQuery = (connectionId: number | null, audienceId: string | null) => {
  const params = new URLSearchParams();
  if (connectionId !== null) params.set('connectionId', String(connectionId));
  if (audienceId !== null) params.set('audienceId', audienceId);
  const query = params.toString();
  return query ? `?${query}` : '';
};

/** Typed calls for contact sync (server/src/routes/admin/sync.ts), over Strapi's fetch client. */
export const useSyncApi = () => {
  const { get, post, put, del } = useFetchClient();
  return useMemo(
    () => ({
      sources: async () => (await get<{ data: SyncSource[] }>(`${BASE}/sources`)).data.data,
      profiles: async () => (await get<{ data: ProfileView[] }>(`${BASE}/profiles`)).data.data,
      profile: async (id: number) =>
        (await get<{ data: ProfileView }>(`${BASE}/profiles/${id}`)).data.data,
      create: async (input: ProfileInput) =>
        (await post<{ data: ProfileView }>(`${BASE}/profiles`, input)).data.data,
      update: async (id: number, input: ProfileInput) =>
        (await put<{ data: ProfileView }>(`${BASE}/profiles/${id}`, input)).data.data,
      remove: async (id: number) => {
        await del(`${BASE}/profiles/${id}`);
      },
      syncNow: async (id: number) => {
        await post(`${BASE}/profiles/${id}/sync`);
      },
      mergeFields: async (connectionId: number | null, audienceId: string | null) =>
        (
          await get<{ data: AudienceMergeField[] }>(
            `${BASE}/merge-fields${audienceQuery(connectionId, audienceId)}`
          )
        ).data.data,
      createMergeField: async (field: NewMergeField) =>
        (await post<{ data: AudienceMergeField }>(`${BASE}/merge-fields`, field)).data.data,
      preview: async (input: ProfileInput) =>
        (await post<{ data: PreviewContact[] }>(`${BASE}/preview`, input)).data.data,
      contactState: async (uid: string, documentId: string) =>
        (
          await get<{ data: ContactSyncState[] }>(
            `${BASE}/contacts/${encodeURIComponent(uid)}/${encodeURIComponent(documentId)}`
          )
        ).data.data,
      syncContact: async (uid: string, documentId: string) => {
        await post(
          `${BASE}/contacts/${encodeURIComponent(uid)}/${encodeURIComponent(documentId)}/sync`
        );
      },
    }),
    [get, post, put, del]
  );
};
