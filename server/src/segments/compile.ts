import type {
  SegmentAttribute,
  SegmentCondition,
  SegmentMatch,
  SegmentOperator,
} from '../types/segments';

/** A Strapi filter object (`filters` of the document service). */
export type StrapiFilters = Record<string, unknown>;

export interface SegmentProblem {
  /** 'conditions.2.value', 'match', …: the admin shows the message next to that input. */
  path: string;
  message: string;
}

export type CompileResult =
  | { ok: true; filters: StrapiFilters }
  | { ok: false; problems: SegmentProblem[] };

const OPERATORS: ReadonlySet<string> = new Set<SegmentOperator>([
  'eq',
  'ne',
  'contains',
  'notContains',
  'in',
  'notIn',
  'before',
  'after',
  'gt',
  'lt',
  'isEmpty',
  'isNotEmpty',
]);

const TEXTUAL = new Set(['string', 'text', 'email', 'uid', 'enumeration']);
const NUMERIC = new Set(['integer', 'biginteger', 'decimal', 'float']);
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/;

/** `{ organization: { name: leaf } }` for 'organization.name'. */
const at = (path: string, leaf: unknown): StrapiFilters =>
  path
    .split('.')
    .reverse()
    .reduce<unknown>((inner, key) => ({ [key]: inner }), leaf) as StrapiFilters;

type Scalar = string | number | boolean;

/** Reads one value for the attribute's type, or says what is wrong with it. */
const readScalar = (
  attribute: SegmentAttribute,
  raw: unknown
): { value: Scalar } | { error: string } => {
  const { type } = attribute;
  if (raw === undefined || raw === null || raw === '') return { error: 'needs a value' };
  if (type === 'boolean') {
    if (raw === true || raw === 'true') return { value: true };
    if (raw === false || raw === 'false') return { value: false };
    return { error: 'must be true or false' };
  }
  if (NUMERIC.has(type)) {
    const n = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number(raw) : NaN;
    if (!Number.isFinite(n)) return { error: `must be a number, got ${JSON.stringify(raw)}` };
    if ((type === 'integer' || type === 'biginteger') && !Number.isInteger(n))
      return { error: `must be a whole number, got ${n}` };
    return { value: n };
  }
  if (typeof raw !== 'string') return { error: `must be text, got ${JSON.stringify(raw)}` };
  if (type === 'date') {
    const day = raw.slice(0, 10);
    if (!DATE_ONLY.test(day) || Number.isNaN(Date.parse(day)))
      return { error: `must be a date (YYYY-MM-DD), got "${raw}"` };
    return { value: day };
  }
  if (type === 'datetime') {
    const time = Date.parse(raw);
    if (Number.isNaN(time)) return { error: `must be a date and time (ISO 8601), got "${raw}"` };
    return { value: new Date(time).toISOString() };
  }
  if (type === 'time') {
    if (!TIME.test(raw)) return { error: `must be a time (HH:mm), got "${raw}"` };
    return { value: raw.length === 5 ? `${raw}:00` : raw };
  }
  if (type === 'enumeration' && attribute.enum && !attribute.enum.includes(raw))
    return { error: `"${raw}" is not one of ${attribute.enum.join(', ')}` };
  return { value: raw };
};

/** Filters on one attribute that also match an empty value: "is not X" includes "has none". */
const orEmpty = (path: string, leaf: Record<string, unknown>): StrapiFilters => ({
  $or: [at(path, leaf), at(path, { $null: true })],
});

const emptyFilter = (attribute: SegmentAttribute): StrapiFilters =>
  TEXTUAL.has(attribute.type)
    ? { $or: [at(attribute.path, { $null: true }), at(attribute.path, { $eq: '' })] }
    : at(attribute.path, { $null: true });

const notEmptyFilter = (attribute: SegmentAttribute): StrapiFilters =>
  TEXTUAL.has(attribute.type)
    ? { $and: [at(attribute.path, { $notNull: true }), at(attribute.path, { $ne: '' })] }
    : at(attribute.path, { $notNull: true });

