/**
 * Turns a Strapi attribute value into what a Mailchimp merge field accepts. A value that
 * cannot be made valid is reported, never sent malformed (invariant 7: it fails only its
 * own contact).
 */
import type { MergeFieldKind, PlatformValue } from '../types';

export type { MergeFieldKind };

export interface MergeFieldSpec {
  tag: string;
  type: MergeFieldKind;
  required?: boolean;
  options?: { date_format?: string; phone_format?: string; choices?: string[]; size?: number };
}

// A type alias, not an interface: it must fit the provider-neutral FieldValue index signature.
export type MailchimpAddress = {
  addr1: string;
  addr2?: string;
  city: string;
  state: string;
  zip: string;
  country?: string;
};

export type MergeValue = string | number | MailchimpAddress;

export type Coerced = { ok: true; value: MergeValue } | { ok: false; reason: string };

const ok = (value: MergeValue): Coerced => ({ ok: true, value });
const fail = (reason: string): Coerced => ({ ok: false, reason });

const pad = (n: number) => String(n).padStart(2, '0');

/** Year, month, day from a Date, a YYYY-MM-DD string or an ISO date-time (UTC). */
export const dateParts = (value: unknown): { y: number; m: number; d: number } | null => {
  if (value instanceof Date && !Number.isNaN(value.getTime())) {
    return { y: value.getUTCFullYear(), m: value.getUTCMonth() + 1, d: value.getUTCDate() };
  }
  if (typeof value !== 'string') return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/.exec(value.trim());
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(y, m - 1, d));
  return check.getUTCMonth() === m - 1 && check.getUTCDate() === d ? { y, m, d } : null;
};

const isBlank = (value: unknown) => value === null || value === undefined || value === '';

const asText = (value: unknown): string | null => {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return value.toISOString();
  return null;
};

export const coerce = (field: MergeFieldSpec, value: unknown): Coerced => {
  // A cleared Strapi field clears the merge field; a required one cannot be cleared.
  if (isBlank(value))
    return field.required
      ? fail(`${field.tag} is required in this audience and the value is empty`)
      : ok('');
  switch (field.type) {
    case 'text': {
      const text = asText(value);
      if (text === null) return fail(`${field.tag} expects text; got ${typeof value}`);
      const limit =
        field.options?.size && field.options.size > 0 ? Math.min(field.options.size, 255) : 255;
      return Buffer.byteLength(text) > limit
        ? fail(
            `${field.tag} is limited to ${limit} bytes; the value has ${Buffer.byteLength(text)}`
          )
        : ok(text);
    }
    case 'number': {
      if (typeof value === 'boolean') return ok(value ? 1 : 0);
      const n =
        typeof value === 'number'
          ? value
          : typeof value === 'string' && value.trim() !== ''
            ? Number(value)
            : NaN;
      return Number.isFinite(n)
        ? ok(n)
        : fail(`${field.tag} expects a number; "${String(value)}" is not one`);
    }
    case 'date': {
      const parts = dateParts(value);
      return parts
        ? ok(`${parts.y}-${pad(parts.m)}-${pad(parts.d)}`)
        : fail(`${field.tag} expects a date (YYYY-MM-DD); "${String(value)}" is not one`);
    }
    case 'birthday': {
      const parts = dateParts(value);
      if (parts)
        return ok(
          field.options?.date_format === 'DD/MM'
            ? `${pad(parts.d)}/${pad(parts.m)}`
            : `${pad(parts.m)}/${pad(parts.d)}`
        );
      const md = typeof value === 'string' ? /^(\d{2})\/(\d{2})$/.exec(value.trim()) : null;
      if (md) {
        const [month, day] =
          field.options?.date_format === 'DD/MM'
            ? [Number(md[2]), Number(md[1])]
            : [Number(md[1]), Number(md[2])];
        const check = new Date(Date.UTC(2000, month - 1, day));
        if (check.getUTCMonth() === month - 1 && check.getUTCDate() === day) return ok(md[0]);
      }
      return fail(
        `${field.tag} expects a birthday (a date, or ${field.options?.date_format ?? 'MM/DD'}); "${String(value)}" is not one`
      );
    }
    case 'address': {
      if (typeof value !== 'object' || value === null || Array.isArray(value))
        return fail(`${field.tag} expects an address (addr1, city, state, zip)`);
      const a = value as Record<string, unknown>;
      const missing = ['addr1', 'city', 'state', 'zip'].filter((key) => isBlank(a[key]));
      if (missing.length > 0) return fail(`${field.tag} address is missing ${missing.join(', ')}`);
      return ok({
        addr1: String(a.addr1),
        ...(a.addr2 ? { addr2: String(a.addr2) } : {}),
        city: String(a.city),
        state: String(a.state),
        zip: String(a.zip),
        ...(a.country ? { country: String(a.country) } : {}),
      });
    }
    case 'phone': {
      const text = asText(value);
      if (text === null) return fail(`${field.tag} expects a phone number`);
      if (
        field.options?.phone_format === 'US' &&
        !/^\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4}$/.test(text.trim())
      ) {
        return fail(
          `${field.tag} expects a US phone number like (555) 123-4567; "${text}" is not one`
        );
      }
      return /^[+\d][\d\s().-]{2,}$/.test(text.trim())
        ? ok(text.trim())
        : fail(`${field.tag} expects a phone number; "${text}" is not one`);
    }
    case 'zip': {
      const text = asText(value)?.trim() ?? '';
      return /^\d{5}$/.test(text)
        ? ok(text)
        : fail(`${field.tag} expects a five-digit zip code; "${String(value)}" is not one`);
    }
    case 'url':
    case 'imageurl': {
      const text = asText(value)?.trim() ?? '';
      return /^https?:\/\/\S+$/.test(text)
        ? ok(text)
        : fail(
            `${field.tag} expects a web address (http:// or https://); "${String(value)}" is not one`
          );
    }
    case 'dropdown':
    case 'radio': {
      const text = asText(value);
      const choices = field.options?.choices ?? [];
      if (text !== null && choices.includes(text)) return ok(text);
      return fail(
        `${field.tag} accepts only ${choices.map((c) => `"${c}"`).join(', ')}; "${String(value)}" is not one of them`
      );
    }
  }
};

