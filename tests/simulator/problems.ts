import { randomUUID } from 'crypto';

/** Mailchimp's error body: application/problem+json with type/title/status/detail/instance. */
export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  errors?: Array<{ field: string; message: string }>;
}

export const ERROR_DOC_URL = 'https://mailchimp.com/developer/marketing/docs/errors/';

/** Thrown by handlers; the server turns it into the problem response. */
export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly errors?: Array<{ field: string; message: string }>
  ) {
    super(`${status} ${title}: ${detail}`);
  }

  body(): ProblemBody {
    return {
      type: ERROR_DOC_URL,
      title: this.title,
      status: this.status,
      detail: this.detail,
      instance: randomUUID(),
      ...(this.errors ? { errors: this.errors } : {}),
    };
  }
}

// The texts below are Mailchimp's own, as observed in its responses (shared/notes/mailchimp-api.md §4).
export const problems = {
  apiKeyMissing: () =>
    new Problem(401, 'API Key Missing', 'Your request did not include an API key.'),
  apiKeyInvalid: () =>
    new Problem(
      401,
      'API Key Invalid',
      "Your API key may be invalid, or you've attempted to access the wrong datacenter."
    ),
  notFound: () =>
    new Problem(404, 'Resource Not Found', 'The requested resource could not be found.'),
  methodNotAllowed: () =>
    new Problem(
      405,
      'Method Not Allowed',
      "The requested method and resource are not compatible. See the Allow header for this resource's available methods."
    ),
  jsonParse: () =>
    new Problem(400, 'JSON Parse Exception', 'We encountered an unspecified JSON parsing error.'),
  invalidResource: (errors: Array<{ field: string; message: string }>, detail?: string) =>
    new Problem(
      400,
      'Invalid Resource',
      detail ??
        "The resource submitted could not be validated. For field-specific details, see the 'errors' array.",
      errors
    ),
  mergeFieldsInvalid: (errors: Array<{ field: string; message: string }>) =>
    new Problem(400, 'Invalid Resource', 'Your merge fields were invalid.', errors),
  memberExists: (email: string) =>
    new Problem(
      400,
      'Member Exists',
      `${email} is already a list member. Use PUT to insert or update list members.`
    ),
  complianceState: (email: string) =>
    new Problem(
      400,
      'Member In Compliance State',
      `${email} is in a compliance state due to unsubscribe, bounce, or compliance review and cannot be subscribed.`
    ),
  forgotten: (email: string) =>
    new Problem(
      400,
      'Forgotten Email Not Subscribed',
      `${email} was permanently deleted and cannot be re-imported. The contact must re-subscribe to get back on the list.`
    ),
  badRequest: (detail: string) => new Problem(400, 'Bad Request', detail),
  invalidAction: (detail: string) => new Problem(400, 'Invalid Action', detail),
  tooManyConnections: () =>
    new Problem(
      429,
      'Too Many Requests',
      'You have exceeded the limit of 10 simultaneous connections.'
    ),
  tooManyBatches: () =>
    new Problem(429, 'Too Many Requests', 'You have more than 500 pending batch operations.'),
  serverError: () =>
    new Problem(
      500,
      'Internal Server Error',
      'An unexpected internal error has occurred. Please contact Support for more information.'
    ),
  unavailable: () =>
    new Problem(503, 'Service Unavailable', 'The service is temporarily unavailable.'),
};
