'use strict';
/**
 * Lets plain `node` scripts (the simulator CLI, the demo, benchmarks) require TypeScript
 * sources directly, compiled in memory by @swc/core, the same compiler jest uses.
 */
const { transformSync } = require('@swc/core');

const compile = (module, filename) => {
  const source = require('fs').readFileSync(filename, 'utf8');
  const { code } = transformSync(source, {
    filename,
    jsc: { parser: { syntax: 'typescript', tsx: filename.endsWith('.tsx') }, target: 'es2022' },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  });
  module._compile(code, filename);
};

require.extensions['.ts'] = compile;
