import type { Core } from '@strapi/strapi';
import { adminActor } from '../utils/actor';
import { getService } from '../utils/get-service';

export interface Ctx {
  params: Record<string, string>;
  query: Record<string, string | undefined>;
  request: { body?: Record<string, unknown> };
  state: {
    user?: { id: number; firstname?: string | null; lastname?: string | null; email?: string };
  };
  body: unknown;
  type: string;
  set(field: string, value: string): void;
}

/** Admin routes of the consent loop: register webhooks, import now, erase, the audit log. */
const consent = ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => getService(strapi, 'consent');
  return {
    async registerWebhooks(ctx: Ctx) {
      ctx.body = {
        data: await getService(strapi, 'webhooks').register(Number(ctx.params.id), adminActor(ctx)),
      };
    },
    async importNow(ctx: Ctx) {
      ctx.body = { data: await service().enqueueImport(adminActor(ctx)) };
    },
    async erase(ctx: Ctx) {
      const body = ctx.request.body ?? {};
      ctx.body = {
        data: await service().erase({ email: body.email, confirm: body.confirm }, adminActor(ctx)),
      };
    },
    async audit(ctx: Ctx) {
      const format = ctx.query.format === 'csv' ? 'csv' : 'json';
      const result = await service().audit(
        {
          action: ctx.query.action,
          email: ctx.query.email,
          limit: ctx.query.limit ? Number(ctx.query.limit) : undefined,
        },
        format
      );
      if (typeof result === 'string') {
        ctx.type = 'text/csv; charset=utf-8';
        ctx.set('Content-Disposition', 'attachment; filename="email-marketing-audit.csv"');
        ctx.body = result;
      } else ctx.body = { data: result };
    },
  };
};

export default consent;
