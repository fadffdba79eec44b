import { isPlatformError } from '../errors';
import type { ProviderCampaigns, RemoteCampaign, RemoteCampaignDraft } from '../types';
import { quote, type KlaviyoClient } from './client';
import { unsupported } from './errors';
import type { WindowLimiter } from './limiter';
import { REPORT_STATISTICS, templateName, toReportNumbers } from './report';
import { campaignStatusOf } from './status';
import type {
  CampaignAttributes,
  Collection,
  Document,
  ListAttributes,
  MessageAttributes,
  MetricAttributes,
  Single,
  TemplateAttributes,
  ValuesReport,
} from './types';

/** Klaviyo's template tag for the recipient's unsubscribe URL (a CODE template is Django-style). */
export const UNSUBSCRIBE_URL_TAG = '{% unsubscribe_url %}';

const absentIsNull = async <T>(call: () => Promise<T>): Promise<T | null> => {
  try {
    return await call();
  } catch (error) {
    if (isPlatformError(error) && error.kind === 'not_found') return null;
    throw error;
  }
};

const content = (draft: RemoteCampaignDraft) => ({
  subject: draft.subject,
  preview_text: draft.previewText ?? '',
  // The plugin's sender address is the reply-to, as with Mailchimp.
  from_email: draft.replyTo,
  from_label: draft.fromName,
  reply_to_email: draft.replyTo,
});

/** A segment is a list of its own: the campaign goes to that list instead of the audience. */
const audiences = (draft: RemoteCampaignDraft) => ({
  included: [draft.segmentId ?? draft.audienceId],
  excluded: [],
});

/**
 * Campaigns: create with smart sending on and one email message, content as a CODE template
 * made per campaign and assigned to the message, send/schedule through a send job, reports
 * through the campaign values report behind the account's report queue (1/s, 2/min, 225/day).
 */
