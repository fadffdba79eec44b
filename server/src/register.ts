import type { Core } from '@strapi/strapi';
import { getService } from './utils/get-service';

const register = ({ strapi }: { strapi: Core.Strapi }) => {
  // Every create/update/delete/publish of a mapped type enqueues a coalesced push after the
  // action succeeds; the save itself never waits on the platform.
  strapi.documents.use(async (context, next) => {
    const result = await next();
    await getService(strapi, 'contactSync').afterDocumentAction(context as never, result);
    return result;
  });
};

export default register;
