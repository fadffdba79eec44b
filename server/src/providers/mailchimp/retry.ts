export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Give up once this much time has passed since the first attempt (outages end; budgets don't). */
  maxElapsedMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  maxAttempts: 12,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  maxElapsedMs: 180_000,
};

/**
 * Exponential backoff with full jitter: a uniform delay in [0, min(cap, base·2^attempt)).
 * Full jitter spreads retrying clients apart, which is what a 429 storm needs.
 */
export const backoffDelay = (
  attempt: number,
  policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs'>,
  random: () => number = Math.random
) => Math.floor(random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt));

/** Retry-After as seconds or an HTTP date; undefined when absent or unreadable. */
export const parseRetryAfter = (
  value: string | undefined | null,
  nowMs = Date.now()
): number | undefined => {
  if (value === undefined || value === null || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
};

/** The wait before the next attempt: the server's Retry-After when given, else the backoff. */
export const nextDelay = (
  attempt: number,
  policy: RetryPolicy,
  retryAfterMs?: number,
  random?: () => number
) =>
  retryAfterMs !== undefined
    ? Math.min(retryAfterMs, policy.maxDelayMs)
    : backoffDelay(attempt, policy, random);

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
