import type {
  SegmentAttribute,
  SegmentAttributeType,
  SegmentCondition,
  SegmentOperator,
  SegmentValue,
} from '../../api/segments';

export const NO_VALUE: SegmentOperator[] = ['isEmpty', 'isNotEmpty'];
export const LIST_VALUE: SegmentOperator[] = ['in', 'notIn'];

const NUMBER_TYPES: SegmentAttributeType[] = ['integer', 'biginteger', 'decimal', 'float'];
const DATE_TYPES: SegmentAttributeType[] = ['date', 'datetime'];

/** Which input a condition's value needs, from its attribute's type and its operator. */
export type ValueKind =
  | 'none'
  | 'list'
  | 'enumList'
  | 'enum'
  | 'boolean'
  | 'number'
  | 'date'
  | 'text';

export const valueKind = (
  attribute: SegmentAttribute | undefined,
  operator: SegmentOperator
): ValueKind => {
  if (NO_VALUE.includes(operator)) return 'none';
  const type = attribute?.type ?? 'string';
  if (LIST_VALUE.includes(operator))
    return type === 'enumeration' && attribute?.enum ? 'enumList' : 'list';
  if (type === 'enumeration' && attribute?.enum) return 'enum';
  if (type === 'boolean') return 'boolean';
  if (NUMBER_TYPES.includes(type)) return 'number';
  if (DATE_TYPES.includes(type)) return 'date';
  return 'text';
};

/** The value a fresh condition row starts with, so that only a missing choice is left open. */
export const initialValue = (kind: ValueKind): SegmentValue | undefined => {
  if (kind === 'list' || kind === 'enumList') return [];
  if (kind === 'boolean') return true;
  return undefined;
};

/** A new row (or a row whose attribute changed): the attribute's first operator. */
export const conditionFor = (attribute: SegmentAttribute): SegmentCondition => {
  const operator = attribute.operators[0] ?? 'eq';
  return withOperator({ field: attribute.path, operator }, attribute, operator);
};

/** Keeps the value when it still fits the new operator's input, resets it otherwise. */
export const withOperator = (
  condition: SegmentCondition,
  attribute: SegmentAttribute | undefined,
  operator: SegmentOperator
): SegmentCondition => {
  const before = valueKind(attribute, condition.operator);
  const after = valueKind(attribute, operator);
  const value = before === after ? condition.value : initialValue(after);
  return value === undefined
    ? { field: condition.field, operator }
    : { ...condition, operator, value };
};

/** Whether the row says enough to be counted: a preview of half-written rows would mislead. */
export const isComplete = (
  condition: SegmentCondition,
  attribute: SegmentAttribute | undefined
) => {
  if (!condition.field) return false;
  const kind = valueKind(attribute, condition.operator);
  const { value } = condition;
  if (kind === 'none') return true;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'string') return value.trim() !== '';
  return value !== undefined;
};

/** 2024-05-01 for a date attribute (the local calendar day picked), full ISO for a datetime. */
export const dateValue = (date: Date, type: SegmentAttributeType) => {
  if (type === 'datetime') return date.toISOString();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
};

/** The stored value back as the local day the date picker shows. */
export const parseDateValue = (value: SegmentValue | undefined): Date | undefined => {
  if (typeof value !== 'string' || !value) return undefined;
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = day ? new Date(Number(day[1]), Number(day[2]) - 1, Number(day[3])) : new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
};
