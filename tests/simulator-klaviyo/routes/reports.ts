import { randomUUID } from 'crypto';
import { attrsOf, dataOf, ok, pageOf, type Ctx, type Route } from '../context';
import { errors } from '../errors';
import { matches, parseFilter } from '../filter';
import { TIERS } from '../rate-limits';
import type { Campaign } from '../state';

export const STATISTICS = [
  'average_order_value',
  'bounce_rate',
  'bounced',
  'bounced_or_failed',
  'bounced_or_failed_rate',
  'click_rate',
  'click_to_open_rate',
  'clicks',
  'clicks_unique',
  'conversion_rate',
  'conversion_uniques',
  'conversion_value',
  'conversions',
  'delivered',
  'delivery_rate',
  'failed',
  'failed_rate',
  'message_segment_count_sum',
  'open_rate',
  'opens',
  'opens_unique',
  'recipients',
  'revenue_per_recipient',
  'spam_complaint_rate',
  'spam_complaints',
  'text_message_credit_usage_amount',
  'text_message_roi',
  'text_message_spend',
  'unsubscribe_rate',
  'unsubscribe_uniques',
  'unsubscribes',
];

const TIMEFRAME_KEYS: Record<string, number> = {
  today: 1,
  yesterday: 2,
  this_week: 7,
  last_7_days: 7,
  last_week: 14,
  this_month: 31,
  last_30_days: 30,
  last_month: 62,
  last_90_days: 90,
  last_3_months: 92,
  this_year: 366,
  last_365_days: 365,
  last_12_months: 366,
  last_year: 731,
};

const fraction = (part: number, whole: number) => (whole > 0 ? part / whole : 0);

/** Every statistic of one campaign; rates are fractions in [0, 1] (SDK JSDoc). */
const statisticsOf = (c: Campaign): Record<string, number> => {
  const s = c.stats;
  const opensUnique = s.openers.size;
  const clicksUnique = s.clickers.size;
  return {
    recipients: s.recipients,
    delivered: s.delivered,
    delivery_rate: fraction(s.delivered, s.recipients),
    bounced: s.bounced,
    bounce_rate: fraction(s.bounced, s.recipients),
    failed: s.failed,
    failed_rate: fraction(s.failed, s.recipients),
    bounced_or_failed: s.bounced + s.failed,
    bounced_or_failed_rate: fraction(s.bounced + s.failed, s.recipients),
    opens: s.opens,
    opens_unique: opensUnique,
    open_rate: fraction(opensUnique, s.delivered),
    clicks: s.clicks,
    clicks_unique: clicksUnique,
    click_rate: fraction(clicksUnique, s.delivered),
    click_to_open_rate: fraction(clicksUnique, opensUnique),
    unsubscribes: s.unsubscribes,
    unsubscribe_uniques: s.unsubscribers.size,
    unsubscribe_rate: fraction(s.unsubscribers.size, s.delivered),
    spam_complaints: s.spam_complaints,
    spam_complaint_rate: fraction(s.spam_complaints, s.delivered),
    conversions: 0,
    conversion_uniques: 0,
    conversion_value: 0,
    conversion_rate: 0,
    average_order_value: 0,
    revenue_per_recipient: 0,
  };
};

const window = (ctx: Ctx, timeframe: unknown): [number, number] => {
  const t = timeframe as { key?: string; start?: string; end?: string } | undefined;
  const pointer = '/data/attributes/timeframe';
  if (!t || typeof t !== 'object') throw errors.invalid('timeframe is required.', pointer);
  if (t.key !== undefined) {
    const days = TIMEFRAME_KEYS[t.key];
    if (!days)
      throw errors.invalid(
        `timeframe.key ${JSON.stringify(t.key)} is not valid.`,
        `${pointer}/key`
      );
    return [Date.now() - days * 86_400_000, Date.now()];
  }
  const start = Date.parse(String(t.start));
  const end = Date.parse(String(t.end));
  if (Number.isNaN(start) || Number.isNaN(end) || end <= start)
    throw errors.invalid('timeframe needs a key, or a start before an end.', pointer);
  if (end - start > 366 * 86_400_000)
    throw errors.invalid('A custom timeframe spans at most one year.', pointer);
  return [start, end];
};

