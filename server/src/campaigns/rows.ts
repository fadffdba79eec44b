import type { Core } from '@strapi/strapi';
import type {
  CampaignContentMode,
  CampaignEntryRef,
  CampaignMetrics,
  CampaignStatus,
  CampaignTimeseriesPoint,
} from '../types/campaigns';

export const CAMPAIGN_UID = 'plugin::email-marketing.campaign';
export const SNAPSHOT_UID = 'plugin::email-marketing.campaign-snapshot';

/** A stored campaign, as the query engine returns it. */
export interface CampaignRow {
  id: number;
  documentId: string;
  name: string;
  connectionId: number | null;
  audienceId: string;
  segmentId: number | null;
  /** The platform segment the campaign targets (the plugin segment's, at the last save). */
  remoteSegmentId: string | null;
  subject: string | null;
  previewText: string | null;
  fromName: string | null;
  replyTo: string | null;
  contentMode: CampaignContentMode;
  html: string | null;
  entries: CampaignEntryRef[] | null;
  intro: string | null;
  status: CampaignStatus;
  remoteId: string | null;
  imported: boolean | null;
  lastError: string | null;
  scheduledAt: string | null;
  sentAt: string | null;
  recipientCount: number | null;
  metrics: CampaignMetrics | null;
  lastRefreshedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface SnapshotRow {
  id: number;
  campaignId: number;
  takenAt: string;
  metrics: CampaignMetrics;
  timeseries: CampaignTimeseriesPoint[] | null;
}

/** States after which nothing changes on the platform but the report. */
export const FINAL_STATUSES: ReadonlySet<CampaignStatus> = new Set(['sent', 'cancelled', 'error']);

export const campaignRows = (strapi: Core.Strapi) => ({
  find: async (id: number) =>
    (await strapi.db.query(CAMPAIGN_UID).findOne({ where: { id } })) as CampaignRow | null,
  /** Newest first. */
  all: async () =>
    (await strapi.db
      .query(CAMPAIGN_UID)
      .findMany({ orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] })) as CampaignRow[],
  create: async (data: Partial<CampaignRow>) =>
    (await strapi.db.query(CAMPAIGN_UID).create({ data })) as CampaignRow,
  update: async (id: number, data: Partial<CampaignRow>) =>
    (await strapi.db.query(CAMPAIGN_UID).update({ where: { id }, data })) as CampaignRow,
  remove: async (id: number) => {
    await strapi.db.query(SNAPSHOT_UID).deleteMany({ where: { campaignId: id } });
    await strapi.db.query(CAMPAIGN_UID).delete({ where: { id } });
  },
  snapshots: async (campaignId: number) =>
    (await strapi.db.query(SNAPSHOT_UID).findMany({
      where: { campaignId },
      orderBy: [{ takenAt: 'asc' }, { id: 'asc' }],
    })) as SnapshotRow[],
  lastSnapshot: async (campaignId: number) =>
    (await strapi.db.query(SNAPSHOT_UID).findOne({
      where: { campaignId },
      orderBy: [{ takenAt: 'desc' }, { id: 'desc' }],
    })) as SnapshotRow | null,
  addSnapshot: async (data: Omit<SnapshotRow, 'id'>) =>
    (await strapi.db.query(SNAPSHOT_UID).create({ data })) as SnapshotRow,
});
