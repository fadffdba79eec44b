import type { Core } from '@strapi/strapi';
import type {
  SegmentCondition,
  SegmentMatch,
  SegmentRemoteKind,
  SegmentStatus,
  SegmentSyncResult,
} from '../types/segments';
import type { StrapiFilters } from './compile';

export const SEGMENT_UID = 'plugin::email-marketing.segment';

/** A stored segment, as the query engine returns it. */
export interface SegmentRow {
  id: number;
  documentId: string;
  name: string;
  label: string | null;
  profileId: number;
  match: SegmentMatch;
  conditions: SegmentCondition[] | null;
  filters: StrapiFilters | null;
  remoteKind: SegmentRemoteKind;
  remoteId: string | null;
  remoteName: string | null;
  /** Where the remote segment lives: a profile moved to another audience gets a new one. */
  remoteAudienceId: string | null;
  remoteConnectionId: number | null;
  status: SegmentStatus;
  memberCount: number | null;
  lastSyncedAt: string | null;
  lastError: string | null;
  lastSync: SegmentSyncResult | null;
  /** Contacts a point threshold added (documentId → address): kept by the diff sync. */
  manualMembers?: Record<string, string> | null;
  createdAt: string;
  updatedAt: string;
}

export const segmentRows = (strapi: Core.Strapi) => ({
  find: async (id: number) =>
    (await strapi.db.query(SEGMENT_UID).findOne({ where: { id } })) as SegmentRow | null,
  all: async () =>
    (await strapi.db.query(SEGMENT_UID).findMany({ orderBy: { id: 'asc' } })) as SegmentRow[],
  update: async (id: number, data: Partial<SegmentRow>) =>
    (await strapi.db.query(SEGMENT_UID).update({ where: { id }, data })) as SegmentRow,
});