/** The merge-field type that fits a Strapi attribute best, for "create the missing field". */
export const mergeTypeFor = (attributeType: string): MergeFieldKind => {
  switch (attributeType) {
    case 'integer':
    case 'biginteger':
    case 'float':
    case 'decimal':
      return 'number';
    case 'date':
    case 'datetime':
      return 'date';
    case 'enumeration':
      return 'dropdown';
    default:
      return 'text';
  }
};

/** Prepares all mapped values of one contact: what is sendable, and a reason for each value that is not. */
export const prepareMergeFields = (
  fields: Array<MergeFieldSpec>,
  values: Record<string, unknown>
): { values: Record<string, MergeValue>; errors: Array<{ field: string; message: string }> } => {
  const byTag = new Map(fields.map((field) => [field.tag, field]));
  const out: Record<string, MergeValue> = {};
  const errors: Array<{ field: string; message: string }> = [];
  for (const [tag, value] of Object.entries(values)) {
    const field = byTag.get(tag);
    if (!field) {
      errors.push({ field: tag, message: `${tag} is not a merge field of this audience` });
      continue;
    }
    const result = coerce(field, value);
    if (result.ok) out[tag] = result.value;
    else errors.push({ field: tag, message: result.reason });
  }
  return { values: out, errors };
};

const validDate = (y: number, m: number, d: number) => {
  const check = new Date(Date.UTC(y, m - 1, d));
  return check.getUTCFullYear() === y && check.getUTCMonth() === m - 1 && check.getUTCDate() === d;
};

/**
 * The reverse of `coerce`: a merge field's value as a webhook reports it (always text) read
 * back by the field's type. Dates come as YYYY-MM-DD or in the field's display format
 * (MM/DD/YYYY, DD/MM/YYYY); birthdays as MM/DD or DD/MM. Null when it cannot be read.
 */
export const readMergeValue = (field: MergeFieldSpec, raw: string): PlatformValue | null => {
  const text = raw.trim();
  if (text === '') return { kind: 'blank' };
  switch (field.type) {
    case 'number': {
      const n = Number(text);
      return Number.isFinite(n) ? { kind: 'number', value: n } : null;
    }
    case 'date': {
      const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
      const slashed = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text);
      const [y, m, d] = iso
        ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
        : slashed
          ? field.options?.date_format?.startsWith('DD')
            ? [Number(slashed[3]), Number(slashed[2]), Number(slashed[1])]
            : [Number(slashed[3]), Number(slashed[1]), Number(slashed[2])]
          : [0, 0, 0];
      return validDate(y, m, d) ? { kind: 'date', year: y, month: m, day: d } : null;
    }
    case 'birthday': {
      const md = /^(\d{2})\/(\d{2})$/.exec(text);
      if (!md) return null;
      const [month, day] =
        field.options?.date_format === 'DD/MM'
          ? [Number(md[2]), Number(md[1])]
          : [Number(md[1]), Number(md[2])];
      return validDate(2000, month, day) ? { kind: 'month-day', month, day } : null;
    }
    case 'address':
      return null; // arrives as nested parts, not one value: not read back
    default:
      return { kind: 'text', value: text };
  }
};

/** Every reported value of a known field, read back; unknown tags and unreadable values are left out. */
export const readMergeFields = (
  fields: MergeFieldSpec[],
  values: Record<string, string>
): Record<string, PlatformValue> => {
  const byTag = new Map(fields.map((field) => [field.tag, field]));
  const out: Record<string, PlatformValue> = {};
  for (const [tag, raw] of Object.entries(values)) {
    const field = byTag.get(tag);
    const value = field ? readMergeValue(field, raw) : null;
    if (value) out[tag] = value;
  }
  return out;
};
