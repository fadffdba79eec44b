import type { Core } from '@strapi/strapi';

// Document-service middlewares (contact sync) are registered here once that work lands.
const register = (_: { strapi: Core.Strapi }) => {};

export default register;
