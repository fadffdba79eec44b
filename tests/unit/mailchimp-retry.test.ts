import {
  backoffDelay,
  nextDelay,
  parseRetryAfter,
  DEFAULT_RETRY,
} from '../../server/src/providers/mailchimp/retry';

describe('backoff with full jitter', () => {
  const policy = { baseDelayMs: 500, maxDelayMs: 30_000 };

  it('is uniform in [0, base·2^attempt): the random draw scales the ceiling', () => {
    expect(backoffDelay(0, policy, () => 0)).toBe(0);
    expect(backoffDelay(0, policy, () => 0.999)).toBe(499);
    expect(backoffDelay(3, policy, () => 0.5)).toBe(2000); // 0.5 × 500·2³
  });

  it('never exceeds the cap, however many attempts', () => {
    expect(backoffDelay(20, policy, () => 0.999)).toBe(29_970);
    for (let attempt = 0; attempt < 40; attempt++)
      expect(backoffDelay(attempt, policy)).toBeLessThan(30_000);
  });

  it('honours Retry-After over the backoff, capped at maxDelayMs', () => {
    expect(nextDelay(5, DEFAULT_RETRY, 1_500, () => 0.9)).toBe(1_500);
    expect(nextDelay(5, DEFAULT_RETRY, 10 * 60_000)).toBe(DEFAULT_RETRY.maxDelayMs);
    expect(nextDelay(0, DEFAULT_RETRY, undefined, () => 0.5)).toBe(250);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('3')).toBe(3000);
    expect(parseRetryAfter('0')).toBe(0);
    const now = Date.parse('2026-11-23T10:00:00Z');
    expect(parseRetryAfter('Mon, 23 Nov 2026 10:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('Mon, 23 Nov 2026 09:00:00 GMT', now)).toBe(0);
  });

  it('ignores absent or unreadable values', () => {
    expect(parseRetryAfter(undefined)).toBeUndefined();
    expect(parseRetryAfter('')).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
  });
});
