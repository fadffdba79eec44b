import type { Core } from '@strapi/strapi';
import { getService } from '../utils/get-service';

const overview = ({ strapi }: { strapi: Core.Strapi }) => ({
  async index(ctx: { body: unknown }) {
    ctx.body = { data: await getService(strapi, 'overview').getOverview() };
  },
});

export default overview;
