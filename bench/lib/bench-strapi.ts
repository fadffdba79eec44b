import fs from 'fs';
import os from 'os';
import path from 'path';
import type { Core } from '@strapi/strapi';

/**
 * The playground Strapi on a throwaway SQLite file, quiet and without cron, for benchmarks.
 * `env` is applied before boot (plugin config, API roots…); `stop` destroys it and the file.
 */
export const bootBenchStrapi = async (name: string, env: Record<string, string>) => {
  const dbFile = path.join(os.tmpdir(), `email-marketing-bench-${name}-${process.pid}.db`);
  Object.assign(process.env, {
    DATABASE_FILENAME: dbFile,
    LOG_LEVEL: 'error',
    CRON_ENABLED: 'false',
    ...env,
  });
  const { createStrapi } = await import('@strapi/strapi');
  const appDir = path.resolve(__dirname, '..', '..', 'playground');
  const strapi: Core.Strapi = await createStrapi({
    appDir,
    distDir: path.join(appDir, 'dist'),
    autoReload: false,
    serveAdminPanel: false,
  }).load();
  const stop = async () => {
    await strapi.destroy();
    for (const suffix of ['', '-wal', '-shm', '-journal'])
      fs.rmSync(dbFile + suffix, { force: true });
  };
  return { strapi, stop };
};
