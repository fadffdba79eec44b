import { createHmac } from 'crypto';
import type { Core } from '@strapi/strapi';
import cryptoService, { deriveKey, encryptWith } from '../../server/src/services/crypto';

const SECRET = 'test-encryption-key';
const service = () =>
  cryptoService({ strapi: { config: { get: () => SECRET } } as unknown as Core.Strapi });
const hmacWith = (key: Buffer, value: string) =>
  createHmac('sha256', key).update(value).digest('base64url');

describe('crypto service: separate encryption and signing keys', () => {
  const saved = process.env.EMAIL_MARKETING_ENCRYPTION_KEY;
  beforeAll(() => delete process.env.EMAIL_MARKETING_ENCRYPTION_KEY);
  afterAll(() => {
    if (saved !== undefined) process.env.EMAIL_MARKETING_ENCRYPTION_KEY = saved;
  });

  it('signs with a key other than the encryption key', () => {
    const signature = service().sign('unsubscribe|v1|a@example.com|0');
    expect(signature).not.toBe(hmacWith(deriveKey(SECRET), 'unsubscribe|v1|a@example.com|0'));
    expect(service().verifySignature('unsubscribe|v1|a@example.com|0', signature)).toBe(true);
    expect(service().verifySignature('unsubscribe|v1|b@example.com|0', signature)).toBe(false);
  });

  it('keeps credentials encrypted before readable, and signatures made before valid', () => {
    const sealed = encryptWith(deriveKey(SECRET), 'api-key-us7');
    expect(service().decrypt(sealed)).toBe('api-key-us7');
    const legacy = hmacWith(deriveKey(SECRET), 'state-body');
    expect(service().verifySignature('state-body', legacy)).toBe(true);
    expect(service().verifySignature('other-body', legacy)).toBe(false);
  });
});
