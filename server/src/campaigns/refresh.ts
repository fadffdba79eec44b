import type { Core } from '@strapi/strapi';
import type { EmailMarketingProvider, RemoteCampaign } from '../providers/types';
import type { CampaignMetrics, CampaignStatus } from '../types/campaigns';
import { getService } from '../utils/get-service';
import { afterCampaignRefresh } from './after-refresh';
import { computeMetrics, sameMetrics } from './metrics';
import { goneMessage } from './platform';
import { campaignRows, type CampaignRow } from './rows';

/** Statuses after which the platform has a report to read. */
const REPORTED: ReadonlySet<CampaignStatus> = new Set(['sending', 'sent', 'cancelled']);

/** What the row says after the platform told us the campaign's state. */
export const fromRemote = (remote: RemoteCampaign): Partial<CampaignRow> => ({
  status: remote.status,
  recipientCount: remote.emailsSent > 0 ? remote.emailsSent : remote.recipientCount,
  scheduledAt: remote.status === 'scheduled' ? remote.sendTime : null,
  sentAt: REPORTED.has(remote.status) ? remote.sendTime : null,
});

export type RefreshOutcome =
  | { ok: true; campaign: CampaignRow; metrics: CampaignMetrics | null }
  | { ok: false; campaign: CampaignRow; error: unknown };

/**
 * Reads the campaign's status and report from the platform and stores a snapshot when the
 * numbers changed (the row's metrics always carry the latest refresh time). When the
 * platform cannot be reached, the last snapshot stays and `lastError` says the refresh failed.
 */
export const refreshCampaign = async (
  strapi: Core.Strapi,
  id: number,
  { interactive = false }: { interactive?: boolean } = {}
): Promise<RefreshOutcome> => {
  const rows = campaignRows(strapi);
  const row = await rows.find(id);
  if (!row) throw new Error(`No campaign ${id}`);
  if (!row.remoteId) return { ok: true, campaign: row, metrics: null };
  let provider: EmailMarketingProvider;
  try {
    ({ provider } = await getService(strapi, 'connections').provider(
      row.connectionId ?? undefined,
      { interactive }
    ));
    const remote = await provider.campaigns.get(row.remoteId);
    const now = new Date();
    if (!remote) {
      const campaign = await rows.update(id, {
        status: 'error',
        lastError: goneMessage(provider.name),
        lastRefreshedAt: now.toISOString(),
      });
      return { ok: true, campaign, metrics: null };
    }
    const state = fromRemote(remote);
    const report = REPORTED.has(remote.status)
      ? await provider.campaigns.report(row.remoteId)
      : null;
    let metrics: CampaignMetrics | null = null;
    if (report) {
      metrics = computeMetrics(report, now);
      const timeseries = report.timeseries.map((p) => ({
        at: p.at,
        uniqueOpens: p.uniqueOpens,
        uniqueClicks: p.uniqueClicks,
      }));
      // Only a change is kept: refreshes of a settled report would grow the table without end.
      const last = await rows.lastSnapshot(id);
      const unchanged =
        last !== null &&
        sameMetrics(last.metrics, metrics) &&
        JSON.stringify(last.timeseries ?? []) === JSON.stringify(timeseries);
      if (!unchanged)
        await rows.addSnapshot({ campaignId: id, takenAt: metrics.takenAt, metrics, timeseries });
    }
    const campaign = await rows.update(id, {
      ...state,
      ...(metrics ? { metrics } : {}),
      lastError: null,
      lastRefreshedAt: now.toISOString(),
    });
    await afterCampaignRefresh.run({ strapi, campaign, provider, metrics });
    return { ok: true, campaign, metrics };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const campaign = await rows.update(id, {
      lastError: `The last refresh failed (${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC), the metrics shown are from the refresh before: ${message}`,
    });
    return { ok: false, campaign, error };
  }
};
