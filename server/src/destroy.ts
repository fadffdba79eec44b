import type { Core } from '@strapi/strapi';
import { getService } from './utils/get-service';

/** Stops cron ticks and claims; running jobs finish within the grace period or are released. */
const destroy = async ({ strapi }: { strapi: Core.Strapi }) => {
  await getService(strapi, 'jobs').stop();
};

export default destroy;
