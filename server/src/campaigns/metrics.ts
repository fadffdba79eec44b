import type { CampaignReportNumbers } from '../providers/types';
import type { CampaignMetrics } from '../types/campaigns';

/** part / whole, 0 when there is nothing to divide by (no deliveries yet, no opens yet). */
export const rate = (part: number, whole: number) => (whole > 0 ? part / whole : 0);

/**
 * The metrics of a report. Delivered excludes every bounce; rates about engagement are over
 * delivered emails (what the platforms show), the bounce rate over all recipients.
 */
export const computeMetrics = (report: CampaignReportNumbers, takenAt: Date): CampaignMetrics => {
  const recipients = report.emailsSent;
  const bounces = report.hardBounces + report.softBounces;
  const delivered = Math.max(0, recipients - bounces);
  return {
    recipients,
    delivered,
    opens: report.opens,
    uniqueOpens: report.uniqueOpens,
    clicks: report.clicks,
    uniqueClicks: report.uniqueClicks,
    hardBounces: report.hardBounces,
    softBounces: report.softBounces,
    unsubscribes: report.unsubscribes,
    spamComplaints: report.spamComplaints,
    openRate: rate(report.uniqueOpens, delivered),
    clickThroughRate: rate(report.uniqueClicks, delivered),
    clickToOpenRate: rate(report.uniqueClicks, report.uniqueOpens),
    bounceRate: rate(bounces, recipients),
    unsubscribeRate: rate(report.unsubscribes, delivered),
    takenAt: takenAt.toISOString(),
  };
};

/** Same numbers, whenever taken: a refresh that finds these stores no new snapshot. */
export const sameMetrics = (a: CampaignMetrics, b: CampaignMetrics) =>
  (Object.keys(a) as Array<keyof CampaignMetrics>).every(
    (key) => key === 'takenAt' || a[key] === b[key]
  );
