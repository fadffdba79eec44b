import type { AxiosError } from 'axios';
import { PlatformError, type FieldError, type PlatformErrorKind } from '../errors';
import { parseRetryAfter } from './retry';

const PROVIDER = 'mailchimp';

interface ProblemBody {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  errors?: Array<{ field?: string; message?: string }>;
}

const isProblem = (data: unknown): data is ProblemBody =>
  typeof data === 'object' && data !== null && ('title' in data || 'detail' in data);

/** Which kind a Mailchimp answer is; the titles are Mailchimp's own. */
export const kindOf = (status: number, body: ProblemBody | undefined): PlatformErrorKind => {
  const title = body?.title ?? '';
  if (status === 429) return 'rate_limit';
  // Under load Mailchimp may answer 403 with no JSON body: that is throttling, not a permission problem.
  if (status === 403 && !body) return 'rate_limit';
  if (status === 401 || status === 403) return 'auth';
  if (status === 404) return 'not_found';
  if (status >= 500) return 'transient';
  if (title === 'Member In Compliance State') return 'compliance';
  if (title === 'Forgotten Email Not Subscribed') return 'forgotten';
  return 'validation';
};

/** Kind of a per-member error inside a batch-subscribe response, from its text. */
export const kindOfMemberError = (message: string): PlatformErrorKind => {
  if (/permanently deleted/i.test(message)) return 'forgotten';
  if (/compliance state/i.test(message)) return 'compliance';
  return 'validation';
};

const fieldErrors = (body: ProblemBody | undefined): FieldError[] =>
  (body?.errors ?? []).map((e) => ({ field: e.field ?? '', message: e.message ?? '' }));

/** A sentence a Strapi admin can act on. */
const adminMessage = (
  kind: PlatformErrorKind,
  status: number | undefined,
  body: ProblemBody | undefined,
  networkCode?: string
) => {
  const detail = body?.detail ? ` Mailchimp says: ${body.detail}` : '';
  const fields = fieldErrors(body)
    .map((f) => `${f.field || 'request'}: ${f.message}`)
    .join('; ');
  switch (kind) {
    case 'auth':
      return status === 401
        ? 'Mailchimp rejected the credentials: the API key is wrong, was revoked, or belongs to another data center. Reconnect in Settings › Email marketing.'
        : `Mailchimp refused this action for the connected user (${body?.title ?? 'Forbidden'}).${detail}`;
    case 'rate_limit':
      return 'Mailchimp is throttling requests (too many at once). The plugin will retry with backoff.';
    case 'transient':
      return networkCode
        ? `Mailchimp could not be reached (${networkCode}). The plugin will retry; check the server's network if this persists.`
        : `Mailchimp had a temporary problem (HTTP ${status}). The plugin will retry.${detail}`;
    case 'not_found':
      return `Mailchimp could not find that resource (the audience, member or campaign may have been deleted in Mailchimp).${detail}`;
    case 'compliance':
      return `This contact unsubscribed, bounced or is under compliance review in Mailchimp and cannot be re-subscribed by the plugin; only the person can opt in again.${detail}`;
    case 'forgotten':
      return `This contact was permanently deleted in Mailchimp and cannot be re-imported; only the person can sign up again.${detail}`;
    case 'validation':
      return `Mailchimp rejected the data: ${body?.title ?? 'Bad Request'}.${detail}${fields ? ` (${fields})` : ''}`;
  }
};

export const mailchimpError = (init: {
  kind: PlatformErrorKind;
  status?: number;
  body?: ProblemBody;
  retryAfterMs?: number;
  networkCode?: string;
}) =>
  new PlatformError({
    provider: PROVIDER,
    kind: init.kind,
    status: init.status,
    title: init.body?.title,
    detail: init.body?.detail,
    instance: init.body?.instance,
    fieldErrors: fieldErrors(init.body),
    retryAfterMs: init.retryAfterMs,
    message: adminMessage(init.kind, init.status, init.body, init.networkCode),
  });

/** Turns whatever axios threw into the one typed error. */
export const fromAxiosError = (error: AxiosError): PlatformError => {
  const response = error.response;
  if (!response) {
    // No answer at all: refused, reset, timed out, DNS. Always worth another try later.
    return mailchimpError({ kind: 'transient', networkCode: error.code ?? 'network error' });
  }
  const body = isProblem(response.data) ? response.data : undefined;
  const retryAfter = response.headers?.['retry-after'] as string | undefined;
  return mailchimpError({
    kind: kindOf(response.status, body),
    status: response.status,
    body,
    retryAfterMs: parseRetryAfter(retryAfter),
  });
};
