import type { Account, List, Member, Webhook } from './state';

export type WebhookEvent =
  | 'subscribe'
  | 'unsubscribe'
  | 'profile'
  | 'cleaned'
  | 'upemail'
  | 'campaign';
export type WebhookSource = 'user' | 'admin' | 'api';

export interface Delivery {
  webhookId: string;
  url: string;
  type: WebhookEvent;
  body: string;
  status: number | null;
  error?: string;
  at: string;
}

/** Mailchimp's fired_at format: "2009-03-26 21:35:57" (UTC). */
const firedAt = () =>
  new Date()
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d{3}Z$/, '');

/** Flattens nested data into Mailchimp's form keys: data[merges][FNAME]=… */
const flatten = (prefix: string, value: unknown, out: URLSearchParams) => {
  if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) flatten(`${prefix}[${key}]`, inner, out);
  } else {
    out.append(prefix, value === undefined || value === null ? '' : String(value));
  }
};

export const memberEventData = (list: List, member: Member) => ({
  id: member.unique_email_id,
  list_id: list.id,
  email: member.email_address,
  email_type: member.email_type,
  web_id: member.web_id,
  ip_opt: member.ip_opt,
  ip_signup: member.ip_signup,
  merges: { EMAIL: member.email_address, ...member.merge_fields },
});

export const encodeEvent = (type: WebhookEvent, data: Record<string, unknown>) => {
  const form = new URLSearchParams();
  form.append('type', type);
  form.append('fired_at', firedAt());
  flatten('data', data, form);
  return form.toString();
};

/** Which webhooks want this event: the event flag, and the source (campaign ignores sources). */
export const subscribedHooks = (list: List, type: WebhookEvent, source: WebhookSource): Webhook[] =>
  [...list.webhooks.values()].filter(
    (hook) => hook.events[type] && (type === 'campaign' || hook.sources[source])
  );

export const deliver = async (
  hook: Webhook,
  type: WebhookEvent,
  body: string
): Promise<Delivery> => {
  const delivery: Delivery = {
    webhookId: hook.id,
    url: hook.url,
    type,
    body,
    status: null,
    at: new Date().toISOString(),
  };
  try {
    const res = await fetch(hook.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'user-agent': 'MailChimp.com',
      },
      body,
      signal: AbortSignal.timeout(10000),
    });
    delivery.status = res.status;
  } catch (error) {
    delivery.error = (error as Error).message;
  }
  return delivery;
};

/** The GET Mailchimp sends to a webhook URL before accepting it. */
export const validateWebhookUrl = async (url: string): Promise<number> => {
  try {
    const res = await fetch(url, {
      method: 'GET',
      headers: { 'user-agent': 'MailChimp.com WebHook Validator' },
      signal: AbortSignal.timeout(10000),
    });
    return res.status;
  } catch {
    return 0;
  }
};

export type { Account };
