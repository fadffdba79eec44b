import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { getService } from '../utils/get-service';
import type { Ctx } from './context';

/** The public webhook endpoint: thin; the service checks the secret, stores and queues. */
const webhooks = ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => getService(strapi, 'webhooks');
  return {
    /** Mailchimp validates a URL with a GET before accepting it: 200 for a known secret. */
    async validate(ctx: Ctx<unknown>) {
      if (!(await service().isKnown(String(ctx.params.provider), String(ctx.params.secret))))
        throw new errors.UnauthorizedError('Unknown webhook secret.');
      ctx.body = { ok: true };
    },
    async receive(ctx: Ctx<unknown>) {
      const outcome = await service().receive(
        String(ctx.params.provider),
        String(ctx.params.secret),
        ctx.request.body
      );
      ctx.body = { ok: true, duplicate: !outcome.stored };
    },
  };
};

export default webhooks;
