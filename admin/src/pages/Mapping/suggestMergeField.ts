import type { MergeFieldKind, SourceAttribute } from '../../api/sync';

const NUMERIC = new Set(['integer', 'biginteger', 'decimal', 'float']);

/** The Mailchimp merge-field type a Strapi attribute's values are best kept in. */
export const suggestMergeType = (attribute: SourceAttribute): MergeFieldKind => {
  if (NUMERIC.has(attribute.type)) return 'number';
  if (attribute.type === 'date' || attribute.type === 'datetime')
    return /birth/i.test(attribute.name) ? 'birthday' : 'date';
  if (attribute.type === 'enumeration') return 'dropdown';
  if (/phone/i.test(attribute.name)) return 'phone';
  if (/^(zip|postcode|postal)/i.test(attribute.name)) return 'zip';
  if (/url|website/i.test(attribute.name)) return 'url';
  return 'text';
};

/** A merge tag from an attribute name: Mailchimp wants up to 10 letters, digits or underscores. */
export const suggestMergeTag = (attribute: SourceAttribute): string =>
  attribute.name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9_]/g, '')
    .toUpperCase()
    .slice(0, 10);

/** A readable merge-field name: "firstName" → "First name". */
export const suggestMergeName = (attribute: SourceAttribute): string => {
  const words = attribute.name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1).toLowerCase();
};
