import { createHash } from 'crypto';

/** A FIFO semaphore: at most `max` tasks hold a slot at once. */
export class Limiter {
  private active = 0;
  private readonly waiting: Array<() => void> = [];
  peak = 0;

  constructor(public max: number) {}

  get inFlight() {
    return this.active;
  }

  async acquire(): Promise<() => void> {
    if (this.active >= this.max) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active++;
    this.peak = Math.max(this.peak, this.active);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.active--;
      this.waiting.shift()?.();
    };
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await task();
    } finally {
      release();
    }
  }
}

/**
 * One limiter per credential for the whole process: every client, job and sync that uses the
 * same Mailchimp key shares its slots, because Mailchimp counts connections per user.
 */
const limiters = new Map<string, Limiter>();

export const limiterFor = (credential: string, max: number): Limiter => {
  // The map is keyed by a digest so that no secret sits in a long-lived structure.
  const id = createHash('sha256').update(credential).digest('hex');
  let limiter = limiters.get(id);
  if (!limiter) {
    limiter = new Limiter(max);
    limiters.set(id, limiter);
  }
  limiter.max = max;
  return limiter;
};
