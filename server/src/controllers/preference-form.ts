import type { Core } from '@strapi/strapi';
import { getService } from '../utils/get-service';
import type { Ctx } from './context';

/** The public preference-form routes: thin; the rate limit answers 429 before anything else. */
const preferenceForm = ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => getService(strapi, 'preferenceForm');
  const limited = (ctx: Ctx) => {
    const wait = service().rateLimit(ctx.request.ip);
    if (wait === null) return false;
    ctx.set('Retry-After', String(wait));
    ctx.status = 429;
    ctx.body = {
      data: null,
      error: {
        status: 429,
        name: 'RateLimitError',
        message: `Too many requests from this address: try again in ${wait} s.`,
      },
    };
    return true;
  };
  return {
    async subscribe(ctx: Ctx) {
      if (limited(ctx)) return;
      ctx.body = { data: await service().subscribe(ctx.request.body ?? {}) };
      ctx.status = 202;
    },
    /** The token in the body, or in the query (RFC 8058 one-click: `List-Unsubscribe-Post`). */
    async unsubscribe(ctx: Ctx) {
      if (limited(ctx)) return;
      ctx.body = {
        data: await service().unsubscribe(ctx.request.body?.token ?? ctx.query.token),
      };
    },
  };
};

export default preferenceForm;
