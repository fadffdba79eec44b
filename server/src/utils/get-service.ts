import type { Core } from '@strapi/strapi';
import type services from '../services';
import { PLUGIN_ID } from '../constants';

type Services = typeof services;
export type ServiceName = keyof Services;
export type ServiceOf<K extends ServiceName> = ReturnType<Services[K]>;

/** Typed access to this plugin's services (the i18n plugin's `getService` pattern). */
export const getService = <K extends ServiceName>(strapi: Core.Strapi, name: K): ServiceOf<K> =>
  strapi.plugin(PLUGIN_ID).service(name) as ServiceOf<K>;
