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

/** The signing key: derived apart from the encryption key, so the two uses share no material. */
export const deriveHmacKey = (secret: string): Buffer => deriveKey(`hmac:${secret}`);

const hmac = (key: Buffer, value: string) =>
  createHmac('sha256', key).update(value).digest('base64url');

const sameText = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

const crypto = ({ strapi }: { strapi: Core.Strapi }) => {
  const secret = () =>
    process.env[ENCRYPTION_KEY_ENV] ||
    (strapi.config.get('admin.secrets.encryptionKey') as string | undefined);
  const configured = () => {
    const value = secret();
    if (!value) {
      throw new Error(
        `email-marketing cannot store secrets: set ${ENCRYPTION_KEY_ENV} or admin.secrets.encryptionKey (config/admin.ts).`
      );
    }
    return value;
  };
  // Unchanged: credentials encrypted before keep decrypting.
  const key = () => deriveKey(configured());
  return {
    isConfigured: () => Boolean(secret()),
    encrypt: (plaintext: string) => encryptWith(key(), plaintext),
    decrypt: (sealed: string) => decryptWith(key(), sealed),
    /** An HMAC over `value`, for signed OAuth states and unsubscribe tokens. */
    sign: (value: string) => hmac(deriveHmacKey(configured()), value),
    /**
     * Constant-time check. A signature made with the encryption key (tokens minted before the
     * keys were separated, e.g. unsubscribe links in sent emails) is still accepted: an opt-out
     * link must keep working. Nothing is signed with that key any more.
     */
    verifySignature(value: string, signature: string) {
      return sameText(this.sign(value), signature) || sameText(hmac(key(), value), signature);
    },
  };
};

export default crypto;
