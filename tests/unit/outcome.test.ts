import { decideFailure, PermanentJobError } from '../../server/src/jobs/outcome';
import { PlatformError, type PlatformErrorKind } from '../../server/src/providers/errors';

const now = new Date('2026-11-23T10:00:00.000Z');
const decide = (error: unknown, attempt = 1, maxAttempts = 5) =>
  decideFailure({
    error,
    attempt,
    maxAttempts,
    backoffBaseMs: 1000,
    backoffMaxMs: 60_000,
    now,
    random: () => 0.5,
  });
const platform = (kind: PlatformErrorKind, retryAfterMs?: number) =>
  new PlatformError({ kind, provider: 'mailchimp', message: kind, retryAfterMs });

describe('what a failed attempt becomes', () => {
  it.each<PlatformErrorKind>(['validation', 'compliance', 'forgotten', 'auth', 'not_found'])(
    'records a %s error as failed, never retried',
    (kind) => {
      expect(decide(platform(kind))).toMatchObject({
        status: 'failed',
        error: { kind, retryable: false, attempt: 1 },
      });
    }
  );

  it.each<PlatformErrorKind>(['rate_limit', 'transient'])('retries a %s error later', (kind) => {
    const outcome = decide(platform(kind), 2);
    expect(outcome).toMatchObject({ status: 'queued', error: { kind, retryable: true } });
    if (outcome.status === 'queued') expect(outcome.runAt.getTime() - now.getTime()).toBe(1000);
  });

  it('waits at least Retry-After', () => {
    const outcome = decide(platform('rate_limit', 45_000));
    expect(outcome.status === 'queued' && outcome.runAt.toISOString()).toBe(
      '2026-11-23T10:00:45.000Z'
    );
  });

  it('makes the job dead on its last attempt', () => {
    expect(decide(platform('transient'), 5, 5).status).toBe('dead');
    expect(decide(new Error('socket hang up'), 5, 5).status).toBe('dead');
  });

  it('retries unknown exceptions, and never a PermanentJobError', () => {
    expect(decide(new Error('socket hang up')).status).toBe('queued');
    expect(decide(new PermanentJobError('bad payload')).status).toBe('failed');
  });

  it('recognises a PlatformError from another copy of the class by its shape', () => {
    const foreign = Object.assign(new Error('slow down'), {
      name: 'PlatformError',
      kind: 'rate_limit',
      retryAfterMs: 5000,
    });
    const outcome = decide(foreign);
    expect(outcome).toMatchObject({ status: 'queued', error: { kind: 'rate_limit' } });
  });
});
