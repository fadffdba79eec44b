import { createHash } from 'crypto';
import { ok, page, type Handler } from '../context';
import { problems } from '../problems';
import { campaignOf } from './lookup';

/** A deterministic fraction in [0,1) from a seed, so reports are the same on every read. */
const unit = (seed: string) => createHash('md5').update(seed).digest().readUInt32BE(0) / 2 ** 32;

/** Plausible numbers derived from the recipients: the same campaign always reports the same. */
export const reportNumbers = (campaignId: string, sent: number) => {
  const r = (name: string, min: number, max: number) =>
    min + unit(`${campaignId}:${name}`) * (max - min);
  const hard = Math.round(sent * r('hard', 0.002, 0.01));
  const soft = Math.round(sent * r('soft', 0.005, 0.02));
  const delivered = sent - hard - soft;
  const uniqueOpens = Math.round(delivered * r('opens', 0.18, 0.45));
  const uniqueClicks = Math.round(uniqueOpens * r('clicks', 0.08, 0.3));
  return {
    hard,
    soft,
    delivered,
    uniqueOpens,
    opensTotal: Math.round(uniqueOpens * r('reopen', 1.2, 2.2)),
    uniqueClicks,
    clicksTotal: Math.round(uniqueClicks * r('reclick', 1.1, 1.9)),
    unsubscribed: Math.round(delivered * r('unsub', 0.001, 0.006)),
    abuse: Math.round(delivered * r('abuse', 0, 0.0008)),
  };
};

export const getReport: Handler = (ctx) => {
  const c = campaignOf(ctx);
  if (c.status !== 'sent' && c.status !== 'sending' && c.status !== 'canceled')
    throw problems.notFound();
  const n = reportNumbers(c.id, c.emails_sent);
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
    _links: [],
  });
};

/** Per-member activity: who opened and clicked, consistent with the report's unique counts. */
export const getEmailActivity: Handler = (ctx) => {
  const c = campaignOf(ctx);
  const list = c.recipients.list_id ? ctx.account.lists.get(c.recipients.list_id) : undefined;
  const n = reportNumbers(c.id, c.emails_sent);
  const ordered = [...c.sentTo].sort((a, b) => unit(`${c.id}:${a}`) - unit(`${c.id}:${b}`));
  const emails = ordered.map((hash, index) => {
    const member = list?.members.get(hash);
    const activity: Array<{ action: string; timestamp: string; url?: string; ip: string }> = [];
    if (index < n.uniqueOpens)
      activity.push({ action: 'open', timestamp: c.send_time, ip: '127.0.0.1' });
    if (index < n.uniqueClicks)
      activity.push({
        action: 'click',
        timestamp: c.send_time,
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
