'use strict';
/** Builds what the playground needs, each step only when its inputs changed. */
const { execFileSync } = require('child_process');
const path = require('path');
const { root, playground, playgroundDist, bin } = require('./paths');
const { isStale, touch } = require('./stale');

const run = (command, args, cwd = root) => {
  const started = Date.now();
  execFileSync(command, args, { cwd, stdio: 'inherit', env: process.env });
  return Date.now() - started;
};

const log = (message) => process.stdout.write(`[email-marketing] ${message}\n`);

const PLUGIN_INPUTS = ['server/src', 'admin/src', 'package.json'].map((p) => path.join(root, p));

const ensurePluginBuilt = () => {
  if (!isStale(path.join(root, 'dist', '.built'), PLUGIN_INPUTS)) return;
  log('building the plugin (strapi-plugin build)…');
  const ms = run(bin('strapi-plugin'), ['build', '--silent']);
  touch(path.join(root, 'dist', '.built'));
  log(`plugin built in ${(ms / 1000).toFixed(1)} s`);
};

const PLAYGROUND_INPUTS = ['config', 'src', 'tsconfig.json', 'package.json'].map((p) =>
  path.join(playground, p)
);

/** Strapi's config loader reads .js only, so the TypeScript playground is compiled to dist/. */
const ensurePlaygroundCompiled = () => {
  const stamp = path.join(playgroundDist, '.compiled');
  if (!isStale(stamp, PLAYGROUND_INPUTS)) return;
  log('compiling the playground (tsc)…');
  const ms = run(bin('tsc'), ['-p', path.join(playground, 'tsconfig.json')]);
  touch(stamp);
  log(`playground compiled in ${(ms / 1000).toFixed(1)} s`);
};

/** The admin bundle (with the plugin's admin from dist/) is needed by the demo and e2e only. */
const ensureAdminBuilt = () => {
  ensurePluginBuilt();
  ensurePlaygroundCompiled();
  const stamp = path.join(playgroundDist, 'build', '.built');
  // The bundle takes the plugin's admin from dist/, which only changes when admin/src does.
  if (
    !isStale(stamp, [
      path.join(root, 'admin', 'src'),
      path.join(root, 'package.json'),
      ...PLAYGROUND_INPUTS,
    ])
  )
    return;
  log('building the Strapi admin (about a minute)…');
  const ms = run(bin('strapi'), ['build'], playground);
  // `strapi build` recompiles the app into dist/ as well; mark both fresh.
  touch(path.join(playgroundDist, '.compiled'));
  touch(stamp);
  log(`admin built in ${(ms / 1000).toFixed(1)} s`);
};

module.exports = { ensurePluginBuilt, ensurePlaygroundCompiled, ensureAdminBuilt, log };
