/**
 * Klaviyo's rate limits: per account and per endpoint, two fixed windows (burst 1 s, steady
 * 1 min), plus a daily cap on a few endpoints. Tiers are the SDK's JSDoc (klaviyo-api 23.0.0).
 */
export interface Tier {
  burst: number;
  steady: number;
  daily?: number;
}

export const TIERS = {
  XS: { burst: 1, steady: 15 },
  S: { burst: 3, steady: 60 },
  M: { burst: 10, steady: 150 },
  L: { burst: 75, steady: 750 },
  XL: { burst: 350, steady: 3500 },
  VALUES_REPORT: { burst: 1, steady: 2, daily: 225 },
  LIST_CREATE: { burst: 10, steady: 150, daily: 150 },
} satisfies Record<string, Tier>;

export interface Windows {
  burstMs: number;
  steadyMs: number;
}

interface Counter {
  burstStart: number;
  burst: number;
  steadyStart: number;
  steady: number;
}

export type RateDecision =
  | { ok: true; limit: number; remaining: number; resetSeconds: number }
  | { ok: false; retryAfterSeconds: number };

/** Fixed windows aligned to multiples of their length, as Klaviyo's are. */
export class RateLimiter {
  private readonly counters = new Map<string, Counter>();
  private readonly daily = new Map<string, number>();
  /** Every refusal, for tests: which endpoint and why. */
  readonly refusals: Array<{ key: string; window: 'burst' | 'steady' | 'daily'; at: number }> = [];

  constructor(public windows: Windows) {}

  take(key: string, tier: Tier, now = Date.now()): RateDecision {
    const { burstMs, steadyMs } = this.windows;
    const burstStart = Math.floor(now / burstMs) * burstMs;
    const steadyStart = Math.floor(now / steadyMs) * steadyMs;
    let c = this.counters.get(key);
    if (!c) {
      c = { burstStart, burst: 0, steadyStart, steady: 0 };
      this.counters.set(key, c);
    }
    if (c.burstStart !== burstStart) Object.assign(c, { burstStart, burst: 0 });
    if (c.steadyStart !== steadyStart) Object.assign(c, { steadyStart, steady: 0 });
    const day = new Date(now).toISOString().slice(0, 10);
    const dailyKey = `${key}@${day}`;
    if (tier.daily !== undefined && (this.daily.get(dailyKey) ?? 0) >= tier.daily) {
      this.refusals.push({ key, window: 'daily', at: now });
      const midnight = Date.parse(`${day}T00:00:00Z`) + 86_400_000;
      return { ok: false, retryAfterSeconds: Math.ceil((midnight - now) / 1000) };
    }
    if (c.steady >= tier.steady) {
      this.refusals.push({ key, window: 'steady', at: now });
      return {
        ok: false,
        retryAfterSeconds: Math.max(1, Math.ceil((steadyStart + steadyMs - now) / 1000)),
      };
    }
    if (c.burst >= tier.burst) {
      this.refusals.push({ key, window: 'burst', at: now });
      return {
        ok: false,
        retryAfterSeconds: Math.max(1, Math.ceil((burstStart + burstMs - now) / 1000)),
      };
    }
    c.burst++;
    c.steady++;
    if (tier.daily !== undefined) this.daily.set(dailyKey, (this.daily.get(dailyKey) ?? 0) + 1);
    return {
      ok: true,
      limit: tier.steady,
      remaining: tier.steady - c.steady,
      resetSeconds: Math.ceil((steadyStart + steadyMs - now) / 1000),
    };
  }

  reset() {
    this.counters.clear();
    this.daily.clear();
    this.refusals.length = 0;
  }
}
