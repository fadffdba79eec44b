import { isRetryableKind, type PlatformError, type PlatformErrorKind } from '../providers/errors';
import { retryDelayMs } from './backoff';

const KINDS: ReadonlySet<string> = new Set<PlatformErrorKind>([
  'auth',
  'validation',
  'not_found',
  'rate_limit',
  'transient',
  'compliance',
  'forgotten',
]);

/**
 * Reads a PlatformError by shape rather than `instanceof`: a provider bundled in another copy
 * of the plugin (dist/ vs source, or a second provider package) has its own class object.
 */
const asPlatformError = (error: unknown): PlatformError | null => {
  if (!(error instanceof Error) || error.name !== 'PlatformError') return null;
  const { kind } = error as { kind?: unknown };
  return typeof kind === 'string' && KINDS.has(kind) ? (error as PlatformError) : null;
};

/** What the engine stores as a job's last error: a plain object, safe as JSON. */
export interface StoredError {
  message: string;
  name?: string;
  kind?: string;
  provider?: string;
  status?: number;
  title?: string;
  detail?: string;
  fieldErrors?: { field: string; message: string }[];
  retryable: boolean;
  attempt: number;
  at: string;
}

export type FailureOutcome =
  | { status: 'queued'; runAt: Date; error: StoredError }
  | { status: 'failed' | 'dead'; error: StoredError };

/** Thrown by a handler to say "do not retry this", for errors that are not PlatformErrors. */
export class PermanentJobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentJobError';
  }
}

const describe = (error: unknown, attempt: number, now: Date): StoredError => {
  const at = now.toISOString();
  const platform = asPlatformError(error);
  if (platform) {
    const { kind, provider, status, title, detail, fieldErrors, message, name } = platform;
    return {
      message,
      name,
      kind,
      provider,
      status,
      title,
      detail,
      fieldErrors,
      retryable: isRetryableKind(kind),
      attempt,
      at,
    };
  }
  if (error instanceof PermanentJobError)
    return { message: error.message, name: error.name, retryable: false, attempt, at };
  if (error instanceof Error)
    return { message: error.message, name: error.name, retryable: true, attempt, at };
  return { message: String(error), retryable: true, attempt, at };
};

/**
 * Decides a failed attempt's fate. Platform errors carry their own verdict (rate_limit and
 * transient retry; validation, compliance, forgotten, auth, not_found never do); any other
 * exception is treated as transient (a bug or a dropped connection), so it is retried until
 * `maxAttempts` and then the job is dead.
 */
export const decideFailure = (input: {
  error: unknown;
  attempt: number;
  maxAttempts: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  now: Date;
  random?: () => number;
}): FailureOutcome => {
  const stored = describe(input.error, input.attempt, input.now);
  if (!stored.retryable) return { status: 'failed', error: stored };
  if (input.attempt >= input.maxAttempts) return { status: 'dead', error: stored };
  const retryAfterMs = asPlatformError(input.error)?.retryAfterMs;
  const delay = retryDelayMs({
    attempt: input.attempt,
    baseMs: input.backoffBaseMs,
    maxMs: input.backoffMaxMs,
    retryAfterMs,
    random: input.random,
  });
  return { status: 'queued', runAt: new Date(input.now.getTime() + delay), error: stored };
};
