import type { InboundEvent, WebhookParseResult } from '../types';
import type { Webhook } from './types';

/** What the plugin listens to. `api: false`: the plugin's own API writes must not echo back. */
export const webhookRegistration = (url: string): Omit<Webhook, 'id' | 'list_id'> => ({
  url,
  events: {
    subscribe: true,
    unsubscribe: true,
    profile: true,
    cleaned: true,
    upemail: true,
    campaign: true,
  },
  sources: { user: true, admin: true, api: false },
});

type Nested = { [key: string]: string | Nested };

/** `data[merges][FNAME]` → ['data', 'merges', 'FNAME']; a key with unbalanced brackets is null. */
const keyPath = (key: string): string[] | null => {
  const match = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(key);
  if (!match) return null;
  const rest = [...match[2].matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1]);
  return [match[1], ...rest];
};

const setPath = (target: Nested, path: string[], value: string) => {
  let node = target;
  for (const part of path.slice(0, -1)) {
    const next = node[part];
    if (typeof next === 'object') node = next;
    else node = node[part] = {};
  }
  node[path[path.length - 1]] = value;
};

/**
 * Mailchimp posts `application/x-www-form-urlencoded` with bracketed keys. Strapi's body parser
 * may hand us the nested object (qs) or, for an odd content type, the raw string or flat keys:
 * all three become the same nested object.
 */
export const nestForm = (body: unknown): Nested | null => {
  if (typeof body === 'string') {
    const out: Nested = {};
    for (const [key, value] of new URLSearchParams(body)) {
      const path = keyPath(key);
      if (path) setPath(out, path, value);
    }
    return out;
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) return null;
  const out: Nested = {};
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    const path = keyPath(key);
    if (!path) continue;
    if (typeof value === 'string') setPath(out, path, value);
    else if (value && typeof value === 'object' && !Array.isArray(value) && path.length === 1) {
      const inner = nestForm(value);
      if (inner) out[path[0]] = inner;
    }
  }
  return out;
};

const text = (data: Nested, key: string): string =>
  typeof data[key] === 'string' ? (data[key] as string).trim() : '';

const FIRED_AT = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

/** A delivery (see notes §3 and "Not verified" 3 for upemail/cleaned keys) → a neutral event. */
export const parseMailchimpWebhook = (body: unknown): WebhookParseResult => {
  const form = nestForm(body);
  if (!form) return { ok: false, reason: 'The body is not a form-encoded webhook delivery.' };
  const type = typeof form.type === 'string' ? form.type : '';
  const firedAt = typeof form.fired_at === 'string' ? form.fired_at : '';
  const data = form.data;
  if (!type) return { ok: false, reason: 'The delivery has no "type" field.' };
  if (!FIRED_AT.test(firedAt))
    return {
      ok: false,
      reason: `The delivery's "fired_at" is missing or not "YYYY-MM-DD HH:MM:SS" (got "${firedAt}").`,
    };
  if (!data || typeof data !== 'object')
    return { ok: false, reason: 'The delivery has no data[...] fields.' };
  const audienceId = text(data, 'list_id');
  const email = text(data, 'email');
  const need = (...keys: string[]) => {
    const missing = keys.filter((key) => !text(data, key));
    return missing.length
      ? `A "${type}" delivery needs ${missing.map((k) => `data[${k}]`).join(', ')}.`
      : null;
  };
  let event: InboundEvent;
  let problem: string | null = null;
  switch (type) {
    case 'unsubscribe':
      problem = need('list_id', 'email');
      event = {
        kind: 'unsubscribed',
        audienceId,
        email,
        reason: text(data, 'reason') || undefined,
      };
      break;
    case 'cleaned':
      problem = need('list_id', 'email');
      event = { kind: 'cleaned', audienceId, email, reason: text(data, 'reason') || undefined };
      break;
    case 'subscribe':
      problem = need('list_id', 'email');
      event = { kind: 'subscribed', audienceId, email };
      break;
    case 'upemail':
      problem = need('list_id', 'old_email', 'new_email');
      event = {
        kind: 'email-changed',
        audienceId,
        oldEmail: text(data, 'old_email'),
        newEmail: text(data, 'new_email'),
      };
      break;
    case 'profile': {
      problem = need('list_id', 'email');
      const merges = typeof data.merges === 'object' ? data.merges : {};
      const fields = Object.fromEntries(
        Object.entries(merges).filter(
          (entry): entry is [string, string] => typeof entry[1] === 'string'
        )
      );
      event = { kind: 'profile', audienceId, email, fields };
      break;
    }
    default:
      event = { kind: 'other', audienceId: audienceId || null, type };
  }
  if (problem) return { ok: false, reason: problem };
  // No delivery id exists: type + the member's id (or address) + fired_at names one occurrence.
  const identity = [
    audienceId,
    text(data, 'id') || text(data, 'new_id') || email || text(data, 'old_email'),
  ].join(':');
  return { ok: true, webhook: { type, firedAt, identity, event, raw: form } };
};
