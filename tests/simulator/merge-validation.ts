import type { MergeField } from './state';

export interface FieldProblem {
  field: string;
  message: string;
}

const isBlank = (value: unknown) => value === undefined || value === null || value === '';

const validDate = (y: number, m: number, d: number) => {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
};

/** The date formats Mailchimp accepts for a `date` merge field. */
const parseDate = (value: string): boolean => {
  let m = /^(\d{4})[-/](\d{2})[-/](\d{2})$/.exec(value);
  if (m) return validDate(+m[1], +m[2], +m[3]);
  m = /^(\d{2})-(\d{2})-(\d{4})$/.exec(value); // DD-MM-YYYY
  if (m) return validDate(+m[3], +m[2], +m[1]);
  m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(value); // MM/DD/YYYY
  if (m) return validDate(+m[3], +m[1], +m[2]);
  return false;
};

const parseBirthday = (value: string, format = 'MM/DD'): boolean => {
  const m = /^(\d{2})\/(\d{2})$/.exec(value);
  if (!m) return false;
  const [month, day] = format === 'DD/MM' ? [+m[2], +m[1]] : [+m[1], +m[2]];
  return validDate(2000, month, day); // a leap year, so 02/29 is a valid birthday
};

const checkValue = (field: MergeField, value: unknown): string | null => {
  switch (field.type) {
    case 'text':
      if (typeof value !== 'string' && typeof value !== 'number') return 'Please enter text';
      return Buffer.byteLength(String(value)) > 255 ? 'Text must be 255 bytes or fewer' : null;
    case 'number':
      return typeof value === 'number' ||
        (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value)))
        ? null
        : 'Please enter a number';
    case 'date':
      return typeof value === 'string' && parseDate(value) ? null : 'Please enter a date';
    case 'birthday':
      return typeof value === 'string' && parseBirthday(value, field.options.date_format)
        ? null
        : `Please enter a valid birthday (${field.options.date_format ?? 'MM/DD'})`;
    case 'address': {
      if (typeof value !== 'object' || value === null) return 'Please enter a complete address';
      const address = value as Record<string, unknown>;
      const missing = ['addr1', 'city', 'state', 'zip'].filter((key) => isBlank(address[key]));
      return missing.length > 0 ? 'Please enter a complete address' : null;
    }
    case 'phone':
      if (typeof value !== 'string') return 'Please enter a phone number';
      if (field.options.phone_format === 'US') {
        return /^\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4}$/.test(value)
          ? null
          : 'Please enter a valid US phone number';
      }
      return /^[+\d][\d\s().-]{2,}$/.test(value) ? null : 'Please enter a phone number';
    case 'zip':
      return typeof value === 'string' && /^\d{5}$/.test(value)
        ? null
        : 'Please enter a five digit zip code';
    case 'url':
    case 'imageurl':
      return typeof value === 'string' && /^https?:\/\/\S+$/.test(value)
        ? null
        : 'Please enter a valid URL';
    case 'dropdown':
    case 'radio':
      return typeof value === 'string' && (field.options.choices ?? []).includes(value)
        ? null
        : `Please choose one of: ${(field.options.choices ?? []).join(', ')}`;
    default:
      return null;
  }
};

/**
 * Validates merge-field values against the audience's fields, as Mailchimp does: unknown tags,
 * wrong formats and (for a new member) missing required fields are reported per field.
 */
export const validateMergeFields = (
  fields: MergeField[],
  values: Record<string, unknown>,
  { isNew }: { isNew: boolean }
): FieldProblem[] => {
  const problems: FieldProblem[] = [];
  const byTag = new Map(fields.map((field) => [field.tag, field]));
  for (const [tag, value] of Object.entries(values)) {
    const field = byTag.get(tag);
    if (!field) {
      problems.push({
        field: tag,
        message: `Merge field "${tag}" does not exist in this audience`,
      });
      continue;
    }
    if (isBlank(value)) {
      if (field.required) problems.push({ field: tag, message: 'Please enter a value' });
      continue;
    }
    const message = checkValue(field, value);
    if (message) problems.push({ field: tag, message });
  }
  if (isNew) {
    for (const field of fields) {
      if (field.required && isBlank(values[field.tag]) && isBlank(field.default_value)) {
        problems.push({ field: field.tag, message: 'Please enter a value' });
      }
    }
  }
  return problems;
};
