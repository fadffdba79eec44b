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
  http: ReturnType<typeof request>;
  login(user: keyof typeof SEED_USERS): Promise<string>;
  stop(): Promise<void>;
}

/**
 * Boots the playground Strapi on a fresh temporary SQLite file (no admin panel), seeds it,
 * and mounts the HTTP server for supertest. One per test file.
 */
export const startStrapi = async (options: { seed?: boolean } = {}): Promise<TestStrapi> => {
  const dbFile = path.join(os.tmpdir(), `email-marketing-test-${process.pid}-${Date.now()}.db`);
  process.env.DATABASE_FILENAME = dbFile;
  process.env.CRON_ENABLED ??= 'false';
  process.env.LOG_LEVEL ??= 'warn';
  const strapi = await createStrapi({
    appDir,
    distDir: path.join(appDir, 'dist'),
    autoReload: false,
    serveAdminPanel: false,
  }).load();
  strapi.server.mount();
  if (options.seed !== false) await seed(strapi);

  const http = request(strapi.server.httpServer);
  const login = async (user: keyof typeof SEED_USERS) => {
    const { email, password } = SEED_USERS[user];
    const res = await http.post('/admin/login').send({ email, password }).expect(200);
    return res.body.data.token as string;
  };
  const stop = async () => {
    await strapi.destroy();
    for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(dbFile + suffix, { force: true });
  };
  return { strapi, http, login, stop };
};
