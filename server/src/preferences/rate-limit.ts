/**
 * A fixed-window counter per key (the client's IP): `max` requests per window, then a wait
 * until the window ends. In memory, per process: with several Strapi processes behind a load
 * balancer each counts its own share.
 */
export class FixedWindowLimiter {
  private windows = new Map<string, { start: number; count: number }>();
  private lastSweep = 0;

  constructor(
    private readonly max: number,
    private readonly windowMs: number
  ) {}

  /** Counts a request; returns null when allowed, else the seconds until the window ends. */
  hit(key: string, now = Date.now()): number | null {
    this.sweep(now);
    const current = this.windows.get(key);
    if (!current || now - current.start >= this.windowMs) {
      this.windows.set(key, { start: now, count: 1 });
      return null;
    }
    current.count += 1;
    if (current.count <= this.max) return null;
    return Math.max(1, Math.ceil((current.start + this.windowMs - now) / 1000));
  }

  /** Drops ended windows now and then, so many one-off clients do not grow the map forever. */
  private sweep(now: number) {
    if (now - this.lastSweep < this.windowMs) return;
    this.lastSweep = now;
    for (const [key, window] of this.windows)
      if (now - window.start >= this.windowMs) this.windows.delete(key);
  }
}
