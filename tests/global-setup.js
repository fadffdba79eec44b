'use strict';
const { ensurePluginBuilt, ensurePlaygroundCompiled } = require('../scripts/lib/build');

/** Integration tests boot the playground from dist/, so build what is stale, once per run. */
module.exports = async () => {
  ensurePluginBuilt();
  ensurePlaygroundCompiled();
};
