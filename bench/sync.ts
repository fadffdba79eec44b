/**
 * Benchmark: contact sync on a real Strapi (playground, temporary SQLite) against the
 * simulator in its own process at 150 ms per call and a 10-connection cap.
 *
 *   npm run bench:sync -- [--contacts 100000] [--baseline 1000] [--updates 1000]
 *
 * P1 full sync of N contacts: HTTP requests, wall time, ratio to the ideal and to a per-contact
 *    PUT baseline (run here on --baseline contacts and projected linearly).
 * P2 re-sync with nothing changed: write calls (target 0) and wall time (target ≤ 10 s).
 * P3 1,000 entry updates through the document service, profile enabled vs disabled (≤ 1.10×).
 * P4 peak RSS growth during P1 (target ≤ 150 MB).
 * Prints figures; asserts nothing.
 */
import type { Core } from '@strapi/strapi';
import { MailchimpClient } from '../server/src/providers/mailchimp';
import { seedContactRows } from '../scripts/lib/seed-contacts';
import { bootBenchStrapi } from './lib/bench-strapi';
import { startSimulatorProcess } from './lib/simulator-process';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > -1 ? Number(process.argv[i + 1]) : fallback;
};
const CONTACTS = arg('contacts', 100_000);
const BASELINE = arg('baseline', 1_000);
const UPDATES = arg('updates', 1_000);
const LATENCY = 150;
const CAP = 10;
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

const service = (strapi: Core.Strapi, name: string) =>
  strapi.plugin('email-marketing').service(name);

