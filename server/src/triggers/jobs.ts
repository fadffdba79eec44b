import type { Core } from '@strapi/strapi';
import { afterCampaignRefresh, type AfterRefreshStep } from '../campaigns/after-refresh';
import { getService } from '../utils/get-service';
import { runFiring } from './actions';
import { processCampaignActivity } from './campaign-activity';
import {
  CAMPAIGN_ACTIVITY_JOB,
  CAPTURE_JOB,
  CHECK_RULES_JOB,
  FIRE_JOB,
  RECALCULATE_JOB,
  type CampaignActivityPayload,
  type CapturePayload,
  type FirePayload,
  type RecalculatePayload,
} from './job-types';
import { processCaptures, usableRule } from './process-capture';
import { RULE_UID, triggerRows } from './rows';
import { recalculate } from './recalculate';

/**
 * After a campaign's metrics refresh: its opens and clicks become points, in a job (coalesced
 * per campaign), and only when some active rule awards opens or clicks.
 */
const importCampaignActivity: AfterRefreshStep = async ({ strapi, campaign, metrics }) => {
  if (!metrics || !campaign.remoteId) return;
  const rules = await triggerRows(strapi).rules({ paused: { $ne: true } });
  if (
    !rules.some((r) => r.event?.type === 'campaign.opened' || r.event?.type === 'campaign.clicked')
  )
    return;
  await getService(strapi, 'triggers').enqueueCampaignActivity({
    remoteId: campaign.remoteId,
    name: campaign.name,
    connectionId: campaign.connectionId,
  });
};

/** Capture jobs per claim: one batch holds SQLite's one connection for a few tens of ms. */
const CAPTURE_BATCH = 100;

/** Job handlers of point triggers, and their step after each campaign refresh. */
export const registerTriggerJobs = (strapi: Core.Strapi) => {
  const jobs = getService(strapi, 'jobs');
  // Captures are claimed many at a time: their rules, keys, limits and totals are then read and
  // written set-wise, a few statements per batch instead of about ten per event.
  jobs.registerBatchHandler<CapturePayload>(
    CAPTURE_JOB,
    (payloads) => processCaptures(strapi, payloads),
    { batchSize: CAPTURE_BATCH }
  );
  jobs.registerHandler<FirePayload>(FIRE_JOB, ({ firingId }) => runFiring(strapi, firingId));
  jobs.registerHandler<CampaignActivityPayload>(CAMPAIGN_ACTIVITY_JOB, (payload) =>
    processCampaignActivity(strapi, payload)
  );
  jobs.registerHandler<RecalculatePayload>(RECALCULATE_JOB, (payload) =>
    recalculate(strapi, payload)
  );
  afterCampaignRefresh.add(importCampaignActivity);
  // At boot: a content type or field removed since (a schema change means a restart) pauses
  // the rules that used it now, not at their next event.
  jobs.registerHandler(CHECK_RULES_JOB, async () => {
    const profiles = new Map();
    let paused = 0;
    for (const rule of await triggerRows(strapi).rules({ paused: { $ne: true } }))
      if (!(await usableRule(strapi, rule, profiles))) paused++;
    return { paused };
  });
};

/** At boot: a check of the active rules, when there are any (a content type may have gone). */
export const enqueueRuleCheck = async (strapi: Core.Strapi) => {
  const active = await strapi.db.query(RULE_UID).count({ where: { paused: { $ne: true } } });
  if (active === 0) return;
  await getService(strapi, 'jobs').enqueue(
    CHECK_RULES_JOB,
    {},
    { dedupeKey: 'points:check-rules', transaction: 'none' }
  );
};
