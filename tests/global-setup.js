'use strict';
const { ensurePluginBuilt, ensurePlaygroundCompiled } = require('../scripts/lib/build');
const { ensurePostgresBinaries } = require('../scripts/lib/postgres');

/** Integration tests boot the playground from dist/, so build what is stale, once per run. */
module.exports = async () => {
  ensurePluginBuilt();
  ensurePlaygroundCompiled();
  // The job engine's tests also run on a throwaway PostgreSQL; apt-get it once, up front.
  ensurePostgresBinaries();
};
