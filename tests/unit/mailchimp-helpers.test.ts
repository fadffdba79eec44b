import { packResults } from '../simulator/batch-archive';
import { parseBatchResults } from '../../server/src/providers/mailchimp/batch-results';
import { kindOf, kindOfMemberError } from '../../server/src/providers/mailchimp/errors';
import { Limiter, limiterFor } from '../../server/src/providers/mailchimp/limiter';
import { chunk, paginate, subscriberHash } from '../../server/src/providers/mailchimp';

describe('subscriberHash', () => {
  it('is the MD5 of the trimmed, lower-cased address', () => {
    expect(subscriberHash(' Urist.McVankab@FreddiesJokes.com ')).toBe(
      '62eeb292278cc15f5817cb78f7790b08'
    );
  });
});

describe('chunk', () => {
  it('splits into pieces of at most the size, keeping order', () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunk([], 500)).toEqual([]);
    expect(
      chunk(
        Array.from({ length: 1001 }, (_, i) => i),
        500
      ).map((c) => c.length)
    ).toEqual([500, 500, 1]);
  });
  it('refuses a size below 1', () => {
    expect(() => chunk([1], 0)).toThrow(RangeError);
  });
});

describe('paginate', () => {
  it('walks count/offset pages until a short page', async () => {
    const items = Array.from({ length: 23 }, (_, i) => i);
    const offsets: number[] = [];
    const seen: number[] = [];
    for await (const item of paginate(
      async ({ count, offset }) => {
        offsets.push(offset);
        return { total_items: items.length, things: items.slice(offset, offset + count) };
      },
      (page) => page.things,
      10
    ))
      seen.push(item);
    expect(seen).toEqual(items);
    expect(offsets).toEqual([0, 10, 20]);
  });
});

describe('error kinds', () => {
  it('maps Mailchimp statuses and titles to kinds', () => {
    expect(kindOf(401, { title: 'API Key Invalid' })).toBe('auth');
    expect(kindOf(403, { title: 'Forbidden' })).toBe('auth');
    expect(kindOf(403, undefined)).toBe('rate_limit'); // bodiless 403 under load
    expect(kindOf(429, undefined)).toBe('rate_limit');
    expect(kindOf(404, { title: 'Resource Not Found' })).toBe('not_found');
    expect(kindOf(400, { title: 'Member In Compliance State' })).toBe('compliance');
    expect(kindOf(400, { title: 'Forgotten Email Not Subscribed' })).toBe('forgotten');
    expect(kindOf(400, { title: 'Invalid Resource' })).toBe('validation');
    expect(kindOf(503, undefined)).toBe('transient');
  });
  it('reads per-member batch errors', () => {
    expect(kindOfMemberError('x was permanently deleted and cannot be re-imported.')).toBe(
      'forgotten'
    );
    expect(kindOfMemberError('x is in a compliance state due to unsubscribe')).toBe('compliance');
    expect(kindOfMemberError('Please provide a valid email address.')).toBe('validation');
  });
});

describe('Limiter', () => {
  it('never runs more than max tasks at once and runs them all', async () => {
    const limiter = new Limiter(3);
    let active = 0;
    let peak = 0;
    const done = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        limiter.run(async () => {
          active++;
          peak = Math.max(peak, active);
          await new Promise((resolve) => setTimeout(resolve, 2 + (i % 3)));
          active--;
          return i;
        })
      )
    );
    expect(done).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(peak).toBe(3);
    expect(limiter.peak).toBe(3);
    expect(limiter.inFlight).toBe(0);
  });

  it('is shared per credential across the process', () => {
    expect(limiterFor('key-a', 8)).toBe(limiterFor('key-a', 8));
    expect(limiterFor('key-a', 8)).not.toBe(limiterFor('key-b', 8));
  });
});

describe('batch results archive', () => {
  it('reads every result of the gzipped tar the simulator (tar-stream) writes', async () => {
    const results = Array.from({ length: 1203 }, (_, i) => ({
      status_code: i % 7 === 0 ? 400 : 200,
      operation_id: `op${i}`,
      response: JSON.stringify({ i }),
    }));
    const parsed = parseBatchResults(await packResults('abc123', results));
    expect(parsed).toEqual(results);
  });
});
