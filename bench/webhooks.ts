/**
 * Benchmark: webhook intake on a real Strapi (playground, temporary SQLite, listening on a
 * port) with the simulator firing Mailchimp deliveries at it (`sim.unsubscribe`).
 *
 *   npm run bench:webhooks -- [--events 5000] [--concurrency 50]
 *
 * W1 sustained intake: events per second accepted (2xx), p50/p99 response time, events lost
 *    (fired but not stored; target 0), against the 500/s target.
 * W2 processing: how long the job takes to apply every stored event.
 * Prints figures; asserts nothing. Build first (`npm run build`, the playground compiled):
 * the plugin is loaded from dist/ like in the integration tests.
 */
import { bootBenchStrapi } from './lib/bench-strapi';
import net from 'net';
import type { Core } from '@strapi/strapi';
import { startSimulator } from '../tests/simulator';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > -1 ? Number(process.argv[i + 1]) : fallback;
};
const EVENTS = arg('events', 5_000);
const CONCURRENCY = arg('concurrency', 50);
/** `--intake-only`: no workers in this process, so W1 measures the intake alone. */
const INTAKE_ONLY = process.argv.includes('--intake-only');

const service = (strapi: Core.Strapi, name: string) =>
  strapi.plugin('email-marketing').service(name);

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

const main = async () => {
  const sim = await startSimulator();
  const { account, apiKey } = sim.createAccount({ dc: 'us7' });
  const list = sim.createList(account.account_id, { name: 'Bench' });
  const emails = Array.from({ length: EVENTS }, (_, i) => `hook${i}@bench.example`);
  sim.seedMembers(
    list.id,
    emails.map((email_address) => ({ email_address, status_if_new: 'subscribed' as const }))
  );

  const port = await freePort();
  const { strapi, stop } = await bootBenchStrapi('webhooks', {
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    MAILCHIMP_API_ROOT: `${sim.url}/{dc}/3.0`,
    ...(INTAKE_ONLY
      ? { EMAIL_MARKETING_CONFIG: JSON.stringify({ jobs: { runWorkers: false } }) }
      : {}),
  });
  await new Promise<void>((resolve) => strapi.server.listen(port, '127.0.0.1', resolve));

  const connection = await service(strapi, 'connections').connectWithApiKey(
    { provider: 'mailchimp', apiKey },
    { type: 'system' }
  );
  await service(strapi, 'webhooks').register(connection.id, { type: 'system' });
  const [hook] = [...sim.list(list.id).webhooks.values()];

  // The simulator's deliveries carry no duration: time the POSTs to the hook's URL here.
  const durations: number[] = [];
  const realFetch = globalThis.fetch;
  globalThis.fetch = async (input, init) => {
    const started = performance.now();
    const res = await realFetch(input, init);
    if (init?.method === 'POST' && String(input) === hook.url)
      durations.push(performance.now() - started);
    return res;
  };

  // W1: the simulator fires one unsubscribe per member, CONCURRENCY in flight at a time.
  const started = performance.now();
  for (let i = 0; i < emails.length; i += CONCURRENCY) {
    for (const email of emails.slice(i, i + CONCURRENCY)) sim.unsubscribe(list.id, email);
    await sim.flushDeliveries();
  }
  const intakeMs = performance.now() - started;
  globalThis.fetch = realFetch;
  const accepted = sim.deliveries.filter((d) => d.status && d.status < 300).length;
  const stored = await strapi.db.query('plugin::email-marketing.webhook-event').count();

  // W2: processing until no event is left received.
  const processStarted = performance.now();
  for (; !INTAKE_ONLY; ) {
    const left = await strapi.db
      .query('plugin::email-marketing.webhook-event')
      .count({ where: { status: 'received' } });
    if (left === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const processMs = performance.now() - processStarted;

  const sorted = [...durations].sort((a, b) => a - b);
  const rate = (accepted / intakeMs) * 1000;
  console.log(`webhook intake: ${EVENTS} events, ${CONCURRENCY} in flight`);
  console.log(
    `W1 accepted ${accepted}/${EVENTS} in ${(intakeMs / 1000).toFixed(2)} s = ${rate.toFixed(0)} events/s (target ≥ 500/s)`
  );
  console.log(
    `   response p50 ${percentile(sorted, 50).toFixed(1)} ms, p99 ${percentile(sorted, 99).toFixed(1)} ms, max ${sorted[sorted.length - 1].toFixed(1)} ms`
  );
  console.log(`   stored ${stored}; lost ${EVENTS - stored} (target 0)`);
  const refused = sim.deliveries.filter((d) => !d.status || d.status >= 300);
  if (refused.length > 0) {
    const by: Record<string, number> = {};
    for (const d of refused)
      by[d.status ? String(d.status) : (d.error ?? 'error')] =
        (by[d.status ? String(d.status) : (d.error ?? 'error')] ?? 0) + 1;
    console.log(`   refused deliveries (Mailchimp would retry them): ${JSON.stringify(by)}`);
  }
  console.log(
    `W2 processed the rest in ${(processMs / 1000).toFixed(2)} s after intake ended (effects + one propagation job per address)`
  );

  await stop();
  await sim.stop();
  process.exit(0);
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
