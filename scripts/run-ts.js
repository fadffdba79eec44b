'use strict';
/** `node scripts/run-ts.js file.ts [args…]`: runs a TypeScript file (benchmarks, tools). */
require('./lib/register-ts');
const path = require('path');

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: node scripts/run-ts.js <file.ts> [args…]\n');
  process.exit(2);
}
process.argv.splice(2, 1);
require(path.resolve(file));
