/**
 * Benchmark: point triggers on a real Strapi (playground, temporary SQLite) with the simulator
 * in its own process.
 *
 *   npm run bench:points -- [--events 100000] [--contacts 10000] [--saves 300] [--rounds 10]
 *   POINTS_EVENTS=20000 npm run bench:points      (the same knobs by env, for quick runs)
 *
 * P1 N point events over M contacts processed through the jobs (points.capture: limits, history,
 *    totals, two thresholds): events per second, fired thresholds.
 * P2 the added latency of a content save with three active rules vs none, in interleaved
 *    blocks (off/on, then on/off, … so load drift on a shared machine cancels out): a contact
 *    update (document service) and an order create; median and p95 per save, the ratio
 *    (target ≤ 1.10×), and its spread over the rounds (each round's own median ratio).
 * Prints figures; asserts nothing.
 */
import { randomUUID } from 'crypto';
import os from 'os';
import type { Core } from '@strapi/strapi';
import { seedContactRows } from '../scripts/lib/seed-contacts';
import { bootBenchStrapi } from './lib/bench-strapi';
import { startSimulatorProcess } from './lib/simulator-process';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  const env = process.env[`POINTS_${name.toUpperCase()}`];
  return i > -1 ? Number(process.argv[i + 1]) : env ? Number(env) : fallback;
};
const EVENTS = arg('events', 100_000);
const CONTACTS = arg('contacts', 10_000);
const SAVES = arg('saves', 300);
const ROUNDS = arg('rounds', 10);
const JOB = 'plugin::email-marketing.job';
const RULE = 'plugin::email-marketing.trigger';

const service = (strapi: Core.Strapi, name: string) =>
  strapi.plugin('email-marketing').service(name);

