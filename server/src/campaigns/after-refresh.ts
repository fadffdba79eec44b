import type { Core } from '@strapi/strapi';
import type { EmailMarketingProvider } from '../providers/types';
import type { CampaignMetrics } from '../types/campaigns';
import type { CampaignRow } from './rows';

/** What a step after a successful refresh gets: the refreshed campaign and its provider. */
export interface AfterRefreshContext {
  strapi: Core.Strapi;
  campaign: CampaignRow;
  provider: EmailMarketingProvider;
  /** The snapshot just stored; null when the campaign has no report yet. */
  metrics: CampaignMetrics | null;
}

export type AfterRefreshStep = (context: AfterRefreshContext) => Promise<void>;

const steps: AfterRefreshStep[] = [];

/**
 * The extension point after each successful metrics refresh (e.g. point triggers importing
 * per-member opens and clicks with `provider.campaigns.listActivity`). Register in bootstrap;
 * keep a step quick (enqueue a job for real work). A failing step is logged and does not undo
 * the refresh.
 */
export const afterCampaignRefresh = {
  add(step: AfterRefreshStep) {
    if (!steps.includes(step)) steps.push(step);
  },
  remove(step: AfterRefreshStep) {
    const at = steps.indexOf(step);
    if (at >= 0) steps.splice(at, 1);
  },
  async run(context: AfterRefreshContext) {
    for (const step of steps) {
      try {
        await step(context);
      } catch (error) {
        context.strapi.log.error(
          `[email-marketing] a step after the refresh of campaign ${context.campaign.id} failed: ${(error as Error).message}`
        );
      }
    }
  },
};
