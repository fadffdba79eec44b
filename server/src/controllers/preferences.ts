import type { Core } from '@strapi/strapi';
import { adminActor } from '../utils/actor';
import { getService } from '../utils/get-service';
import { positive } from '../utils/query';
import type { Ctx } from './context';

const MAX_PAGE_SIZE = 100;

/** Admin routes of the Preferences page. */
const preferences = ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => getService(strapi, 'preferences');
  return {
    async search(ctx: Ctx) {
      ctx.body = {
        data: await service().search({
          q: ctx.query.q ?? '',
          page: positive(ctx.query.page, 1),
          pageSize: positive(ctx.query.pageSize, 25, MAX_PAGE_SIZE),
        }),
      };
    },
    async lookup(ctx: Ctx) {
      ctx.body = { data: await service().lookup(ctx.query.email) };
    },
    async recordConsent(ctx: Ctx) {
      const body = ctx.request.body ?? {};
      ctx.body = {
        data: await service().recordConsent(
          { email: body.email, source: body.source, note: body.note },
          adminActor(ctx)
        ),
      };
    },
    async withdrawConsent(ctx: Ctx) {
      const body = ctx.request.body ?? {};
      ctx.body = {
        data: await service().withdrawConsent(
          { email: body.email, reason: body.reason },
          adminActor(ctx)
        ),
      };
    },
  };
};

export default preferences;
