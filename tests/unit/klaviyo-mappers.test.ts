import {
  campaignStatusOf,
  checkKlaviyoKey,
  importBatches,
  statusOf,
  templateName,
  toReportNumbers,
  WindowLimiter,
} from '../../server/src/providers/klaviyo';
import { coerce, toProfileAttributes } from '../../server/src/providers/klaviyo/fields';
import { parseFilter, matches } from '../simulator-klaviyo/filter';

const list = { id: 'L1', doubleOptIn: false };

describe('Klaviyo mappers', () => {
  it('maps consent and suppressions to the plugin status', () => {
    expect(
      statusOf(
        { can_receive_email_marketing: true, consent: 'SUBSCRIBED', consent_timestamp: null },
        list
      )
    ).toBe('subscribed');
    expect(
      statusOf(
        { can_receive_email_marketing: false, consent: 'UNSUBSCRIBED', consent_timestamp: null },
        list
      )
    ).toBe('unsubscribed');
    const bounced = {
      can_receive_email_marketing: false,
      consent: 'SUBSCRIBED',
      consent_timestamp: null,
      suppression: [{ reason: 'HARD_BOUNCE' as const, timestamp: 't' }],
    };
    expect(statusOf(bounced, list)).toBe('cleaned');
    const spam = {
      ...bounced,
      suppression: [{ reason: 'SPAM_COMPLAINT' as const, timestamp: 't' }],
    };
    expect(statusOf(spam, list)).toBe('cleaned');
    const listOff = {
      can_receive_email_marketing: true,
      consent: 'SUBSCRIBED',
      consent_timestamp: null,
      list_suppressions: [{ list_id: 'L1', reason: 'UNSUBSCRIBE', timestamp: 't' }],
    };
    expect(statusOf(listOff, list)).toBe('unsubscribed');
    expect(statusOf(listOff, { id: 'L2', doubleOptIn: false })).toBe('subscribed');
    const never = {
      can_receive_email_marketing: false,
      consent: 'NEVER_SUBSCRIBED',
      consent_timestamp: null,
    };
    expect(statusOf(never, list)).toBe('transactional');
    expect(statusOf(never, { id: 'L1', doubleOptIn: true })).toBe('pending');
  });

  it('maps every campaign status', () => {
    expect(
      [
        'Draft',
        'Scheduled',
        'Preparing to schedule',
        'Sending',
        'Adding Recipients',
        'Sent',
        'Variations Sent',
        'Cancelled',
        'Cancelled: Smart Sending',
      ].map(campaignStatusOf)
    ).toEqual([
      'draft',
      'scheduled',
      'scheduled',
      'sending',
      'sending',
      'sent',
      'sent',
      'cancelled',
      'cancelled',
    ]);
  });

  it('turns values-report counts into report numbers with delivered = recipients − bounces', () => {
    const numbers = toReportNumbers({
      recipients: 100,
      delivered: 95,
      bounced: 3,
      failed: 2,
      opens: 60,
      opens_unique: 40,
      clicks: 12,
      clicks_unique: 9,
      unsubscribe_uniques: 2,
      spam_complaints: 1,
    });
    expect(numbers).toEqual({
      emailsSent: 100,
      hardBounces: 3,
      softBounces: 2,
      opens: 60,
      uniqueOpens: 40,
      clicks: 12,
      uniqueClicks: 9,
      unsubscribes: 2,
      spamComplaints: 1,
      timeseries: [],
    });
    expect(numbers.emailsSent - numbers.hardBounces - numbers.softBounces).toBe(95);
    expect(toReportNumbers({})).toEqual(
      expect.objectContaining({ emailsSent: 0, hardBounces: 0, softBounces: 0 })
    );
  });

  it('names templates "<site> Campaign - <subject> - <timestamp>"', () => {
    expect(templateName('Acme', 'Hello', new Date('2026-01-02T03:04:05Z'))).toBe(
      'Acme Campaign - Hello - 2026-01-02T03:04:05.000Z'
    );
  });

  it('splits imports by count and by bytes', () => {
    expect(
      importBatches(
        Array.from({ length: 25 }, (_, i) => i),
        () => 1,
        10,
        1000
      ).map((b) => b.length)
    ).toEqual([10, 10, 5]);
    expect(importBatches([1, 2, 3, 4], () => 400, 10, 1000).map((b) => b.length)).toEqual([2, 2]);
  });

  it('checks private keys', () => {
    expect(checkKlaviyoKey('pk_0123456789abcdef0123456789abcdef01')).toEqual({ ok: true });
    expect(checkKlaviyoKey('').ok).toBe(false);
    expect(checkKlaviyoKey('pk_short').ok).toBe(false);
    expect(checkKlaviyoKey('pk_0123456789abcdef-0123456789').ok).toBe(false);
  });

  it('coerces values and builds import attributes', () => {
    const field = (type: 'number' | 'date' | 'birthday' | 'dropdown', choices?: string[]) => ({
      tag: 't',
      name: 't',
      type,
      required: false,
      options: { choices },
    });
    expect(coerce(field('number'), '42')).toEqual({ ok: true, value: 42 });
    expect(coerce(field('date'), '2024-02-30').ok).toBe(false);
    expect(coerce(field('birthday'), '1990-07-04')).toEqual({ ok: true, value: '07/04' });
    expect(coerce(field('dropdown', ['a']), 'b').ok).toBe(false);
    expect(
      toProfileAttributes('x@y.io', {
        first_name: 'X',
        'location.city': 'Oslo',
        plan: 'pro',
        last_name: '',
      })
    ).toEqual({
      email: 'x@y.io',
      first_name: 'X',
      last_name: null,
      location: { city: 'Oslo' },
      properties: { plan: 'pro' },
    });
  });

  it('queues calls to stay under a burst and a steady window', async () => {
    const limiter = new WindowLimiter({ burst: 1, burstMs: 100, steady: 2, steadyMs: 400 }, 10);
    const starts: number[] = [];
    const t0 = Date.now();
    await Promise.all([1, 2, 3].map(() => limiter.run(async () => starts.push(Date.now() - t0))));
    expect(starts[1] - starts[0]).toBeGreaterThanOrEqual(100);
    expect(starts[2] - starts[0]).toBeGreaterThanOrEqual(400);
  });

  it('refuses past the daily cap with a rate-limit error', async () => {
    const limiter = new WindowLimiter(
      { burst: 10, burstMs: 10, steady: 10, steadyMs: 10, daily: 1 },
      0
    );
    await limiter.run(async () => 1);
    await expect(limiter.run(async () => 2)).rejects.toMatchObject({ kind: 'rate_limit' });
  });
});

