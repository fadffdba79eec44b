import type { Core } from '@strapi/strapi';
import type { JobEngine } from '../../server/src/jobs/engine';

export const jobEngine = (strapi: Core.Strapi): JobEngine =>
  strapi.plugin('email-marketing').service('jobs') as unknown as JobEngine;

/** Polls `check` until it returns a truthy value (returned) or `timeoutMs` passes (throws). */
export const waitFor = async <T>(
  check: () => Promise<T> | T,
  { timeoutMs = 15000, intervalMs = 50, what = 'condition' } = {}
): Promise<NonNullable<T>> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
};

/** Engine settings that keep the tests fast: short polls, leases and backoffs. */
export const FAST_JOBS_CONFIG = {
  jobs: { pollIntervalMs: 100, leaseMs: 1000, backoffBaseMs: 20, backoffMaxMs: 200 },
};

/** Waits until no plugin job is queued or running (the workers run inside the test's Strapi). */
export const waitForIdle = (strapi: Core.Strapi, timeoutMs = 60_000) =>
  waitFor(
    async () =>
      (await strapi.db
        .query('plugin::email-marketing.job')
        .count({ where: { status: { $in: ['queued', 'running'] } } })) === 0,
    { timeoutMs, what: 'the job queue to drain' }
  );

/** Jobs that ended badly, with their errors: a test that expects none prints them on failure. */
export const failedJobs = async (strapi: Core.Strapi) =>
  (
    await strapi.db
      .query('plugin::email-marketing.job')
      .findMany({ where: { status: { $in: ['failed', 'dead'] } } })
  ).map((j: { type: string; lastError: unknown }) => ({ type: j.type, error: j.lastError }));
