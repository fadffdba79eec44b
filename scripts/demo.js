'use strict';
/**
 * `npm run demo`: builds what is stale, seeds the playground and starts Strapi on
 * http://localhost:1337/admin. Later work starts the Mailchimp simulator here too
 * (see `startSideServices`), so the demo never needs a real platform account.
 */
const { ensureAdminBuilt, log } = require('./lib/build');
const { bootPlayground, seedPlayground } = require('./lib/playground');

const startSideServices = async () => {
  // Hook: the Mailchimp simulator starts here once it lands.
  return { stop: async () => {} };
};

(async () => {
  const started = Date.now();
  ensureAdminBuilt();
  const side = await startSideServices();
  process.env.LOG_LEVEL ??= 'info';
  const app = await bootPlayground({ port: Number(process.env.PORT ?? 1337) });
  await seedPlayground(app);
  await app.listen();
  const { SEED_USERS } = require('../playground/dist/src/seed.js');
  const url = `http://localhost:${app.config.get('server.port')}/admin`;
  log(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  log(`open ${url}`);
  log(`log in as ${SEED_USERS.admin.email} / ${SEED_USERS.admin.password}`);
  log(
    `(an editor without plugin permissions: ${SEED_USERS.editor.email} / ${SEED_USERS.editor.password})`
  );
  const shutdown = async () => {
    await side.stop();
    await app.destroy();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
