import type { Core } from '@strapi/strapi';
import { getService } from '../utils/get-service';
import type { Ctx } from './context';

const overview = ({ strapi }: { strapi: Core.Strapi }) => ({
  async index(ctx: Ctx) {
    ctx.body = { data: await getService(strapi, 'overview').getOverview() };
  },
});

export default overview;
