import type { SchemaLike } from '../sync/sources';
import type { SegmentAttribute, SegmentAttributeType, SegmentOperator } from '../types/segments';

const TEXT: SegmentOperator[] = [
  'eq',
  'ne',
  'contains',
  'notContains',
  'in',
  'notIn',
  'isEmpty',
  'isNotEmpty',
];
const NUMBER: SegmentOperator[] = ['eq', 'ne', 'gt', 'lt', 'in', 'notIn', 'isEmpty', 'isNotEmpty'];
const DATE: SegmentOperator[] = ['eq', 'before', 'after', 'isEmpty', 'isNotEmpty'];

/** The operators that make sense for each filterable attribute type. */
export const OPERATORS: Record<SegmentAttributeType, SegmentOperator[]> = {
  string: TEXT,
  text: TEXT,
  email: TEXT,
  uid: TEXT,
  enumeration: ['eq', 'ne', 'in', 'notIn', 'isEmpty', 'isNotEmpty'],
  boolean: ['eq', 'ne', 'isEmpty', 'isNotEmpty'],
  integer: NUMBER,
  biginteger: NUMBER,
  decimal: NUMBER,
  float: NUMBER,
  date: DATE,
  datetime: DATE,
  time: DATE,
};

const isFilterable = (type: string): type is SegmentAttributeType => type in OPERATORS;

/** Strapi bookkeeping that says nothing about a contact (createdAt/updatedAt do: kept). */
const HIDDEN = new Set([
  'id',
  'documentId',
  'publishedAt',
  'createdBy',
  'updatedBy',
  'locale',
  'localizations',
]);

/** 'marketingConsent' → 'Marketing consent'. */
export const humanize = (name: string) => {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

const scalars = (schema: SchemaLike, prefix = '', labelPrefix = ''): SegmentAttribute[] =>
  Object.entries(schema.attributes)
    .filter(([name, attribute]) => !HIDDEN.has(name) && !attribute.private)
    .flatMap(([name, attribute]) => {
      if (!isFilterable(attribute.type)) return [];
      return [
        {
          path: `${prefix}${name}`,
          label: `${labelPrefix}${humanize(name)}`,
          type: attribute.type,
          operators: OPERATORS[attribute.type],
          ...(attribute.type === 'enumeration' && attribute.enum ? { enum: attribute.enum } : {}),
        },
      ];
    });

/**
 * What a segment can filter on: the source type's scalar attributes, and those of each related
 * type one level deep ('organization.name'). Relations of relations are not offered: a filter
 * two joins away is slow to evaluate and hard for an editor to read.
 */
export const listSegmentAttributes = (
  schemas: Record<string, SchemaLike>,
  uid: string
): SegmentAttribute[] => {
  const schema = schemas[uid];
  if (!schema) return [];
  const own = scalars(schema);
  const related = Object.entries(schema.attributes)
    .filter(([name, attribute]) => !HIDDEN.has(name) && !attribute.private)
    .flatMap(([name, attribute]) => {
      if (attribute.type !== 'relation' || !attribute.target) return [];
      const target = schemas[attribute.target];
      if (!target || attribute.target.startsWith('admin::')) return [];
      return scalars(target, `${name}.`, `${humanize(name)} › `);
    });
  return [...own, ...related];
};