export const klaviyoCampaigns = (
  client: KlaviyoClient,
  reports: WindowLimiter
): ProviderCampaigns => {
  let conversionMetric: Promise<string> | null = null;

  const message = async (campaignId: string) => {
    const page = await client.get<Collection<MessageAttributes>>(
      `/api/campaigns/${campaignId}/campaign-messages`
    );
    const m = page.data[0];
    if (!m) throw unsupported(`Klaviyo campaign ${campaignId} has no message.`);
    return m;
  };

  const profileCount = async (listId: string) =>
    (
      await absentIsNull(() =>
        client.get<Single<ListAttributes>>(`/api/lists/${listId}`, {
          'additional-fields[list]': 'profile_count',
        })
      )
    )?.data.attributes.profile_count ?? 0;

  const toRemote = async (
    c: Document<CampaignAttributes>,
    m: Document<MessageAttributes>
  ): Promise<RemoteCampaign> => {
    const status = campaignStatusOf(c.attributes.status);
    const listId = c.attributes.audiences.included[0] ?? '';
    const { content: mc } = m.attributes.definition;
    return {
      id: c.id,
      status,
      // A segment's list cannot be told apart from an audience list here: it is the audience.
      audienceId: listId,
      segmentId: null,
      title: c.attributes.name,
      subject: mc.subject,
      previewText: mc.preview_text || null,
      fromName: mc.from_label,
      replyTo: mc.reply_to_email ?? mc.from_email,
      recipientCount: listId ? await profileCount(listId) : 0,
      emailsSent: 0,
      sendTime:
        status === 'draft' ? null : (c.attributes.send_time ?? c.attributes.scheduled_at ?? null),
      createdAt: c.attributes.created_at,
    };
  };

  const get = async (id: string) => {
    const campaign = await absentIsNull(() =>
      client.get<Single<CampaignAttributes>>(`/api/campaigns/${id}`)
    );
    return campaign ? toRemote(campaign.data, await message(id)) : null;
  };

  const setStrategy = (id: string, strategy: Record<string, unknown>) =>
    client.patch(`/api/campaigns/${id}`, {
      data: { type: 'campaign', id, attributes: { send_strategy: strategy } },
    });

  const sendJob = (id: string) =>
    client.post(`/api/campaign-send-jobs`, { data: { type: 'campaign-send-job', id } });

  const sendJobAction = (id: string, action: 'cancel' | 'revert') =>
    client.patch(`/api/campaign-send-jobs/${id}`, {
      data: { type: 'campaign-send-job', id, attributes: { action } },
    });

  /** The "Placed Order" metric (any metric will do): the report requires a conversion metric. */
  const metricId = () =>
    (conversionMetric ??= (async () => {
      const page = await client.get<Collection<MetricAttributes>>('/api/metrics');
      const metric = page.data.find((m) => m.attributes.name === 'Placed Order') ?? page.data[0];
      if (!metric)
        throw unsupported(
          'This Klaviyo account has no metrics, so it cannot produce campaign reports yet.'
        );
      return metric.id;
    })().catch((error: unknown) => {
      conversionMetric = null;
      throw error;
    }));

  return {
    // Klaviyo's API has no test send; sendTest says so.
    maxTestRecipients: 5,
    unsubscribeUrl: UNSUBSCRIBE_URL_TAG,

    async create(draft) {
      const { data } = await client.post<Single<CampaignAttributes>>('/api/campaigns', {
        data: {
          type: 'campaign',
          attributes: {
            name: draft.title,
            audiences: audiences(draft),
            send_strategy: { method: 'immediate' },
            send_options: { use_smart_sending: true },
            'campaign-messages': {
              data: [
                {
                  type: 'campaign-message',
                  attributes: {
                    definition: { channel: 'email', label: draft.title, content: content(draft) },
                  },
                },
              ],
            },
          },
        },
      });
      return toRemote(data, await message(data.id));
    },

    async update(id, draft) {
      const { data } = await client.patch<Single<CampaignAttributes>>(`/api/campaigns/${id}`, {
        data: {
          type: 'campaign',
          id,
          attributes: { name: draft.title, audiences: audiences(draft) },
        },
      });
      const m = await message(id);
      const { data: updated } = await client.patch<Single<MessageAttributes>>(
        `/api/campaign-messages/${m.id}`,
        {
          data: {
            type: 'campaign-message',
            id: m.id,
            attributes: {
              definition: { channel: 'email', label: draft.title, content: content(draft) },
            },
          },
        }
      );
      return toRemote(data, updated);
    },

    async setContent(id, html) {
      const m = await message(id);
      const previous = m.relationships?.template?.data;
      const { content: mc } = m.attributes.definition;
      const { data: template } = await client.post<Single<TemplateAttributes>>('/api/templates', {
        data: {
          type: 'template',
          attributes: {
            name: templateName(mc.from_label, mc.subject, new Date()),
            editor_type: 'CODE',
            html,
          },
        },
      });
      await client.post(
        '/api/campaign-message-assign-template',
        {
          data: {
            type: 'campaign-message',
            id: m.id,
            relationships: { template: { data: { type: 'template', id: template.id } } },
          },
        },
        true
      );
      // The replaced template would only count against the API's 1,000-template allowance.
      if (previous && !Array.isArray(previous) && previous.id !== template.id)
        await absentIsNull(() => client.delete(`/api/templates/${previous.id}`));
    },

    async delete(id) {
      const m = await absentIsNull(() => message(id));
      await absentIsNull(() => client.delete(`/api/campaigns/${id}`));
      const template = m?.relationships?.template?.data;
      if (template && !Array.isArray(template))
        await absentIsNull(() => client.delete(`/api/templates/${template.id}`));
    },

    get,

    async sendTest() {
      throw unsupported(
        "Klaviyo's API cannot send test emails. Preview and test the campaign in Klaviyo (Campaigns › the campaign › Preview & test)."
      );
    },

    async send(id) {
      await setStrategy(id, { method: 'immediate' });
      await sendJob(id);
    },

    async schedule(id, at) {
      await setStrategy(id, {
        method: 'static',
        datetime: at.toISOString(),
        options: { is_local: false },
      });
      await sendJob(id);
    },

    async unschedule(id) {
      await sendJobAction(id, 'revert');
    },

    async cancel(id) {
      await sendJobAction(id, 'cancel');
    },

    async report(id) {
      const campaign = await absentIsNull(() =>
        client.get<Single<CampaignAttributes>>(`/api/campaigns/${id}`)
      );
      if (!campaign) return null;
      const status = campaignStatusOf(campaign.data.attributes.status);
      if (status !== 'sent' && status !== 'sending') return null;
      const conversion = await metricId();
      const answer = await reports.run(() =>
        client.post<ValuesReport>(
          '/api/campaign-values-reports',
          {
            data: {
              type: 'campaign-values-report',
              attributes: {
                statistics: [...REPORT_STATISTICS],
                timeframe: { key: 'last_365_days' },
                conversion_metric_id: conversion,
                filter: `equals(campaign_id,${quote(id)})`,
              },
            },
          },
          // A report is a read: asking again is harmless.
          true
        )
      );
      const row = answer.data.attributes.results.find((r) => r.groupings.campaign_id === id);
      return toReportNumbers(row?.statistics ?? {});
    },

    // Opens and clicks per person come from Klaviyo's events API, which the plugin does not read yet.
    async *listActivity() {},
  };
};
