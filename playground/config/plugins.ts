import path from 'path';

// Runs from playground/config (strapi build, esbuild-register) and from playground/dist/config
// (the server), so the repository root is found by name; a relative `resolve` breaks one of them.
const marker = `${path.sep}playground${path.sep}`;
const repoRoot = __dirname.slice(0, __dirname.lastIndexOf(marker));

export default () => ({
  'email-marketing': {
    enabled: true,
    resolve: repoRoot,
    config: {},
  },
});
