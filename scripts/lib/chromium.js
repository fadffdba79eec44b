'use strict';
/** Finds Debian's chromium, installing the package with apt-get when it is missing (CI runs as root). */
const { execSync } = require('child_process');
const fs = require('fs');

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

const findChromium = () => CANDIDATES.find((p) => fs.existsSync(p));

const ensureChromium = () => {
  const found = findChromium();
  if (found) return found;
  if (typeof process.getuid === 'function' && process.getuid() !== 0) {
    throw new Error(
      'chromium is not installed; run: sudo apt-get install -y --no-install-recommends chromium'
    );
  }
  process.stdout.write('[email-marketing] installing Debian chromium for the browser tests…\n');
  execSync(
    'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium',
    {
      stdio: 'inherit',
    }
  );
  const installed = findChromium();
  if (!installed) throw new Error('apt-get finished but no chromium binary was found');
  return installed;
};

/** Flags that keep headless Chromium off the (closed) network and quiet as root. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

module.exports = { ensureChromium, findChromium, CHROMIUM_ARGS };
