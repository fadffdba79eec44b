import { createHash } from 'crypto';
import { klaviyoError } from './errors';

/** A FIFO semaphore: at most `max` requests in flight. */
export class Semaphore {
  private active = 0;
  private readonly waiting: Array<() => void> = [];
  constructor(public max: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.max) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active++;
    try {
      return await task();
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }
}

export interface WindowLimits {
  burst: number;
  burstMs: number;
  steady: number;
  steadyMs: number;
  daily?: number;
}

/**
 * Queues calls so that no `burstMs` span holds more than `burst` starts and no `steadyMs` span
 * more than `steady` (a sliding log, stricter than Klaviyo's fixed windows, with a margin for
 * the time a request spends on the wire). Past the daily cap it refuses with a rate-limit error
 * that says when the day ends, so a job retries tomorrow instead of hammering.
 */
export class WindowLimiter {
  private readonly starts: number[] = [];
  private chain: Promise<unknown> = Promise.resolve();
  private day = '';
  private dayCount = 0;

  constructor(
    public limits: WindowLimits,
    private readonly marginMs = 50
  ) {}

  /** How many calls started in the sliding windows right now (for tests). */
  get recent() {
    return [...this.starts];
  }

  run<T>(task: () => Promise<T>): Promise<T> {
    const turn = this.chain.then(() => this.waitForSlot());
    this.chain = turn.catch(() => undefined);
    return turn.then(task);
  }

  private async waitForSlot() {
    const { burst, burstMs, steady, steadyMs, daily } = this.limits;
    for (;;) {
      const now = Date.now();
      const today = new Date(now).toISOString().slice(0, 10);
      if (today !== this.day) {
        this.day = today;
        this.dayCount = 0;
      }
      if (daily !== undefined && this.dayCount >= daily) {
        const midnight = Date.parse(`${today}T00:00:00Z`) + 86_400_000;
        throw klaviyoError({
          kind: 'rate_limit',
          retryAfterMs: midnight - now,
          message: `Klaviyo allows ${daily} campaign reports a day; the next refresh runs after midnight UTC.`,
        });
      }
      while (this.starts.length && now - this.starts[0] >= steadyMs + this.marginMs)
        this.starts.shift();
      const inBurst = this.starts.filter((t) => now - t < burstMs + this.marginMs);
      let waitMs = 0;
      if (this.starts.length >= steady)
        waitMs = this.starts[this.starts.length - steady] + steadyMs + this.marginMs - now;
      if (inBurst.length >= burst)
        waitMs = Math.max(waitMs, inBurst[inBurst.length - burst] + burstMs + this.marginMs - now);
      if (waitMs <= 0) {
        this.starts.push(now);
        this.dayCount++;
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, waitMs));
    }
  }
}

const digest = (secret: string) => createHash('sha256').update(secret).digest('hex');

const semaphores = new Map<string, Semaphore>();
const reportLimiters = new Map<string, WindowLimiter>();

/** One semaphore per key for the whole process: every job and sync shares it. */
export const semaphoreFor = (secret: string, max: number) => {
  const id = digest(secret);
  let s = semaphores.get(id);
  if (!s) semaphores.set(id, (s = new Semaphore(max)));
  s.max = max;
  return s;
};

/** Klaviyo's campaign values report: 1/s, 2/min, 225/day per account (SDK JSDoc). */
export const VALUES_REPORT_LIMITS: WindowLimits = {
  burst: 1,
  burstMs: 1000,
  steady: 2,
  steadyMs: 60_000,
  daily: 225,
};

/** The report queue of one key, shared by every provider instance in the process. */
export const reportLimiterFor = (secret: string, limits: WindowLimits = VALUES_REPORT_LIMITS) => {
  const id = digest(secret);
  let l = reportLimiters.get(id);
  if (!l) reportLimiters.set(id, (l = new WindowLimiter(limits)));
  l.limits = limits;
  return l;
};
