import type { Core } from '@strapi/strapi';
import { getService } from './utils/get-service';

const register = ({ strapi }: { strapi: Core.Strapi }) => {
  // A create/update/delete/publish of a mapped type and its outbox row commit together (one
  // transaction, one commit); the save never waits on the platform, the push job does the HTTP.
  strapi.documents.use(async (context, next) => {
    const sync = getService(strapi, 'contactSync');
    if (!(await sync.isWatched(context as never))) return next();
    return strapi.db.transaction(async () => {
      const result = await next();
      await sync.afterDocumentAction(context as never, result);
      return result;
    });
  });
  // Point rules: a save that could match an active rule enqueues one capture job with it.
  strapi.documents.use(
    (context, next) =>
      getService(strapi, 'triggers').capture(context as never, next) as ReturnType<typeof next>
  );
};

export default register;
