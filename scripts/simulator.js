'use strict';
/** `npm run simulator`: the Mailchimp simulator on its own (SIMULATOR_PORT, default 4010). */
require('./lib/register-ts');
require('../tests/simulator/cli.ts');