export const reportRoutes: Route[] = [
  {
    method: 'GET',
    path: '/api/metrics',
    name: 'getMetrics',
    tier: TIERS.M,
    handler: (ctx) => {
      const conditions = parseFilter(ctx.query.get('filter'), {
        'integration.name': ['equals'],
        'integration.category': ['equals'],
      });
      const metrics = ctx.account.metrics.filter((m) =>
        matches(conditions, (f) =>
          f === 'integration.name'
            ? m.integration
            : f === 'integration.category'
              ? 'internal'
              : undefined
        )
      );
      const page = pageOf(ctx, metrics, { max: 200, fallback: 200 });
      return ok({
        data: page.items.map((m) => ({
          type: 'metric',
          id: m.id,
          attributes: {
            name: m.name,
            created: '2024-01-01T00:00:00+00:00',
            updated: '2024-01-01T00:00:00+00:00',
            integration: {
              object: 'integration',
              id: m.integration.toLowerCase(),
              name: m.integration,
              category: 'internal',
            },
          },
          links: { self: `${ctx.base}/api/metrics/${m.id}/` },
        })),
        links: page.links,
      });
    },
  },
  {
    method: 'POST',
    path: '/api/campaign-values-reports',
    name: 'queryCampaignValues',
    tier: TIERS.VALUES_REPORT,
    handler: (ctx) => {
      const attrs = attrsOf(dataOf(ctx, 'campaign-values-report'));
      const statistics = attrs.statistics;
      if (!Array.isArray(statistics) || statistics.length === 0)
        throw errors.invalid('statistics must be a non-empty list.', '/data/attributes/statistics');
      statistics.forEach((s, i) => {
        if (typeof s !== 'string' || !STATISTICS.includes(s))
          throw errors.invalid(
            `${JSON.stringify(s)} is not a valid statistic.`,
            `/data/attributes/statistics/${i}`
          );
      });
      const metricId = attrs.conversion_metric_id;
      if (typeof metricId !== 'string' || !ctx.account.metrics.some((m) => m.id === metricId))
        throw errors.invalid(
          'conversion_metric_id must be a metric of this account.',
          '/data/attributes/conversion_metric_id'
        );
      const [from, to] = window(ctx, attrs.timeframe);
      const conditions = parseFilter(typeof attrs.filter === 'string' ? attrs.filter : null, {
        send_channel: ['equals', 'contains-any'],
        campaign_id: ['equals', 'contains-any'],
        campaign_message_id: ['equals', 'contains-any'],
      });
      const campaigns = [...ctx.account.campaigns.values()].filter((c) => {
        if (!c.send_time || (c.status !== 'Sent' && c.status !== 'Sending')) return false;
        const at = Date.parse(c.send_time);
        if (at < from || at > to) return false;
        return conditions.every((cond) => {
          const value =
            cond.field === 'send_channel'
              ? 'email'
              : cond.field === 'campaign_id'
                ? c.id
                : c.messageIds[0];
          const wanted = Array.isArray(cond.value) ? cond.value.map(String) : [String(cond.value)];
          return wanted.includes(value);
        });
      });
      const page = pageOf(ctx, campaigns, { max: 500, fallback: 500 });
      return ok({
        data: {
          type: 'campaign-values-report',
          id: randomUUID(),
          attributes: {
            results: page.items.map((c) => {
              const all = statisticsOf(c);
              return {
                groupings: {
                  send_channel: 'email',
                  campaign_id: c.id,
                  campaign_message_id: c.messageIds[0],
                },
                statistics: Object.fromEntries(
                  (statistics as string[]).map((s) => [s, all[s] ?? 0])
                ),
              };
            }),
          },
          relationships: {
            campaigns: { data: page.items.map((c) => ({ type: 'campaign', id: c.id })) },
          },
        },
        links: page.links,
      });
    },
  },
];
