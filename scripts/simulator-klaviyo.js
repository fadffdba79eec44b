'use strict';
/** `npm run simulator:klaviyo`: the Klaviyo simulator on its own (KLAVIYO_SIMULATOR_PORT, default 4020). */
require('./lib/register-ts');
require('../tests/simulator-klaviyo/cli.ts');
