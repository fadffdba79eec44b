import { createHash } from 'crypto';
import { ok, page, type Handler } from '../context';
import { problems } from '../problems';
import { actsAtHours, hourlyTimeseries, hoursSinceSend, reachedBy } from '../engagement';
import type { Campaign } from '../state';
import { campaignOf } from './lookup';

/** A deterministic fraction in [0,1) from a seed, so reports are the same on every read. */
const unit = (seed: string) => createHash('md5').update(seed).digest().readUInt32BE(0) / 2 ** 32;

/**
 * Plausible final numbers derived from the recipients: the same campaign always reports the
 * same. Bounces happen at the send; opens, clicks and unsubscribes grow as the engagement
 * model says (`hours` since the send; Infinity = final).
 */
export const reportNumbers = (campaignId: string, sent: number, hours = Infinity) => {
  const r = (name: string, min: number, max: number) =>
    min + unit(`${campaignId}:${name}`) * (max - min);
  const hard = Math.round(sent * r('hard', 0.002, 0.01));
  const soft = Math.round(sent * r('soft', 0.005, 0.02));
  const delivered = sent - hard - soft;
  const uniqueOpens = Math.round(delivered * r('opens', 0.18, 0.45));
  const uniqueClicks = Math.round(uniqueOpens * r('clicks', 0.08, 0.3));
  const by = (total: number) => reachedBy(total, hours);
  return {
    hard,
    soft,
    delivered,
    uniqueOpens: by(uniqueOpens),
    finalUniqueOpens: uniqueOpens,
    opensTotal: by(Math.round(uniqueOpens * r('reopen', 1.2, 2.2))),
    uniqueClicks: by(uniqueClicks),
    finalUniqueClicks: uniqueClicks,
    clicksTotal: by(Math.round(uniqueClicks * r('reclick', 1.1, 1.9))),
    unsubscribed: by(Math.round(delivered * r('unsub', 0.001, 0.006))),
    abuse: by(Math.round(delivered * r('abuse', 0, 0.0008))),
  };
};

const numbersNow = (ctx: Parameters<Handler>[0], c: Campaign) => {
  const hours = hoursSinceSend(c, ctx.sim.options.engagementHoursPerSecond);
  return { hours, n: reportNumbers(c.id, c.emails_sent, hours) };
};

export const getReport: Handler = (ctx) => {
  const c = campaignOf(ctx);
  if (c.status !== 'sent' && c.status !== 'sending' && c.status !== 'canceled')
    throw problems.notFound();
  const { hours, n } = numbersNow(ctx, c);
  const list = c.recipients.list_id ? ctx.account.lists.get(c.recipients.list_id) : undefined;
  const rate = (part: number, whole: number) => (whole > 0 ? part / whole : 0);
  return ok({
    id: c.id,
    campaign_title: String(c.settings.title ?? ''),
    type: c.type,
    list_id: c.recipients.list_id ?? '',
    list_is_active: Boolean(list),
    list_name: list?.name ?? '',
    subject_line: String(c.settings.subject_line ?? ''),
    preview_text: String(c.settings.preview_text ?? ''),
    emails_sent: c.emails_sent,
    abuse_reports: n.abuse,
    unsubscribed: n.unsubscribed,
    send_time: c.send_time,
    bounces: { hard_bounces: n.hard, soft_bounces: n.soft, syntax_errors: 0 },
    forwards: { forwards_count: 0, forwards_opens: 0 },
    opens: {
      opens_total: n.opensTotal,
      unique_opens: n.uniqueOpens,
      // "unique opens divided by the total number of successful deliveries"
      open_rate: rate(n.uniqueOpens, n.delivered),
      last_open: c.send_time,
      proxy_excluded_opens: n.opensTotal,
      proxy_excluded_unique_opens: n.uniqueOpens,
      proxy_excluded_open_rate: rate(n.uniqueOpens, n.delivered),
    },
    clicks: {
      clicks_total: n.clicksTotal,
      unique_clicks: n.uniqueClicks,
      unique_subscriber_clicks: n.uniqueClicks,
      click_rate: rate(n.uniqueClicks, n.delivered),
      last_click: c.send_time,
    },
    list_stats: { sub_rate: 0, unsub_rate: 0, open_rate: 0, click_rate: 0 },
    delivery_status: { enabled: true, status: c.status === 'sent' ? 'delivered' : c.status },
    timeseries: hourlyTimeseries(
      c,
      { sent: c.emails_sent, uniqueOpens: n.finalUniqueOpens, uniqueClicks: n.finalUniqueClicks },
      hours
    ),
    _links: [],
  });
};

/** Per-member activity: who opened and clicked, consistent with the report's unique counts. */
export const getEmailActivity: Handler = (ctx) => {
  const c = campaignOf(ctx);
  const list = c.recipients.list_id ? ctx.account.lists.get(c.recipients.list_id) : undefined;
  const { n } = numbersNow(ctx, c);
  const sentAt = Date.parse(c.send_time);
  const at = (hours: number) =>
    new Date(sentAt + hours * 3_600_000).toISOString().replace(/\.\d{3}Z$/, '+00:00');
  const ordered = [...c.sentTo].sort((a, b) => unit(`${c.id}:${a}`) - unit(`${c.id}:${b}`));
  const emails = ordered.map((hash, index) => {
    const member = list?.members.get(hash);
    const activity: Array<{ action: string; timestamp: string; url?: string; ip: string }> = [];
    // The k-th opener opens at a fixed moment, so the activity matches the report at any time.
    if (index < n.uniqueOpens)
      activity.push({
        action: 'open',
        timestamp: at(actsAtHours(index, n.finalUniqueOpens)),
        ip: '127.0.0.1',
      });
    if (index < n.uniqueClicks)
      activity.push({
        action: 'click',
        timestamp: at(actsAtHours(index, n.finalUniqueClicks)),
        url: 'https://example.com/',
        ip: '127.0.0.1',
      });
    return {
      campaign_id: c.id,
      list_id: list?.id ?? '',
      list_is_active: Boolean(list),
      email_id: hash,
      email_address: member?.email_address ?? '',
      activity,
    };
  });
  return ok({
    emails: page(emails, ctx.query),
    campaign_id: c.id,
    total_items: emails.length,
    _links: [],
  });
};
