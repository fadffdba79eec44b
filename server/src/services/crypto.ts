import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  randomBytes,
  timingSafeEqual,
} from 'crypto';
import type { Core } from '@strapi/strapi';

/** The env var that, when set, holds the key for the plugin's secrets (any length; hashed to 256 bits). */
export const ENCRYPTION_KEY_ENV = 'EMAIL_MARKETING_ENCRYPTION_KEY';

const VERSION = 'v1';

/** AES-256-GCM with a random 96-bit IV; the output names its version so the scheme can evolve. */
export const encryptWith = (key: Buffer, plaintext: string): string => {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [
    VERSION,
    iv.toString('base64'),
    cipher.getAuthTag().toString('base64'),
    data.toString('base64'),
  ].join(':');
};

export const decryptWith = (key: Buffer, sealed: string): string => {
  const [version, iv, tag, data] = sealed.split(':');
  if (version !== VERSION || !iv || !tag || data === undefined)
    throw new Error('Unreadable encrypted value');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]).toString(
    'utf8'
  );
};

export const deriveKey = (secret: string): Buffer =>
  createHash('sha256').update(`email-marketing:${secret}`).digest();

const crypto = ({ strapi }: { strapi: Core.Strapi }) => {
  const secret = () =>
    process.env[ENCRYPTION_KEY_ENV] ||
    (strapi.config.get('admin.secrets.encryptionKey') as string | undefined);
  const key = () => {
    const value = secret();
    if (!value) {
      throw new Error(
        `email-marketing cannot store secrets: set ${ENCRYPTION_KEY_ENV} or admin.secrets.encryptionKey (config/admin.ts).`
      );
    }
    return deriveKey(value);
  };
  return {
    isConfigured: () => Boolean(secret()),
    encrypt: (plaintext: string) => encryptWith(key(), plaintext),
    decrypt: (sealed: string) => decryptWith(key(), sealed),
    /** An HMAC over `value`, for signed OAuth states and webhook URLs. */
    sign: (value: string) => createHmac('sha256', key()).update(value).digest('base64url'),
    verifySignature(value: string, signature: string) {
      const expected = Buffer.from(this.sign(value));
      const given = Buffer.from(signature);
      return expected.length === given.length && timingSafeEqual(expected, given);
    },
  };
};

export default crypto;
