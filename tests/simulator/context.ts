import type { MailchimpSimulator } from './index';
import type { Account } from './state';

export interface HandlerContext {
  sim: MailchimpSimulator;
  account: Account;
  params: Record<string, string>;
  query: Record<string, unknown>;
  body: unknown;
}

export interface HandlerResult {
  status: number;
  body?: unknown;
}

export type Handler = (ctx: HandlerContext) => HandlerResult | Promise<HandlerResult>;

export const ok = (body: unknown): HandlerResult => ({ status: 200, body });
export const noContent = (): HandlerResult => ({ status: 204 });

/** count/offset paging as Mailchimp does it (count ≤ 1000 is enforced by the spec check). */
export const page = <T>(items: T[], query: Record<string, unknown>) => {
  const count = (query.count as number | undefined) ?? 10;
  const offset = (query.offset as number | undefined) ?? 0;
  return items.slice(offset, offset + count);
};
