import { createHmac, timingSafeEqual } from 'crypto';
import { FixedWindowLimiter } from '../../server/src/preferences/rate-limit';
import {
  mintUnsubscribeToken,
  verifyUnsubscribeToken,
  type TokenSigner,
} from '../../server/src/preferences/unsubscribe-token';

const signer = (key: string): TokenSigner => ({
  sign: (value) => createHmac('sha256', key).update(value).digest('base64url'),
  verifySignature(value, signature) {
    const expected = Buffer.from(this.sign(value));
    const given = Buffer.from(signature);
    return expected.length === given.length && timingSafeEqual(expected, given);
  },
});

describe('unsubscribe tokens', () => {
  const key = signer('k1');

  it('round-trips the normalised address', () => {
    const token = mintUnsubscribeToken(key, '  Ann@Example.COM ', null);
    expect(verifyUnsubscribeToken(key, token)).toEqual({ ok: true, email: 'ann@example.com' });
  });

  it('refuses another key, a changed address or expiry, and garbage', () => {
    const token = mintUnsubscribeToken(key, 'ann@example.com', null);
    expect(verifyUnsubscribeToken(signer('k2'), token)).toEqual({ ok: false, reason: 'signature' });
    const [v, , exp, sig] = token.split('.');
    const other = Buffer.from('bob@example.com').toString('base64url');
    expect(verifyUnsubscribeToken(key, [v, other, exp, sig].join('.'))).toEqual({
      ok: false,
      reason: 'signature',
    });
    const [, email] = token.split('.');
    expect(verifyUnsubscribeToken(key, [v, email, '9999999999', sig].join('.')).ok).toBe(false);
    for (const bad of ['', 'u1', 'u1.a.b.c', 'u0.' + token.slice(3), `${token}.x`])
      expect(verifyUnsubscribeToken(key, bad)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('expires when minted with an expiry', () => {
    const token = mintUnsubscribeToken(key, 'ann@example.com', new Date('2030-01-01T00:00:00Z'));
    expect(verifyUnsubscribeToken(key, token, new Date('2029-12-31T00:00:00Z')).ok).toBe(true);
    expect(verifyUnsubscribeToken(key, token, new Date('2030-01-02T00:00:00Z'))).toEqual({
      ok: false,
      reason: 'expired',
    });
  });

  it('mints nothing for a non-address', () => {
    expect(() => mintUnsubscribeToken(key, 'nope', null)).toThrow(/not an email address/);
  });
});

describe('fixed-window rate limit', () => {
  it('allows max per window per key, then says how long to wait; a new window resets', () => {
    const limiter = new FixedWindowLimiter(3, 60_000);
    const t = 1_000_000;
    expect([0, 1, 2].map((i) => limiter.hit('a', t + i))).toEqual([null, null, null]);
    expect(limiter.hit('a', t + 10)).toBe(60);
    expect(limiter.hit('a', t + 30_500)).toBe(30);
    expect(limiter.hit('b', t + 30_500)).toBeNull();
    expect(limiter.hit('a', t + 60_000)).toBeNull();
  });
});
