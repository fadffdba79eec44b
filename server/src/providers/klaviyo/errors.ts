import type { AxiosError } from 'axios';
import { PlatformError, type FieldError, type PlatformErrorKind } from '../errors';

const PROVIDER = 'klaviyo';

/** One item of Klaviyo's JSON:API `errors[]`. */
export interface KlaviyoErrorItem {
  id?: string;
  status?: number | string;
  code?: string;
  title?: string;
  detail?: string;
  source?: { pointer?: string; parameter?: string };
}

const itemsOf = (data: unknown): KlaviyoErrorItem[] => {
  const errors = (data as { errors?: unknown } | null)?.errors;
  return Array.isArray(errors) ? (errors as KlaviyoErrorItem[]) : [];
};

export const kindOf = (status: number): PlatformErrorKind => {
  if (status === 429) return 'rate_limit';
  if (status === 401 || status === 403) return 'auth';
  if (status === 404) return 'not_found';
  if (status >= 500) return 'transient';
  return 'validation';
};

/** `/data/attributes/profiles/data/3/attributes/email` → `email`; a parameter as given. */
export const fieldOf = (item: KlaviyoErrorItem): string => {
  if (item.source?.parameter) return item.source.parameter;
  const parts = (item.source?.pointer ?? '').split('/').filter(Boolean);
  return parts[parts.length - 1] ?? '';
};

const adminMessage = (
  kind: PlatformErrorKind,
  status: number | undefined,
  first?: KlaviyoErrorItem,
  networkCode?: string
) => {
  const detail = first?.detail ? ` Klaviyo says: ${first.detail}` : '';
  switch (kind) {
    case 'auth':
      return status === 401
        ? 'Klaviyo rejected the private API key: it is wrong or was revoked. Create a new private key in Klaviyo (Settings › API keys) and reconnect.'
        : `Klaviyo refused this action for this key (missing scope?).${detail} Give the private key full access, or the scopes the plugin needs.`;
    case 'rate_limit':
      return 'Klaviyo is throttling requests (rate limit reached). The plugin waits as Klaviyo asks and retries.';
    case 'transient':
      return networkCode
        ? `Klaviyo could not be reached (${networkCode}). The plugin will retry; check the server's network if this persists.`
        : `Klaviyo had a temporary problem (HTTP ${status}). The plugin will retry.${detail}`;
    case 'not_found':
      return `Klaviyo could not find that resource (the list, profile or campaign may have been deleted in Klaviyo).${detail}`;
    default:
      return `Klaviyo rejected the request: ${first?.title ?? 'Invalid input.'}${detail}`;
  }
};

export const klaviyoError = (init: {
  kind: PlatformErrorKind;
  status?: number;
  items?: KlaviyoErrorItem[];
  retryAfterMs?: number;
  networkCode?: string;
  message?: string;
}) => {
  const items = init.items ?? [];
  const first = items[0];
  const fieldErrors: FieldError[] = items
    .filter((i) => i.source?.pointer || i.source?.parameter)
    .map((i) => ({ field: fieldOf(i), message: i.detail ?? i.title ?? '' }));
  return new PlatformError({
    provider: PROVIDER,
    kind: init.kind,
    status: init.status,
    title: first?.title,
    detail: first?.detail,
    instance: first?.id,
    fieldErrors,
    retryAfterMs: init.retryAfterMs,
    message: init.message ?? adminMessage(init.kind, init.status, first, init.networkCode),
  });
};

/** Retry-After in seconds or as an HTTP date; undefined when absent or unreadable. */
export const parseRetryAfter = (value: unknown, nowMs = Date.now()): number | undefined => {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
};

export const fromAxiosError = (error: AxiosError): PlatformError => {
  const response = error.response;
  if (!response)
    return klaviyoError({ kind: 'transient', networkCode: error.code ?? 'network error' });
  return klaviyoError({
    kind: kindOf(response.status),
    status: response.status,
    items: itemsOf(response.data),
    retryAfterMs: parseRetryAfter(response.headers?.['retry-after']),
  });
};

/** A clean refusal for what Klaviyo's API cannot do. */
export const unsupported = (message: string) =>
  klaviyoError({ kind: 'validation', items: [{ title: 'Not supported by Klaviyo' }], message });
