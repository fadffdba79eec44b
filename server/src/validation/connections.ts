import { errors } from '@strapi/utils';

export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

/** A 400 whose details name the field, so the admin shows it next to that input. */
export const fieldError = (field: string, message: string) =>
  new errors.ValidationError(message, {
    errors: [{ path: [field], message, name: 'ValidationError' }],
  });

type Body = Record<string, unknown>;

const optionalString = (body: Body, field: string, max: number): string | undefined => {
  const value = body[field];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw fieldError(field, `${field} must be text.`);
  if (value.length > max) throw fieldError(field, `${field} must be at most ${max} characters.`);
  return value.trim();
};

const senderEmail = (body: Body) => {
  const email = optionalString(body, 'senderEmail', 254);
  if (email !== undefined && !EMAIL_PATTERN.test(email)) {
    throw fieldError('senderEmail', `"${email}" is not an email address.`);
  }
  return email;
};

export interface ConnectInput {
  provider: string;
  apiKey: string;
  senderName?: string;
  senderEmail?: string;
}

export const parseConnectInput = (body: Body): ConnectInput => {
  const provider = body.provider ?? 'mailchimp';
  if (typeof provider !== 'string') throw fieldError('provider', 'provider must be text.');
  if (typeof body.apiKey !== 'string' || body.apiKey.trim() === '')
    throw fieldError('apiKey', 'The API key is empty.');
  return {
    provider,
    apiKey: body.apiKey.trim(),
    senderName: optionalString(body, 'senderName', 100),
    senderEmail: senderEmail(body),
  };
};

export interface UpdateInput {
  defaultAudienceId?: string | null;
  senderName?: string | null;
  senderEmail?: string | null;
}

/** Only the fields present change; an empty string clears a sender field. */
export const parseUpdateInput = (body: Body): UpdateInput => {
  const out: UpdateInput = {};
  if ('defaultAudienceId' in body) {
    const value = body.defaultAudienceId;
    if (value !== null && (typeof value !== 'string' || value === ''))
      throw fieldError('defaultAudienceId', 'Choose an audience.');
    out.defaultAudienceId = value as string | null;
  }
  if ('senderName' in body) out.senderName = optionalString(body, 'senderName', 100) ?? null;
  if ('senderEmail' in body) out.senderEmail = senderEmail(body) ?? null;
  return out;
};