describe('Klaviyo simulator filters', () => {
  const allowed = {
    email: ['any', 'equals'],
    'a.reason': ['equals'],
    'a.timestamp': ['greater-than'],
  };
  it('parses and matches and(), any() and dates on one array element', () => {
    const c = parseFilter(
      'and(equals(a.reason,"X"),greater-than(a.timestamp,2024-01-01T00:00:00Z))',
      allowed
    );
    const get = (items: Array<Record<string, unknown>>) => (f: string) =>
      f === 'a' ? items : undefined;
    const arrays = { a: (x: Record<string, unknown>) => x };
    expect(matches(c, get([{ reason: 'X', timestamp: '2024-06-01T00:00:00Z' }]), arrays)).toBe(
      true
    );
    expect(
      matches(
        c,
        get([
          { reason: 'X', timestamp: '2023-06-01T00:00:00Z' },
          { reason: 'Y', timestamp: '2024-06-01T00:00:00Z' },
        ]),
        arrays
      )
    ).toBe(false);
    expect(parseFilter('any(email,["a@b.co","c@d.co"])', allowed)[0].value).toEqual([
      'a@b.co',
      'c@d.co',
    ]);
  });
  it('refuses fields and operators the endpoint does not allow', () => {
    expect(() => parseFilter('equals(name,"x")', allowed)).toThrow(/not a filterable field/);
    expect(() => parseFilter('greater-than(email,"x")', allowed)).toThrow(/not allowed/);
  });
});