const jobIdle = async (strapi: Core.Strapi, type?: string) => {
  for (;;) {
    const busy = await strapi.db
      .query(JOB)
      .count({ where: { status: { $in: ['queued', 'running'] }, ...(type ? { type } : {}) } });
    if (busy === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
};

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};
const ms = (v: number) => `${v.toFixed(2)} ms`;

const main = async () => {
  const sim = await startSimulatorProcess();
  const { accountId, apiKey } = await sim.createAccount();
  await sim.createList(accountId);
  const { strapi, stop } = await bootBenchStrapi('points', {
    MAILCHIMP_API_ROOT: `${sim.url}/{dc}/3.0`,
    EMAIL_MARKETING_CONFIG: JSON.stringify({ jobs: { pollIntervalMs: 100 } }),
  });
  await seedContactRows(strapi.db.connection, CONTACTS, { prefix: 'points' });
  await service(strapi, 'connections').connectWithApiKey(
    { provider: 'mailchimp', apiKey },
    { type: 'system' }
  );
  // Disabled: no pushes, so the figures are the triggers' own (a push would add the same to both sides).
  const profile = await service(strapi, 'syncProfiles').create(
    {
      name: 'Contacts',
      sourceUid: 'api::contact.contact',
      emailField: 'email',
      consentField: 'marketingConsent',
      consentRule: { kind: 'boolean' },
      mergeFields: [],
      enabled: false,
    },
    { type: 'system' }
  );
  const triggers = service(strapi, 'triggers');
  const actor = { type: 'system' as const, name: 'bench' };
  const rule = (body: object) => triggers.createRule({ profileId: profile.id, ...body }, actor);
  const documentIds = (
    (await strapi.db
      .connection('contacts')
      .distinct('document_id')
      .orderBy('document_id')) as Array<{ document_id: string }>
  ).map((r) => r.document_id);

  // ---- P1: throughput ------------------------------------------------------------------------
  const visit = await rule({
    name: 'Visited',
    event: { type: 'field.changed', field: 'city', value: 'Lyon' },
    points: 1,
  });
  const capped = await rule({
    name: 'Capped',
    event: { type: 'field.changed', field: 'country', value: 'FR' },
    points: 2,
    limit: { count: 5, per: 'day' },
  });
  for (const [points, name] of [
    [10, 'Warm'],
    [15, 'VIP'],
  ] as const)
    await triggers.createThreshold(
      {
        profileId: profile.id,
        name,
        points,
        actions: [{ type: 'markVip' }],
        refireOnRecross: false,
      },
      actor
    );
  const jobs = service(strapi, 'jobs');
  const later = new Date(Date.now() + 3_600_000);
  const enqueueStart = Date.now();
  for (let start = 0; start < EVENTS; start += 1000) {
    await strapi.db.transaction(async () => {
      for (let i = start; i < Math.min(EVENTS, start + 1000); i++)
        await jobs.enqueue(
          'points.capture',
          {
            action: 'update',
            uid: 'api::contact.contact',
            documentId: documentIds[i % documentIds.length],
            ruleIds: [i % 2 === 0 ? visit.id : capped.id],
            eventId: randomUUID(),
            at: new Date().toISOString(),
          },
          { runAt: later }
        );
    });
  }
  const enqueueMs = Date.now() - enqueueStart;
  const runStart = Date.now();
  await strapi.db
    .query(JOB)
    .updateMany({ where: { type: 'points.capture' }, data: { runAt: new Date() } });
  // Events/s counts the capture jobs (awards, limits, threshold checks); the points.fire jobs
  // the 10,000 crossings enqueue (VIP flag + audit each) are timed apart.
  await jobIdle(strapi, 'points.capture');
  const runMs = Date.now() - runStart;
  await jobIdle(strapi);
  const fireMs = Date.now() - runStart - runMs;
  const count = (uid: string, where = {}) => strapi.db.query(uid as never).count({ where });
  const awarded = Number(await count('plugin::email-marketing.point-event'));
  const firings = Number(await count('plugin::email-marketing.threshold-firing'));
  const failed = Number(await count(JOB, { status: { $in: ['failed', 'dead'] } }));

  // ---- P2: save latency with three active rules vs none ---------------------------------------
  await strapi.db.query(RULE).updateMany({ where: {}, data: { paused: true } });
  await rule({
    name: 'Order',
    event: { type: 'entry.created', uid: 'api::order.order', relationField: 'contact' },
    points: 10,
  });
  await rule({
    name: 'Named',
    event: { type: 'field.changed', field: 'lastName', value: 'Smith' },
    points: 5,
  });
  await rule({ name: 'Published', event: { type: 'contact.published' }, points: 1 });
  const active = (await strapi.db.query(RULE).findMany({ where: { paused: false } })) as Array<{
    id: number;
  }>;
  const setRules = async (on: boolean) => {
    await strapi.db
      .query(RULE)
      .updateMany({ where: { id: { $in: active.map((r) => r.id) } }, data: { paused: !on } });
    triggers.invalidate();
  };
  const contacts = strapi.documents('api::contact.contact' as never);
  const orders = strapi.documents('api::order.order' as never);
  // Contacts made through the document service, as an editor would (orders relate to them).
  const saved: string[] = [];
  for (let i = 0; i < 50; i++)
    saved.push(
      (
        (await contacts.create({
          data: { email: `saved${i}@example.com`, lastName: `Saved${i}`, marketingConsent: true },
          status: 'published',
        } as never)) as { documentId: string }
      ).documentId
    );
  const times = {
    update: { off: [] as number[], on: [] as number[] },
    order: { off: [] as number[], on: [] as number[] },
  };
  let seq = 0;
  const perBlock = Math.ceil(SAVES / ROUNDS);
  const rounds: Array<{ update: number; order: number }> = [];
  for (let round = 0; round < ROUNDS; round++) {
    const block = { update: { off: [] as number[], on: [] as number[] } };
    const orderBlock = { off: [] as number[], on: [] as number[] };
    // ABBA: off/on in even rounds, on/off in odd ones, so neither side always goes first.
    for (const on of round % 2 === 0 ? [false, true] : [true, false]) {
      await setRules(on);
      await contacts.findMany({ limit: 1 } as never); // warms the rule index outside the timing
      for (let i = 0; i < perBlock; i++) {
        const documentId = saved[seq % saved.length];
        // Half the updates set the watched value, so the matching path is paid.
        const lastName = seq % 2 === 0 ? 'Smith' : `Last${seq}`;
        let t = process.hrtime.bigint();
        await contacts.update({ documentId, data: { lastName } } as never);
        const u = Number(process.hrtime.bigint() - t) / 1e6;
        t = process.hrtime.bigint();
        await orders.create({
          data: { reference: `B-${seq}`, total: 5, contact: documentId },
        } as never);
        const o = Number(process.hrtime.bigint() - t) / 1e6;
        const side = on ? 'on' : 'off';
        times.update[side].push(u);
        times.order[side].push(o);
        block.update[side].push(u);
        orderBlock[side].push(o);
        seq++;
      }
      // The capture jobs run between blocks, not under the next block's timings.
      await jobIdle(strapi);
    }
    const ratio = (t: { off: number[]; on: number[] }) =>
      quantile(t.on, 0.5) / quantile(t.off, 0.5);
    rounds.push({ update: ratio(block.update), order: ratio(orderBlock) });
  }

  const spread = (values: number[]) =>
    `rounds' median ratios: min ${Math.min(...values).toFixed(2)}×, median ${quantile(values, 0.5).toFixed(2)}×, max ${Math.max(...values).toFixed(2)}×`;
  const row = (label: string, t: { off: number[]; on: number[] }, perRound: number[]) => {
    const [m0, m1] = [quantile(t.off, 0.5), quantile(t.on, 0.5)];
    const [p0, p1] = [quantile(t.off, 0.95), quantile(t.on, 0.95)];
    return [
      `  ${label}`,
      `    no rules        median ${ms(m0)}  p95 ${ms(p0)}`,
      `    3 active rules  median ${ms(m1)}  p95 ${ms(p1)}`,
      `    ratio           median ${(m1 / m0).toFixed(2)}×  p95 ${(p1 / p0).toFixed(2)}×  (target ≤ 1.10×)`,
      `    spread          ${spread(perRound)}`,
    ];
  };
  console.log(
    [
      `P1 ${EVENTS} point events over ${CONTACTS} contacts through points.capture jobs`,
      `  enqueue                ${(enqueueMs / 1000).toFixed(1)} s`,
      `  processing             ${(runMs / 1000).toFixed(1)} s → ${Math.round(EVENTS / (runMs / 1000))} events/s`,
      `  load average           ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')} (2 cores, shared)`,
      `  point events written   ${awarded} (the rest limited: at most 5 per day)`,
      `  threshold firings      ${firings}; their points.fire jobs took ${(fireMs / 1000).toFixed(1)} s more`,
      `  failed jobs            ${failed}`,
      `P2 save latency, ${perBlock * ROUNDS} saves per side in ${ROUNDS} interleaved rounds (off/on, on/off, …)`,
      ...row(
        'contact update (document service)',
        times.update,
        rounds.map((r) => r.update)
      ),
      ...row(
        'order create (document service)',
        times.order,
        rounds.map((r) => r.order)
      ),
    ].join('\n')
  );
  await stop();
  await sim.stop();
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
