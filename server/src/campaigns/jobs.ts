import type { Core } from '@strapi/strapi';
import { isPlatformError } from '../providers/errors';
import { getService } from '../utils/get-service';
import { refreshCampaign } from './refresh';
import { campaignRows, FINAL_STATUSES } from './rows';

export const CAMPAIGN_REFRESH_JOB = 'campaigns.refresh';
export const CAMPAIGN_REFRESH_ALL_JOB = 'campaigns.refresh-all';

/** One queued refresh per campaign: the schedule and a click coalesce. */
export const campaignRefreshKey = (campaignId: number) => `campaign:refresh:${campaignId}`;

export interface CampaignRefreshPayload {
  campaignId: number;
}

export interface CampaignRefreshAllPayload {
  /** 'not-final': only campaigns whose status can still change (not sent, cancelled or in error). */
  scope?: 'all' | 'not-final';
}

export const enqueueCampaignRefresh = (strapi: Core.Strapi, campaignId: number, delayMs = 0) =>
  getService(strapi, 'jobs').enqueue(
    CAMPAIGN_REFRESH_JOB,
    { campaignId } satisfies CampaignRefreshPayload,
    { dedupeKey: campaignRefreshKey(campaignId), delayMs }
  );

/** Campaign jobs: one campaign's refresh, and the scheduled refresh of many. */
export const registerCampaignJobs = (strapi: Core.Strapi) => {
  const jobs = getService(strapi, 'jobs');

  jobs.registerHandler<CampaignRefreshPayload>(CAMPAIGN_REFRESH_JOB, async ({ campaignId }) => {
    if (!(await campaignRows(strapi).find(campaignId))) return { skipped: 'campaign deleted' };
    const outcome = await refreshCampaign(strapi, campaignId);
    // The last snapshot and lastError are already stored; a passing outage is worth a retry.
    if (!outcome.ok && isPlatformError(outcome.error) && outcome.error.retryable)
      throw outcome.error;
    return {
      ok: outcome.ok,
      status: outcome.campaign.status,
      ...(outcome.ok ? {} : { error: outcome.campaign.lastError }),
    };
  });

  jobs.registerHandler<CampaignRefreshAllPayload>(CAMPAIGN_REFRESH_ALL_JOB, async ({ scope }) => {
    const rows = (await campaignRows(strapi).all()).filter(
      (row) => row.remoteId && (scope !== 'not-final' || !FINAL_STATUSES.has(row.status))
    );
    for (const row of rows) await enqueueCampaignRefresh(strapi, row.id);
    return { campaigns: rows.length };
  });
};
