'use strict';
/**
 * `npm test`: unit, integration and browser (e2e) tests in one jest run. The browser tests
 * need Debian's chromium and the built admin; both are prepared here, once.
 */
const { spawnSync } = require('child_process');
const { ensureAdminBuilt } = require('./lib/build');
const { ensureChromium } = require('./lib/chromium');
const { bin, root } = require('./lib/paths');

const started = Date.now();
ensureChromium();
ensureAdminBuilt();
const result = spawnSync(bin('jest'), process.argv.slice(2), { cwd: root, stdio: 'inherit' });
process.stdout.write(
  `[email-marketing] npm test took ${((Date.now() - started) / 1000).toFixed(1)} s\n`
);
process.exit(result.status ?? 1);
