import type { Core } from '@strapi/strapi';
import { actionDefinitions } from './permissions';
import { getService } from './utils/get-service';

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  await strapi.service('admin::permission').actionProvider.registerMany(actionDefinitions());
  // Indexes, workers and cron tasks; handlers registered by features before this point.
  await getService(strapi, 'jobs').start();
};

export default bootstrap;
