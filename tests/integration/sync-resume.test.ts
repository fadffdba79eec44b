import fs from 'fs';
import os from 'os';
import path from 'path';
import { startInstance, type Instance } from '../helpers/instances';
import { startSimFixture, type SimFixture } from '../helpers/simulator';

const FIXTURE = path.resolve(__dirname, '..', 'fixtures', 'sync-instance.js');
const CONTACTS = 20_000;
const PAGE = 5_000;

/** Members sent in batch-subscribe calls so far: what a re-sent page would inflate. */
const membersPosted = (fx: SimFixture) =>
  fx.sim.requests
    .filter((r) => r.operation === 'POST /lists/{listId}' && r.status === 200)
    .reduce((sum, r) => sum + ((r.body as { members?: unknown[] })?.members?.length ?? 0), 0);

const lastJobLine = async (
  instance: Instance,
  predicate: (status: string, done: number, attempts: number) => boolean,
  timeoutMs: number
) => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const line = [...instance.lines].reverse().find((l) => l.startsWith('job '));
    if (line) {
      const [, status, done, attempts] = line.split(' ');
      if (predicate(status, Number(done), Number(attempts)))
        return { status, done: Number(done), attempts: Number(attempts) };
    }
    if (Date.now() > deadline)
      throw new Error(`timed out; last line: ${line}; stderr: ${instance.stderr()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

describe('a full sync killed mid-run resumes where it stopped', () => {
  let fx: SimFixture;
  const dbFile = path.join(os.tmpdir(), `email-marketing-resume-${process.pid}.db`);
  const instances: Instance[] = [];

  beforeAll(async () => {
    fx = await startSimFixture();
    // Slow enough that the sync is still running when it is killed.
    fx.sim.setFaults({ latencyMs: 120, maxConcurrent: 10 });
  });
  afterAll(async () => {
    for (const instance of instances)
      if (instance.child.exitCode === null && instance.child.signalCode === null)
        instance.child.kill('SIGKILL');
    await fx.sim.stop();
    for (const suffix of ['', '-wal', '-shm', '-journal'])
      fs.rmSync(dbFile + suffix, { force: true });
  });

  it(`syncs ${CONTACTS} contacts after a SIGKILL without re-sending finished pages`, async () => {
    const env = {
      DATABASE_FILENAME: dbFile,
      MAILCHIMP_API_ROOT: `${fx.sim.url}/{dc}/3.0`,
      CRON_ENABLED: 'false',
      LOG_LEVEL: 'error',
      EMAIL_MARKETING_CONFIG: JSON.stringify({ jobs: { leaseMs: 2000, pollIntervalMs: 200 } }),
    };
    const first = await startInstance(
      { ...env, SETUP: String(CONTACTS), API_KEY: fx.apiKey },
      FIXTURE
    );
    instances.push(first);
    await first.waitForLine('started', 120_000);
    const atKill = await lastJobLine(
      first,
      (status, done) => status === 'running' && done >= PAGE,
      120_000
    );
    first.child.kill('SIGKILL');
    await first.exited;
    const postedBeforeKill = membersPosted(fx);
    expect(atKill.done).toBeLessThan(CONTACTS);

    const second = await startInstance(env, FIXTURE);
    instances.push(second);
    // The lease of the killed process expires; the second process reclaims the job and resumes.
    const end = await lastJobLine(second, (status) => status === 'done', 180_000);
    await second.stop();

    const members = [...fx.sim.list(fx.listId).members.values()];
    expect(members).toHaveLength(CONTACTS);
    expect(members.every((m) => m.status === 'subscribed')).toBe(true);
    expect(end.attempts).toBe(2);
    // Pages checkpointed before the kill were not sent again: at most the page in flight was.
    const resent = membersPosted(fx) - CONTACTS;
    expect(resent).toBeGreaterThanOrEqual(0);
    expect(resent).toBeLessThanOrEqual(PAGE);
    process.stdout.write(
      `[sync-resume] killed at ${atKill.done}/${CONTACTS} (${postedBeforeKill} members sent), resumed on attempt ${end.attempts}; ${resent} members re-sent after the restart\n`
    );
  }, 300_000);
});
