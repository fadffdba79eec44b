import { randomUUID } from 'crypto';

export interface KlaviyoErrorObject {
  id: string;
  status: number;
  code: string;
  title: string;
  detail: string;
  source: { pointer?: string; parameter?: string };
}

/** A refused request: thrown by handlers, answered with Klaviyo's JSON:API `errors[]` body. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail: string,
    readonly source: { pointer?: string; parameter?: string } = { pointer: '/data/' },
    readonly headers: Record<string, string> = {}
  ) {
    super(detail);
  }

  body(): { errors: KlaviyoErrorObject[] } {
    return {
      errors: [
        {
          id: randomUUID(),
          status: this.status,
          code: this.code,
          title: this.title,
          detail: this.detail,
          source: this.source,
        },
      ],
    };
  }
}

export const errors = {
  notAuthenticated: () =>
    new ApiError(
      401,
      'not_authenticated',
      'Authentication credentials were not provided.',
      'Missing or invalid private key.'
    ),
  authenticationFailed: () =>
    new ApiError(
      401,
      'authentication_failed',
      'Incorrect authentication credentials.',
      'Incorrect authentication credentials.'
    ),
  missingRevision: () =>
    new ApiError(
      400,
      'invalid',
      'Invalid input.',
      'The revision header is required (for example "revision: 2026-07-15").',
      { parameter: 'revision' }
    ),
  badRevision: (value: string) =>
    new ApiError(
      400,
      'invalid',
      'Invalid input.',
      `"${value}" is not a valid revision (YYYY-MM-DD, optionally with a .pre suffix).`,
      { parameter: 'revision' }
    ),
  unsupportedMediaType: (type: string) =>
    new ApiError(
      415,
      'unsupported_media_type',
      'Unsupported media type.',
      `Unsupported media type "${type}" in request. Use application/vnd.api+json.`
    ),
  parse: () => new ApiError(400, 'parse_error', 'Malformed request.', 'JSON parse error.'),
  invalid: (detail: string, pointer = '/data/') =>
    new ApiError(400, 'invalid', 'Invalid input.', detail, { pointer }),
  invalidParam: (detail: string, parameter: string) =>
    new ApiError(400, 'invalid', 'Invalid input.', detail, { parameter }),
  notFound: (detail = 'Not found.') => new ApiError(404, 'not_found', 'Not found.', detail),
  methodNotAllowed: (method: string) =>
    new ApiError(
      405,
      'method_not_allowed',
      'Method not allowed.',
      `Method "${method}" not allowed.`
    ),
  conflict: (detail: string) => new ApiError(409, 'conflict', 'Conflict.', detail),
  tooLarge: (detail: string) =>
    new ApiError(413, 'payload_too_large', 'Payload too large.', detail),
  throttled: (seconds: number) =>
    new ApiError(
      429,
      'throttled',
      'Request was throttled.',
      `Request was throttled. Expected available in ${seconds} second${seconds === 1 ? '' : 's'}.`,
      { pointer: '/data/' },
      { 'Retry-After': String(seconds) }
    ),
  server: () => new ApiError(500, 'error', 'A server error occurred.', 'A server error occurred.'),
  unavailable: () =>
    new ApiError(503, 'service_unavailable', 'Service unavailable.', 'Service unavailable.'),
};
