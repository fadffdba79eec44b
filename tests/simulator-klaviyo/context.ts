import type { KlaviyoSimulator } from './index';
import type { Tier } from './rate-limits';
import type { Account } from './state';
import { errors } from './errors';

export interface Ctx {
  sim: KlaviyoSimulator;
  account: Account;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  /** `http://host:port`, for links. */
  base: string;
  path: string;
}

export interface Result {
  status: number;
  body?: unknown;
}

export interface Route {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** `/api/lists/:id/relationships/profiles` */
  path: string;
  /** The endpoint's name in the request log and the rate-limit key (the SDK's method name). */
  name: string;
  tier: Tier | ((query: URLSearchParams) => Tier);
  handler: (ctx: Ctx) => Result | Promise<Result>;
}

export const ok = (body: unknown): Result => ({ status: 200, body });
export const created = (body: unknown): Result => ({ status: 201, body });
export const accepted = (body?: unknown): Result => ({ status: 202, body });
export const noContent = (): Result => ({ status: 204 });

/** One JSON:API resource object. */
export const resource = (
  ctx: Ctx,
  type: string,
  id: string,
  attributes: Record<string, unknown>,
  relationships?: Record<string, unknown>
) => ({
  type,
  id,
  attributes,
  ...(relationships ? { relationships } : {}),
  links: { self: `${ctx.base}/api/${type}s/${id}/` },
});

/** Cursor paging: the cursor is the offset, opaque to clients as Klaviyo's are. */
export const pageOf = <T>(
  ctx: Ctx,
  items: T[],
  { max, fallback }: { max: number; fallback: number }
) => {
  const sizeRaw = ctx.query.get('page[size]');
  const size = sizeRaw === null ? fallback : Number(sizeRaw);
  if (!Number.isInteger(size) || size < 1 || size > max)
    throw errors.invalidParam(`page[size] must be an integer from 1 to ${max}.`, 'page[size]');
  const cursor = ctx.query.get('page[cursor]');
  const offset = cursor ? Number(Buffer.from(cursor, 'base64url').toString('utf8')) : 0;
  if (!Number.isInteger(offset) || offset < 0)
    throw errors.invalidParam('Invalid page cursor.', 'page[cursor]');
  const slice = items.slice(offset, offset + size);
  const link = (at: number) => {
    const q = new URLSearchParams(ctx.query);
    q.set('page[cursor]', Buffer.from(String(at)).toString('base64url'));
    return `${ctx.base}${ctx.path}?${q.toString()}`;
  };
  return {
    items: slice,
    links: {
      self: `${ctx.base}${ctx.path}`,
      next: offset + size < items.length ? link(offset + size) : null,
      prev: offset > 0 ? link(Math.max(0, offset - size)) : null,
    },
  };
};

/** The `data` object of a JSON:API request body, of the expected type. */
export const dataOf = (ctx: Ctx, type: string): Record<string, unknown> => {
  const body = ctx.body as { data?: unknown } | undefined;
  if (!body || typeof body !== 'object' || !body.data || typeof body.data !== 'object')
    throw errors.invalid(
      'The request body must be a JSON:API document with a "data" object.',
      '/data'
    );
  const data = body.data as Record<string, unknown>;
  if (data.type !== type)
    throw errors.invalid(
      `"data.type" must be "${type}", got ${JSON.stringify(data.type)}.`,
      '/data/type'
    );
  return data;
};

export const attrsOf = (data: Record<string, unknown>): Record<string, unknown> => {
  const attrs = data.attributes;
  if (!attrs || typeof attrs !== 'object')
    throw errors.invalid('"data.attributes" is required.', '/data/attributes');
  return attrs as Record<string, unknown>;
};

/** `relationships.<name>.data` → ids (one or many) of `type`. */
export const relIds = (data: Record<string, unknown>, name: string, type: string): string[] => {
  const rel = (data.relationships as Record<string, { data?: unknown }> | undefined)?.[name];
  if (!rel || rel.data === undefined || rel.data === null) return [];
  const items = Array.isArray(rel.data) ? rel.data : [rel.data];
  return items.map((item, i) => {
    const r = item as { type?: string; id?: string };
    if (r.type !== type || typeof r.id !== 'string')
      throw errors.invalid(
        `relationships.${name}.data must be {type: "${type}", id}.`,
        `/data/relationships/${name}/data${Array.isArray(rel.data) ? `/${i}` : ''}`
      );
    return r.id;
  });
};

export const requireString = (value: unknown, pointer: string, what: string): string => {
  if (typeof value !== 'string' || value.trim() === '')
    throw errors.invalid(`${what} is required and must be a non-empty string.`, pointer);
  return value;
};

export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;
