import type { Core } from '@strapi/strapi';
import { createStrapi } from '@strapi/strapi';
import fs from 'fs';
import os from 'os';
import path from 'path';
import request from 'supertest';
import { seed, SEED_USERS } from '../../playground/src/seed';

const appDir = path.resolve(__dirname, '..', '..', 'playground');

export interface TestStrapi {
  strapi: Core.Strapi;
  /** Set when started with `listen: true`: http://127.0.0.1:<port>. */
  baseUrl?: string;
  http: ReturnType<typeof request>;
  login(user: keyof typeof SEED_USERS): Promise<string>;
  stop(): Promise<void>;
}

/**
 * Boots the playground Strapi on a fresh temporary SQLite file, seeds it, and mounts the HTTP
 * server for supertest. One per test file. `listen` serves the built admin on a free port
 * (for browser tests).
 */
export const startStrapi = async (
  options: {
    seed?: boolean;
    listen?: boolean;
    /** Database env from scripts/lib/postgres.js `createDatabase`; SQLite when absent. */
    database?: Record<string, string>;
    /** The plugin's config (config/plugins.ts), passed as EMAIL_MARKETING_CONFIG. */
    pluginConfig?: Record<string, unknown>;
    /** With `listen`: a fixed port (e.g. one whose URL was put in PUBLIC_URL before boot). */
    port?: number;
    /** With `listen`: serve the built admin too (default); false for API-only tests. */
    serveAdmin?: boolean;
  } = {}
): Promise<TestStrapi> => {
  const dbFile = path.join(os.tmpdir(), `email-marketing-test-${process.pid}-${Date.now()}.db`);
  process.env.DATABASE_FILENAME = dbFile;
  // Files share one jest worker process: reset what an earlier file may have set.
  for (const key of Object.keys(process.env))
    if (key.startsWith('DATABASE_') && key !== 'DATABASE_FILENAME') delete process.env[key];
  Object.assign(process.env, options.database ?? {});
  if (options.pluginConfig)
    process.env.EMAIL_MARKETING_CONFIG = JSON.stringify(options.pluginConfig);
  else delete process.env.EMAIL_MARKETING_CONFIG;
  process.env.CRON_ENABLED ??= 'false';
  process.env.LOG_LEVEL ??= 'warn';
  const strapi = await createStrapi({
    appDir,
    distDir: path.join(appDir, 'dist'),
    autoReload: false,
    serveAdminPanel: Boolean(options.listen) && options.serveAdmin !== false,
  }).load();
  let baseUrl: string | undefined;
  if (options.listen) {
    await new Promise<void>((resolve) =>
      strapi.server.listen(options.port ?? 0, '127.0.0.1', resolve)
    );
    const address = strapi.server.httpServer.address();
    if (!address || typeof address === 'string') throw new Error('Strapi did not listen on a port');
    baseUrl = `http://127.0.0.1:${address.port}`;
  } else {
    strapi.server.mount();
  }
  if (options.seed !== false) await seed(strapi);

  const http = request(strapi.server.httpServer);
  const login = async (user: keyof typeof SEED_USERS) => {
    const { email, password } = SEED_USERS[user];
    const res = await http.post('/admin/login').send({ email, password }).expect(200);
    return res.body.data.token as string;
  };
  const stop = async () => {
    await strapi.destroy();
    for (const suffix of ['', '-wal', '-shm', '-journal'])
      fs.rmSync(dbFile + suffix, { force: true });
  };
  return { strapi, baseUrl, http, login, stop };
};
