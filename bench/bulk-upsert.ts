/**
 * Benchmark: bulk upsert of 100,000 contacts into an empty audience against the simulator with
 * 150 ms latency per call and Mailchimp's 10-connection cap, compared with a per-contact PUT
 * client at 9 parallel (what careful integrations do today) in the same run.
 *
 *   npm run bench:bulk-upsert -- [--contacts 100000] [--baseline 5000] [--latency 150]
 *
 * The per-contact baseline is run on --baseline contacts (100,000 per-contact calls at 150 ms
 * and 9 parallel would take ~28 minutes) and projected linearly: its time is calls ÷ 9 × latency.
 * The simulator runs in its own process, as Mailchimp would on its own machines, so its work
 * does not share the client's event loop. Prints figures; asserts nothing.
 */
import { bulkUpsert, MailchimpClient, type UpsertContact } from '../server/src/providers/mailchimp';
import { startSimulatorProcess } from './lib/simulator-process';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > -1 ? Number(process.argv[i + 1]) : fallback;
};

const CONTACTS = arg('contacts', 100_000);
const BASELINE = arg('baseline', 2_000);
const LATENCY = arg('latency', 150);
const CAP = 10;

const contacts = (n: number, prefix: string): UpsertContact[] =>
  Array.from({ length: n }, (_, i) => ({
    email: `${prefix}${i}@example.com`,
    statusIfNew: 'subscribed',
    mergeFields: { FNAME: `First${i}`, LNAME: `Last${i}` },
  }));

const trackRss = () => {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 25);
  return () => {
    clearInterval(timer);
    return Math.max(peak, process.memoryUsage().rss);
  };
};

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

const main = async () => {
  const sim = await startSimulatorProcess();
  await sim.setFaults({ latencyMs: LATENCY, maxConcurrent: CAP });
  const apiRoot = `${sim.url}/{dc}/3.0`;
  const run = async (
    label: string,
    n: number,
    work: (client: MailchimpClient, listId: string) => Promise<unknown>,
    concurrency: number
  ) => {
    const { accountId, apiKey } = await sim.createAccount();
    const { listId } = await sim.createList(accountId);
    const client = new MailchimpClient({
      credentials: { kind: 'apiKey', apiKey },
      apiRoot,
      concurrency,
    });
    const before = await sim.stats();
    const stopRss = trackRss();
    const started = Date.now();
    await work(client, listId);
    const ms = Date.now() - started;
    const rss = stopRss();
    const after = await sim.stats();
    const members = (await client.getAudience(listId)).stats.member_count;
    return {
      label,
      n,
      ms,
      rss,
      requests: after.requests - before.requests - 0,
      tooMany: (after.byStatus['429'] ?? 0) - (before.byStatus['429'] ?? 0),
      peak: after.peakInFlightByAccount[accountId] ?? 0,
      members,
      listId,
      client,
    };
  };

  // Inputs are built before the clock starts: the figures measure the upsert, not the fixture.
  const bulkInput = contacts(CONTACTS, 'bulk');
  const baselineInput = contacts(BASELINE, 'single');
  const bulk = await run(
    'bulk upsert (batch subscribe 500/call, 10 in flight)',
    CONTACTS,
    (client, listId) => bulkUpsert(client, listId, bulkInput),
    CAP
  );
  const idealMs = Math.ceil(Math.ceil(CONTACTS / 500) / CAP) * LATENCY;

  const perContact = await run(
    `per-contact PUT, 9 parallel (${BASELINE} contacts)`,
    BASELINE,
    async (client, listId) => {
      await Promise.all(
        baselineInput.map((c) =>
          client.upsertMember(listId, {
            email_address: c.email,
            status_if_new: c.statusIfNew,
            merge_fields: c.mergeFields,
          })
        )
      );
    },
    9
  );
  const projectedMs = (perContact.ms / BASELINE) * CONTACTS;

  // A re-sync of the same contacts: all exist, so they go through one /batches job per 10,000.
  const resyncStart = Date.now();
  const before = (await sim.stats()).requests;
  const resync = await bulkUpsert(bulk.client, bulk.listId, bulkInput, { pollStartMs: 250 });
  const resyncMs = Date.now() - resyncStart;
  const resyncRequests = (await sim.stats()).requests - before;

  const lines = [
    `bulk-upsert benchmark: ${CONTACTS} contacts, ${LATENCY} ms latency per call, ${CAP}-connection cap (simulator)`,
    '',
    `${bulk.label}`,
    `  HTTP requests       ${bulk.requests} (429s: ${bulk.tooMany})`,
    `  wall time           ${s(bulk.ms)}`,
    `  ideal (cap+latency) ${s(idealMs)}  = ceil(${Math.ceil(CONTACTS / 500)} calls / ${CAP}) × ${LATENCY} ms`,
    `  ratio to ideal      ${(bulk.ms / idealMs).toFixed(2)}×`,
    `  peak in flight      ${bulk.peak}`,
    `  peak RSS            ${mb(bulk.rss)}`,
    `  members created     ${bulk.members}`,
    '',
    `${perContact.label}`,
    `  HTTP requests       ${perContact.requests} (429s: ${perContact.tooMany})`,
    `  wall time           ${s(perContact.ms)}  → projected for ${CONTACTS}: ${s(projectedMs)}`,
    `  peak in flight      ${perContact.peak}`,
    '',
    `speed-up              ${(projectedMs / bulk.ms).toFixed(1)}× (projected per-contact ÷ bulk)`,
    `requests saved        ${CONTACTS} per-contact calls vs ${bulk.requests}`,
    '',
    `re-sync of the same ${CONTACTS} (all existing → /batches, status untouched)`,
    `  wall time           ${s(resyncMs)}, HTTP requests ${resyncRequests}, updated ${resync.filter((o) => o.outcome === 'updated').length}, failed ${resync.filter((o) => o.outcome === 'failed').length}`,
  ];
  process.stdout.write(lines.join('\n') + '\n');
  await sim.stop();
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
