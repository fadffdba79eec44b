'use strict';
/** `npm run seed`: seeds the playground database (idempotent) without starting the server. */
const { ensurePluginBuilt, ensurePlaygroundCompiled, log } = require('./lib/build');
const { bootPlayground, seedPlayground } = require('./lib/playground');

(async () => {
  ensurePluginBuilt();
  ensurePlaygroundCompiled();
  const app = await bootPlayground({ serveAdminPanel: false });
  const { created } = await seedPlayground(app);
  log(created ? 'seeded 200 contacts, an admin and an editor' : 'already seeded; nothing to do');
  await app.destroy();
  process.exit(0);
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
