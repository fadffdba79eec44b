import { errors } from '@strapi/utils';

/** A normalised address (trimmed, lower case), or a ValidationError naming the field. */
export const parseEmail = (value: unknown, field = 'email'): string => {
  const email = typeof value === 'string' ? value.trim().toLowerCase() : '';
  if (!/^[^\s@]+@[^\s@]+$/.test(email))
    throw new errors.ValidationError(`"${field}" must be an email address.`);
  return email;
};

/** An optional free-text field, trimmed; too long is refused rather than cut. */
export const optionalText = (value: unknown, field: string, max: number): string | undefined => {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw new errors.ValidationError(`"${field}" must be text.`);
  const text = value.trim();
  if (text.length > max)
    throw new errors.ValidationError(`"${field}" is at most ${max} characters.`);
  return text || undefined;
};
