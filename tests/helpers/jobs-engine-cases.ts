import { PlatformError } from '../../server/src/providers/errors';
import { JOBS_TABLE } from '../../server/src/jobs/store';
import { startStrapi, type TestStrapi } from './strapi';
import { FAST_JOBS_CONFIG, jobEngine, waitFor } from './jobs';

/**
 * The engine's behaviour against a real booted Strapi, run once per database
 * (jobs-engine.sqlite.test.ts, jobs-engine.postgres.test.ts).
 */
export const describeJobEngine = (
  label: string,
  database: () => Promise<{ env?: Record<string, string>; cleanup?: () => Promise<void> }>
) => {
  describe(`job engine on ${label}`, () => {
    // Jest 30 reads testTimeout from the root config only; the project's value does not apply.
    jest.setTimeout(60_000);
    let app: TestStrapi;
    let cleanup: (() => Promise<void>) | undefined;
    const engine = () => jobEngine(app.strapi);
    const job = async (id: number) => {
      const view = await engine().get(id);
      if (!view) throw new Error(`job ${id} not found`);
      return view;
    };
    const settled = (id: number, status: string) =>
      waitFor(async () => (await job(id)).status === status, { what: `job ${id} ${status}` });

    beforeAll(async () => {
      const db = await database();
      cleanup = db.cleanup;
      app = await startStrapi({
        database: db.env,
        pluginConfig: {
          ...FAST_JOBS_CONFIG,
          // A task whose feature is not installed: listed, inactive, enqueues nothing.
          schedule: {
            'future-report': {
              cron: '0 1 * * *',
              enabled: true,
              jobType: 'future.report',
              feature: 'a future feature',
            },
          },
        },
      });
    }, 120_000);
    afterAll(async () => {
      await app?.stop();
      await cleanup?.();
    }, 60_000);

    it('coalesces ten saves of one contact into one queued job carrying the latest payload', async () => {
      // No handler for this type in this process, so the job stays queued to be inspected.
      const results = [];
      for (let n = 1; n <= 10; n += 1)
        results.push(
          await engine().enqueue('test.unhandled', { n }, { dedupeKey: 'push:main:doc1' })
        );
      expect(new Set(results.map((r) => r.id)).size).toBe(1);
      expect(results.filter((r) => r.coalesced)).toHaveLength(9);
      const view = await job(results[0].id);
      expect(view).toMatchObject({ status: 'queued', payload: { n: 10 }, attempts: 0 });
    });

    it('does not coalesce into a job that already ran', async () => {
      engine().registerHandler('test.noop', async () => 'ok');
      const first = await engine().enqueue('test.noop', { v: 1 }, { dedupeKey: 'push:main:doc2' });
      await settled(first.id, 'done');
      const second = await engine().enqueue('test.noop', { v: 2 }, { dedupeKey: 'push:main:doc2' });
      expect(second.id).not.toBe(first.id);
      expect(second.coalesced).toBe(false);
      await settled(second.id, 'done');
    });

    it("joins the caller's transaction: a rollback takes the job with it", async () => {
      const before = await app.strapi.db.connection(JOBS_TABLE).count({ n: '*' });
      await expect(
        app.strapi.db.transaction(async () => {
          await app.strapi.documents('api::contact.contact' as never).create({
            data: { email: 'rolled-back@example.com' } as never,
          });
          await engine().enqueue('test.unhandled', { lost: true });
          throw new Error('the save failed');
        })
      ).rejects.toThrow('the save failed');
      const after = await app.strapi.db.connection(JOBS_TABLE).count({ n: '*' });
      expect(Number(after[0].n)).toBe(Number(before[0].n));

      const committed = await app.strapi.db.transaction(async () => {
        await app.strapi.documents('api::contact.contact' as never).create({
          data: { email: 'committed@example.com' } as never,
        });
        return engine().enqueue('test.unhandled', { kept: true });
      });
      expect((await job(committed.id)).payload).toEqual({ kept: true });
    });

    it('checkpoints a cursor and resumes from it after a transient failure', async () => {
      const seen: number[] = [];
      let failed = false;
      engine().registerHandler<{ items: number }>('test.cursor', async (payload, ctx) => {
        const start = typeof ctx.cursor === 'number' ? ctx.cursor : 0;
        for (let i = start; i < payload.items; i += 1) {
          if (i === 5 && !failed) {
            failed = true;
            throw new PlatformError({ kind: 'transient', provider: 'test', message: '503' });
          }
          seen.push(i);
          await ctx.checkpoint(i + 1, { done: i + 1, total: payload.items });
        }
        return { processed: payload.items };
      });
      const { id } = await engine().enqueue('test.cursor', { items: 8 });
      await settled(id, 'done');
      expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
      const view = await job(id);
      expect(view).toMatchObject({ attempts: 2, cursor: 8, result: { processed: 8 } });
      expect(view.progress).toMatchObject({ done: 8, total: 8 });
      expect(view.lastError).toMatchObject({ kind: 'transient', retryable: true, attempt: 1 });
    });

    it('honours Retry-After on a rate limit before retrying', async () => {
      const attempts: number[] = [];
      engine().registerHandler('test.ratelimited', async () => {
        attempts.push(Date.now());
        if (attempts.length === 1)
          throw new PlatformError({
            kind: 'rate_limit',
            provider: 'test',
            status: 429,
            retryAfterMs: 700,
            message: 'Too many requests',
          });
        return 'ok';
      });
      const { id } = await engine().enqueue('test.ratelimited', {});
      await settled(id, 'done');
      expect(attempts).toHaveLength(2);
      expect(attempts[1] - attempts[0]).toBeGreaterThanOrEqual(700);
    });

    it('runs a batch handler over due jobs of its type at once; a failed batch goes one by one', async () => {
      const calls: number[][] = [];
      engine().registerBatchHandler<{ n: number }>(
        'test.batch',
        async (payloads) => {
          calls.push(payloads.map((p) => p.n));
          if (payloads.some((p) => p.n === 7))
            throw new PlatformError({ kind: 'validation', provider: 'test', message: 'bad seven' });
          return { seen: payloads.length };
        },
        { batchSize: 4 }
      );
      // Enqueued together with a short delay, so they fall due together.
      const ids: number[] = [];
      for (let n = 1; n <= 10; n += 1)
        ids.push((await engine().enqueue('test.batch', { n }, { delayMs: 300 })).id);
      await waitFor(
        async () => {
          const views = await Promise.all(ids.map(job));
          return views.every((v) => v.status === 'done' || v.status === 'failed');
        },
        { what: 'the batch jobs settled' }
      );
      // Some call carried several jobs; each payload ran in exactly one successful call.
      expect(Math.max(...calls.map((c) => c.length))).toBeGreaterThan(1);
      expect(Math.max(...calls.map((c) => c.length))).toBeLessThanOrEqual(4);
      const views = await Promise.all(ids.map(job));
      expect(views.filter((v) => v.status === 'failed').map((v) => v.payload)).toEqual([{ n: 7 }]);
      expect(views[6]).toMatchObject({ attempts: 1, lastError: { retryable: false } });
      const batched = views.find((v) => (v.result as { batch?: number } | null)?.batch);
      expect(batched?.result).toMatchObject({ seen: expect.any(Number) });
    });

    it('records a permanent error without retrying it', async () => {
      let runs = 0;
      engine().registerHandler('test.invalid', async () => {
        runs += 1;
        throw new PlatformError({
          kind: 'compliance',
          provider: 'mailchimp',
          status: 400,
          title: 'Member In Compliance State',
          detail: 'The contact is in a compliance state.',
          message: 'Mailchimp refuses to re-subscribe this contact.',
        });
      });
      const { id } = await engine().enqueue('test.invalid', {});
      await settled(id, 'failed');
      const view = await job(id);
      expect(runs).toBe(1);
      expect(view.attempts).toBe(1);
      expect(view.lastError).toMatchObject({
        kind: 'compliance',
        title: 'Member In Compliance State',
        retryable: false,
      });
    });

    it('makes a job dead after its attempts, and an admin can retry it over HTTP', async () => {
      let healthy = false;
      engine().registerHandler('test.flaky', async () => {
        if (!healthy) throw new Error('connection reset');
        return 'recovered';
      });
      const { id } = await engine().enqueue('test.flaky', {}, { maxAttempts: 3 });
      await settled(id, 'dead');
      expect((await job(id)).attempts).toBe(3);

      const token = await app.login('admin');
      const list = await app.http
        .get('/email-marketing/jobs?status=dead&type=test.flaky')
        .set('Authorization', `Bearer ${token}`)
        .expect(200);
      expect(list.body.data.jobs.map((j: { id: number }) => j.id)).toEqual([id]);
      expect(list.body.data.counts.dead).toBeGreaterThanOrEqual(1);

      healthy = true;
      await app.http
        .post(`/email-marketing/jobs/${id}/retry`)
        .set('Authorization', `Bearer ${token}`)
        .expect(200);
      await settled(id, 'done');
      // A done job cannot be retried again.
      await app.http
        .post(`/email-marketing/jobs/${id}/retry`)
        .set('Authorization', `Bearer ${token}`)
        .expect(409);
    });

    it('lets an admin cancel a queued job; an editor may neither read nor manage jobs', async () => {
      const { id } = await engine().enqueue('test.unhandled', { later: true });
      const admin = await app.login('admin');
      const editor = await app.login('editor');
      await app.http
        .get('/email-marketing/jobs')
        .set('Authorization', `Bearer ${editor}`)
        .expect(403);
      await app.http
        .post(`/email-marketing/jobs/${id}/cancel`)
        .set('Authorization', `Bearer ${editor}`)
        .expect(403);
      const res = await app.http
        .post(`/email-marketing/jobs/${id}/cancel`)
        .set('Authorization', `Bearer ${admin}`)
        .expect(200);
      expect(res.body.data.status).toBe('cancelled');
    });

    it('reclaims a job whose lease expired (its process died) and runs it', async () => {
      engine().registerHandler('test.orphan', async () => 'resumed');
      const { id } = await engine().enqueue('test.unhandled-yet', {});
      // What a SIGKILLed process leaves behind: running, leased, the lease in the past.
      const past = new Date(Date.now() - 5000);
      await app.strapi.db
        .connection(JOBS_TABLE)
        .where({ id })
        .update({
          type: 'test.orphan',
          status: 'running',
          attempts: 1,
          lease_owner: 'dead-host:1:abc#1',
          lease_expires_at: engine().store.dialect === 'sqlite' ? past.getTime() : past,
        });
      engine().registerHandler('test.orphan', async () => 'resumed'); // wakes the workers
      await settled(id, 'done');
      expect(await job(id)).toMatchObject({ attempts: 2, result: 'resumed', leaseOwner: null });
    });

    it('renews the lease while a job outlives it, so no other worker takes it over', async () => {
      let runs = 0;
      engine().registerHandler('test.long', async () => {
        runs += 1;
        // 2.5 × leaseMs (FAST_JOBS_CONFIG): without renewal another worker would reclaim it.
        await new Promise((resolve) => setTimeout(resolve, 2500));
        return runs;
      });
      const { id } = await engine().enqueue('test.long', {});
      await settled(id, 'done');
      expect(runs).toBe(1);
      expect(await job(id)).toMatchObject({ attempts: 1, result: 1 });
    });

    it('enqueues a cron slot once, however many processes tick for it', async () => {
      const key = 'cron:test:2026-11-23T07:30:00Z';
      const a = await engine().enqueue('test.unhandled', {}, { uniqueKey: key });
      const b = await engine().enqueue('test.unhandled', {}, { uniqueKey: key });
      expect(b).toEqual({ ...a, coalesced: true });
    });

    it('lists the scheduled tasks with their next run, inactive until their handler exists', async () => {
      const token = await app.login('admin');
      const res = await app.http
        .get('/email-marketing/schedule')
        .set('Authorization', `Bearer ${token}`)
        .expect(200);
      const byName = Object.fromEntries(
        res.body.data.map((task: { name: string }) => [task.name, task])
      );
      expect(byName.cleanup).toMatchObject({ cron: '0 3 * * *', active: true, timezone: 'UTC' });
      expect(new Date(byName.cleanup.nextRunAt).getUTCHours()).toBe(3);
      expect(byName['future-report']).toMatchObject({
        active: false,
        inactiveReason: 'handler arrives with a future feature',
      });
      expect(byName['campaign-metrics']).toMatchObject({ cron: '30 7 * * *', active: true });
    });

    it('cleans up old done jobs, keeping failed ones longer', async () => {
      const knex = app.strapi.db.connection;
      const old = new Date(Date.now() - 10 * 86_400_000);
      const stamp = engine().store.dialect === 'sqlite' ? old.getTime() : old;
      const done = await engine().enqueue('test.unhandled', { old: 'done' });
      const failed = await engine().enqueue('test.unhandled', { old: 'failed' });
      await knex(JOBS_TABLE).where({ id: done.id }).update({ status: 'done', finished_at: stamp });
      await knex(JOBS_TABLE)
        .where({ id: failed.id })
        .update({ status: 'failed', finished_at: stamp });
      const cleanupJob = await engine().enqueue('jobs.cleanup', {});
      await settled(cleanupJob.id, 'done');
      expect(await engine().get(done.id)).toBeNull();
      expect(await engine().get(failed.id)).not.toBeNull();
      expect((await job(cleanupJob.id)).result).toMatchObject({ done: 1, failed: 0 });
    });
  });
};
