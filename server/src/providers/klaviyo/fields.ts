/**
 * Profile fields. Klaviyo has a few standard attributes and free-form custom properties; the
 * plugin's field tags are the attribute names (`first_name`, `location.city`, …) and, for
 * custom properties, the property name itself. Values are coerced as for Mailchimp so that a
 * bad value fails only its own contact (invariant 7).
 */
import type { AudienceField, FieldValue, MergeFieldKind, PreparedFields } from '../types';

export const STANDARD_FIELDS: AudienceField[] = [
  ['email', 'Email', 'text'],
  ['first_name', 'First name', 'text'],
  ['last_name', 'Last name', 'text'],
  ['phone_number', 'Phone number', 'phone'],
  ['organization', 'Organization', 'text'],
  ['title', 'Title', 'text'],
  ['locale', 'Locale', 'text'],
  ['location.address1', 'Address line 1', 'text'],
  ['location.address2', 'Address line 2', 'text'],
  ['location.city', 'City', 'text'],
  ['location.region', 'Region', 'text'],
  ['location.zip', 'Zip code', 'text'],
  ['location.country', 'Country', 'text'],
].map(([tag, name, type]) => ({
  tag,
  name,
  type: type as MergeFieldKind,
  required: tag === 'email',
  options: {},
}));

const STANDARD = new Set(STANDARD_FIELDS.map((f) => f.tag));

/** A custom property's kind, guessed from a value seen on a profile. */
export const kindOfValue = (value: unknown): MergeFieldKind =>
  typeof value === 'number'
    ? 'number'
    : typeof value === 'string' && /^\d{4}-\d{2}-\d{2}(T|$)/.test(value)
      ? 'date'
      : 'text';

const dateOf = (value: unknown): string | null => {
  if (value instanceof Date && !Number.isNaN(value.getTime()))
    return value.toISOString().slice(0, 10);
  if (typeof value !== 'string') return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/.exec(value.trim());
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCDate() === Number(m[3]) ? `${m[1]}-${m[2]}-${m[3]}` : null;
};

type Coerced = { ok: true; value: FieldValue } | { ok: false; reason: string };

export const coerce = (field: AudienceField, value: unknown): Coerced => {
  if (value === null || value === undefined || value === '')
    return field.required
      ? { ok: false, reason: `${field.tag} is required` }
      : { ok: true, value: '' };
  const text =
    typeof value === 'string'
      ? value
      : typeof value === 'number' || typeof value === 'boolean'
        ? String(value)
        : null;
  switch (field.type) {
    case 'number': {
      const n =
        typeof value === 'number'
          ? value
          : typeof value === 'boolean'
            ? Number(value)
            : Number(text ?? NaN);
      return Number.isFinite(n)
        ? { ok: true, value: n }
        : { ok: false, reason: `${field.tag} expects a number; "${String(value)}" is not one` };
    }
    case 'date':
    case 'birthday': {
      const date = dateOf(value);
      if (!date)
        return {
          ok: false,
          reason: `${field.tag} expects a date (YYYY-MM-DD); "${String(value)}" is not one`,
        };
      // A birthday keeps month and day only, as Mailchimp's MM/DD.
      return {
        ok: true,
        value: field.type === 'birthday' ? `${date.slice(5, 7)}/${date.slice(8, 10)}` : date,
      };
    }
    case 'url':
    case 'imageurl':
      return text && /^https?:\/\/\S+$/.test(text.trim())
        ? { ok: true, value: text.trim() }
        : {
            ok: false,
            reason: `${field.tag} expects a web address (http:// or https://); "${String(value)}" is not one`,
          };
    case 'phone':
      return text && /^[+\d][\d\s().-]{2,}$/.test(text.trim())
        ? { ok: true, value: text.trim() }
        : {
            ok: false,
            reason: `${field.tag} expects a phone number; "${String(value)}" is not one`,
          };
    case 'dropdown':
    case 'radio': {
      const choices = field.options.choices ?? [];
      if (text !== null && (choices.length === 0 || choices.includes(text)))
        return { ok: true, value: text };
      return {
        ok: false,
        reason: `${field.tag} accepts only ${choices.map((c) => `"${c}"`).join(', ')}; "${String(value)}" is not one of them`,
      };
    }
    case 'address': {
      if (typeof value !== 'object' || value === null || Array.isArray(value))
        return { ok: false, reason: `${field.tag} expects an address (addr1, city, state, zip)` };
      const a = value as Record<string, unknown>;
      const part = (k: string) => (a[k] === undefined || a[k] === null ? undefined : String(a[k]));
      return {
        ok: true,
        value: {
          address1: part('addr1'),
          address2: part('addr2'),
          city: part('city'),
          region: part('state'),
          zip: part('zip'),
          country: part('country'),
        },
      };
    }
    default:
      if (text === null)
        return { ok: false, reason: `${field.tag} expects text; got ${typeof value}` };
      return Buffer.byteLength(text) > 100_000
        ? { ok: false, reason: `${field.tag} is longer than Klaviyo's 100 KB per profile` }
        : { ok: true, value: text };
  }
};

export const prepareProperties = (
  fields: AudienceField[],
  values: Record<string, unknown>
): PreparedFields => {
  const byTag = new Map(fields.map((f) => [f.tag, f]));
  const out: Record<string, FieldValue> = {};
  const errors: PreparedFields['errors'] = [];
  for (const [tag, value] of Object.entries(values)) {
    const field = byTag.get(tag);
    if (!field) {
      errors.push({
        field: tag,
        message: `${tag} is not a profile field or recorded property of this list`,
      });
      continue;
    }
    const result = coerce(field, value);
    if (result.ok) out[tag] = result.value;
    else errors.push({ field: tag, message: result.reason });
  }
  return { values: out, errors };
};

export const fieldTypeFor = (attributeType: string): MergeFieldKind => {
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

/**
 * Prepared values → a profile's import attributes: standard ones at the top, `location.*`
 * nested, an address field spread into location, everything else a custom property. An empty
 * value clears (null), as a cleared Strapi field should.
 */
export const toProfileAttributes = (email: string, values: Record<string, FieldValue>) => {
  const attrs: Record<string, unknown> = { email };
  const location: Record<string, string | null> = {};
  const properties: Record<string, unknown> = {};
  for (const [tag, value] of Object.entries(values)) {
    if (tag === 'email') continue;
    const cleared = value === '' ? null : value;
    if (typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) if (v !== undefined) location[k] = v;
    } else if (tag.startsWith('location.') && STANDARD.has(tag))
      location[tag.slice(9)] = cleared === null ? null : String(cleared);
    else if (STANDARD.has(tag)) attrs[tag] = cleared === null ? null : String(cleared);
    else properties[tag] = cleared;
  }
  if (Object.keys(location).length) attrs.location = location;
  if (Object.keys(properties).length) attrs.properties = properties;
  return attrs;
};

/** Custom properties the plugin created, per key and list (Klaviyo has no property registry). */
const recorded = new Map<string, Map<string, AudienceField>>();

export const recordProperty = (scope: string, field: AudienceField) => {
  let fields = recorded.get(scope);
  if (!fields) recorded.set(scope, (fields = new Map()));
  fields.set(field.tag, field);
};

export const recordedProperties = (scope: string): AudienceField[] => [
  ...(recorded.get(scope)?.values() ?? []),
];

export const isStandard = (tag: string) => STANDARD.has(tag);
