import { isPlatformError } from '../errors';
import type {
  CampaignReportNumbers,
  ProviderCampaigns,
  RemoteCampaign,
  RemoteCampaignDraft,
  RemoteCampaignStatus,
} from '../types';
import type { MailchimpClient } from './client';
import { paginate } from './paging';
import type { Campaign, CampaignInput, CampaignReport, CampaignStatus } from './types';

/** Mailchimp's limit on test addresses per test send. */
export const MAX_TEST_EMAILS = 5;

/** The merge tag Mailchimp replaces with the recipient's unsubscribe link. */
export const UNSUBSCRIBE_MERGE_TAG = '*|UNSUB|*';

const STATUS: Record<CampaignStatus, RemoteCampaignStatus> = {
  save: 'draft',
  schedule: 'scheduled',
  sending: 'sending',
  sent: 'sent',
  paused: 'paused',
  // "canceling" is the short moment before "canceled": the send has already been stopped.
  canceling: 'cancelled',
  canceled: 'cancelled',
  // An archived campaign was sent and is kept for its report.
  archived: 'sent',
};

export const campaignStatusOf = (status: CampaignStatus): RemoteCampaignStatus =>
  STATUS[status] ?? 'draft';

const toRemote = (c: Campaign): RemoteCampaign => ({
  id: c.id,
  status: campaignStatusOf(c.status),
  audienceId: c.recipients.list_id,
  segmentId:
    c.recipients.segment_opts?.saved_segment_id !== undefined
      ? String(c.recipients.segment_opts.saved_segment_id)
      : null,
  title: c.settings.title ?? '',
  subject: c.settings.subject_line ?? '',
  previewText: c.settings.preview_text || null,
  fromName: c.settings.from_name ?? '',
  replyTo: c.settings.reply_to ?? '',
  recipientCount: c.recipients.recipient_count ?? 0,
  emailsSent: c.emails_sent ?? 0,
  sendTime: c.send_time || null,
  createdAt: c.create_time,
});

/** A static segment and a tag are both a saved segment id to Mailchimp. */
const toInput = (draft: RemoteCampaignDraft): CampaignInput => {
  const segment = draft.segmentId === null ? null : Number(draft.segmentId);
  if (segment !== null && !Number.isInteger(segment))
    throw new RangeError(`Mailchimp segment ids are numbers, got "${draft.segmentId}"`);
  return {
    type: 'regular',
    recipients: {
      list_id: draft.audienceId,
      ...(segment !== null ? { segment_opts: { saved_segment_id: segment } } : {}),
    },
    settings: {
      title: draft.title,
      subject_line: draft.subject,
      preview_text: draft.previewText ?? '',
      from_name: draft.fromName,
      reply_to: draft.replyTo,
    },
  };
};

export const toReportNumbers = (r: CampaignReport): CampaignReportNumbers => ({
  emailsSent: r.emails_sent,
  hardBounces: r.bounces.hard_bounces,
  softBounces: r.bounces.soft_bounces,
  opens: r.opens.opens_total,
  uniqueOpens: r.opens.unique_opens,
  clicks: r.clicks.clicks_total,
  // unique_subscriber_clicks counts people; unique_clicks counts distinct links clicked.
  uniqueClicks: r.clicks.unique_subscriber_clicks,
  unsubscribes: r.unsubscribed,
  spamComplaints: r.abuse_reports,
  timeseries: (r.timeseries ?? []).map((point) => ({
    at: new Date(point.timestamp).toISOString(),
    emailsSent: point.emails_sent,
    uniqueOpens: point.unique_opens,
    uniqueClicks: point.recipients_clicks,
  })),
});

const absentIsNull = async <T>(call: () => Promise<T>): Promise<T | null> => {
  try {
    return await call();
  } catch (error) {
    if (isPlatformError(error) && error.kind === 'not_found') return null;
    throw error;
  }
};

/** Regular campaigns over the client's campaign and report calls. */
export const mailchimpCampaigns = (client: MailchimpClient): ProviderCampaigns => ({
  maxTestRecipients: MAX_TEST_EMAILS,
  unsubscribeUrl: UNSUBSCRIBE_MERGE_TAG,

  async create(draft) {
    return toRemote(await client.createCampaign(toInput(draft)));
  },

  async update(id, draft) {
    const { recipients, settings } = toInput(draft);
    return toRemote(await client.updateCampaign(id, { recipients, settings }));
  },

  async setContent(id, html) {
    await client.setCampaignContent(id, { html });
  },

  async delete(id) {
    await absentIsNull(() => client.deleteCampaign(id));
  },

  async get(id) {
    const campaign = await absentIsNull(() => client.getCampaign(id));
    return campaign ? toRemote(campaign) : null;
  },

  async sendTest(id, emails) {
    if (emails.length === 0 || emails.length > MAX_TEST_EMAILS)
      throw new RangeError(`Mailchimp sends a test to 1–${MAX_TEST_EMAILS} addresses`);
    await client.sendTest(id, emails);
  },

  async send(id) {
    await client.send(id);
  },

  async schedule(id, at) {
    await client.schedule(id, at);
  },

  async unschedule(id) {
    await client.unschedule(id);
  },

  async cancel(id) {
    await client.cancelSend(id);
  },

  async report(id) {
    // Mailchimp answers 404 for the report of a campaign that has not been sent.
    const report = await absentIsNull(() => client.getReport(id));
    return report ? toReportNumbers(report) : null;
  },

  async *listActivity(id) {
    for await (const member of paginate(
      (page) => client.getEmailActivity(id, page),
      (p) => p.emails
    )) {
      for (const item of member.activity) {
        if (item.action !== 'open' && item.action !== 'click') continue;
        yield {
          email: member.email_address,
          action: item.action,
          at: new Date(item.timestamp).toISOString(),
        };
      }
    }
  },
});
