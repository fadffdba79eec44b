import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import spec from './spec/mailchimp-operations.json';

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  schema: Record<string, unknown>;
}

interface Operation {
  operationId: string;
  parameters: Parameter[];
  requestBody: { required: boolean; schema: Record<string, unknown> } | null;
}

export const SPEC_VERSION = spec.specVersion;

interface CompiledOperation {
  key: string;
  method: string;
  template: string;
  pattern: RegExp;
  pathParams: string[];
  query: Parameter[];
  queryValidators: Map<string, ValidateFunction>;
  body: ValidateFunction | null;
  bodyRequired: boolean;
}

export interface MatchedRequest {
  key: string;
  template: string;
  params: Record<string, string>;
  query: Record<string, unknown>;
  body: unknown;
}

export type SpecCheck =
  | { ok: true; request: MatchedRequest }
  | { ok: false; reason: 'not_found' }
  | { ok: false; reason: 'method_not_allowed' }
  | { ok: false; reason: 'invalid'; errors: Array<{ field: string; message: string }> };

// formats (date-time, …) are Mailchimp's to interpret loosely; types, enums, required and
// bounds are what the simulator holds requests to.
const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });

const compile = (key: string, op: Operation): CompiledOperation => {
  const [method, template] = key.split(' ');
  const pathParams: string[] = [];
  const pattern = new RegExp(
    '^' +
      template.replace(/\{(\w+)\}/g, (_, name: string) => {
        pathParams.push(name);
        return '([^/]+)';
      }) +
      '/?$'
  );
  const query = op.parameters.filter((p) => p.in === 'query');
  return {
    key,
    method,
    template,
    pattern,
    pathParams,
    query,
    queryValidators: new Map(query.map((p) => [p.name, ajv.compile(p.schema)])),
    body: op.requestBody ? ajv.compile(op.requestBody.schema) : null,
    bodyRequired: Boolean(op.requestBody?.required),
  };
};

const operations = Object.entries(spec.operations as unknown as Record<string, Operation>).map(
  ([key, op]) => compile(key, op)
);

const describe = (error: ErrorObject): { field: string; message: string } => {
  const field = error.instancePath.replace(/^\//, '').replace(/\//g, '.');
  const missing = (error.params as { missingProperty?: string }).missingProperty;
  if (missing)
    return {
      field: field ? `${field}.${missing}` : missing,
      message: 'This value should not be blank.',
    };
  if (error.keyword === 'enum') {
    const allowed = (error.params as { allowedValues: unknown[] }).allowedValues;
    return {
      field,
      message: `Data presented is not one of the accepted values: ${allowed.join(', ')}.`,
    };
  }
  if (error.keyword === 'type') {
    return {
      field,
      message: `Schema describes ${String((error.params as { type: string }).type)}, ${typeof error.data === 'object' ? (error.data === null ? 'NULL' : Array.isArray(error.data) ? 'array' : 'object') : typeof error.data} found instead`,
    };
  }
  return { field, message: error.message ?? 'Invalid value.' };
};

/** Query strings are text; turn them into the schema's type before validating. */
const coerceQuery = (raw: string, schema: Record<string, unknown>): unknown => {
  switch (schema.type) {
    case 'integer':
    case 'number':
      return raw.trim() !== '' && !Number.isNaN(Number(raw)) ? Number(raw) : raw;
    case 'boolean':
      return raw === 'true' ? true : raw === 'false' ? false : raw;
    case 'array':
      return raw.split(',');
    default:
      return raw;
  }
};

/**
 * Matches a request to an operation of the vendored spec and validates its path, query and
 * JSON body. Unknown query parameters are ignored, as Mailchimp does.
 */
export const checkRequest = (
  method: string,
  path: string,
  rawQuery: URLSearchParams,
  body: unknown
): SpecCheck => {
  const candidates = operations.filter((op) => op.pattern.test(path));
  if (candidates.length === 0) return { ok: false, reason: 'not_found' };
  const op = candidates.find((candidate) => candidate.method === method);
  if (!op) return { ok: false, reason: 'method_not_allowed' };

  const match = op.pattern.exec(path)!;
  const params = Object.fromEntries(
    op.pathParams.map((name, i) => [name, decodeURIComponent(match[i + 1])])
  );
  const errors: Array<{ field: string; message: string }> = [];
  const query: Record<string, unknown> = {};
  for (const param of op.query) {
    const raw = rawQuery.get(param.name);
    if (raw === null) {
      if (param.required)
        errors.push({ field: param.name, message: 'This value should not be blank.' });
      continue;
    }
    const value = coerceQuery(raw, param.schema);
    const validate = op.queryValidators.get(param.name)!;
    if (!validate(value)) {
      for (const error of validate.errors ?? []) {
        const described = describe(error);
        errors.push({ field: param.name, message: described.message });
      }
    } else {
      query[param.name] = value;
    }
  }
  if (op.body) {
    if (body === undefined) {
      if (op.bodyRequired)
        errors.push({ field: '', message: 'Schema describes object, NULL found instead' });
    } else if (!op.body(body)) {
      errors.push(...(op.body.errors ?? []).map(describe));
    }
  }
  if (errors.length > 0) return { ok: false, reason: 'invalid', errors };
  return { ok: true, request: { key: op.key, template: op.template, params, query, body } };
};

export const operationKeys = () => operations.map((op) => op.key);
