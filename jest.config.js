'use strict';

const transform = {
  '^.+\\.(t|j)sx?$': [
    '@swc/jest',
    { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } },
  ],
};

/**
 * Three projects: pure unit tests; integration tests that boot the playground Strapi and talk
 * HTTP to it; e2e tests that drive the built admin in Debian's chromium (`npm test` builds it).
 */
module.exports = {
  globalSetup: '<rootDir>/tests/global-setup.js',
  // Jest 30 takes testTimeout from the root config only (a project's own value is ignored), and
  // a Strapi boot on 2 busy CPUs can pass 5 s: without this, hooks time out and leave Strapi running.
  testTimeout: 120000,
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
      setupFilesAfterEnv: ['<rootDir>/tests/helpers/long-timeout.ts'],
      // Strapi keeps module-level state; one boot per file, files one after another.
      maxWorkers: 1,
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      roots: ['<rootDir>/tests/e2e'],
      transform,
      setupFilesAfterEnv: ['<rootDir>/tests/helpers/long-timeout.ts'],
      maxWorkers: 1,
    },
  ],
};
