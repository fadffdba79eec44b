'use strict';

const transform = {
  '^.+\\.(t|j)sx?$': [
    '@swc/jest',
    { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } },
  ],
};

/** Two projects: pure unit tests, and integration tests that boot the playground Strapi. */
module.exports = {
  globalSetup: '<rootDir>/tests/global-setup.js',
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      roots: ['<rootDir>/tests/unit'],
      transform,
    },
    {
      displayName: 'integration',
      testEnvironment: 'node',
      roots: ['<rootDir>/tests/integration'],
      transform,
      testTimeout: 120000,
      // Strapi keeps module-level state; one boot per file, files one after another.
      maxWorkers: 1,
    },
  ],
};
