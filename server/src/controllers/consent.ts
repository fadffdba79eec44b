import type { Core } from '@strapi/strapi';
import { adminActor } from '../utils/actor';
import { getService } from '../utils/get-service';
import { positive } from '../utils/query';
import { auditFilters } from '../validation/audit';
import type { Ctx } from './context';

const MAX_PAGE_SIZE = 500;

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
      const filters = auditFilters(ctx.query);
      if (ctx.query.format === 'csv') {
        ctx.type = 'text/csv; charset=utf-8';
        ctx.set('Content-Disposition', 'attachment; filename="email-marketing-audit.csv"');
        ctx.body = await service().auditCsv(filters);
        return;
      }
      const result = await service().audit(filters, {
        page: positive(ctx.query.page, 1),
        // `limit` is the older name of the page size.
        pageSize: positive(ctx.query.pageSize ?? ctx.query.limit, 50, MAX_PAGE_SIZE),
      });
      ctx.body = {
        data: result.events,
        meta: {
          pagination: {
            page: result.page,
            pageSize: result.pageSize,
            total: result.total,
            pageCount: Math.ceil(result.total / result.pageSize),
          },
        },
      };
    },
  };
};

export default consent;
