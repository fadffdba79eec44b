import { bulkUpsert, type UpsertContact } from '../../server/src/providers/mailchimp';
import { startSimFixture, type SimFixture } from '../helpers/simulator';

/**
 * 10,000 contacts through a 429 storm (a connection cap below the client's limit, 429s with and
 * without a JSON body, random 429s) and a 30 s outage that drops connections mid-run.
 */
describe('bulk upsert under a 429 storm and a 30 s outage', () => {
  let fx: SimFixture;

  beforeAll(async () => {
    fx = await startSimFixture({ logBodies: false });
  });
  afterAll(async () => {
    await fx.sim.stop();
  });

  it('completes with nothing lost, nobody re-subscribed, and never more than the limit in flight', async () => {
    const TOTAL = 10_000;
    const EXISTING = 2_000;
    const LIMIT = 8;
    // 2,000 already in the audience, one in four of them unsubscribed.
    fx.sim.seedMembers(
      fx.listId,
      Array.from({ length: EXISTING }, (_, i) => ({
        email_address: `person${i}@example.com`,
        status_if_new: i % 4 === 0 ? ('unsubscribed' as const) : ('subscribed' as const),
      }))
    );
    const contacts: UpsertContact[] = Array.from({ length: TOTAL }, (_, i) => ({
      email: `person${i}@example.com`,
      statusIfNew: 'subscribed',
      mergeFields: { FNAME: `P${i}`, SCORE: i },
    }));

    const started = Date.now();
    fx.sim.setFaults({
      latencyMs: 80,
      jitterMs: 40,
      maxConcurrent: 4,
      concurrency429Body: 'mixed',
      rate429: 0.15,
      outage: { start: started + 250, end: started + 30_250, mode: 'drop' },
    });
    const client = fx.client({
      concurrency: LIMIT,
      timeoutMs: 10_000,
      retry: { baseDelayMs: 100, maxDelayMs: 4_000, maxAttempts: 60, maxElapsedMs: 120_000 },
    });

    const outcomes = await bulkUpsert(client, fx.listId, contacts, {
      pollStartMs: 100,
      pollMaxMs: 1_000,
    });
    const elapsed = Date.now() - started;

    // The outage really happened inside the run, and requests were really refused.
    expect(elapsed).toBeGreaterThan(30_000);
    const stats = fx.sim.stats();
    expect(stats.byStatus['429']).toBeGreaterThan(0);
    expect(stats.byStatus['-1']).toBeGreaterThan(0); // dropped connections

    // Nothing lost: one success per contact.
    expect(outcomes).toHaveLength(TOTAL);
    expect(outcomes.filter((o) => o.outcome === 'failed')).toEqual([]);
    expect(outcomes.filter((o) => o.outcome === 'created')).toHaveLength(TOTAL - EXISTING);
    expect(outcomes.filter((o) => o.outcome === 'updated')).toHaveLength(EXISTING);
    const list = fx.sim.list(fx.listId);
    expect(list.members.size).toBe(TOTAL);
    expect(fx.sim.member(fx.listId, 'person9999@example.com')?.merge_fields.FNAME).toBe('P9999');

    // Nobody re-subscribed: the 500 who had unsubscribed still are, with updated fields.
    const unsubscribed = [...list.members.values()].filter((m) => m.status === 'unsubscribed');
    expect(unsubscribed).toHaveLength(EXISTING / 4);
    expect(fx.sim.member(fx.listId, 'person0@example.com')).toMatchObject({
      status: 'unsubscribed',
      merge_fields: expect.objectContaining({ FNAME: 'P0' }),
    });

    // Never more than the limit in flight, on the client's side and as Mailchimp counted it.
    expect(client.concurrencyStats.peak).toBeLessThanOrEqual(LIMIT);
    expect(stats.peakInFlightByAccount[fx.accountId]).toBeLessThanOrEqual(LIMIT);
    expect(stats.specViolations).toBe(0);
  }, 150_000);
});
