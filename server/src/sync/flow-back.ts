import type { PlatformValue } from '../providers/types';

/** The parts of a Strapi attribute that decide what a value read back may become. */
export interface AttributeLike {
  type: string;
  enum?: string[];
  required?: boolean;
}

export type Converted = { ok: true; value: unknown } | { ok: false; reason: string };

const pad = (n: number) => String(n).padStart(2, '0');
const isoDate = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

const TEXT = new Set(['string', 'text', 'richtext', 'email', 'uid']);
const INTEGER = new Set(['integer', 'biginteger']);
const DECIMAL = new Set(['float', 'decimal']);

/** The date part of what Strapi holds for a date or datetime (a Date, a string, or nothing). */
const datePart = (current: unknown): string | null => {
  if (current instanceof Date) return current.toISOString().slice(0, 10);
  return typeof current === 'string' && /^\d{4}-\d{2}-\d{2}/.test(current)
    ? current.slice(0, 10)
    : null;
};

/**
 * The reverse of building a merge field from an attribute: a value the platform reports,
 * turned into what the attribute holds. `current` is the entry's value (a birthday keeps its
 * year; a datetime keeps its time when the day is the same). Refused values say why.
 */
export const toAttributeValue = (
  attribute: AttributeLike,
  value: PlatformValue,
  current: unknown
): Converted => {
  if (value.kind === 'blank')
    return attribute.required
      ? { ok: false, reason: 'required in Strapi; a cleared field is not written back' }
      : { ok: true, value: null };
  const { type } = attribute;
  if (TEXT.has(type)) {
    if (value.kind === 'text') return { ok: true, value: value.value };
    if (value.kind === 'number') return { ok: true, value: String(value.value) };
    if (value.kind === 'date')
      return { ok: true, value: isoDate(value.year, value.month, value.day) };
    return { ok: true, value: `${pad(value.month)}/${pad(value.day)}` };
  }
  if (INTEGER.has(type) || DECIMAL.has(type)) {
    const n =
      value.kind === 'number' ? value.value : value.kind === 'text' ? Number(value.value) : NaN;
    if (!Number.isFinite(n) || (INTEGER.has(type) && !Number.isInteger(n)))
      return { ok: false, reason: `not ${INTEGER.has(type) ? 'a whole number' : 'a number'}` };
    return { ok: true, value: n };
  }
  if (type === 'date' || type === 'datetime') {
    let day: string | null = null;
    if (value.kind === 'date') day = isoDate(value.year, value.month, value.day);
    else if (value.kind === 'month-day') {
      // A birthday has no year: keep the entry's year, or write nothing.
      const year = datePart(current)?.slice(0, 4);
      if (!year) return { ok: false, reason: 'a birthday without a year, and the entry has none' };
      day = `${year}-${pad(value.month)}-${pad(value.day)}`;
    } else return { ok: false, reason: 'not a date' };
    if (type === 'date') return { ok: true, value: day };
    return datePart(current) === day
      ? { ok: true, value: current }
      : { ok: true, value: `${day}T00:00:00.000Z` };
  }
  if (type === 'boolean') {
    const text =
      value.kind === 'text'
        ? value.value.toLowerCase()
        : value.kind === 'number'
          ? String(value.value)
          : '';
    if (['true', 'yes', '1'].includes(text)) return { ok: true, value: true };
    if (['false', 'no', '0'].includes(text)) return { ok: true, value: false };
    return { ok: false, reason: 'not true or false' };
  }
  if (type === 'enumeration') {
    const text =
      value.kind === 'text' ? value.value : value.kind === 'number' ? String(value.value) : '';
    return attribute.enum?.includes(text)
      ? { ok: true, value: text }
      : { ok: false, reason: `not one of ${(attribute.enum ?? []).join(', ')}` };
  }
  return { ok: false, reason: `a ${type} attribute is not written back` };
};

/** Whether the converted value differs from what the entry holds (dates compared by day). */
export const differs = (attribute: AttributeLike, next: unknown, current: unknown): boolean => {
  if (attribute.type === 'date') return datePart(current) !== next;
  if (attribute.type === 'datetime')
    return next === current ? false : datePart(current) !== datePart(next);
  if (next === null) return current !== null && current !== undefined && current !== '';
  if (typeof next === 'number') return Number(current) !== next || current === null;
  return next !== current;
};
