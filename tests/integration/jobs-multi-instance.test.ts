import { Client } from 'pg';
import { startInstance, type Instance } from '../helpers/instances';
import { waitFor } from '../helpers/jobs';
import { startPostgres } from '../../scripts/lib/postgres';

const JOBS = 5000;
const CRON_WINDOW_MS = 20_000;

/**
 * Two Strapi processes on one Postgres: 5,000 jobs, a cron rule every second for 20 s, and
 * one process SIGKILLed in the middle of its jobs. Effects are keyed by job id.
 */
describe('two Strapi processes on one Postgres', () => {
  jest.setTimeout(180_000);
  let pg: Awaited<ReturnType<typeof startPostgres>>;
  let db: Client;
  const instances: Instance[] = [];

  afterAll(async () => {
    for (const instance of instances) {
      if (instance.child.exitCode === null) instance.child.kill('SIGKILL');
      await instance.exited;
    }
    await db?.end();
    await pg?.stop();
  }, 60_000);

  it('runs every job once, enqueues every slot once, and leaves nothing running', async () => {
    pg = await startPostgres();
    const env = {
      ...(await pg.createDatabase('multi')),
      EMAIL_MARKETING_CONFIG: JSON.stringify({
        jobs: { concurrency: 4, pollIntervalMs: 200, leaseMs: 2000, shutdownGraceMs: 5000 },
        schedule: { tick: { cron: '* * * * * *', enabled: true, jobType: 'test.tick' } },
      }),
      EFFECT_SLEEP_MS: '15',
    };
    db = new Client({ host: '127.0.0.1', port: pg.port, user: pg.user, database: 'multi' });
    await db.connect();
    await db.query(
      'CREATE TABLE em_test_runs (id serial PRIMARY KEY, job_id integer NOT NULL, pid integer NOT NULL)'
    );
    await db.query(
      'CREATE TABLE em_test_effects (job_id integer PRIMARY KEY, type text NOT NULL, pid integer NOT NULL)'
    );
    const count = async (sql: string, params: unknown[] = []) =>
      Number((await db.query(sql, params)).rows[0].n);

    // A boots first (creates the schema), then enqueues; B joins while A works.
    const a = await startInstance({ ...env, ENQUEUE: String(JOBS) });
    instances.push(a);
    const b = await startInstance(env);
    instances.push(b);
    const windowStart = Date.now();
    await a.waitForLine('enqueued', 120_000);

    // Kill A while it holds leases, i.e. in the middle of jobs.
    await waitFor(
      async () =>
        (await count(
          "SELECT count(*) AS n FROM email_marketing_jobs WHERE status = 'running' AND lease_owner LIKE $1",
          [`${a.identity}#%`]
        )) >= 2,
      { what: 'A to be mid-job', timeoutMs: 30_000 }
    );
    await new Promise((resolve) => setTimeout(resolve, 1000));
    a.child.kill('SIGKILL');
    await a.exited;
    const orphaned = await count(
      "SELECT count(*) AS n FROM email_marketing_jobs WHERE status = 'running' AND lease_owner LIKE $1",
      [`${a.identity}#%`]
    );

    // B finishes everything, A's leased jobs included once their leases expire.
    await waitFor(
      async () =>
        (await count(
          "SELECT count(*) AS n FROM email_marketing_jobs WHERE type = 'test.effect' AND status = 'done'"
        )) === JOBS,
      { what: 'all jobs done', timeoutMs: 120_000, intervalMs: 500 }
    );
    const remaining = CRON_WINDOW_MS - (Date.now() - windowStart);
    if (remaining > 0) await new Promise((resolve) => setTimeout(resolve, remaining));
    // On a loaded machine B may still be catching up on the last cron slots: let it drain.
    const notDone = "SELECT count(*) AS n FROM email_marketing_jobs WHERE status <> 'done'";
    await waitFor(async () => (await count(notDone)) === 0, {
      what: 'B to drain the queue',
      timeoutMs: 30_000,
      intervalMs: 50,
    });
    const exitCode = await b.stop();
    expect({ exitCode, stderr: b.stderr() }).toEqual({ exitCode: 0, stderr: '' });

    // Nothing stuck, nothing lost: every job done, except at most the one cron slot that the
    // still-running scheduler may have enqueued between the drain above and the stop.
    const left = (
      await db.query(
        "SELECT type, status, count(*)::int AS n FROM email_marketing_jobs WHERE status <> 'done' GROUP BY type, status"
      )
    ).rows as Array<{ type: string; status: string; n: number }>;
    expect(left.filter((row) => !(row.type === 'test.tick' && row.status === 'queued'))).toEqual(
      []
    );
    expect(left.reduce((sum, row) => sum + row.n, 0)).toBeLessThanOrEqual(1);

    // Every effect applied exactly once, keyed by job id.
    const jobIds = (
      await db.query("SELECT id FROM email_marketing_jobs WHERE status = 'done' ORDER BY id")
    ).rows;
    expect(await count('SELECT count(*) AS n FROM em_test_effects')).toBe(jobIds.length);
    expect(
      await count(
        "SELECT count(*) AS n FROM email_marketing_jobs j LEFT JOIN em_test_effects e ON e.job_id = j.id WHERE e.job_id IS NULL AND j.status = 'done'"
      )
    ).toBe(0);

    // A job ran twice only when A was killed while running it.
    const rerun = (
      await db.query(
        'SELECT job_id, array_agg(pid) AS pids FROM em_test_runs GROUP BY job_id HAVING count(*) > 1'
      )
    ).rows as { job_id: number; pids: number[] }[];
    for (const row of rerun) expect(row.pids).toContain(a.pid);
    expect(rerun.length).toBeLessThanOrEqual(orphaned);
    expect(orphaned).toBeGreaterThan(0);

    // Every slot enqueued once: one job per second of the window, no slot twice.
    const slots = (
      await db.query(
        "SELECT payload->>'slot' AS slot, unique_key FROM email_marketing_jobs WHERE type = 'test.tick' ORDER BY 1"
      )
    ).rows as { slot: string; unique_key: string }[];
    expect(new Set(slots.map((s) => s.slot)).size).toBe(slots.length);
    expect(slots.every((s) => s.unique_key === `cron:tick:${s.slot}`)).toBe(true);
    expect(slots.length).toBeGreaterThanOrEqual(CRON_WINDOW_MS / 1000 - 2);

    process.stdout.write(
      `multi-instance: ${jobIds.length} jobs (${slots.length} cron slots), ${orphaned} orphaned by SIGKILL, ${rerun.length} re-run after lease expiry\n`
    );
  });
});
