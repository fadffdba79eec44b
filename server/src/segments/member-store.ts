import type { Core } from '@strapi/strapi';
import { createIndexes } from '../utils/create-indexes';

const UID = 'plugin::email-marketing.segment-member';
const TABLE = 'email_marketing_segment_members';
const CREATE_CHUNK = 250;

export interface SegmentMemberRow {
  id: number;
  sourceDocumentId: string;
  email: string;
}

/**
 * Who the plugin last put on each platform segment. Kept locally, not read back from the
 * platform: the diff then costs no API calls (a 12,000-member segment would need 12 GETs per
 * sync), and the per-contact check after a push is one indexed query. The platform is the
 * truth only for what the plugin wrote; a segment deleted there is detected and recreated.
 */
export const memberStore = (strapi: Core.Strapi) => ({
  async all(segmentId: number): Promise<Map<string, SegmentMemberRow>> {
    const rows = (await strapi.db
      .connection(TABLE)
      .select('id', 'source_document_id as sourceDocumentId', 'email')
      .where('segment_id', segmentId)) as SegmentMemberRow[];
    return new Map(rows.map((row) => [row.sourceDocumentId, { ...row, id: Number(row.id) }]));
  },

  /** The segments (of `segmentIds`) that hold `documentId` now, with the address they hold. */
  async holding(segmentIds: number[], documentId: string): Promise<Map<number, string>> {
    if (segmentIds.length === 0) return new Map();
    const rows = (await strapi.db
      .connection(TABLE)
      .select('segment_id as segmentId', 'email')
      .whereIn('segment_id', segmentIds)
      .andWhere('source_document_id', documentId)) as Array<{ segmentId: number; email: string }>;
    return new Map(rows.map((r) => [Number(r.segmentId), r.email]));
  },

  count: async (segmentId: number) =>
    Number(await strapi.db.query(UID).count({ where: { segmentId } })),

  /** Records one membership call's effect, together. */
  async apply(
    segmentId: number,
    added: Array<{ documentId: string; email: string }>,
    removedIds: number[]
  ) {
    await strapi.db.transaction(async () => {
      for (let i = 0; i < removedIds.length; i += 500)
        await strapi.db
          .query(UID)
          .deleteMany({ where: { id: { $in: removedIds.slice(i, i + 500) } } });
      for (let i = 0; i < added.length; i += CREATE_CHUNK)
        await strapi.db.query(UID).createMany({
          data: added.slice(i, i + CREATE_CHUNK).map((m) => ({
            segmentId,
            sourceDocumentId: m.documentId,
            email: m.email,
          })),
        });
    });
  },

  async clear(segmentId: number) {
    await strapi.db.connection(TABLE).where('segment_id', segmentId).delete();
  },
});

/** The per-segment lookups above walk this index; one row per (segment, contact). */
export const ensureSegmentMemberIndexes = (strapi: Core.Strapi) =>
  createIndexes(strapi.db.connection, [
    `CREATE UNIQUE INDEX IF NOT EXISTS ${TABLE}_segment_doc_uq ON ${TABLE} (segment_id, source_document_id)`,
  ]);
