import type { Campaign } from './state';

/**
 * How engagement with a sent campaign unfolds over time. Real reports grow for a day or two
 * after the send: most opens come in the first hours, then a long tail. Each member who will
 * open has a fixed moment (in hours after the send) at which they open, so the report's unique
 * counts, its hourly timeseries and the per-member activity always agree with each other.
 */

/** Hours after which about 63 % of the eventual opens have happened. */
const OPEN_TIME_CONSTANT_HOURS = 8;

/** The share of the eventual engagement reached `hours` after the send. */
export const engagedShare = (hours: number) =>
  hours === Infinity ? 1 : 1 - Math.exp(-Math.max(0, hours) / OPEN_TIME_CONSTANT_HOURS);

/** Of `total` eventual actions, how many have happened `hours` after the send. */
export const reachedBy = (total: number, hours: number) =>
  Math.min(total, Math.max(0, Math.round(total * engagedShare(hours))));

/** When (hours after the send) the k-th of `total` eventual actors acts: the inverse of `reachedBy`. */
export const actsAtHours = (k: number, total: number) =>
  -OPEN_TIME_CONSTANT_HOURS * Math.log(1 - (k + 0.5) / total);

/**
 * Simulated hours since the campaign was sent. `hoursPerSecond` null means "instant": the
 * report is final at once (tests that only care about the totals). A number runs a clock at
 * that speed from the send time, plus whatever `advanceEngagement` added.
 */
export const hoursSinceSend = (
  campaign: Campaign,
  hoursPerSecond: number | null,
  at = Date.now()
): number => {
  if (!campaign.send_time) return 0;
  if (hoursPerSecond === null) return Infinity;
  const elapsedSeconds = (at - Date.parse(campaign.send_time)) / 1000;
  return Math.max(0, elapsedSeconds) * hoursPerSecond + (campaign.engagementOffsetHours ?? 0);
};

export interface TimeseriesPoint {
  timestamp: string;
  emails_sent: number;
  unique_opens: number;
  recipients_clicks: number;
}

/** Mailchimp's `timeseries`: an hourly breakdown of the first 24 hours, up to the hours elapsed. */
export const hourlyTimeseries = (
  campaign: Campaign,
  totals: { sent: number; uniqueOpens: number; uniqueClicks: number },
  hours: number
): TimeseriesPoint[] => {
  const start = Date.parse(campaign.send_time);
  const points: TimeseriesPoint[] = [];
  for (let hour = 0; hour < 24 && hour < hours; hour += 1) {
    const until = Math.min(hour + 1, hours);
    points.push({
      timestamp: new Date(start + hour * 3_600_000).toISOString().replace(/\.\d{3}Z$/, '+00:00'),
      emails_sent: hour === 0 ? totals.sent : 0,
      unique_opens: reachedBy(totals.uniqueOpens, until) - reachedBy(totals.uniqueOpens, hour),
      recipients_clicks:
        reachedBy(totals.uniqueClicks, until) - reachedBy(totals.uniqueClicks, hour),
    });
  }
  return points;
};
