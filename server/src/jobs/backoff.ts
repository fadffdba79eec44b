/**
 * Retry delay: exponential backoff with full jitter (a uniform pick in 0..ceiling, the ceiling
 * doubling per attempt up to `maxMs`), so a burst of failures spreads out instead of retrying
 * in lock-step. A platform's Retry-After is a floor: retrying earlier would only be refused.
 */
export interface BackoffInput {
  /** The attempt that just failed, 1 for the first run. */
  attempt: number;
  baseMs: number;
  maxMs: number;
  retryAfterMs?: number;
  /** 0 ≤ random() < 1; injectable for tests. */
  random?: () => number;
}

export const backoffCeilingMs = ({ attempt, baseMs, maxMs }: BackoffInput): number =>
  Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));

export const retryDelayMs = (input: BackoffInput): number => {
  const random = input.random ?? Math.random;
  const jittered = Math.floor(random() * backoffCeilingMs(input));
  const floor = input.retryAfterMs !== undefined && input.retryAfterMs > 0 ? input.retryAfterMs : 0;
  return Math.max(jittered, floor);
};
