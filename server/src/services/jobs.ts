import type { Core } from '@strapi/strapi';
import type { PluginConfig } from '../config';
import { PLUGIN_ID } from '../constants';
import { JobEngine } from '../jobs/engine';

/**
 * The plugin's job engine, one per Strapi process. Features register handlers (in their
 * register or bootstrap) and enqueue through it; bootstrap starts it and destroy stops it.
 */
const jobs = ({ strapi }: { strapi: Core.Strapi }) => {
  const setting = <K extends keyof PluginConfig>(key: K): PluginConfig[K] =>
    strapi.plugin(PLUGIN_ID).config(key) as PluginConfig[K];
  return new JobEngine(strapi, {
    jobs: setting('jobs'),
    scheduler: setting('scheduler'),
    schedule: setting('schedule'),
  });
};

export default jobs;
