'use strict';
/**
 * Job engine benchmark: 10,000 no-op jobs through SQLite and through Postgres, drained by 1 and
 * by 2 Strapi processes (tests/fixtures/jobs-instance.js, default jobs.concurrency 4 each).
 * Prints jobs per second (first claim to last done), claim latency p50/p99 (one claim
 * statement, as timed by the worker) and duplicate executions (must be 0).
 *
 *   node bench/jobs.js [--jobs 10000] [--only sqlite|postgres]
 */
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { performance } = require('perf_hooks');
const { ensurePluginBuilt, ensurePlaygroundCompiled } = require('../scripts/lib/build');
const { startPostgres } = require('../scripts/lib/postgres');

const FIXTURE = path.resolve(__dirname, '..', 'tests', 'fixtures', 'jobs-instance.js');
const arg = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : fallback;
};
const JOBS = Number(arg('jobs', 10000));
const ONLY = arg('only', '');

const spawnInstance = (env) => {
  const child = spawn(process.execPath, [FIXTURE], {
    env: { ...process.env, LOG_LEVEL: 'error', RECORD: 'memory', DEFER_HANDLERS: '1', ...env },
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  const lines = [];
  let buffer = '';
  child.stdout.on('data', (chunk) => {
    buffer += chunk;
    const parts = buffer.split('\n');
    buffer = parts.pop();
    lines.push(...parts);
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const waitFor = async (prefix) => {
    while (!lines.some((line) => line.startsWith(prefix))) {
      if (child.exitCode !== null) throw new Error(`instance exited before "${prefix}"`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  return { child, exited, waitFor };
};

const percentile = (sorted, p) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;

/** A reader on the bench's side, to watch the done count. */
const openCounter = async (database) => {
  if (database.DATABASE_CLIENT === 'postgres') {
    const { Client } = require('pg');
    const client = new Client({
      host: database.DATABASE_HOST,
      port: Number(database.DATABASE_PORT),
      user: database.DATABASE_USERNAME,
      database: database.DATABASE_NAME,
    });
    await client.connect();
    return {
      done: async () =>
        Number(
          (
            await client.query(
              "SELECT count(*) AS n FROM email_marketing_jobs WHERE status = 'done'"
            )
          ).rows[0].n
        ),
      close: () => client.end(),
    };
  }
  const Database = require('better-sqlite3');
  const db = new Database(database.DATABASE_FILENAME, { readonly: true, timeout: 5000 });
  const statement = db.prepare(
    "SELECT count(*) AS n FROM email_marketing_jobs WHERE status = 'done'"
  );
  return { done: async () => statement.get().n, close: async () => db.close() };
};

const runScenario = async (label, database, processes) => {
  const reports = [];
  const env = (i) => {
    const report = path.join(os.tmpdir(), `em-bench-${process.pid}-${label}-${i}.json`);
    reports.push(report);
    return { ...database, REPORT_FILE: report };
  };
  // The first process creates the schema and enqueues through the engine; then the others join.
  const instances = [spawnInstance({ ...env(0), ENQUEUE: String(JOBS) })];
  await instances[0].waitFor('enqueued');
  for (let i = 1; i < processes; i += 1) {
    instances.push(spawnInstance(env(i)));
    await instances[i].waitFor('ready');
  }
  const counter = await openCounter(database);
  const started = performance.now();
  instances.forEach(({ child }) => child.send('go'));
  while ((await counter.done()) < JOBS) await new Promise((resolve) => setTimeout(resolve, 20));
  const seconds = (performance.now() - started) / 1000;
  await counter.close();
  instances.forEach(({ child }) => child.send('stop'));
  await Promise.all(instances.map(({ exited }) => exited));

  const latencies = [];
  const executions = new Map();
  for (const file of reports) {
    const { claimLatencies, executed } = JSON.parse(fs.readFileSync(file, 'utf8'));
    latencies.push(...claimLatencies);
    for (const id of executed) executions.set(id, (executions.get(id) ?? 0) + 1);
    fs.rmSync(file, { force: true });
  }
  latencies.sort((a, b) => a - b);
  const duplicates = [...executions.values()].reduce((sum, n) => sum + (n - 1), 0);
  return {
    scenario: label,
    processes,
    jobs: JOBS,
    'jobs/s': Math.round(JOBS / seconds),
    'claim p50 ms': Number(percentile(latencies, 50).toFixed(2)),
    'claim p99 ms': Number(percentile(latencies, 99).toFixed(2)),
    'duplicate executions': duplicates,
    'jobs executed': executions.size,
  };
};

const main = async () => {
  ensurePluginBuilt();
  ensurePlaygroundCompiled();
  const results = [];
  if (ONLY !== 'postgres') {
    for (const processes of [1, 2]) {
      const file = path.join(os.tmpdir(), `em-bench-${process.pid}-${processes}.db`);
      const database = { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: file };
      results.push(await runScenario(`sqlite`, database, processes));
      for (const suffix of ['', '-wal', '-shm', '-journal'])
        fs.rmSync(file + suffix, { force: true });
      console.table(results.slice(-1));
    }
  }
  if (ONLY !== 'sqlite') {
    const pg = await startPostgres();
    try {
      for (const processes of [1, 2]) {
        const database = await pg.createDatabase(`bench${processes}`);
        results.push(await runScenario('postgres', database, processes));
        console.table(results.slice(-1));
      }
    } finally {
      await pg.stop();
    }
  }
  console.log(`\n${JOBS} no-op jobs, ${os.cpus().length} CPUs, node ${process.version}`);
  console.table(results);
  if (results.some((r) => r['duplicate executions'] > 0 || r['jobs executed'] !== JOBS))
    process.exitCode = 1;
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
