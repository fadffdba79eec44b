import { createHash } from 'crypto';
import type { AudienceField, EmailMarketingProvider, FieldValue } from '../providers/types';
import type { ProfileInput } from '../types/sync';
import { hasConsent } from './consent';

export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

export type Entry = Record<string, unknown> & { id: number; documentId: string };

export interface ContactPayload {
  documentId: string;
  email: string | null;
  consent: boolean;
  fields: Record<string, FieldValue>;
  tags: string[];
  errors: Array<{ field: string; message: string }>;
  /** Over everything that would be sent: unchanged hash, nothing to send. */
  hash: string;
}

/** The label of a related entry (or entries), for merge fields and tags. */
const labelOf = (value: unknown, labelField: string | undefined): string | null => {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value))
    return (
      value
        .map((item) => labelOf(item, labelField))
        .filter(Boolean)
        .join(', ') || null
    );
  if (typeof value === 'object') {
    const item = value as Record<string, unknown>;
    const label = labelField ? item[labelField] : undefined;
    return label === undefined || label === null ? null : String(label);
  }
  return String(value);
};

export interface PayloadContext {
  profile: Pick<
    ProfileInput,
    | 'emailField'
    | 'consentField'
    | 'consentRule'
    | 'mergeFields'
    | 'staticTags'
    | 'tagAttribute'
    | 'doubleOptIn'
  >;
  fields: AudienceField[];
  provider: Pick<EmailMarketingProvider, 'prepareFields'>;
  /** Relation attributes → the label field of their target. */
  relationLabels: Record<string, string | undefined>;
}

const valueOf = (entry: Entry, attribute: string, context: PayloadContext) =>
  attribute in context.relationLabels
    ? labelOf(entry[attribute], context.relationLabels[attribute])
    : entry[attribute];

/** What one Strapi entry becomes on the platform, with every problem reported on it. */
export const buildPayload = (entry: Entry, context: PayloadContext): ContactPayload => {
  const { profile } = context;
  const errors: Array<{ field: string; message: string }> = [];
  const rawEmail = entry[profile.emailField];
  const email = typeof rawEmail === 'string' && rawEmail.trim() !== '' ? rawEmail.trim() : null;
  if (!email) errors.push({ field: profile.emailField, message: 'No email address' });
  else if (!EMAIL_PATTERN.test(email))
    errors.push({ field: profile.emailField, message: `"${email}" is not an email address` });

  const consent = hasConsent(
    profile.consentRule,
    profile.consentField ? entry[profile.consentField] : undefined
  );
  const raw = Object.fromEntries(
    profile.mergeFields.map((m) => [m.tag, valueOf(entry, m.attribute, context)])
  );
  const prepared = context.provider.prepareFields(context.fields, raw);
  errors.push(...prepared.errors);

  const tags = [...profile.staticTags];
  if (profile.tagAttribute) {
    const value = valueOf(entry, profile.tagAttribute, context);
    if (value !== null && value !== undefined && value !== '')
      tags.push(...String(value).split(', '));
  }
  const uniqueTags = [...new Set(tags.filter((t) => t.trim() !== ''))].sort();
  const hash = createHash('sha256')
    .update(
      JSON.stringify([
        email?.toLowerCase() ?? null,
        consent,
        profile.doubleOptIn,
        prepared.values,
        uniqueTags,
      ])
    )
    .digest('hex');
  return {
    documentId: entry.documentId,
    email,
    consent,
    fields: prepared.values,
    tags: uniqueTags,
    errors,
    hash,
  };
};
