/** Faults the simulator can inject; every field is optional and off by default. */
export interface Faults {
  /**
   * How long every API call takes on the server, in ms, its own processing included (a remote
   * API's response time): the simulator waits for whatever the handler did not already use.
   */
  latencyMs?: number;
  /** Uniform extra latency in [0, jitterMs). */
  jitterMs?: number;
  /** Simultaneous requests allowed per account; the next gets 429 (Mailchimp: 10 per user). */
  maxConcurrent?: number;
  /** How a concurrency 429 looks: Mailchimp's JSON problem, an empty body, or either at random. */
  concurrency429Body?: 'json' | 'empty' | 'mixed';
  /** Fraction of calls answered 429 regardless of concurrency (a "storm"). */
  rate429?: number;
  /** Retry-After seconds sent with 429s (Mailchimp itself usually sends none). */
  retryAfterSeconds?: number;
  /** Fraction of calls answered 500/503. */
  rate5xx?: number;
  /** Fraction of calls that never answer (the client must time out). */
  hangRate?: number;
  /** While now is inside [start, end) every API call fails: 503 or a dropped connection. */
  outage?: { start: number; end: number; mode?: '503' | 'drop' };
}

export const inOutage = (faults: Faults, at = Date.now()) =>
  Boolean(faults.outage && at >= faults.outage.start && at < faults.outage.end);

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
