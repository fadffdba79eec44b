import { errors } from './errors';

/**
 * Klaviyo's filter syntax (developers.klaviyo.com "api-overview#filtering"):
 * `equals(email,"a@b.c")`, `any(email,["a","b"])`, `greater-than(updated,2024-01-01T00:00:00Z)`,
 * combined with `and(…)` or a top-level comma list (also AND).
 */
export type FilterValue = string | number | boolean | null | FilterValue[];
export interface Condition {
  op: string;
  field: string;
  value: FilterValue;
}

const OPERATORS = new Set([
  'equals',
  'any',
  'greater-than',
  'greater-or-equal',
  'less-than',
  'less-or-equal',
  'contains',
  'contains-any',
  'contains-all',
  'starts-with',
  'ends-with',
  'has',
]);

class Parser {
  private i = 0;
  constructor(private readonly s: string) {}

  private fail(what: string): never {
    throw errors.invalidParam(`Invalid filter provided: ${what} at position ${this.i}.`, 'filter');
  }
  private ws() {
    while (this.s[this.i] === ' ') this.i++;
  }
  private expect(ch: string) {
    this.ws();
    if (this.s[this.i] !== ch) this.fail(`expected "${ch}"`);
    this.i++;
  }
  private word(): string {
    this.ws();
    const m = /^[A-Za-z_][\w.-]*/.exec(this.s.slice(this.i));
    if (!m) this.fail('expected a name');
    this.i += m[0].length;
    return m[0];
  }
  private value(): FilterValue {
    this.ws();
    const ch = this.s[this.i];
    if (ch === '"' || ch === "'") {
      const end = this.s.indexOf(ch, this.i + 1);
      if (end === -1) this.fail('unterminated string');
      const text = this.s.slice(this.i + 1, end);
      this.i = end + 1;
      return text;
    }
    if (ch === '[') {
      this.i++;
      const items: FilterValue[] = [];
      this.ws();
      if (this.s[this.i] === ']') {
        this.i++;
        return items;
      }
      for (;;) {
        items.push(this.value());
        this.ws();
        if (this.s[this.i] === ',') {
          this.i++;
          continue;
        }
        this.expect(']');
        return items;
      }
    }
    const m = /^[^,)\]]+/.exec(this.s.slice(this.i));
    if (!m) this.fail('expected a value');
    this.i += m[0].length;
    const raw = m[0].trim();
    if (raw === 'true' || raw === 'false') return raw === 'true';
    if (raw === 'null') return null;
    if (/^-?\d+(\.\d+)?$/.test(raw)) return Number(raw);
    if (!Number.isNaN(Date.parse(raw))) return raw;
    this.fail(`"${raw}" is not a quoted string, number, boolean or date`);
  }

  private expression(out: Condition[]) {
    const op = this.word();
    this.expect('(');
    if (op === 'and') {
      for (;;) {
        this.expression(out);
        this.ws();
        if (this.s[this.i] === ',') {
          this.i++;
          continue;
        }
        break;
      }
      this.expect(')');
      return;
    }
    if (op === 'or' || op === 'not') this.fail(`"${op}" is not supported on this endpoint`);
    if (!OPERATORS.has(op)) this.fail(`unknown operator "${op}"`);
    const field = this.word();
    this.expect(',');
    const value = this.value();
    this.expect(')');
    out.push({ op, field, value });
  }

  parse(): Condition[] {
    const out: Condition[] = [];
    for (;;) {
      this.expression(out);
      this.ws();
      if (this.i >= this.s.length) return out;
      this.expect(',');
    }
  }
}

/** Parses and checks every condition against the endpoint's allowed field → operators. */
export const parseFilter = (raw: string | null, allowed: Record<string, string[]>): Condition[] => {
  if (!raw) return [];
  const conditions = new Parser(raw).parse();
  for (const c of conditions) {
    const ops = allowed[c.field];
    if (!ops)
      throw errors.invalidParam(
        `Invalid filter provided: "${c.field}" is not a filterable field.`,
        'filter'
      );
    if (!ops.includes(c.op))
      throw errors.invalidParam(
        `Invalid filter provided: operator "${c.op}" is not allowed for "${c.field}" (allowed: ${ops.join(', ')}).`,
        'filter'
      );
    if (c.op === 'any' && (!Array.isArray(c.value) || c.value.length > 100))
      throw errors.invalidParam(
        'Invalid filter provided: "any" takes a list of at most 100 values.',
        'filter'
      );
  }
  return conditions;
};

const compare = (a: unknown, op: string, b: FilterValue): boolean => {
  if (a === undefined || a === null) return false;
  switch (op) {
    case 'equals':
      return String(a).toLowerCase() === String(b).toLowerCase();
    case 'any':
      return (b as FilterValue[]).some((v) => String(a).toLowerCase() === String(v).toLowerCase());
    case 'contains':
      return String(a).toLowerCase().includes(String(b).toLowerCase());
    case 'greater-than':
      return Date.parse(String(a)) > Date.parse(String(b));
    case 'greater-or-equal':
      return Date.parse(String(a)) >= Date.parse(String(b));
    case 'less-than':
      return Date.parse(String(a)) < Date.parse(String(b));
    case 'less-or-equal':
      return Date.parse(String(a)) <= Date.parse(String(b));
    default:
      return false;
  }
};

/**
 * Whether a resource matches every condition. `get` reads a field; for fields inside arrays
 * (suppressions), it returns the array of records and conditions on one array must hold for
 * the same element.
 */
export const matches = (
  conditions: Condition[],
  get: (field: string) => unknown,
  arrays: Record<string, (item: Record<string, unknown>) => unknown> = {}
): boolean => {
  const grouped = new Map<string, Condition[]>();
  const plain: Condition[] = [];
  for (const c of conditions) {
    const prefix = Object.keys(arrays).find((p) => c.field.startsWith(`${p}.`));
    if (prefix) grouped.set(prefix, [...(grouped.get(prefix) ?? []), c]);
    else plain.push(c);
  }
  if (!plain.every((c) => compare(get(c.field), c.op, c.value))) return false;
  for (const [prefix, conds] of grouped) {
    const items = (get(prefix) as Array<Record<string, unknown>>) ?? [];
    const ok = items.some((item) =>
      conds.every((c) => compare(item[c.field.slice(prefix.length + 1)], c.op, c.value))
    );
    if (!ok) return false;
  }
  return true;
};
