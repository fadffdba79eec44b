import type { CampaignReportNumbers } from '../types';

/** What the plugin asks the campaign values report for. */
export const REPORT_STATISTICS = [
  'recipients',
  'delivered',
  'bounced',
  'failed',
  'opens',
  'opens_unique',
  'clicks',
  'clicks_unique',
  'unsubscribe_uniques',
  'spam_complaints',
] as const;

/**
 * Klaviyo's counts → the plugin's report numbers, with the same meaning as Mailchimp's:
 * emailsSent = recipients; bounces = recipients − delivered (Klaviyo's `bounced` are the hard
 * bounces, and failed sends count as soft ones), so "delivered" in the metrics table equals
 * Klaviyo's own. Unsubscribes are people (unique). Klaviyo has no hourly breakdown here.
 */
export const toReportNumbers = (s: Record<string, number | undefined>): CampaignReportNumbers => {
  const n = (k: string) => Math.max(0, Math.round(s[k] ?? 0));
  const recipients = n('recipients');
  const undelivered = Math.max(0, recipients - n('delivered'));
  const hard = Math.min(n('bounced'), undelivered);
  return {
    emailsSent: recipients,
    hardBounces: hard,
    softBounces: undelivered - hard,
    opens: n('opens'),
    uniqueOpens: n('opens_unique'),
    clicks: n('clicks'),
    uniqueClicks: n('clicks_unique'),
    unsubscribes: n('unsubscribe_uniques'),
    spamComplaints: n('spam_complaints'),
    timeseries: [],
  };
};

/** '<site> Campaign - <subject> - <timestamp>': one template per campaign content. */
export const templateName = (site: string, subject: string, at: Date) =>
  `${site.trim() || 'Strapi'} Campaign - ${subject.trim() || '(no subject)'} - ${at.toISOString()}`;
