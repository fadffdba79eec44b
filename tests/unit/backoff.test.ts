import { backoffCeilingMs, retryDelayMs } from '../../server/src/jobs/backoff';

describe('retry backoff (exponential, full jitter, Retry-After as a floor)', () => {
  const base = { baseMs: 1000, maxMs: 60_000 };

  it('doubles the ceiling each attempt up to the maximum', () => {
    expect([1, 2, 3, 4, 7, 8].map((attempt) => backoffCeilingMs({ ...base, attempt }))).toEqual([
      1000, 2000, 4000, 8000, 60_000, 60_000,
    ]);
  });

  it('picks uniformly between 0 and the ceiling', () => {
    expect(retryDelayMs({ ...base, attempt: 3, random: () => 0 })).toBe(0);
    expect(retryDelayMs({ ...base, attempt: 3, random: () => 0.5 })).toBe(2000);
    expect(retryDelayMs({ ...base, attempt: 3, random: () => 0.999999 })).toBe(3999);
  });

  it('never retries before Retry-After, and keeps a longer jittered delay', () => {
    expect(retryDelayMs({ ...base, attempt: 1, retryAfterMs: 30_000, random: () => 0.9 })).toBe(
      30_000
    );
    expect(retryDelayMs({ ...base, attempt: 8, retryAfterMs: 1000, random: () => 0.5 })).toBe(
      30_000
    );
  });

  it('stays within [0, ceiling) over many draws', () => {
    for (let i = 0; i < 1000; i += 1) {
      const delay = retryDelayMs({ ...base, attempt: 5 });
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThan(16_000);
    }
  });
});
