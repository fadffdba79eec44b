'use strict';
/** Boots the playground Strapi from its compiled dist/, for the demo, the e2e tests and the seed CLI. */
const path = require('path');
const { playground, playgroundDist } = require('./paths');

/**
 * @param {{ databaseFilename?: string, port?: number, serveAdminPanel?: boolean, listen?: boolean }} options
 */
const bootPlayground = async ({
  databaseFilename,
  port,
  serveAdminPanel = true,
  // Accepted for callers' clarity; boot never listens (callers start the server themselves).
  listen: _listen = true,
} = {}) => {
  if (databaseFilename) process.env.DATABASE_FILENAME = databaseFilename;
  if (port !== undefined) process.env.PORT = String(port);
  const { createStrapi } = require('@strapi/strapi');
  const app = createStrapi({
    appDir: playground,
    distDir: playgroundDist,
    autoReload: false,
    serveAdminPanel,
  });
  await app.load();
  return app;
};

const seedPlayground = async (app) => {
  const { seed } = require(path.join(playgroundDist, 'src', 'seed.js'));
  return seed(app);
};

module.exports = { bootPlayground, seedPlayground };
