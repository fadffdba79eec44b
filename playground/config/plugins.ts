import path from 'path';

// Runs from playground/config (strapi build, esbuild-register) and from playground/dist/config
// (the server), so the repository root is found by name; a relative `resolve` breaks one of them.
const marker = `${path.sep}playground${path.sep}`;
const repoRoot = __dirname.slice(0, __dirname.lastIndexOf(marker));

// Tests and the benchmark pass plugin settings (lease length, a cron rule every second, …) as JSON.
const overrides = process.env.EMAIL_MARKETING_CONFIG;

export default () => ({
  'email-marketing': {
    enabled: true,
    resolve: repoRoot,
    config: overrides ? JSON.parse(overrides) : {},
  },
});