/** One condition → a Strapi filter, or the problem that makes it invalid. */
const compileCondition = (
  condition: SegmentCondition,
  attribute: SegmentAttribute
): { filter: StrapiFilters } | { error: string; on: 'operator' | 'value' } => {
  const { operator, value } = condition;
  const { path, type, label } = attribute;
  if (!attribute.operators.includes(operator))
    return {
      on: 'operator',
      error: `"${operator}" does not apply to ${label} (a ${type} attribute); use one of ${attribute.operators.join(', ')}`,
    };
  if (operator === 'isEmpty') return { filter: emptyFilter(attribute) };
  if (operator === 'isNotEmpty') return { filter: notEmptyFilter(attribute) };
  if (operator === 'in' || operator === 'notIn') {
    const list = Array.isArray(value) ? value : typeof value === 'string' ? [value] : null;
    if (!list || list.length === 0) return { on: 'value', error: 'needs at least one value' };
    const values: Scalar[] = [];
    for (const item of list) {
      const read = readScalar(attribute, item);
      if ('error' in read) return { on: 'value', error: read.error };
      values.push(read.value);
    }
    return {
      filter: operator === 'in' ? at(path, { $in: values }) : orEmpty(path, { $notIn: values }),
    };
  }
  if (Array.isArray(value)) return { on: 'value', error: 'takes a single value, not a list' };
  const read = readScalar(attribute, value);
  if ('error' in read) return { on: 'value', error: read.error };
  const v = read.value;
  switch (operator) {
    case 'eq':
      return { filter: at(path, { $eq: v }) };
    case 'ne':
      return { filter: orEmpty(path, { $ne: v }) };
    // Case-insensitive: an editor typing "acme" means Acme too.
    case 'contains':
      return { filter: at(path, { $containsi: v }) };
    case 'notContains':
      return { filter: orEmpty(path, { $notContainsi: v }) };
    case 'before':
    case 'lt':
      return { filter: at(path, { $lt: v }) };
    case 'after':
    case 'gt':
      return { filter: at(path, { $gt: v }) };
  }
  return { on: 'operator', error: `unknown operator "${String(operator)}"` };
};

/** Reads the conditions of a request body; what is not even shaped like a condition is reported. */
export const readConditions = (
  raw: unknown
): { conditions: SegmentCondition[]; problems: SegmentProblem[] } => {
  if (raw === undefined || raw === null) return { conditions: [], problems: [] };
  if (!Array.isArray(raw))
    return {
      conditions: [],
      problems: [{ path: 'conditions', message: 'Conditions must be a list.' }],
    };
  const problems: SegmentProblem[] = [];
  const conditions = raw.map((item, i): SegmentCondition => {
    const c = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
    if (typeof c.field !== 'string' || c.field.trim() === '')
      problems.push({
        path: `conditions.${i}.field`,
        message: `Condition ${i + 1}: choose a field.`,
      });
    if (typeof c.operator !== 'string' || !OPERATORS.has(c.operator))
      problems.push({
        path: `conditions.${i}.operator`,
        message: `Condition ${i + 1}: choose an operator (${[...OPERATORS].join(', ')}).`,
      });
    return {
      field: typeof c.field === 'string' ? c.field.trim() : '',
      operator: c.operator as SegmentOperator,
      ...(c.value !== undefined ? { value: c.value as SegmentCondition['value'] } : {}),
    };
  });
  return { conditions, problems };
};

/**
 * Conditions → Strapi filters, checked against the attributes the source type has now. A field
 * that no longer exists (removed from the content type since the segment was saved) is a
 * problem naming it, never a query that crashes.
 */
export const compileSegment = (
  match: SegmentMatch,
  conditions: SegmentCondition[],
  attributes: SegmentAttribute[],
  typeName: string
): CompileResult => {
  const byPath = new Map(attributes.map((a) => [a.path, a]));
  const problems: SegmentProblem[] = [];
  const filters: StrapiFilters[] = [];
  conditions.forEach((condition, i) => {
    const attribute = byPath.get(condition.field);
    if (!attribute) {
      const deep = condition.field.split('.').length > 2;
      problems.push({
        path: `conditions.${i}.field`,
        message: deep
          ? `Condition ${i + 1}: "${condition.field}" goes more than one relation deep; segments filter on a related type's own attributes only.`
          : `Condition ${i + 1}: "${condition.field}" is not an attribute of ${typeName} (was it removed from the content type?).`,
      });
      return;
    }
    const compiled = compileCondition(condition, attribute);
    if ('error' in compiled)
      problems.push({
        path: `conditions.${i}.${compiled.on}`,
        message: `Condition ${i + 1} (${attribute.label}): ${compiled.error}.`,
      });
    else filters.push(compiled.filter);
  });
  if (problems.length > 0) return { ok: false, problems };
  if (filters.length === 0) return { ok: true, filters: {} };
  return { ok: true, filters: match === 'any' ? { $or: filters } : { $and: filters } };
};
