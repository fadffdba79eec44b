import type { AdminUser } from '../utils/actor';

/**
 * The part of Koa's context the plugin's controllers use: one shape for all of them. `Body` is
 * the request body's type (the public webhook takes whatever the platform posts).
 */
export interface Ctx<Body = Record<string, unknown>> {
  params: Record<string, string>;
  query: Record<string, string | undefined>;
  request: { body?: Body; ip: string };
  state: { user?: AdminUser };
  body: unknown;
  status: number;
  type: string;
  set(field: string, value: string): void;
  redirect(url: string): void;
}