const jobIdle = async (strapi: Core.Strapi) => {
  for (;;) {
    const busy = await strapi.db
      .query('plugin::email-marketing.job')
      .count({ where: { status: { $in: ['queued', 'running'] } } });
    if (busy === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

const main = async () => {
  const sim = await startSimulatorProcess();
  await sim.setFaults({ latencyMs: LATENCY, maxConcurrent: CAP });
  const { accountId, apiKey } = await sim.createAccount();
  await sim.createList(accountId);

  const { strapi, stop } = await bootBenchStrapi('sync', {
    MAILCHIMP_API_ROOT: `${sim.url}/{dc}/3.0`,
    EMAIL_MARKETING_CONFIG: JSON.stringify({ concurrency: CAP }),
  });

  const seedStart = Date.now();
  await seedContactRows(strapi.db.connection, CONTACTS, { prefix: 'bench' });
  const seedMs = Date.now() - seedStart;
  const connection = await service(strapi, 'connections').connectWithApiKey(
    { provider: 'mailchimp', apiKey },
    { type: 'system' }
  );
  const profile = await service(strapi, 'syncProfiles').create(
    {
      name: 'Bench',
      sourceUid: 'api::contact.contact',
      emailField: 'email',
      consentField: 'marketingConsent',
      consentRule: { kind: 'boolean' },
      mergeFields: [
        { attribute: 'firstName', tag: 'FNAME' },
        { attribute: 'lastName', tag: 'LNAME' },
      ],
    },
    { type: 'system' }
  );

  // P1 + P4
  const rssBefore = process.memoryUsage().rss;
  let rssPeak = rssBefore;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 50);
  let before = await sim.stats();
  let started = Date.now();
  await service(strapi, 'syncProfiles').enqueueFullSync(profile.id, 'manual');
  await jobIdle(strapi);
  const p1Ms = Date.now() - started;
  clearInterval(sampler);
  let after = await sim.stats();
  const p1Requests = after.requests - before.requests;
  const members = (
    await new MailchimpClient({
      credentials: { kind: 'apiKey', apiKey },
      apiRoot: process.env.MAILCHIMP_API_ROOT,
    }).getAudience(connection.defaultAudienceId)
  ).stats.member_count;
  const idealMs = Math.ceil(Math.ceil(CONTACTS / 500) / CAP) * LATENCY;

  // Per-contact baseline on a sample, same simulator, 9 in flight.
  const baselineAccount = await sim.createAccount();
  const { listId: baselineList } = await sim.createList(baselineAccount.accountId);
  const baselineClient = new MailchimpClient({
    credentials: { kind: 'apiKey', apiKey: baselineAccount.apiKey },
    apiRoot: process.env.MAILCHIMP_API_ROOT,
    concurrency: 9,
  });
  started = Date.now();
  await Promise.all(
    Array.from({ length: BASELINE }, (_, i) =>
      baselineClient.upsertMember(baselineList, {
        email_address: `base${i}@example.com`,
        status_if_new: 'subscribed',
        merge_fields: { FNAME: `F${i}`, LNAME: `L${i}` },
      })
    )
  );
  const baselineProjected = ((Date.now() - started) / BASELINE) * CONTACTS;

  // P2
  before = await sim.stats();
  started = Date.now();
  await service(strapi, 'syncProfiles').enqueueFullSync(profile.id, 'manual');
  await jobIdle(strapi);
  const p2Ms = Date.now() - started;
  after = await sim.stats();
  const p2Requests = after.requests - before.requests;
  const writes =
    (after.byMethod?.POST ?? 0) +
    (after.byMethod?.PUT ?? 0) +
    (after.byMethod?.PATCH ?? 0) +
    (after.byMethod?.DELETE ?? 0) -
    ((before.byMethod?.POST ?? 0) +
      (before.byMethod?.PUT ?? 0) +
      (before.byMethod?.PATCH ?? 0) +
      (before.byMethod?.DELETE ?? 0));

  // P3: the save path only (pushes run in the background and are not waited for).
  const documents = strapi.documents('api::contact.contact' as never);
  const targets = (
    await strapi.db
      .connection('contacts')
      .select('document_id')
      .whereNotNull('published_at')
      .limit(UPDATES)
  ).map((r: { document_id: string }) => r.document_id);
  const timeUpdates = async (label: string) => {
    const t = Date.now();
    for (const [i, documentId] of targets.entries()) {
      await documents.update({ documentId, data: { lastName: `${label}${i}` } as never } as never);
    }
    return Date.now() - t;
  };
  await service(strapi, 'syncProfiles').update(
    profile.id,
    { ...profile, enabled: false },
    { type: 'system' }
  );
  const offMs = await timeUpdates('off');
  await service(strapi, 'syncProfiles').update(
    profile.id,
    { ...profile, enabled: true },
    { type: 'system' }
  );
  const onMs = await timeUpdates('on');
  await jobIdle(strapi);

  const lines = [
    `contact-sync benchmark: ${CONTACTS} contacts (seeded in ${s(seedMs)}), ${LATENCY} ms per call, ${CAP}-connection cap (simulator in its own process)`,
    '',
    'P1 full sync',
    `  HTTP requests        ${p1Requests}`,
    `  wall time            ${s(p1Ms)}`,
    `  ideal                ${s(idealMs)}  = ceil(${Math.ceil(CONTACTS / 500)} batch calls / ${CAP}) × ${LATENCY} ms`,
    `  ratio to ideal       ${(p1Ms / idealMs).toFixed(2)}×`,
    `  per-contact baseline ${s(baselineProjected)} projected from ${BASELINE} PUTs at 9 parallel → ${(baselineProjected / p1Ms).toFixed(1)}× slower than the sync`,
    `  members on the audience: ${members}`,
    '',
    'P2 re-sync, nothing changed',
    `  write calls          ${writes} (all requests: ${p2Requests})`,
    `  wall time            ${s(p2Ms)}`,
    '',
    `P3 ${UPDATES} updates through the document service`,
    `  profile disabled     ${s(offMs)}`,
    `  profile enabled      ${s(onMs)}  → ${(onMs / offMs).toFixed(2)}×`,
    '',
    'P4 memory during P1',
    `  RSS before ${mb(rssBefore)}, peak ${mb(rssPeak)}, growth ${mb(rssPeak - rssBefore)}`,
  ];
  process.stdout.write(lines.join('\n') + '\n');
  await stop();
  await sim.stop();
  process.exit(0);
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
